/**
 * npm run bench [-- --teams 40 --members-per-team 50 --skills 60 --quarters 4]
 * One run, a few minutes on 2 cores: builds (or reuses) the production build,
 * starts it on a throwaway PostgreSQL, loads the synthetic org with
 * `npm run seed:synthetic`, and measures the figures of issue 9 against their
 * targets. Writes bench/results/latest.json and prints a Markdown table.
 * These are benchmark figures, not tests: the machine is noisy, so ratios to
 * the raw SQL floor are reported next to the absolute numbers.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import postgres from "postgres";
import { buildIfStale } from "../lib/build.mjs";
import { ORG_SIZE_OPTIONS } from "../synthetic/options";
import { actionId, callAction, ROOT, round, sessionCookie, startApp, startPostgres, summarize } from "./harness";

const { values } = parseArgs({ options: ORG_SIZE_OPTIONS });

type Row = { metric: string; value: number; unit: string; target: string; met: boolean | null; note?: string };

async function main() {
  const t0 = Date.now();
  buildIfStale(ROOT);
  const pg = await startPostgres();
  const cleanup: (() => Promise<void> | void)[] = [() => pg.stop()];
  try {
    // The synthetic org, loaded by its own command (the same one other tools use).
    const seedStarted = Date.now();
    const seed = spawnSync(
      "npx",
      ["tsx", "scripts/seed-synthetic.ts", "--teams", values.teams!, "--members-per-team", values["members-per-team"]!, "--skills", values.skills!, "--quarters", values.quarters!, "--seed", "1"],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: pg.url }, stdio: "inherit" },
    );
    if (seed.status !== 0) throw new Error("seed:synthetic failed");
    const seedSeconds = (Date.now() - seedStarted) / 1000;

    const sql = postgres(pg.url, { max: 4, onnotice: () => {} });
    cleanup.unshift(() => sql.end());
    // An admin (as an operator would promote one) and the lead of the second team.
    const [admin] = await sql`update users set role = 'admin' where email = 'person0@synthetic.test' returning id`;
    const [team] = await sql`select t.id, t.framework_id from teams t where t.name = 'Team 02'`;
    const [lead] = await sql`select user_id from team_members where team_id = ${team!.id} and is_lead`;
    const raters = await sql`select user_id from team_members where team_id = ${team!.id} and not is_lead order by user_id limit 20`;
    const skillKeys = (await sql`select s.key from skills s join teams t on t.framework_version_id = s.framework_version_id where t.id = ${team!.id}`).map((r) => r.key as string);
    const ratingRows = Number((await sql`select count(*)::int as n from ratings`)[0]!.n);

    const app = await startApp(pg.url);
    cleanup.unshift(() => app.stop());
    let peakRss = app.rssMb();
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, app.rssMb())), 200);
    cleanup.unshift(() => clearInterval(sampler));

    const adminCookie = await sessionCookie(admin!.id);
    const leadCookie = await sessionCookie(lead!.user_id);
    const get = async (url: string, cookie: string) => {
      const started = performance.now();
      const r = await fetch(`${app.url}${url}`, { headers: { cookie } });
      const body = await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`${url}: HTTP ${r.status} ${Buffer.from(body).toString().slice(0, 200)}`);
      return { ms: performance.now() - started, bytes: body.byteLength };
    };
    const repeat = async (n: number, f: () => Promise<number>) => {
      const xs: number[] = [];
      for (let i = 0; i < n; i++) xs.push(await f());
      return summarize(xs);
    };

    const teamUrl = `/api/teams/${team!.id}/heatmap`;
    const orgUrl = `/api/org/heatmap`;
    // Warm-up: first requests load code and fill caches.
    for (let i = 0; i < 10; i++) await get(teamUrl, leadCookie);
    await get(orgUrl, adminCookie);

    // 1. Team heatmap data, sequential, then 10 connections.
    const teamSeq = await repeat(200, async () => (await get(teamUrl, leadCookie)).ms);
    const teamBytes = (await get(teamUrl, leadCookie)).bytes;
    const cannon = await autocannon({ url: `${app.url}${teamUrl}`, connections: 10, duration: 10, headers: { cookie: leadCookie } });
    const teamRps = cannon.requests.average;
    const teamErrors = cannon.errors + cannon.non2xx;

    // 2. The raw SQL floor: the same ratings, same query shape, straight from PostgreSQL.
    const latestSql = (userFilter: ReturnType<typeof sql>) => sql`
      select distinct on (user_id, skill_key, rater_kind) user_id, skill_key, rater_kind, proficiency, not_applicable, interest, quarter
      from ratings where framework_id = ${team!.framework_id} and rated_at <= now() and user_id in (${userFilter})
      order by user_id, skill_key, rater_kind, rated_at desc, id desc`;
    const teamFloor = await repeat(200, async () => {
      const s = performance.now();
      await latestSql(sql`select user_id from team_members where team_id = ${team!.id}`);
      return performance.now() - s;
    });

    // 3. Org heatmap data (2,000 × 60) and its floor.
    const orgSeq = await repeat(15, async () => (await get(orgUrl, adminCookie)).ms);
    const orgBytes = (await get(orgUrl, adminCookie)).bytes;
    const orgFloor = await repeat(15, async () => {
      const s = performance.now();
      await latestSql(sql`select tm.user_id from team_members tm join teams t on t.id = tm.team_id where t.framework_id = ${team!.framework_id} and t.archived_at is null`);
      return performance.now() - s;
    });

    // 4. Server-side render of the pages (HTML, as a browser's first load).
    const teamPage = await repeat(30, async () => (await get(`/teams/${team!.id}`, leadCookie)).ms);
    const orgPage = await repeat(8, async () => (await get(`/org`, adminCookie)).ms);

    // 5. Browser render of the org heatmap: data arrival → drawn (performance marks in the page).
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    cleanup.unshift(() => browser.close());
    const renders: number[] = [];
    const draws: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const [name, value] = adminCookie.split(/=(.*)/s);
      await context.addCookies([{ name: name!, value: value!, domain: "127.0.0.1", path: "/" }]);
      const page = await context.newPage();
      await page.goto(`${app.url}/org`);
      await page.waitForFunction(() => ((window as unknown as { __heatmapDrawnAt?: number[] }).__heatmapDrawnAt ?? []).length > 0, null, { timeout: 60_000 });
      // The page's HTML carries the heatmap data (server components), so
      // "data arrival" is the end of the document response.
      const w = await page.evaluate(() => {
        const x = window as unknown as { __heatmapDrawnAt: number[]; __heatmapDraws: number[] };
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        return { render: x.__heatmapDrawnAt[0]! - nav.responseEnd, draw: x.__heatmapDraws[0]! };
      });
      renders.push(w.render);
      draws.push(w.draw);
      await context.close();
    }
    const browserRender = summarize(renders);
    const browserDraw = summarize(draws);

    // 6. XLSX export of the whole org.
    const xlsx = await repeat(3, async () => (await get(`/api/export?scope=org&format=xlsx`, adminCookie)).ms);

    // 7. Rating saves with 20 concurrent raters (20 saves each, as autosave sends them).
    const save = actionId("app/(app)/me/actions.ts", "saveMyRatingAction");
    const raterCookies = await Promise.all(raters.map((r) => sessionCookie(r.user_id)));
    const saveTimes: number[] = [];
    let saveErrors = 0;
    await Promise.all(
      raterCookies.map(async (cookie, i) => {
        for (let n = 0; n < 20; n++) {
          const started = performance.now();
          const r = await callAction(app, "/me", save, [{ skillKey: skillKeys[(i * 7 + n) % skillKeys.length], value: n % 5, interest: 1, evidence: null, requestId: randomUUID() }], cookie);
          saveTimes.push(performance.now() - started);
          if (!r.ok) saveErrors++;
        }
      }),
    );
    const saves = summarize(saveTimes);
    clearInterval(sampler);
    peakRss = Math.max(peakRss, app.rssMb());

    const ratio = (a: number, b: number) => round(a / b, 1);
    const rows: Row[] = [
      { metric: "team heatmap data (50×60 + coverage, gaps, priorities): median", value: round(teamSeq.median), unit: "ms", target: "≤ 10 ms", met: teamSeq.median <= 10 },
      { metric: "team heatmap data: p95", value: round(teamSeq.p95), unit: "ms", target: "", met: null },
      { metric: "team heatmap data: throughput, 10 connections", value: round(teamRps, 0), unit: "req/s", target: "≥ 200 req/s", met: teamRps >= 200 && teamErrors === 0, note: `${teamErrors} errors` },
      { metric: "team: raw SQL floor (same query shape): median", value: round(teamFloor.median, 2), unit: "ms", target: "", met: null },
      { metric: "team heatmap data ÷ raw SQL floor (medians)", value: ratio(teamSeq.median, teamFloor.median), unit: "×", target: "≤ 3×", met: teamSeq.median / teamFloor.median <= 3 },
      { metric: "org heatmap data (2,000×60): median", value: round(orgSeq.median), unit: "ms", target: "≤ 350 ms", met: orgSeq.median <= 350 },
      { metric: "org heatmap data: p95", value: round(orgSeq.p95), unit: "ms", target: "", met: null },
      { metric: "org: raw SQL floor: median", value: round(orgFloor.median), unit: "ms", target: "", met: null },
      { metric: "org heatmap data ÷ raw SQL floor (medians)", value: ratio(orgSeq.median, orgFloor.median), unit: "×", target: "", met: null },
      { metric: "SSR team page (HTML): median", value: round(teamPage.median), unit: "ms", target: "", met: null },
      { metric: "SSR org page (HTML): median", value: round(orgPage.median), unit: "ms", target: "", met: null },
      { metric: "browser: org heatmap, HTML+data received → drawn: median", value: round(browserRender.median), unit: "ms", target: "≤ 300 ms", met: browserRender.median <= 300, note: `canvas draw alone ${round(browserDraw.median)} ms` },
      { metric: "XLSX export, whole org: median", value: round(xlsx.median), unit: "ms", target: "≤ 3000 ms", met: xlsx.median <= 3000 },
      { metric: "rating save, 20 concurrent raters: p95", value: round(saves.p95), unit: "ms", target: "≤ 50 ms", met: saves.p95 <= 50 && saveErrors === 0, note: `median ${round(saves.median)} ms, ${saves.n} saves, ${saveErrors} errors` },
      { metric: "server RSS, peak during the run", value: round(peakRss, 0), unit: "MB", target: "≤ 500 MB", met: peakRss <= 500 },
    ];
    const result = {
      when: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: round(totalmem() / 2 ** 30), node: process.version },
      org: { teams: Number(values.teams), membersPerTeam: Number(values["members-per-team"]), skills: Number(values.skills), quarters: Number(values.quarters), ratingRows, seedSeconds: round(seedSeconds) },
      payloadBytes: { team: teamBytes, org: orgBytes },
      raw: { teamSeq, teamFloor, teamRps, orgSeq, orgFloor, teamPage, orgPage, browserRender, browserDraw, xlsx, saves },
      rows,
      totalSeconds: round((Date.now() - t0) / 1000),
    };
    mkdirSync(path.join(ROOT, "bench", "results"), { recursive: true });
    writeFileSync(path.join(ROOT, "bench", "results", "latest.json"), `${JSON.stringify(result, null, 2)}\n`);

    console.log(`\nSkillgrid benchmark — ${result.org.teams} teams × ${result.org.membersPerTeam} people × ${result.org.skills} skills × ${result.org.quarters} quarters (${ratingRows} rating rows, loaded in ${result.org.seedSeconds} s), PostgreSQL, ${result.machine.cpus} cores\n`);
    console.log("| metric | value | target | met |\n|---|---:|---|---|");
    for (const r of rows) console.log(`| ${r.metric} | ${r.value} ${r.unit}${r.note ? ` (${r.note})` : ""} | ${r.target} | ${r.met === null ? "" : r.met ? "yes" : "**no**"} |`);
    console.log(`\nPayloads: team ${round(teamBytes / 1024)} KB, org ${round(orgBytes / 1024)} KB. Whole run ${result.totalSeconds} s. Written to bench/results/latest.json.`);
  } finally {
    for (const f of cleanup) await f();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
