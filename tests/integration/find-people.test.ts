import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";

import { orgSettings, users } from "@/db/schema";
import { demoUserId } from "@/db/seed/demo";
import { DEFAULT_FRAMEWORK_KEY } from "@/db/seed/framework";
import { matchesQuery } from "@/lib/analytics/find-people";
import { loadViewer } from "@/lib/auth/viewer";
import { findPeople, readCatalogue } from "@/lib/data/people";

import { useDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { rowsOf } from "./support/fingerprint";

const SERVING = "flexible-highly-available-deployment.uses-advanced-model-serving-solutions";
const need = (skill: string, level: number, interested = false) =>
  `${DEFAULT_FRAMEWORK_KEY}/${skill}~${level}${interested ? "~i" : ""}`;
let queries = 0;

describeOnEachEngine(
  "find people",
  ({ handle }) => {
    const demo = useDemoOrg(handle, {
      admin: "mei-ling.chen@acme.test",
      lead: "priya.nair@acme.test",
      member: "hana.sato@acme.test",
    });

    /** Who meets "≥ level on skill (and interested)" the obvious way: effective = validated, else self. */
    async function metInSql(skill: string, level: number, interested: boolean): Promise<string[]> {
      const rows = rowsOf(
        await handle().db.execute(sql`
          select u.id from users u
          left join ratings_current m on m.user_id = u.id and m.skill_key = ${skill} and m.rater_kind = 'manager'
          left join ratings_current s on s.user_id = u.id and s.skill_key = ${skill} and s.rater_kind = 'self'
          where not u.disabled
            and coalesce(case when m.not_applicable then null else m.proficiency end,
                         case when s.not_applicable then null else s.proficiency end) >= ${level}
            and (${!interested} or coalesce(s.interest, 0) >= 1)`),
      );
      return rows.map((r) => String(r.id)).sort();
    }

    it("finds exactly who meets each requirement, as SQL counts them, best first", async () => {
      const catalogue = await readCatalogue("en");
      let someoneMet = 0;
      for (const skill of catalogue.skills) {
        for (const [level, interested] of [
          [3, true],
          [2, false],
        ] as const) {
          const view = await findPeople(demo.lead, { r: need(skill.skillKey, level, interested) }, { locale: "en" });
          const met = view.rows.filter((r) => r.cells[0]!.met).map((r) => r.person.id);
          expect([...met].sort(), `${skill.skillKey} ≥ ${level}`).toEqual(
            await metInSql(skill.skillKey, level, interested),
          );
          const scores = view.rows.map((r) => r.score);
          expect(scores).toEqual([...scores].sort((a, b) => b - a));
          someoneMet += met.length;
        }
      }
      expect(someoneMet).toBeGreaterThan(0);
    });

    it("never lists a disabled person", async () => {
      const before = await findPeople(demo.admin, { r: need(SERVING, 1) }, { locale: "en" });
      const someone = before.rows.find((r) => r.person.id !== demo.admin.id)!.person.id;
      await handle().db.update(users).set({ disabled: true }).where(eq(users.id, someone));
      try {
        const after = await findPeople(demo.admin, { r: need(SERVING, 1) }, { locale: "en" });
        expect(after.rows.map((r) => r.person.id)).not.toContain(someone);
        expect(after.total).toBe(before.total - 1);
      } finally {
        await handle().db.update(users).set({ disabled: false }).where(eq(users.id, someone));
      }
    });

    it("lets admins, managers and leads search; members only when the org allows it", async () => {
      const q = { r: need(SERVING, 3) };
      await expect(findPeople(null, q, { locale: "en" })).rejects.toMatchObject({ code: "unauthenticated" });
      await expect(findPeople(demo.member, q, { locale: "en" })).rejects.toMatchObject({ code: "forbidden" });
      const manager = (await loadViewer(demoUserId("alex.wang@acme.test")))!;
      for (const v of [demo.admin, demo.lead, manager])
        await expect(findPeople(v, q, { locale: "en" })).resolves.toBeTruthy();
      await handle().db.insert(orgSettings).values({ key: "membersMayFindPeople", value: true });
      try {
        const view = await findPeople(demo.member, q, { locale: "en" });
        expect(view.rows.length).toBeGreaterThan(0);
        // A member may search but opens only their own page: every other name is plain text, not a link that refuses.
        expect(view.mayOpen).toEqual(view.rows.map((r) => r.person.id === demo.member.id));
        // Results carry values and flags, never anyone's evidence notes.
        expect(JSON.stringify(view.rows)).not.toMatch(/evidence|comment/i);
      } finally {
        await handle().db.delete(orgSettings).where(eq(orgSettings.key, "membersMayFindPeople"));
      }
    });

    it("refuses malformed requirements and skills no published roadmap has, with a clear error", async () => {
      for (const r of [
        "nope",
        need(SERVING, 5),
        `${DEFAULT_FRAMEWORK_KEY}/no-such-skill~3`,
        [need(SERVING, 3), need(SERVING, 2)],
      ]) {
        await expect(findPeople(demo.admin, { r }, { locale: "en" })).rejects.toMatchObject({ code: "invalid" });
      }
      await expect(findPeople(demo.admin, { r: need(SERVING, 3), team: "x" }, { locale: "en" })).rejects.toMatchObject({
        code: "invalid",
      });
    });

    it("filters by team and by 'only validated'", async () => {
      const all = await findPeople(demo.admin, { r: need(SERVING, 2) }, { locale: "en" });
      const team = all.teams[0]!;
      const inTeam = await findPeople(demo.admin, { r: need(SERVING, 2), team: team.id }, { locale: "en" });
      expect(inTeam.rows.length).toBeGreaterThan(0);
      expect(inTeam.rows.every((r) => r.person.teams.some((x) => x.id === team.id))).toBe(true);
      const validated = await findPeople(demo.admin, { r: need(SERVING, 2), validated: "1" }, { locale: "en" });
      expect(validated.rows.every((r) => r.cells.every((c) => c.source !== "self"))).toBe(true);
    });

    it("typing 'kubernetes' finds every published skill that mentions it, in either language", async () => {
      const catalogue = await readCatalogue("zh-TW");
      const found = catalogue.skills.filter((s) => matchesQuery(s.searchText, "kubernetes")).map((s) => s.skillKey);
      const rows = rowsOf(
        await handle().db.execute(sql`
          select s.key from skills s join framework_versions v on v.id = s.framework_version_id
          where v.status = 'published' and s.retired_at is null
            and (s.name_en || ' ' || s.name_zh || ' ' || s.description_en || ' ' || s.description_zh) ilike '%kubernetes%'`),
      );
      const expected = rows.map((r) => String(r.key)).sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(found.sort()).toEqual(expected);
    });

    it("reads in a constant number of queries, whatever the number of requirements", async () => {
      const count = async (r: string[]) => {
        queries = 0;
        await findPeople(demo.admin, { r }, { locale: "en" });
        return queries;
      };
      const catalogue = await readCatalogue("en");
      const keys = catalogue.skills.slice(0, 5).map((s) => s.skillKey);
      const one = await count([need(keys[0]!, 3)]);
      const five = await count(keys.map((k) => need(k, 3)));
      expect(five).toBe(one);
      expect(one).toBeLessThanOrEqual(7);
      // The same search again, nothing written since: from the payload cache (the settings and the data stamp).
      expect(await count(keys.map((k) => need(k, 3)))).toBe(2);
    });
  },
  { onQuery: () => queries++ },
);
