import { reasonFactsOf } from "@/lib/analytics/explain";
import type { PriorityItem } from "@/lib/analytics/gaps";
import { coverageBySkill, coverageRisk, NOT_APPLICABLE, UNRATED, valuesFor } from "@/lib/analytics/matrix";
import type { TargetDto } from "@/lib/analytics/team-analysis";
import type { HeatmapDto } from "@/lib/data/heatmap";
import type { AppLocale } from "@/lib/i18n/locales";
import { reasonWithNeed } from "@/lib/i18n/reason-sentences";
import { translatorFor } from "@/lib/i18n/translator";

import { ratingProvenance, type Rater } from "./provenance";
import type { PlanningExport } from "./schema";

// The planning export's shape, computed from what the data layer read
// (lib/data/exports.ts): pure, so every format writes the same numbers.

export type RaterNote = { rater: Rater; evidence: string | null; comment: string | null };

export type DatasetInput = {
  scope: "team" | "org";
  quarter: string;
  /** The moment the matrix shows. */
  asOf: Date;
  locale: AppLocale;
  heatmap: HeatmapDto | null;
  /** The teams in the matrix, in order, with today's names. */
  teamIds: string[];
  teamNames: Map<string, string>;
  emails: Map<string, string>;
  /** `teamId|userId` → the member's level at the moment. */
  levelKeys: Map<string, string | null>;
  /** `userId|skillKey|kind` → who wrote the rating shown, and its notes. */
  notes: Map<string, RaterNote>;
  /** Per team: its targets and ranked priorities at the moment. */
  analyses: { team: { name: string }; targets: TargetDto[]; priorities: PriorityItem[] }[];
};

const cell = (v: number) => (v === UNRATED ? null : v === NOT_APPLICABLE ? ("na" as const) : v);

type Values = { self: Int8Array; validated: Int8Array; effective: Int8Array };

/** One row per member × skill: the three values, who entered the effective one, and the notes. */
function ratingRows({
  members,
  skills,
  emails,
  values,
  notes,
}: {
  members: HeatmapDto["members"];
  skills: HeatmapDto["skills"];
  emails: Map<string, string>;
  values: Values;
  notes: Map<string, RaterNote>;
}): PlanningExport["ratings"] {
  return members.flatMap((m, i) =>
    skills.map((s, j) => {
      const k = i * skills.length + j;
      const selfNote = notes.get(`${m.id}|${s.key}|self`);
      const leadNote = notes.get(`${m.id}|${s.key}|manager`);
      return {
        email: emails.get(m.id) ?? "",
        team: m.teamName,
        skillKey: s.key,
        self: cell(values.self[k]!),
        validated: cell(values.validated[k]!),
        effective: cell(values.effective[k]!),
        ...ratingProvenance({
          userId: m.id,
          hasValidated: values.validated[k] !== UNRATED,
          hasSelf: values.self[k] !== UNRATED,
          lead: leadNote?.rater ?? null,
          // Not read: rated by the member, without a note.
          self: selfNote?.rater ?? { id: m.id, name: m.name },
        }),
        evidence: selfNote?.evidence ?? null,
        leadComment: leadNote?.comment ?? null,
      };
    }),
  );
}

type Analysis = DatasetInput["analyses"][number];

/** Each team's targets with their readiness and, per skill, coverage and gap. */
export function targetRows(analyses: Analysis[]): PlanningExport["targets"] {
  return analyses.flatMap((a) =>
    a.targets.map((t) => ({
      team: a.team.name,
      name: t.name,
      kind: t.kind,
      level: t.level,
      headcount: t.headcount,
      targetQuarter: t.targetQuarter,
      readiness: t.readiness,
      skills: t.requirements.map((r) => ({ skillKey: r.skillKey, coverage: r.coverage, gap: r.gap })),
    })),
  );
}

/**
 * Each team's priorities ranked from 1, explained in the export's language
 * with the same messages as the vision page (`tv`: the "vision" translator).
 */
export function priorityRows(analyses: Analysis[], tv: ReturnType<typeof translatorFor>): PlanningExport["priorities"] {
  return analyses.flatMap((a) =>
    a.priorities.map((p, i) => ({
      team: a.team.name,
      rank: i + 1,
      recommendation: p.recommendation,
      skillKey: p.skillKey,
      skillName: p.skillName,
      target: p.targetName,
      level: p.level,
      headcount: p.headcount,
      coverage: p.coverage,
      gap: p.gap,
      score: p.score,
      explanation: reasonWithNeed(tv, reasonFactsOf(p)),
      candidates: p.candidates.map((c) => c.name),
    })),
  );
}

/** Everything a planning meeting needs, in the documented export shape (lib/export/schema.ts). */
export function planningDataset(input: DatasetInput): PlanningExport {
  const { scope, quarter, asOf, locale, heatmap, teamIds, teamNames, emails, levelKeys, notes, analyses } = input;
  const skills = heatmap?.skills ?? [];
  const members = heatmap?.members ?? [];
  const self = heatmap ? valuesFor(heatmap, "self") : new Int8Array();
  const validated = heatmap ? valuesFor(heatmap, "validated") : new Int8Array();
  const effective = heatmap ? valuesFor(heatmap, "effective") : new Int8Array();
  const rowsOfTeam = (teamId: string | null) =>
    members.flatMap((m, i) => (teamId === null || m.teamId === teamId ? [i] : []));
  const coverageFor = (teamId: string | null) =>
    coverageBySkill(effective, members.length, skills.length, rowsOfTeam(teamId)).map((c, s) => ({
      team: teamId ? (teamNames.get(teamId) ?? "") : null,
      skillKey: skills[s]!.key,
      atLeast3: c.atLeast3,
      atLeast4: c.atLeast4,
      risk: coverageRisk(c),
    }));

  return {
    format: "skillgrid.planning-export",
    version: 1,
    quarter,
    asOf: asOf.toISOString(),
    language: locale,
    scope: {
      kind: scope,
      team:
        scope === "team" && heatmap?.scope.kind === "team" ? { id: heatmap.scope.id, name: heatmap.scope.name } : null,
    },
    framework: { title: heatmap?.frameworkTitle ?? "" },
    skills: skills.map((s) => ({
      key: s.key,
      name: s.name,
      level: heatmap!.levels.find((l) => l.position === s.levelPosition)?.name ?? "",
      category: heatmap!.categories[s.categoryIndex]?.name ?? "",
    })),
    people: members.map((m) => ({
      email: emails.get(m.id) ?? "",
      name: m.name,
      team: m.teamName,
      currentLevel: levelKeys.get(`${m.teamId}|${m.id}`) ?? null,
    })),
    ratings: ratingRows({ members, skills, emails, values: { self, validated, effective }, notes }),
    coverage: scope === "team" ? coverageFor(null) : teamIds.flatMap((id) => coverageFor(id)),
    targets: targetRows(analyses),
    priorities: priorityRows(analyses, translatorFor(locale, "vision")),
  };
}

/** skillgrid-<team or organisation>-<quarter>, in ASCII. */
export function exportFilename(d: Pick<PlanningExport, "scope" | "quarter">): string {
  const slug =
    (d.scope.kind === "team" ? (d.scope.team?.name ?? "team") : "organisation")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "team";
  return `skillgrid-${slug}-${d.quarter}`;
}
