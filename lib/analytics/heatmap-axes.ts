import { buildMatrix, type CompactMatrix, type DatedRating } from "./matrix";

// The heatmap's rows and columns, laid out from a roadmap version's rows and
// the members of the moment: pure, so lib/data/heatmap.ts only reads.

/** Picks the name in the viewer's language. */
type Name = (zh: string, en: string) => string;

export type RoadmapRows = {
  levelRows: { id: string; key: string; position: number; nameZh: string; nameEn: string }[];
  categoryRows: { id: string; key: string; levelId: string; nameZh: string; nameEn: string }[];
  skillRows: { key: string; categoryId: string; levelId: string; position: number; nameZh: string; nameEn: string }[];
};

export type AxisMember = { id: string; name: string; levelKey: string | null; teamId: string; teamName: string };

/** Skills (ordered by level, then category, then position), categories and levels, named in the viewer's language. */
export function roadmapAxes(rows: RoadmapRows, name: Name) {
  const levelPosById = new Map(rows.levelRows.map((l) => [l.id, l.position]));
  const categoryIndex = new Map(rows.categoryRows.map((c, i) => [c.id, i]));
  const skills = rows.skillRows
    .map((s) => ({
      key: s.key,
      name: name(s.nameZh, s.nameEn),
      categoryIndex: categoryIndex.get(s.categoryId) ?? 0,
      levelPosition: levelPosById.get(s.levelId) ?? 0,
      position: s.position,
    }))
    .sort((a, b) => a.levelPosition - b.levelPosition || a.categoryIndex - b.categoryIndex || a.position - b.position);
  const categories = rows.categoryRows.map((c) => ({
    key: c.key,
    name: name(c.nameZh, c.nameEn),
    levelPosition: levelPosById.get(c.levelId) ?? 0,
  }));
  const levels = rows.levelRows.map((l) => ({ key: l.key, name: name(l.nameZh, l.nameEn), position: l.position }));
  return { skills, categories, levels };
}

/** The matrix's rows: each member with their level's position in the roadmap (null when unknown or unset). */
export function memberRows(
  members: AxisMember[],
  levelRows: RoadmapRows["levelRows"],
  mayOpen: (teamId: string) => boolean,
) {
  const levelPosByKey = new Map(levelRows.map((l) => [l.key, l.position]));
  return members.map((m) => ({
    id: m.id,
    name: m.name,
    teamId: m.teamId,
    teamName: m.teamName,
    levelPosition: m.levelKey ? (levelPosByKey.get(m.levelKey) ?? null) : null,
    mayOpen: mayOpen(m.teamId),
  }));
}

/**
 * The compact matrix with one row per entry of `memberIds`. A member in two
 * teams of the org view appears once per team: the matrix is built per
 * person and their row repeated.
 */
export function matrixForRows(input: {
  memberIds: string[];
  skillKeys: string[];
  latest: DatedRating[];
  quarters: string[];
}): CompactMatrix {
  const uniqueIds = [...new Set(input.memberIds)];
  const matrix = buildMatrix({ ...input, memberIds: uniqueIds });
  if (uniqueIds.length === input.memberIds.length) return matrix;
  const width = input.skillKeys.length;
  const rowOf = new Map(uniqueIds.map((id, i) => [id, i]));
  const expand = (s: string) =>
    input.memberIds.map((id) => s.slice(rowOf.get(id)! * width, (rowOf.get(id)! + 1) * width)).join("");
  return {
    self: expand(matrix.self),
    validated: expand(matrix.validated),
    interest: expand(matrix.interest),
    ratedQuarter: expand(matrix.ratedQuarter),
  };
}
