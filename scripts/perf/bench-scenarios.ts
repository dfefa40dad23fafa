import { createHash, randomUUID } from "node:crypto";
// The scenarios `npm run bench` measures (scripts/perf/bench.ts sets up the
// org, the app and the clients), one function each, in the order they run.
import { chromium, type Browser } from "@playwright/test";
import autocannon from "autocannon";
import type postgres from "postgres";

import { addQuarters, quarterEnd, quarterOf, quarterStart } from "../../lib/quarters";
import type { OrgSize } from "../synthetic/options";
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
  reps: Reps;
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

/**
 * The latency scenarios run this many times in one bench, in the same order
 * each time: a figure with a target is met only if every round meets it, and
 * its spread across the rounds says how much this machine's noise moves it.
 */
export const ROUNDS = 3;

/** How many requests each scenario makes in a round. */
export type Reps = ReturnType<typeof repetitions>;

/**
 * Each round's medians need a few dozen requests, not hundreds (three rounds
 * keep the whole bench near its old length). At --size large the org-wide
 * reads cover 1,000,000 cells and take seconds each, so they repeat less.
 */
export function repetitions(org: OrgSize) {
  const reps = {
    ...{ httpFloor: 100, teamSeq: 100, teamMiss: 40, apiSeq: 100, teamFloor: 100 },
    ...{ orgSeq: 15, orgMiss: 8, orgFloor: 15, pastTeam: 40, pastOrg: 8, savesPerRater: 12 },
    ...{ ssrMe: 30, ssrTeam: 30, ssrOrg: 8, browser: 3, xlsx: 3 },
    ...{ find: 100, findMiss: 30, staff: 30, skillPage: 40, skillMiss: 30 },
  };
  const orgCells = org.teams * org.membersPerTeam * org.skills;
  if (orgCells <= 250_000) return reps;
  return {
    ...reps,
    ...{ orgSeq: 5, orgMiss: 3, orgFloor: 5, pastOrg: 3, ssrOrg: 3, xlsx: 1 },
    ...{ findMiss: 15, staff: 15, skillMiss: 15 },
  };
}

/** The figures measured once per bench (throughput, a one-off close, a stress run), in round 1. */
export type Once = {
  teamRps: number;
  teamErrors: number;
  neverClosed: { team: Summary; org: Summary };
  closeMs: number;
  stress: RaterRun;
};

/**
 * Every scenario, round after round; the order matters (caches, memory), see
 * each one. Round 1 also measures the figures taken once, at the point of the
 * order they always had. The people scenarios come after all heatmap rounds:
 * they add team targets, and every heatmap round must read the same kind of
 * org (without them, as before).
 */
export async function measureAll(b: Bench) {
  // Warm-up: first requests load code and fill caches.
  for (let i = 0; i < 10; i++) await b.get(b.teamUrl, b.leadCookie);
  await b.get(b.orgUrl, b.adminCookie);
  const apiToken = await createApiToken(b);
  const once: Partial<Once> = {};
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await measureRound(b, apiToken, r === 0 ? once : undefined));
  const people = await measurePeople(b);
  // Round 1 filled in every field of `once`.
  return { rounds, once: once as Once, people };
}
export type Round = Awaited<ReturnType<typeof measureRound>>;
export type Figures = Awaited<ReturnType<typeof measureAll>> & { scim: ScimFigures; mail: MailFigures[] };

/** One round of the heatmap, save, page, browser and export scenarios; `once` only in round 1. */
async function measureRound(b: Bench, apiToken: string, once?: Partial<Once>) {
  const httpFloor = await measureHttpFloor(b);
  const team = await measureTeamHeatmap(b, once);
  const api = await measureApiMatrix(b, apiToken, team.seq.median, !!once);
  const teamFloor = await measureTeamFloor(b);
  const org = await measureOrgHeatmap(b);
  const past = await measurePastQuarter(b, once);
  const saves = await measureSaves(b, once);
  const ssr = await measureSsr(b);
  const browser = await measureBrowserRender(b);
  const xlsx = await measureXlsx(b);
  return { httpFloor, team, api, teamFloor, org, past, saves, ssr, browser, xlsx };
}

/** 0. What this server and client cost for a request that does nothing. */
async function measureHttpFloor(b: Bench): Promise<Summary> {
  b.phase("http floor");
  return repeat(b.reps.httpFloor, async () => (await b.get("/api/health", "")).ms);
}

/** 1. Team heatmap data, sequential, then (round 1) 10 connections; 1b. right after a write. */
async function measureTeamHeatmap(b: Bench, once?: Partial<Once>) {
  b.phase("team heatmap");
  const { teamUrl, leadCookie } = b;
  const seq = await repeat(b.reps.teamSeq, async () => (await b.get(teamUrl, leadCookie)).ms);
  const bytes = (await b.get(teamUrl, leadCookie)).bytes;
  if (once) {
    const cannon = await autocannon({
      url: `${b.app.url}${teamUrl}`,
      connections: 10,
      duration: 10,
      headers: { cookie: leadCookie },
    });
    once.teamRps = cannon.requests.average;
    once.teamErrors = cannon.errors + cannon.non2xx;
  }
  b.phase("team after writes");
  // After a write (a member of the team saves a rating): the cache is stale,
  // so every one of these requests rebuilds the payload.
  const miss = await repeat(b.reps.teamMiss, async () => {
    await b.saveOne(0, Math.floor(Math.random() * 1000));
    return (await b.get(teamUrl, leadCookie)).ms;
  });
  return { seq, bytes, miss };
}

/** The lead's personal API token (read scope), stored as the app stores one. */
async function createApiToken(b: Bench): Promise<string> {
  const token = `sgp_bench_${randomUUID().replaceAll("-", "")}`;
  await b.sql`insert into api_tokens (kind, name, token_hash, hint, owner_id, scopes)
    values ('personal', 'bench', ${createHash("sha256").update(token).digest("hex")}, 'sgp_benc', ${b.fx.leadId},
      ${["read"]})`;
  return token;
}

/**
 * 1c. The same team matrix through the public API (GET /api/v1/teams/:id/matrix) with the lead's personal
 * token, right after the session-based figures above: the token lookup, scope check and per-token rate limit
 * are what it adds (target: within 1.5× of the session route's median in the same round).
 */
async function measureApiMatrix(b: Bench, token: string, sessionMedian: number, warmUp: boolean) {
  b.phase("api matrix");
  const url = `/api/v1/teams/${b.fx.teamId}/matrix`;
  const headers = { authorization: `Bearer ${token}` };
  if (warmUp) for (let i = 0; i < 10; i++) await b.get(url, "", headers);
  const seq = await repeat(b.reps.apiSeq, async () => (await b.get(url, "", headers)).ms);
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
async function measureTeamFloor({ sql, fx, reps }: Bench): Promise<Summary> {
  return repeat(reps.teamFloor, () => msOf(() => latestSql(sql, fx.frameworkId, teamMembersQuery(sql, fx))));
}

/** 3. Org heatmap data (every person × skill), after a write, and its floor. */
async function measureOrgHeatmap(b: Bench) {
  b.phase("org heatmap");
  const { orgUrl, adminCookie, sql, fx, reps } = b;
  const seq = await repeat(reps.orgSeq, async () => (await b.get(orgUrl, adminCookie)).ms);
  const bytes = (await b.get(orgUrl, adminCookie)).bytes;
  const miss = await repeat(reps.orgMiss, async () => {
    await b.saveOne(1, Math.floor(Math.random() * 1000));
    return (await b.get(orgUrl, adminCookie)).ms;
  });
  const floor = await repeat(reps.orgFloor, () => msOf(() => latestSql(sql, fx.frameworkId, orgMembersQuery(sql, fx))));
  return { seq, bytes, miss, floor };
}

/**
 * 3b. Last quarter, each read rebuilt after a write (no cache), against the
 * live reads above. In round 1, first never closed (ratings from the history
 * as of its end, DISTINCT ON), then closed through the app, which takes the
 * snapshot of its ratings (db/queries/closed-quarter.ts). A quarter closes
 * once, so the never-closed reads and the close are round 1's alone; every
 * round reads the closed quarter. Memberships, targets and roadmap versions
 * come from their history either way.
 */
async function measurePastQuarter(b: Bench, once?: Partial<Once>) {
  b.phase("past quarter");
  const lastQuarter = addQuarters(quarterOf(new Date()), -1);
  const pastReads = async () => ({
    team: await repeat(b.reps.pastTeam, async () => {
      await b.saveOne(0, Math.floor(Math.random() * 1000));
      return (await b.get(`${b.teamUrl}?quarter=${lastQuarter}`, b.leadCookie)).ms;
    }),
    org: await repeat(b.reps.pastOrg, async () => {
      await b.saveOne(1, Math.floor(Math.random() * 1000));
      return (await b.get(`${b.orgUrl}?quarter=${lastQuarter}`, b.adminCookie)).ms;
    }),
  });
  if (once) {
    once.neverClosed = await pastReads();
    once.closeMs = await closeQuarter(b, lastQuarter);
  }
  return { closed: await pastReads() };
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
 * each rater saves, then waits 500 ms: ~40 saves/s from 20 people. Then, in
 * round 1, the same 20 clients with no pause at all, as a stress figure.
 */
async function measureSaves(b: Bench, once?: Partial<Once>) {
  b.phase("saves");
  const paced = await raterRun(b, 500, b.reps.savesPerRater);
  if (once) once.stress = await raterRun(b, 0, 20);
  return { paced };
}

export type RaterRun = Awaited<ReturnType<typeof raterRun>>;

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

/** 5. Server-side render of the pages (HTML, as a browser's first load): a rater's own sheet, the lead's team, the org. */
async function measureSsr(b: Bench) {
  b.phase("ssr");
  const { reps } = b;
  const mePage = await repeat(reps.ssrMe, async () => (await b.get(`/me`, b.raterCookies[0]!)).ms);
  const teamPage = await repeat(reps.ssrTeam, async () => (await b.get(`/teams/${b.fx.teamId}`, b.leadCookie)).ms);
  const orgPage = await repeat(reps.ssrOrg, async () => (await b.get(`/org`, b.adminCookie)).ms);
  return { mePage, teamPage, orgPage };
}

// The flags playwright.config.ts launches Chromium with.
const CHROMIUM_ARGS = [
  ...["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  ...["--disable-component-update", "--disable-sync", "--no-first-run"],
];

/**
 * 6. Browser render of the org heatmap: data arrival → drawn (performance
 * marks in the page). Only a canvas grid has those marks: an org under the
 * canvas threshold (components/heatmap/geometry.ts) is drawn as SVG, and this
 * figure is then null.
 */
async function measureBrowserRender(b: Bench) {
  b.phase("browser");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    return await orgRenders(b, browser);
  } finally {
    await browser.close();
  }
}

async function orgRenders(b: Bench, browser: Browser) {
  const renders: number[] = [];
  const draws: number[] = [];
  const sinceNavigation: number[] = [];
  for (let i = 0; i < b.reps.browser; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const [name, value] = b.adminCookie.split(/=(.*)/s);
    await context.addCookies([{ name: name!, value: value!, domain: "127.0.0.1", path: "/" }]);
    const page = await context.newPage();
    await page.goto(`${b.app.url}/org`);
    // The canvas grid renders with its grid element, so a grid without a canvas is the SVG one.
    const canvas = await page.waitForFunction(
      () => {
        if (((window as unknown as { __heatmapRenders?: number[] }).__heatmapRenders ?? []).length > 0) return true;
        return document.querySelector('[role="grid"]') && !document.querySelector("canvas") ? "svg" : false;
      },
      null,
      { timeout: 60_000 },
    );
    if ((await canvas.jsonValue()) === "svg") {
      await context.close();
      return null;
    }
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
  return repeat(b.reps.xlsx, async () => (await b.get(`/api/export?scope=org&format=xlsx`, b.adminCookie)).ms);
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
    ...(await catchUpPlans(sql, fx, explain)),
  ];
}

/**
 * The queries a cached payload catches up with after rating saves
 * (db/queries/writes-since.ts), over the last 100 ratings and audit events:
 * writes other than rating saves, who rated, and the cells rated since.
 */
async function catchUpPlans(
  sql: Sql,
  fx: Fixtures,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- postgres.js fragments of any row type
  explain: (title: string, query: any) => Promise<string>,
): Promise<string[]> {
  const [top] =
    await sql`select (select max(id) from audit_events)::int as audit, (select max(id) from ratings)::int as rating`;
  const audit = Number(top!.audit);
  const rating = Number(top!.rating);
  const actions = ["rating.self_saved", "rating.validated", "rating.confirmed_unchanged"];
  return [
    await explain(
      "Catch-up: writes other than rating saves since the stamp",
      sql`select id from audit_events where id > ${audit - 100} and id <= ${audit} and action not in ${sql(actions)} order by id`,
    ),
    await explain(
      "Catch-up: who rated since the stamp (a team's payload)",
      sql`select distinct user_id from ratings where id > ${rating - 100} and id <= ${rating}`,
    ),
    await explain(
      "Catch-up: the cells rated since the stamp (the org payload)",
      sql`select c.user_id, c.skill_key, c.rater_kind, c.proficiency, c.not_applicable, c.interest, c.quarter
          from ratings_current c
          where c.framework_id = ${fx.frameworkId} and (c.user_id, c.skill_key, c.rater_kind) in (
            select r.user_id, r.skill_key, r.rater_kind from ratings r
            where r.id > ${rating - 100} and r.id <= ${rating} and r.framework_id = ${fx.frameworkId})`,
    ),
  ];
}
