import {
  categoryRollup,
  coverageBySkill,
  legendCounts,
  sortMembers,
  sortSkills,
  valuesFor,
  type MemberSort,
  type SkillCoverage,
  type SkillSort,
  type Source,
} from "@/lib/analytics/matrix";
import type { HeatmapDto } from "@/lib/data/heatmap";

export type ViewState = {
  source: Source;
  memberSort: MemberSort;
  skillSort: SkillSort;
  level: number | "all";
  category: number | "all";
  memberQuery: string;
  collapsed: Set<number>;
};

/** A column of the grid: one skill, or a collapsed category shown as its mean. */
export type Column = { kind: "skill"; skill: number } | { kind: "category"; category: number };

export type Model = {
  values: Int8Array;
  rows: number[];
  columns: Column[];
  coverage: SkillCoverage[];
  rollup: (number | null)[];
  legend: ReturnType<typeof legendCounts>;
  skillCategory: number[];
};

// Everything the views draw, derived from the server's compact matrix and
// the viewer's choices; no request is made when a choice changes.
export function buildModel(dto: HeatmapDto, state: ViewState): Model {
  const skillCount = dto.skills.length;
  const values = valuesFor(dto, state.source);
  const skillCategory = dto.skills.map((s) => s.categoryIndex);
  const query = state.memberQuery.trim().toLowerCase();
  const rows = sortMembers(dto.members, values, skillCount, state.memberSort).filter(
    (m) =>
      !query ||
      dto.members[m]!.name.toLowerCase().includes(query) ||
      dto.members[m]!.teamName.toLowerCase().includes(query),
  );
  const coverage = coverageBySkill(values, dto.members.length, skillCount, rows);
  const visibleSkill = (s: number) =>
    (state.level === "all" || dto.skills[s]!.levelPosition === state.level) &&
    (state.category === "all" || dto.skills[s]!.categoryIndex === state.category);
  const ordered = sortSkills(dto.skills, coverage, state.skillSort).filter(visibleSkill);

  const columns: Column[] = [];
  if (state.skillSort === "category") {
    const seen = new Set<number>();
    for (const s of ordered) {
      const c = dto.skills[s]!.categoryIndex;
      if (state.collapsed.has(c)) {
        if (!seen.has(c)) columns.push({ kind: "category", category: c });
        seen.add(c);
      } else columns.push({ kind: "skill", skill: s });
    }
  } else for (const s of ordered) columns.push({ kind: "skill", skill: s });

  const cells: number[] = [];
  for (const m of rows) for (const col of columns) if (col.kind === "skill") cells.push(m * skillCount + col.skill);
  return {
    values,
    rows,
    columns,
    coverage,
    rollup: categoryRollup(values, dto.members.length, skillCategory, dto.categories.length),
    legend: legendCounts(values, cells),
    skillCategory,
  };
}

/** Bands over the columns: consecutive columns sharing a category (or level). */
export function bands(columns: Column[], keyOf: (c: Column) => number): { key: number; start: number; end: number }[] {
  const out: { key: number; start: number; end: number }[] = [];
  columns.forEach((c, i) => {
    const k = keyOf(c);
    const last = out.at(-1);
    if (last && last.key === k && last.end === i) last.end = i + 1;
    else out.push({ key: k, start: i, end: i + 1 });
  });
  return out;
}

/**
 * A row's label: the person, and their team in the org view (where people of
 * several teams mix). On a past quarter's team page, someone no longer in the
 * team carries `leftSuffix` (" (left the team)", in the page's language).
 */
export function rowLabel(dto: HeatmapDto, row: number, leftSuffix = ""): string {
  const m = dto.members[row]!;
  return dto.scope.kind === "org" ? `${m.teamName} · ${personName(m, leftSuffix)}` : personName(m, leftSuffix);
}

/** A person's name, with `leftSuffix` when they have left the team since the quarter shown. */
export function personName(m: HeatmapDto["members"][number], leftSuffix: string): string {
  return m.left ? `${m.name}${leftSuffix}` : m.name;
}

/**
 * The person's page (/people/[id]), when the data layer says the viewer may open the row's person (a lead of
 * the row's team, or an admin); validating is one link further, through the row's team.
 */
export function personHref(dto: HeatmapDto, row: number): string | null {
  const m = dto.members[row]!;
  return m.mayOpen ? `/people/${m.id}` : null;
}
