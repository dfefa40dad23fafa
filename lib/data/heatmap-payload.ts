import "server-only";

import type { DbOrTx } from "@/db/client";
import { cellsRatedBetween, ratersBetween } from "@/db/queries/writes-since";
import {
  matrixFromBytes,
  matrixIndex,
  matrixToBytes,
  patchMatrix,
  type CompactMatrix,
  type MatrixBytes,
  type MatrixIndex,
} from "@/lib/analytics/matrix";
import type { StampParts } from "@/lib/server/payload-cache";

import type { HeatmapDto } from "./heatmap";

// How the cached heatmap payloads catch up with the writes since they were
// built (lib/server/payload-cache.ts) instead of being rebuilt whole. Rating
// saves are nearly every write; each touches one cell.

/**
 * After rating saves only (lib/server/payload-cache.ts checks that): a team's
 * payload carries its analysis (coverage, readiness, priorities), which
 * depends on every rating of its members, so it is rebuilt when one of them
 * rated; ratings saved by anyone else, or after the quarter it shows, leave
 * it as it is.
 */
export async function teamPayloadUnaffected(
  db: DbOrTx,
  state: { live: boolean; members: { id: string }[] },
  from: StampParts,
  to: StampParts,
): Promise<boolean> {
  if (!state.live) return true;
  const raters = await ratersBetween(db, from, to);
  return !state.members.some((m) => raters.has(m.id));
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
