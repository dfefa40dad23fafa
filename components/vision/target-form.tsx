"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { createTargetAction } from "@/lib/actions/vision";
import { Button } from "@/components/ui/button";
import type { VisionDto } from "@/lib/data/vision";
import { addQuarters } from "@/lib/quarters";
import { actionErrorText } from "./action-error";

const field = "h-9 rounded-md border border-border bg-card px-2 text-sm text-foreground";

export function TargetForm({ vision }: { vision: VisionDto }) {
  const t = useTranslations("vision");
  const router = useRouter();
  const [kind, setKind] = useState<"capability" | "skill">("capability");
  const [key, setKey] = useState(vision.options.capabilities[0]?.key ?? "");
  const [level, setLevel] = useState(vision.options.capabilities[0]?.level || 3);
  const [headcount, setHeadcount] = useState(2);
  const quarters = Array.from({ length: 8 }, (_, i) => addQuarters(vision.currentQuarter, i));
  const [quarter, setQuarter] = useState<string>(quarters[2]!);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const options = kind === "capability" ? vision.options.capabilities : vision.options.skills;

  return (
    <form
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[auto_minmax(0,1fr)_auto_auto_auto_auto]"
      aria-label={t("addTarget")}
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await createTargetAction({ teamId: vision.team.id, kind, key, level, headcount, targetQuarter: quarter });
          setMessage(r.ok ? { ok: true, text: t("added") } : { ok: false, text: actionErrorText(t, r) });
          if (r.ok) router.refresh();
        });
      }}
    >
      <label className="space-y-1 text-xs text-muted-foreground">
        <span className="block">{t("kind")}</span>
        <select
          className={field}
          value={kind}
          onChange={(e) => {
            const k = e.target.value as "capability" | "skill";
            setKind(k);
            setKey((k === "capability" ? vision.options.capabilities[0]?.key : vision.options.skills[0]?.key) ?? "");
          }}
        >
          <option value="capability">{t("kindCapability")}</option>
          <option value="skill">{t("kindSkill")}</option>
        </select>
      </label>
      <label className="min-w-0 space-y-1 text-xs text-muted-foreground">
        <span className="block">{t("what")}</span>
        <select
          className={`${field} w-full`}
          value={key}
          onChange={(e) => {
            setKey(e.target.value);
            const cap = vision.options.capabilities.find((c) => c.key === e.target.value);
            if (cap?.level) setLevel(cap.level);
          }}
        >
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <label className="space-y-1 text-xs text-muted-foreground">
        <span className="block">{t("level")}</span>
        <select className={field} value={level} onChange={(e) => setLevel(Number(e.target.value))}>
          {[1, 2, 3, 4].map((l) => (
            <option key={l} value={l}>
              ≥ {l}
            </option>
          ))}
        </select>
      </label>
      <label className="space-y-1 text-xs text-muted-foreground">
        <span className="block">{t("headcount")}</span>
        <input className={`${field} w-20`} type="number" min={1} max={50} value={headcount} onChange={(e) => setHeadcount(Number(e.target.value))} />
      </label>
      <label className="space-y-1 text-xs text-muted-foreground">
        <span className="block">{t("quarter")}</span>
        <select className={field} value={quarter} onChange={(e) => setQuarter(e.target.value)}>
          {quarters.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-end">
        <Button type="submit" disabled={pending || !key}>
          {t("add")}
        </Button>
      </div>
      <p role="status" aria-live="polite" className={`text-sm sm:col-span-2 lg:col-span-6 ${message?.ok === false ? "text-danger" : "text-muted-foreground"}`}>
        {message?.text}
      </p>
    </form>
  );
}
