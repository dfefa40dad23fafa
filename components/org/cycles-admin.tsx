"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { closeCycleAction, openCycleAction } from "@/app/(app)/org/cycles/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { CycleDto } from "@/lib/data/cycles";
import { quarterEnd, quarterStart } from "@/lib/quarters";

const field = "h-9 rounded-md border border-border bg-card px-2 text-sm";

export function CyclesAdmin({ cycles, suggested }: { cycles: CycleDto[]; suggested: string }) {
  const t = useTranslations("cycles");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [quarter, setQuarter] = useState(suggested);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const run = (fn: () => Promise<{ ok: boolean; error?: string }>, ok: string) =>
    start(async () => {
      const r = await fn();
      setMessage(r.ok ? { ok: true, text: ok } : { ok: false, text: r.error ?? "" });
      if (r.ok) router.refresh();
    });
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
                  <Button size="sm" variant="outline" disabled={pending} onClick={() => run(() => closeCycleAction({ cycleId: c.id }), t("closed"))}>
                    {t("close", { quarter: c.quarter })}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
