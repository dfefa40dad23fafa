import "server-only";

import { and, desc, eq, ne, sql } from "drizzle-orm";
import { stringify } from "yaml";

import { getDb } from "@/db/client";
import { readVersion, writeVersion } from "@/db/framework-store";
import { requireActiveTeam } from "@/db/queries/active-team";
import { writeAudit } from "@/db/queries/audit";
import { hasDraft, insertFramework, nextVersionNumber } from "@/db/queries/framework-draft";
import { moveTeamToVersion } from "@/db/queries/team-roadmap";
import { categories, frameworks, frameworkVersions, ratings, skills, teams } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { conflict, invalid, notFound } from "@/lib/errors";
import { documentCounts, fileProblems, problemLines } from "@/lib/import/framework-file";
import { can } from "@/lib/permissions";
import { repeatedCategoryNames, type RepeatedCategory } from "@/lib/roadmap/checks";
import { diffFrameworks, isEmptyDiff, type FrameworkDiff } from "@/lib/roadmap/diff";
import {
  frameworkToJson,
  frameworkToMarkdown,
  parseFrameworkData,
  readMarkdownFramework,
  type FrameworkDocument,
} from "@/lib/roadmap/document";
import { slugify } from "@/lib/roadmap/text";
import {
  discardDraftSchema,
  exportFrameworkSchema,
  frameworkIdSchema,
  importFrameworkSchema,
  moveDraftSkillSchema,
  switchTeamVersionSchema,
  updateDraftSkillSchema,
} from "@/lib/validations/frameworks";

import { parseInput, parseTeamInput, requirePermission } from "./guard";

export type ImportPreview = {
  ok: boolean;
  errors: { line: number | null; message: string }[];
  key: string | null;
  title: string | null;
  counts: { levels: number; categories: number; skills: number; capabilities: number } | null;
  existing: boolean;
  /** Category names used again in a later level: allowed, but their keys get a "-2" suffix, so the preview says so. */
  warnings: RepeatedCategory[];
  created?: { frameworkId: string; version: number };
};

function parseAny(
  format: "markdown" | "json" | "yaml",
  content: string,
): { doc: FrameworkDocument; repeated: RepeatedCategory[] } {
  if (format === "markdown") {
    const title = /^\s*#\s+(.+)$/m.exec(content)?.[1] ?? "imported-roadmap";
    return readMarkdownFramework(content, slugify(title.replace(/[^\x20-\x7e]/g, " "), 40) || "imported-roadmap");
  }
  const doc = parseFrameworkData(content);
  return { doc, repeated: repeatedCategoryNames(doc) };
}

/** Previews, or applies, a framework file: a new framework, or a new draft version of the one with the same key. Writes nothing unless the whole file is valid. */
export async function importFramework(viewer: Viewer | null, raw: unknown): Promise<ImportPreview> {
  const v = requirePermission(viewer, "framework:manage");
  const input = parseInput(importFrameworkSchema, raw);
  let doc: FrameworkDocument;
  let warnings: RepeatedCategory[];
  try {
    ({ doc, repeated: warnings } = parseAny(input.format, input.content));
  } catch (e) {
    const errors = fileProblems(e);
    if (!errors) throw e;
    if (input.apply) throw invalid("The file has errors; nothing was imported.", { content: problemLines(errors) });
    return { ok: false, errors, key: null, title: null, counts: null, existing: false, warnings: [] };
  }
  const db = getDb();
  const [existing] = await db.select().from(frameworks).where(eq(frameworks.key, doc.key));
  const preview: ImportPreview = {
    ok: true,
    errors: [],
    key: doc.key,
    title: doc.title.en,
    counts: documentCounts(doc),
    existing: !!existing,
    warnings,
  };
  if (!input.apply) return preview;
  return db.transaction(async (tx) => {
    const frameworkId = existing?.id ?? (await insertFramework(tx, doc));
    if (await hasDraft(tx, frameworkId))
      throw conflict("This framework already has a draft. Publish or discard it first.");
    const version = await nextVersionNumber(tx, frameworkId);
    const versionId = await writeVersion(tx, { frameworkId, version, status: "draft", doc });
    await writeAudit(tx, {
      actor: v,
      action: "framework.imported",
      entityType: "framework_version",
      entityId: versionId,
      after: { key: doc.key, version, counts: preview.counts, format: input.format },
    });
    return { ...preview, created: { frameworkId, version } };
  });
}

async function latest(frameworkId: string, status: "draft" | "published") {
  const [row] = await getDb()
    .select({
      id: frameworkVersions.id,
      version: frameworkVersions.version,
      key: frameworks.key,
      lockVersion: frameworkVersions.lockVersion,
    })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(and(eq(frameworkVersions.frameworkId, frameworkId), eq(frameworkVersions.status, status)))
    .orderBy(desc(frameworkVersions.version))
    .limit(1);
  return row ?? null;
}

/** The framework's draft that an edit applies to; editing before a draft is started is a conflict. */
async function editableDraft(frameworkId: string) {
  const draft = await latest(frameworkId, "draft");
  if (!draft) throw conflict("Start a draft before editing.");
  return draft;
}

/**
 * The framework file of the latest published version (any signed-in person may read roadmaps). A framework that was
 * imported but never published exports its draft to framework managers only; to anyone else it does not exist (404,
 * not 403, so its existence is not revealed).
 */
export async function exportFramework(
  viewer: Viewer | null,
  raw: unknown,
): Promise<{ filename: string; contentType: string; body: string }> {
  const v = requirePermission(viewer, "framework:read");
  const input = parseInput(exportFrameworkSchema, raw);
  const version =
    (await latest(input.frameworkId, "published")) ??
    (can(v, "framework:manage") ? await latest(input.frameworkId, "draft") : null);
  if (!version) throw notFound("That framework does not exist.");
  const { doc } = await readVersion(getDb(), version.id, version.key);
  const base = `${version.key}-v${version.version}`;
  if (input.format === "json")
    return { filename: `${base}.json`, contentType: "application/json; charset=utf-8", body: frameworkToJson(doc) };
  if (input.format === "yaml")
    return { filename: `${base}.yaml`, contentType: "application/yaml; charset=utf-8", body: stringify(doc) };
  const lang = input.format === "markdown-zh" ? "zh" : "en";
  return {
    filename: `${base}.${lang === "zh" ? "zh-TW" : "en"}.md`,
    contentType: "text/markdown; charset=utf-8",
    body: frameworkToMarkdown(doc, lang),
  };
}

export type DraftDto = {
  frameworkId: string;
  version: number;
  lockVersion: number;
  published: number | null;
  doc: FrameworkDocument;
  retired: string[];
  diff: FrameworkDiff | null;
};

/** The framework's draft (admins), with its diff against the published version. */
export async function getDraft(viewer: Viewer | null, raw: unknown): Promise<DraftDto | null> {
  requirePermission(viewer, "framework:manage");
  const { frameworkId } = parseInput(frameworkIdSchema, raw);
  const draft = await latest(frameworkId, "draft");
  if (!draft) return null;
  const db = getDb();
  const published = await latest(frameworkId, "published");
  const d = await readVersion(db, draft.id, draft.key);
  const p = published ? await readVersion(db, published.id, published.key) : null;
  return {
    frameworkId,
    version: draft.version,
    lockVersion: draft.lockVersion,
    published: published?.version ?? null,
    doc: d.doc,
    retired: [...d.retired],
    diff: p ? diffFrameworks(p.doc, d.doc, { before: p.retired, after: d.retired }) : null,
  };
}

export type PublishedDocDto = { frameworkId: string; version: number; doc: FrameworkDocument; retired: string[] };
export type FrameworkEditorDto = { draft: DraftDto } | { draft: null; published: PublishedDocDto };

/**
 * What the editor shows (admins): the draft, or, when there is none, the published version to start one from.
 * Only reads: starting a draft is an explicit createDraft, never a side effect of opening the editor.
 */
export async function getFrameworkEditor(viewer: Viewer | null, raw: unknown): Promise<FrameworkEditorDto> {
  const draft = await getDraft(viewer, raw);
  if (draft) return { draft };
  const { frameworkId } = parseInput(frameworkIdSchema, raw);
  const published = await latest(frameworkId, "published");
  if (!published) throw notFound("That framework does not exist.");
  const { doc, retired } = await readVersion(getDb(), published.id, published.key);
  return { draft: null, published: { frameworkId, version: published.version, doc, retired: [...retired] } };
}

/** Starts a draft: a copy of the published version (keys kept, so ratings follow). */
export async function createDraft(viewer: Viewer | null, raw: unknown): Promise<{ version: number }> {
  const v = requirePermission(viewer, "framework:manage");
  const { frameworkId } = parseInput(frameworkIdSchema, raw);
  const existing = await latest(frameworkId, "draft");
  if (existing) return { version: existing.version };
  const published = await latest(frameworkId, "published");
  if (!published) throw notFound("That framework has no published version.");
  return getDb().transaction(async (tx) => {
    const { doc, retired } = await readVersion(tx, published.id, published.key);
    const version = published.version + 1;
    const versionId = await writeVersion(tx, { frameworkId, version, status: "draft", doc, retired });
    await writeAudit(tx, {
      actor: v,
      action: "framework.draft_created",
      entityType: "framework_version",
      entityId: versionId,
      after: { from: published.version, version },
    });
    return { version };
  });
}

/** Renames, re-describes, moves or retires one skill of the draft; the key never changes. */
export async function updateDraftSkill(viewer: Viewer | null, raw: unknown): Promise<void> {
  const v = requirePermission(viewer, "framework:manage");
  const input = parseInput(updateDraftSkillSchema, raw);
  const draft = await editableDraft(input.frameworkId);
  await getDb().transaction(async (tx) => {
    // Claim the version first: of concurrent edits from the same version, one wins.
    const claimed = await tx
      .update(frameworkVersions)
      .set({ lockVersion: sql`${frameworkVersions.lockVersion} + 1` })
      .where(and(eq(frameworkVersions.id, draft.id), eq(frameworkVersions.lockVersion, input.lockVersion)))
      .returning({ id: frameworkVersions.id });
    if (claimed.length === 0) throw conflict("This draft was changed by someone else. Reload to see their changes.");
    const [before] = await tx
      .select()
      .from(skills)
      .where(and(eq(skills.frameworkVersionId, draft.id), eq(skills.key, input.skillKey)));
    if (!before) throw notFound("That skill is not in the draft.");
    const [category] = await tx
      .select()
      .from(categories)
      .where(and(eq(categories.frameworkVersionId, draft.id), eq(categories.key, input.categoryKey)));
    if (!category) throw invalid("That category is not in the draft.", { categoryKey: ["Unknown category."] });
    const moving = category.id !== before.categoryId;
    const [{ n }] = moving
      ? ((await tx
          .select({ n: sql<number>`coalesce(max(${skills.position}), -1)::int` })
          .from(skills)
          .where(eq(skills.categoryId, category.id))) as [{ n: number }])
      : [{ n: before.position - 1 }];
    const [after] = await tx
      .update(skills)
      .set({
        nameEn: input.nameEn,
        nameZh: input.nameZh,
        descriptionEn: input.descriptionEn,
        descriptionZh: input.descriptionZh,
        categoryId: category.id,
        levelId: category.levelId,
        position: moving ? n + 1 : before.position,
        retiredAt: input.retired ? (before.retiredAt ?? new Date()) : null,
      })
      .where(eq(skills.id, before.id))
      .returning();
    await writeAudit(tx, {
      actor: v,
      action: "framework.skill_updated",
      entityType: "skill",
      entityId: input.skillKey,
      before,
      after,
    });
  });
}

/** Reorders a draft skill within its category (keyboard-friendly up / down). */
export async function moveDraftSkill(viewer: Viewer | null, raw: unknown): Promise<void> {
  const v = requirePermission(viewer, "framework:manage");
  const input = parseInput(moveDraftSkillSchema, raw);
  const draft = await editableDraft(input.frameworkId);
  await getDb().transaction(async (tx) => {
    const [skill] = await tx
      .select()
      .from(skills)
      .where(and(eq(skills.frameworkVersionId, draft.id), eq(skills.key, input.skillKey)));
    if (!skill) throw notFound("That skill is not in the draft.");
    const siblings = await tx
      .select()
      .from(skills)
      .where(eq(skills.categoryId, skill.categoryId))
      .orderBy(skills.position);
    const i = siblings.findIndex((s) => s.id === skill.id);
    const j = input.direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= siblings.length) return;
    const other = siblings[j]!;
    await tx.update(skills).set({ position: other.position }).where(eq(skills.id, skill.id));
    await tx.update(skills).set({ position: skill.position }).where(eq(skills.id, other.id));
    await writeAudit(tx, {
      actor: v,
      action: "framework.skill_moved",
      entityType: "skill",
      entityId: skill.key,
      before: { position: skill.position },
      after: { position: other.position },
    });
  });
}

/** Publishes the draft atomically: it becomes the published version, the previous one is retired. */
export async function publishDraft(viewer: Viewer | null, raw: unknown): Promise<{ version: number }> {
  const v = requirePermission(viewer, "framework:manage");
  const { frameworkId } = parseInput(frameworkIdSchema, raw);
  const summary = await getDraft(viewer, { frameworkId });
  if (!summary) throw conflict("There is no draft to publish.");
  // The UI disables Publish too, but a direct POST must not mint a version identical to the one teams use.
  if (summary.diff && isEmptyDiff(summary.diff))
    throw conflict("The draft has no changes against the published version; there is nothing to publish.");
  return getDb().transaction(async (tx) => {
    const [draft] = await tx
      .select()
      .from(frameworkVersions)
      .where(and(eq(frameworkVersions.frameworkId, frameworkId), eq(frameworkVersions.status, "draft")))
      .for("update");
    if (!draft) throw conflict("The draft was published or discarded by someone else.");
    const retiredOld = await tx
      .update(frameworkVersions)
      .set({ status: "retired" })
      .where(and(eq(frameworkVersions.frameworkId, frameworkId), eq(frameworkVersions.status, "published")))
      .returning({ version: frameworkVersions.version });
    await tx
      .update(frameworkVersions)
      .set({ status: "published", publishedAt: new Date(), publishedById: v.id })
      .where(eq(frameworkVersions.id, draft.id));
    await writeAudit(tx, {
      actor: v,
      action: "framework.published",
      entityType: "framework_version",
      entityId: draft.id,
      before: { published: retiredOld.map((r) => r.version) },
      after: { version: draft.version, diff: summary.diff },
    });
    return { version: draft.version };
  });
}

/**
 * Throws the draft away (admins), claiming the lockVersion the editor read so a stale page cannot discard edits it
 * never saw. A framework whose only version is this draft (imported, never published) is removed with it: no team
 * can use an unpublished version and ratings name a framework and a skill key (never a version), so nothing refers to
 * it, and its key can be imported again as a fresh v1.
 */
export async function discardDraft(
  viewer: Viewer | null,
  raw: unknown,
): Promise<{ version: number; frameworkRemoved: boolean }> {
  const v = requirePermission(viewer, "framework:manage");
  const input = parseInput(discardDraftSchema, raw);
  return getDb().transaction(async (tx) => {
    const isDraft = and(eq(frameworkVersions.frameworkId, input.frameworkId), eq(frameworkVersions.status, "draft"));
    const [draft] = await tx
      .update(frameworkVersions)
      .set({ lockVersion: sql`${frameworkVersions.lockVersion} + 1` })
      .where(and(isDraft, eq(frameworkVersions.lockVersion, input.lockVersion)))
      .returning({ id: frameworkVersions.id, version: frameworkVersions.version, titleEn: frameworkVersions.titleEn });
    if (!draft) {
      const [other] = await tx.select({ id: frameworkVersions.id }).from(frameworkVersions).where(isDraft);
      throw conflict(
        other
          ? "This draft was changed by someone else. Reload to see their changes."
          : "There is no draft to discard.",
      );
    }
    const others = await tx
      .select({ id: frameworkVersions.id })
      .from(frameworkVersions)
      .where(and(eq(frameworkVersions.frameworkId, input.frameworkId), ne(frameworkVersions.id, draft.id)));
    const frameworkRemoved = others.length === 0;
    if (frameworkRemoved) {
      const [team] = await tx
        .select({ id: teams.id })
        .from(teams)
        .where(eq(teams.frameworkId, input.frameworkId))
        .limit(1);
      const [rating] = await tx
        .select({ id: ratings.id })
        .from(ratings)
        .where(eq(ratings.frameworkId, input.frameworkId))
        .limit(1);
      if (team || rating) throw conflict("Teams or ratings refer to this framework, so it cannot be removed.");
    }
    // Levels, categories, skills and capabilities of the version go with it (on delete cascade).
    await tx.delete(frameworkVersions).where(eq(frameworkVersions.id, draft.id));
    if (frameworkRemoved) await tx.delete(frameworks).where(eq(frameworks.id, input.frameworkId));
    await writeAudit(tx, {
      actor: v,
      action: "framework.draft_discarded",
      entityType: "framework_version",
      entityId: draft.id,
      before: {
        frameworkId: input.frameworkId,
        version: draft.version,
        title: draft.titleEn,
        lockVersion: input.lockVersion,
      },
      after: { frameworkRemoved },
    });
    return { version: draft.version, frameworkRemoved };
  });
}

/** Moves a team to a published version (its own framework's newer one, or another framework). */
export async function switchTeamVersion(viewer: Viewer | null, raw: unknown): Promise<void> {
  const { v, input } = parseTeamInput(viewer, switchTeamVersionSchema, raw, "team:edit");
  await getDb().transaction(async (tx) => {
    const [version] = await tx
      .select()
      .from(frameworkVersions)
      .where(and(eq(frameworkVersions.id, input.versionId), eq(frameworkVersions.status, "published")));
    if (!version) throw invalid("Choose a published framework version.", { versionId: ["Not published."] });
    const before = await requireActiveTeam(tx, input.teamId);
    await moveTeamToVersion(tx, v, before, version);
  });
}
