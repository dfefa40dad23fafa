import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import type { GrowthView } from "@/lib/analytics/growth";
import type { SkillResources } from "@/lib/data/learning-resources";

const STEP_NUMBER =
  "grid h-6 w-6 shrink-0 place-items-center rounded-full bg-primary text-xs font-semibold text-primary-foreground";

/**
 * The growth table's stage and the suggested next skills, each with where it
 * stands, why it is suggested, a link to its skill page and its learning resources.
 */
export async function LearningPath({
  view,
  resources,
}: {
  view: Pick<GrowthView, "path" | "stage">;
  resources: SkillResources;
}) {
  const t = await getTranslations("growth");
  const ts = await getTranslations("skillPage");
  const roadmap = resources.frameworkKey ? `?roadmap=${encodeURIComponent(resources.frameworkKey)}` : "";
  const tp = await getTranslations("proficiency");
  const tn = await getTranslations("nav");
  const { path, stage } = view;
  return (
    <section aria-labelledby="path-title" className="rounded-lg border border-border bg-card p-5 shadow-sm">
      <h2 id="path-title" className="text-lg font-semibold">
        {t("path")}
      </h2>
      <p className="mt-1 text-sm text-muted-foreground">{t("pathIntro")}</p>
      {stage && (
        <p className="mt-3 rounded-md bg-muted p-3 text-sm">
          {t.rich("stage", {
            stage: stage.stage,
            focus: stage.focus,
            b: (chunks) => <span className="font-medium">{chunks}</span>,
          })}
        </p>
      )}
      {path.length === 0 ? (
        <p className="mt-4 text-sm text-muted-foreground">{t("pathEmpty")}</p>
      ) : (
        <ol className="mt-4 space-y-3">
          {path.map((step, i) => (
            <li key={step.key} className="flex gap-3">
              <span className={STEP_NUMBER}>{i + 1}</span>
              <div className="min-w-0">
                <Link
                  href={`/skills/${encodeURIComponent(step.key)}${roadmap}`}
                  className="text-sm text-primary hover:underline"
                >
                  {step.name}
                </Link>
                <div className="mt-1 flex flex-wrap gap-1">
                  <Badge variant="outline">
                    {step.current === null
                      ? t("unrated")
                      : t("now", { value: `${step.current} ${tp(String(step.current) as "0")}` })}
                  </Badge>
                  {step.reasons.map((r) => (
                    <Badge key={r} variant={r === "eager" ? "strong" : "default"}>
                      {t(`reasons.${r}`, { step: (step.transitionStep ?? 0) + 1 })}
                    </Badge>
                  ))}
                </div>
                {(resources.bySkill[step.key]?.length ?? 0) > 0 && (
                  <ul aria-label={ts("resourcesFor", { skill: step.name })} className="mt-1 space-y-0.5 text-xs">
                    {resources.bySkill[step.key]!.map((r) => (
                      <li key={r.id}>
                        <a
                          href={r.url}
                          target="_blank"
                          rel="noopener noreferrer"
                          className="break-words text-primary hover:underline"
                        >
                          ↗ {r.title}
                          <span className="sr-only"> {ts("opensNewTab")}</span>
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      <Link href="/me" className="mt-4 inline-block text-sm text-primary hover:underline">
        ← {tn("me")}
      </Link>
    </section>
  );
}
