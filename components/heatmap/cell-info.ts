import { decodeValue, NOT_APPLICABLE, UNRATED } from "@/lib/analytics/matrix";
import type { HeatmapDto } from "@/lib/data/heatmap";

import type { Column } from "./model";

export type CellInfo = {
  member: string;
  team: string;
  skill: string;
  self: number;
  validated: number;
  interest: number | null;
  ratedQuarter: string | null;
  mean?: number | null;
};

/** What the tooltip and the screen-reader announcement say about one cell. */
export function cellInfo(dto: HeatmapDto, row: number, column: Column, rollup: (number | null)[]): CellInfo {
  const m = dto.members[row]!;
  if (column.kind === "category") {
    return {
      member: m.name,
      team: m.teamName,
      skill: dto.categories[column.category]!.name,
      self: UNRATED,
      validated: UNRATED,
      interest: null,
      ratedQuarter: null,
      mean: rollup[row * dto.categories.length + column.category] ?? null,
    };
  }
  const i = row * dto.skills.length + column.skill;
  const q = dto.ratedQuarter[i];
  const interest = dto.interest[i];
  return {
    member: m.name,
    team: m.teamName,
    skill: dto.skills[column.skill]!.name,
    self: decodeValue(dto.self[i]),
    validated: decodeValue(dto.validated[i]),
    interest: interest && interest !== "." ? Number(interest) : null,
    ratedQuarter: q && q !== "." ? (dto.quarters[parseInt(q, 36)] ?? null) : null,
  };
}

export function describeValue(v: number, labels: { na: string; none: string }): string {
  if (v === UNRATED) return labels.none;
  if (v === NOT_APPLICABLE) return labels.na;
  return String(v);
}
