import { Writable } from "node:stream";
import { messages } from "@electric-sql/pglite";
import { DrizzleQueryError } from "drizzle-orm/errors";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DatabaseDeadError, StorageFullError } from "@/db/pglite-guard";
import { errorResponse } from "@/lib/actions/http";
import { toActionResult } from "@/lib/actions/result";
import { AppError, classifyDbError, RETRYABLE_ACTION_CODES, type DbErrorKind } from "@/lib/errors";
import { describeConsoleArgs } from "@/lib/observability/console-errors";
import { describeError, formatError } from "@/lib/observability/describe-error";
import { resetLogDestination, setLogDestination } from "@/lib/observability/logger";

// What the drivers throw, built the way they build them.
const postgresError = (fields: Record<string, string>) =>
  new postgres.PostgresError({ severity: "ERROR", message: "boom", ...fields } as never);
const pgliteError = (fields: Record<string, string>) =>
  Object.assign(new messages.DatabaseError(fields.message ?? "boom", 100, "error"), { severity: "ERROR", ...fields });
const EMAIL = "hana.sato@acme.test";
const failedQuery = (cause: unknown) =>
  new DrizzleQueryError(
    'insert into "audit_events" ("actor_email", "after") values ($1, $2)',
    [EMAIL, JSON.stringify({ proficiency: 4, evidence: "https://git.acme.test/pr/7" })],
    cause as Error,
  );

describe("classifyDbError", () => {
  const table: [string, DbErrorKind, boolean][] = [
    ["53100", "storage_full", true], // disk full
    ["53000", "unavailable", true], // insufficient resources
    ["53200", "unavailable", true], // out of memory
    ["53300", "unavailable", true], // too many connections
    ["57P01", "unavailable", true], // admin shutdown
    ["57P02", "unavailable", true], // crash shutdown
    ["57P03", "unavailable", true], // cannot connect now
    ["57014", "unavailable", true], // statement timeout / cancelled
    ["08000", "unavailable", true],
    ["08006", "unavailable", true],
    ["08001", "unavailable", true],
    ["25006", "unavailable", true], // read-only transaction (a standby after failover)
    ["40001", "contention", true], // serialization failure
    ["40P01", "contention", true], // deadlock
    ["55P03", "contention", true], // lock not available
    ["23505", "conflict", false], // unique violation
    ["23503", "conflict", false], // foreign key violation
    ["23514", "invalid", false], // check violation
    ["23502", "invalid", false], // not null
    ["22P02", "invalid", false], // invalid text representation
    ["22001", "invalid", false], // string too long
    ["42P01", "internal", false], // undefined table: a bug
    ["XX000", "internal", false],
  ];
  it.each(table)("SQLSTATE %s is %s (retryable: %s) on both drivers", (sqlstate, kind, retryable) => {
    for (const e of [postgresError({ code: sqlstate }), pgliteError({ code: sqlstate })]) {
      expect(classifyDbError(e)).toMatchObject({ kind, sqlstate, retryable });
      expect(classifyDbError(failedQuery(e))).toMatchObject({ kind, sqlstate, retryable });
    }
  });

  it.each([
    ["ECONNREFUSED", "unavailable"],
    ["ECONNRESET", "unavailable"],
    ["CONNECTION_CLOSED", "unavailable"],
    ["CONNECT_TIMEOUT", "unavailable"],
    ["DATA_DIR_READ_ONLY", "unavailable"],
    ["ENOSPC", "storage_full"],
  ] as const)("the driver or system code %s is %s", (code, kind) => {
    const e = Object.assign(new Error(`write ${code} 127.0.0.1:5432`), { code });
    const c = classifyDbError(failedQuery(e));
    expect(c).toMatchObject({ kind, retryable: true, code });
    expect(c.sqlstate).toBeUndefined();
  });

  it("finds the code however deep the cause chain is, and survives a cycle", () => {
    const driver = pgliteError({ code: "40P01" });
    const outer = new Error("transaction failed", { cause: new Error("wrapped", { cause: failedQuery(driver) }) });
    expect(classifyDbError(outer).kind).toBe("contention");
    const a: { cause?: unknown } & Error = new Error("a");
    a.cause = new Error("b", { cause: a });
    expect(classifyDbError(a)).toMatchObject({ kind: "internal", retryable: false });
  });

  it("keeps the constraint name of a constraint violation", () => {
    expect(
      classifyDbError(failedQuery(postgresError({ code: "23505", constraint_name: "users_email_key" }))),
    ).toMatchObject({ constraint: "users_email_key" });
    expect(
      classifyDbError(failedQuery(pgliteError({ code: "23514", constraint: "ratings_interest_range" }))),
    ).toMatchObject({ constraint: "ratings_interest_range" });
  });

  it("treats the embedded database's disk guard (53100) as a full disk, with a message for people, not paths", () => {
    const guard = Object.assign(
      new Error("The embedded database's disk is nearly full: 12.0 MB free in /var/lib/skillgrid/pglite, and …"),
      { code: "53100" },
    );
    const c = classifyDbError(failedQuery(guard));
    expect(c).toMatchObject({ kind: "storage_full", sqlstate: "53100", retryable: true });
    expect(c.message).toMatch(/disk is full.*nothing was saved.*retry/i);
    expect(c.message).not.toMatch(/pglite|MB/);
  });

  it("treats a dead embedded database handle (57P03) as briefly unavailable", () => {
    const dead = Object.assign(new Error("The embedded database stopped working (PANIC); restart Skillgrid."), {
      code: "57P03",
      name: "DatabaseDeadError",
    });
    expect(classifyDbError(failedQuery(dead))).toMatchObject({ kind: "unavailable", retryable: true });
  });

  it("classifies the embedded database guard's own errors, wrapped as drizzle wraps them", () => {
    expect(
      classifyDbError(failedQuery(new StorageFullError("/data/pglite", 12 * 2 ** 20, 48 * 2 ** 20))),
    ).toMatchObject({ kind: "storage_full", sqlstate: "53100" });
    expect(classifyDbError(failedQuery(new DatabaseDeadError("PANIC")))).toMatchObject({
      kind: "unavailable",
      sqlstate: "57P03",
    });
  });

  it("leaves errors that are not the database's alone", () => {
    expect(classifyDbError(new TypeError("x is undefined"))).toEqual({
      kind: "internal",
      retryable: false,
      message: "Something went wrong. Please try again.",
    });
    expect(classifyDbError("a string")).toMatchObject({ kind: "internal" });
    expect(classifyDbError(null)).toMatchObject({ kind: "internal" });
  });

  it("marks as retryable exactly the action codes the autosave retries", () => {
    expect([...RETRYABLE_ACTION_CODES].sort()).toEqual(["storage_full", "unavailable"]);
  });
});

describe("describeError", () => {
  // What each driver names differs (postgres.js gives constraint and schema, PGlite the column); the SQL, its
  // parameters and the server's detail (which quotes the row) never reach the log.
  it.each([
    {
      driver: "postgres.js",
      error: postgresError({
        code: "23505",
        message: 'duplicate key value violates unique constraint "users_email_key"',
        detail: `Key (lower(email))=(${EMAIL}) already exists.`,
        constraint_name: "users_email_key",
        table_name: "users",
        schema_name: "public",
      }),
      logged: {
        sqlstate: "23505",
        message: 'duplicate key value violates unique constraint "users_email_key"',
        constraint: "users_email_key",
        table: "users",
        severity: "ERROR",
        kind: "conflict",
      },
    },
    {
      driver: "PGlite",
      error: pgliteError({
        code: "23502",
        message: 'null value in column "rater_id" of relation "ratings" violates not-null constraint',
        detail: `Failing row contains (${EMAIL}, 4, null).`,
        table: "ratings",
        column: "rater_id",
      }),
      logged: { sqlstate: "23502", table: "ratings", column: "rater_id", severity: "ERROR", kind: "invalid" },
    },
  ])(
    "logs a $driver error's code, message and the names it gives, but never the params, the SQL or the detail",
    ({ error, logged }) => {
      const d = describeError(failedQuery(error));
      expect(d).toMatchObject(logged);
      const text = JSON.stringify(d);
      expect(text).not.toContain(EMAIL);
      expect(text).not.toMatch(/proficiency|Failed query|params|insert into|already exists|Failing row/);
    },
  );

  it("blanks a value the server quotes in its own message", () => {
    const driver = pgliteError({ code: "22P02", message: `invalid input syntax for type uuid: "${EMAIL}"` });
    const d = describeError(failedQuery(driver));
    expect(d.message).toMatch(/invalid input syntax for type uuid/);
    expect(JSON.stringify(d)).not.toContain(EMAIL);
    const range = describeError(
      postgresError({ code: "22003", message: 'value "31415926535" is out of range for type integer' }),
    );
    expect(range.message).toBe('value "[redacted]" is out of range for type integer');
    const unique = describeError(
      postgresError({ code: "23505", message: 'duplicate key value violates unique constraint "users_email_key"' }),
    );
    expect(unique.message).toContain('"users_email_key"');
  });

  it("keeps the guard's message (directory and free space) and a connection error's code", () => {
    const guard = Object.assign(
      new Error("The embedded database's disk is nearly full: 12.0 MB free in /data/pglite"),
      { code: "53100", name: "StorageFullError" },
    );
    expect(describeError(failedQuery(guard))).toMatchObject({
      sqlstate: "53100",
      kind: "storage_full",
      message: expect.stringContaining("12.0 MB free in /data/pglite"),
    });
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const d = describeError(failedQuery(refused));
    expect(d).toMatchObject({
      code: "ECONNREFUSED",
      kind: "unavailable",
      message: "connect ECONNREFUSED 127.0.0.1:5432",
    });
    expect(JSON.stringify(d)).not.toContain(EMAIL);
  });

  it("never repeats drizzle's message, even without a cause", () => {
    const d = describeError(failedQuery(undefined));
    expect(JSON.stringify(d)).not.toContain(EMAIL);
    expect(JSON.stringify(d)).not.toMatch(/params/);
  });

  it("describes other errors by name and message", () => {
    expect(describeError(new TypeError("x is undefined"))).toMatchObject({
      name: "TypeError",
      message: "x is undefined",
      kind: "internal",
    });
    expect(describeError("plain")).toMatchObject({ message: "plain" });
  });
});

describe("what Next.js and the CLIs print", () => {
  it("console.error gets a database error's description and Next's digest instead of the statement and its values", () => {
    const thrown = Object.assign(failedQuery(postgresError({ code: "53100", message: "could not extend file" })), {
      digest: "2716134",
    });
    const [prefix, described, other] = describeConsoleArgs(["⨯", thrown, new Error("not the database's")]);
    expect(prefix).toBe("⨯");
    expect(described).toMatchObject({ sqlstate: "53100", message: "could not extend file", digest: "2716134" });
    expect(JSON.stringify(described)).not.toContain(EMAIL);
    expect(other).toBeInstanceOf(Error);
    const bare = postgresError({ code: "23505", detail: `Key (email)=(${EMAIL}) already exists.` });
    expect(JSON.stringify(describeConsoleArgs([bare]))).not.toContain(EMAIL);
  });

  it("the CLIs print one line: code, server message and the constraint, never the statement", () => {
    const line = formatError(
      failedQuery(
        pgliteError({
          code: "23505",
          message: 'duplicate key value violates unique constraint "users_email_key"',
          constraint: "users_email_key",
          table: "users",
        }),
      ),
    );
    expect(line).toBe(
      '[23505] duplicate key value violates unique constraint "users_email_key" (constraint users_email_key, table users)',
    );
    expect(formatError(new Error("usage: db:backup -- <file>"))).toBe("usage: db:backup -- <file>");
  });
});

describe("actions and route handlers on database errors", () => {
  const lines: string[] = [];
  beforeAll(() =>
    setLogDestination(
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    ),
  );
  afterAll(() => resetLogDestination());

  it("a full disk is a typed, retryable result, and the log has the SQLSTATE but not the params", async () => {
    lines.length = 0;
    const result = await toActionResult(() =>
      Promise.reject(
        failedQuery(
          postgresError({
            code: "53100",
            message: 'could not extend file "base/16384/16385": No space left on device',
          }),
        ),
      ),
    );
    expect(result).toMatchObject({ ok: false, code: "storage_full", error: expect.stringMatching(/disk is full/) });
    expect(JSON.stringify(result)).not.toMatch(/base\/16384|No space/);
    const log = lines.join("");
    expect(log).toContain('"sqlstate":"53100"');
    expect(log).toContain("No space left on device");
    expect(log).not.toContain(EMAIL);
  });

  it("a deadlock is retried, and succeeds when the retry does", async () => {
    let calls = 0;
    const result = await toActionResult(async () => {
      if (++calls === 1) throw failedQuery(pgliteError({ code: "40P01" }));
      return "done";
    });
    expect(result).toEqual({ ok: true, data: "done" });
    expect(calls).toBe(2);
  });

  it("contention that persists becomes a retryable result", async () => {
    let calls = 0;
    const result = await toActionResult(async () => {
      calls++;
      throw failedQuery(postgresError({ code: "40001" }));
    });
    expect(result).toMatchObject({ ok: false, code: "unavailable" });
    expect(calls).toBe(3);
  });

  it("a database-caught unique violation is a conflict; expected errors keep their message", async () => {
    expect(await toActionResult(() => Promise.reject(failedQuery(postgresError({ code: "23505" }))))).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await toActionResult(() => Promise.reject(new AppError("invalid", "Bad.")))).toMatchObject({
      ok: false,
      code: "invalid",
      error: "Bad.",
    });
  });

  it("route handlers answer 503 with retry-after and a code for a full disk", async () => {
    const res = errorResponse(failedQuery(pgliteError({ code: "53100" })));
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(30);
    expect(await res.json()).toMatchObject({ code: "storage_full", error: expect.stringMatching(/disk is full/) });
    const dead = errorResponse(Object.assign(new Error("stopped"), { code: "57P03" }));
    expect(dead.status).toBe(503);
    expect(await dead.json()).toMatchObject({ code: "unavailable" });
    expect(errorResponse(failedQuery(postgresError({ code: "23505" }))).status).toBe(409);
    expect(errorResponse(new Error("bug")).status).toBe(500);
  });
});
