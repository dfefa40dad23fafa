import { getTranslations } from "next-intl/server";

import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { DeliveryDto } from "@/lib/data/notifications";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";

// "sending" is a moment inside "pending" (a worker holds it): counted with it.
const COLUMNS = ["sent", "pending", "dead", "skipped", "expired"] as const;
const columnOf = (status: string) => (status === "sending" ? "pending" : status);

/** Emails of the last 30 days, kind × status. */
export async function DeliveryCounts({ counts }: { counts: DeliveryDto["counts"] }) {
  const t = await getTranslations("notifications");
  const tk = await getTranslations("emailKinds");
  if (counts.length === 0) return <p className="text-sm text-muted-foreground">{t("counts.none")}</p>;
  const cell = (kind: string, column: string) =>
    counts.filter((c) => c.kind === kind && columnOf(c.status) === column).reduce((sum, c) => sum + c.count, 0);
  return (
    <div className="relative overflow-x-auto">
      <Table className="min-w-[32rem]" data-testid="delivery-counts">
        <THead plain>
          <tr>
            <Th plain>{t("counts.kind")}</Th>
            {COLUMNS.map((c) => (
              <Th plain key={c} className="text-right">
                {t(`status.${c}`)}
              </Th>
            ))}
          </tr>
        </THead>
        <TBody>
          {NOTIFICATION_KINDS.map((kind) => (
            <Tr key={kind}>
              <Th plain scope="row">
                {tk(kind)}
              </Th>
              {COLUMNS.map((c) => {
                const n = cell(kind, c);
                return (
                  <Td
                    plain
                    key={c}
                    className={`text-right tabular-nums ${n === 0 ? "text-muted-foreground" : c === "dead" ? "font-semibold text-danger" : ""}`}
                  >
                    {n}
                  </Td>
                );
              })}
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
