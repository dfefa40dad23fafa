import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  capabilitySkills,
  categories,
  frameworkVersions,
  frameworks,
  levels,
  platformCapabilities,
  skills,
} from "@/db/schema";
import { pick } from "@/lib/i18n/pick";
import type { AppLocale } from "@/lib/i18n/locales";
import { uuidSchema } from "@/lib/validations/ids";
import type { Viewer } from "@/lib/auth/viewer";
import { countChanges } from "@/lib/roadmap/diff";
import { getDraft } from "./framework-admin";
import { requirePermission } from "./guard";
import { readVersionRows } from "./member-framework";

export type FrameworkSummaryDto = {
  id: string;
  key: string;
  name: string;
  version: number;
  status: "draft" | "published" | "retired";
  levels: number;
  categories: number;
  skills: number;
};

export type FrameworkTreeDto = {
  id: string;
  versionId: string;
  version: number;
  title: string;
  intro: string;
  levels: {
    key: string;
    position: number;
    name: string;
    tagline: string;
    summary: string;
    workStyle: string;
    workStyleNote: string;
    categories: { key: string; name: string; skills: { key: string; name: string; description: string }[] }[];
  }[];
  capabilities: {
    key: string;
    name: string;
    description: string;
    importance: number;
    skills: { key: string; name: string; requiredProficiency: number }[];
  }[];
  growthTable: { stage: string; focus: string }[];
  transitionPath: { title: string; intro: string; steps: string[] } | null;
  conclusion: string;
};

/** The latest published version of every framework, with its size. */
export async function listFrameworks(
  viewer: Viewer | null,
  { locale }: { locale: AppLocale },
): Promise<FrameworkSummaryDto[]> {
  requirePermission(viewer, "framework:read");
  const db = getDb();
  const rows = await db
    .selectDistinctOn([frameworkVersions.frameworkId], {
      id: frameworks.id,
      key: frameworks.key,
      nameZh: frameworkVersions.titleZh,
      nameEn: frameworkVersions.titleEn,
      version: frameworkVersions.version,
      status: frameworkVersions.status,
      levels: sql<number>`(select count(*)::int from ${levels} where ${levels.frameworkVersionId} = ${frameworkVersions.id})`,
      categories: sql<number>`(select count(*)::int from ${categories} where ${categories.frameworkVersionId} = ${frameworkVersions.id})`,
      skills: sql<number>`(select count(*)::int from ${skills} where ${skills.frameworkVersionId} = ${frameworkVersions.id} and ${skills.retiredAt} is null)`,
    })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(eq(frameworkVersions.status, "published"))
    .orderBy(frameworkVersions.frameworkId, desc(frameworkVersions.version));
  return rows
    .map(({ nameZh, nameEn, ...r }) => ({ ...r, name: pick(locale, nameZh, nameEn) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export type FrameworkDraftSummaryDto = {
  frameworkId: string;
  key: string;
  name: string;
  version: number;
  /** The published version the draft would replace; null for a framework imported but never published. */
  published: number | null;
  /** Changes against the published version; null when there is nothing to compare with. */
  changes: number | null;
};

/** Every draft (framework managers only), so an imported draft can be found again. */
export async function listFrameworkDrafts(viewer: Viewer | null, { locale }: { locale: AppLocale }): Promise<FrameworkDraftSummaryDto[]> {
  requirePermission(viewer, "framework:manage");
  const rows = await getDb()
    .select({ frameworkId: frameworks.id, key: frameworks.key, titleZh: frameworkVersions.titleZh, titleEn: frameworkVersions.titleEn, version: frameworkVersions.version })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(eq(frameworkVersions.status, "draft"));
  // Drafts are few (at most one per framework); each diff reads its two versions.
  const drafts = await Promise.all(
    rows.map(async (r) => {
      const draft = await getDraft(viewer, { frameworkId: r.frameworkId });
      return {
        frameworkId: r.frameworkId,
        key: r.key,
        name: pick(locale, r.titleZh, r.titleEn),
        version: r.version,
        published: draft?.published ?? null,
        changes: draft?.diff ? countChanges(draft.diff) : null,
      };
    }),
  );
  return drafts.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The whole roadmap of a framework's latest published version, in the
 * viewer's language. A fixed number of queries, whatever the framework size.
 */
export async function getFrameworkTree(
  viewer: Viewer | null,
  { frameworkId, locale }: { frameworkId: string; locale: AppLocale },
): Promise<FrameworkTreeDto | null> {
  requirePermission(viewer, "framework:read");
  const id = uuidSchema.safeParse(frameworkId);
  if (!id.success) return null;
  const db = getDb();
  const [version] = await db
    .select()
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.frameworkId, id.data), eq(frameworkVersions.status, "published")))
    .orderBy(desc(frameworkVersions.version))
    .limit(1);
  if (!version) return null;

  const [{ levelRows, categoryRows, skillRows }, capabilityRows] = await Promise.all([
    readVersionRows(db, version.id),
    db.select().from(platformCapabilities).where(eq(platformCapabilities.frameworkVersionId, version.id)).orderBy(asc(platformCapabilities.position)),
  ]);
  const capabilityLinks = capabilityRows.length
    ? await db
        .select()
        .from(capabilitySkills)
        .where(inArray(capabilitySkills.capabilityId, capabilityRows.map((c) => c.id)))
    : [];

  const p = (zh: string, en: string) => pick(locale, zh, en);
  const skillById = new Map(skillRows.map((s) => [s.id, s]));
  return {
    id: version.frameworkId,
    versionId: version.id,
    version: version.version,
    title: p(version.titleZh, version.titleEn),
    intro: p(version.introZh, version.introEn),
    levels: levelRows.map((l) => ({
      key: l.key,
      position: l.position,
      name: p(l.nameZh, l.nameEn),
      tagline: p(l.taglineZh, l.taglineEn),
      summary: p(l.summaryZh, l.summaryEn),
      workStyle: p(l.workStyleZh, l.workStyleEn),
      workStyleNote: p(l.workStyleNoteZh, l.workStyleNoteEn),
      categories: categoryRows
        .filter((c) => c.levelId === l.id)
        .map((c) => ({
          key: c.key,
          name: p(c.nameZh, c.nameEn),
          skills: skillRows
            .filter((s) => s.categoryId === c.id)
            .map((s) => ({ key: s.key, name: p(s.nameZh, s.nameEn), description: p(s.descriptionZh, s.descriptionEn) })),
        })),
    })),
    capabilities: capabilityRows.map((c) => ({
      key: c.key,
      name: p(c.nameZh, c.nameEn),
      description: p(c.descriptionZh, c.descriptionEn),
      importance: c.importance,
      skills: capabilityLinks
        .filter((link) => link.capabilityId === c.id && skillById.has(link.skillId))
        .map((link) => {
          const s = skillById.get(link.skillId)!;
          return { key: s.key, name: p(s.nameZh, s.nameEn), requiredProficiency: link.requiredProficiency };
        }),
    })),
    growthTable: version.growthTable.map((g) => ({ stage: p(g.stage.zh, g.stage.en), focus: p(g.focus.zh, g.focus.en) })),
    transitionPath: version.transitionPath
      ? {
          title: p(version.transitionPath.title.zh, version.transitionPath.title.en),
          intro: p(version.transitionPath.intro.zh, version.transitionPath.intro.en),
          steps: version.transitionPath.steps.map((s) => p(s.zh, s.en)),
        }
      : null,
    conclusion: p(version.conclusionZh, version.conclusionEn),
  };
}

export type PublishedVersionDto = { id: string; frameworkId: string; name: string; version: number };

/** Every published version, for choosing the one a team rates against. */
export async function listPublishedVersions(viewer: Viewer | null, { locale }: { locale: AppLocale }): Promise<PublishedVersionDto[]> {
  requirePermission(viewer, "framework:read");
  const rows = await getDb()
    .select({ id: frameworkVersions.id, frameworkId: frameworkVersions.frameworkId, titleZh: frameworkVersions.titleZh, titleEn: frameworkVersions.titleEn, version: frameworkVersions.version })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.status, "published"))
    .orderBy(asc(frameworkVersions.titleEn));
  return rows.map((r) => ({ id: r.id, frameworkId: r.frameworkId, name: pick(locale, r.titleZh, r.titleEn), version: r.version }));
}
