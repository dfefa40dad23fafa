// The figures of `npm run bench` against their targets: the table it prints
// and the files it writes (bench/results/latest.json, plans.md).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { Figures } from "./bench-scenarios";
import { ROOT, round } from "./harness";

export type Row = { metric: string; value: number; unit: string; target: string; met: boolean | null; note?: string };
export type Rss = { peakRss: number; phasePeaks: Record<string, number> };

/** The figures under the names latest.json has always used. */
export function rawFigures({ httpFloor, team, teamFloor, org, saves, ssr, browser, xlsx }: Figures) {
  return {
    httpFloor,
    teamSeq: team.seq,
    teamMiss: team.miss,
    teamFloor,
    teamRps: team.rps,
    orgSeq: org.seq,
    orgMiss: org.miss,
    orgFloor: org.floor,
    teamPage: ssr.teamPage,
    orgPage: ssr.orgPage,
    browserRender: browser.render,
    browserDraw: browser.draw,
    xlsx,
    paced: saves.paced,
    stress: saves.stress,
  };
}

const row = (metric: string, value: number, unit: string, more: Partial<Row> = {}): Row => ({
  metric,
  value,
  unit,
  target: "",
  met: null,
  ...more,
});
const ratio = (a: number, b: number) => round(a / b, 1);

/** The table of figures against their targets. */
export function resultRows(f: Figures, rss: Rss): Row[] {
  const { org, past, saves, browser } = f;
  return [
    row("HTTP floor: GET /api/health, median", round(f.httpFloor.median, 2), "ms"),
    ...teamRows(f),
    row("public API: GET /api/v1/teams/:id/matrix with a token, median", round(f.api.seq.median, 2), "ms", {
      target: "≤ 1.5× the session route",
      met: f.api.ratio <= 1.5,
      note: `${round(f.api.ratio, 2)}× the session route's median; p95 ${round(f.api.seq.p95, 2)} ms`,
    }),
    row("org heatmap data (2,000×60): median", round(org.seq.median), "ms", {
      target: "≤ 350 ms",
      met: org.seq.median <= 350,
    }),
    row("org heatmap data: p95", round(org.seq.p95), "ms"),
    row("org heatmap data right after a write (rebuilt): median", round(org.miss.median), "ms", {
      target: "≤ 350 ms",
      met: org.miss.median <= 350,
      note: `p95 ${round(org.miss.p95)} ms`,
    }),
    ...pastQuarterRows(f),
    row("closing a quarter (takes the whole org's ratings snapshot)", round(past.closeMs), "ms"),
    row("org: raw SQL floor: median", round(org.floor.median), "ms"),
    row("org heatmap data after a write ÷ raw SQL floor", ratio(org.miss.median, org.floor.median), "×"),
    row("SSR team page (HTML): median", round(f.ssr.teamPage.median), "ms"),
    row("SSR org page (HTML): median", round(f.ssr.orgPage.median), "ms"),
    row("browser: org heatmap, data arrival → drawn: median", round(browser.render.median), "ms", {
      target: "≤ 300 ms",
      met: browser.render.median <= 300,
      note:
        `canvas draw alone ${round(browser.draw.median)} ms; ` +
        `navigation start → drawn ${round(browser.sinceNavigation.median)} ms`,
    }),
    row("XLSX export, whole org: median", round(f.xlsx.median), "ms", {
      target: "≤ 3000 ms",
      met: f.xlsx.median <= 3000,
    }),
    ...peopleRows(f),
    ...scimRows(f),
    ...mailRows(f),
    row("rating save, 20 concurrent raters at autosave pace: p95", round(saves.paced.p95), "ms", {
      target: "≤ 50 ms",
      met: saves.paced.p95 <= 50 && saves.paced.errors === 0,
      note: `median ${round(saves.paced.median)} ms, ${saves.paced.n} saves, ${saves.paced.errors} errors`,
    }),
    row("rating save, 20 clients back-to-back, no pause (stress): p95", round(saves.stress.p95), "ms", {
      note: `median ${round(saves.stress.median)} ms, ${saves.stress.n} saves, ${saves.stress.errors} errors`,
    }),
    row("server RSS, peak during the run", round(rss.peakRss, 0), "MB", {
      target: "≤ 500 MB",
      met: rss.peakRss <= 500,
      note: `highest in: ${highestPhases(rss)}`,
    }),
  ];
}

const highestPhases = (rss: Rss) =>
  Object.entries(rss.phasePeaks)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([k, v]) => `${k} ${round(v, 0)} MB`)
    .join(", ");

function teamRows({ team, teamFloor }: Figures): Row[] {
  return [
    row("team heatmap data (50×60 + coverage, gaps, priorities): median", round(team.seq.median), "ms", {
      target: "≤ 10 ms",
      met: team.seq.median <= 10,
    }),
    row("team heatmap data: p95", round(team.seq.p95), "ms"),
    row("team heatmap data: throughput, 10 connections", round(team.rps, 0), "req/s", {
      target: "≥ 200 req/s",
      met: team.rps >= 200 && team.errors === 0,
      note: `${team.errors} errors`,
    }),
    row("team heatmap data right after a write (rebuilt, no cache): median", round(team.miss.median), "ms", {
      note: `p95 ${round(team.miss.p95)} ms`,
    }),
    row("team: raw SQL floor (same query shape): median", round(teamFloor.median, 2), "ms"),
    row("team heatmap data ÷ raw SQL floor (medians)", ratio(team.seq.median, teamFloor.median), "×", {
      target: "≤ 3×",
      met: team.seq.median / teamFloor.median <= 3,
    }),
    row("team heatmap data after a write ÷ raw SQL floor", ratio(team.miss.median, teamFloor.median), "×"),
  ];
}

function pastQuarterRows({ team, org, past }: Figures): Row[] {
  const { closed, neverClosed } = past;
  return [
    row("team heatmap data, closed quarter (snapshot), after a write: median", round(closed.team.median), "ms", {
      target: "≤ 1.5× live after a write",
      met: closed.team.median <= 1.5 * team.miss.median,
      note: `${ratio(closed.team.median, team.miss.median)}× live; p95 ${round(closed.team.p95)} ms`,
    }),
    row("org heatmap data, closed quarter (snapshot), after a write: median", round(closed.org.median), "ms", {
      target: "≤ 1.5× live after a write",
      met: closed.org.median <= 1.5 * org.miss.median,
      note: `${ratio(closed.org.median, org.miss.median)}× live; p95 ${round(closed.org.p95)} ms`,
    }),
    row(
      "team heatmap data, past quarter never closed (history), after a write: median",
      round(neverClosed.team.median),
      "ms",
      { note: `${ratio(neverClosed.team.median, team.miss.median)}× live` },
    ),
    row(
      "org heatmap data, past quarter never closed (history), after a write: median",
      round(neverClosed.org.median),
      "ms",
      { note: `${ratio(neverClosed.org.median, org.miss.median)}× live` },
    ),
  ];
}

export type BenchResult = {
  org: {
    teams: number;
    membersPerTeam: number;
    skills: number;
    quarters: number;
    ratingRows: number;
    seedSeconds: number;
  };
  machine: { cpus: number };
  payloadBytes: { team: number; org: number };
  rows: Row[];
  totalSeconds: number;
};

export function writeResults(result: BenchResult, plans: string[]): void {
  const dir = path.join(ROOT, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const title = `# Query plans (${new Date().toISOString()}, ${result.org.ratingRows} rating rows)`;
  writeFileSync(path.join(dir, "plans.md"), `${title}\n\n${plans.join("\n")}`);
  writeFileSync(path.join(dir, "latest.json"), `${JSON.stringify(result, null, 2)}\n`);
}

export function printResults(result: BenchResult): void {
  const { org, payloadBytes } = result;
  console.log(
    `\nSkillgrid benchmark — ${org.teams} teams × ${org.membersPerTeam} people × ${org.skills} skills × ` +
      `${org.quarters} quarters (${org.ratingRows} rating rows, loaded in ${org.seedSeconds} s), PostgreSQL, ` +
      `${result.machine.cpus} cores\n`,
  );
  console.log("| metric | value | target | met |\n|---|---:|---|---|");
  for (const r of result.rows) {
    const met = r.met === null ? "" : r.met ? "yes" : "**no**";
    console.log(`| ${r.metric} | ${r.value} ${r.unit}${r.note ? ` (${r.note})` : ""} | ${r.target} | ${met} |`);
  }
  console.log(
    `\nPayloads: team ${round(payloadBytes.team / 1024)} KB, org ${round(payloadBytes.org / 1024)} KB. ` +
      `Whole run ${result.totalSeconds} s. Written to bench/results/latest.json (query plans: bench/results/plans.md).`,
  );
}

function peopleRows({ people }: Figures): Row[] {
  return [
    row("find people, 5 requirements across the org (CSV route): median", round(people.find.median), "ms", {
      target: "≤ 30 ms",
      met: people.find.median <= 30,
    }),
    row("find people: p95", round(people.find.p95), "ms", { target: "≤ 60 ms", met: people.find.p95 <= 60 }),
    row("find people right after a write (rebuilt, no cache): median", round(people.findMiss.median), "ms", {
      note: `p95 ${round(people.findMiss.p95)} ms`,
    }),
    row("find people: throughput, 10 connections", round(people.findRps, 0), "req/s", {
      target: "≥ 150 req/s",
      met: people.findRps >= 150 && people.findErrors === 0,
      note: `${people.findErrors} errors`,
    }),
    row("staffing proposal, 6 requirements × 2 people across the org: median", round(people.staff.median), "ms", {
      target: "≤ 150 ms",
      met: people.staff.median <= 150,
      note: `p95 ${round(people.staff.p95)} ms; ${people.targets} team targets to weigh harm against`,
    }),
    row("skill page (SSR HTML: data and render): median", round(people.skillPage.median), "ms", {
      target: "≤ 20 ms (data)",
      met: people.skillPage.median <= 20,
      note: `p95 ${round(people.skillPage.p95)} ms; the whole page's HTML, so an upper bound of its data time`,
    }),
    row("skill page right after a write (rebuilt, no cache): median", round(people.skillMiss.median), "ms", {
      note: `p95 ${round(people.skillMiss.p95)} ms`,
    }),
  ];
}

function mailRows({ mail }: Figures): Row[] {
  return mail.map((m) =>
    row(
      `email: ${m.messages} messages rendered and sent over SMTP to a loopback server (${m.engine}, ${m.workers} worker${m.workers > 1 ? "s" : ""})`,
      round(m.perSecond),
      "messages/s",
      { note: `${round(m.seconds)} s in all, each message received once` },
    ),
  );
}

function scimRows({ scim }: Figures): Row[] {
  return [
    row(
      `SCIM: ${scim.people} people and ${scim.groups} groups provisioned from empty (Okta's sequence)`,
      round(scim.provisionSeconds),
      "s",
      {
        target: "≤ 60 s",
        met: scim.provisionSeconds <= 60 && scim.people >= 2000 && scim.groups >= 40,
      },
    ),
    row("SCIM: full re-sync of the same directory", round(scim.resyncSeconds), "s", {
      target: "0 writes",
      met: scim.resyncWrites === 0,
      note: `${scim.resyncWrites} audit rows written; ${scim.retried} requests sent again after a 429`,
    }),
  ];
}
