import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";

import { auditEvents, learningResources, orgSettings, ratings, teamMembers, users } from "@/db/schema";
import { demoTeamId, demoUserId } from "@/db/seed/demo";
import { addLearningResource, getResourcesForSkills, removeLearningResource } from "@/lib/data/learning-resources";
import { getSkillPage } from "@/lib/data/skill-page";
import { quarterOf } from "@/lib/quarters";

import { useDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { rowsOf, tableFingerprint } from "./support/fingerprint";
import { MLOPS_FRAMEWORK_ID } from "./support/frameworks";

// A skill two demo targets need through their capabilities (model registry, experiment tracking).
const MLFLOW = "model-management.familiar-with-mlflow-tracking-artifacts";
let queries = 0;

describeOnEachEngine(
  "skill pages",
  ({ handle }) => {
    const demo = useDemoOrg(handle, {
      admin: "mei-ling.chen@acme.test",
      lead: "alex.wang@acme.test",
      member: "sofia.rossi@acme.test",
      mentor: "yu-ting.tsai@acme.test",
    });
    const page = (viewer = demo.admin) => getSkillPage(viewer, { key: MLFLOW }, { locale: "en" });
    /** A rating as the rating sheet writes it (the trigger keeps ratings_current in step). */
    const rate = (userId: string, raterKind: "self" | "manager", proficiency: number, raterId = userId) =>
      handle()
        .db.insert(ratings)
        .values({
          userId,
          raterId,
          raterKind,
          frameworkId: MLOPS_FRAMEWORK_ID,
          skillKey: MLFLOW,
          proficiency,
          quarter: quarterOf(new Date()),
          requestId: randomUUID(),
        });

    /** The distribution the slow, obvious way: every active person on the roadmap or with a rating, validated over self. */
    async function handCount() {
      const rows = rowsOf(
        await handle().db.execute(sql`
          select u.id,
            (select coalesce(
               (select case when c.not_applicable then null else c.proficiency end from ratings_current c
                where c.user_id = u.id and c.framework_id = ${MLOPS_FRAMEWORK_ID} and c.skill_key = ${MLFLOW} and c.rater_kind = 'manager'),
               null)) as validated,
            (select case when c.not_applicable then null else c.proficiency end from ratings_current c
             where c.user_id = u.id and c.framework_id = ${MLOPS_FRAMEWORK_ID} and c.skill_key = ${MLFLOW} and c.rater_kind = 'self') as self,
            exists (select 1 from ratings_current c where c.user_id = u.id and c.framework_id = ${MLOPS_FRAMEWORK_ID} and c.skill_key = ${MLFLOW} and c.rater_kind = 'manager') as has_validated,
            exists (select 1 from ratings_current c where c.user_id = u.id and c.framework_id = ${MLOPS_FRAMEWORK_ID} and c.skill_key = ${MLFLOW}) as rated,
            exists (select 1 from team_members m join teams t on t.id = m.team_id
                    where m.user_id = u.id and t.archived_at is null and t.framework_id = ${MLOPS_FRAMEWORK_ID}) as on_roadmap
          from users u where not u.disabled`),
      ) as {
        id: string;
        validated: number | null;
        self: number | null;
        has_validated: boolean;
        rated: boolean;
        on_roadmap: boolean;
      }[];
      const levels = [0, 0, 0, 0, 0];
      let notRated = 0;
      let total = 0;
      for (const r of rows) {
        if (!r.on_roadmap && !r.rated) continue;
        total++;
        const v = r.has_validated ? r.validated : r.self;
        if (v === null) notRated++;
        else levels[Number(v)]!++;
      }
      return { levels, notRated, total };
    }

    it("counts each level as a hand count of the current ratings does", async () => {
      const view = await page();
      expect(view.skill.name).toMatch(/MLflow/i);
      expect(view.distribution.org).toEqual(await handCount());
      const sum = (c: { levels: number[]; notRated: number }) => c.levels.reduce((a, b) => a + b, 0) + c.notRated;
      expect(sum(view.distribution.org)).toBe(view.distribution.org.total);
      expect(view.trend).toHaveLength(4);
      expect(view.trend.at(-1)!.holders).toBe(view.distribution.org.levels[3]! + view.distribution.org.levels[4]!);
      expect(view.targets.map((t) => t.name).sort()).toEqual(["Experiment tracking", "Model registry"]);
    });

    it("neither counts nor names a disabled person", async () => {
      const db = handle().db;
      const id = demoUserId("marta.kowalska@acme.test");
      await rate(id, "manager", 4, demoUserId("alex.wang@acme.test"));
      const before = await page();
      expect(before.people!.mentors.map((p) => p.id)).toContain(id);
      await db.update(users).set({ disabled: true }).where(eq(users.id, id));
      try {
        const after = await page();
        expect(after.distribution.org.total).toBe(before.distribution.org.total - 1);
        expect(after.distribution.org.levels[4]).toBe(before.distribution.org.levels[4]! - 1);
        expect(after.distribution.org).toEqual(await handCount());
        expect(after.trend.at(-1)!.holders).toBe(before.trend.at(-1)!.holders - 1);
        const named = [...after.people!.holders, ...after.people!.mentors, ...after.people!.learners];
        expect(named.map((p) => p.id)).not.toContain(id);
      } finally {
        await db.update(users).set({ disabled: false }).where(eq(users.id, id));
      }
    });

    it("hides names from a member unless the org lets members find people, but shows them the counts", async () => {
      const hidden = await page(demo.member);
      expect(hidden.people).toBeNull();
      expect(hidden.distribution).toEqual((await page()).distribution);
      expect(hidden.targets.every((t) => !t.canOpen)).toBe(true);
      expect((await page(demo.lead)).people).not.toBeNull();
      await handle().db.insert(orgSettings).values({ key: "membersMayFindPeople", value: true });
      try {
        expect((await page(demo.member)).people).not.toBeNull();
      } finally {
        await handle().db.delete(orgSettings).where(eq(orgSettings.key, "membersMayFindPeople"));
      }
    });

    it("lets a mentor add a resource, with its audit row, and shows it on the page and in learning paths", async () => {
      await rate(demo.mentor.id, "manager", 4, demo.lead.id);
      expect((await page(demo.mentor)).canAddResource).toBe(true);
      const { id } = await addLearningResource(demo.mentor, {
        frameworkKey: "mlops-engineer",
        skillKey: MLFLOW,
        title: "MLflow tracking quickstart",
        url: "https://mlflow.org/docs/latest/getting-started/",
        note: "Start here.",
      });
      const [audit] = await handle()
        .db.select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "learning_resource.added"), eq(auditEvents.entityId, id)));
      expect(audit).toMatchObject({ actorId: demo.mentor.id, entityType: "learning_resource" });
      const view = await page(demo.member);
      expect(view.resources).toEqual([
        expect.objectContaining({
          id,
          title: "MLflow tracking quickstart",
          createdByName: "Yu-Ting Tsai",
          canRemove: false,
        }),
      ]);
      const path = await getResourcesForSkills(demo.member, {
        frameworkId: MLOPS_FRAMEWORK_ID,
        skillKeys: [MLFLOW, "x"],
      });
      expect(path.frameworkKey).toBe("mlops-engineer");
      expect(path.bySkill[MLFLOW]!.map((r) => r.id)).toEqual([id]);
    });

    it("refuses a plain member (forbidden) and writes nothing", async () => {
      await rate(demo.member.id, "manager", 2, demo.lead.id);
      expect((await page(demo.member)).canAddResource).toBe(false);
      const before = await tableFingerprint(handle().db);
      await expect(
        addLearningResource(demo.member, {
          frameworkKey: "mlops-engineer",
          skillKey: MLFLOW,
          title: "Mine",
          url: "https://example.com/",
        }),
      ).rejects.toMatchObject({ code: "forbidden" });
      expect(await tableFingerprint(handle().db)).toEqual(before);
    });

    it.each([
      "javascript:alert(1)",
      "JaVaScRiPt:alert(document.cookie)",
      "data:text/html,<script>alert(1)</script>",
      "https://user:secret@example.com/",
      "ftp://example.com/file",
      "/relative/path",
    ])("refuses the URL %s and writes nothing", async (url) => {
      const before = await tableFingerprint(handle().db);
      await expect(
        addLearningResource(demo.admin, { frameworkKey: "mlops-engineer", skillKey: MLFLOW, title: "Bad", url }),
      ).rejects.toMatchObject({ code: "invalid", fieldErrors: { url: [expect.any(String)] } });
      expect(await tableFingerprint(handle().db)).toEqual(before);
    });

    it("lets whoever added a resource or an admin remove it, nobody else", async () => {
      const { id } = await addLearningResource(demo.admin, {
        frameworkKey: "mlops-engineer",
        skillKey: MLFLOW,
        title: "To remove",
        url: "http://example.com/a b",
      });
      const [row] = await handle().db.select().from(learningResources).where(eq(learningResources.id, id));
      expect(row!.url).toBe("http://example.com/a%20b");
      const before = await tableFingerprint(handle().db);
      await expect(removeLearningResource(demo.mentor, { id })).rejects.toMatchObject({ code: "forbidden" });
      expect(await tableFingerprint(handle().db)).toEqual(before);
      await removeLearningResource(demo.admin, { id });
      expect((await page()).resources.map((r) => r.id)).not.toContain(id);
      const audits = await handle()
        .db.select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "learning_resource.removed"), eq(auditEvents.entityId, id)));
      expect(audits).toHaveLength(1);
      await expect(removeLearningResource(demo.admin, { id })).rejects.toMatchObject({ code: "not_found" });
    });

    it("opens an unknown skill or roadmap as not found", async () => {
      await expect(getSkillPage(demo.admin, { key: "no-such-skill" }, { locale: "en" })).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(
        getSkillPage(demo.admin, { key: MLFLOW, roadmap: "no-such-roadmap" }, { locale: "en" }),
      ).rejects.toMatchObject({ code: "not_found" });
      await expect(getSkillPage(null, { key: MLFLOW }, { locale: "en" })).rejects.toMatchObject({
        code: "unauthenticated",
      });
    });

    it("reads a skill page in a constant number of queries, whatever the org's size", async () => {
      const count = async () => {
        queries = 0;
        const view = await page();
        return { queries, total: view.distribution.org.total };
      };
      await page(); // the published roadmap's rows are cached after the first read
      // Unchanged data: served from the payload cache (the data stamp and the settings).
      expect((await count()).queries).toBe(2);
      // A write changes the data stamp, so each count below rebuilds the page.
      await rate(demoUserId("hana.sato@acme.test"), "self", 2);
      const small = await count();
      const db = handle().db;
      const people = await db
        .insert(users)
        .values(Array.from({ length: 40 }, (_, i) => ({ email: `skill${i}@acme.test`, name: `Skill ${i}` })))
        .returning();
      await db.insert(teamMembers).values(people.map((p) => ({ teamId: demoTeamId("applied-ml"), userId: p.id })));
      for (const [i, p] of people.entries()) await rate(p.id, "self", i % 5);
      const large = await count();
      expect(large.total).toBe(small.total + 40);
      expect(large.queries).toBe(small.queries);
      expect(small.queries).toBeLessThanOrEqual(8);
    });
  },
  { onQuery: () => queries++ },
);
