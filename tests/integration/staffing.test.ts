import { and, eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";

import { auditEvents, staffingPlans } from "@/db/schema";
import { DEFAULT_FRAMEWORK_KEY } from "@/db/seed/framework";
import { readCatalogue } from "@/lib/data/people";
import { listStaffingPlans, proposeProjectStaffing, saveStaffingPlan } from "@/lib/data/staffing";

import { useDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { rowsOf, tableFingerprint } from "./support/fingerprint";

const need = (skill: string, level: number, count: number) => `${DEFAULT_FRAMEWORK_KEY}/${skill}~${level}~${count}`;
let queries = 0;

describeOnEachEngine(
  "staffing a project",
  ({ handle }) => {
    const demo = useDemoOrg(handle, {
      admin: "mei-ling.chen@acme.test",
      alex: "alex.wang@acme.test", // leads ML Platform
      priya: "priya.nair@acme.test", // leads Applied ML
      member: "hana.sato@acme.test",
    });

    /** Effective proficiency (validated, else self) of everyone not disabled, straight from SQL. */
    async function effective(skill: string): Promise<Map<string, number>> {
      const rows = rowsOf(
        await handle().db.execute(sql`
          select u.id, coalesce(case when m.not_applicable then null else m.proficiency end,
                                case when s.not_applicable then null else s.proficiency end) as p
          from users u
          left join ratings_current m on m.user_id = u.id and m.skill_key = ${skill} and m.rater_kind = 'manager'
          left join ratings_current s on s.user_id = u.id and s.skill_key = ${skill} and s.rater_kind = 'self'
          where not u.disabled`),
      );
      return new Map(rows.filter((r) => r.p !== null).map((r) => [String(r.id), Number(r.p)]));
    }

    /** Every live target need of every team: does it break if these people leave? Recomputed in SQL terms. */
    async function brokenNeeds(leaving: Set<string>): Promise<string[]> {
      const needs = rowsOf(
        await handle().db.execute(sql`
          select tt.id as target, t.id as team, s.key as skill, tt.required_proficiency as level, tt.required_headcount as n
          from team_targets tt join teams t on t.id = tt.team_id and t.archived_at is null
          left join platform_capabilities pc on tt.kind = 'capability' and pc.framework_version_id = t.framework_version_id and pc.key = tt.capability_key
          left join capability_skills cs on cs.capability_id = pc.id
          join skills s on s.framework_version_id = t.framework_version_id and s.retired_at is null
            and ((tt.kind = 'capability' and s.id = cs.skill_id) or (tt.kind = 'skill' and s.key = tt.skill_key))
          where tt.archived_at is null`),
      );
      const members = rowsOf(await handle().db.execute(sql`select team_id, user_id from team_members`));
      const broken: string[] = [];
      for (const n of needs) {
        const eff = await effective(String(n.skill));
        const inTeam = members.filter((m) => m.team_id === n.team).map((m) => String(m.user_id));
        const holders = inTeam.filter((u) => (eff.get(u) ?? 0) >= Number(n.level));
        const after = holders.filter((u) => !leaving.has(u));
        if (holders.length >= Number(n.n) && after.length < Number(n.n)) broken.push(`${n.target}/${n.skill}`);
      }
      return broken;
    }

    it("proposes people who meet the requirements, breaking no home-team target by default, and says what harm would cost", async () => {
      const catalogue = await readCatalogue("en");
      let harmfulSeen = 0;
      for (const skill of catalogue.skills.slice(0, 24)) {
        const r = need(skill.skillKey, 3, 2);
        const view = await proposeProjectStaffing(demo.admin, { r }, { locale: "en" });
        const p = view.result!.proposal;
        const eff = await effective(skill.skillKey);
        for (const pick of p.picks) expect(eff.get(pick.person.id) ?? 0).toBeGreaterThanOrEqual(3);
        const qualified = [...eff.values()].filter((v) => v >= 3).length;
        expect(p.coverage[0]!.have).toBe(p.picks.length);
        if (p.short.length === 0) expect(p.picks).toHaveLength(2);
        else expect(p.short[0]!.missing).toBe(2 - p.picks.length);
        expect(p.harmless).toBe(true);
        if (p.picks.length > 0) expect(await brokenNeeds(new Set(p.picks.map((x) => x.person.id)))).toEqual([]);
        if (view.result!.withHarm) {
          harmfulSeen++;
          const h = view.result!.withHarm;
          expect(h.coverage[0]!.have).toBeGreaterThan(p.coverage[0]!.have);
          expect(h.coverage[0]!.have).toBeLessThanOrEqual(Math.min(2, qualified));
          const broken = await brokenNeeds(new Set(h.picks.map((x) => x.person.id)));
          expect(broken.length).toBeGreaterThan(0);
          expect(h.picks.flatMap((x) => x.impact.filter((i) => i.breaks)).length).toBeGreaterThan(0);
        }
      }
      expect(harmfulSeen).toBeGreaterThan(0);
    });

    it("lets admins, managers and leads stage projects, never members", async () => {
      const skill = (await readCatalogue("en")).skills[0]!.skillKey;
      const q = { r: need(skill, 2, 1) };
      await expect(proposeProjectStaffing(null, q, { locale: "en" })).rejects.toMatchObject({
        code: "unauthenticated",
      });
      await expect(proposeProjectStaffing(demo.member, q, { locale: "en" })).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(listStaffingPlans(demo.member)).rejects.toMatchObject({ code: "forbidden" });
      await expect(proposeProjectStaffing(demo.alex, q, { locale: "en" })).resolves.toBeTruthy();
    });

    it("saves a plan with its audit row; leads of the teams people come from see it, other leads do not", async () => {
      const catalogue = await readCatalogue("en");
      // A skill whose proposal takes someone from ML Platform but nobody from Applied ML.
      let chosen: { query: string; teams: string[] } | null = null;
      for (const skill of catalogue.skills) {
        const r = need(skill.skillKey, 2, 1);
        const view = await proposeProjectStaffing(demo.admin, { r, exclude: demo.priya.leadTeamIds }, { locale: "en" });
        const teams = view.result!.proposal.teamIds;
        if (teams.includes(demo.alex.leadTeamIds[0]!)) {
          chosen = {
            query: new URLSearchParams([
              ["r", r],
              ["exclude", demo.priya.leadTeamIds[0]!],
            ]).toString(),
            teams,
          };
          break;
        }
      }
      expect(chosen).not.toBeNull();
      const before = await tableFingerprint(handle().db);
      await expect(saveStaffingPlan(demo.admin, { name: "  ", query: chosen!.query })).rejects.toMatchObject({
        code: "invalid",
      });
      await expect(saveStaffingPlan(demo.member, { name: "x", query: chosen!.query })).rejects.toMatchObject({
        code: "forbidden",
      });
      expect(await tableFingerprint(handle().db)).toEqual(before);
      const { id } = await saveStaffingPlan(demo.admin, { name: "Serving squad", query: chosen!.query });
      const [plan] = await handle().db.select().from(staffingPlans).where(eq(staffingPlans.id, id));
      expect(plan!.teamIds).toEqual(chosen!.teams);
      const audit = await handle()
        .db.select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "staffing_plan.saved")));
      expect(audit).toHaveLength(1);
      expect((await listStaffingPlans(demo.alex)).map((p) => p.id)).toContain(id);
      expect((await listStaffingPlans(demo.priya)).map((p) => p.id)).not.toContain(id);
      expect((await listStaffingPlans(demo.admin)).find((p) => p.id === id)!.href).toContain("exclude=");
    });

    it("reads in a constant number of queries, whatever the number of requirements", async () => {
      const skills = (await readCatalogue("en")).skills.slice(0, 6).map((s) => s.skillKey);
      const count = async (r: string[]) => {
        queries = 0;
        await proposeProjectStaffing(demo.admin, { r }, { locale: "en" });
        return queries;
      };
      const one = await count([need(skills[0]!, 3, 2)]);
      const six = await count(skills.map((k) => need(k, 3, 2)));
      expect(six).toBe(one);
      expect(one).toBeLessThanOrEqual(7);
    });
  },
  { onQuery: () => queries++ },
);
