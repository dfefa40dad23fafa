/**
 * npm run soak [-- --rate 50 --seconds 120 --mix sessions|pages]
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
  },
});
const MIXES = {
  sessions: { save: 0.7, me: 0.1, team: 0.05, teams: 0.05, api: 0.1 },
  pages: { save: 0.3, me: 0.4, team: 0.2, teams: 0.1, api: 0 },
} as const;
if (!(values.mix! in MIXES)) throw new Error(`--mix must be one of ${Object.keys(MIXES).join(", ")}`);
const MIX = MIXES[values.mix as keyof typeof MIXES];
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);

type Kind = "GET /me" | "GET /teams/[id]" | "GET /teams" | "GET /api/teams/[id]/heatmap" | "save rating";
type Sample = { kind: Kind; ms: number; error: string | null };

type SoakRun = { done: Sample[]; wall: number; peakRss: number };

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

/** One request of the mix per call, as a random demo person, timed. */
async function requester(app: App, skills: string[]): Promise<() => Promise<Sample>> {
  const members = DEMO_PEOPLE.filter((p) => p.role === "member");
  const leads = DEMO_PEOPLE.filter((p) => p.lead);
  const cookies = new Map<string, string>();
  for (const p of DEMO_PEOPLE) cookies.set(p.email, await sessionCookie(demoUserId(p.email)));
  const cookieOf = (p: { email: string }) => cookies.get(p.email)!;
  const save = actionId("lib/actions/ratings.ts", "saveMyRatingAction");
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  const get = async (pathname: string, cookie: string) => {
    const r = await fetch(`${app.url}${pathname}`, { headers: { cookie }, redirect: "manual" });
    await r.arrayBuffer();
    return r.status === 200 ? null : `HTTP ${r.status}`;
  };
  const saveRating = async (who: { email: string }) => {
    const value = Math.floor(Math.random() * 5);
    const interest = Math.floor(Math.random() * 3);
    const args = [{ skillKey: pick(skills), value, interest, evidence: null, requestId: randomUUID() }];
    const r = await callAction(app, "/me", save, args, cookieOf(who));
    return r.ok ? null : `HTTP ${r.status}: ${r.body.slice(0, 120)}`;
  };
  return () => {
    let roll = Math.random();
    if ((roll -= MIX.save) < 0) {
      const who = pick(members);
      return timed("save rating", () => saveRating(who));
    }
    if ((roll -= MIX.me) < 0) return timed("GET /me", () => get("/me", cookieOf(pick(members))));
    const lead = pick(leads);
    const teamId = demoTeamId(lead.team!);
    if ((roll -= MIX.team) < 0) return timed("GET /teams/[id]", () => get(`/teams/${teamId}`, cookieOf(lead)));
    if ((roll -= MIX.teams) < 0) return timed("GET /teams", () => get("/teams", cookieOf(lead)));
    return timed("GET /api/teams/[id]/heatmap", () => get(`/api/teams/${teamId}/heatmap`, cookieOf(lead)));
  };
}

async function timed(kind: Kind, run: () => Promise<string | null>): Promise<Sample> {
  const started = performance.now();
  const error = await run().catch((e: unknown) => `exception: ${e instanceof Error ? e.message : String(e)}`);
  return { kind, ms: performance.now() - started, error };
}

/** RATE requests a second for SECONDS, sent on schedule whatever the responses take (open loop). */
async function openLoop(app: App, request: () => Promise<Sample>): Promise<SoakRun> {
  const samples: Promise<Sample>[] = [];
  let peakRss = app.rssMb();
  const started = performance.now();
  await new Promise<void>((resolve) => {
    let sent = 0;
    const total = RATE * SECONDS;
    const tick = setInterval(() => {
      // Keep to the schedule even when the timer fires late.
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * RATE));
      while (sent < due) {
        samples.push(request());
        sent++;
      }
      if (sent % RATE === 0) peakRss = Math.max(peakRss, app.rssMb());
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
  const done = await Promise.all(samples);
  const wall = (performance.now() - started) / 1000;
  return { done, wall, peakRss: Math.max(peakRss, app.rssMb()) };
}

/** Figures per kind of request, then for all of them. */
function soakResult({ done, wall, peakRss }: SoakRun) {
  const kinds: Kind[] = ["save rating", "GET /me", "GET /teams/[id]", "GET /teams", "GET /api/teams/[id]/heatmap"];
  const groups = kinds.map((k) => [k, done.filter((s) => s.kind === k)] as const).filter(([, xs]) => xs.length > 0);
  const rows = [...groups, ["all", done] as const].map(([kind, xs]) => {
    const s = summarize(xs.map((x) => x.ms));
    const errors = xs.filter((x) => x.error).length;
    const ms = { median: round(s.median), p95: round(s.p95), p99: round(s.p99), max: round(s.max) };
    return { kind, requests: s.n, ...ms, errors };
  });
  const errors = [...new Set(done.filter((s) => s.error).map((s) => `${s.kind}: ${s.error}`))].slice(0, 10);
  return {
    when: new Date().toISOString(),
    rate: RATE,
    seconds: SECONDS,
    mix: values.mix,
    achievedRate: round(done.length / wall),
    peakRssMb: round(peakRss),
    rows,
    sampleErrors: errors,
    target: { p95Ms: 200, errors: 0 },
    met: rows.at(-1)!.p95 < 200 && rows.at(-1)!.errors === 0,
  };
}

function reportSoak(result: ReturnType<typeof soakResult>, { done, wall }: SoakRun): void {
  mkdirSync(path.join(ROOT, "bench", "results"), { recursive: true });
  writeFileSync(path.join(ROOT, "bench", "results", `soak-${values.mix}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log("\n| kind | requests | median ms | p95 ms | p99 ms | max ms | errors |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const r of result.rows) {
    console.log(`| ${r.kind} | ${r.requests} | ${r.median} | ${r.p95} | ${r.p99} | ${r.max} | ${r.errors} |`);
  }
  const rate = result.achievedRate;
  console.log(`\n${done.length} requests in ${round(wall)} s (${rate}/s); server peak RSS ${result.peakRssMb} MB.`);
  if (result.sampleErrors.length) console.log(`errors:\n- ${result.sampleErrors.join("\n- ")}`);
  console.log(result.met ? "Target met: p95 < 200 ms, 0 errors." : "TARGET MISSED (p95 < 200 ms and 0 errors).");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
