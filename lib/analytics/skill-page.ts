// A skill across the org (/skills/[key]): how many people stand at each
// level, overall and per team, who holds it, who could mentor it, who wants
// to learn it, and how the team targets that need it are covered. Pure; the
// rows come from db/queries/org-people.ts and db/queries/skill-page.ts.
import type { FindPerson, SkillRating } from "./find-people";
import { countedProficiency, effectiveRating } from "./ratings";

export const HOLDER_AT = 3;
export const MENTOR_AT = 4;
/** Interested people at or below this level (or not rated) are learners. */
export const LEARNER_UP_TO = 2;
export const LEVELS = [0, 1, 2, 3, 4] as const;

/** One person's standing on the skill: the counted value (null: not rated or not applicable) and their interest. */
export type Standing = { value: number | null; validated: boolean; interest: number | null };

/** Each person's standing from their self and validated ratings (validated where present, else self). */
export function standings(ratings: SkillRating[]): Map<string, Standing> {
  const held = new Map<string, { self?: SkillRating; manager?: SkillRating }>();
  for (const r of ratings) {
    const h = held.get(r.userId) ?? {};
    h[r.raterKind === "manager" ? "manager" : "self"] = r;
    held.set(r.userId, h);
  }
  const out = new Map<string, Standing>();
  for (const [userId, h] of held) {
    const used = effectiveRating(h.self ?? null, h.manager ?? null);
    out.set(userId, {
      value: countedProficiency(used),
      validated: !!h.manager,
      interest: h.self?.interest ?? null,
    });
  }
  return out;
}

/** How many people at each level 0–4, and how many not rated (or not applicable). */
export type LevelCounts = { levels: number[]; notRated: number; total: number };

function countLevels(values: (number | null)[]): LevelCounts {
  const levels = LEVELS.map(() => 0);
  let notRated = 0;
  for (const v of values) {
    if (v === null) notRated++;
    else levels[v]!++;
  }
  return { levels, notRated, total: values.length };
}

export type Distribution = { org: LevelCounts; teams: ({ id: string; name: string } & LevelCounts)[] };

/**
 * The counts over `people` (who are not disabled): each person once in the
 * org row, and once in each team they belong to (teams by name).
 */
export function distribution(people: FindPerson[], standing: Map<string, Standing>): Distribution {
  const valueOf = (id: string) => standing.get(id)?.value ?? null;
  const teams = new Map<string, { id: string; name: string; values: (number | null)[] }>();
  for (const p of people)
    for (const t of p.teams) {
      const entry = teams.get(t.id) ?? { id: t.id, name: t.name, values: [] };
      entry.values.push(valueOf(p.id));
      teams.set(t.id, entry);
    }
  return {
    org: countLevels(people.map((p) => valueOf(p.id))),
    teams: [...teams.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(({ id, name, values }) => ({ id, name, ...countLevels(values) })),
  };
}

export type NamedPerson = { id: string; name: string; value: number | null; validated: boolean; teams: string[] };
// One collator for every comparison (String#localeCompare builds one per call: slow over an org's people).
const byName = new Intl.Collator("en");
export type SkillPeople = { holders: NamedPerson[]; mentors: NamedPerson[]; learners: NamedPerson[] };

/**
 * Holders (≥ 3), possible mentors (≥ 4) and learners (interested, at most 2
 * or not rated): highest value first, then by name.
 */
export function skillPeople(people: FindPerson[], standing: Map<string, Standing>): SkillPeople {
  const named = people.map((p) => {
    const s = standing.get(p.id);
    return {
      person: {
        id: p.id,
        name: p.name,
        value: s?.value ?? null,
        validated: !!s?.validated,
        teams: p.teams.map((t) => t.name),
      },
      interest: s?.interest ?? null,
    };
  });
  const byValue = (a: NamedPerson, b: NamedPerson) =>
    (b.value ?? -1) - (a.value ?? -1) || byName.compare(a.name, b.name) || (a.id < b.id ? -1 : 1);
  const pick = (keep: (p: NamedPerson, interest: number | null) => boolean) =>
    named
      .filter((n) => keep(n.person, n.interest))
      .map((n) => n.person)
      .sort(byValue);
  return {
    holders: pick((p) => (p.value ?? -1) >= HOLDER_AT),
    mentors: pick((p) => (p.value ?? -1) >= MENTOR_AT),
    learners: pick((p, interest) => (interest ?? 0) >= 1 && (p.value ?? 0) <= LEARNER_UP_TO),
  };
}

export type TargetCoverage = {
  id: string;
  teamId: string;
  teamName: string;
  name: string;
  level: number;
  headcount: number;
  targetQuarter: string;
  /** People in the team at or above the target's level on this skill now. */
  covered: number;
};

/** Each target that needs the skill, with how many of its team hold the skill at the target's level. */
export function targetCoverage(
  targets: {
    id: string;
    teamId: string;
    teamName: string;
    name: string;
    level: number;
    headcount: number;
    targetQuarter: string;
  }[],
  people: FindPerson[],
  standing: Map<string, Standing>,
): TargetCoverage[] {
  return targets.map((t) => ({
    ...t,
    covered: people.filter(
      (p) => p.teams.some((team) => team.id === t.teamId) && (standing.get(p.id)?.value ?? -1) >= t.level,
    ).length,
  }));
}

/** How many of these people hold the skill (≥ 3) now. */
export function holdersNow(people: FindPerson[], standing: Map<string, Standing>): number {
  return people.filter((p) => (standing.get(p.id)?.value ?? -1) >= HOLDER_AT).length;
}

/** The trend's points: a quarter and how many held the skill at ≥ 3 at its end (the current one: now). */
export function trendPoints(quarters: string[], holders: number[]): { quarter: string; holders: number }[] {
  return quarters.map((quarter, i) => ({ quarter, holders: holders[i] ?? 0 }));
}

/** Resources grouped by skill key, in the order given. */
export function groupBySkill<T extends { skillKey: string }>(rows: T[]): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const r of rows) (out[r.skillKey] ??= []).push(r);
  return out;
}
