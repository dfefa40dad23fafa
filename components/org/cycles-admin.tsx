"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { closeCycleAction, openCycleAction, reopenCycleAction } from "@/lib/actions/cycles";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { CycleDto } from "@/lib/data/cycles";
import { addQuarters, quarterEnd, quarterStart } from "@/lib/quarters";

const field = "h-9 rounded-md border border-border bg-card px-2 text-sm";

type Pending = { kind: "close" | "reopen"; cycle: CycleDto };

export function CyclesAdmin({ cycles, suggested, currentQuarter }: { cycles: CycleDto[]; suggested: string; currentQuarter: string }) {
  const t = useTranslations("cycles");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [quarter, setQuarter] = useState(suggested);
  const [confirming, setConfirming] = useState<Pending | null>(null);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const run = (fn: () => Promise<{ ok: boolean; error?: string }>, ok: string) =>
    start(async () => {
      const r = await fn();
      setConfirming(null);
      setMessage(r.ok ? { ok: true, text: ok } : { ok: false, text: r.error ?? "" });
      if (r.ok) router.refresh();
    });
  // Only the most recent closed quarter may be reopened, and only while no cycle is open.
  const anyOpen = cycles.some((c) => c.status === "open");
  const latestClosed = cycles.filter((c) => c.status === "closed").at(-1);
  // Ratings entered after a close count toward the quarter after it (or the current one, for an older quarter).
  const countsToward = (q: string) => (q >= currentQuarter ? addQuarters(q, 1) : currentQuarter);
  return (
    <div className="space-y-4">
      <p role="status" aria-live="polite" className={`min-h-5 text-sm ${message?.ok === false ? "text-danger" : "text-muted-foreground"}`}>
        {message?.text}
      </p>
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-muted-foreground">
          <tr>
            <th scope="col">{t("quarter")}</th>
            <th scope="col">{t("dates")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {cycles.map((c) => (
            <tr key={c.id} className="border-t border-border">
              <th scope="row" className="py-2 font-medium">{c.quarter}</th>
              <td>
                {c.startsOn} → {c.endsOn}
              </td>
              <td>
                <Badge variant={c.status === "open" ? "strong" : "outline"}>{t(`state.${c.status}`)}</Badge>
                {c.closedAt && <span className="ml-2 text-xs text-muted-foreground">{t("frozenAt", { at: c.closedAt.slice(0, 16).replace("T", " ") })}</span>}
              </td>
              <td className="text-right">
                {c.status === "open" && (
                  <Button size="sm" variant="outline" disabled={pending} onClick={() => setConfirming({ kind: "close", cycle: c })}>
                    {t("close", { quarter: c.quarter })}
                  </Button>
                )}
                {c.id === latestClosed?.id && !anyOpen && (
                  <Button size="sm" variant="outline" disabled={pending} onClick={() => setConfirming({ kind: "reopen", cycle: c })}>
                    {t("reopen", { quarter: c.quarter })}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
              : run(() => reopenCycleAction({ cycleId: confirming.cycle.id }), t("reopened", { quarter: confirming.cycle.quarter }))
          }
        >
          <p>{t(`${confirming.kind}Confirm.body`, { quarter: confirming.cycle.quarter, next: countsToward(confirming.cycle.quarter) })}</p>
        </ConfirmDialog>
      )}
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          run(() => openCycleAction({ quarter, startsOn: day(quarterStart(quarter)), endsOn: day(quarterEnd(quarter)) }), t("opened"));
        }}
      >
        <label className="space-y-1 text-xs text-muted-foreground">
          <span className="block">{t("newCycle")}</span>
          <input className={field} value={quarter} onChange={(e) => setQuarter(e.target.value)} pattern="\d{4}-Q[1-4]" required />
        </label>
        <Button type="submit" disabled={pending}>
          {t("open")}
        </Button>
      </form>
    </div>
  );
}
