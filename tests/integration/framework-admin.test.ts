import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";

import { frameworks, frameworkVersions } from "@/db/schema";
import { demoTeamId } from "@/db/seed/demo";
import { DEFAULT_FRAMEWORK_KEY } from "@/db/seed/framework";
import {
  createDraft,
  exportFramework,
  getDraft,
  importFramework,
  moveDraftSkill,
  publishDraft,
  switchTeamVersion,
  updateDraftSkill,
} from "@/lib/data/framework-admin";
import { listPublishedVersions } from "@/lib/data/frameworks";
import { getTeamHeatmap } from "@/lib/data/heatmap";
import { saveSelfRating } from "@/lib/data/ratings";

import { demoViewer, useDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { rowsOf, tableFingerprint } from "./support/fingerprint";
import { draftLockVersion, GIT, MLOPS_FRAMEWORK_ID } from "./support/frameworks";

const CONDA = "environments-and-version-control.can-manage-python-venv-conda";
const column = (dto: Awaited<ReturnType<typeof getTeamHeatmap>>, key: string) => {
  const j = dto.skills.findIndex((s) => s.key === key);
  return dto.members.map((_, i) => dto.self[i * dto.skills.length + j]).join("");
};

describeOnEachEngine("framework management", ({ handle }) => {
  const demo = useDemoOrg(handle, { admin: "mei-ling.chen@acme.test", alex: "alex.wang@acme.test" });

  it("renaming and moving a skill keeps its ratings and heatmap history", async () => {
    const team = demoTeamId("ml-platform");
    const before = await getTeamHeatmap(demo.alex, { teamId: team }, { locale: "en" });
    const historyBefore = rowsOf(
      await handle().db.execute(sql`select count(*)::int as n from ratings where skill_key = ${GIT}`),
    )[0]!.n;
    await createDraft(demo.admin, { frameworkId: MLOPS_FRAMEWORK_ID });
    const edits = [
      {
        skillKey: GIT,
        nameEn: "Version control with Git (branches, rebase, reviews)",
        nameZh: "以 Git 進行版本控制",
        descriptionEn: "Day-to-day Git",
        descriptionZh: "",
        categoryKey: "deployment-in-practice",
        retired: false,
      },
      {
        skillKey: CONDA,
        nameEn: "Can manage Python venv/conda environments",
        nameZh: "能管理 Python venv/conda 環境",
        descriptionEn: "",
        descriptionZh: "",
        categoryKey: "environments-and-version-control",
        retired: true,
      },
    ];
    for (const edit of edits) {
      const lockVersion = await draftLockVersion(demo.admin, MLOPS_FRAMEWORK_ID);
      await updateDraftSkill(demo.admin, { frameworkId: MLOPS_FRAMEWORK_ID, lockVersion, ...edit });
    }
    const draft = (await getDraft(demo.admin, { frameworkId: MLOPS_FRAMEWORK_ID }))!;
    expect(draft.diff).toMatchObject({
      renamed: [{ key: GIT, to: "Version control with Git (branches, rebase, reviews)" }],
      moved: [{ key: GIT, from: "Environments and Version Control", to: "Deployment in Practice" }],
      retired: [{ key: CONDA }],
      added: [],
    });
    const { version } = await publishDraft(demo.admin, { frameworkId: MLOPS_FRAMEWORK_ID });
    expect(version).toBe(2);
    const v2 = (await listPublishedVersions(demo.admin, { locale: "en" })).find(
      (v) => v.frameworkId === MLOPS_FRAMEWORK_ID,
    )!;
    await switchTeamVersion(demo.alex, { teamId: team, versionId: v2.id });

    const after = await getTeamHeatmap(demo.alex, { teamId: team }, { locale: "en" });
    const renamed = after.skills.find((s) => s.key === GIT)!;
    expect(renamed.name).toBe("Version control with Git (branches, rebase, reviews)");
    expect(after.categories[renamed.categoryIndex]!.key).toBe("deployment-in-practice");
    expect(column(after, GIT)).toBe(column(before, GIT));
    expect(
      rowsOf(await handle().db.execute(sql`select count(*)::int as n from ratings where skill_key = ${GIT}`))[0]!.n,
    ).toBe(historyBefore);
    // Retired: gone from the heatmap, history kept.
    expect(after.skills.some((s) => s.key === CONDA)).toBe(false);
    expect(
      rowsOf(await handle().db.execute(sql`select count(*)::int as n from ratings where skill_key = ${CONDA}`))[0]!.n,
    ).toBeGreaterThan(0);
  });

  it("a retired skill takes no new ratings; other skills still do", async () => {
    const sofia = await demoViewer("sofia.rossi@acme.test");
    await expect(
      saveSelfRating(sofia, { skillKey: CONDA, value: 3, interest: 1, evidence: null, requestId: randomUUID() }),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(
      saveSelfRating(sofia, { skillKey: GIT, value: 3, interest: 1, evidence: null, requestId: randomUUID() }),
    ).resolves.toMatchObject({ skillKey: GIT });
  });

  it("publishing is atomic: of two concurrent publishes exactly one wins", async () => {
    await createDraft(demo.admin, { frameworkId: MLOPS_FRAMEWORK_ID });
    // An unchanged draft is refused (nothing to publish): give it a change first.
    await moveDraftSkill(demo.admin, { frameworkId: MLOPS_FRAMEWORK_ID, skillKey: GIT, direction: "up" });
    const results = await Promise.allSettled([
      publishDraft(demo.admin, { frameworkId: MLOPS_FRAMEWORK_ID }),
      publishDraft(demo.admin, { frameworkId: MLOPS_FRAMEWORK_ID }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    const statuses = await handle()
      .db.select({ v: frameworkVersions.version, s: frameworkVersions.status })
      .from(frameworkVersions)
      .where(eq(frameworkVersions.frameworkId, MLOPS_FRAMEWORK_ID))
      .orderBy(frameworkVersions.version);
    expect(statuses).toEqual([
      { v: 1, s: "retired" },
      { v: 2, s: "retired" },
      { v: 3, s: "published" },
    ]);
  });

  it("imports an English Markdown roadmap as a draft, with a preview first", async () => {
    const md = readFileSync(path.join(__dirname, "../fixtures/data-engineering-roadmap.en.md"), "utf8");
    const before = await tableFingerprint(handle().db);
    const preview = await importFramework(demo.admin, { format: "markdown", content: md, apply: false });
    expect(preview).toMatchObject({
      ok: true,
      key: "data-engineering-career-roadmap",
      counts: { levels: 2, categories: 4, skills: 7, capabilities: 0 },
      existing: false,
    });
    expect(await tableFingerprint(handle().db)).toEqual(before);
    const created = await importFramework(demo.admin, { format: "markdown", content: md, apply: true });
    expect(created.created).toMatchObject({ version: 1 });
    const [fw] = await handle()
      .db.select()
      .from(frameworks)
      .where(eq(frameworks.key, "data-engineering-career-roadmap"));
    const [draft] = await handle()
      .db.select()
      .from(frameworkVersions)
      .where(and(eq(frameworkVersions.frameworkId, fw!.id), eq(frameworkVersions.status, "draft")));
    expect(draft).toBeTruthy();
    // Export → import of the MLOps framework round-trips to an identical document.
    const json = await exportFramework(demo.admin, { frameworkId: MLOPS_FRAMEWORK_ID, format: "json" });
    const again = await importFramework(demo.admin, { format: "json", content: json.body, apply: false });
    expect(again).toMatchObject({ ok: true, key: DEFAULT_FRAMEWORK_KEY, existing: true });
  });

  it("a malformed file gets line-numbered errors and writes nothing", async () => {
    const before = await tableFingerprint(handle().db);
    const bad = await importFramework(demo.admin, {
      format: "markdown",
      content: "# Broken\n\n## Junior\n\n- orphan bullet\n",
      apply: false,
    });
    expect(bad).toMatchObject({
      ok: false,
      errors: [{ line: 5, message: "skill bullet '- orphan bullet' is not under a numbered bold category" }],
    });
    await expect(
      importFramework(demo.admin, {
        format: "yaml",
        content: "format: skillgrid.framework\nversion: 1\nkey: Bad Key\n",
        apply: true,
      }),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(
      importFramework(demo.admin, { format: "json", content: '{ "format": ', apply: true }),
    ).rejects.toMatchObject({ code: "invalid" });
    expect(await tableFingerprint(handle().db)).toEqual(before);
  });
});
