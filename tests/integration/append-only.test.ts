import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";

import type { Db } from "@/db/client";
import { startUpDatabase } from "@/db/prepare";
import { APPEND_ONLY_TABLES } from "@/db/roles";
import { auditEvents, ratings, teams } from "@/db/schema";
import { demoUserId } from "@/db/seed/demo";
import { quarterOf } from "@/lib/quarters";

import { seedDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { rowsOf } from "./support/fingerprint";

// Rating history and the audit trail never lose or change a row: triggers
// refuse UPDATE, DELETE and TRUNCATE on both engines, whoever asks; and on
// PostgreSQL the application's role does not own the tables, so it cannot
// switch those triggers off either.

/** The SQLSTATE and message of a refused statement (Drizzle keeps the driver's error as the cause). */
async function refusal(promise: Promise<unknown>): Promise<{ code: string | undefined; message: string }> {
  try {
    await promise;
  } catch (e) {
    const err = e as Error & { code?: string; cause?: Error & { code?: string } };
    return { code: err.cause?.code ?? err.code, message: `${err.message} ${err.cause?.message ?? ""}` };
  }
  throw new Error("expected the statement to be refused");
}

async function counts(db: Db): Promise<{ ratings: number; audit: number; current: number; users: number }> {
  const [row] = rowsOf(
    await db.execute(sql`select (select count(*)::int from ratings) as ratings, (select count(*)::int from audit_events) as audit,
      (select count(*)::int from ratings_current) as current, (select count(*)::int from users) as users`),
  );
  return row as { ratings: number; audit: number; current: number; users: number };
}

// One rewrite per append-only table: keyed by db/roles.ts's list, so the type checker refuses a table missing here.
const REWRITE: Record<(typeof APPEND_ONLY_TABLES)[number], string> = {
  ratings: "update ratings set proficiency = 0",
  audit_events: "update audit_events set action = 'x'",
  team_framework_history: "update team_framework_history set effective_at = now()",
  team_member_history: "update team_member_history set present = not present",
  team_target_history: "update team_target_history set required_headcount = 1",
  plan_items: "update plan_items set reason = 'x'",
  scim_events: "update scim_events set status = 200",
};

describeOnEachEngine("append-only history", ({ handle, owner, engine }) => {
  beforeAll(async () => {
    await seedDemoOrg(handle());
  });

  it("refuses TRUNCATE of the rating history, with or without CASCADE, even to the tables' owner: every row stays", async () => {
    const db = owner().db;
    const before = await counts(db);
    expect(before.ratings).toBeGreaterThan(3000);
    for (const statement of [
      "truncate ratings",
      "truncate table ratings cascade",
      "truncate ratings restart identity",
      "truncate ratings, ratings_current",
    ]) {
      const refused = await refusal(db.execute(sql.raw(statement)));
      expect(refused.message, statement).toMatch(/ratings is append-only: TRUNCATE is not allowed/);
      expect(refused.code).toBe("42501");
    }
    expect(await counts(db)).toEqual(before);
  });

  it("refuses TRUNCATE of the audit trail, with or without CASCADE, even to the tables' owner: every row stays", async () => {
    const db = owner().db;
    const before = await counts(db);
    expect(before.audit).toBeGreaterThan(0);
    for (const statement of ["truncate audit_events", "truncate table audit_events cascade"]) {
      expect((await refusal(db.execute(sql.raw(statement)))).message, statement).toMatch(
        /audit_events is append-only: TRUNCATE is not allowed/,
      );
    }
    expect(await counts(db)).toEqual(before);
  });

  it("refuses UPDATE, DELETE and TRUNCATE of the teams' roadmap history, even to the tables' owner", async () => {
    const db = owner().db;
    const before = rowsOf(await db.execute(sql`select count(*)::int as n from team_framework_history`))[0];
    expect(Number(before!.n)).toBeGreaterThan(0);
    for (const statement of [
      "truncate team_framework_history",
      REWRITE.team_framework_history,
      "delete from team_framework_history",
    ]) {
      expect((await refusal(db.execute(sql.raw(statement)))).message, statement).toMatch(
        /team_framework_history is append-only/,
      );
    }
    // Cascading from teams reaches several histories; whichever refuses first, nothing goes.
    expect((await refusal(db.execute(sql`truncate teams cascade`))).message).toMatch(
      /is append-only: TRUNCATE is not allowed/,
    );
    expect(rowsOf(await db.execute(sql`select count(*)::int as n from team_framework_history`))[0]).toEqual(before);
  });

  // What a closed quarter is read from (issue 23): memberships, targets and accepted plan items as they were.
  for (const table of ["team_member_history", "team_target_history", "plan_items"] as const) {
    it(`refuses UPDATE, DELETE and TRUNCATE of ${table}, even to the tables' owner`, async () => {
      const db = owner().db;
      if (table === "plan_items") {
        const [lead] = rowsOf(await db.execute(sql`select user_id, team_id from team_members where is_lead limit 1`));
        await db.execute(
          sql`insert into plan_items (team_id, skill_key, quarter, recommendation, reason, accepted_by_id) values (${lead!.team_id}, 'x', '2026-Q4', 'hire', 'r', ${lead!.user_id})`,
        );
      }
      const count = async () =>
        rowsOf(await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0];
      const before = await count();
      expect(Number(before!.n)).toBeGreaterThan(0);
      for (const statement of [`truncate ${table}`, REWRITE[table], `delete from ${table}`]) {
        expect((await refusal(db.execute(sql.raw(statement)))).message, statement).toMatch(
          new RegExp(`${table} is append-only`),
        );
      }
      expect(await count()).toEqual(before);
    });
  }

  it("refuses to delete a target or a membership's team: their history references them", async () => {
    const db = owner().db;
    await expect(db.execute(sql`delete from team_targets`)).rejects.toThrow();
    await expect(db.execute(sql`delete from teams`)).rejects.toThrow();
  });

  it("refuses a TRUNCATE of people that would cascade into the history", async () => {
    const db = owner().db;
    const before = await counts(db);
    expect((await refusal(db.execute(sql`truncate users cascade`))).message).toMatch(
      /is append-only: TRUNCATE is not allowed/,
    );
    expect(await counts(db)).toEqual(before);
  });

  if (engine !== "postgres") return;

  it("connects the application as a role that is neither a superuser nor the owner of any table", async () => {
    const db = handle().db;
    const [me] = rowsOf(
      await db.execute(sql`select rolsuper, rolbypassrls from pg_roles where rolname = current_user`),
    );
    expect(me).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = rowsOf(await db.execute(sql`select tablename from pg_tables where tableowner = current_user`));
    expect(owned).toEqual([]);
  });

  it("the application's role cannot truncate, rewrite or delete history, nor disable or drop the triggers that protect it", async () => {
    const db = handle().db;
    const before = await counts(db);
    for (const table of APPEND_ONLY_TABLES) {
      const attempts = [
        `truncate ${table}`,
        `truncate ${table} cascade`,
        `alter table ${table} disable trigger all`,
        `alter table ${table} disable trigger ${table}_append_only`,
        `drop trigger ${table}_append_only on ${table}`,
        `alter table ${table} owner to current_user`,
        REWRITE[table],
        `delete from ${table}`,
      ];
      for (const statement of attempts)
        expect((await refusal(db.execute(sql.raw(statement)))).code, statement).toBe("42501");
    }
    // Nor turn every trigger off for its session (replica mode is for superusers).
    expect((await refusal(db.execute(sql`set session_replication_role = replica`))).code).toBe("42501");
    expect(await counts(db)).toEqual(before);
    const triggers = rowsOf(
      await db.execute(
        sql`select tgname, tgenabled from pg_trigger where not tgisinternal and tgrelid in ('ratings'::regclass, 'audit_events'::regclass) order by tgname`,
      ),
    );
    expect(triggers.filter((t) => t.tgenabled === "O").map((t) => t.tgname)).toEqual(
      expect.arrayContaining(["audit_events_append_only", "ratings_append_only"]),
    );
    expect(triggers.every((t) => t.tgenabled === "O")).toBe(true);
  });

  it("the application's role still appends ratings (keeping ratings_current in step) and audit events", async () => {
    const db = handle().db;
    const before = await counts(db);
    const hana = demoUserId("hana.sato@acme.test");
    const [team] = await db.select({ frameworkId: teams.frameworkId }).from(teams).limit(1);
    const skillKey = "environments-and-version-control.uses-git-for-version-control";
    const [row] = await db
      .insert(ratings)
      .values({
        userId: hana,
        raterId: hana,
        raterKind: "self",
        frameworkId: team!.frameworkId,
        skillKey,
        proficiency: 4,
        quarter: quarterOf(new Date()),
      })
      .returning({ id: ratings.id });
    await db
      .insert(auditEvents)
      .values({ action: "test.append", entityType: "rating", entityId: String(row!.id), actorEmail: "system" });
    expect(await counts(db)).toEqual({ ...before, ratings: before.ratings + 1, audit: before.audit + 1 });
    const [current] = rowsOf(
      await db.execute(
        sql`select rating_id from ratings_current where user_id = ${hana} and skill_key = ${skillKey} and rater_kind = 'self'`,
      ),
    );
    expect(Number(current!.rating_id)).toBe(row!.id);
  });

  it("the runtime role alone starts up once the owner has migrated: nothing to migrate, the seed runs", async () => {
    // A deploy that runs `npm run db:migrate` with MIGRATION_DATABASE_URL, then starts the app without it.
    await expect(startUpDatabase({ runtime: handle(), demo: true })).resolves.toEqual({
      frameworkInserted: false,
      demoRowsInserted: 0,
    });
  });
});
