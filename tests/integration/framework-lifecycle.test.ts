import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";

import { auditEvents, frameworks, frameworkVersions, ratings } from "@/db/schema";
import { DEFAULT_FRAMEWORK_KEY } from "@/db/seed/framework";
import { stableUuid } from "@/db/seed/ids";
import type { Viewer } from "@/lib/auth/viewer";
import {
  createDraft,
  discardDraft,
  getDraft,
  getFrameworkEditor,
  importFramework,
  moveDraftSkill,
  publishDraft,
} from "@/lib/data/framework-admin";
import { listFrameworkDrafts, listFrameworks } from "@/lib/data/frameworks";

import { seedDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { tableFingerprint } from "./support/fingerprint";
import { configureAuthEnv, demoSessionRoles } from "./support/session";

// A draft's life: started or imported, listed for admins, published only when it changes something, or discarded.

const mlopsId = stableUuid("framework", DEFAULT_FRAMEWORK_KEY);
const GIT = "environments-and-version-control.uses-git-for-version-control";
const DE_KEY = "data-engineering-career-roadmap";
const deMarkdown = readFileSync(path.join(__dirname, "../fixtures/data-engineering-roadmap.en.md"), "utf8");

describeOnEachEngine("framework lifecycle", ({ handle }) => {
  let admin: Viewer;
  let member: Viewer;
  let lead: Viewer;
  let importedId: string;

  const db = () => handle().db;
  const draftOf = async (frameworkId: string) => (await getDraft(admin, { frameworkId }))!;
  const audits = (action: string) => db().select().from(auditEvents).where(eq(auditEvents.action, action));
  const refusedWithNothingWritten = async (call: () => Promise<unknown>) => {
    const before = await tableFingerprint(db());
    const error = await call().then(
      () => null,
      (e: unknown) => e,
    );
    expect(await tableFingerprint(db()), "nothing written").toEqual(before);
    return (error as { code?: string } | null)?.code ?? "resolved";
  };

  beforeAll(async () => {
    configureAuthEnv();
    await seedDemoOrg(handle());
    ({ admin, member, lead } = await demoSessionRoles());
    importedId = (await importFramework(admin, { format: "markdown", content: deMarkdown, apply: true })).created!
      .frameworkId;
    await createDraft(admin, { frameworkId: mlopsId });
  });

  it("lists drafts for admins with their state: a new version with its changes, or imported and never published", async () => {
    const drafts = await listFrameworkDrafts(admin, { locale: "en" });
    expect(drafts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ frameworkId: mlopsId, version: 2, published: 1, changes: 0 }),
        expect.objectContaining({
          frameworkId: importedId,
          version: 1,
          published: null,
          changes: null,
          name: "Data Engineering Career Roadmap",
        }),
      ]),
    );
    expect(drafts).toHaveLength(2);
  });

  it("does not list drafts for members or leads: forbidden, and the published list holds no draft", async () => {
    for (const v of [member, lead]) {
      await expect(listFrameworkDrafts(v, { locale: "en" })).rejects.toMatchObject({ code: "forbidden" });
      expect((await listFrameworks(v, { locale: "en" })).map((f) => f.id)).not.toContain(importedId);
    }
  });

  it("refuses to publish a draft with no changes against the published version, in the data layer, writing nothing", async () => {
    expect(await refusedWithNothingWritten(() => publishDraft(admin, { frameworkId: mlopsId }))).toMatch(
      /^(conflict|invalid)$/,
    );
    expect(await getFrameworkEditor(admin, { frameworkId: mlopsId })).toMatchObject({
      draft: { version: 2, published: 1 },
    });
  });

  it("counts a reorder as a change, so a draft that only reorders skills can be published", async () => {
    await moveDraftSkill(admin, { frameworkId: mlopsId, skillKey: GIT, direction: "down" });
    const draft = await draftOf(mlopsId);
    expect(draft.diff!.reordered.map((r) => r.key)).toContain(GIT);
    expect(
      (await listFrameworkDrafts(admin, { locale: "en" })).find((d) => d.frameworkId === mlopsId)!.changes,
    ).toBeGreaterThan(0);
  });

  it("refuses members and leads who try to discard a draft, writing nothing", async () => {
    const { lockVersion } = await draftOf(mlopsId);
    for (const v of [member, lead]) {
      for (const frameworkId of [mlopsId, importedId]) {
        expect(await refusedWithNothingWritten(() => discardDraft(v, { frameworkId, lockVersion }))).toBe("forbidden");
      }
    }
  });

  it("refuses a discard from a stale editor (an older lockVersion): conflict, nothing written", async () => {
    const { lockVersion } = await draftOf(mlopsId);
    expect(
      await refusedWithNothingWritten(() =>
        discardDraft(admin, { frameworkId: mlopsId, lockVersion: lockVersion + 1 }),
      ),
    ).toBe("conflict");
  });

  it("lets an admin discard a draft: the published version stays in use, and the discard is audited", async () => {
    const draft = await draftOf(mlopsId);
    const [draftRow] = await db()
      .select()
      .from(frameworkVersions)
      .where(and(eq(frameworkVersions.frameworkId, mlopsId), eq(frameworkVersions.status, "draft")));
    const ratingsBefore = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(ratings);
    await discardDraft(admin, { frameworkId: mlopsId, lockVersion: draft.lockVersion });
    expect(await getDraft(admin, { frameworkId: mlopsId })).toBeNull();
    expect(await getFrameworkEditor(admin, { frameworkId: mlopsId })).toMatchObject({
      draft: null,
      published: { version: 1 },
    });
    const [audit] = await audits("framework.draft_discarded");
    expect(audit).toMatchObject({ actorId: admin.id, entityType: "framework_version", entityId: draftRow!.id });
    // Ratings point at a framework and a skill key, never at a draft version: discarding one touches none.
    expect(
      await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(ratings),
    ).toEqual(ratingsBefore);
    expect((await listFrameworkDrafts(admin, { locale: "en" })).map((d) => d.frameworkId)).not.toContain(mlopsId);
    // Nothing left to publish, nor to discard twice.
    await expect(publishDraft(admin, { frameworkId: mlopsId })).rejects.toMatchObject({ code: "conflict" });
    await expect(discardDraft(admin, { frameworkId: mlopsId, lockVersion: draft.lockVersion })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("removes a framework that was imported but never published entirely when its draft is discarded; its key can be imported again", async () => {
    const { lockVersion } = await draftOf(importedId);
    await discardDraft(admin, { frameworkId: importedId, lockVersion });
    expect(await db().select().from(frameworks).where(eq(frameworks.id, importedId))).toEqual([]);
    expect(await db().select().from(frameworkVersions).where(eq(frameworkVersions.frameworkId, importedId))).toEqual(
      [],
    );
    expect(await audits("framework.draft_discarded")).toHaveLength(2);
    expect(await listFrameworkDrafts(admin, { locale: "en" })).toEqual([]);
    const again = await importFramework(admin, { format: "markdown", content: deMarkdown, apply: true });
    expect(again).toMatchObject({ key: DE_KEY, existing: false, created: { version: 1 } });
  });

  it("publishes a first version (nothing to compare with) and a draft with changes", async () => {
    const [fw] = await db().select().from(frameworks).where(eq(frameworks.key, DE_KEY));
    await expect(publishDraft(admin, { frameworkId: fw!.id })).resolves.toEqual({ version: 1 });
    await createDraft(admin, { frameworkId: mlopsId });
    await moveDraftSkill(admin, { frameworkId: mlopsId, skillKey: GIT, direction: "down" });
    await expect(publishDraft(admin, { frameworkId: mlopsId })).resolves.toEqual({ version: 2 });
  });
});
