import { sql } from "drizzle-orm";
import { afterEach, beforeAll, expect, it, vi } from "vitest";

import { demoTeamId } from "@/db/seed/demo";
import { errorResponse } from "@/lib/actions/http";
import { admitSignIn } from "@/lib/auth/admit";
import type { Viewer } from "@/lib/auth/viewer";
import { exportAuditEvents, listAuditEvents } from "@/lib/data/audit-log";
import { getPlanningDataset } from "@/lib/data/exports";
import { AppError } from "@/lib/errors";
import { consumeRateLimit, LIMITS } from "@/lib/server/rate-limit";

import { seedDemoOrgAs } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { rowsOf } from "./support/fingerprint";
import { configureAuthEnv, TEST_ISSUER } from "./support/session";

// A minute boundary, far from the real clock so these counters meet no others.
const T0 = Date.UTC(2031, 0, 1, 0, 0, 0);
const { limit, windowSeconds } = LIMITS.export;
const WINDOW = windowSeconds * 1000;

/** Sends one request per time stamp; returns when each admitted one happened. */
async function attempt(key: string, times: number[]): Promise<number[]> {
  const admitted: number[] = [];
  for (const now of times) {
    try {
      await consumeRateLimit(key, LIMITS.export, { now });
      admitted.push(now);
    } catch (e) {
      expect(e).toMatchObject({ code: "rate_limited" });
    }
  }
  return admitted;
}

/** The most admitted requests in any span of one window's length. */
function busiestWindow(admitted: number[]): number {
  let most = 0;
  for (let i = 0, j = 0; i < admitted.length; i++) {
    while (j < admitted.length && admitted[j]! < admitted[i]! + WINDOW) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

const every = (from: number, count: number, stepMs: number) =>
  Array.from({ length: count }, (_, i) => from + i * stepMs);

async function refusal(key: string, now: number): Promise<AppError> {
  const e = await consumeRateLimit(key, LIMITS.export, { now }).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describeOnEachEngine("abuse limits", ({ handle }) => {
  let alex: Viewer;
  let priya: Viewer;
  let admin: Viewer;
  const rowsFor = async (key: string) =>
    rowsOf(
      await handle().db.execute(
        sql`select window_start, count from rate_limits where key = ${key} order by window_start`,
      ),
    );

  beforeAll(async () => {
    configureAuthEnv();
    ({ alex, priya, admin } = await seedDemoOrgAs(handle(), {
      alex: "alex.wang@acme.test",
      priya: "priya.nair@acme.test",
      admin: "mei-ling.chen@acme.test",
    }));
  });
  afterEach(() => vi.useRealTimers());
  /** Stops the clock just inside the current minute, so a minute boundary cannot fall mid-test. */
  const freezeClock = () => {
    const now = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: now - (now % WINDOW) + 1000 });
  };

  it("limits exports per person per minute, counted in the database, and says when to retry", async () => {
    freezeClock();
    const input = { scope: "team", teamId: demoTeamId("ml-platform"), format: "json" };
    for (let i = 0; i < LIMITS.export.limit; i++) await getPlanningDataset(alex, input, { locale: "en" });
    const refused = await getPlanningDataset(alex, input, { locale: "en" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "rate_limited" });
    expect((refused as AppError).retryAfter).toBeGreaterThanOrEqual(1);
    expect((refused as AppError).retryAfter).toBeLessThanOrEqual(2 * windowSeconds);
    // The refused export was not counted.
    const total = rowsOf(
      await handle().db.execute(sql`select sum(count)::int as n from rate_limits where key = ${`export:${alex.id}`}`),
    )[0]!.n;
    expect(total).toBe(LIMITS.export.limit);
    // Route handlers answer 429 with Retry-After.
    const response = errorResponse(refused);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe(String((refused as AppError).retryAfter));
  });

  it("a burst at the end of one window and the start of the next gets no more than the limit through", async () => {
    const admitted = await attempt("test:boundary-burst", [
      ...every(T0 + WINDOW - 1000, 40, 25),
      ...every(T0 + WINDOW, 40, 25),
    ]);
    expect(admitted).toHaveLength(limit);
    expect(busiestWindow(admitted)).toBeLessThanOrEqual(limit);
  });

  it("the reported burst (59 in 9 s across a minute boundary) gets the limit through, plus only what has slid out of the window", async () => {
    // 4.5 s of the burst fall in the new minute: the previous minute's 30
    // still weigh 30 × (55.5 / 60) there, leaving room for about 2 more.
    const start = T0 + 2 * WINDOW - 4500;
    const admitted = await attempt("test:reported-burst", every(start, 59, 155));
    const intoNewWindow = (start + 58 * 155 - (T0 + 2 * WINDOW)) / WINDOW;
    expect(admitted.length).toBeGreaterThanOrEqual(limit);
    expect(admitted.length).toBeLessThanOrEqual(Math.floor(limit * (1 + intoNewWindow)));
  });

  it("a client that keeps retrying is held to the limit in every minute once the previous minute is known", async () => {
    // Starts mid-window, so the first minute's passes bunch up at its start.
    const start = T0 + 30_000;
    const admitted = await attempt("test:steady", every(start, 480, 500));
    expect(busiestWindow(admitted.filter((t) => t >= start + 2 * WINDOW))).toBeLessThanOrEqual(limit);
    // The estimate assumes the previous minute's requests were spread evenly;
    // right after a burst that came late in an idle minute it lets more
    // through (at most twice the limit in one minute), never in steady state.
    expect(busiestWindow(admitted)).toBeLessThanOrEqual(2 * limit);
    // …and it is not starved either: about the limit per minute.
    expect(admitted.length).toBeGreaterThanOrEqual(4 * limit - 5);
  });

  it("a refused request is not counted, and its Retry-After is when the next one passes", async () => {
    const key = "test:retry-after";
    expect(await attempt(key, every(T0 + 10_000, limit, 100))).toHaveLength(limit);
    let now = T0 + 20_000;
    for (let round = 0; round < 5; round++) {
      const e = await refusal(key, now);
      expect(e.code).toBe("rate_limited");
      expect(e.retryAfter).toBeGreaterThanOrEqual(1);
      expect(e.message).toContain(`${e.retryAfter} s`);
      const retryAt = now + e.retryAfter! * 1000;
      // One second sooner is still too soon; at Retry-After it passes.
      if (e.retryAfter! > 1) await refusal(key, retryAt - 1000);
      await consumeRateLimit(key, LIMITS.export, { now: retryAt });
      now = retryAt + 1;
    }
  });

  it("keeps the previous window's counter and deletes older ones", async () => {
    const key = "test:housekeeping";
    await attempt(key, [T0 + 1000, T0 + WINDOW + 1000, T0 + 2 * WINDOW + 1000]);
    const rows = await rowsFor(key);
    expect(rows.map((r) => new Date(r.window_start as string).getTime())).toEqual([T0 + WINDOW, T0 + 2 * WINDOW]);
  });

  it("requests arriving together cannot together exceed the limit", async () => {
    const key = "test:concurrent";
    const results = await Promise.allSettled(
      Array.from({ length: 3 * limit }, () => consumeRateLimit(key, LIMITS.export, { now: T0 + 30_000 })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(limit);
    expect(
      results
        .filter((r) => r.status === "rejected")
        .every((r) => (r as PromiseRejectedResult).reason instanceof AppError),
    ).toBe(true);
    expect(
      rowsOf(await handle().db.execute(sql`select sum(count)::int as n from rate_limits where key = ${key}`))[0]!.n,
    ).toBe(limit);
  });

  it("limits audit CSV exports per person, but not browsing the audit trail", async () => {
    freezeClock();
    for (let i = 0; i < LIMITS.auditExport.limit; i++)
      expect(Array.isArray(await exportAuditEvents(admin, {}))).toBe(true);
    const refused = await exportAuditEvents(admin, {}).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "rate_limited" });
    expect((refused as AppError).retryAfter).toBeGreaterThanOrEqual(1);
    expect((await listAuditEvents(admin, {})).rows.length).toBeGreaterThan(0);
  });

  it("refuses audit exports to non-admins before counting anything", async () => {
    await expect(exportAuditEvents(alex, {})).rejects.toMatchObject({ code: "forbidden" });
    expect(await rowsFor(`audit-export:${alex.id}`)).toEqual([]);
  });

  it("refuses exports of another team's data before counting anything", async () => {
    await expect(
      getPlanningDataset(priya, { scope: "team", teamId: demoTeamId("ml-platform"), format: "csv" }, { locale: "en" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(
      rowsOf(
        await handle().db.execute(sql`select count(*)::int as n from rate_limits where key = ${`export:${priya.id}`}`),
      )[0]!.n,
    ).toBe(0);
  });

  it("limits sign-in attempts per identity", async () => {
    freezeClock();
    const claims = {
      issuer: TEST_ISSUER,
      subject: "sub-busy",
      email: "busy.bee@acme.test",
      emailVerified: true,
      name: "Busy",
    };
    for (let i = 0; i < LIMITS.signIn.limit; i++) expect((await admitSignIn(claims)).ok).toBe(true);
    expect(await admitSignIn(claims)).toEqual({ ok: false, reason: "rate_limited" });
  });
});
