/**
 * npm run bench [-- --size default|large] [--teams 40 --members-per-team 50 --skills 60 --quarters 4]
 * One run, a few minutes on 2 cores: builds (or reuses) the production build,
 * starts it on a throwaway PostgreSQL, loads the synthetic org with
 * `npm run seed:synthetic`, and measures the figures of issue 9 against their
 * targets. Writes bench/results/latest.json and prints a Markdown table.
 * These are benchmark figures, not tests: the machine is noisy, so every
 * latency figure is measured in three rounds (median and spread reported;
 * met only if all three meet the target), and ratios to the raw SQL floor
 * are reported next to the absolute numbers. --size large (10,000 people ×
 * 100 skills, 4,000,000 rating rows) is run by hand, not in CI.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { cpus, totalmem } from "node:os";
import { parseArgs } from "node:util";
import postgres from "postgres";

import { buildIfStale } from "../lib/build.mjs";
import { ORG_SIZE_OPTIONS, orgSizeArgs, orgSizeFrom, type OrgSize } from "../synthetic/options";
import { measureMailDelivery } from "./bench-mail";
import { printResults, rawFigures, resultRows, writeResults } from "./bench-report";
import {
  measureAll,
  queryPlans,
  repetitions,
  type Bench,
  type Cleanup,
  type Fixtures,
  type Sql,
} from "./bench-scenarios";
import { measureScimProvisioning } from "./bench-scim";
import { actionId, callAction, ROOT, round, sessionCookie, startApp, startPostgres, type App } from "./harness";

const { values } = parseArgs({ options: ORG_SIZE_OPTIONS });
const orgSize = orgSizeFrom(values);

async function main() {
  const t0 = Date.now();
  buildIfStale(ROOT);
  const pg = await startPostgres();
  const cleanup: Cleanup = [() => pg.stop()];
  try {
    const seedSeconds = seedSyntheticOrg(pg.url, orgSize);
    const sql = postgres(pg.url, { max: 4, onnotice: () => {} });
    cleanup.unshift(() => sql.end());
    const fx = await readFixtures(sql);
    const app = await startApp(pg.url);
    cleanup.unshift(() => app.stop());
    const memory = watchMemory(app);
    cleanup.unshift(() => void memory.stop());
    const b = await benchContext(app, sql, fx, memory.phase);
    const measured = await measureAll(b);
    const rss = memory.stop();
    await app.stop();
    const figures = {
      ...measured,
      scim: await measureScimProvisioning(pg.url),
      mail: await measureMailDelivery(pg.url),
    };
    const rows = resultRows(figures, rss, orgSize);
    const { raw, rounds } = rawFigures(figures);
    const result = {
      when: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        memoryGb: round(totalmem() / 2 ** 30),
        node: process.version,
      },
      org: {
        size: values.size!,
        ...orgSize,
        ratingRows: fx.ratingRows,
        seedSeconds: round(seedSeconds),
      },
      payloadBytes: { team: figures.rounds[0]!.team.bytes, org: figures.rounds[0]!.org.bytes },
      // Round 1's distributions with the figures measured once; every round's under `rounds`.
      raw,
      rounds,
      repetitionsPerRound: b.reps,
      rssByPhase: Object.fromEntries(Object.entries(rss.phasePeaks).map(([k, v]) => [k, round(v, 0)])),
      rows,
      totalSeconds: round((Date.now() - t0) / 1000),
    };
    writeResults(result, await queryPlans(sql, fx));
    printResults(result);
  } finally {
    for (const f of cleanup) await f();
  }
}

/** The synthetic org, loaded by its own command (the same one other tools use). Returns the seconds it took. */
function seedSyntheticOrg(url: string, size: OrgSize): number {
  const started = Date.now();
  const args = ["tsx", "scripts/seed-synthetic.ts", ...orgSizeArgs(size), "--seed", "1"];
  const seed = spawnSync("npx", args, { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: "inherit" });
  if (seed.status !== 0) throw new Error("seed:synthetic failed");
  return (Date.now() - started) / 1000;
}

/** An admin (as an operator would promote one) and the lead and raters of the second team. */
async function readFixtures(sql: Sql): Promise<Fixtures> {
  const [admin] = await sql`update users set role = 'admin' where email = 'person0@synthetic.test' returning id`;
  const [team] = await sql`select t.id, t.framework_id from teams t where t.name = 'Team 02'`;
  const [lead] = await sql`select user_id from team_members where team_id = ${team!.id} and is_lead`;
  const raters = await sql`select user_id from team_members
    where team_id = ${team!.id} and not is_lead order by user_id limit 20`;
  const skills = await sql`select s.key from skills s
    join teams t on t.framework_version_id = s.framework_version_id where t.id = ${team!.id}`;
  const ratingRows = Number((await sql`select count(*)::int as n from ratings`)[0]!.n);
  return {
    adminId: admin!.id,
    teamId: team!.id,
    frameworkId: team!.framework_id,
    leadId: lead!.user_id,
    raterIds: raters.map((r) => r.user_id as string),
    skillKeys: skills.map((r) => r.key as string),
    ratingRows,
  };
}

/** Peak memory of the server, overall and per phase, to name the phase that needs it. */
function watchMemory(app: App) {
  let peakRss = app.rssMb();
  let phase = "start";
  const phasePeaks: Record<string, number> = {};
  const sampler = setInterval(() => {
    const rss = app.rssMb();
    peakRss = Math.max(peakRss, rss);
    phasePeaks[phase] = Math.max(phasePeaks[phase] ?? 0, rss);
  }, 100);
  return {
    phase: (name: string) => {
      phase = name;
    },
    stop: () => {
      clearInterval(sampler);
      peakRss = Math.max(peakRss, app.rssMb());
      return { peakRss, phasePeaks };
    },
  };
}

async function benchContext(app: App, sql: Sql, fx: Fixtures, phase: Bench["phase"]): Promise<Bench> {
  const adminCookie = await sessionCookie(fx.adminId);
  const leadCookie = await sessionCookie(fx.leadId);
  const raterCookies = await Promise.all(fx.raterIds.map((id) => sessionCookie(id)));
  const save = actionId("lib/actions/ratings.ts", "saveMyRatingAction");
  const saveOne = (i: number, n: number) => {
    const skillKey = fx.skillKeys[(i * 7 + n) % fx.skillKeys.length];
    const args = [{ skillKey, value: n % 5, interest: 1, evidence: null, requestId: randomUUID() }];
    return callAction(app, "/me", save, args, raterCookies[i % raterCookies.length]!);
  };
  const teamUrl = `/api/teams/${fx.teamId}/heatmap`;
  const orgUrl = `/api/org/heatmap`;
  const get = httpGetter(app);
  const reps = repetitions(orgSize);
  return { app, sql, fx, adminCookie, leadCookie, raterCookies, teamUrl, orgUrl, get, saveOne, phase, reps };
}

// A plain keep-alive HTTP client: fetch() adds milliseconds of its own
// per request, which would be charged to the server.
function httpGetter(app: App): Bench["get"] {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return (url, cookie, headers = {}) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.get(`${app.url}${url}`, { agent, headers: { cookie, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          if (res.statusCode !== 200) {
            reject(new Error(`${url}: HTTP ${res.statusCode} ${body.toString().slice(0, 200)}`));
          } else resolve({ ms: performance.now() - started, bytes: body.byteLength });
        });
      });
      req.on("error", reject);
    });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
