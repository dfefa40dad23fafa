// A team's vision analysis from rows already read (db/queries/team-analysis.ts
// reads them): the roadmap's capabilities, the targets in the viewer's
// language, each target's requirements, readiness and trend, and the priorities.
import type { AppLocale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/pick";

import {
  priorities,
  readiness,
  requirementsFor,
  type Interest,
  type Member,
  type PriorityItem,
  type Proficiency,
  type SkillRequirement,
  type Target,
} from "./gaps";
import type { RatingValue } from "./ratings";

export type RequirementDto = Omit<SkillRequirement, "holders"> & { holders: string[] };
export type TargetDto = {
  id: string;
  kind: "capability" | "skill";
  key: string;
  name: string;
  level: number;
  headcount: number;
  targetQuarter: string;
  importance: number;
  readiness: number;
  /** False when the team's roadmap has none of the target's skills (e.g. after a switch): shown as such, never met. */
  inRoadmap: boolean;
  requirements: RequirementDto[];
  trend: { quarter: string; readiness: number }[];
};
export type CapabilityOption = { key: string; name: string; importance: number; level: number; skills: string[] };

/** One latest rating of a member (self or validated), as db/queries/latest-ratings.ts reads it. */
export type LatestRating = RatingValue & {
  userId: string;
  skillKey: string;
  raterKind: "self" | "manager";
  interest: number | null;
};
type SkillRow = { id: string; key: string; nameZh: string; nameEn: string };
/** A capability joined to one of its skills (none: skillId null). */
type CapabilityRow = {
  key: string;
  nameZh: string;
  nameEn: string;
  importance: number;
  skillId: string | null;
  level: number | null;
};
/** A target as stored (db/queries/team-as-of.ts, TargetAt). */
type TargetRow = Pick<Target, "id" | "kind" | "targetQuarter" | "importance"> & {
  capabilityKey: string | null;
  skillKey: string | null;
  requiredProficiency: number;
  requiredHeadcount: number;
};

/** Effective proficiency (validated where present, else self) and self interest, as lookups. */
export function lookups(members: Member[], latest: LatestRating[]): { proficiency: Proficiency; interest: Interest } {
  const index = new Map(members.map((m, i) => [m.id, i]));
  const eff = new Map<string, number | null>();
  const self = new Map<string, number | null>();
  const interest = new Map<string, number | null>();
  for (const r of latest) {
    const k = `${index.get(r.userId)}|${r.skillKey}`;
    const v = r.notApplicable ? null : r.proficiency;
    if (r.raterKind === "manager") eff.set(k, v);
    else {
      self.set(k, v);
      interest.set(k, r.interest);
    }
  }
  return {
    proficiency: (m, skill) => {
      const k = `${m}|${skill}`;
      return eff.has(k) ? eff.get(k)! : (self.get(k) ?? null);
    },
    interest: (m, skill) => interest.get(`${m}|${skill}`) ?? null,
  };
}

/**
 * The roadmap's capabilities in their order, each with its live skills and the
 * highest level they require (3 when a link has none). Links to a skill that
 * is not live are left out; a capability without live skills is still offered.
 */
export function capabilityOptions(rows: CapabilityRow[], skills: SkillRow[], locale: AppLocale): CapabilityOption[] {
  const skillById = new Map(skills.map((s) => [s.id, s]));
  const capabilities = new Map<string, CapabilityOption>();
  for (const c of rows) {
    const entry = capabilities.get(c.key) ?? {
      key: c.key,
      name: pick(locale, c.nameZh, c.nameEn),
      importance: c.importance,
      level: 0,
      skills: [],
    };
    const s = c.skillId ? skillById.get(c.skillId) : undefined;
    if (s) {
      entry.skills.push(s.key);
      entry.level = Math.max(entry.level, c.level ?? 3);
    }
    capabilities.set(c.key, entry);
  }
  return [...capabilities.values()];
}

/**
 * The targets as the analysis reads them: a capability target needs its
 * capability's live skills, a skill target its skill when the roadmap has it
 * (else none: not in the roadmap). Names in the viewer's language, the stored
 * key when the roadmap no longer knows it.
 */
export function resolveTargets(
  rows: TargetRow[],
  capabilities: CapabilityOption[],
  skills: SkillRow[],
  locale: AppLocale,
): Target[] {
  const capabilityByKey = new Map(capabilities.map((c) => [c.key, c]));
  const skillByKey = new Map(skills.map((s) => [s.key, s]));
  const skillName = (key: string) => pick(locale, skillByKey.get(key)!.nameZh, skillByKey.get(key)!.nameEn);
  return rows.map((t) => {
    const cap = t.capabilityKey ? capabilityByKey.get(t.capabilityKey) : undefined;
    const skill = t.skillKey ? skillByKey.get(t.skillKey) : undefined;
    const keys = cap ? cap.skills : skill ? [skill.key] : [];
    return {
      id: t.id,
      kind: t.kind,
      name: cap ? cap.name : skill ? skillName(skill.key) : (t.capabilityKey ?? t.skillKey ?? ""),
      skills: keys.map((k) => ({ key: k, name: skillName(k) })),
      level: t.requiredProficiency,
      headcount: t.requiredHeadcount,
      targetQuarter: t.targetQuarter,
      importance: t.importance,
    };
  });
}

/** Each target with its requirements now (holders by name), readiness now and at each trend quarter. */
export function targetDtos(
  targets: Target[],
  rows: Pick<TargetRow, "capabilityKey" | "skillKey">[],
  members: Member[],
  trend: { quarter: string; proficiency: Proficiency }[],
): TargetDto[] {
  const current = trend.at(-1)!.proficiency;
  return targets.map((t, i) => {
    const reqs = requirementsFor(t, members, current);
    return {
      id: t.id,
      kind: t.kind,
      key: rows[i]!.capabilityKey ?? rows[i]!.skillKey ?? "",
      name: t.name,
      level: t.level,
      headcount: t.headcount,
      targetQuarter: t.targetQuarter,
      importance: t.importance,
      readiness: readiness(reqs),
      inRoadmap: t.skills.length > 0,
      requirements: reqs.map((r) => ({ ...r, holders: r.holders.map((h) => members[h]!.name) })),
      trend: trend.map((q) => ({
        quarter: q.quarter,
        readiness: readiness(requirementsFor(t, members, q.proficiency)),
      })),
    };
  });
}

export type TeamAnalysisParts = {
  members: Member[];
  capabilities: CapabilityOption[];
  skills: { key: string; name: string }[];
  targets: TargetDto[];
  priorities: PriorityItem[];
  proficiency: Proficiency;
  requirements: SkillRequirement[];
};

/**
 * The whole analysis. `snapshots`: the latest ratings as of each trend quarter,
 * oldest first, the last one being the current quarter's.
 */
export function analyseTeamRows(input: {
  members: Member[];
  skills: SkillRow[];
  capabilityRows: CapabilityRow[];
  targetRows: TargetRow[];
  snapshots: { quarter: string; ratings: LatestRating[] }[];
  locale: AppLocale;
}): TeamAnalysisParts {
  const { members, skills, locale, snapshots } = input;
  const capabilities = capabilityOptions(input.capabilityRows, skills, locale);
  const targets = resolveTargets(input.targetRows, capabilities, skills, locale);
  const trend = snapshots.map((s) => ({ quarter: s.quarter, ...lookups(members, s.ratings) }));
  const current = trend.at(-1)!;
  return {
    members,
    capabilities,
    skills: skills.map((s) => ({ key: s.key, name: pick(locale, s.nameZh, s.nameEn) })),
    targets: targetDtos(targets, input.targetRows, members, trend),
    priorities: priorities(targets, members, current.proficiency, current.interest, current.quarter),
    proficiency: current.proficiency,
    requirements: targets.flatMap((t) => requirementsFor(t, members, current.proficiency)),
  };
}
