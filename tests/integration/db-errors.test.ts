import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";

import { toActionResult } from "@/lib/actions/result";
import type { Viewer } from "@/lib/auth/viewer";
import { saveSelfRating } from "@/lib/data/ratings";
import { resetLogDestination, setLogDestination } from "@/lib/observability/logger";

import { demoViewer, seedDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { rowsOf } from "./support/fingerprint";

// A database error the application did not expect reaches the person as a
// typed result (retryable or not) and the operator as the server's SQLSTATE,
// message and constraint; never as drizzle's "Failed query … params …",
// which holds the member's email and the rating. The errors are real: the
// server itself raises them (a constraint, or a trigger raising the SQLSTATE
// a full disk or a deadlock raises), through each engine's driver.

const EMAIL = "hana.sato@acme.test";
const GIT = "environments-and-version-control.uses-git-for-version-control";
const NOTE = "private-note-7f3a";

describeOnEachEngine("database errors", ({ handle, owner }) => {
  let hana: Viewer;
  const lines: string[] = [];
  const logged = () =>
    lines.map(
      (l) => JSON.parse(l) as Record<string, unknown> & { level: number; msg: string; err?: Record<string, unknown> },
    );
  const ratingCount = async () =>
    rowsOf(await handle().db.execute(sql`select count(*)::int as n from ratings`))[0]!.n as number;
  const save = (evidence: string | null = null) =>
    toActionResult(() =>
      saveSelfRating(hana, { skillKey: GIT, value: 3, interest: 1, evidence, requestId: randomUUID() }),
    );

  beforeAll(async () => {
    await seedDemoOrg(handle());
    hana = await demoViewer(EMAIL);
    setLogDestination(
      new Writable({
        write(chunk, _enc, done) {
          lines.push(...String(chunk).split("\n").filter(Boolean));
          done();
        },
      }),
    );
  });
  afterAll(() => resetLogDestination());
  afterEach(async () => {
    lines.length = 0;
    await owner().db.execute(sql`drop trigger if exists db_errors_test on ratings`);
    await owner().db.execute(sql`alter table ratings drop constraint if exists ratings_evidence_test`);
  });

  /** A trigger on ratings that raises sqlstate (the function runs as its owner, so the runtime role needs no grant). */
  const raiseOnInsert = async (body: string) => {
    await owner().db.execute(
      sql.raw(
        `create or replace function db_errors_test() returns trigger language plpgsql security definer as $$ begin ${body} return new; end $$`,
      ),
    );
    await owner().db.execute(
      sql`create trigger db_errors_test before insert on ratings for each row execute function db_errors_test()`,
    );
  };

  it("a check only the database enforces: a typed 'invalid' result; the log names SQLSTATE 23514 and the constraint, not the email or the note", async () => {
    await owner().db.execute(
      sql.raw(
        `alter table ratings add constraint ratings_evidence_test check (evidence is null or evidence not like '%${NOTE}%')`,
      ),
    );
    const before = await ratingCount();
    const result = await save(`see ${NOTE}`);
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect(JSON.stringify(result)).not.toMatch(/ratings_evidence_test|violates|23514/);
    expect(await ratingCount()).toBe(before);

    const [line] = logged().filter((l) => l.err);
    expect(line!.err).toMatchObject({
      sqlstate: "23514",
      constraint: "ratings_evidence_test",
      table: "ratings",
      severity: "ERROR",
      kind: "invalid",
    });
    expect(String(line!.err!.message)).toMatch(/violates check constraint "ratings_evidence_test"/);
    const raw = lines.join("\n");
    expect(raw).not.toContain(EMAIL);
    expect(raw).not.toContain(NOTE);
    expect(raw).not.toMatch(/Failed query|params:|insert into/i);
  });

  it("a full disk (SQLSTATE 53100): a typed, retryable 'storage_full' result, logged as an error with the server's message", async () => {
    await raiseOnInsert(
      `raise exception 'could not extend file "base/16384/16385": No space left on device' using errcode = 'disk_full';`,
    );
    const before = await ratingCount();
    const result = await save(NOTE);
    expect(result).toMatchObject({
      ok: false,
      code: "storage_full",
      error: expect.stringMatching(/disk is full.*nothing was saved.*retry/i),
    });
    expect(await ratingCount()).toBe(before);

    const [line] = logged().filter((l) => l.err);
    expect(line!.level).toBe(50);
    expect(line!.err).toMatchObject({
      sqlstate: "53100",
      kind: "storage_full",
      message: expect.stringContaining("No space left on device"),
    });
    expect(lines.join("\n")).not.toContain(EMAIL);
    expect(lines.join("\n")).not.toContain(NOTE);
  });

  it("the database refusing connections (57P03): a typed, retryable 'unavailable' result", async () => {
    await raiseOnInsert(`raise exception 'the database system is starting up' using errcode = 'cannot_connect_now';`);
    expect(await save()).toMatchObject({ ok: false, code: "unavailable" });
    expect(logged().find((l) => l.err)!.err).toMatchObject({ sqlstate: "57P03" });
  });

  it("a deadlock on the first attempt is retried, and the save lands once", async () => {
    await owner().db.execute(sql`drop sequence if exists db_errors_attempts`);
    await owner().db.execute(sql`create sequence db_errors_attempts`);
    // Sequences are not rolled back, so only the first attempt deadlocks.
    await raiseOnInsert(
      `if nextval('db_errors_attempts') = 1 then raise exception 'deadlock detected' using errcode = 'deadlock_detected'; end if;`,
    );
    const before = await ratingCount();
    const result = await save();
    expect(result).toMatchObject({ ok: true, data: { skillKey: GIT, proficiency: 3 } });
    expect(await ratingCount()).toBe(before + 1);
    expect(rowsOf(await owner().db.execute(sql`select last_value::int as n from db_errors_attempts`))[0]!.n).toBe(2);
  });

  it("a deadlock every time: a typed, retryable result after the automatic retries", async () => {
    await raiseOnInsert(`raise exception 'deadlock detected' using errcode = 'deadlock_detected';`);
    expect(await save()).toMatchObject({ ok: false, code: "unavailable", error: expect.stringMatching(/retry/i) });
    expect(logged().find((l) => l.err)!.err).toMatchObject({ sqlstate: "40P01", kind: "contention" });
  });
});
