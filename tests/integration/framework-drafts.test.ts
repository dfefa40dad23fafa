import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";

import { auditEvents, frameworks, frameworkVersions } from "@/db/schema";
import { DEFAULT_FRAMEWORK_KEY } from "@/db/seed/framework";
import { stableUuid } from "@/db/seed/ids";
import type { Viewer } from "@/lib/auth/viewer";
import {
  createDraft,
  exportFramework,
  getDraft,
  getFrameworkEditor,
  importFramework,
  publishDraft,
  updateDraftSkill,
} from "@/lib/data/framework-admin";
import { getFrameworkTree, listFrameworks } from "@/lib/data/frameworks";

import { seedDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { GIT, MLOPS_FRAMEWORK_ID } from "./support/frameworks";
import { configureAuthEnv, demoSessionRoles } from "./support/session";

// Drafts belong to framework managers: nobody else may read them, and no read
// (not even opening the editor) may create one.

const DRAFT_ONLY_NAME = "Data Engineering Career Roadmap";
const FORMATS = ["json", "yaml", "markdown-en", "markdown-zh"] as const;

describeOnEachEngine("framework drafts", ({ handle }) => {
  let admin: Viewer;
  let member: Viewer;
  let lead: Viewer;
  let draftOnlyId: string;

  const draftRows = (frameworkId: string) =>
    handle()
      .db.select()
      .from(frameworkVersions)
      .where(and(eq(frameworkVersions.frameworkId, frameworkId), eq(frameworkVersions.status, "draft")));
  const draftCreatedAudits = () =>
    handle().db.select().from(auditEvents).where(eq(auditEvents.action, "framework.draft_created"));

  beforeAll(async () => {
    configureAuthEnv();
    await seedDemoOrg(handle());
    ({ admin, member, lead } = await demoSessionRoles());
    expect([admin.role, member.role, lead.role, lead.leadTeamIds.length > 0]).toEqual([
      "admin",
      "member",
      "manager",
      true,
    ]);
    // An imported framework that was never published: it has only a draft.
    const md = readFileSync(path.join(__dirname, "../fixtures/data-engineering-roadmap.en.md"), "utf8");
    await importFramework(admin, { format: "markdown", content: md, apply: true });
    const [fw] = await handle()
      .db.select()
      .from(frameworks)
      .where(eq(frameworks.key, "data-engineering-career-roadmap"));
    draftOnlyId = fw!.id;
  });

  it("opening the editor of a framework without a draft creates no draft and no audit row", async () => {
    expect(await draftRows(MLOPS_FRAMEWORK_ID)).toHaveLength(0);
    const editor = await getFrameworkEditor(admin, { frameworkId: MLOPS_FRAMEWORK_ID });
    expect(editor).toMatchObject({ draft: null, published: { frameworkId: MLOPS_FRAMEWORK_ID, version: 1 } });
    await getFrameworkEditor(admin, { frameworkId: MLOPS_FRAMEWORK_ID });
    expect(await draftRows(MLOPS_FRAMEWORK_ID)).toHaveLength(0);
    expect(await draftCreatedAudits()).toHaveLength(0);
  });

  it("a member or a lead cannot export a framework that only has a draft: not found, as if it did not exist", async () => {
    for (const v of [member, lead]) {
      for (const format of FORMATS) {
        await expect(exportFramework(v, { frameworkId: draftOnlyId, format })).rejects.toMatchObject({
          code: "not_found",
        });
      }
    }
  });

  it("an admin can export a framework that only has a draft", async () => {
    const file = await exportFramework(admin, { frameworkId: draftOnlyId, format: "json" });
    expect(file.filename).toBe("data-engineering-career-roadmap-v1.json");
    expect(file.body).toContain(DRAFT_ONLY_NAME);
  });

  it("a draft-only framework is neither listed nor browsable for a member", async () => {
    expect((await listFrameworks(member, { locale: "en" })).map((f) => f.id)).not.toContain(draftOnlyId);
    expect(await getFrameworkTree(member, { frameworkId: draftOnlyId, locale: "en" })).toBeNull();
  });

  it("a member exporting a framework that has a draft gets the published version, never the draft's edits", async () => {
    await createDraft(admin, { frameworkId: MLOPS_FRAMEWORK_ID });
    const draft = (await getDraft(admin, { frameworkId: MLOPS_FRAMEWORK_ID }))!;
    await updateDraftSkill(admin, {
      frameworkId: MLOPS_FRAMEWORK_ID,
      lockVersion: draft.lockVersion,
      skillKey: GIT,
      nameEn: "Unpublished draft name",
      nameZh: "尚未發佈的草稿名稱",
      descriptionEn: "",
      descriptionZh: "",
      categoryKey: "environments-and-version-control",
      retired: false,
    });
    for (const v of [member, lead, admin]) {
      const file = await exportFramework(v, { frameworkId: MLOPS_FRAMEWORK_ID, format: "yaml" });
      expect(file.filename).toBe(`${DEFAULT_FRAMEWORK_KEY}-v1.yaml`);
      expect(file.body).not.toContain("Unpublished draft name");
    }
  });

  it("starting a draft is explicit: one draft row and one framework.draft_created audit row", async () => {
    expect(await draftRows(MLOPS_FRAMEWORK_ID)).toHaveLength(1);
    expect(await draftCreatedAudits()).toHaveLength(1);
    const editor = await getFrameworkEditor(admin, { frameworkId: MLOPS_FRAMEWORK_ID });
    expect(editor).toMatchObject({ draft: { version: 2, published: 1 } });
  });

  it("after publishing there is no draft, and opening the editor again does not start one", async () => {
    await publishDraft(admin, { frameworkId: MLOPS_FRAMEWORK_ID });
    expect(await draftRows(MLOPS_FRAMEWORK_ID)).toHaveLength(0);
    const editor = await getFrameworkEditor(admin, { frameworkId: MLOPS_FRAMEWORK_ID });
    expect(editor).toMatchObject({ draft: null, published: { version: 2 } });
    expect(await draftRows(MLOPS_FRAMEWORK_ID)).toHaveLength(0);
    expect(await draftCreatedAudits()).toHaveLength(1);
  });

  it("the editor is for framework managers only, and an unknown framework is not found", async () => {
    for (const v of [member, lead])
      await expect(getFrameworkEditor(v, { frameworkId: MLOPS_FRAMEWORK_ID })).rejects.toMatchObject({
        code: "forbidden",
      });
    await expect(
      getFrameworkEditor(admin, { frameworkId: stableUuid("framework", "no-such-framework") }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      exportFramework(member, { frameworkId: stableUuid("framework", "no-such-framework"), format: "json" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
