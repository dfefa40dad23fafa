// A member's rating sheet from rows already read (lib/data/rating-sheet.ts):
// their latest self and validated value per skill, the recent history, and
// whether each value still needs them this quarter.
import type { AppLocale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/pick";

import { hasDiscrepancy, isStale, quarterProgress } from "./ratings";

/** `imported`: a self-kind point written by an import, not by the member. */
export type HistoryPoint = {
  kind: "self" | "manager";
  imported: boolean;
  proficiency: number | null;
  notApplicable: boolean;
  quarter: string;
  ratedAt: string;
};
/** Who imported a self value, and when (ISO); null for the member's own rating. */
export type ImportedBy = { by: string; at: string } | null;
export type SelfValue = {
  proficiency: number | null;
  notApplicable: boolean;
  interest: number | null;
  evidence: string | null;
  quarter: string;
  ratedAt: string;
  imported: ImportedBy;
};
export type ValidatedValue = {
  proficiency: number | null;
  notApplicable: boolean;
  comment: string | null;
  raterName: string;
  quarter: string;
  ratedAt: string;
};
export type SkillRatingDto = {
  key: string;
  name: string;
  nameEn: string;
  description: string;
  descriptors: string[] | null;
  categoryKey: string;
  levelPosition: number;
  self: SelfValue | null;
  validated: ValidatedValue | null;
  history: HistoryPoint[];
  /** Not the member's own rating of this quarter: rated earlier, or imported (to confirm). */
  stale: boolean;
  discrepancy: boolean;
};
type Levels = {
  key: string;
  name: string;
  position: number;
  categories: { key: string; name: string; skills: SkillRatingDto[] }[];
};
export type RatingSheetDto = {
  member: { id: string; name: string };
  frameworkId: string;
  title: string;
  currentQuarter: string;
  currentLevelKey: string | null;
  targetLevelKey: string | null;
  levels: Levels[];
  growthTable: { stage: string; focus: string }[];
  transitionSteps: { text: string; textEn: string }[];
  progress: { rated: number; total: number; stale: number; unrated: number };
};

/** One rating of the member's, oldest first within a skill; `raterId` is who wrote it. */
export type RatingPoint = {
  skillKey: string;
  kind: "self" | "manager";
  raterId: string;
  proficiency: number | null;
  notApplicable: boolean;
  interest: number | null;
  evidence: string | null;
  comment: string | null;
  quarter: string;
  ratedAt: Date;
  raterName: string;
};
type Text = { zh: string; en: string };
type SkillRow = {
  key: string;
  categoryId: string;
  levelId: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  descriptors: Text[] | null;
};
type LevelRow = { id: string; key: string; position: number; nameZh: string; nameEn: string };
type CategoryRow = { id: string; key: string; levelId: string; nameZh: string; nameEn: string };
type VersionText = {
  titleZh: string;
  titleEn: string;
  growthTable: { stage: Text; focus: Text }[];
  transitionPath: { steps: Text[] } | null;
};

export const HISTORY_LIMIT = 12;
const IMPORTED = "imported";

/** The member's latest self and validated values of one skill (`points` oldest first). */
export function latestValues(
  points: RatingPoint[],
  memberId: string,
): { self: SelfValue | null; validated: ValidatedValue | null } {
  const lastSelf = points.filter((h) => h.kind === "self").at(-1) ?? null;
  const lastManager = points.filter((h) => h.kind === "manager").at(-1) ?? null;
  const self = lastSelf && {
    proficiency: lastSelf.proficiency,
    notApplicable: lastSelf.notApplicable,
    interest: lastSelf.interest,
    evidence: lastSelf.evidence,
    quarter: lastSelf.quarter,
    ratedAt: lastSelf.ratedAt.toISOString(),
    imported: isImported(lastSelf, memberId) ? { by: lastSelf.raterName, at: lastSelf.ratedAt.toISOString() } : null,
  };
  const validated = lastManager && {
    proficiency: lastManager.proficiency,
    notApplicable: lastManager.notApplicable,
    comment: lastManager.comment,
    raterName: lastManager.raterName,
    quarter: lastManager.quarter,
    ratedAt: lastManager.ratedAt.toISOString(),
  };
  return { self, validated };
}

// An import writes self-kind rows in the importer's name (lib/data/import.ts).
function isImported(point: RatingPoint, memberId: string): boolean {
  return point.kind === "self" && point.raterId !== memberId;
}

/** The last HISTORY_LIMIT points of a skill, each marked when an import wrote it. */
export function historyOf(points: RatingPoint[], memberId: string): HistoryPoint[] {
  return points.slice(-HISTORY_LIMIT).map((h) => ({
    kind: h.kind,
    imported: isImported(h, memberId),
    proficiency: h.proficiency,
    notApplicable: h.notApplicable,
    quarter: h.quarter,
    ratedAt: h.ratedAt.toISOString(),
  }));
}

/** One skill of the sheet: names in the viewer's language, latest values, history, stale and discrepancy flags. */
export function skillRating(
  s: SkillRow,
  points: RatingPoint[],
  at: { memberId: string; currentQuarter: string; locale: AppLocale; categoryKey: string; levelPosition: number },
): SkillRatingDto {
  const p = (zh: string, en: string) => pick(at.locale, zh, en);
  const { self, validated } = latestValues(points, at.memberId);
  return {
    key: s.key,
    name: p(s.nameZh, s.nameEn),
    nameEn: s.nameEn,
    description: p(s.descriptionZh, s.descriptionEn),
    descriptors: s.descriptors ? s.descriptors.map((d) => p(d.zh, d.en)) : null,
    categoryKey: at.categoryKey,
    levelPosition: at.levelPosition,
    self,
    validated,
    history: historyOf(points, at.memberId),
    stale: isStale(self, at.currentQuarter) || !!self?.imported,
    discrepancy: hasDiscrepancy(self, validated),
  };
}

/** The whole sheet. `history`: the member's ratings in this framework, oldest first. */
export function ratingSheet(input: {
  member: { id: string; name: string };
  framework: { frameworkId: string; currentLevelKey: string | null; targetLevelKey: string | null };
  version: VersionText | undefined;
  rows: { levelRows: LevelRow[]; categoryRows: CategoryRow[]; skillRows: SkillRow[] };
  history: RatingPoint[];
  currentQuarter: string;
  locale: AppLocale;
}): RatingSheetDto {
  const { member, framework: fw, version, rows, currentQuarter, locale } = input;
  const p = (zh: string, en: string) => pick(locale, zh, en);
  const bySkill = new Map<string, RatingPoint[]>();
  for (const h of input.history) (bySkill.get(h.skillKey) ?? bySkill.set(h.skillKey, []).get(h.skillKey)!).push(h);
  const levelPos = new Map(rows.levelRows.map((l) => [l.id, l.position]));
  const catKey = new Map(rows.categoryRows.map((c) => [c.id, c.key]));
  const skills = rows.skillRows.map((s) => ({
    categoryId: s.categoryId,
    dto: skillRating(s, bySkill.get(s.key) ?? [], {
      memberId: member.id,
      currentQuarter,
      locale,
      categoryKey: catKey.get(s.categoryId) ?? "",
      levelPosition: levelPos.get(s.levelId) ?? 0,
    }),
  }));
  const levels = rows.levelRows.map((l) => ({
    key: l.key,
    name: p(l.nameZh, l.nameEn),
    position: l.position,
    categories: rows.categoryRows
      .filter((c) => c.levelId === l.id)
      .map((c) => ({
        key: c.key,
        name: p(c.nameZh, c.nameEn),
        skills: skills.filter((s) => s.categoryId === c.id).map((s) => s.dto),
      })),
  }));
  return {
    member,
    frameworkId: fw.frameworkId,
    title: version ? p(version.titleZh, version.titleEn) : "",
    currentQuarter,
    currentLevelKey: fw.currentLevelKey,
    targetLevelKey: fw.targetLevelKey,
    levels,
    growthTable: (version?.growthTable ?? []).map((g) => ({
      stage: p(g.stage.zh, g.stage.en),
      focus: p(g.focus.zh, g.focus.en),
    })),
    transitionSteps: (version?.transitionPath?.steps ?? []).map((s) => ({ text: p(s.zh, s.en), textEn: s.en })),
    // An imported value counts with the stale ones (to confirm), never as rated this quarter.
    progress: quarterProgress(
      skills.map(({ dto }) => ({ self: dto.self?.imported ? { quarter: IMPORTED } : dto.self })),
      currentQuarter,
    ),
  };
}
