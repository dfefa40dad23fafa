// Gap analysis and hire-or-train priorities, as pure functions over the
// team's effective proficiencies (validated where present, else self).
//
//   coverage(skill, L)   = members whose effective proficiency ≥ L
//   gap                  = max(0, N − coverage)
//   single point of failure: coverage = 1; missing: coverage = 0
//   capability readiness = Σ min(coverage, N) / Σ N over the capability's skills
//                          (0 for a target whose skills are not in the roadmap)
//
// See README "Vision, gaps and priorities" for the priority score.

export type Member = { id: string; name: string };
/** Effective proficiency per member × skill: 0–4, or null (not rated / not applicable). */
export type Proficiency = (memberIndex: number, skillKey: string) => number | null;
export type Interest = (memberIndex: number, skillKey: string) => number | null;

export type Target = {
  id: string;
  kind: "capability" | "skill";
  name: string;
  /** Skills the target needs, each at the target's level L. */
  skills: { key: string; name: string }[];
  level: number;
  headcount: number;
  targetQuarter: string;
  importance: number;
};

export type SkillRequirement = {
  targetId: string;
  skillKey: string;
  skillName: string;
  level: number;
  headcount: number;
  coverage: number;
  gap: number;
  /** coverage − N: negative is short, positive is surplus (the gap heatmap's value). */
  balance: number;
  risk: "missing" | "single" | null;
  holders: number[];
};

export function coverageAt(members: Member[], proficiency: Proficiency, skillKey: string, level: number): number[] {
  const holders: number[] = [];
  members.forEach((_, i) => {
    const p = proficiency(i, skillKey);
    if (p !== null && p >= level) holders.push(i);
  });
  return holders;
}

export function requirementsFor(target: Target, members: Member[], proficiency: Proficiency): SkillRequirement[] {
  return target.skills.map((s) => {
    const holders = coverageAt(members, proficiency, s.key, target.level);
    const coverage = holders.length;
    return {
      targetId: target.id,
      skillKey: s.key,
      skillName: s.name,
      level: target.level,
      headcount: target.headcount,
      coverage,
      gap: Math.max(0, target.headcount - coverage),
      balance: coverage - target.headcount,
      risk: coverage === 0 ? "missing" : coverage === 1 ? "single" : null,
      holders,
    };
  });
}

/**
 * Σ min(coverage, N) / Σ N, in [0, 1]. A target without skills (its
 * capability or skill is not in the team's roadmap) is 0: never met.
 */
export function readiness(requirements: SkillRequirement[]): number {
  const need = requirements.reduce((n, r) => n + r.headcount, 0);
  if (need === 0) return 0;
  return requirements.reduce((n, r) => n + Math.min(r.coverage, r.headcount), 0) / need;
}

export type Candidate = { member: number; name: string; current: number; interest: number; alsoCloses: number };
export type Recommendation = "train" | "hire" | "train_hire";

/** A requirement with a gap, ranked: what to do about it and why. */
export type PriorityItem = Pick<
  SkillRequirement,
  "targetId" | "skillKey" | "skillName" | "level" | "headcount" | "coverage" | "gap" | "risk"
> & {
  targetName: string;
  targetQuarter: string;
  quartersLeft: number;
  importance: number;
  recommendation: Recommendation;
  candidates: Candidate[];
  /** Members within two points below L, with or without interest (for the explanation). */
  near: number;
  score: number;
  scoreParts: { gap: number; importance: number; urgency: number; risk: number };
};

const quarterIndex = (q: string) => {
  const [y, n] = q.split("-Q").map(Number) as [number, number];
  return y * 4 + n - 1;
};

/** Points for urgency: the closer (or later than) the target quarter, the more. */
export function urgencyPoints(quartersLeft: number): number {
  if (quartersLeft <= 0) return 30;
  if (quartersLeft === 1) return 20;
  if (quartersLeft === 2) return 12;
  return 5;
}

/** Members one or two points below `level` in a skill (unrated counts as 0), by index. */
export function nearMembers(members: Member[], proficiency: Proficiency, skillKey: string, level: number): number[] {
  return members
    .map((_, i) => i)
    .filter((i) => {
      const p = proficiency(i, skillKey) ?? 0;
      return p < level && p >= level - 2;
    });
}

/** Hire, train, or both: enough interested near members close the gap by training alone. */
export function recommendationFor(candidates: number, gap: number): Recommendation {
  return candidates === 0 ? "hire" : candidates >= gap ? "train" : "train_hire";
}

/** score = 40 × gap/N + 10 × importance + urgency + (20 if missing, 12 if single), by part. */
export function scorePartsOf(
  r: Pick<SkillRequirement, "gap" | "headcount" | "risk">,
  importance: number,
  quartersLeft: number,
): PriorityItem["scoreParts"] {
  return {
    gap: Math.round((40 * r.gap) / r.headcount),
    importance: 10 * importance,
    urgency: urgencyPoints(quartersLeft),
    risk: r.risk === "missing" ? 20 : r.risk === "single" ? 12 : 0,
  };
}

/** Candidates by closeness to L, then interest, then how many other gaps they close, then name. */
function rankCandidates(
  eligible: number[],
  skillKey: string,
  at: Lookups & { candidateFor: Map<number, number> },
): Candidate[] {
  return eligible
    .map((i) => ({
      member: i,
      name: at.members[i]!.name,
      current: at.proficiency(i, skillKey) ?? 0,
      interest: at.interest(i, skillKey) ?? 0,
      alsoCloses: (at.candidateFor.get(i) ?? 1) - 1,
    }))
    .sort(
      (a, b) =>
        b.current - a.current ||
        b.interest - a.interest ||
        b.alsoCloses - a.alsoCloses ||
        a.name.localeCompare(b.name) ||
        a.member - b.member,
    );
}

type Lookups = { members: Member[]; proficiency: Proficiency; interest: Interest };

/**
 * Ranked hire-or-train items, one per (target, skill) with a gap.
 * Candidates are members one or two points below L who stated interest (≥ 1),
 * ordered by closeness, interest, then how many other gaps they would close.
 * score = 40 × gap/N + 10 × importance + urgency + (20 if missing, 12 if single).
 */
export function priorities(
  targets: Target[],
  members: Member[],
  proficiency: Proficiency,
  interest: Interest,
  currentQuarter: string,
): PriorityItem[] {
  const gaps = targets.flatMap((t) =>
    requirementsFor(t, members, proficiency)
      .filter((r) => r.gap > 0)
      .map((r) => ({ t, r })),
  );
  const near = gaps.map(({ r }) => nearMembers(members, proficiency, r.skillKey, r.level));
  const eligible = gaps.map(({ r }, g) => near[g]!.filter((i) => (interest(i, r.skillKey) ?? 0) >= 1));
  // How many gaps each member is a candidate for, to prefer people who close several.
  const candidateFor = new Map<number, number>();
  for (const list of eligible) for (const i of list) candidateFor.set(i, (candidateFor.get(i) ?? 0) + 1);
  const at = { members, proficiency, interest, candidateFor };

  const items = gaps.map(({ t, r }, g): PriorityItem => {
    const candidates = rankCandidates(eligible[g]!, r.skillKey, at);
    const quartersLeft = quarterIndex(t.targetQuarter) - quarterIndex(currentQuarter);
    const scoreParts = scorePartsOf(r, t.importance, quartersLeft);
    const { targetId, skillKey, skillName, level, headcount, coverage, gap, risk } = r;
    return {
      ...{ targetId, targetName: t.name, skillKey, skillName, level, headcount, coverage, gap, risk },
      ...{ targetQuarter: t.targetQuarter, quartersLeft, importance: t.importance },
      recommendation: recommendationFor(candidates.length, r.gap),
      candidates,
      near: near[g]!.length,
      score: scoreParts.gap + scoreParts.importance + scoreParts.urgency + scoreParts.risk,
      scoreParts,
    };
  });
  // Highest score first; ties broken deterministically (sooner quarter, then keys).
  return items.sort(
    (a, b) =>
      b.score - a.score ||
      a.targetQuarter.localeCompare(b.targetQuarter) ||
      a.targetId.localeCompare(b.targetId) ||
      a.skillKey.localeCompare(b.skillKey),
  );
}

export type MobilityOption = {
  skillKey: string;
  level: number;
  needingTeam: string;
  fromTeam: string;
  surplus: number;
  holders: string[];
};

/**
 * Internal mobility before hiring: for each team's gap, other teams holding
 * the skill at the level with people to spare (coverage above their own need).
 */
export function mobility(
  teams: { id: string; name: string; requirements: SkillRequirement[]; members: Member[]; proficiency: Proficiency }[],
): MobilityOption[] {
  const out: MobilityOption[] = [];
  for (const needing of teams) {
    for (const r of needing.requirements) {
      if (r.gap === 0) continue;
      for (const other of teams) {
        if (other.id === needing.id) continue;
        const holders = coverageAt(other.members, other.proficiency, r.skillKey, r.level);
        const ownNeed = Math.max(
          0,
          ...other.requirements.filter((o) => o.skillKey === r.skillKey && o.level <= r.level).map((o) => o.headcount),
        );
        const surplus = holders.length - ownNeed;
        if (surplus > 0)
          out.push({
            skillKey: r.skillKey,
            level: r.level,
            needingTeam: needing.id,
            fromTeam: other.id,
            surplus,
            holders: holders.map((i) => other.members[i]!.name),
          });
      }
    }
  }
  return out;
}
