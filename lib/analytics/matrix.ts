// The heatmap's data, as a compact matrix: one character per member × skill
// (row-major, members are rows), so a 2,000 × 60 org grid travels as a few
// hundred kilobytes and every view (source, sort, filter) is computed on the
// client without another request. Pure and tested without a database.

import type { LatestRating } from "./team-analysis";

export const UNRATED = -1;
export const NOT_APPLICABLE = -2;
const NONE = ".";
const NA = "n";

export type Source = "self" | "validated" | "effective";
export type CellRating = {
  proficiency: number | null;
  notApplicable: boolean;
  interest?: number | null;
  quarter?: string;
};

export function encodeValue(r: CellRating | null | undefined): string {
  if (!r) return NONE;
  if (r.notApplicable) return NA;
  return String(r.proficiency);
}

export function decodeValue(ch: string | undefined): number {
  if (ch === undefined || ch === NONE) return UNRATED;
  if (ch === NA) return NOT_APPLICABLE;
  return Number(ch);
}

/** A member's latest rating of a skill with the quarter it was given in, as db/queries/latest-ratings.ts reads it. */
export type DatedRating = LatestRating & { quarter: string };

export type MatrixInput = {
  memberIds: string[];
  skillKeys: string[];
  /** Latest rating per (user, skill, kind) as of the chosen date. */
  latest: DatedRating[];
  /** Quarters a cell's "rated in" may refer to (index encoded in base 36). */
  quarters: string[];
};

export type CompactMatrix = { self: string; validated: string; interest: string; ratedQuarter: string };

export function buildMatrix({ memberIds, skillKeys, latest, quarters }: MatrixInput): CompactMatrix {
  const size = memberIds.length * skillKeys.length;
  const cells: Record<keyof CompactMatrix, string[]> = {
    self: new Array<string>(size).fill(NONE),
    validated: new Array<string>(size).fill(NONE),
    interest: new Array<string>(size).fill(NONE),
    ratedQuarter: new Array<string>(size).fill(NONE),
  };
  const index = matrixIndex(memberIds, skillKeys, quarters);
  for (const r of latest) {
    const row = index.rows.get(r.userId)?.[0];
    const col = index.cols.get(r.skillKey);
    if (row === undefined || col === undefined) continue;
    writeCell(cells, row * index.width + col, r, index.quarterIndex);
  }
  return {
    self: cells.self.join(""),
    validated: cells.validated.join(""),
    interest: cells.interest.join(""),
    ratedQuarter: cells.ratedQuarter.join(""),
  };
}

/** One character per cell and field, as a string builds it or as bytes to patch in place. */
type MatrixCells = Record<keyof CompactMatrix, { [i: number]: string | number }>;

/** Where each member's rows (a person in two teams of the org has two), skill column and quarter are. */
export type MatrixIndex = {
  rows: Map<string, number[]>;
  cols: Map<string, number>;
  width: number;
  quarterIndex: Map<string, number>;
};

export function matrixIndex(memberIds: string[], skillKeys: string[], quarters: string[]): MatrixIndex {
  const rows = new Map<string, number[]>();
  memberIds.forEach((id, i) => rows.set(id, [...(rows.get(id) ?? []), i]));
  return {
    rows,
    cols: new Map(skillKeys.map((k, i) => [k, i])),
    width: skillKeys.length,
    quarterIndex: new Map(quarters.map((q, i) => [q, i])),
  };
}

function writeCell(cells: MatrixCells, i: number, r: DatedRating, quarterIndex: Map<string, number>, asByte = false) {
  const put = (field: keyof CompactMatrix, ch: string) => (cells[field][i] = asByte ? ch.charCodeAt(0) : ch);
  if (r.raterKind === "self") {
    put("self", encodeValue(r));
    put("interest", r.interest === null ? NONE : String(r.interest));
    const q = quarterIndex.get(r.quarter);
    put("ratedQuarter", q === undefined ? NONE : q.toString(36));
  } else {
    put("validated", encodeValue(r));
  }
}

/** A compact matrix as bytes (every character is ASCII), to patch cells in place. */
export type MatrixBytes = Record<keyof CompactMatrix, Uint8Array>;

const ascii = { encoder: new TextEncoder(), decoder: new TextDecoder("latin1") };

export const matrixToBytes = (m: CompactMatrix): MatrixBytes => ({
  self: ascii.encoder.encode(m.self),
  validated: ascii.encoder.encode(m.validated),
  interest: ascii.encoder.encode(m.interest),
  ratedQuarter: ascii.encoder.encode(m.ratedQuarter),
});

export const matrixFromBytes = (b: MatrixBytes): CompactMatrix => ({
  self: ascii.decoder.decode(b.self),
  validated: ascii.decoder.decode(b.validated),
  interest: ascii.decoder.decode(b.interest),
  ratedQuarter: ascii.decoder.decode(b.ratedQuarter),
});

/**
 * Writes the current value of some cells (every row of their member) into a
 * matrix's bytes, exactly as buildMatrix would have; cells of people or
 * skills not in the matrix are ignored. Returns how many cells it wrote.
 */
export function patchMatrix(bytes: MatrixBytes, index: MatrixIndex, latest: DatedRating[]): number {
  let written = 0;
  for (const r of latest) {
    const rows = index.rows.get(r.userId);
    const col = index.cols.get(r.skillKey);
    if (!rows || col === undefined) continue;
    for (const row of rows) {
      writeCell(bytes, row * index.width + col, r, index.quarterIndex, true);
      written++;
    }
  }
  return written;
}

/** Numbers for one source: "effective" is validated where present, else self. */
export function valuesFor(matrix: Pick<CompactMatrix, "self" | "validated">, source: Source): Int8Array {
  const out = new Int8Array(matrix.self.length);
  for (let i = 0; i < out.length; i++) {
    const v = decodeValue(matrix.validated[i]);
    out[i] =
      source === "self"
        ? decodeValue(matrix.self[i])
        : source === "validated"
          ? v
          : v !== UNRATED
            ? v
            : decodeValue(matrix.self[i]);
  }
  return out;
}

export type SkillCoverage = { atLeast3: number; atLeast4: number; holders: number[]; rated: number };

/** Per skill: how many members are at ≥ 3 and ≥ 4, and who holds it at ≥ 3 (row indexes). */
export function coverageBySkill(
  values: Int8Array,
  memberCount: number,
  skillCount: number,
  rows?: number[],
): SkillCoverage[] {
  const memberRows = rows ?? Array.from({ length: memberCount }, (_, i) => i);
  return Array.from({ length: skillCount }, (_, s) => {
    const c: SkillCoverage = { atLeast3: 0, atLeast4: 0, holders: [], rated: 0 };
    for (const m of memberRows) {
      const v = values[m * skillCount + s]!;
      if (v >= 0) c.rated++;
      if (v >= 3) {
        c.atLeast3++;
        c.holders.push(m);
      }
      if (v >= 4) c.atLeast4++;
    }
    return c;
  });
}

/** "missing" when nobody holds a skill at ≥ 3, "single" when exactly one person does. */
export function coverageRisk(c: SkillCoverage): "missing" | "single" | null {
  return c.atLeast3 === 0 ? "missing" : c.atLeast3 === 1 ? "single" : null;
}

/** Mean proficiency per member × category (not rated and N/A excluded); null where nothing is rated. */
export function categoryRollup(
  values: Int8Array,
  memberCount: number,
  skillCategory: number[],
  categoryCount: number,
): (number | null)[] {
  const skillCount = skillCategory.length;
  const out: (number | null)[] = new Array(memberCount * categoryCount).fill(null);
  for (let m = 0; m < memberCount; m++) {
    const sum = new Array<number>(categoryCount).fill(0);
    const n = new Array<number>(categoryCount).fill(0);
    for (let s = 0; s < skillCount; s++) {
      const v = values[m * skillCount + s]!;
      if (v >= 0) {
        sum[skillCategory[s]!]! += v;
        n[skillCategory[s]!]!++;
      }
    }
    for (let c = 0; c < categoryCount; c++) if (n[c]! > 0) out[m * categoryCount + c] = sum[c]! / n[c]!;
  }
  return out;
}

export type LegendCounts = {
  byValue: [number, number, number, number, number];
  unrated: number;
  notApplicable: number;
};

export function legendCounts(values: Int8Array, cells?: Iterable<number>): LegendCounts {
  const counts: LegendCounts = { byValue: [0, 0, 0, 0, 0], unrated: 0, notApplicable: 0 };
  const visit = (v: number) => {
    if (v === UNRATED) counts.unrated++;
    else if (v === NOT_APPLICABLE) counts.notApplicable++;
    else counts.byValue[v as 0]++;
  };
  if (cells) for (const i of cells) visit(values[i]!);
  else for (const v of values) visit(v);
  return counts;
}

export type MemberSort = "name" | "level" | "total";
export type SkillSort = "category" | "coverage";

/** Row order for members: by name, by level (senior first), or by total proficiency (highest first). */
export function sortMembers(
  members: { name: string; levelPosition: number | null; teamName?: string }[],
  values: Int8Array,
  skillCount: number,
  by: MemberSort,
): number[] {
  const total = (m: number) => {
    let t = 0;
    for (let s = 0; s < skillCount; s++) t += Math.max(0, values[m * skillCount + s]!);
    return t;
  };
  const totals = by === "total" ? members.map((_, i) => total(i)) : [];
  const idx = members.map((_, i) => i);
  const byName = (a: number, b: number) => members[a]!.name.localeCompare(members[b]!.name);
  const team = (a: number, b: number) => (members[a]!.teamName ?? "").localeCompare(members[b]!.teamName ?? "");
  return idx.sort((a, b) => {
    const t = team(a, b);
    if (t !== 0) return t;
    if (by === "level") return (members[b]!.levelPosition ?? -1) - (members[a]!.levelPosition ?? -1) || byName(a, b);
    if (by === "total") return totals[b]! - totals[a]! || byName(a, b);
    return byName(a, b);
  });
}

/** Column order for skills: the roadmap's order, or thinnest coverage first (within level order when grouped). */
export function sortSkills(
  skills: { levelPosition: number; categoryIndex: number; position: number }[],
  coverage: SkillCoverage[],
  by: SkillSort,
): number[] {
  const idx = skills.map((_, i) => i);
  const roadmap = (a: number, b: number) =>
    skills[a]!.levelPosition - skills[b]!.levelPosition ||
    skills[a]!.categoryIndex - skills[b]!.categoryIndex ||
    skills[a]!.position - skills[b]!.position;
  if (by === "category") return idx.sort(roadmap);
  return idx.sort(
    (a, b) =>
      coverage[a]!.atLeast3 - coverage[b]!.atLeast3 || coverage[a]!.atLeast4 - coverage[b]!.atLeast4 || roadmap(a, b),
  );
}
