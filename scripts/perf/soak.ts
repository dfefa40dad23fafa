/**
 * npm run soak [-- --rate 50 --seconds 120 --mix sessions|pages] [--overload]
 * Mixed reads and rating writes at a fixed arrival rate (open loop: a slow
 * response does not slow the load down) against the production build on a
 * throwaway PostgreSQL with the demo organisation. Reports p95, p99 and errors
 * per kind, and the server's peak memory; writes bench/results/soak.json.
 * Target: p95 < 200 ms and 0 errors at 50 requests/s for 2 minutes.
 *
 * Mixes (share of requests):
 * - sessions (default), what people using Skillgrid send: a member opens
 *   /me once and then autosaves a rating per skill, so saves dominate:
 *   70% rating saves, 10% /me page loads, 5% team page loads, 5% /teams,
 *   10% team heatmap data (API).
 * - pages, a stress mix of full server-rendered page loads: 30% saves,
 *   40% /me, 20% team page, 10% /teams.
 *
 * --overload: offered more than the process can serve (run it at about twice
 * the rate it sustains), admission control (lib/server/admission.ts) must keep
 * it healthy: a request refused with 503 + Retry-After is counted as refused,
 * not as an error; a refused save is retried after Retry-After the way the
 * browser's autosave retries it, and must land in the end (no lost edit);
 * /api/health is probed every 250 ms and must keep answering. Targets:
 * admitted p95 ≤ 500 ms, 0 errors, 0 lost edits, health always 200, server
 * RSS ≤ 500 MB.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";

import { demoTeamId, demoUserId } from "../../db/seed/demo";
import { DEMO_PEOPLE } from "../../db/seed/demo-people";
import { buildIfStale } from "../lib/build.mjs";
import {
  actionId,
  callAction,
  ROOT,
  round,
  sessionCookie,
  startApp,
  startPostgres,
  summarize,
  type App,
} from "./harness";

const { values } = parseArgs({
  options: {
    rate: { type: "string", default: "50" },
    seconds: { type: "string", default: "120" },
    mix: { type: "string", default: "sessions" },
    overload: { type: "boolean", default: false },
  },
});
const OVERLOAD = values.overload!;
// A refused save is retried this many times at most (the browser's autosave never gives up; a soak must end).
const MAX_SAVE_ATTEMPTS = 20;
const MIXES = {
  sessions: { save: 0.7, me: 0.1, team: 0.05, teams: 0.05, api: 0.1 },
  pages: { save: 0.3, me: 0.4, team: 0.2, teams: 0.1, api: 0 },
} as const;
if (!(values.mix! in MIXES)) throw new Error(`--mix must be one of ${Object.keys(MIXES).join(", ")}`);
const MIX = MIXES[values.mix as keyof typeof MIXES];
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);

type Kind = "GET /me" | "GET /teams/[id]" | "GET /teams" | "GET /api/teams/[id]/heatmap" | "save rating";
/** refused: a 503 from admission control (in --overload runs, not an error). */
type Sample = { kind: Kind; ms: number; error: string | null; refused?: boolean };
type Outcome = { error: string | null; refused?: boolean };

type SoakRun = {
  done: Sample[];
  wall: number;
  peakRss: number;
  health: number[];
  healthFailures: number;
  lostEdits: number;
};

async function main() {
  buildIfStale(ROOT);
  const pg = await startPostgres();
  const app = await startApp(pg.url, { SEED_DEMO: "1" }).catch((e) => {
    pg.stop();
    throw e;
  });
  try {
    const request = await requester(app, await liveSkillKeys(pg.url));
    // Warm up (first renders compile and fill caches), then the soak.
    for (let i = 0; i < 20; i++) await request();
    if (OVERLOAD) console.log("overload run: 503 + Retry-After counts as refused; refused saves are retried");
    const against = `against ${app.url} (PostgreSQL, demo org)`;
    console.log(`soak: ${RATE} requests/s for ${SECONDS} s, mix "${values.mix}", ${against}`);
    const run = await openLoop(app, request);
    const result = soakResult(run);
    reportSoak(result, run);
    process.exitCode = result.met ? 0 : 1;
  } finally {
    await app.stop();
    pg.stop();
  }
}

async function liveSkillKeys(url: string): Promise<string[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const rows = await sql`select distinct s.key from skills s
    join framework_versions v on v.id = s.framework_version_id
    join teams t on t.framework_version_id = v.id where s.retired_at is null`;
  await sql.end();
  return rows.map((r) => r.key as string);
}

/** What one request of the mix came to: its attempts (a refused save is sent again), and whether an edit was lost. */
type Sent = { samples: Sample[]; lost: boolean };

/** One request of the mix per call, as a random demo person, timed. */
async function requester(app: App, skills: string[]): Promise<() => Promise<Sent>> {
  const members = DEMO_PEOPLE.filter((p) => p.role === "member");
  const leads = DEMO_PEOPLE.filter((p) => p.lead);
  const cookies = new Map<string, string>();
  for (const p of DEMO_PEOPLE) cookies.set(p.email, await sessionCookie(demoUserId(p.email)));
  const cookieOf = (p: { email: string }) => cookies.get(p.email)!;
  const save = actionId("lib/actions/ratings.ts", "saveMyRatingAction");
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  const get = async (pathname: string, cookie: string): Promise<Outcome> => {
    const r = await fetch(`${app.url}${pathname}`, { headers: { cookie }, redirect: "manual" });
    await r.arrayBuffer();
    if (OVERLOAD && isRefusal(r.status, r.headers.get("retry-after"))) return { error: null, refused: true };
    return { error: r.status === 200 ? null : `HTTP ${r.status}` };
  };
  const saveRating = async (who: { email: string }): Promise<Outcome> => {
    const value = Math.floor(Math.random() * 5);
    const interest = Math.floor(Math.random() * 3);
    const args = [{ skillKey: pick(skills), value, interest, evidence: null, requestId: randomUUID() }];
    const r = await callAction(app, "/me", save, args, cookieOf(who));
    if (OVERLOAD && r.status === 503 && r.body.includes('"code":"unavailable"')) return { error: null, refused: true };
    return { error: r.ok ? null : `HTTP ${r.status}: ${r.body.slice(0, 120)}` };
  };
  return () => {
    let roll = Math.random();
    if ((roll -= MIX.save) < 0) {
      const who = pick(members);
      const attempt = () => timed("save rating", () => saveRating(who));
      if (OVERLOAD) return saveUntilLanded(attempt);
      return attempt().then((sample) => ({ samples: [sample], lost: false }));
    }
    return readRequest(roll).then((sample) => ({ samples: [sample], lost: false }));
  };
  function readRequest(roll: number): Promise<Sample> {
    if ((roll -= MIX.me) < 0) return timed("GET /me", () => get("/me", cookieOf(pick(members))));
    const lead = pick(leads);
    const teamId = demoTeamId(lead.team!);
    if ((roll -= MIX.team) < 0) return timed("GET /teams/[id]", () => get(`/teams/${teamId}`, cookieOf(lead)));
    if ((roll -= MIX.teams) < 0) return timed("GET /teams", () => get("/teams", cookieOf(lead)));
    return timed("GET /api/teams/[id]/heatmap", () => get(`/api/teams/${teamId}/heatmap`, cookieOf(lead)));
  }
}

const isRefusal = (status: number, retryAfter: string | null) => status === 503 && retryAfter !== null;

async function timed(kind: Kind, run: () => Promise<Outcome>): Promise<Sample> {
  const started = performance.now();
  const outcome = await run().catch((e: unknown) => ({
    error: `exception: ${e instanceof Error ? e.message : String(e)}`,
  }));
  return { kind, ms: performance.now() - started, ...outcome };
}

/**
 * A save refused as busy is sent again after Retry-After (1 s, jittered like
 * the autosave's backoff) until it lands: every attempt is a sample; the edit
 * is lost only if it never lands.
 */
async function saveUntilLanded(attempt: () => Promise<Sample>): Promise<Sent> {
  const samples: Sample[] = [];
  for (let n = 0; n < MAX_SAVE_ATTEMPTS; n++) {
    const sample = await attempt();
    samples.push(sample);
    if (!sample.refused) return { samples, lost: sample.error !== null };
    await new Promise((r) => setTimeout(r, 1000 * (0.8 + Math.random() * 0.4) * Math.min(8, 2 ** n)));
  }
  return { samples, lost: true };
}

/** RATE requests a second for SECONDS, sent on schedule whatever the responses take (open loop). */
async function openLoop(app: App, request: () => Promise<Sent>): Promise<SoakRun> {
  const sent: Promise<Sent>[] = [];
  let peakRss = app.rssMb();
  const started = performance.now();
  const probes = probeHealth(app);
  await new Promise<void>((resolve) => {
    let count = 0;
    const total = RATE * SECONDS;
    const tick = setInterval(() => {
      // Keep to the schedule even when the timer fires late.
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * RATE));
      while (count < due) {
        sent.push(request());
        count++;
      }
      if (count % RATE === 0) peakRss = Math.max(peakRss, app.rssMb());
      if (count >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
  const results = await Promise.all(sent);
  const wall = (performance.now() - started) / 1000;
  const health = await probes.stop();
  return {
    done: results.flatMap((r) => r.samples),
    wall,
    peakRss: Math.max(peakRss, app.rssMb()),
    health: health.ms,
    healthFailures: health.failures,
    lostEdits: results.filter((r) => r.lost).length,
  };
}

/** GET /api/health every 250 ms while the soak runs: a busy server must still say it is alive. */
function probeHealth(app: App) {
  const ms: number[] = [];
  let failures = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      const ok = await fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(5000) }).then(
        (r) => r.status === 200,
        () => false,
      );
      ms.push(performance.now() - started);
      if (!ok) failures++;
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return { ms, failures };
    },
  };
}

/** Figures per kind of request (admitted ones), then for all of them. */
function soakResult({ done, wall, peakRss, health, healthFailures, lostEdits }: SoakRun) {
  const kinds: Kind[] = ["save rating", "GET /me", "GET /teams/[id]", "GET /teams", "GET /api/teams/[id]/heatmap"];
  const groups = kinds.map((k) => [k, done.filter((s) => s.kind === k)] as const).filter(([, xs]) => xs.length > 0);
  const rows = [...groups, ["all", done] as const].map(([kind, all]) => {
    const xs = all.filter((x) => !x.refused);
    const s = summarize(xs.map((x) => x.ms));
    const errors = xs.filter((x) => x.error).length;
    const ms = { median: round(s.median), p95: round(s.p95), p99: round(s.p99), max: round(s.max) };
    return { kind, requests: s.n, ...ms, errors, refused: all.length - xs.length };
  });
  const errors = [...new Set(done.filter((s) => s.error).map((s) => `${s.kind}: ${s.error}`))].slice(0, 10);
  const all = rows.at(-1)!;
  const refusedMs = summarize(done.filter((s) => s.refused).map((s) => s.ms));
  const healthMs = summarize(health);
  const overload = {
    refused: { n: refusedMs.n, medianMs: round(refusedMs.median), p95Ms: round(refusedMs.p95) },
    admittedRate: round(all.requests / wall),
    lostEdits,
    health: { probes: healthMs.n, failures: healthFailures, p95Ms: round(healthMs.p95), maxMs: round(healthMs.max) },
  };
  const target = OVERLOAD
    ? { p95Ms: 500, errors: 0, lostEdits: 0, healthFailures: 0, peakRssMb: 500 }
    : { p95Ms: 200, errors: 0 };
  const met = OVERLOAD
    ? all.p95 <= 500 && all.errors === 0 && lostEdits === 0 && healthFailures === 0 && peakRss <= 500
    : all.p95 < 200 && all.errors === 0;
  return {
    when: new Date().toISOString(),
    rate: RATE,
    seconds: SECONDS,
    mix: values.mix,
    overload: OVERLOAD ? overload : undefined,
    achievedRate: round(done.length / wall),
    peakRssMb: round(peakRss),
    rows,
    sampleErrors: errors,
    target,
    met,
  };
}

function reportSoak(result: ReturnType<typeof soakResult>, { done, wall }: SoakRun): void {
  mkdirSync(path.join(ROOT, "bench", "results"), { recursive: true });
  const name = `soak-${values.mix}${OVERLOAD ? "-overload" : ""}.json`;
  writeFileSync(path.join(ROOT, "bench", "results", name), `${JSON.stringify(result, null, 2)}\n`);
  console.log("\n| kind | admitted | median ms | p95 ms | p99 ms | max ms | errors | refused (503) |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of result.rows) {
    const cells = [r.kind, r.requests, r.median, r.p95, r.p99, r.max, r.errors, r.refused];
    console.log(`| ${cells.join(" | ")} |`);
  }
  const rate = result.achievedRate;
  console.log(`\n${done.length} requests in ${round(wall)} s (${rate}/s); server peak RSS ${result.peakRssMb} MB.`);
  const o = result.overload;
  if (o) {
    console.log(
      `admitted ${o.admittedRate}/s; refused ${o.refused.n} (median ${o.refused.medianMs} ms, p95 ${o.refused.p95Ms} ms); ` +
        `lost edits ${o.lostEdits}; /api/health ${o.health.probes} probes, ${o.health.failures} failed, p95 ${o.health.p95Ms} ms.`,
    );
  }
  if (result.sampleErrors.length) console.log(`errors:\n- ${result.sampleErrors.join("\n- ")}`);
  const goal = OVERLOAD
    ? "admitted p95 ≤ 500 ms, 0 errors, 0 lost edits, health always answered, RSS ≤ 500 MB"
    : "p95 < 200 ms, 0 errors";
  console.log(result.met ? `Target met: ${goal}.` : `TARGET MISSED (${goal}).`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
