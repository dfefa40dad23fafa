import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";

import { ratings, teamMembers, teams, users } from "@/db/schema";
import { demoTeamId, demoUserId } from "@/db/seed/demo";
import { decodeValue } from "@/lib/analytics/matrix";
import {
  getOrgHeatmap,
  getOrgHeatmapJson,
  getTeamHeatmap,
  getTeamHeatmapJson,
  type HeatmapDto,
} from "@/lib/data/heatmap";
import { addQuarters, quarterEnd, quarterOf } from "@/lib/quarters";

import { useDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { rowsOf } from "./support/fingerprint";

let queries = 0;

describeOnEachEngine(
  "team heatmap data",
  ({ handle }) => {
    const demo = useDemoOrg(handle, { alex: "alex.wang@acme.test", admin: "mei-ling.chen@acme.test" });

    /** The same matrix computed the slow, obvious way from every rating row. */
    async function bruteForce(dto: HeatmapDto, asOf: Date) {
      const all = rowsOf(
        await handle().db.execute(
          sql`select id, user_id, skill_key, rater_kind, proficiency, not_applicable, rated_at from ratings`,
        ),
      ) as {
        id: number;
        user_id: string;
        skill_key: string;
        rater_kind: string;
        proficiency: number | null;
        not_applicable: boolean;
        rated_at: string | Date;
      }[];
      const pickLatest = (userId: string, skill: string, kind: string) => {
        let best: (typeof all)[number] | null = null;
        for (const r of all) {
          if (r.user_id !== userId || r.skill_key !== skill || r.rater_kind !== kind || new Date(r.rated_at) > asOf)
            continue;
          if (
            !best ||
            new Date(r.rated_at) > new Date(best.rated_at) ||
            (+new Date(r.rated_at) === +new Date(best.rated_at) && Number(r.id) > Number(best.id))
          )
            best = r;
        }
        return best === null ? -1 : best.not_applicable ? -2 : best.proficiency!;
      };
      const self: number[] = [];
      const validated: number[] = [];
      for (const m of dto.members)
        for (const s of dto.skills) {
          self.push(pickLatest(m.id, s.key, "self"));
          validated.push(pickLatest(m.id, s.key, "manager"));
        }
      return { self, validated };
    }
    const decoded = (s: string) => [...s].map(decodeValue);

    it("equals a brute-force computation from the ratings table, now and as of a past quarter", async () => {
      for (const quarter of [null, addQuarters(quarterOf(new Date()), -2)]) {
        const dto = await getTeamHeatmap(demo.alex, { teamId: demoTeamId("ml-platform"), quarter }, { locale: "en" });
        expect(dto.members).toHaveLength(9);
        expect(dto.skills).toHaveLength(33);
        const expected = await bruteForce(dto, quarter ? quarterEnd(quarter) : new Date());
        expect(decoded(dto.self)).toEqual(expected.self);
        expect(decoded(dto.validated)).toEqual(expected.validated);
      }
    });

    it("shows a past quarter as it stood: later ratings do not change it", async () => {
      const past = addQuarters(quarterOf(new Date()), -1);
      const before = await getTeamHeatmap(
        demo.alex,
        { teamId: demoTeamId("ml-platform"), quarter: past },
        { locale: "en" },
      );
      await handle()
        .db.insert(ratings)
        .values({
          userId: demoUserId("hana.sato@acme.test"),
          raterId: demoUserId("hana.sato@acme.test"),
          raterKind: "self",
          frameworkId: (await handle().db.select({ id: teams.frameworkId }).from(teams).limit(1))[0]!.id,
          skillKey: "environments-and-version-control.uses-git-for-version-control",
          proficiency: 0,
          quarter: quarterOf(new Date()),
        });
      const after = await getTeamHeatmap(
        demo.alex,
        { teamId: demoTeamId("ml-platform"), quarter: past },
        { locale: "en" },
      );
      expect(after.self).toBe(before.self);
      const now = await getTeamHeatmap(demo.alex, { teamId: demoTeamId("ml-platform") }, { locale: "en" });
      expect(now.self).not.toBe(before.self);
    });

    it("reads a team in a constant number of queries, whatever its size", async () => {
      // A second team four times bigger than ML Platform, with ratings for everyone.
      const db = handle().db;
      const [ml] = await db
        .select()
        .from(teams)
        .where(sql`${teams.id} = ${demoTeamId("ml-platform")}`);
      const [big] = await db
        .insert(teams)
        .values({ name: "Big team", frameworkId: ml!.frameworkId, frameworkVersionId: ml!.frameworkVersionId })
        .returning();
      const people = await db
        .insert(users)
        .values(Array.from({ length: 36 }, (_, i) => ({ email: `big${i}@acme.test`, name: `Big ${i}` })))
        .returning();
      await db.insert(teamMembers).values(people.map((p) => ({ teamId: big!.id, userId: p.id })));
      await db.insert(ratings).values(
        people.flatMap((p) =>
          [
            "environments-and-version-control.uses-git-for-version-control",
            "model-management.designs-model-naming-conventions-and",
          ].map((skillKey, i) => ({
            userId: p.id,
            raterId: p.id,
            raterKind: "self" as const,
            frameworkId: ml!.frameworkId,
            skillKey,
            proficiency: (i + p.name.length) % 5,
            quarter: quarterOf(new Date()),
            requestId: randomUUID(),
          })),
        ),
      );
      const count = async (teamId: string) => {
        queries = 0;
        const dto = await getTeamHeatmap(demo.admin, { teamId }, { locale: "en" });
        return { queries, members: dto.members.length };
      };
      const small = await count(demoTeamId("ml-platform"));
      const large = await count(big!.id);
      expect(large.members).toBe(36);
      expect(small.members).toBe(9);
      expect(large.queries).toBe(small.queries);
      expect(small.queries).toBeLessThanOrEqual(10);
    });

    it("builds the org heatmap with every team's members, grouped by team", async () => {
      const dto = (await getOrgHeatmap(demo.admin, {}, { locale: "en" }))!;
      expect(dto.scope).toMatchObject({ kind: "org" });
      const teamsSeen = [...new Set(dto.members.map((m) => m.teamName))];
      expect(teamsSeen).toEqual([...teamsSeen].sort());
      expect(teamsSeen).toContain("ML Platform");
      expect(dto.self.length).toBe(dto.members.length * dto.skills.length);
    });

    it("serves the API payload from the cache until anything changes, whoever wrote it", async () => {
      const teamId = demoTeamId("ml-platform");
      const read = async () => {
        queries = 0;
        const json = await getTeamHeatmapJson(demo.alex, { teamId }, { locale: "en" });
        return {
          data: JSON.parse(json) as HeatmapDto & {
            canEdit: boolean;
            coverage: { rated: number[] };
            priorities: unknown[];
          },
          queries,
        };
      };
      const first = await read();
      expect(first.data.canEdit).toBe(true);
      expect(first.data.coverage.rated).toHaveLength(first.data.skills.length);
      expect(first.data.priorities.length).toBeGreaterThan(0);
      const second = await read();
      expect(second.data).toEqual(first.data);
      expect(second.queries).toBe(1); // only the data stamp

      // Another instance (or a loader) writes a rating straight into the database.
      const m = first.data.members.findIndex((x) => x.name === "Yu-Ting Tsai");
      const s = first.data.skills.findIndex(
        (x) => x.key === "environments-and-version-control.uses-git-for-version-control",
      );
      const cell = m * first.data.skills.length + s;
      const next = decodeValue(first.data.self[cell]) === 4 ? 1 : 4;
      const member = first.data.members[m]!;
      await handle()
        .db.insert(ratings)
        .values({
          userId: member.id,
          raterId: member.id,
          raterKind: "self",
          frameworkId: (
            await handle()
              .db.select({ id: teams.frameworkId })
              .from(teams)
              .where(sql`${teams.id} = ${teamId}`)
          )[0]!.id,
          skillKey: first.data.skills[s]!.key,
          proficiency: next,
          interest: 1,
          quarter: quarterOf(new Date()),
          ratedAt: new Date(),
        });
      const third = await read();
      expect(third.queries).toBeGreaterThan(1);
      expect(decodeValue(third.data.self[cell])).toBe(next);
      // The org payload sees it too.
      const org = JSON.parse(await getOrgHeatmapJson(demo.admin, {}, { locale: "en" })) as HeatmapDto;
      const row = org.members.findIndex((x) => x.id === member.id && x.teamId === teamId);
      expect(
        decodeValue(
          org.self[row * org.skills.length + org.skills.findIndex((x) => x.key === first.data.skills[s]!.key)],
        ),
      ).toBe(next);
    });

    it("refuses a malformed quarter and unknown teams", async () => {
      await expect(
        getTeamHeatmap(demo.alex, { teamId: demoTeamId("ml-platform"), quarter: "2026-Q9" }, { locale: "en" }),
      ).rejects.toMatchObject({ code: "invalid" });
      await expect(getTeamHeatmap(demo.admin, { teamId: randomUUID() }, { locale: "en" })).rejects.toMatchObject({
        code: "not_found",
      });
    });
  },
  { onQuery: () => queries++ },
);
