// "Who can help with X?": people ranked by how well they meet a set of skill
// requirements. Pure; db/queries/org-people.ts reads the rows.
//
// Match score (0–100) = the mean, over the requirements, of a credit in [0, 1]:
//   value ≥ level          → 1      (met)
//   value = level − 1      → 0.5    (partial)
//   otherwise              → 0
// multiplied by
//   × 0.8 when the value is the person's own (self) rating, not validated by a lead
//   × 0.75 when it was last rated or confirmed before the current quarter (stale)
//   × 0.5 when the requirement asks for interest and the person has not said they are interested
// "Ready with training": not every requirement met, but each one that is not
// is within 1–2 levels and the person is interested in it.

export const CREDIT = { met: 1, partial: 0.5, self: 0.8, stale: 0.75, notInterested: 0.5 } as const;
// One collator for every comparison: String#localeCompare builds one per call, which made sorting 2,000 people cost ~25 ms.
const byName = new Intl.Collator("en");
/** Most rows a search returns (the total is reported alongside). */
export const MAX_ROWS = 200;

export type FindRequirement = { frameworkId: string; skillKey: string; level: number; interested: boolean };
export type FindFilters = { teamId?: string; levelKey?: string; onlyValidated: boolean; onlyThisQuarter: boolean };
export type FindPerson = {
  id: string;
  name: string;
  teams: { id: string; name: string }[];
  levelKey: string | null;
  levelName: string | null;
};
/** A latest rating of one person on one skill, as ratings_current has it. */
export type SkillRating = {
  userId: string;
  frameworkId: string;
  skillKey: string;
  raterKind: "self" | "manager";
  proficiency: number | null;
  notApplicable: boolean;
  interest: number | null;
  quarter: string;
};
export type FindCell = {
  value: number | null;
  source: "validated" | "self" | null;
  stale: boolean;
  interest: number | null;
  met: boolean;
  credit: number;
};
export type FindRow = { person: FindPerson; cells: FindCell[]; score: number; met: number; readyWithTraining: boolean };

type Held = { self?: SkillRating; manager?: SkillRating };

/**
 * Per requirement, each person's self and validated rating. Nested maps keyed
 * by the ids as they come: a search over the org indexes ~10,000 rows, and
 * building a string key per row made the garbage collector the main cost.
 */
function indexRatings(ratings: SkillRating[], requirements: FindRequirement[]): Map<string, Held>[] {
  const slot = new Map<string, Map<string, number>>();
  requirements.forEach((n, i) => {
    const bySkill = slot.get(n.frameworkId) ?? new Map<string, number>();
    bySkill.set(n.skillKey, i);
    slot.set(n.frameworkId, bySkill);
  });
  const out = requirements.map(() => new Map<string, Held>());
  for (const r of ratings) {
    const i = slot.get(r.frameworkId)?.get(r.skillKey);
    if (i === undefined) continue;
    const byUser = out[i]!;
    let held = byUser.get(r.userId);
    if (!held) byUser.set(r.userId, (held = {}));
    if (r.raterKind === "manager") held.manager = r;
    else held.self = r;
  }
  return out;
}

/** One person × requirement: the value counted (filters applied), where it comes from, and its credit. */
export function cellFor(
  held: Held | undefined,
  need: FindRequirement,
  filters: Pick<FindFilters, "onlyValidated" | "onlyThisQuarter">,
  currentQuarter: string,
): FindCell {
  const usable = (r: SkillRating | undefined) =>
    r && !r.notApplicable && r.proficiency !== null && (!filters.onlyThisQuarter || r.quarter === currentQuarter)
      ? r
      : undefined;
  const validated = usable(held?.manager);
  const self = filters.onlyValidated ? undefined : usable(held?.self);
  const used = validated ?? self;
  const interest = held?.self?.interest ?? null;
  if (!used) return { value: null, source: null, stale: false, interest, met: false, credit: 0 };
  const value = used.proficiency!;
  const stale = used.quarter !== currentQuarter;
  const interestOk = !need.interested || (interest ?? 0) >= 1;
  const base = value >= need.level ? CREDIT.met : value === need.level - 1 ? CREDIT.partial : 0;
  const credit =
    base * (validated ? 1 : CREDIT.self) * (stale ? CREDIT.stale : 1) * (interestOk ? 1 : CREDIT.notInterested);
  return {
    value,
    source: validated ? "validated" : "self",
    stale,
    interest,
    met: value >= need.level && interestOk,
    credit,
  };
}

/** Within 1–2 levels below and interested: training would get them there. */
export function trainable(cell: FindCell, need: FindRequirement): boolean {
  const gap = need.level - (cell.value ?? 0);
  return gap >= 1 && gap <= 2 && (cell.interest ?? 0) >= 1;
}

function inFilters(p: FindPerson, filters: FindFilters): boolean {
  if (filters.teamId && !p.teams.some((t) => t.id === filters.teamId)) return false;
  return !filters.levelKey || p.levelKey === filters.levelKey;
}

/**
 * Everyone (in the filters) with a score above 0 or ready with training,
 * best first: score, then requirements met, then name and id. At most MAX_ROWS rows; `total` counts them all.
 */
export function findPeople(input: {
  people: FindPerson[];
  ratings: SkillRating[];
  requirements: FindRequirement[];
  filters: FindFilters;
  currentQuarter: string;
}): { rows: FindRow[]; total: number } {
  const { requirements, filters, currentQuarter } = input;
  if (requirements.length === 0) return { rows: [], total: 0 };
  const held = indexRatings(input.ratings, requirements);
  const rows: FindRow[] = [];
  for (const person of input.people) {
    // Nobody rated on any of the skills scores 0 and is not ready with training (no stated interest).
    if (!held.some((byUser) => byUser.has(person.id)) || !inFilters(person, filters)) continue;
    const cells = requirements.map((n, i) => cellFor(held[i]!.get(person.id), n, filters, currentQuarter));
    const met = cells.filter((c) => c.met).length;
    const score = Math.round((cells.reduce((s, c) => s + c.credit, 0) / cells.length) * 100);
    const readyWithTraining = met < cells.length && cells.every((c, i) => c.met || trainable(c, requirements[i]!));
    if (score > 0 || readyWithTraining) rows.push({ person, cells, score, met, readyWithTraining });
  }
  rows.sort(
    (a, b) =>
      b.score - a.score ||
      b.met - a.met ||
      byName.compare(a.person.name, b.person.name) ||
      (a.person.id < b.person.id ? -1 : 1),
  );
  return { rows: rows.slice(0, MAX_ROWS), total: rows.length };
}

/** Skills whose name or description, in either language, contains every word typed (case and hyphens ignored). */
export function matchesQuery(text: string, query: string): boolean {
  const norm = (s: string) => s.toLocaleLowerCase("en").replace(/[-_/]+/g, " ");
  const hay = norm(text);
  const words = norm(query).split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((w) => hay.includes(w));
}
