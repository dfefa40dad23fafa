import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Table, TableCard, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { FindCell, FindRow } from "@/lib/analytics/find-people";
import { cn } from "@/lib/utils";

type Need = { ref: string; name: string; level: number; interested: boolean };

/** The ranked people: a real table (one column per requirement), readable by keyboard and screen reader. */
export async function FindResults({
  rows,
  total,
  needs,
  mayOpen,
}: {
  rows: FindRow[];
  total: number;
  needs: Need[];
  /** Per row: the viewer may open the person's page (else the name is plain text, never a link to a page that refuses). */
  mayOpen: boolean[];
}) {
  const t = await getTranslations("findPeople");
  if (rows.length === 0) return <p className="text-muted-foreground">{t("nobody")}</p>;
  return (
    <TableCard>
      <Table data-testid="find-results">
        <caption className="px-4 py-2 text-left text-sm text-muted-foreground">
          {t("metAll", { count: rows.filter((r) => r.met === needs.length).length })}{" "}
          {rows.length < total ? t("showingOf", { shown: rows.length, total }) : t("count", { count: total })}
        </caption>
        <THead>
          <tr>
            <Th>{t("person")}</Th>
            <Th>{t("teamLevel")}</Th>
            {needs.map((n) => (
              <Th key={n.ref} className="min-w-32">
                {n.name}
                <span className="block text-xs font-normal">
                  ≥ {n.level}
                  {n.interested ? ` · ${t("interested")}` : ""}
                </span>
              </Th>
            ))}
            <Th className="text-right">{t("match")}</Th>
          </tr>
        </THead>
        <TBody>
          {rows.map((r, i) => (
            <Tr key={r.person.id} data-testid="find-row">
              <Th scope="row" className="min-w-40">
                {mayOpen[i] ? (
                  <Link href={`/people/${r.person.id}`} className="underline-offset-2 hover:underline">
                    {r.person.name}
                  </Link>
                ) : (
                  r.person.name
                )}
                {r.readyWithTraining && (
                  <Badge variant="outline" className="mt-1 flex w-fit whitespace-nowrap">
                    {t("readyWithTraining")}
                  </Badge>
                )}
              </Th>
              <Td className="min-w-32 text-xs text-muted-foreground">
                {r.person.teams.map((x) => x.name).join(", ") || "—"}
                {r.person.levelName && <span className="block">{r.person.levelName}</span>}
              </Td>
              {r.cells.map((c, i) => (
                <Td key={needs[i]!.ref}>
                  <CellView cell={c} />
                </Td>
              ))}
              <Td className="text-right font-semibold tabular-nums">{r.score}%</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </TableCard>
  );
}

async function CellView({ cell }: { cell: FindCell }) {
  const t = await getTranslations("findPeople");
  const notes = [
    cell.source === "validated" ? t("validated") : cell.source === "self" ? t("self") : null,
    cell.stale ? t("stale") : null,
    (cell.interest ?? 0) >= 1 ? t("interested") : null,
  ].filter(Boolean);
  return (
    <span data-testid="find-cell" data-met={cell.met}>
      <span className={cn("font-semibold tabular-nums", cell.met ? "text-foreground" : "text-muted-foreground")}>
        {cell.value ?? t("unrated")}
        {cell.met && <span className="sr-only"> {t("metSr")}</span>}
        {cell.met && <span aria-hidden> ✓</span>}
      </span>
      {notes.length > 0 && <span className="block text-xs text-muted-foreground">{notes.join(" · ")}</span>}
    </span>
  );
}
