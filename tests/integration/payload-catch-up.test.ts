import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";

import { ratings } from "@/db/schema";
import { demoTeamId } from "@/db/seed/demo";
import { DEFAULT_FRAMEWORK_KEY } from "@/db/seed/framework";
import { stableUuid } from "@/db/seed/ids";
import { createDraft, moveDraftSkill, publishDraft } from "@/lib/data/framework-admin";
import {
  getOrgHeatmap,
  getOrgHeatmapJson,
  getTeamHeatmapData,
  getTeamHeatmapJson,
  type HeatmapDto,
  type TeamHeatmapDataDto,
} from "@/lib/data/heatmap";
import { saveSelfRating, validateRating } from "@/lib/data/ratings";
import { removeTeamMember, updateTeamMember } from "@/lib/data/team-admin";
import { moveTeamsToLatestVersion } from "@/lib/data/team-versions";
import { setUserDisabled } from "@/lib/data/users";
import { addQuarters, quarterOf } from "@/lib/quarters";
import { MAX_CATCH_UP_RATINGS } from "@/lib/server/payload-cache";

import { useDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { rowsOf } from "./support/fingerprint";

// The cached heatmap payloads catch up with rating saves instead of being
// rebuilt (lib/data/heatmap-payload.ts), and are rebuilt after anything else.
// After every kind of change, made as another instance would make it (through
// the database), the cached payload must equal one built from scratch.

const GIT = "environments-and-version-control.uses-git-for-version-control";
const mlopsId = stableUuid("framework", DEFAULT_FRAMEWORK_KEY);
let queries = 0;

describeOnEachEngine(
  "cached heatmap payloads after each kind of write",
  ({ handle }) => {
    const demo = useDemoOrg(handle, {
      admin: "mei-ling.chen@acme.test",
      alex: "alex.wang@acme.test",
      priya: "priya.nair@acme.test",
      sofia: "sofia.rossi@acme.test",
      omar: "omar.haddad@acme.test",
      ravi: "ravi.patel@acme.test",
    });
    const mlPlatform = demoTeamId("ml-platform");
    const appliedMl = demoTeamId("applied-ml");

    /** The cached org payload, with the queries it took; and the same payload built from scratch. */
    async function orgCachedAndFresh(quarter?: string) {
      queries = 0;
      const cached = JSON.parse(await getOrgHeatmapJson(demo.admin, { quarter }, { locale: "en" })) as HeatmapDto;
      const took = queries;
      const fresh = JSON.parse(
        JSON.stringify(await getOrgHeatmap(demo.admin, { quarter }, { locale: "en" })),
      ) as HeatmapDto;
      // A live payload's asOf is when it was built ("now" then); everything else must be equal.
      const comparable = ({ asOf, ...rest }: HeatmapDto) => (quarter ? { asOf, ...rest } : rest);
      return { cached: comparable(cached), fresh: comparable(fresh), queries: took };
    }

    async function teamCachedAndFresh(teamId: string) {
      queries = 0;
      const cached = JSON.parse(
        await getTeamHeatmapJson(demo.admin, { teamId }, { locale: "en" }),
      ) as TeamHeatmapDataDto;
      const took = queries;
      const fresh = await getTeamHeatmapData(demo.admin, { teamId }, { locale: "en" });
      const matrixOf = (d: TeamHeatmapDataDto) => ({
        members: d.members.map((m) => [m.id, m.levelPosition]),
        self: d.self,
        validated: d.validated,
        interest: d.interest,
        ratedQuarter: d.ratedQuarter,
        coverage: d.coverage,
        targets: d.targets,
        priorities: d.priorities,
        selfRatedThisQuarter: d.selfRatedThisQuarter,
      });
      return { cached: matrixOf(cached), fresh: matrixOf(fresh), queries: took };
    }

    const selfRate = (who: keyof typeof demo, value: number) =>
      saveSelfRating(demo[who], { skillKey: GIT, value, interest: 1, requestId: randomUUID() });

    it("a rating saved: the org payload re-reads only the cells rated since; another team's payload stays as it was", async () => {
      await orgCachedAndFresh();
      await teamCachedAndFresh(appliedMl);
      await teamCachedAndFresh(mlPlatform);
      await selfRate("sofia", 3); // Sofia is in ML Platform
      await selfRate("sofia", 2);

      const org = await orgCachedAndFresh();
      expect(org.cached).toEqual(org.fresh);
      // The data stamp, "only ratings were written?", and the cells rated since: no rebuild.
      expect(org.queries).toBe(3);
      const other = await teamCachedAndFresh(appliedMl);
      expect(other.cached).toEqual(other.fresh);
      expect(other.queries).toBe(3); // the stamp, the check, who rated: nobody of this team
      // Her team's: the cells rated since, and its members' progress this quarter; the rest is computed again in memory.
      const own = await teamCachedAndFresh(mlPlatform);
      expect(own.cached).toEqual(own.fresh);
      expect(own.queries).toBe(5);
    });

    it("a validation by a lead shows in the org payload and the team's", async () => {
      await orgCachedAndFresh();
      await teamCachedAndFresh(mlPlatform);
      await validateRating(demo.alex, {
        teamId: mlPlatform,
        userId: demo.sofia.id,
        skillKey: GIT,
        proficiency: 1,
        comment: "",
        requestId: randomUUID(),
      });
      const org = await orgCachedAndFresh();
      expect(org.cached).toEqual(org.fresh);
      expect(org.queries).toBe(3);
      const team = await teamCachedAndFresh(mlPlatform);
      expect(team.cached).toEqual(team.fresh);
      expect(team.queries).toBe(5);
    });

    it("a rating that commits after a newer one (ids out of order) is still caught", async () => {
      await orgCachedAndFresh();
      const [top] = rowsOf(await handle().db.execute(sql`select max(id)::int as max from ratings`)) as {
        max: number;
      }[];
      const max = top!.max;
      // Ids chosen by hand, as two transactions that took their ids in one order and committed in the other.
      const insert = (id: number, userId: string, proficiency: number) =>
        handle().db.execute(sql`insert into ${ratings}
          (id, user_id, rater_id, rater_kind, framework_id, skill_key, proficiency, not_applicable, interest, quarter, rated_at)
          overriding system value values (${id}, ${userId}, ${userId}, 'self', ${mlopsId}, ${GIT}, ${proficiency}, false, 1, ${quarterOf(new Date())}, now())`);
      // The newer one lands first and a reader catches up to it...
      await insert(max + 10, demo.omar.id, 4);
      expect((await orgCachedAndFresh()).queries).toBe(3);
      // ...then the older one commits, followed by another save.
      await insert(max + 5, demo.ravi.id, 0);
      await insert(max + 11, demo.omar.id, 3);
      const org = await orgCachedAndFresh();
      expect(org.cached).toEqual(org.fresh);
      // Later inserts take their ids from the sequence again: move it past the ids chosen by hand.
      await handle().db.execute(
        sql`select nextval(pg_get_serial_sequence('ratings', 'id')) from generate_series(1, 11)`,
      );
    });

    it("ratings loaded in bulk since the stamp (no audit rows) rebuild the payload instead of catching up", async () => {
      await orgCachedAndFresh();
      const org = (await getOrgHeatmap(demo.admin, {}, { locale: "en" }))!;
      const skillKeys = org.skills.map((s) => s.key);
      const cells = org.members.flatMap((m) => skillKeys.map((k) => ({ userId: m.id, skillKey: k })));
      const rows = Array.from({ length: MAX_CATCH_UP_RATINGS + 1 }, (_, i) => cells[i % cells.length]!);
      await handle()
        .db.insert(ratings)
        .values(
          rows.map((c, i) => ({
            userId: c.userId,
            raterId: c.userId,
            raterKind: "self" as const,
            frameworkId: mlopsId,
            skillKey: c.skillKey,
            proficiency: i % 5,
            interest: 1,
            quarter: quarterOf(new Date()),
            ratedAt: new Date(),
          })),
        );
      const after = await orgCachedAndFresh();
      expect(after.cached).toEqual(after.fresh);
      expect(after.queries).toBeGreaterThan(3); // rebuilt
    });

    it("a past quarter's payloads stay as they were after rating saves", async () => {
      const lastQuarter = addQuarters(quarterOf(new Date()), -1);
      await orgCachedAndFresh(lastQuarter);
      await selfRate("omar", 1);
      const org = await orgCachedAndFresh(lastQuarter);
      expect(org.cached).toEqual(org.fresh);
      expect(org.queries).toBe(2); // the stamp and the check: ratings saved now are after that quarter
    });

    for (const { change, write, shows = true } of [
      {
        change: "a level changed",
        write: () =>
          updateTeamMember(demo.admin, { teamId: mlPlatform, userId: demo.sofia.id, currentLevelKey: "senior" }),
      },
      {
        change: "a member removed",
        write: async () => {
          const team = await getTeamHeatmapData(demo.admin, { teamId: appliedMl }, { locale: "en" });
          await removeTeamMember(demo.admin, { teamId: appliedMl, userId: team.members.at(-1)!.id });
        },
      },
      {
        change: "a person disabled",
        write: () => setUserDisabled(demo.admin, { userId: demo.omar.id, disabled: true }),
        // The heatmap shows the same (a disabled person keeps their ratings); the stamp changed, so it was rebuilt.
        shows: false,
      },
      {
        change: "the teams moved to a new roadmap version",
        write: async () => {
          await createDraft(demo.admin, { frameworkId: mlopsId });
          await moveDraftSkill(demo.admin, { frameworkId: mlopsId, skillKey: GIT, direction: "down" });
          await publishDraft(demo.admin, { frameworkId: mlopsId });
          expect((await moveTeamsToLatestVersion(demo.admin, { frameworkId: mlopsId })).moved).toBeGreaterThan(0);
        },
      },
    ]) {
      it(`${change}: the payloads are rebuilt`, async () => {
        const beforeOrg = await orgCachedAndFresh();
        await teamCachedAndFresh(mlPlatform);
        await write();
        const org = await orgCachedAndFresh();
        expect(org.cached).toEqual(org.fresh);
        if (shows) expect(org.cached).not.toEqual(beforeOrg.cached);
        expect(org.queries).toBeGreaterThan(3);
        const team = await teamCachedAndFresh(mlPlatform);
        expect(team.cached).toEqual(team.fresh);
      });
    }
  },
  { onQuery: () => queries++ },
);
