// "What if this person left": a team's targets and requirements recomputed
// without one member, from the live analysis (db/queries/team-analysis.ts).
// Removing one person lowers a requirement's coverage by one exactly when they
// hold it, so nothing has to be re-read: the holders (by member index) say it.
import type { Member, SkillRequirement } from "./gaps";

/** A requirement of a target, now and without the person. */
export type CoverageChange = {
  skillKey: string;
  skillName: string;
  level: number;
  headcount: number;
  before: number;
  after: number;
};
export type TargetAtRisk = {
  targetId: string;
  targetName: string;
  level: number;
  headcount: number;
  short: CoverageChange[];
};
/** A skill at a target's level that would be left with nobody ("none") or one person ("one"). */
export type ThinSkill = {
  skillKey: string;
  skillName: string;
  level: number;
  before: number;
  after: number;
  left: "none" | "one";
};
export type DepartureImpact = { targets: TargetAtRisk[]; thinSkills: ThinSkill[] };

type TargetInput = { id: string; name: string; level: number; headcount: number };

/** Coverage of each requirement without `personIndex` (−1: not in the team, nothing changes). */
function withoutPerson(requirements: SkillRequirement[], personIndex: number): CoverageChange[] {
  return requirements.map((r) => ({
    skillKey: r.skillKey,
    skillName: r.skillName,
    level: r.level,
    headcount: r.headcount,
    before: r.coverage,
    after: r.coverage - (personIndex >= 0 && r.holders.includes(personIndex) ? 1 : 0),
  }));
}

/**
 * Targets met now (coverage ≥ headcount on every skill; a target without
 * skills is never met) that would fall short without the person, each with
 * the skills that would; and the skills of the targets, at the targets'
 * levels, left with nobody (after 0, before ≥ 1) or one person (after 1,
 * before ≥ 2), once per skill and level.
 */
export function departureImpact(input: {
  personId: string;
  members: Member[];
  targets: TargetInput[];
  requirements: SkillRequirement[];
}): DepartureImpact {
  const personIndex = input.members.findIndex((m) => m.id === input.personId);
  const changes = withoutPerson(input.requirements, personIndex);
  const byTarget = new Map<string, CoverageChange[]>();
  input.requirements.forEach((r, i) => {
    (byTarget.get(r.targetId) ?? byTarget.set(r.targetId, []).get(r.targetId)!).push(changes[i]!);
  });
  const targets: TargetAtRisk[] = [];
  for (const t of input.targets) {
    const reqs = byTarget.get(t.id) ?? [];
    const metNow = reqs.length > 0 && reqs.every((c) => c.before >= c.headcount);
    const short = reqs.filter((c) => c.after < c.headcount);
    if (metNow && short.length > 0)
      targets.push({ targetId: t.id, targetName: t.name, level: t.level, headcount: t.headcount, short });
  }
  return { targets, thinSkills: thinSkills(changes) };
}

function thinSkills(changes: CoverageChange[]): ThinSkill[] {
  const seen = new Map<string, ThinSkill>();
  for (const c of changes) {
    const left = c.after === 0 && c.before >= 1 ? "none" : c.after === 1 && c.before >= 2 ? "one" : null;
    const key = `${c.skillKey}@${c.level}`;
    if (left && !seen.has(key))
      seen.set(key, {
        skillKey: c.skillKey,
        skillName: c.skillName,
        level: c.level,
        before: c.before,
        after: c.after,
        left,
      });
  }
  // Nobody left first, then by level (highest first) and name.
  return [...seen.values()].sort(
    (a, b) =>
      (a.left === "none" ? 0 : 1) - (b.left === "none" ? 0 : 1) ||
      b.level - a.level ||
      a.skillName.localeCompare(b.skillName),
  );
}
