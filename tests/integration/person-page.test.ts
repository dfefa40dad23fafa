import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";

import { users } from "@/db/schema";
import { demoTeamId, demoUserId } from "@/db/seed/demo";
import { getPersonPage, type PersonPageDto } from "@/lib/data/person";
import { saveSelfRating } from "@/lib/data/ratings";
import { createTarget, getTeamVision } from "@/lib/data/vision";
import { quarterOf } from "@/lib/quarters";

import { useDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { GIT } from "./support/frameworks";

let queries = 0;
const ACCESS_CONTROL = "automated-governance-and-auditing.provides-access-control-for-data-and";
const RECORD_KEEPING = "automated-governance-and-auditing.designs-record-keeping-for-data-and";

// The person page (/people/[id]): who may read it, what each reader sees, and
// the "what if this person left" panel against a hand count in the demo org.
describeOnEachEngine(
  "the person page",
  ({ handle }) => {
    const sofia = demoUserId("sofia.rossi@acme.test"); // member of ML Platform
    const peiShan = demoUserId("pei-shan.kuo@acme.test"); // member of Data Engineering
    const demo = useDemoOrg(handle, {
      sofia: "sofia.rossi@acme.test",
      alex: "alex.wang@acme.test", // leads ML Platform (a manager)
      priya: "priya.nair@acme.test", // leads Applied ML (a manager): reads Sofia's page read-only
      chihHao: "chih-hao.lee@acme.test", // leads Data Engineering
      liWen: "li-wen.chang@acme.test", // a member of Applied ML: unrelated to Sofia
      admin: "mei-ling.chen@acme.test",
    });
    const open = (viewer: (typeof demo)[keyof typeof demo], id: string) =>
      getPersonPage(viewer, { id }, { locale: "en" });
    const evidenceOf = (page: PersonPageDto) =>
      page.sheet!.levels.flatMap((l) => l.categories.flatMap((c) => c.skills)).find((s) => s.key === GIT)!.self
        ?.evidence;

    beforeAll(async () => {
      await saveSelfRating(demo.sofia, {
        skillKey: GIT,
        value: 3,
        interest: 2,
        evidence: "PR #42",
        requestId: randomUUID(),
      });
    });

    it("the person reads their own page, with their notes, without validation links or the what-if panel", async () => {
      const page = await open(demo.sofia, sofia);
      expect(page.isSelf).toBe(true);
      expect(page.person).toMatchObject({ name: "Sofia Rossi", email: "sofia.rossi@acme.test" });
      expect(page.teams.map((t) => [t.name, t.isLead, t.validateHref])).toEqual([["ML Platform", false, null]]);
      expect(evidenceOf(page)).toBe("PR #42");
      expect(page.recent[0]).toMatchObject({ skillKey: GIT, kind: "self", proficiency: 3 });
      expect(page.interests.find((i) => i.skillKey === GIT)).toMatchObject({ interest: 2 });
      expect(page.impact).toBeNull();
    });

    it("a lead of the person's team reads it with notes, a link to validate, and the what-if panel", async () => {
      const page = await open(demo.alex, sofia);
      const mlPlatform = demoTeamId("ml-platform");
      expect(page.teams.map((t) => t.validateHref)).toEqual([`/teams/${mlPlatform}/members/${sofia}`]);
      expect(page.teams[0]!.level).toBe("Mid-level MLOps Engineer");
      expect(evidenceOf(page)).toBe("PR #42");
      expect(page.impact?.map((i) => i.teamId)).toEqual([mlPlatform]);
    });

    it("an admin reads anyone, with notes and validation links", async () => {
      const page = await open(demo.admin, sofia);
      expect(page.teams[0]!.validateHref).not.toBeNull();
      expect(evidenceOf(page)).toBe("PR #42");
      expect(page.impact).toHaveLength(1);
    });

    it("a manager who does not lead the person's team reads it read-only: no notes, no validation link", async () => {
      const page = await open(demo.priya, sofia);
      expect(page.teams.map((t) => t.validateHref)).toEqual([null]);
      expect(evidenceOf(page)).toBeNull();
      expect(
        page.sheet!.levels.flatMap((l) => l.categories.flatMap((c) => c.skills)).some((s) => s.validated?.comment),
      ).toBe(false);
      expect(page.impact).toHaveLength(1);
    });

    it("an unrelated member, an unknown id and a disabled person all read as not found", async () => {
      await expect(open(demo.liWen, sofia)).rejects.toMatchObject({ code: "not_found" });
      await expect(open(demo.admin, randomUUID())).rejects.toMatchObject({ code: "not_found" });
      await expect(open(demo.admin, "not-a-uuid")).rejects.toMatchObject({ code: "invalid" });
      await expect(getPersonPage(null, { id: sofia }, { locale: "en" })).rejects.toMatchObject({
        code: "unauthenticated",
      });
      const omar = demoUserId("omar.haddad@acme.test");
      await handle().db.update(users).set({ disabled: true }).where(eq(users.id, omar));
      try {
        await expect(open(demo.admin, omar)).rejects.toMatchObject({ code: "not_found" });
      } finally {
        await handle().db.update(users).set({ disabled: false }).where(eq(users.id, omar));
      }
    });

    it("what if Pei-Shan Kuo left Data Engineering: matches a hand count of the team's holders", async () => {
      // By hand, from the team's vision (Governance and audit, at ≥ 3): access control is held by Pei-Shan only;
      // record-keeping by Aisha Bello, Chih-Hao Lee and Pei-Shan. No target of the team is met today.
      const vision = await getTeamVision(demo.chihHao, { teamId: demoTeamId("data-engineering") }, { locale: "en" });
      const holders = (key: string) =>
        vision.targets.flatMap((t) => t.requirements).find((r) => r.skillKey === key)!.holders;
      expect(holders(ACCESS_CONTROL)).toEqual(["Pei-Shan Kuo"]);
      expect(holders(RECORD_KEEPING)).toEqual(["Aisha Bello", "Chih-Hao Lee", "Pei-Shan Kuo"]);
      const before = (await open(demo.chihHao, peiShan)).impact![0]!;
      expect(before.targets).toEqual([]);
      expect(before.thinSkills.map((s) => [s.skillKey, s.level, s.before, s.after, s.left])).toEqual([
        [ACCESS_CONTROL, 3, 1, 0, "none"],
      ]);

      // A target met today (3 people at ≥ 3 in record-keeping, 3 needed) falls short without her: 3 → 2.
      await createTarget(demo.chihHao, {
        teamId: demoTeamId("data-engineering"),
        kind: "skill",
        key: RECORD_KEEPING,
        level: 3,
        headcount: 3,
        targetQuarter: quarterOf(new Date()),
      });
      const after = (await open(demo.chihHao, peiShan)).impact![0]!;
      expect(
        after.targets.map((t) => [t.level, t.headcount, t.short.map((c) => [c.skillKey, c.before, c.after])]),
      ).toEqual([[3, 3, [[RECORD_KEEPING, 3, 2]]]]);
      // Someone who holds neither: nothing would break.
      const ming = (await open(demo.chihHao, demoUserId("ming-hsuan.yang@acme.test"))).impact![0]!;
      expect(ming.targets).toEqual([]);
    });

    it("reads the page in a constant number of queries, however many ratings the person has", async () => {
      await open(demo.admin, sofia); // warms the roadmap rows' cache
      const count = async (id: string) => {
        const start = queries;
        await open(demo.admin, id);
        return queries - start;
      };
      const forSofia = await count(sofia);
      const forAlex = await count(demoUserId("alex.wang@acme.test"));
      expect(forAlex).toBe(forSofia);
      expect(forSofia).toBeLessThanOrEqual(12);
    });
  },
  { onQuery: () => queries++ },
);
