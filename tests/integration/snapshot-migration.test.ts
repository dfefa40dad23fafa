import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";

import { setDbHandle } from "@/db/client";
import { migrateDatabase, MIGRATIONS_FOLDER } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";
import { loadViewer } from "@/lib/auth/viewer";
import { getPlanningDataset } from "@/lib/data/exports";
import { getTeamVision } from "@/lib/data/vision";

import { describeOnEachEngine } from "./support/engines";
import { rowsOf } from "./support/fingerprint";

// Migrations 0011 and 0012 on a database that already has a history: every
// membership and target gets a history starting at its creation (an archived
// target: live until its archive), and a quarter closed before snapshots
// existed gets its ratings snapshot, so it reads as it did.

/** A copy of the migrations folder holding those up to `last` only. */
function migrationsUpTo(last: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "skillgrid-migrations-"));
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag <= last);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

describeOnEachEngine(
  "migrating a database with a past to quarter snapshots",
  ({ handle, owner, migrate }) => {
    const old = migrationsUpTo("0010_z");
    afterAll(() => rmSync(old, { recursive: true, force: true }));

    it("gives existing memberships, targets and closed quarters their history, and the closed quarter reads as it stood", async () => {
      const db = owner().db;
      await migrateDatabase(owner(), old);
      await seedDatabase(db, { demo: false });
      const [fw] = rowsOf(
        await db.execute(
          sql`select v.framework_id, v.id as version_id from framework_versions v where v.status = 'published' limit 1`,
        ),
      );
      const [skill] = rowsOf(
        await db.execute(
          sql`select key from skills where framework_version_id = ${fw!.version_id} order by key limit 1`,
        ),
      );
      const [admin, ana, bo] = ["01", "02", "03"].map((s) => `00000000-0000-4000-8000-0000000000${s}`) as [
        string,
        string,
        string,
      ];
      const teamId = "00000000-0000-4000-8000-0000000000aa";
      const [t1, t2, t3] = ["b1", "b2", "b3"].map((s) => `00000000-0000-4000-8000-0000000000${s}`);
      const cycleId = "00000000-0000-4000-8000-0000000000cc";
      await db.execute(sql`insert into users (id, email, name, role) values
        (${admin}, 'admin@acme.test', 'Admin', 'admin'), (${ana}, 'ana@acme.test', 'Ana', 'member'), (${bo}, 'bo@acme.test', 'Bo', 'member')`);
      await db.execute(
        sql`insert into teams (id, name, framework_id, framework_version_id, created_at) values (${teamId}, 'Old team', ${fw!.framework_id}, ${fw!.version_id}, '2026-01-05T00:00:00Z')`,
      );
      await db.execute(sql`insert into team_members (team_id, user_id, is_lead, current_level_key, created_at) values
        (${teamId}, ${ana}, true, 'senior', '2026-01-05T00:00:00Z'), (${teamId}, ${bo}, false, 'junior', '2026-01-05T00:00:00Z')`);
      await db.execute(sql`insert into team_targets (id, team_id, kind, capability_key, skill_key, required_proficiency, required_headcount, target_quarter, created_at, archived_at) values
        (${t1}, ${teamId}, 'capability', 'model-registry', null, 3, 2, '2026-Q4', '2026-01-10T00:00:00Z', null),
        (${t2}, ${teamId}, 'skill', null, ${skill!.key}, 4, 1, '2026-Q4', '2026-01-10T00:00:00Z', '2026-03-15T00:00:00Z'),
        (${t3}, ${teamId}, 'skill', null, ${skill!.key}, 2, 1, '2026-Q4', '2026-05-01T00:00:00Z', null)`);
      await db.execute(sql`insert into ratings (user_id, framework_id, skill_key, rater_kind, rater_id, proficiency, quarter, rated_at) values
        (${ana}, ${fw!.framework_id}, ${skill!.key}, 'self', ${ana}, 2, '2026-Q1', '2026-02-01T00:00:00Z'),
        (${bo}, ${fw!.framework_id}, ${skill!.key}, 'self', ${bo}, 1, '2026-Q1', '2026-02-01T00:00:00Z'),
        (${ana}, ${fw!.framework_id}, ${skill!.key}, 'self', ${ana}, 4, '2026-Q2', '2026-05-10T00:00:00Z')`);
      await db.execute(
        sql`insert into assessment_cycles (id, quarter, starts_on, ends_on, status, closed_at) values (${cycleId}, '2026-Q1', '2026-01-01', '2026-03-31', 'closed', '2026-04-02T00:00:00Z')`,
      );
      await db.execute(sql`insert into plan_items (team_id, target_id, skill_key, quarter, recommendation, reason, accepted_by_id, created_at) values
        (${teamId}, ${t1}, ${skill!.key}, '2026-Q1', 'train', 'before the close', ${ana}, '2026-03-01T00:00:00Z'),
        (${teamId}, ${t1}, ${skill!.key}, '2026-Q2', 'hire', 'after the close', ${ana}, '2026-05-02T00:00:00Z')`);

      await migrate(); // 0011 and 0012 (and, on PostgreSQL, the runtime role's grants)

      const members = rowsOf(
        await db.execute(
          sql`select user_id, is_lead, current_level_key, present, effective_at from team_member_history order by user_id`,
        ),
      );
      expect(
        members.map((m) => [
          m.user_id,
          m.is_lead,
          m.current_level_key,
          m.present,
          new Date(m.effective_at as string).toISOString(),
        ]),
      ).toEqual([
        [ana, true, "senior", true, "2026-01-05T00:00:00.000Z"],
        [bo, false, "junior", true, "2026-01-05T00:00:00.000Z"],
      ]);
      const targets = rowsOf(
        await db.execute(
          sql`select target_id, present, effective_at from team_target_history order by target_id, effective_at`,
        ),
      );
      expect(targets.map((t) => [t.target_id, t.present, new Date(t.effective_at as string).toISOString()])).toEqual([
        [t1, true, "2026-01-10T00:00:00.000Z"],
        [t2, true, "2026-01-10T00:00:00.000Z"],
        [t2, false, "2026-03-15T00:00:00.000Z"],
        [t3, true, "2026-05-01T00:00:00.000Z"],
      ]);
      const snapshot = rowsOf(
        await db.execute(
          sql`select user_id, proficiency from closed_quarter_ratings where cycle_id = ${cycleId} order by user_id`,
        ),
      );
      expect(snapshot.map((r) => [r.user_id, r.proficiency])).toEqual([
        [ana, 2],
        [bo, 1],
      ]);

      // The closed quarter through the app: its people and levels, the target live at the close, the ratings and plan of then.
      setDbHandle(handle());
      const viewer = (await loadViewer(admin))!;
      const quarter = await getPlanningDataset(
        viewer,
        { scope: "team", teamId, quarter: "2026-Q1", format: "json" },
        { locale: "en" },
      );
      expect(quarter.asOf).toBe("2026-04-02T00:00:00.000Z");
      expect(quarter.people.map((p) => [p.name, p.currentLevel])).toEqual([
        ["Ana", "senior"],
        ["Bo", "junior"],
      ]);
      expect(quarter.targets.map((t) => t.kind)).toEqual(["capability"]);
      expect(quarter.ratings.filter((r) => r.skillKey === skill!.key).map((r) => [r.email, r.self])).toEqual([
        ["ana@acme.test", 2],
        ["bo@acme.test", 1],
      ]);
      const vision = await getTeamVision(viewer, { teamId, quarter: "2026-Q1" }, { locale: "en" });
      expect(vision.plan.map((i) => i.reason)).toEqual(["before the close"]);
      expect(vision.targets.map((t) => t.id)).toEqual([t1]);
      // Live, today's targets and plan.
      const live = await getTeamVision(viewer, { teamId }, { locale: "en" });
      expect(live.targets.map((t) => t.id).sort()).toEqual([t1, t3].sort());
      expect(live.plan).toHaveLength(2);
    });
  },
  { migrate: false },
);
