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
import http from "node:http";
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import postgres from "postgres";
import { buildIfStale } from "../lib/build.mjs";
import { addQuarters, quarterEnd, quarterOf, quarterStart } from "../../lib/quarters";
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
    // Peak memory per phase, to name the phase that needs it.
    let phase = "start";
    const phasePeaks: Record<string, number> = {};
    const sample = () => {
      const rss = app.rssMb();
      peakRss = Math.max(peakRss, rss);
      phasePeaks[phase] = Math.max(phasePeaks[phase] ?? 0, rss);
    };
    const sampler = setInterval(sample, 100);
    cleanup.unshift(() => clearInterval(sampler));

    const adminCookie = await sessionCookie(admin!.id);
    const leadCookie = await sessionCookie(lead!.user_id);
    // A plain keep-alive HTTP client: fetch() adds milliseconds of its own
    // per request, which would be charged to the server.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (url: string, cookie: string) =>
      new Promise<{ ms: number; bytes: number }>((resolve, reject) => {
        const started = performance.now();
        const req = http.get(`${app.url}${url}`, { agent, headers: { cookie } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const body = Buffer.concat(chunks);
            if (res.statusCode !== 200) reject(new Error(`${url}: HTTP ${res.statusCode} ${body.toString().slice(0, 200)}`));
            else resolve({ ms: performance.now() - started, bytes: body.byteLength });
          });
        });
        req.on("error", reject);
      });
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

    phase = "http floor";
    // 0. What this server and client cost for a request that does nothing.
    const httpFloor = await repeat(200, async () => (await get("/api/health", "")).ms);

    phase = "team heatmap";
    // 1. Team heatmap data, sequential, then 10 connections.
    const teamSeq = await repeat(200, async () => (await get(teamUrl, leadCookie)).ms);
    const teamBytes = (await get(teamUrl, leadCookie)).bytes;
    const cannon = await autocannon({ url: `${app.url}${teamUrl}`, connections: 10, duration: 10, headers: { cookie: leadCookie } });
    const teamRps = cannon.requests.average;
    const teamErrors = cannon.errors + cannon.non2xx;

    phase = "team after writes";
    // 1b. After a write (a member of the team saves a rating): the cache is
    // stale, so every one of these requests rebuilds the payload.
    const save = actionId("lib/actions/ratings.ts", "saveMyRatingAction");
    const raterCookies = await Promise.all(raters.map((r) => sessionCookie(r.user_id)));
    const saveOne = (i: number, n: number) =>
      callAction(app, "/me", save, [{ skillKey: skillKeys[(i * 7 + n) % skillKeys.length], value: n % 5, interest: 1, evidence: null, requestId: randomUUID() }], raterCookies[i % raterCookies.length]!);
    const teamMiss = await repeat(60, async () => {
      await saveOne(0, Math.floor(Math.random() * 1000));
      return (await get(teamUrl, leadCookie)).ms;
    });

    // 2. The raw SQL floor: the same ratings, same query shape (the live
    // matrix is read from ratings_current), straight from PostgreSQL.
    const latestSql = (userFilter: postgres.PendingQuery<postgres.Row[]>) => sql`
      select user_id, skill_key, rater_kind, proficiency, not_applicable, interest, quarter
      from ratings_current where framework_id = ${team!.framework_id} and user_id in (${userFilter})`;
    const teamFloor = await repeat(200, async () => {
      const s = performance.now();
      await latestSql(sql`select user_id from team_members where team_id = ${team!.id}`);
      return performance.now() - s;
    });

    phase = "org heatmap";
    // 3. Org heatmap data (2,000 × 60) and its floor.
    const orgSeq = await repeat(15, async () => (await get(orgUrl, adminCookie)).ms);
    const orgBytes = (await get(orgUrl, adminCookie)).bytes;
    const orgMiss = await repeat(8, async () => {
      await saveOne(1, Math.floor(Math.random() * 1000));
      return (await get(orgUrl, adminCookie)).ms;
    });
    const orgFloor = await repeat(15, async () => {
      const s = performance.now();
      await latestSql(sql`select tm.user_id from team_members tm join teams t on t.id = tm.team_id where t.framework_id = ${team!.framework_id} and t.archived_at is null`);
      return performance.now() - s;
    });

    phase = "past quarter";
    // 3b. Last quarter, each read rebuilt after a write (no cache), against
    // the live reads above: first never closed (ratings from the history as
    // of its end, DISTINCT ON), then closed through the app, which takes the
    // snapshot of its ratings (db/queries/closed-quarter.ts). Memberships,
    // targets and roadmap versions come from their history either way.
    const lastQuarter = addQuarters(quarterOf(new Date()), -1);
    const pastReads = async () => ({
      team: await repeat(60, async () => {
        await saveOne(0, Math.floor(Math.random() * 1000));
        return (await get(`${teamUrl}?quarter=${lastQuarter}`, leadCookie)).ms;
      }),
      org: await repeat(8, async () => {
        await saveOne(1, Math.floor(Math.random() * 1000));
        return (await get(`${orgUrl}?quarter=${lastQuarter}`, adminCookie)).ms;
      }),
    });
    const neverClosed = await pastReads();
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const opened = await callAction(app, "/org/cycles", actionId("lib/actions/cycles.ts", "openCycleAction"), [{ quarter: lastQuarter, startsOn: day(quarterStart(lastQuarter)), endsOn: day(quarterEnd(lastQuarter)) }], adminCookie);
    const cycleId = /"id":"([0-9a-f-]{36})"/.exec(opened.body)?.[1];
    if (!opened.ok || !cycleId) throw new Error(`opening ${lastQuarter} failed: ${opened.status} ${opened.body.slice(0, 200)}`);
    const closeStarted = performance.now();
    const closedCall = await callAction(app, "/org/cycles", actionId("lib/actions/cycles.ts", "closeCycleAction"), [{ cycleId }], adminCookie);
    const closeMs = performance.now() - closeStarted;
    if (!closedCall.ok) throw new Error(`closing ${lastQuarter} failed: ${closedCall.status}`);
    const closedReads = await pastReads();

    phase = "saves";
    // 4. Rating saves (before the memory-heavy phases, so each figure is
    // measured in a steady state) with 20 concurrent raters. A person's autosave cannot
    // send more than one save per 500 ms (the debounce in use-autosave.ts), so
    // each rater saves, then waits 500 ms: ~40 saves/s from 20 people. Then the
    // same 20 clients with no pause at all, as a stress figure.
    const raterRun = async (pauseMs: number, perRater: number) => {
      const times: number[] = [];
      const slowest: { ms: number; at: number }[] = [];
      const phaseStart = performance.now();
      let errors = 0;
      await Promise.all(
        raterCookies.map(async (_, i) => {
          await new Promise((r) => setTimeout(r, (i * pauseMs) / raterCookies.length)); // people do not start in lockstep
          for (let n = 0; n < perRater; n++) {
            const started = performance.now();
            const r = await saveOne(i, n);
            times.push(performance.now() - started);
            slowest.push({ ms: Math.round(performance.now() - started), at: Math.round(started - phaseStart) });
            if (!r.ok) errors++;
            if (pauseMs) await new Promise((res) => setTimeout(res, pauseMs));
          }
        }),
      );
      // The 20 slowest with when they started (ms into the phase), to tell warm-up from steady state.
      return { ...summarize(times), errors, slowest: slowest.sort((a, b) => b.ms - a.ms).slice(0, 20) };
    };
    const paced = await raterRun(500, 20);
    const stress = await raterRun(0, 20);
    phase = "ssr";
    // 5. Server-side render of the pages (HTML, as a browser's first load).
    const teamPage = await repeat(30, async () => (await get(`/teams/${team!.id}`, leadCookie)).ms);
    const orgPage = await repeat(8, async () => (await get(`/org`, adminCookie)).ms);

    phase = "browser";
    // 6. Browser render of the org heatmap: data arrival → drawn (performance marks in the page).
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    cleanup.unshift(() => browser.close());
    const renders: number[] = [];
    const draws: number[] = [];
    const sinceNavigation: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const [name, value] = adminCookie.split(/=(.*)/s);
      await context.addCookies([{ name: name!, value: value!, domain: "127.0.0.1", path: "/" }]);
      const page = await context.newPage();
      await page.goto(`${app.url}/org`);
      await page.waitForFunction(() => ((window as unknown as { __heatmapRenders?: number[] }).__heatmapRenders ?? []).length > 0, null, { timeout: 60_000 });
      // Data arrival = the org JSON parsed in the page (components/heatmap/org-heatmap-loader.tsx).
      const w = await page.evaluate(() => {
        const x = window as unknown as { __heatmapRenders: number[]; __heatmapDraws: number[]; __heatmapDrawnAt: number[] };
        return { render: x.__heatmapRenders[0]!, draw: x.__heatmapDraws[0]!, sinceNavigation: x.__heatmapDrawnAt[0]! };
      });
      renders.push(w.render);
      draws.push(w.draw);
      sinceNavigation.push(w.sinceNavigation);
      await context.close();
    }
    const browserRender = summarize(renders);
    const browserDraw = summarize(draws);

    phase = "xlsx";
    // 7. XLSX export of the whole org.
    const xlsx = await repeat(3, async () => (await get(`/api/export?scope=org&format=xlsx`, adminCookie)).ms);

    clearInterval(sampler);
    peakRss = Math.max(peakRss, app.rssMb());

    const ratio = (a: number, b: number) => round(a / b, 1);
    const rows: Row[] = [
      { metric: "HTTP floor: GET /api/health, median", value: round(httpFloor.median, 2), unit: "ms", target: "", met: null },
      { metric: "team heatmap data (50×60 + coverage, gaps, priorities): median", value: round(teamSeq.median), unit: "ms", target: "≤ 10 ms", met: teamSeq.median <= 10 },
      { metric: "team heatmap data: p95", value: round(teamSeq.p95), unit: "ms", target: "", met: null },
      { metric: "team heatmap data: throughput, 10 connections", value: round(teamRps, 0), unit: "req/s", target: "≥ 200 req/s", met: teamRps >= 200 && teamErrors === 0, note: `${teamErrors} errors` },
      { metric: "team heatmap data right after a write (rebuilt, no cache): median", value: round(teamMiss.median), unit: "ms", target: "", met: null, note: `p95 ${round(teamMiss.p95)} ms` },
      { metric: "team: raw SQL floor (same query shape): median", value: round(teamFloor.median, 2), unit: "ms", target: "", met: null },
      { metric: "team heatmap data ÷ raw SQL floor (medians)", value: ratio(teamSeq.median, teamFloor.median), unit: "×", target: "≤ 3×", met: teamSeq.median / teamFloor.median <= 3 },
      { metric: "team heatmap data after a write ÷ raw SQL floor", value: ratio(teamMiss.median, teamFloor.median), unit: "×", target: "", met: null },
      { metric: "org heatmap data (2,000×60): median", value: round(orgSeq.median), unit: "ms", target: "≤ 350 ms", met: orgSeq.median <= 350 },
      { metric: "org heatmap data: p95", value: round(orgSeq.p95), unit: "ms", target: "", met: null },
      { metric: "org heatmap data right after a write (rebuilt): median", value: round(orgMiss.median), unit: "ms", target: "≤ 350 ms", met: orgMiss.median <= 350, note: `p95 ${round(orgMiss.p95)} ms` },
      { metric: "team heatmap data, closed quarter (snapshot), after a write: median", value: round(closedReads.team.median), unit: "ms", target: "≤ 1.5× live after a write", met: closedReads.team.median <= 1.5 * teamMiss.median, note: `${ratio(closedReads.team.median, teamMiss.median)}× live; p95 ${round(closedReads.team.p95)} ms` },
      { metric: "org heatmap data, closed quarter (snapshot), after a write: median", value: round(closedReads.org.median), unit: "ms", target: "≤ 1.5× live after a write", met: closedReads.org.median <= 1.5 * orgMiss.median, note: `${ratio(closedReads.org.median, orgMiss.median)}× live; p95 ${round(closedReads.org.p95)} ms` },
      { metric: "team heatmap data, past quarter never closed (history), after a write: median", value: round(neverClosed.team.median), unit: "ms", target: "", met: null, note: `${ratio(neverClosed.team.median, teamMiss.median)}× live` },
      { metric: "org heatmap data, past quarter never closed (history), after a write: median", value: round(neverClosed.org.median), unit: "ms", target: "", met: null, note: `${ratio(neverClosed.org.median, orgMiss.median)}× live` },
      { metric: "closing a quarter (takes the whole org's ratings snapshot)", value: round(closeMs), unit: "ms", target: "", met: null },
      { metric: "org: raw SQL floor: median", value: round(orgFloor.median), unit: "ms", target: "", met: null },
      { metric: "org heatmap data after a write ÷ raw SQL floor", value: ratio(orgMiss.median, orgFloor.median), unit: "×", target: "", met: null },
      { metric: "SSR team page (HTML): median", value: round(teamPage.median), unit: "ms", target: "", met: null },
      { metric: "SSR org page (HTML): median", value: round(orgPage.median), unit: "ms", target: "", met: null },
      { metric: "browser: org heatmap, data arrival → drawn: median", value: round(browserRender.median), unit: "ms", target: "≤ 300 ms", met: browserRender.median <= 300, note: `canvas draw alone ${round(browserDraw.median)} ms; navigation start → drawn ${round(summarize(sinceNavigation).median)} ms` },
      { metric: "XLSX export, whole org: median", value: round(xlsx.median), unit: "ms", target: "≤ 3000 ms", met: xlsx.median <= 3000 },
      { metric: "rating save, 20 concurrent raters at autosave pace: p95", value: round(paced.p95), unit: "ms", target: "≤ 50 ms", met: paced.p95 <= 50 && paced.errors === 0, note: `median ${round(paced.median)} ms, ${paced.n} saves, ${paced.errors} errors` },
      { metric: "rating save, 20 clients back-to-back, no pause (stress): p95", value: round(stress.p95), unit: "ms", target: "", met: null, note: `median ${round(stress.median)} ms, ${stress.n} saves, ${stress.errors} errors` },
      { metric: "server RSS, peak during the run", value: round(peakRss, 0), unit: "MB", target: "≤ 500 MB", met: peakRss <= 500, note: `highest in: ${Object.entries(phasePeaks).sort((a, b) => b[1] - a[1]).slice(0, 2).map(([k, v]) => `${k} ${round(v, 0)} MB`).join(", ")}` },
    ];
    const result = {
      when: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: round(totalmem() / 2 ** 30), node: process.version },
      org: { teams: Number(values.teams), membersPerTeam: Number(values["members-per-team"]), skills: Number(values.skills), quarters: Number(values.quarters), ratingRows, seedSeconds: round(seedSeconds) },
      payloadBytes: { team: teamBytes, org: orgBytes },
      raw: { httpFloor, teamSeq, teamMiss, teamFloor, teamRps, orgSeq, orgMiss, orgFloor, teamPage, orgPage, browserRender, browserDraw, xlsx, paced, stress },
      rssByPhase: Object.fromEntries(Object.entries(phasePeaks).map(([k, v]) => [k, round(v, 0)])),
      rows,
      totalSeconds: round((Date.now() - t0) / 1000),
    };
    // The plans of the queries behind every heatmap, on this data, for bench/README.md.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- postgres.js fragments of any row type
    const explain = async (title: string, query: any) => {
      const text = (await sql`explain (analyze, buffers, costs off) ${query}`).map((r) => r["QUERY PLAN"] as string).join("\n");
      return `### ${title}\n\n\`\`\`\n${text}\n\`\`\`\n`;
    };
    const teamMembersQ = sql`select user_id from team_members where team_id = ${team!.id}`;
    const orgMembersQ = sql`select tm.user_id from team_members tm join teams t on t.id = tm.team_id where t.framework_id = ${team!.framework_id} and t.archived_at is null`;
    const pastQuarterEnd = new Date(Date.UTC(new Date().getUTCFullYear(), Math.floor(new Date().getUTCMonth() / 3) * 3, 1) - 1);
    const plans = [
      await explain("Team matrix, live (ratings_current)", latestSql(teamMembersQ)),
      await explain("Org matrix, live (ratings_current)", latestSql(orgMembersQ)),
      await explain(
        "Team matrix as of the end of last quarter (history, DISTINCT ON)",
        sql`select distinct on (user_id, skill_key, rater_kind) user_id, skill_key, rater_kind, proficiency, not_applicable, interest, quarter
            from ratings where framework_id = ${team!.framework_id} and rated_at <= ${pastQuarterEnd.toISOString()}::timestamptz and user_id in (${teamMembersQ})
            order by user_id, skill_key, rater_kind, rated_at desc, id desc`,
      ),
      await explain(
        "Team members (heatmap rows)",
        sql`select u.id, u.name, tm.current_level_key from team_members tm join users u on u.id = tm.user_id where tm.team_id = ${team!.id} order by u.name`,
      ),
      await explain(
        "Viewer (one per request)",
        sql`select u.*, tm.team_id, tm.is_lead, t.archived_at from users u left join team_members tm on tm.user_id = u.id left join teams t on t.id = tm.team_id where u.id = ${lead!.user_id}`,
      ),
      await explain(
        "Data stamp (payload cache check, one per cached read)",
        sql`select concat_ws(':', (select max(id) from audit_events), (select max(id) from ratings), (select extract(epoch from max(updated_at)) from users)) as stamp`,
      ),
    ];
    mkdirSync(path.join(ROOT, "bench", "results"), { recursive: true });
    writeFileSync(path.join(ROOT, "bench", "results", "plans.md"), `# Query plans (${new Date().toISOString()}, ${ratingRows} rating rows)\n\n${plans.join("\n")}`);
    writeFileSync(path.join(ROOT, "bench", "results", "latest.json"), `${JSON.stringify(result, null, 2)}\n`);

    console.log(`\nSkillgrid benchmark — ${result.org.teams} teams × ${result.org.membersPerTeam} people × ${result.org.skills} skills × ${result.org.quarters} quarters (${ratingRows} rating rows, loaded in ${result.org.seedSeconds} s), PostgreSQL, ${result.machine.cpus} cores\n`);
    console.log("| metric | value | target | met |\n|---|---:|---|---|");
    for (const r of rows) console.log(`| ${r.metric} | ${r.value} ${r.unit}${r.note ? ` (${r.note})` : ""} | ${r.target} | ${r.met === null ? "" : r.met ? "yes" : "**no**"} |`);
    console.log(`\nPayloads: team ${round(teamBytes / 1024)} KB, org ${round(orgBytes / 1024)} KB. Whole run ${result.totalSeconds} s. Written to bench/results/latest.json (query plans: bench/results/plans.md).`);
  } finally {
    for (const f of cleanup) await f();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
