import { getTranslations } from "next-intl/server";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { FrameworkTreeDto } from "@/lib/data/frameworks";

import { levelAccent } from "./level-accent";

type Level = FrameworkTreeDto["levels"][number];

export async function LevelSection({ level, count }: { level: Level; count: number }) {
  const t = await getTranslations("framework");
  const accent = levelAccent(level.position, count);
  const skillCount = level.categories.reduce((n, c) => n + c.skills.length, 0);
  return (
    <section id={`level-${level.key}`} aria-labelledby={`level-${level.key}-title`} className="scroll-mt-20">
      <Card className="overflow-hidden">
        <div className="border-b border-border p-5" style={{ borderTop: `4px solid ${accent}` }}>
          <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            <Badge variant="outline">{t("level", { n: level.position + 1 })}</Badge>
            <span>{t("skillCount", { count: skillCount })}</span>
          </div>
          <h2 id={`level-${level.key}-title`} className="mt-2 text-xl font-semibold tracking-tight">
            {level.name}
            {level.tagline && <span className="font-normal text-muted-foreground"> — {level.tagline}</span>}
          </h2>
          {level.summary && <p className="mt-1 text-sm text-muted-foreground">{level.summary}</p>}
        </div>
        <div className="p-5">
          <h3 className="sr-only">{t("skillAreas")}</h3>
          <ol className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
            {level.categories.map((category, i) => (
              <li key={category.key} className="rounded-md border border-border bg-background p-4">
                <h4 className="flex items-baseline gap-2 font-medium">
                  <span className="text-sm text-muted-foreground tabular-nums">{i + 1}.</span>
                  {category.name}
                </h4>
                <ul className="mt-2 space-y-1.5 text-sm">
                  {category.skills.map((skill) => (
                    <li key={skill.key} className="flex gap-2">
                      <span
                        aria-hidden
                        className="mt-1.5 h-1.5 w-1.5 shrink-0 rounded-full"
                        style={{ background: accent }}
                      />
                      <span>
                        {skill.name}
                        {skill.description && <span className="block text-muted-foreground">{skill.description}</span>}
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          {level.workStyle && (
            <figure className="mt-5 rounded-md bg-muted p-4">
              <figcaption className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
                {t("workStyle")}
              </figcaption>
              <blockquote className="mt-1 text-base italic">{level.workStyle}</blockquote>
              {level.workStyleNote && <p className="mt-2 text-sm text-muted-foreground">{level.workStyleNote}</p>}
            </figure>
          )}
        </div>
      </Card>
    </section>
  );
}
