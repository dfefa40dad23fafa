"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useMemo, useState } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { matchesQuery } from "@/lib/analytics/find-people";
import type { CapabilityOption, SkillOption } from "@/lib/analytics/org-catalogue";
import { needToken, queryWithTokens } from "@/lib/validations/people";

/** A requirement as the picker edits it: find asks "interested?", staffing asks "how many people?". */
export type PickedNeed = { ref: string; name: string; level: number; interested?: boolean; count?: number };

const LEVELS = [1, 2, 3, 4] as const;
const MAX_SUGGESTIONS = 8;

function tokenOf(n: PickedNeed): string {
  const [frameworkKey, skillKey] = n.ref.split("/") as [string, string];
  return needToken({ frameworkKey, skillKey, level: n.level, interested: n.interested, count: n.count });
}

/**
 * Requirements live in the URL (`r` parameters): every change pushes a new
 * URL, so a search is shareable and the back button steps through it.
 */
export function RequirementPicker({
  mode,
  skills,
  capabilities,
  needs,
}: {
  mode: "find" | "staff";
  skills: SkillOption[];
  capabilities: CapabilityOption[];
  needs: PickedNeed[];
}) {
  const t = useTranslations("findPeople");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [query, setQuery] = useState("");
  const [capability, setCapability] = useState("");
  const listId = useId();
  const chosen = new Set(needs.map((n) => n.ref));
  const suggestions = useMemo(
    () => (query.trim() ? skills.filter((s) => matchesQuery(s.searchText, query)).slice(0, MAX_SUGGESTIONS) : []),
    [skills, query],
  );
  const defaults = { level: 3, ...(mode === "staff" ? { count: 1 } : { interested: false }) };

  function push(next: PickedNeed[]) {
    const rest = new URLSearchParams(params.toString());
    rest.delete("r");
    router.push(`${pathname}?${queryWithTokens(next.map(tokenOf), rest)}`, { scroll: false });
  }
  const add = (s: SkillOption, extra: Partial<PickedNeed> = {}) => {
    setQuery("");
    push([...needs.filter((n) => n.ref !== s.ref), { ref: s.ref, name: s.name, ...defaults, ...extra }]);
  };
  const update = (ref: string, change: Partial<PickedNeed>) =>
    push(needs.map((n) => (n.ref === ref ? { ...n, ...change } : n)));
  const addCapability = () => {
    const c = capabilities.find((x) => x.ref === capability);
    if (!c) return;
    const fresh = c.skills.filter((ref) => !chosen.has(ref));
    const byRef = new Map(skills.map((s) => [s.ref, s]));
    push([
      ...needs,
      ...fresh.flatMap((ref) => {
        const s = byRef.get(ref);
        return s ? [{ ref, name: s.name, ...defaults, level: c.level }] : [];
      }),
    ]);
    setCapability("");
  };

  return (
    <Card as="section" aria-labelledby={`${listId}-title`} className="space-y-4 p-4">
      <h2 id={`${listId}-title`} className="text-base font-semibold">
        {t("requirements")}
      </h2>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <div className="min-w-0 space-y-1">
          <label htmlFor={`${listId}-q`} className="block text-xs text-muted-foreground">
            {t("searchSkill")}
          </label>
          <Input
            id={`${listId}-q`}
            type="search"
            className="w-full"
            value={query}
            placeholder={t("searchPlaceholder")}
            autoComplete="off"
            aria-describedby={`${listId}-hint`}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && suggestions[0]) {
                e.preventDefault();
                add(suggestions[0]);
              }
            }}
          />
          <p id={`${listId}-hint`} className="text-xs text-muted-foreground">
            {t("searchHint")}
          </p>
        </div>
        <div className="min-w-0 space-y-1">
          <label htmlFor={`${listId}-cap`} className="block text-xs text-muted-foreground">
            {t("capability")}
          </label>
          <div className="flex gap-2">
            <Select
              id={`${listId}-cap`}
              className="min-w-0 flex-1"
              value={capability}
              onChange={(e) => setCapability(e.target.value)}
            >
              <option value="">{t("capabilityNone")}</option>
              {capabilities.map((c) => (
                <option key={c.ref} value={c.ref}>
                  {t("capabilityOption", { name: c.name, level: c.level, count: c.skills.length })}
                </option>
              ))}
            </Select>
            <Button type="button" variant="outline" disabled={!capability} onClick={addCapability}>
              {t("addCapability")}
            </Button>
          </div>
        </div>
      </div>
      {query.trim() !== "" && (
        <Suggestions mode={mode} query={query} suggestions={suggestions} chosen={chosen} onAdd={add} />
      )}
      {needs.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("noRequirements")}</p>
      ) : (
        <ul className="divide-y divide-border rounded-md border border-border" aria-label={t("chosen")}>
          {needs.map((n) => (
            <NeedRow
              key={n.ref}
              mode={mode}
              need={n}
              onChange={(c) => update(n.ref, c)}
              onRemove={() => push(needs.filter((x) => x.ref !== n.ref))}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}

function Suggestions({
  mode,
  query,
  suggestions,
  chosen,
  onAdd,
}: {
  mode: "find" | "staff";
  query: string;
  suggestions: SkillOption[];
  chosen: Set<string>;
  onAdd: (s: SkillOption, extra?: Partial<PickedNeed>) => void;
}) {
  const t = useTranslations("findPeople");
  if (suggestions.length === 0) return <p className="text-sm text-muted-foreground">{t("noMatch", { query })}</p>;
  return (
    <ul className="space-y-1" aria-label={t("suggestions")} data-testid="skill-suggestions">
      {suggestions.map((s) => (
        <li key={s.ref} className="flex flex-wrap items-center gap-2 rounded-md border border-border px-3 py-2 text-sm">
          <span className="min-w-0 flex-1">
            <span className="font-medium">{s.name}</span>
            <span className="block text-xs text-muted-foreground">
              {s.category} · {s.roadmap}
            </span>
          </span>
          {chosen.has(s.ref) ? (
            <span className="text-xs text-muted-foreground">{t("alreadyChosen")}</span>
          ) : (
            <>
              <Button
                type="button"
                size="sm"
                variant="outline"
                onClick={() => onAdd(s)}
                aria-label={t("addNamed", { name: s.name })}
              >
                {t("add")}
              </Button>
              {mode === "find" && (
                <Button
                  type="button"
                  size="sm"
                  onClick={() => onAdd(s, { interested: true })}
                  aria-label={t("addInterestedNamed", { name: s.name })}
                >
                  {t("addInterested")}
                </Button>
              )}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function NeedRow({
  mode,
  need,
  onChange,
  onRemove,
}: {
  mode: "find" | "staff";
  need: PickedNeed;
  onChange: (change: Partial<PickedNeed>) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("findPeople");
  const id = useId();
  const skillKey = need.ref.split("/")[1]!;
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2 text-sm" data-testid="requirement">
      <Link
        href={`/skills/${encodeURIComponent(skillKey)}`}
        className="min-w-0 flex-1 basis-full font-medium underline-offset-2 hover:underline sm:basis-0"
      >
        {need.name}
      </Link>
      <span className="flex items-center gap-1 text-xs text-muted-foreground">
        <label htmlFor={`${id}-lvl`}>{t("minLevel")}</label>
        <Select
          id={`${id}-lvl`}
          size="sm"
          value={need.level}
          onChange={(e) => onChange({ level: Number(e.target.value) })}
        >
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              ≥ {l}
            </option>
          ))}
        </Select>
      </span>
      {mode === "find" ? (
        <label className="flex items-center gap-1 text-xs">
          <input
            type="checkbox"
            checked={!!need.interested}
            onChange={(e) => onChange({ interested: e.target.checked })}
          />
          {t("mustBeInterested")}
        </label>
      ) : (
        <span className="flex items-center gap-1 text-xs text-muted-foreground">
          <label htmlFor={`${id}-n`}>{t("howMany")}</label>
          <Select
            id={`${id}-n`}
            size="sm"
            value={need.count ?? 1}
            onChange={(e) => onChange({ count: Number(e.target.value) })}
          >
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </span>
      )}
      <Button
        type="button"
        size="sm"
        variant="ghost"
        onClick={onRemove}
        aria-label={t("removeNamed", { name: need.name })}
      >
        {t("remove")}
      </Button>
    </li>
  );
}
