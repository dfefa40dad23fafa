import "server-only";

import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";

import { getDb } from "@/db/client";
import { readVersionRows } from "@/db/queries/version-rows";
import {
  capabilitySkills,
  categories,
  frameworks,
  frameworkVersions,
  levels,
  platformCapabilities,
  skills,
} from "@/db/schema";
import { frameworkTree, type FrameworkTreeDto } from "@/lib/analytics/framework-tree";
import type { Viewer } from "@/lib/auth/viewer";
import type { AppLocale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/pick";
import { countChanges } from "@/lib/roadmap/diff";
import { uuidSchema } from "@/lib/validations/ids";

import { getDraft } from "./framework-admin";
import { requirePermission } from "./guard";

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

export type { FrameworkTreeDto } from "@/lib/analytics/framework-tree";

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
export async function listFrameworkDrafts(
  viewer: Viewer | null,
  { locale }: { locale: AppLocale },
): Promise<FrameworkDraftSummaryDto[]> {
  requirePermission(viewer, "framework:manage");
  const rows = await getDb()
    .select({
      frameworkId: frameworks.id,
      key: frameworks.key,
      titleZh: frameworkVersions.titleZh,
      titleEn: frameworkVersions.titleEn,
      version: frameworkVersions.version,
    })
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

  const [rows, capabilityRows] = await Promise.all([
    readVersionRows(db, version.id),
    db
      .select()
      .from(platformCapabilities)
      .where(eq(platformCapabilities.frameworkVersionId, version.id))
      .orderBy(asc(platformCapabilities.position)),
  ]);
  const capabilityLinks = capabilityRows.length
    ? await db
        .select()
        .from(capabilitySkills)
        .where(
          inArray(
            capabilitySkills.capabilityId,
            capabilityRows.map((c) => c.id),
          ),
        )
    : [];

  return frameworkTree({ version, rows, capabilities: capabilityRows, links: capabilityLinks, locale });
}

export type PublishedVersionDto = { id: string; frameworkId: string; name: string; version: number };

/** Every published version, for choosing the one a team rates against. */
export async function listPublishedVersions(
  viewer: Viewer | null,
  { locale }: { locale: AppLocale },
): Promise<PublishedVersionDto[]> {
  requirePermission(viewer, "framework:read");
  const rows = await getDb()
    .select({
      id: frameworkVersions.id,
      frameworkId: frameworkVersions.frameworkId,
      titleZh: frameworkVersions.titleZh,
      titleEn: frameworkVersions.titleEn,
      version: frameworkVersions.version,
    })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.status, "published"))
    .orderBy(asc(frameworkVersions.titleEn));
  return rows.map((r) => ({
    id: r.id,
    frameworkId: r.frameworkId,
    name: pick(locale, r.titleZh, r.titleEn),
    version: r.version,
  }));
}
