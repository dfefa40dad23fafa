import "server-only";

import type { DbOrTx } from "@/db/client";
import { ownRatingsThisQuarter } from "@/db/queries/own-ratings";
import { memberIdsAt } from "@/db/queries/team-as-of";
import { cellsRatedBetween, ratersBetween } from "@/db/queries/writes-since";
import { matrixForRows } from "@/lib/analytics/heatmap-axes";
import {
  coverageBySkill,
  matrixFromBytes,
  matrixIndex,
  matrixToBytes,
  patchMatrix,
  valuesFor,
  type CompactMatrix,
  type DatedRating,
  type MatrixBytes,
  type MatrixIndex,
} from "@/lib/analytics/matrix";
import type { TeamAnalysisParts } from "@/lib/analytics/team-analysis";
import type { StampParts } from "@/lib/server/payload-cache";

import type { HeatmapDto, TeamHeatmapDataDto } from "./heatmap";

// How the cached heatmap payloads catch up with the writes since they were
// built (lib/server/payload-cache.ts) instead of being rebuilt whole. Rating
// saves are nearly every write; each touches one cell.

/** A team's cached payload, with what it needs to catch up: its current ratings and its analysis, ready to run again. */
export type TeamPayloadState = {
  /** The payload every viewer of the team gets (rows open nothing; what a viewer may do is added per request). */
  payload: Omit<TeamHeatmapDataDto, "scope"> & { scope: { kind: "team"; id: string; name: string } };
  latest: DatedRating[];
  vision: boolean;
  withCurrent: (ratings: DatedRating[]) => TeamAnalysisParts;
};

/**
 * After rating saves only (lib/server/payload-cache.ts checks that): ratings
 * saved by people outside the team, or after the quarter it shows, leave a
 * team's payload as it is. Its members' ratings are re-read cell by cell and
 * everything computed from them (matrix, progress, coverage, readiness,
 * priorities) computed again in memory, as a rebuild would.
 */
export async function catchUpTeamPayload(
  db: DbOrTx,
  state: TeamPayloadState,
  from: StampParts,
  to: StampParts,
): Promise<TeamPayloadState | null> {
  const { payload } = state;
  if (!payload.live) return state;
  const members = new Set(payload.members.map((m) => m.id));
  const raters = await ratersBetween(db, from, to);
  if (![...raters].some((id) => members.has(id))) return state;
  const skillKeys = payload.skills.map((s) => s.key);
  const [changed, own] = await Promise.all([
    cellsRatedBetween(db, payload.frameworkId, from, to),
    ownRatingsThisQuarter(db, {
      frameworkId: payload.frameworkId,
      quarter: payload.currentQuarter,
      members: memberIdsAt(db, "now", [payload.scope.id]),
      skillKeys,
    }),
  ]);
  const latest = withCells(
    state.latest,
    changed.filter((c) => members.has(c.userId)),
  );
  const heatmap = {
    ...payload,
    ...matrixForRows({ memberIds: payload.members.map((m) => m.id), skillKeys, latest, quarters: payload.quarters }),
    selfRatedThisQuarter: payload.members.map((m) => own.get(m.id) ?? 0),
  };
  return { ...state, latest, payload: withAnalysis(heatmap, state.withCurrent(latest), state.vision) };
}

/** The current ratings with some cells replaced by their newer values (or added). */
function withCells(latest: DatedRating[], cells: DatedRating[]): DatedRating[] {
  const key = (r: DatedRating) => `${r.userId}|${r.skillKey}|${r.raterKind}`;
  const byCell = new Map(latest.map((r) => [key(r), r]));
  for (const c of cells) byCell.set(key(c), c);
  return [...byCell.values()];
}

/** The heatmap with what is computed from it: coverage, and for those who may read the vision, readiness and priorities. */
export function withAnalysis<H extends CompactMatrix & { members: unknown[]; skills: unknown[] }>(
  heatmap: H,
  analysis: TeamAnalysisParts,
  vision: boolean,
): H & Pick<TeamHeatmapDataDto, "coverage" | "targets" | "priorities"> {
  const coverage = coverageBySkill(valuesFor(heatmap, "effective"), heatmap.members.length, heatmap.skills.length);
  return {
    ...heatmap,
    coverage: {
      atLeast3: coverage.map((c) => c.atLeast3),
      atLeast4: coverage.map((c) => c.atLeast4),
      rated: coverage.map((c) => c.rated),
    },
    targets: vision
      ? analysis.targets.map((t) => ({
          id: t.id,
          name: t.name,
          level: t.level,
          headcount: t.headcount,
          targetQuarter: t.targetQuarter,
          readiness: t.readiness,
        }))
      : [],
    priorities: vision ? analysis.priorities : [],
  };
}

/**
 * The org payload, kept ready to patch: everything but the matrix serialized
 * once, and the matrix as bytes with the index of its rows and columns.
 */
export type OrgPayloadState =
  | { dto: null }
  | {
      dto: Omit<HeatmapDto, keyof CompactMatrix>;
      /** The JSON of dto, which a rating save never changes. */
      restJson: string;
      bytes: MatrixBytes;
      index: MatrixIndex;
    };

export function orgPayloadState(dto: HeatmapDto | null): OrgPayloadState {
  if (!dto) return { dto: null };
  const { self, validated, interest, ratedQuarter, ...rest } = dto;
  return {
    dto: rest,
    restJson: JSON.stringify(rest),
    bytes: matrixToBytes({ self, validated, interest, ratedQuarter }),
    index: matrixIndex(
      dto.members.map((m) => m.id),
      dto.skills.map((s) => s.key),
      dto.quarters,
    ),
  };
}

/** The payload's JSON: the unchanged part, with the matrix's strings (plain ASCII, nothing to escape) added. */
export function serializeOrgPayload(state: OrgPayloadState): string {
  if (!state.dto) return "null";
  const m = matrixFromBytes(state.bytes);
  const matrix = `"self":"${m.self}","validated":"${m.validated}","interest":"${m.interest}","ratedQuarter":"${m.ratedQuarter}"`;
  return `${state.restJson.slice(0, -1)},${matrix}}`;
}

/**
 * After rating saves only (anything else, such as a membership, a level, a
 * roadmap or a person, rebuilds it): a past moment is unchanged, since they
 * are dated after it; the live matrix re-reads just the cells rated since and
 * writes them in.
 */
export async function catchUpOrgPayload(
  db: DbOrTx,
  state: OrgPayloadState,
  from: StampParts,
  to: StampParts,
): Promise<OrgPayloadState | null> {
  if (!state.dto) return null;
  if (!state.dto.live) return state;
  const cells = await cellsRatedBetween(db, state.dto.frameworkId, from, to);
  if (cells.length === 0) return state;
  patchMatrix(state.bytes, state.index, cells);
  return { ...state };
}
