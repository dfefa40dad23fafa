import { createHash, randomUUID } from "node:crypto";
// The scenarios `npm run bench` measures (scripts/perf/bench.ts sets up the
// org, the app and the clients), one function each, in the order they run.
import { chromium } from "@playwright/test";
import autocannon from "autocannon";
import type postgres from "postgres";

import { addQuarters, quarterEnd, quarterOf, quarterStart } from "../../lib/quarters";
import type { MailFigures } from "./bench-mail";
import { measurePeople } from "./bench-people";
import type { ScimFigures } from "./bench-scim";
import { actionId, callAction, summarize, type App } from "./harness";

export type Summary = ReturnType<typeof summarize>;
export type Sql = postgres.Sql;
export type Cleanup = (() => Promise<void> | void)[];
/** Who and what the scenarios use, read from the synthetic org. */
export type Fixtures = {
  adminId: string;
  teamId: string;
  frameworkId: string;
  leadId: string;
  raterIds: string[];
  skillKeys: string[];
  ratingRows: number;
};
/** What every scenario measures with. */
export type Bench = {
  app: App;
  sql: Sql;
  fx: Fixtures;
  adminCookie: string;
  leadCookie: string;
  raterCookies: string[];
  teamUrl: string;
  orgUrl: string;
  /** A GET with a session cookie, or with other headers (an API token). */
  get: (url: string, cookie: string, headers?: Record<string, string>) => Promise<{ ms: number; bytes: number }>;
  /** Rater i saves a rating (n picks the skill and the value). */
  saveOne: (i: number, n: number) => ReturnType<typeof callAction>;
  phase: (name: string) => void;
};

/** Runs f n times in a row and summarises its figures. */
export async function repeat(n: number, f: () => Promise<number>): Promise<Summary> {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(await f());
  return summarize(xs);
}

const msOf = async (run: () => Promise<unknown>) => {
  const s = performance.now();
  await run();
  return performance.now() - s;
};

/** Every scenario in turn; the order matters (caches, memory), see each one. */
export async function measureAll(b: Bench, cleanup: Cleanup) {
  // Warm-up: first requests load code and fill caches.
  for (let i = 0; i < 10; i++) await b.get(b.teamUrl, b.leadCookie);
  await b.get(b.orgUrl, b.adminCookie);
  const httpFloor = await measureHttpFloor(b);
  const team = await measureTeamHeatmap(b);
  const api = await measureApiMatrix(b, team.seq.median);
  const teamFloor = await measureTeamFloor(b);
  const org = await measureOrgHeatmap(b);
  const past = await measurePastQuarter(b);
  const saves = await measureSaves(b);
  const ssr = await measureSsr(b);
  const browser = await measureBrowserRender(b, cleanup);
  const xlsx = await measureXlsx(b);
  const people = await measurePeople(b);
  return { httpFloor, team, api, teamFloor, org, past, saves, ssr, browser, xlsx, people };
}
export type Figures = Awaited<ReturnType<typeof measureAll>> & { scim: ScimFigures; mail: MailFigures[] };

/** 0. What this server and client cost for a request that does nothing. */
async function measureHttpFloor(b: Bench): Promise<Summary> {
  b.phase("http floor");
  return repeat(200, async () => (await b.get("/api/health", "")).ms);
}

/** 1. Team heatmap data, sequential, then 10 connections; 1b. right after a write. */
async function measureTeamHeatmap(b: Bench) {
  b.phase("team heatmap");
  const { teamUrl, leadCookie } = b;
  const seq = await repeat(200, async () => (await b.get(teamUrl, leadCookie)).ms);
  const bytes = (await b.get(teamUrl, leadCookie)).bytes;
  const cannon = await autocannon({
    url: `${b.app.url}${teamUrl}`,
    connections: 10,
    duration: 10,
    headers: { cookie: leadCookie },
  });
  b.phase("team after writes");
  // After a write (a member of the team saves a rating): the cache is stale,
  // so every one of these requests rebuilds the payload.
  const miss = await repeat(60, async () => {
    await b.saveOne(0, Math.floor(Math.random() * 1000));
    return (await b.get(teamUrl, leadCookie)).ms;
  });
  return { seq, bytes, rps: cannon.requests.average, errors: cannon.errors + cannon.non2xx, miss };
}

/**
 * 1c. The same team matrix through the public API (GET /api/v1/teams/:id/matrix) with the lead's personal
 * token, right after the session-based figures above: the token lookup, scope check and per-token rate limit
 * are what it adds (target: within 1.5× of the session route's median).
 */
async function measureApiMatrix(b: Bench, sessionMedian: number) {
  b.phase("api matrix");
  const token = `sgp_bench_${randomUUID().replaceAll("-", "")}`;
  await b.sql`insert into api_tokens (kind, name, token_hash, hint, owner_id, scopes)
    values ('personal', 'bench', ${createHash("sha256").update(token).digest("hex")}, 'sgp_benc', ${b.fx.leadId},
      ${["read"]})`;
  const url = `/api/v1/teams/${b.fx.teamId}/matrix`;
  const headers = { authorization: `Bearer ${token}` };
  for (let i = 0; i < 10; i++) await b.get(url, "", headers);
  const seq = await repeat(200, async () => (await b.get(url, "", headers)).ms);
  return { seq, ratio: seq.median / sessionMedian };
}

// The raw SQL floor: the same ratings, same query shape (the live matrix is
// read from ratings_current), straight from PostgreSQL.
const latestSql = (sql: Sql, frameworkId: string, userFilter: postgres.PendingQuery<postgres.Row[]>) => sql`
  select user_id, skill_key, rater_kind, proficiency, not_applicable, interest, quarter
  from ratings_current where framework_id = ${frameworkId} and user_id in (${userFilter})`;
const teamMembersQuery = (sql: Sql, fx: Fixtures) => sql`select user_id from team_members where team_id = ${fx.teamId}`;
const orgMembersQuery = (sql: Sql, fx: Fixtures) => sql`select tm.user_id from team_members tm
  join teams t on t.id = tm.team_id where t.framework_id = ${fx.frameworkId} and t.archived_at is null`;

/** 2. The team's raw SQL floor. */
async function measureTeamFloor({ sql, fx }: Bench): Promise<Summary> {
  return repeat(200, () => msOf(() => latestSql(sql, fx.frameworkId, teamMembersQuery(sql, fx))));
}

/** 3. Org heatmap data (2,000 × 60), after a write, and its floor. */
async function measureOrgHeatmap(b: Bench) {
  b.phase("org heatmap");
  const { orgUrl, adminCookie, sql, fx } = b;
  const seq = await repeat(15, async () => (await b.get(orgUrl, adminCookie)).ms);
  const bytes = (await b.get(orgUrl, adminCookie)).bytes;
  const miss = await repeat(8, async () => {
    await b.saveOne(1, Math.floor(Math.random() * 1000));
    return (await b.get(orgUrl, adminCookie)).ms;
  });
  const floor = await repeat(15, () => msOf(() => latestSql(sql, fx.frameworkId, orgMembersQuery(sql, fx))));
  return { seq, bytes, miss, floor };
}

/**
 * 3b. Last quarter, each read rebuilt after a write (no cache), against the
 * live reads above: first never closed (ratings from the history as of its
 * end, DISTINCT ON), then closed through the app, which takes the snapshot of
 * its ratings (db/queries/closed-quarter.ts). Memberships, targets and roadmap
 * versions come from their history either way.
 */
async function measurePastQuarter(b: Bench) {
  b.phase("past quarter");
  const lastQuarter = addQuarters(quarterOf(new Date()), -1);
  const pastReads = async () => ({
    team: await repeat(60, async () => {
      await b.saveOne(0, Math.floor(Math.random() * 1000));
      return (await b.get(`${b.teamUrl}?quarter=${lastQuarter}`, b.leadCookie)).ms;
    }),
    org: await repeat(8, async () => {
      await b.saveOne(1, Math.floor(Math.random() * 1000));
      return (await b.get(`${b.orgUrl}?quarter=${lastQuarter}`, b.adminCookie)).ms;
    }),
  });
  const neverClosed = await pastReads();
  const closeMs = await closeQuarter(b, lastQuarter);
  const closed = await pastReads();
  return { neverClosed, closed, closeMs };
}

/** Opens and closes a quarter's cycle through the app; returns how long closing took. */
async function closeQuarter(b: Bench, quarter: string): Promise<number> {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const cycle = { quarter, startsOn: day(quarterStart(quarter)), endsOn: day(quarterEnd(quarter)) };
  const openId = actionId("lib/actions/cycles.ts", "openCycleAction");
  const opened = await callAction(b.app, "/org/cycles", openId, [cycle], b.adminCookie);
  const cycleId = /"id":"([0-9a-f-]{36})"/.exec(opened.body)?.[1];
  if (!opened.ok || !cycleId) {
    throw new Error(`opening ${quarter} failed: ${opened.status} ${opened.body.slice(0, 200)}`);
  }
  const closeId = actionId("lib/actions/cycles.ts", "closeCycleAction");
  const closeStarted = performance.now();
  const closedCall = await callAction(b.app, "/org/cycles", closeId, [{ cycleId }], b.adminCookie);
  const closeMs = performance.now() - closeStarted;
  if (!closedCall.ok) throw new Error(`closing ${quarter} failed: ${closedCall.status}`);
  return closeMs;
}

/**
 * 4. Rating saves (before the memory-heavy phases, so each figure is
 * measured in a steady state) with 20 concurrent raters. A person's autosave cannot
 * send more than one save per 500 ms (the debounce in use-autosave.ts), so
 * each rater saves, then waits 500 ms: ~40 saves/s from 20 people. Then the
 * same 20 clients with no pause at all, as a stress figure.
 */
async function measureSaves(b: Bench) {
  b.phase("saves");
  const paced = await raterRun(b, 500, 20);
  const stress = await raterRun(b, 0, 20);
  return { paced, stress };
}

async function raterRun(b: Bench, pauseMs: number, perRater: number) {
  const times: number[] = [];
  const slowest: { ms: number; at: number }[] = [];
  const phaseStart = performance.now();
  const raters = b.raterCookies.length;
  let errors = 0;
  await Promise.all(
    b.raterCookies.map(async (_, i) => {
      await new Promise((r) => setTimeout(r, (i * pauseMs) / raters)); // people do not start in lockstep
      for (let n = 0; n < perRater; n++) {
        const started = performance.now();
        const r = await b.saveOne(i, n);
        times.push(performance.now() - started);
        slowest.push({ ms: Math.round(performance.now() - started), at: Math.round(started - phaseStart) });
        if (!r.ok) errors++;
        if (pauseMs) await new Promise((res) => setTimeout(res, pauseMs));
      }
    }),
  );
  // The 20 slowest with when they started (ms into the phase), to tell warm-up from steady state.
  return { ...summarize(times), errors, slowest: slowest.sort((a, b) => b.ms - a.ms).slice(0, 20) };
}

/** 5. Server-side render of the pages (HTML, as a browser's first load). */
async function measureSsr(b: Bench) {
  b.phase("ssr");
  const teamPage = await repeat(30, async () => (await b.get(`/teams/${b.fx.teamId}`, b.leadCookie)).ms);
  const orgPage = await repeat(8, async () => (await b.get(`/org`, b.adminCookie)).ms);
  return { teamPage, orgPage };
}

// The flags playwright.config.ts launches Chromium with.
const CHROMIUM_ARGS = [
  ...["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  ...["--disable-component-update", "--disable-sync", "--no-first-run"],
];

/** 6. Browser render of the org heatmap: data arrival → drawn (performance marks in the page). */
async function measureBrowserRender(b: Bench, cleanup: Cleanup) {
  b.phase("browser");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  cleanup.unshift(() => browser.close());
  const renders: number[] = [];
  const draws: number[] = [];
  const sinceNavigation: number[] = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const [name, value] = b.adminCookie.split(/=(.*)/s);
    await context.addCookies([{ name: name!, value: value!, domain: "127.0.0.1", path: "/" }]);
    const page = await context.newPage();
    await page.goto(`${b.app.url}/org`);
    await page.waitForFunction(
      () => ((window as unknown as { __heatmapRenders?: number[] }).__heatmapRenders ?? []).length > 0,
      null,
      { timeout: 60_000 },
    );
    // Data arrival = the org JSON parsed in the page (components/heatmap/org-heatmap-loader.tsx).
    const w = await page.evaluate(() => {
      type Marks = { __heatmapRenders: number[]; __heatmapDraws: number[]; __heatmapDrawnAt: number[] };
      const x = window as unknown as Marks;
      return { render: x.__heatmapRenders[0]!, draw: x.__heatmapDraws[0]!, sinceNavigation: x.__heatmapDrawnAt[0]! };
    });
    renders.push(w.render);
    draws.push(w.draw);
    sinceNavigation.push(w.sinceNavigation);
    await context.close();
  }
  return { render: summarize(renders), draw: summarize(draws), sinceNavigation: summarize(sinceNavigation) };
}

/** 7. XLSX export of the whole org. */
async function measureXlsx(b: Bench): Promise<Summary> {
  b.phase("xlsx");
  return repeat(3, async () => (await b.get(`/api/export?scope=org&format=xlsx`, b.adminCookie)).ms);
}

/** The plans of the queries behind every heatmap, on this data, for bench/README.md. */
export async function queryPlans(sql: Sql, fx: Fixtures): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- postgres.js fragments of any row type
  const explain = async (title: string, query: any) => {
    const plan = await sql`explain (analyze, buffers, costs off) ${query}`;
    const text = plan.map((r) => r["QUERY PLAN"] as string).join("\n");
    return `### ${title}\n\n\`\`\`\n${text}\n\`\`\`\n`;
  };
  const now = new Date();
  const pastQuarterEnd = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1) - 1);
  const teamMembersQ = teamMembersQuery(sql, fx);
  return [
    await explain("Team matrix, live (ratings_current)", latestSql(sql, fx.frameworkId, teamMembersQ)),
    await explain("Org matrix, live (ratings_current)", latestSql(sql, fx.frameworkId, orgMembersQuery(sql, fx))),
    await explain(
      "Team matrix as of the end of last quarter (history, DISTINCT ON)",
      sql`select distinct on (user_id, skill_key, rater_kind)
            user_id, skill_key, rater_kind, proficiency, not_applicable, interest, quarter
          from ratings where framework_id = ${fx.frameworkId}
            and rated_at <= ${pastQuarterEnd.toISOString()}::timestamptz and user_id in (${teamMembersQ})
          order by user_id, skill_key, rater_kind, rated_at desc, id desc`,
    ),
    await explain(
      "Team members (heatmap rows)",
      sql`select u.id, u.name, tm.current_level_key from team_members tm
          join users u on u.id = tm.user_id where tm.team_id = ${fx.teamId} order by u.name`,
    ),
    await explain(
      "Viewer (one per request)",
      sql`select u.*, tm.team_id, tm.is_lead, t.archived_at from users u
          left join team_members tm on tm.user_id = u.id left join teams t on t.id = tm.team_id
          where u.id = ${fx.leadId}`,
    ),
    await explain(
      "Data stamp (payload cache check, one per cached read)",
      sql`select concat_ws(':', (select max(id) from audit_events), (select max(id) from ratings),
          (select extract(epoch from max(updated_at)) from users)) as stamp`,
    ),
  ];
}
