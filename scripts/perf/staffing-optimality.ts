// How close the staffing greedy comes to the true minimum on small instances,
// and whether proposeStaffing (exact below EXACT_LIMIT candidates) always hits it.
// Run: npx tsx scripts/perf/staffing-optimality.ts
// Prints one JSON line; the instances are seeded, so the figures are reproducible.
import {
  bruteForceMinimum,
  greedyStaffing,
  proposeStaffing,
  type HomeTargetNeed,
  type StaffingOptions,
  type StaffingPerson,
  type StaffingRequirement,
} from "@/lib/analytics/staffing";

const INSTANCES = 2000;
const SEED = 20270101;

/** mulberry32: a small, well-mixed 32-bit PRNG, enough for reproducible instances. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int };
}

type Instance = {
  people: StaffingPerson[];
  needs: HomeTargetNeed[];
  requirements: StaffingRequirement[];
  options: StaffingOptions;
};

function instance(rng: ReturnType<typeof random>): Instance {
  const skills = ["a", "b", "c", "d"].slice(0, rng.int(1, 4));
  const teams = ["t1", "t2", "t3"].slice(0, rng.int(1, 3));
  const people = Array.from({ length: rng.int(1, 12) }, (_, i): StaffingPerson => {
    const proficiency: Record<string, number> = {};
    for (const s of skills) if (rng.next() < 0.8) proficiency[s] = rng.int(0, 4);
    const home = teams.filter(() => rng.next() < 0.4);
    return { id: `p${i}`, teamIds: home.length > 0 ? home : [teams[rng.int(0, teams.length - 1)]!], proficiency };
  });
  const needs = Array.from({ length: rng.int(0, 4) }, (_, i) => ({
    teamId: teams[rng.int(0, teams.length - 1)]!,
    targetId: `g${i}`,
    skillKey: skills[rng.int(0, skills.length - 1)]!,
    level: rng.int(1, 4),
    headcount: rng.int(1, 3),
  }));
  const requirements = Array.from({ length: rng.int(1, 3) }, (_, i) => ({
    id: `r${i}`,
    skillKey: skills[rng.int(0, skills.length - 1)]!,
    level: rng.int(1, 4),
    count: rng.int(1, 2),
  }));
  const options: StaffingOptions = {
    noHarm: rng.next() < 0.5,
    ...(rng.next() < 0.2 ? { excludeTeamIds: [teams[rng.int(0, teams.length - 1)]!] } : {}),
    ...(rng.next() < 0.2 ? { maxPeople: rng.int(1, 4) } : {}),
  };
  return { people, needs, requirements, options };
}

function measure() {
  const rng = random(SEED);
  const tally = { feasible: 0, greedyOptimal: 0, greedyWorseBy1: 0, greedyWorseBy2plus: 0, greedyShort: 0, propose: 0 };
  for (let n = 0; n < INSTANCES; n++) {
    const { people, needs, requirements, options } = instance(rng);
    const best = bruteForceMinimum(people, needs, requirements, options);
    if (best === null) continue;
    tally.feasible++;
    const greedy = greedyStaffing(people, needs, requirements, options);
    const { proposal } = proposeStaffing(people, needs, requirements, options);
    if (proposal.short.length === 0 && proposal.picks.length === best) tally.propose++;
    const extra = greedy.picks.length - best;
    if (greedy.short.length > 0) tally.greedyShort++;
    else if (extra <= 0) tally.greedyOptimal++;
    else if (extra === 1) tally.greedyWorseBy1++;
    else tally.greedyWorseBy2plus++;
  }
  const pct = (x: number) => Math.round((1000 * x) / Math.max(1, tally.feasible)) / 10;
  return {
    instances: INSTANCES,
    feasible: tally.feasible,
    greedyOptimalPct: pct(tally.greedyOptimal),
    greedyWorseBy1: tally.greedyWorseBy1,
    greedyWorseBy2plus: tally.greedyWorseBy2plus,
    /** Feasible instances (under the options) where the greedy left a requirement short. */
    greedyShort: tally.greedyShort,
    proposeOptimalPct: pct(tally.propose),
  };
}

console.log(JSON.stringify(measure()));
