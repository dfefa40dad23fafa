"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Input } from "@/components/ui/input";
import { NamedOptions, Select } from "@/components/ui/select";
import { useActionMessage } from "@/components/ui/use-action-message";
import { createTargetAction } from "@/lib/actions/vision";
import type { VisionDto } from "@/lib/data/vision";
import { addQuarters } from "@/lib/quarters";

import { actionErrorText } from "./action-error";

export function TargetForm({ vision }: { vision: VisionDto }) {
  const t = useTranslations("vision");
  const router = useRouter();
  const [kind, setKind] = useState<"capability" | "skill">("capability");
  const [key, setKey] = useState(vision.options.capabilities[0]?.key ?? "");
  const [level, setLevel] = useState(vision.options.capabilities[0]?.level || 3);
  const [headcount, setHeadcount] = useState(2);
  const quarters = Array.from({ length: 8 }, (_, i) => addQuarters(vision.currentQuarter, i));
  const [quarter, setQuarter] = useState<string>(quarters[2]!);
  const { message, show } = useActionMessage();
  const [pending, start] = useTransition();
  const options = kind === "capability" ? vision.options.capabilities : vision.options.skills;

  return (
    <form
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[auto_minmax(0,1fr)_auto_auto_auto_auto]"
      aria-label={t("addTarget")}
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await createTargetAction({
            teamId: vision.team.id,
            kind,
            key,
            level,
            headcount,
            targetQuarter: quarter,
          });
          show(r, t("added"), (e) => actionErrorText(t, e));
          if (r.ok) router.refresh();
        });
      }}
    >
      <Field label={t("kind")}>
        <Select
          value={kind}
          onChange={(e) => {
            const k = e.target.value as "capability" | "skill";
            setKind(k);
            setKey((k === "capability" ? vision.options.capabilities[0]?.key : vision.options.skills[0]?.key) ?? "");
          }}
        >
          <option value="capability">{t("kindCapability")}</option>
          <option value="skill">{t("kindSkill")}</option>
        </Select>
      </Field>
      <Field label={t("what")} className="min-w-0">
        <Select
          className="w-full"
          value={key}
          onChange={(e) => {
            setKey(e.target.value);
            const cap = vision.options.capabilities.find((c) => c.key === e.target.value);
            if (cap?.level) setLevel(cap.level);
          }}
        >
          <NamedOptions items={options} />
        </Select>
      </Field>
      <Field label={t("level")}>
        <Select value={level} onChange={(e) => setLevel(Number(e.target.value))}>
          {[1, 2, 3, 4].map((l) => (
            <option key={l} value={l}>
              ≥ {l}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("headcount")}>
        <Input
          className="w-20"
          type="number"
          min={1}
          max={50}
          value={headcount}
          onChange={(e) => setHeadcount(Number(e.target.value))}
        />
      </Field>
      <Field label={t("quarter")}>
        <Select value={quarter} onChange={(e) => setQuarter(e.target.value)}>
          {quarters.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex items-end">
        <Button type="submit" disabled={pending || !key}>
          {t("add")}
        </Button>
      </div>
      <FormStatus message={message} className="sm:col-span-2 lg:col-span-6" />
    </form>
  );
}
