// Staffing a project: propose the fewest people who cover a project's skill
// requirements, and show what their leaving does to their home teams.
//
// Definitions
// - A person "meets" a requirement when proficiency[skillKey] >= level
//   (a missing rating counts as 0). One person may count toward several
//   requirements at once.
// - Candidates: people not in any excluded team. Moving a person takes them
//   out of ALL their teams.
// - Team coverage of a need = members of that team meeting it. The impact of a
//   proposal on a team recomputes that coverage without all picked members of
//   the team. A need "breaks" when before >= headcount and after < headcount.
//   A single point is created when after is 1 and before >= 2, or after is 0
//   and before >= 1 (per team × skill × level of that team's needs, deduped).
// - noHarm: never propose a set that breaks any need, judged on the whole set
//   (two people of one team may each be fine alone but not together).
// - maxPeople caps the proposal size; when it forces a shortfall, `short` says so.
// - Objective: cover every requirement (each needs `count` distinct people
//   meeting it) with the fewest people; if impossible, cover as much total
//   demand as possible (Σ over requirements of min(have, need)), then fewest
//   people. Deterministic tie-breaks: fewer breaks, fewer single points, more
//   surplus proficiency (Σ over picks and the requirements they meet of
//   proficiency − level), then person ids ascending. Inputs are sorted
//   internally, so the result does not depend on array order.
// - Method: exact search (iterative deepening over subsets of the relevant
//   candidates, those meeting at least one requirement, with pruning) when
//   there are at most EXACT_LIMIT of them; otherwise a greedy weighted
//   multicover: first the essential candidates (those meeting a requirement
//   that has no more candidates than its count), then repeatedly the person
//   adding the most uncovered demand (ties as above, except that before
//   surplus it prefers the pick using up fewer teams' spare holders, since
//   under noHarm a greedy pick cannot be undone), followed by a pass that
//   drops any pick whose removal keeps coverage.

export type StaffingRequirement = { id: string; skillKey: string; level: number; count: number };
/** One skill requirement of a home team's target: the team needs `headcount` members at >= level on skillKey. */
export type HomeTargetNeed = { teamId: string; targetId: string; skillKey: string; level: number; headcount: number };
export type StaffingPerson = { id: string; teamIds: string[]; proficiency: Record<string, number> };
export type StaffingOptions = { noHarm: boolean; excludeTeamIds?: string[]; maxPeople?: number };
export type TargetImpact = {
  teamId: string;
  targetId: string;
  skillKey: string;
  level: number;
  headcount: number;
  before: number;
  after: number;
  breaks: boolean;
};
export type SinglePoint = { teamId: string; skillKey: string; level: number; left: 0 | 1 };
/** Why a person was picked, as data the UI words in either language. */
export type PickReason =
  /** Every candidate meeting this requirement is needed (there are `candidates` ≤ count of them). */
  | { kind: "only-candidate"; requirementId: string; candidates: number }
  /** Needed for several requirements at once. */
  | { kind: "covers-most"; newlyCovered: number; requirementIds: string[] }
  /** Needed for one requirement; preferred over the other candidates by the tie-breaks. */
  | { kind: "best-fit"; requirementId: string };
export type StaffingPick = {
  personId: string;
  /** Requirement ids this person counts toward (they are at >= level). */
  covers: string[];
  reason: PickReason;
  /** Home-team targets whose coverage drops because this person (with the rest of the proposal from the same team) leaves. */
  impact: TargetImpact[];
  /** Skills (of their home teams' targets, at the target level) that would be left with 1 or 0 holders, having had more. */
  singlePoints: SinglePoint[];
  /** Up to 3 other people who could take this slot (see alternativesFor). */
  alternatives: string[];
};
export type Proposal = {
  picks: StaffingPick[];
  /** Per requirement: how many picked people meet it vs needed. */
  coverage: { requirementId: string; have: number; need: number }[];
  /** Requirements not fully covered and by how much. Empty when covered. */
  short: { requirementId: string; missing: number }[];
  /** No pick breaks a home-team target (a target need with before >= headcount and after < headcount). */
  harmless: boolean;
  method: "exact" | "greedy";
};
export type StaffingResult = {
  proposal: Proposal;
  /** Only when options.noHarm and the no-harm proposal is short while a proposal allowing harm would cover more. */
  withHarm: Proposal | null;
};

/** Up to this many relevant candidates the search is exact (2^16 subsets at worst). */
export const EXACT_LIMIT = 16;

type NeedRow = HomeTargetNeed & { before: number };
type SpRow = { teamId: string; skillKey: string; level: number; before: number };
type Cand = { id: string; reqIdx: number[]; needIdx: number[]; spIdx: number[]; surplus: number };
type Model = {
  reqs: StaffingRequirement[];
  needs: NeedRow[];
  sps: SpRow[];
  cands: Cand[];
  /** Per requirement: candidates meeting it. */
  meeting: number[];
  noHarm: boolean;
  cap: number;
  totalDemand: number;
  /** The most demand any set of candidates could cover, harm aside. */
  reachable: number;
  maxGain: number;
};
type Score = { demand: number; breaks: number; singlePoints: number; surplus: number };
type GreedyScore = Score & { spent: number };
/** `spent`: needs whose spare holders the proposal has used up (after = headcount, having had more). */
type Tally = Score & { spent: number; have: number[]; removed: number[]; spRemoved: number[] };

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function proficiencyOf(person: StaffingPerson, skillKey: string): number {
  const value = Object.hasOwn(person.proficiency, skillKey) ? person.proficiency[skillKey] : 0;
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

export function meets(person: StaffingPerson, skillKey: string, level: number): boolean {
  return proficiencyOf(person, skillKey) >= level;
}

export const isBreak = (before: number, removed: number, headcount: number) =>
  before >= headcount && before - removed < headcount;

const isSpent = (before: number, removed: number, headcount: number) => removed > 0 && before - removed === headcount;

export function isSinglePoint(before: number, removed: number): boolean {
  const after = before - removed;
  return (after === 1 && before >= 2) || (after === 0 && before >= 1);
}

function compareNeeds(a: HomeTargetNeed, b: HomeTargetNeed): number {
  return (
    byString(a.teamId, b.teamId) ||
    byString(a.targetId, b.targetId) ||
    byString(a.skillKey, b.skillKey) ||
    a.level - b.level ||
    a.headcount - b.headcount
  );
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Home needs with their current coverage, and for each person the needs and single-point keys they hold. */
function indexHomeNeeds(people: StaffingPerson[], needs: HomeTargetNeed[]) {
  const members = new Map<string, StaffingPerson[]>();
  for (const person of people) {
    for (const teamId of new Set(person.teamIds)) append(members, teamId, person);
  }
  const needIdx = new Map<string, number[]>();
  const spIdx = new Map<string, number[]>();
  const spKeys = new Map<string, number>();
  const sps: SpRow[] = [];
  const rows = [...needs].sort(compareNeeds).map((need, i): NeedRow => {
    const holders = (members.get(need.teamId) ?? []).filter((p) => meets(p, need.skillKey, need.level));
    holders.forEach((p) => append(needIdx, p.id, i));
    const key = JSON.stringify([need.teamId, need.skillKey, need.level]);
    if (!spKeys.has(key)) {
      spKeys.set(key, sps.length);
      holders.forEach((p) => append(spIdx, p.id, sps.length));
      sps.push({ teamId: need.teamId, skillKey: need.skillKey, level: need.level, before: holders.length });
    }
    return { ...need, before: holders.length };
  });
  return { needs: rows, sps, needIdx, spIdx };
}

function buildModel(
  people: StaffingPerson[],
  needs: HomeTargetNeed[],
  requirements: StaffingRequirement[],
  options: StaffingOptions,
): Model {
  const sorted = [...people].sort((a, b) => byString(a.id, b.id));
  const reqs = [...requirements].sort((a, b) => byString(a.id, b.id));
  const home = indexHomeNeeds(sorted, needs);
  const excluded = new Set(options.excludeTeamIds ?? []);
  const cands: Cand[] = [];
  for (const person of sorted) {
    if (person.teamIds.some((t) => excluded.has(t))) continue;
    const reqIdx = reqs.flatMap((r, i) => (meets(person, r.skillKey, r.level) ? [i] : []));
    if (reqIdx.length === 0) continue;
    const needIdx = home.needIdx.get(person.id) ?? [];
    // Under noHarm a person whose leaving alone breaks a need can never be in a proposal.
    if (options.noHarm && needIdx.some((n) => isBreak(home.needs[n]!.before, 1, home.needs[n]!.headcount))) continue;
    const surplus = reqIdx.reduce((sum, r) => sum + proficiencyOf(person, reqs[r]!.skillKey) - reqs[r]!.level, 0);
    cands.push({ id: person.id, reqIdx, needIdx, spIdx: home.spIdx.get(person.id) ?? [], surplus });
  }
  const meeting = reqs.map((_, r) => cands.filter((c) => c.reqIdx.includes(r)).length);
  const cap = options.maxPeople === undefined ? Infinity : Math.max(0, Math.floor(options.maxPeople));
  return {
    reqs,
    needs: home.needs,
    sps: home.sps,
    cands,
    meeting,
    noHarm: options.noHarm,
    cap,
    totalDemand: reqs.reduce((sum, r) => sum + r.count, 0),
    reachable: reqs.reduce((sum, r, i) => sum + Math.min(r.count, meeting[i]!), 0),
    maxGain: Math.max(0, ...cands.map((c) => c.reqIdx.length)),
  };
}

function newTally(m: Model): Tally {
  return {
    demand: 0,
    breaks: 0,
    singlePoints: 0,
    spent: 0,
    surplus: 0,
    have: m.reqs.map(() => 0),
    removed: m.needs.map(() => 0),
    spRemoved: m.sps.map(() => 0),
  };
}

/** Adds (sign 1) or removes (sign −1) a candidate from the proposal, updating every count incrementally. */
function apply(m: Model, t: Tally, c: Cand, sign: 1 | -1): void {
  for (const r of c.reqIdx) {
    const need = m.reqs[r]!.count;
    const was = Math.min(t.have[r]!, need);
    t.have[r]! += sign;
    t.demand += Math.min(t.have[r]!, need) - was;
  }
  for (const n of c.needIdx) {
    const { before, headcount } = m.needs[n]!;
    const was = isBreak(before, t.removed[n]!, headcount);
    const wasSpent = isSpent(before, t.removed[n]!, headcount);
    t.removed[n]! += sign;
    t.breaks += Number(isBreak(before, t.removed[n]!, headcount)) - Number(was);
    t.spent += Number(isSpent(before, t.removed[n]!, headcount)) - Number(wasSpent);
  }
  for (const k of c.spIdx) {
    const before = m.sps[k]!.before;
    const was = isSinglePoint(before, t.spRemoved[k]!);
    t.spRemoved[k]! += sign;
    t.singlePoints += Number(isSinglePoint(before, t.spRemoved[k]!)) - Number(was);
  }
  t.surplus += sign * c.surplus;
}

const scoreOf = (t: Tally): Score => ({
  demand: t.demand,
  breaks: t.breaks,
  singlePoints: t.singlePoints,
  surplus: t.surplus,
});

/** Strictly better on the objective for sets of equal size (ids decide the rest). */
function better(a: Score, b: Score): boolean {
  if (a.demand !== b.demand) return a.demand > b.demand;
  if (a.breaks !== b.breaks) return a.breaks < b.breaks;
  if (a.singlePoints !== b.singlePoints) return a.singlePoints < b.singlePoints;
  return a.surplus > b.surplus;
}

type Found = { score: Score; set: number[] };

/**
 * The best set of exactly k candidates covering more than `floor` demand, or null.
 * Combinations come in lexicographic order of (id-sorted) indices, so on a full
 * tie the first found has the smallest ids.
 */
function bestOfSize(m: Model, k: number, floor: number): Found | null {
  const t = newTally(m);
  const stack: number[] = [];
  let best: Found | null = null;
  const visit = (start: number): void => {
    if (stack.length === k) {
      const score = scoreOf(t);
      if (score.demand > floor && (!best || better(score, best.score))) best = { score, set: [...stack] };
      return;
    }
    const slots = k - stack.length;
    for (let i = start; i <= m.cands.length - slots; i++) {
      apply(m, t, m.cands[i]!, 1);
      stack.push(i);
      // Breaks only grow with the set, and demand grows by at most maxGain per person.
      const bound = Math.min(m.reachable, t.demand + (slots - 1) * m.maxGain);
      const viable = !(m.noHarm && t.breaks > 0) && bound > floor && (!best || bound >= best.score.demand);
      if (viable) visit(i + 1);
      stack.pop();
      apply(m, t, m.cands[i]!, -1);
    }
  };
  visit(0);
  return best;
}

/** Iterative deepening: the smallest size reaching the most demand reachable, best set of that size. */
function exactSearch(m: Model): number[] {
  const cap = Math.min(m.cap, m.cands.length);
  let best: Found = { score: scoreOf(newTally(m)), set: [] };
  for (let k = 1; k <= cap && best.score.demand < m.reachable; k++) {
    const found = bestOfSize(m, k, best.score.demand);
    if (found) best = found;
  }
  return best.set;
}

/**
 * The greedy's order: the objective's, except that before surplus it prefers the
 * pick using up fewer teams' spare holders, so that later picks stay possible
 * under noHarm (a pick cannot be undone).
 */
function greedyBetter(a: GreedyScore, b: GreedyScore): boolean {
  if (a.demand !== b.demand || a.breaks !== b.breaks || a.singlePoints !== b.singlePoints) return better(a, b);
  if (a.spent !== b.spent) return a.spent < b.spent;
  return a.surplus > b.surplus;
}

/** The candidate whose addition covers the most new demand (ties: the objective's tie-breaks, then id). */
function readGreedyScore(t: Tally, into: GreedyScore): void {
  into.demand = t.demand;
  into.breaks = t.breaks;
  into.singlePoints = t.singlePoints;
  into.surplus = t.surplus;
  into.spent = t.spent;
}

function bestAddition(m: Model, t: Tally, taken: Set<number>): number | null {
  // Two reused records: this loop runs over every candidate at every step.
  const best: GreedyScore = { demand: 0, breaks: 0, singlePoints: 0, surplus: 0, spent: 0 };
  const score: GreedyScore = { ...best };
  let bestIndex: number | null = null;
  for (let i = 0; i < m.cands.length; i++) {
    if (taken.has(i)) continue;
    const was = t.demand;
    apply(m, t, m.cands[i]!, 1);
    readGreedyScore(t, score);
    apply(m, t, m.cands[i]!, -1);
    if (score.demand === was || (m.noHarm && score.breaks > 0)) continue;
    if (bestIndex === null || greedyBetter(score, best)) {
      bestIndex = i;
      Object.assign(best, score);
    }
  }
  return bestIndex;
}

/**
 * Candidates every full cover contains: they meet a requirement that has no more
 * candidates than its count. Taking them first keeps a broader pick from using
 * up a team's spare holder that an essential teammate needs under noHarm.
 */
function essentials(m: Model): number[] {
  return m.cands.flatMap((c, i) => (c.reqIdx.some((r) => m.meeting[r]! <= m.reqs[r]!.count) ? [i] : []));
}

/** Adds the candidate unless, under noHarm, the proposal would then break a target. */
function tryAdd(m: Model, t: Tally, i: number): boolean {
  apply(m, t, m.cands[i]!, 1);
  if (!(m.noHarm && t.breaks > 0)) return true;
  apply(m, t, m.cands[i]!, -1);
  return false;
}

/** Greedy weighted multicover (essential candidates first), then drop any pick whose removal keeps the covered demand. */
function greedySearch(m: Model): number[] {
  const t = newTally(m);
  const picked: number[] = [];
  for (const i of essentials(m)) if (picked.length < m.cap && tryAdd(m, t, i)) picked.push(i);
  const taken = new Set(picked);
  while (picked.length < m.cap && t.demand < m.reachable) {
    const i = bestAddition(m, t, taken);
    if (i === null) break;
    apply(m, t, m.cands[i]!, 1);
    picked.push(i);
    taken.add(i);
  }
  for (const i of [...picked]) {
    const was = t.demand;
    apply(m, t, m.cands[i]!, -1);
    if (t.demand === was) taken.delete(i);
    else apply(m, t, m.cands[i]!, 1);
  }
  return [...taken].sort((a, b) => a - b);
}

/** Requirements this pick is needed for: without them, the other picks fall short of the count. */
function neededFor(m: Model, t: Tally, c: Cand): number[] {
  return c.reqIdx.filter((r) => t.have[r]! - 1 < m.reqs[r]!.count);
}

/**
 * Other candidates who meet every requirement this pick is needed for and,
 * under noHarm, keep the whole proposal harmless when swapped in. Ranked by the
 * swapped proposal's score, then id.
 */
function alternativesFor(m: Model, t: Tally, set: Set<number>, pick: number): string[] {
  const pc = m.cands[pick]!;
  const needed = neededFor(m, t, pc);
  const ranked: { i: number; score: Score }[] = [];
  apply(m, t, pc, -1);
  m.cands.forEach((c, i) => {
    if (set.has(i) || !needed.every((r) => c.reqIdx.includes(r))) return;
    apply(m, t, c, 1);
    if (!(m.noHarm && t.breaks > 0)) ranked.push({ i, score: scoreOf(t) });
    apply(m, t, c, -1);
  });
  apply(m, t, pc, 1);
  ranked.sort((a, b) => (better(a.score, b.score) ? -1 : better(b.score, a.score) ? 1 : a.i - b.i));
  return ranked.slice(0, 3).map((r) => m.cands[r.i]!.id);
}

function reasonFor(m: Model, needed: number[], c: Cand): PickReason {
  const sole = needed.find((r) => m.meeting[r]! <= m.reqs[r]!.count);
  if (sole !== undefined)
    return { kind: "only-candidate", requirementId: m.reqs[sole]!.id, candidates: m.meeting[sole]! };
  if (needed.length >= 2) {
    return { kind: "covers-most", newlyCovered: needed.length, requirementIds: needed.map((r) => m.reqs[r]!.id) };
  }
  return { kind: "best-fit", requirementId: m.reqs[needed[0] ?? c.reqIdx[0]!]!.id };
}

function pickOf(m: Model, t: Tally, set: Set<number>, i: number): StaffingPick {
  const c = m.cands[i]!;
  const impact = c.needIdx.map((n): TargetImpact => {
    const { teamId, targetId, skillKey, level, headcount, before } = m.needs[n]!;
    const after = before - t.removed[n]!;
    return {
      teamId,
      targetId,
      skillKey,
      level,
      headcount,
      before,
      after,
      breaks: isBreak(before, t.removed[n]!, headcount),
    };
  });
  const singlePoints = c.spIdx
    .filter((k) => isSinglePoint(m.sps[k]!.before, t.spRemoved[k]!))
    .map((k): SinglePoint => {
      const { teamId, skillKey, level, before } = m.sps[k]!;
      return { teamId, skillKey, level, left: before - t.spRemoved[k]! === 1 ? 1 : 0 };
    });
  return {
    personId: c.id,
    covers: c.reqIdx.map((r) => m.reqs[r]!.id),
    reason: reasonFor(m, neededFor(m, t, c), c),
    impact,
    singlePoints,
    alternatives: alternativesFor(m, t, set, i),
  };
}

function proposalOf(m: Model, chosen: number[], method: Proposal["method"]): Proposal {
  const t = newTally(m);
  chosen.forEach((i) => apply(m, t, m.cands[i]!, 1));
  const set = new Set(chosen);
  const coverage = m.reqs.map((r, i) => ({ requirementId: r.id, have: t.have[i]!, need: r.count }));
  return {
    picks: [...chosen].sort((a, b) => a - b).map((i) => pickOf(m, t, set, i)),
    coverage,
    short: coverage
      .filter((c) => c.have < c.need)
      .map((c) => ({ requirementId: c.requirementId, missing: c.need - c.have })),
    harmless: t.breaks === 0,
    method,
  };
}

const coveredDemand = (p: Proposal) => p.coverage.reduce((sum, c) => sum + Math.min(c.have, c.need), 0);

function propose(
  people: StaffingPerson[],
  needs: HomeTargetNeed[],
  requirements: StaffingRequirement[],
  options: StaffingOptions,
): Proposal {
  const m = buildModel(people, needs, requirements, options);
  return m.cands.length <= EXACT_LIMIT
    ? proposalOf(m, exactSearch(m), "exact")
    : proposalOf(m, greedySearch(m), "greedy");
}

export function proposeStaffing(
  people: StaffingPerson[],
  needs: HomeTargetNeed[],
  requirements: StaffingRequirement[],
  options: StaffingOptions,
): StaffingResult {
  const proposal = propose(people, needs, requirements, options);
  if (!options.noHarm || proposal.short.length === 0) return { proposal, withHarm: null };
  const harmful = propose(people, needs, requirements, { ...options, noHarm: false });
  return { proposal, withHarm: coveredDemand(harmful) > coveredDemand(proposal) ? harmful : null };
}

/** The greedy alone (exported so the optimality measurement can compare it with brute force). */
export function greedyStaffing(
  people: StaffingPerson[],
  needs: HomeTargetNeed[],
  requirements: StaffingRequirement[],
  options: StaffingOptions,
): Proposal {
  const m = buildModel(people, needs, requirements, options);
  return proposalOf(m, greedySearch(m), "greedy");
}

function* combinations(n: number, k: number, start = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= n - k; i++) for (const rest of combinations(n, k - 1, i + 1)) yield [i, ...rest];
}

/** Whether moving `picked` out of their teams breaks any need, recomputed from scratch. */
export function breaksAnyNeed(people: StaffingPerson[], needs: HomeTargetNeed[], picked: Set<string>): boolean {
  return needs.some((need) => {
    const holders = people.filter((p) => p.teamIds.includes(need.teamId) && meets(p, need.skillKey, need.level));
    const after = holders.filter((p) => !picked.has(p.id)).length;
    return holders.length >= need.headcount && after < need.headcount;
  });
}

/**
 * Brute-force minimum (for tests and measurement, small instances only): the
 * smallest proposal size covering everything under the options, null if impossible.
 * Deliberately naive and independent of the search above.
 */
export function bruteForceMinimum(
  people: StaffingPerson[],
  needs: HomeTargetNeed[],
  requirements: StaffingRequirement[],
  options: StaffingOptions,
): number | null {
  const excluded = new Set(options.excludeTeamIds ?? []);
  const pool = people.filter(
    (p) => !p.teamIds.some((t) => excluded.has(t)) && requirements.some((r) => meets(p, r.skillKey, r.level)),
  );
  if (pool.length > 20) throw new Error("bruteForceMinimum is for small instances (at most 20 candidates)");
  const cap = Math.min(options.maxPeople ?? Infinity, pool.length);
  for (let size = 0; size <= cap; size++) {
    for (const subset of combinations(pool.length, size)) {
      const picked = subset.map((i) => pool[i]!);
      const covers = requirements.every((r) => picked.filter((p) => meets(p, r.skillKey, r.level)).length >= r.count);
      if (covers && (!options.noHarm || !breaksAnyNeed(people, needs, new Set(picked.map((p) => p.id))))) return size;
    }
  }
  return null;
}
