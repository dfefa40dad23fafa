import type { RaterNote } from "./dataset";

export type RaterNoteRow = {
  userId: string;
  skillKey: string;
  kind: string;
  raterId: string;
  raterName: string;
  evidence: string | null;
  comment: string | null;
};

/** Who wrote each rating and its notes, keyed `userId|skillKey|kind` as the planning dataset looks them up. */
export function raterNotesByCell(rows: RaterNoteRow[]): Map<string, RaterNote> {
  return new Map(
    rows.map((r) => [
      `${r.userId}|${r.skillKey}|${r.kind}`,
      { rater: { id: r.raterId, name: r.raterName }, evidence: r.evidence, comment: r.comment },
    ]),
  );
}
