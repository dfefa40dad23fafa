import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { frameworkVersions, ratings, teamMembers, users } from "@/db/schema";
import { hasDiscrepancy, isStale, quarterProgress } from "@/lib/analytics/ratings";
import type { Viewer } from "@/lib/auth/viewer";
import { forbidden } from "@/lib/errors";
import { pick } from "@/lib/i18n/pick";
import type { AppLocale } from "@/lib/i18n/locales";
import { quarterOf } from "@/lib/quarters";
import { parseInput, requirePermission, requireSignedIn, requireTeamPermission } from "./guard";
import { readVersionRows, resolveMemberFramework } from "./member-framework";
import type { SavedRatingDto } from "./ratings";
import { memberSheetSchema } from "@/lib/validations/reads";

/** `imported`: a self-kind point written by an import, not by the member. */
export type HistoryPoint = { kind: "self" | "manager"; imported: boolean; proficiency: number | null; notApplicable: boolean; quarter: string; ratedAt: string };
/** Who imported a self value, and when (ISO); null for the member's own rating. */
export type ImportedBy = { by: string; at: string } | null;
export type SkillRatingDto = {
  key: string;
  name: string;
  nameEn: string;
  description: string;
  descriptors: string[] | null;
  categoryKey: string;
  levelPosition: number;
  self: (Omit<SavedRatingDto, "skillKey"> & { imported: ImportedBy }) | null;
  validated: { proficiency: number | null; notApplicable: boolean; comment: string | null; raterName: string; quarter: string; ratedAt: string } | null;
  history: HistoryPoint[];
  /** Not the member's own rating of this quarter: rated earlier, or imported (to confirm). */
  stale: boolean;
  discrepancy: boolean;
};
export type RatingSheetDto = {
  member: { id: string; name: string };
  frameworkId: string;
  title: string;
  currentQuarter: string;
  currentLevelKey: string | null;
  targetLevelKey: string | null;
  levels: { key: string; name: string; position: number; categories: { key: string; name: string; skills: SkillRatingDto[] }[] }[];
  growthTable: { stage: string; focus: string }[];
  transitionSteps: { text: string; textEn: string }[];
  progress: { rated: number; total: number; stale: number; unrated: number };
};

const HISTORY_LIMIT = 12;
const IMPORTED = "imported";

/** The caller's own rating sheet. */
export async function getMyRatingSheet(viewer: Viewer | null, { locale }: { locale: AppLocale }): Promise<RatingSheetDto | null> {
  const v = requirePermission(viewer, "self:rate");
  return buildSheet({ id: v.id, name: v.name }, locale);
}


/** A team member's sheet, for a lead of that team (or an admin). */
export async function getMemberRatingSheet(viewer: Viewer | null, raw: unknown, { locale }: { locale: AppLocale }) {
  requireSignedIn(viewer);
  const input = parseInput(memberSheetSchema, raw);
  requireTeamPermission(viewer, input.teamId, "team:read");
  const db = getDb();
  const [row] = await db
    .select({ id: users.id, name: users.name })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, input.teamId), eq(teamMembers.userId, input.userId)));
  if (!row) throw forbidden("That person is not in this team.");
  return buildSheet(row, locale);
}

async function buildSheet(member: { id: string; name: string }, locale: AppLocale, now = new Date()): Promise<RatingSheetDto | null> {
  const db = getDb();
  const fw = await resolveMemberFramework(db, member.id);
  if (!fw) return null;
  const p = (zh: string, en: string) => pick(locale, zh, en);
  const [[version], rows, history] = await Promise.all([
    db.select().from(frameworkVersions).where(eq(frameworkVersions.id, fw.versionId)),
    readVersionRows(db, fw.versionId, { published: true }),
    db
      .select({
        skillKey: ratings.skillKey,
        kind: ratings.raterKind,
        raterId: ratings.raterId,
        proficiency: ratings.proficiency,
        notApplicable: ratings.notApplicable,
        interest: ratings.interest,
        evidence: ratings.evidence,
        comment: ratings.comment,
        quarter: ratings.quarter,
        ratedAt: ratings.ratedAt,
        raterName: users.name,
      })
      .from(ratings)
      .innerJoin(users, eq(users.id, ratings.raterId))
      .where(and(eq(ratings.userId, member.id), eq(ratings.frameworkId, fw.frameworkId)))
      .orderBy(asc(ratings.ratedAt), asc(ratings.id)),
  ]);
  const currentQuarter = quarterOf(now);
  const bySkill = new Map<string, typeof history>();
  for (const h of history) (bySkill.get(h.skillKey) ?? bySkill.set(h.skillKey, []).get(h.skillKey)!).push(h);

  const levelPos = new Map(rows.levelRows.map((l) => [l.id, l.position]));
  const catKey = new Map(rows.categoryRows.map((c) => [c.id, c.key]));
  const skillDtos = rows.skillRows.map((s): SkillRatingDto & { categoryId: string } => {
    const points = bySkill.get(s.key) ?? [];
    const lastSelf = points.filter((h) => h.kind === "self").at(-1) ?? null;
    // An import writes self-kind rows in the importer's name (lib/data/import.ts).
    const importedBy = (h: (typeof points)[number]) => h.kind === "self" && h.raterId !== member.id;
    const lastManager = points.filter((h) => h.kind === "manager").at(-1) ?? null;
    const self = lastSelf && {
      proficiency: lastSelf.proficiency,
      notApplicable: lastSelf.notApplicable,
      interest: lastSelf.interest,
      evidence: lastSelf.evidence,
      quarter: lastSelf.quarter,
      ratedAt: lastSelf.ratedAt.toISOString(),
      imported: importedBy(lastSelf) ? { by: lastSelf.raterName, at: lastSelf.ratedAt.toISOString() } : null,
    };
    const validated = lastManager && {
      proficiency: lastManager.proficiency,
      notApplicable: lastManager.notApplicable,
      comment: lastManager.comment,
      raterName: lastManager.raterName,
      quarter: lastManager.quarter,
      ratedAt: lastManager.ratedAt.toISOString(),
    };
    return {
      categoryId: s.categoryId,
      key: s.key,
      name: p(s.nameZh, s.nameEn),
      nameEn: s.nameEn,
      description: p(s.descriptionZh, s.descriptionEn),
      descriptors: s.descriptors ? s.descriptors.map((d) => p(d.zh, d.en)) : null,
      categoryKey: catKey.get(s.categoryId) ?? "",
      levelPosition: levelPos.get(s.levelId) ?? 0,
      self,
      validated,
      history: points.slice(-HISTORY_LIMIT).map((h) => ({
        kind: h.kind,
        imported: importedBy(h),
        proficiency: h.proficiency,
        notApplicable: h.notApplicable,
        quarter: h.quarter,
        ratedAt: h.ratedAt.toISOString(),
      })),
      stale: isStale(self, currentQuarter) || !!self?.imported,
      discrepancy: hasDiscrepancy(self, validated),
    };
  });

  return {
    member,
    frameworkId: fw.frameworkId,
    title: version ? p(version.titleZh, version.titleEn) : "",
    currentQuarter,
    currentLevelKey: fw.currentLevelKey,
    targetLevelKey: fw.targetLevelKey,
    levels: rows.levelRows.map((l) => ({
      key: l.key,
      name: p(l.nameZh, l.nameEn),
      position: l.position,
      categories: rows.categoryRows
        .filter((c) => c.levelId === l.id)
        .map((c) => ({
          key: c.key,
          name: p(c.nameZh, c.nameEn),
          skills: skillDtos.filter((s) => s.categoryId === c.id).map(({ categoryId: _c, ...s }) => s),
        })),
    })),
    growthTable: (version?.growthTable ?? []).map((g) => ({ stage: p(g.stage.zh, g.stage.en), focus: p(g.focus.zh, g.focus.en) })),
    transitionSteps: (version?.transitionPath?.steps ?? []).map((s) => ({ text: p(s.zh, s.en), textEn: s.en })),
    // An imported value counts with the stale ones (to confirm), never as rated this quarter.
    progress: quarterProgress(
      skillDtos.map((s) => ({ self: s.self?.imported ? { quarter: IMPORTED } : s.self })),
      currentQuarter,
    ),
  };
}
