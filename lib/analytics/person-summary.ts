// The person page's summaries of a rating sheet (lib/analytics/rating-sheet.ts):
// the latest changes across skills, the stated interests, and the sheet
// without its notes for viewers who may see the ratings but not the notes.
import type { HistoryPoint, RatingSheetDto, SkillRatingDto } from "./rating-sheet";

export type RecentChange = HistoryPoint & { skillKey: string; skillName: string };
export type StatedInterest = { skillKey: string; skillName: string; interest: number };

const skillsOf = (sheet: RatingSheetDto): SkillRatingDto[] =>
  sheet.levels.flatMap((l) => l.categories.flatMap((c) => c.skills));

/** The latest `limit` ratings across all skills, newest first (each skill's history is its recent points). */
export function recentChanges(sheet: RatingSheetDto, limit: number): RecentChange[] {
  return skillsOf(sheet)
    .flatMap((s) => s.history.map((h) => ({ ...h, skillKey: s.key, skillName: s.name })))
    .sort((a, b) => b.ratedAt.localeCompare(a.ratedAt) || a.skillKey.localeCompare(b.skillKey))
    .slice(0, limit);
}

/** Skills the person said they want to grow in (interest ≥ 1), most eager first, then in roadmap order. */
export function statedInterests(sheet: RatingSheetDto): StatedInterest[] {
  return skillsOf(sheet)
    .map((s) => ({ skillKey: s.key, skillName: s.name, interest: s.self?.interest ?? 0 }))
    .filter((s) => s.interest >= 1)
    .sort((a, b) => b.interest - a.interest);
}

/** The sheet without the person's evidence notes and the leads' comments. */
export function withoutNotes(sheet: RatingSheetDto): RatingSheetDto {
  return {
    ...sheet,
    levels: sheet.levels.map((l) => ({
      ...l,
      categories: l.categories.map((c) => ({
        ...c,
        skills: c.skills.map((s) => ({
          ...s,
          self: s.self && { ...s.self, evidence: null },
          validated: s.validated && { ...s.validated, comment: null },
        })),
      })),
    })),
  };
}

/** A level's name in the sheet's roadmap, else its key (a level the roadmap no longer has). */
export function levelName(sheet: RatingSheetDto | null, key: string | null): string | null {
  if (!key) return null;
  return sheet?.levels.find((l) => l.key === key)?.name ?? key;
}
