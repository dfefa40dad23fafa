import { getFormatter, getTranslations } from "next-intl/server";

import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ScimEventDto } from "@/lib/data/directory";
import { scimOutcome } from "@/lib/scim/event-outcome";

/** The latest SCIM requests that changed something or were refused; a refusal is marked in words, not colour alone. */
export async function ProvisioningLog({ events }: { events: ScimEventDto[] }) {
  const t = await getTranslations("directory.log");
  const format = await getFormatter();
  if (events.length === 0) return <p className="text-sm text-muted-foreground">{t("none")}</p>;
  return (
    <div className="relative overflow-x-auto">
      <Table className="min-w-[44rem]">
        <THead plain>
          <tr>
            <Th plain>{t("at")}</Th>
            <Th plain>{t("token")}</Th>
            <Th plain>{t("request")}</Th>
            <Th plain>{t("status")}</Th>
            <Th plain>{t("detail")}</Th>
          </tr>
        </THead>
        <TBody>
          {events.map((e) => {
            const failed = e.status >= 400;
            return (
              <Tr
                key={e.id}
                className={failed ? "bg-danger/5 align-top" : "align-top"}
                data-failed={failed || undefined}
              >
                <Td plain className="py-2 text-xs whitespace-nowrap tabular-nums">
                  {format.dateTime(new Date(e.at), { dateStyle: "short", timeStyle: "medium" })}
                </Td>
                <Td plain className="min-w-24 text-xs">
                  {e.tokenName ?? t("noToken")}
                </Td>
                <Td plain>
                  <code className="text-xs whitespace-nowrap">
                    {e.method} {e.path}
                  </code>
                </Td>
                <Td plain className="whitespace-nowrap">
                  {failed ? (
                    <Badge variant="outline" className="border-danger text-danger">
                      {t("failed", { status: e.status })}
                    </Badge>
                  ) : (
                    <span className="text-xs tabular-nums">{e.status}</span>
                  )}
                </Td>
                <Td plain className="min-w-48 text-xs break-words">
                  {t(`outcome.${scimOutcome(e)}`)}
                  {e.detail && (
                    <details className="mt-1 text-muted-foreground">
                      <summary className="cursor-pointer">{t("technical")}</summary>
                      <code lang="en" className="block">
                        {e.detail}
                        {e.scimType && ` (${e.scimType})`}
                      </code>
                    </details>
                  )}
                </Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
    </div>
  );
}
