"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Input } from "@/components/ui/input";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useActionMessage } from "@/components/ui/use-action-message";
import { closeCycleAction, openCycleAction, reopenCycleAction } from "@/lib/actions/cycles";
import type { CycleDto } from "@/lib/data/cycles";
import { addQuarters, quarterEnd, quarterStart } from "@/lib/quarters";

const QUARTER = /^\d{4}-Q[1-4]$/;
const day = (d: Date) => d.toISOString().slice(0, 10);
const defaultClose = (quarter: string) => (QUARTER.test(quarter) ? day(quarterEnd(quarter)) : "");

/**
 * A new cycle's dates: it starts with its quarter (or today, when opened early
 * with a close before the quarter begins) and closes on the planned day.
 */
function cycleDates(quarter: string, endsOn: string | null) {
  if (!QUARTER.test(quarter)) return { startsOn: "", endsOn: "" };
  const close = endsOn ?? defaultClose(quarter);
  const start = day(quarterStart(quarter));
  return { startsOn: start <= close ? start : [day(new Date()), close].sort()[0]!, endsOn: close };
}

type Pending = { kind: "close" | "reopen"; cycle: CycleDto };

export function CyclesAdmin({
  cycles,
  suggested,
  currentQuarter,
}: {
  cycles: CycleDto[];
  suggested: string;
  currentQuarter: string;
}) {
  const t = useTranslations("cycles");
  const router = useRouter();
  const [pending, start] = useTransition();
  const { message, show } = useActionMessage();
  const [quarter, setQuarter] = useState(suggested);
  // The planned close: reminders go out before it (lib/notifications/scheduler.ts). The quarter's end unless chosen.
  const [endsOn, setEndsOn] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Pending | null>(null);
  const run = (fn: () => Promise<{ ok: true } | { ok: false; error: string }>, ok: string) =>
    start(async () => {
      const r = await fn();
      setConfirming(null);
      show(r, ok);
      if (r.ok) router.refresh();
    });
  // Only the most recent closed quarter may be reopened, and only while no cycle is open.
  const anyOpen = cycles.some((c) => c.status === "open");
  const latestClosed = cycles.filter((c) => c.status === "closed").at(-1);
  // Ratings entered after a close count toward the quarter after it (or the current one, for an older quarter).
  const countsToward = (q: string) => (q >= currentQuarter ? addQuarters(q, 1) : currentQuarter);
  return (
    <div className="space-y-4">
      <FormStatus message={message} className="min-h-5" />
      <Table>
        <THead plain>
          <tr>
            <Th plain>{t("quarter")}</Th>
            <Th plain>{t("dates")}</Th>
            <Th plain>{t("status")}</Th>
            <Th plain />
          </tr>
        </THead>
        <TBody>
          {cycles.map((c) => (
            <Tr key={c.id}>
              <Th plain scope="row" className="py-2">
                {c.quarter}
              </Th>
              <Td plain>
                {c.startsOn} → {c.endsOn}
              </Td>
              <Td plain>
                <Badge variant={c.status === "open" ? "strong" : "outline"}>{t(`state.${c.status}`)}</Badge>
                {c.closedAt && (
                  <span className="ml-2 text-xs text-muted-foreground">
                    {t("frozenAt", { at: c.closedAt.slice(0, 16).replace("T", " ") })}
                  </span>
                )}
              </Td>
              <Td plain className="pe-0 text-right">
                {c.status === "open" && (
                  <Button
                    size="sm"
                    variant="outline"
                    disabled={pending}
                    onClick={() => setConfirming({ kind: "close", cycle: c })}
                  >
                    {t("close", { quarter: c.quarter })}
                  </Button>
                )}
                {c.id === latestClosed?.id && !anyOpen && (
                  <Button
                    size="sm"
                    variant="outline"
                    disabled={pending}
                    onClick={() => setConfirming({ kind: "reopen", cycle: c })}
                  >
                    {t("reopen", { quarter: c.quarter })}
                  </Button>
                )}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {confirming && (
        <ConfirmDialog
          title={t(`${confirming.kind}Confirm.title`, { quarter: confirming.cycle.quarter })}
          confirmLabel={t(`${confirming.kind}Confirm.confirm`, { quarter: confirming.cycle.quarter })}
          cancelLabel={t("cancel")}
          pending={pending}
          danger={confirming.kind === "reopen"}
          onCancel={() => setConfirming(null)}
          onConfirm={() =>
            confirming.kind === "close"
              ? run(() => closeCycleAction({ cycleId: confirming.cycle.id }), t("closed"))
              : run(
                  () => reopenCycleAction({ cycleId: confirming.cycle.id }),
                  t("reopened", { quarter: confirming.cycle.quarter }),
                )
          }
        >
          <p>
            {t(`${confirming.kind}Confirm.body`, {
              quarter: confirming.cycle.quarter,
              next: countsToward(confirming.cycle.quarter),
            })}
          </p>
        </ConfirmDialog>
      )}
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          run(() => openCycleAction({ quarter, ...cycleDates(quarter, endsOn) }), t("opened"));
        }}
      >
        <Field label={t("newCycle")}>
          <Input value={quarter} onChange={(e) => setQuarter(e.target.value)} pattern="\d{4}-Q[1-4]" required />
        </Field>
        <Field label={t("plannedClose")}>
          <Input
            type="date"
            value={endsOn ?? defaultClose(quarter)}
            onChange={(e) => setEndsOn(e.target.value || null)}
            required
          />
        </Field>
        <Button type="submit" disabled={pending}>
          {t("open")}
        </Button>
      </form>
    </div>
  );
}
