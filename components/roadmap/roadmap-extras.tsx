import { getTranslations } from "next-intl/server";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TableCard, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { FrameworkTreeDto } from "@/lib/data/frameworks";

export async function CapabilityList({ capabilities }: { capabilities: FrameworkTreeDto["capabilities"] }) {
  const t = await getTranslations();
  if (capabilities.length === 0) return null;
  return (
    <section id="capabilities" aria-labelledby="capabilities-title" className="scroll-mt-20">
      <h2 id="capabilities-title" className="text-xl font-semibold tracking-tight">
        {t("framework.capabilities")}
      </h2>
      <p className="mt-1 text-sm text-muted-foreground">{t("framework.capabilitiesHint")}</p>
      <ul className="mt-4 grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {capabilities.map((c) => (
          <Card as="li" key={c.key} className="p-4">
            <div className="flex items-start justify-between gap-2">
              <h3 className="font-medium">{c.name}</h3>
              <Badge variant={c.importance >= 3 ? "strong" : "default"}>
                {t(`framework.importance.${String(c.importance) as "1" | "2" | "3"}`)}
              </Badge>
            </div>
            {c.description && <p className="mt-1 text-sm text-muted-foreground">{c.description}</p>}
            <ul className="mt-3 space-y-1 text-sm">
              {c.skills.map((s) => (
                <li key={s.key} className="flex justify-between gap-3">
                  <span className="line-clamp-2" title={s.name}>
                    {s.name}
                  </span>
                  <span className="shrink-0 text-xs text-muted-foreground">
                    {t("framework.needsAt", {
                      level: `${s.requiredProficiency} ${t(`proficiency.${String(s.requiredProficiency) as "0" | "1" | "2" | "3" | "4"}`)}`,
                    })}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </ul>
    </section>
  );
}

export async function GrowthTable({ rows }: { rows: FrameworkTreeDto["growthTable"] }) {
  const t = await getTranslations("framework");
  if (rows.length === 0) return null;
  return (
    <section id="growth" aria-labelledby="growth-title" className="scroll-mt-20">
      <h2 id="growth-title" className="text-xl font-semibold tracking-tight">
        {t("growthTable")}
      </h2>
      <TableCard className="mt-4">
        <Table>
          <THead>
            <tr>
              <Th>{t("stage")}</Th>
              <Th>{t("focus")}</Th>
            </tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={r.stage} className="align-top">
                <Th scope="row" className="py-3 whitespace-nowrap">
                  {r.stage}
                </Th>
                <Td className="py-3">{r.focus}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </TableCard>
    </section>
  );
}

export async function TransitionPath({ path }: { path: FrameworkTreeDto["transitionPath"] }) {
  const t = await getTranslations("framework");
  if (!path) return null;
  return (
    <section id="path" aria-labelledby="path-title" className="scroll-mt-20">
      <h2 id="path-title" className="text-xl font-semibold tracking-tight">
        {path.title || t("transitionPath")}
      </h2>
      {path.intro && <p className="mt-1 text-sm text-muted-foreground">{path.intro}</p>}
      <ol className="mt-4 grid gap-3 md:grid-cols-2">
        {path.steps.map((step, i) => (
          <Card as="li" key={i} className="flex gap-3 p-3">
            <span className="grid h-7 w-7 shrink-0 place-items-center rounded-full bg-primary text-sm font-semibold text-primary-foreground">
              {i + 1}
            </span>
            <span className="text-sm">{step}</span>
          </Card>
        ))}
      </ol>
    </section>
  );
}
