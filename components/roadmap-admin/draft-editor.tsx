"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormStatus } from "@/components/ui/form-status";
import { Input } from "@/components/ui/input";
import { Section } from "@/components/ui/section";
import { NamedOptions, Select } from "@/components/ui/select";
import { useActionMessage, type ActionMessage } from "@/components/ui/use-action-message";
import { moveDraftSkillAction, updateDraftSkillAction } from "@/lib/actions/frameworks";
import type { DraftDto } from "@/lib/data/framework-admin";
import { isEmptyDiff } from "@/lib/roadmap/diff";

import { DraftActions } from "./draft-actions";

type Skill = DraftDto["doc"]["levels"][number]["categories"][number]["skills"][number];

type SkillEditorProps = {
  draft: DraftDto;
  skill: Skill;
  categoryKey: string;
  retired: boolean;
  onMessage: (m: ActionMessage) => void;
};

function SkillEditor({ draft, skill, categoryKey, retired, onMessage }: SkillEditorProps) {
  const t = useTranslations("frameworkAdmin");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [form, setForm] = useState({
    nameEn: skill.name.en,
    nameZh: skill.name.zh,
    descriptionEn: skill.description?.en ?? "",
    descriptionZh: skill.description?.zh ?? "",
    categoryKey,
    retired,
  });
  const categories = draft.doc.levels.flatMap((l) =>
    l.categories.map((c) => ({ key: c.key, name: `${l.name.en} · ${c.name.en}` })),
  );
  const act = (fn: () => Promise<{ ok: boolean; error?: string }>) =>
    start(async () => {
      const r = await fn();
      onMessage(r.ok ? { ok: true, text: t("saved") } : { ok: false, text: r.error ?? "" });
      if (r.ok) router.refresh();
    });
  // The four bilingual text fields; the descriptions, which start empty, say what they are inside the box too.
  const textBox = (field: "nameEn" | "nameZh" | "descriptionEn" | "descriptionZh", placeholder = false) => (
    <Input
      size="sm"
      className="w-full text-xs"
      placeholder={placeholder ? t(field) : undefined}
      aria-label={`${t(field)}: ${skill.key}`}
      value={form[field]}
      onChange={(e) => setForm({ ...form, [field]: e.target.value })}
    />
  );
  return (
    <li
      className={`grid gap-2 border-t border-border p-3 lg:grid-cols-[1fr_1fr_auto] ${form.retired ? "opacity-60" : ""}`}
      aria-label={skill.name.en}
    >
      <div className="space-y-1">
        <code className="text-[10px] text-muted-foreground">{skill.key}</code>
        {textBox("nameEn")}
        {textBox("nameZh")}
      </div>
      <div className="space-y-1 pt-4">
        {textBox("descriptionEn", true)}
        {textBox("descriptionZh", true)}
        <Select
          size="sm"
          className="w-full text-xs"
          aria-label={`${t("category")}: ${skill.key}`}
          value={form.categoryKey}
          onChange={(e) => setForm({ ...form, categoryKey: e.target.value })}
        >
          <NamedOptions items={categories} />
        </Select>
      </div>
      <div className="flex flex-wrap items-start gap-1 pt-4">
        <label className="flex items-center gap-1 text-xs">
          <input
            type="checkbox"
            checked={form.retired}
            onChange={(e) => setForm({ ...form, retired: e.target.checked })}
          />
          {t("retired")}
        </label>
        <Button
          size="sm"
          disabled={pending}
          aria-label={`${t("save")}: ${skill.key}`}
          onClick={() =>
            act(() =>
              updateDraftSkillAction({
                frameworkId: draft.frameworkId,
                skillKey: skill.key,
                lockVersion: draft.lockVersion,
                ...form,
              }),
            )
          }
        >
          {t("save")}
        </Button>
        <Button
          size="sm"
          variant="outline"
          disabled={pending}
          aria-label={`${t("moveUp")}: ${skill.key}`}
          onClick={() =>
            act(() => moveDraftSkillAction({ frameworkId: draft.frameworkId, skillKey: skill.key, direction: "up" }))
          }
        >
          ↑
        </Button>
        <Button
          size="sm"
          variant="outline"
          disabled={pending}
          aria-label={`${t("moveDown")}: ${skill.key}`}
          onClick={() =>
            act(() => moveDraftSkillAction({ frameworkId: draft.frameworkId, skillKey: skill.key, direction: "down" }))
          }
        >
          ↓
        </Button>
      </div>
    </li>
  );
}

export function DraftEditor({ draft }: { draft: DraftDto }) {
  const t = useTranslations("frameworkAdmin");
  const locale = useLocale();
  const { message, setMessage } = useActionMessage();
  const retired = new Set(draft.retired);
  const diff = draft.diff;
  return (
    <div className="space-y-6">
      <FormStatus message={message} className="min-h-5" />
      <Section
        titleId="diff-title"
        title={
          draft.published
            ? t("diffTitle", { from: draft.published, to: draft.version })
            : t("firstVersion", { version: draft.version })
        }
      >
        {diff && (
          <ul className="mt-2 space-y-1 text-sm">
            {diff.added.map((d) => (
              <li key={`a${d.key}`}>＋ {t("added", { name: d.name })}</li>
            ))}
            {diff.retired.map((d) => (
              <li key={`r${d.key}`}>− {t("retiredLine", { name: d.name })}</li>
            ))}
            {diff.renamed.map((d) => (
              <li key={`n${d.key}`}>✎ {t("renamed", { from: d.from, to: d.to })}</li>
            ))}
            {diff.moved.map((d) => (
              <li key={`m${d.key}`}>⇄ {t("moved", { name: d.name, from: d.from, to: d.to })}</li>
            ))}
            {diff.redescribed.map((d) => (
              <li key={`d${d.key}`}>✎ {t("redescribed", { name: d.name })}</li>
            ))}
            {diff.reordered.map((d) => (
              <li key={`o${d.key}`}>↕ {t("reordered", { name: d.name })}</li>
            ))}
            {diff.other.length > 0 && (
              <li>
                ✎{" "}
                {t("otherChanged", {
                  parts: new Intl.ListFormat(locale, { type: "conjunction" }).format(
                    diff.other.map((p) => t(`otherParts.${p}`)),
                  ),
                })}
              </li>
            )}
            {isEmptyDiff(diff) && <li className="text-muted-foreground">{t("noChanges")}</li>}
          </ul>
        )}
        <DraftActions draft={draft} onMessage={setMessage} />
      </Section>
      {draft.doc.levels.map((l) => (
        <section key={l.key} aria-labelledby={`lvl-${l.key}`} className="space-y-3">
          <h2 id={`lvl-${l.key}`} className="text-lg font-semibold">
            {l.name.en} <span className="text-muted-foreground">/ {l.name.zh}</span>
          </h2>
          {l.categories.map((c) => (
            <Card key={c.key} className="overflow-hidden">
              <h3 className="flex items-center gap-2 bg-muted px-3 py-2 text-sm font-medium">
                {c.name.en} <span className="text-muted-foreground">/ {c.name.zh}</span>{" "}
                <Badge variant="outline">{c.skills.length}</Badge>
              </h3>
              <ul>
                {c.skills.map((s) => (
                  <SkillEditor
                    key={`${s.key}:${s.name.en}:${c.key}:${retired.has(s.key)}`}
                    draft={draft}
                    skill={s}
                    categoryKey={c.key}
                    retired={retired.has(s.key)}
                    onMessage={setMessage}
                  />
                ))}
              </ul>
            </Card>
          ))}
        </section>
      ))}
    </div>
  );
}
