import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";

import { MIGRATIONS_FOLDER } from "@/db/migrate";
import { latestRatings } from "@/db/queries/latest-ratings";
import { ratings } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { demoUserId } from "@/db/seed/demo";
import { DEMO_PEOPLE, NOBODY_SKILLS, SINGLE_HOLDER_SKILLS } from "@/db/seed/demo-people";
import { DEFAULT_FRAMEWORK_KEY } from "@/db/seed/framework";
import { stableUuid } from "@/db/seed/ids";

import { describeOnEachEngine } from "./support/engines";
import { rowsOf, tableFingerprint, TABLES } from "./support/fingerprint";

/** Drizzle wraps driver errors ("Failed query: ..."); the reason is in the cause. */
async function rejectionMessage(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    const err = e as Error & { cause?: Error };
    return `${err.message} ${err.cause?.message ?? ""}`;
  }
  throw new Error("expected the statement to be rejected");
}

describeOnEachEngine(
  "migrations",
  ({ handle, migrate }) => {
    it("apply to an empty database and create every table", async () => {
      const db = handle().db;
      const before = rowsOf(
        await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public'`),
      );
      expect(before).toHaveLength(0);
      await migrate();
      const after = rowsOf(
        await db.execute(
          sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
        ),
      ).map((r) => r.table_name);
      expect(after).toEqual(TABLES);
    });

    it("are idempotent: applying them again changes nothing", async () => {
      const count = async () =>
        rowsOf(await handle().db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`))[0]!.n;
      const applied = await count();
      const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
        entries: unknown[];
      };
      expect(applied).toBe(journal.entries.length);
      await migrate();
      expect(await count()).toBe(applied);
    });
  },
  { migrate: false },
);

const NOW = new Date("2026-11-26T10:00:00Z");

describeOnEachEngine("seeding", ({ handle }) => {
  it("installs the default framework and the demo organisation", async () => {
    const result = await seedDatabase(handle().db, { demo: true, now: NOW });
    expect(result.frameworkInserted).toBe(true);
    expect(result.demoRowsInserted).toBeGreaterThan(3000);

    const counts = rowsOf(
      await handle().db.execute(sql`select
        (select count(*)::int from levels) as levels,
        (select count(*)::int from categories) as categories,
        (select count(*)::int from skills) as skills,
        (select count(*)::int from platform_capabilities) as capabilities,
        (select count(*)::int from skills where name_zh = '' or name_en = '') as untranslated,
        (select count(*)::int from users) as users,
        (select count(*)::int from teams) as teams,
        (select count(*)::int from team_members where is_lead) as leads,
        (select count(distinct quarter)::int from ratings) as quarters`),
    )[0];
    expect(counts).toEqual({
      levels: 3,
      categories: 15,
      skills: 33,
      capabilities: 10,
      untranslated: 0,
      users: DEMO_PEOPLE.length,
      teams: 3,
      leads: 3,
      quarters: 4,
    });
  });

  it("changes nothing when run a second time", async () => {
    const before = await tableFingerprint(handle().db);
    const result = await seedDatabase(handle().db, { demo: true, now: NOW });
    expect(result).toEqual({ frameworkInserted: false, demoRowsInserted: 0 });
    expect(await tableFingerprint(handle().db)).toEqual(before);
  });

  it("produces the demo's shapes: skills nobody holds, single holders, interest without proficiency", async () => {
    const frameworkId = stableUuid("framework", DEFAULT_FRAMEWORK_KEY);
    const latest = (
      await latestRatings(handle().db, { frameworkId, asOf: NOW, members: sql`select id from users` })
    ).filter((r) => r.raterKind === "self");
    const holders = (skillKey: string) =>
      new Set(latest.filter((r) => r.skillKey === skillKey && (r.proficiency ?? 0) >= 3).map((r) => r.userId));
    for (const key of NOBODY_SKILLS) expect(holders(key).size).toBe(0);
    for (const [key, email] of Object.entries(SINGLE_HOLDER_SKILLS))
      expect([...holders(key)]).toEqual([demoUserId(email)]);
    expect(latest.some((r) => r.interest === 2 && (r.proficiency ?? 0) <= 1)).toBe(true);
    expect(latest.some((r) => r.notApplicable)).toBe(true);
    const spread = new Set(latest.map((r) => r.proficiency));
    expect([...spread].filter((p) => p !== null).sort()).toEqual([0, 1, 2, 3, 4]);
  });
});

describeOnEachEngine("rating history", ({ handle, owner }) => {
  it("a new rating adds a history row and never rewrites the old one", async () => {
    const db = handle().db;
    await seedDatabase(db, { demo: true, now: NOW });
    const frameworkId = stableUuid("framework", DEFAULT_FRAMEWORK_KEY);
    const userId = demoUserId("hana.sato@acme.test");
    const skillKey = "environments-and-version-control.uses-git-for-version-control";
    const history = () =>
      db.execute(
        sql`select id, proficiency, rated_at from ratings where user_id = ${userId} and skill_key = ${skillKey} and rater_kind = 'self' order by id`,
      );
    const before = rowsOf(await history());
    expect(before.length).toBeGreaterThan(0);

    const ratedAt = new Date(NOW.getTime() + 60_000);
    await db.insert(ratings).values({
      userId,
      frameworkId,
      skillKey,
      raterKind: "self",
      raterId: userId,
      proficiency: 4,
      interest: 1,
      quarter: "2026-Q4",
      ratedAt,
    });
    const after = rowsOf(await history());
    expect(after).toHaveLength(before.length + 1);
    expect(after.slice(0, before.length)).toEqual(before);

    const [current] = (
      await latestRatings(db, { frameworkId, asOf: ratedAt, members: sql`select ${userId}::uuid` })
    ).filter((r) => r.skillKey === skillKey && r.raterKind === "self");
    expect(current?.proficiency).toBe(4);
    // As of just before, the previous rating still stands.
    const [previous] = (
      await latestRatings(db, {
        frameworkId,
        asOf: new Date(ratedAt.getTime() - 1),
        members: sql`select ${userId}::uuid`,
      })
    ).filter((r) => r.skillKey === skillKey && r.raterKind === "self");
    expect(previous?.proficiency).toBe(before.at(-1)!.proficiency);
    // The trigger-kept current table agrees with the history, cell for cell.
    const [now] = (await latestRatings(db, { frameworkId, asOf: "now", members: sql`select ${userId}::uuid` })).filter(
      (r) => r.skillKey === skillKey && r.raterKind === "self",
    );
    expect(now?.proficiency).toBe(4);
  });

  it("ratings_current always equals the newest history row per cell, also for bulk and same-instant inserts", async () => {
    const db = handle().db;
    await seedDatabase(db, { demo: true, now: NOW });
    const frameworkId = stableUuid("framework", DEFAULT_FRAMEWORK_KEY);
    const users = [demoUserId("hana.sato@acme.test"), demoUserId("felix.weber@acme.test")];
    const skills = [
      "environments-and-version-control.uses-git-for-version-control",
      "environments-and-version-control.can-manage-python-venv-conda",
    ];
    // One multi-row statement with repeated keys and ties on rated_at (the id decides), then single rows.
    const at = new Date(NOW.getTime() + 3_600_000);
    const row = (u: number, s: number, p: number, ms = 0) => ({
      userId: users[u]!,
      raterId: users[u]!,
      frameworkId,
      skillKey: skills[s]!,
      raterKind: "self" as const,
      proficiency: p,
      interest: 1,
      quarter: "2026-Q4",
      ratedAt: new Date(at.getTime() + ms),
    });
    await db.insert(ratings).values([row(0, 0, 1), row(0, 0, 2), row(0, 1, 3, 5), row(0, 1, 0, 1), row(1, 0, 4)]);
    await db.insert(ratings).values(row(1, 0, 0, -10)); // older than what is there: must not win
    await db.insert(ratings).values(row(1, 1, 2, 10));
    const key = (r: { userId: string; skillKey: string; raterKind: string }) =>
      `${r.userId}|${r.skillKey}|${r.raterKind}`;
    const all = sql`select id from users`;
    const fromHistory = await latestRatings(db, { frameworkId, asOf: new Date("2100-01-01"), members: all });
    const fromCurrent = await latestRatings(db, { frameworkId, asOf: "now", members: all });
    const sortByKey = (xs: typeof fromHistory) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));
    expect(fromCurrent.length).toBeGreaterThan(100);
    expect(sortByKey(fromCurrent)).toEqual(sortByKey(fromHistory));
    const pick = (u: number, s: number) =>
      fromCurrent.find((r) => r.userId === users[u] && r.skillKey === skills[s] && r.raterKind === "self")?.proficiency;
    expect([pick(0, 0), pick(0, 1), pick(1, 0), pick(1, 1)]).toEqual([2, 3, 4, 2]);
  });

  // As the tables' owner: the trigger refuses what a privilege would allow
  // (the runtime role lacks the privilege as well: append-only.test.ts).
  it("rejects UPDATE and DELETE of rating history", async () => {
    const db = owner().db;
    const [{ n }] = rowsOf(await db.execute(sql`select count(*)::int as n from ratings`)) as [{ n: number }];
    expect(await rejectionMessage(db.execute(sql`update ratings set proficiency = 0`))).toMatch(
      /ratings is append-only: UPDATE/,
    );
    expect(await rejectionMessage(db.execute(sql`delete from ratings`))).toMatch(/ratings is append-only: DELETE/);
    const [{ m }] = rowsOf(await db.execute(sql`select count(*)::int as m from ratings where proficiency = 0`)) as [
      { m: number },
    ];
    expect(rowsOf(await db.execute(sql`select count(*)::int as n from ratings`))[0]!.n).toBe(n);
    expect(m).toBeLessThan(n);
  });

  it("rejects UPDATE and DELETE of the audit trail", async () => {
    const db = owner().db;
    expect(await rejectionMessage(db.execute(sql`update audit_events set action = 'x'`))).toMatch(
      /audit_events is append-only/,
    );
    expect(await rejectionMessage(db.execute(sql`delete from audit_events`))).toMatch(/audit_events is append-only/);
  });

  it("rejects ratings outside the scale", async () => {
    const db = handle().db;
    const userId = demoUserId("hana.sato@acme.test");
    const base = {
      userId,
      frameworkId: stableUuid("framework", DEFAULT_FRAMEWORK_KEY),
      skillKey: "x",
      raterKind: "self" as const,
      raterId: userId,
      quarter: "2026-Q4",
    };
    expect(await rejectionMessage(db.insert(ratings).values({ ...base, proficiency: 5 }))).toMatch(
      /ratings_proficiency_range/,
    );
    expect(await rejectionMessage(db.insert(ratings).values({ ...base, proficiency: null }))).toMatch(
      /ratings_value_present/,
    );
    expect(await rejectionMessage(db.insert(ratings).values({ ...base, proficiency: 2, notApplicable: true }))).toMatch(
      /ratings_value_present/,
    );
    expect(await rejectionMessage(db.insert(ratings).values({ ...base, proficiency: 2, quarter: "2026-Q7" }))).toMatch(
      /ratings_quarter_format/,
    );
  });
});
