// The figures of `npm run bench` against their targets: the table it prints
// and the files it writes (bench/results/latest.json, plans.md).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { OrgSize } from "../synthetic/options";
import type { PeopleRound } from "./bench-people";
import { ROUNDS, type Figures, type Round } from "./bench-scenarios";
import { ROOT, round } from "./harness";

/**
 * One line of the table. A figure measured in every round has `rounds` (one
 * value per round, in order) and `value` is their median; it is met only if
 * every round met the target. `runs` says which: ROUNDS, or 1 for a figure
 * measured once (throughput, a one-off, memory, provisioning, email), or 0
 * for one not measured at this org size.
 */
export type Row = {
  metric: string;
  /** null: not measured at this org size (see the note). */
  value: number | null;
  unit: string;
  target: string;
  met: boolean | null;
  note?: string;
  runs: number;
  rounds?: number[];
  spread?: [number, number];
};
export type Rss = { peakRss: number; phasePeaks: Record<string, number> };

/** A round's figures under the names latest.json has always used (plus the ones added since). */
export function roundFigures(r: Round, people: PeopleRound) {
  return {
    httpFloor: r.httpFloor,
    teamSeq: r.team.seq,
    teamMiss: r.team.miss,
    teamFloor: r.teamFloor,
    apiSeq: r.api.seq,
    orgSeq: r.org.seq,
    orgMiss: r.org.miss,
    orgFloor: r.org.floor,
    pastClosedTeam: r.past.closed.team,
    pastClosedOrg: r.past.closed.org,
    mePage: r.ssr.mePage,
    teamPage: r.ssr.teamPage,
    orgPage: r.ssr.orgPage,
    browserRender: r.browser?.render ?? null,
    browserDraw: r.browser?.draw ?? null,
    xlsx: r.xlsx,
    paced: r.saves.paced,
    peopleFind: people.find,
    peopleFindMiss: people.findMiss,
    staff: people.staff,
    skillPage: people.skillPage,
    skillMiss: people.skillMiss,
  };
}

/** latest.json's `raw` (round 1, with the figures measured once) and `rounds` (every round). */
export function rawFigures(f: Figures) {
  const rounds = f.rounds.map((r, i) => roundFigures(r, f.people.rounds[i]!));
  const { once } = f;
  const raw = {
    ...rounds[0]!,
    teamRps: once.teamRps,
    stress: once.stress,
    pastNeverClosedTeam: once.neverClosed.team,
    pastNeverClosedOrg: once.neverClosed.org,
  };
  return { raw, rounds };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const ratio = (a: number, b: number) => round(a / b, 1);

type RowOptions = { target?: string; note?: string; digits?: number };

/** A figure measured once. */
function onceRow(metric: string, value: number, unit: string, met: boolean | null, o: RowOptions = {}): Row {
  const note = ["once", o.note].filter(Boolean).join("; ");
  return { metric, value: round(value, o.digits ?? 1), unit, target: o.target ?? "", met, note, runs: 1 };
}

/**
 * A figure with one value per round (each a median or p95 of that round's
 * requests): the median of the rounds, their spread, met if every round meets.
 */
function roundsRow(
  metric: string,
  values: number[],
  unit: string,
  meets: ((value: number, round: number) => boolean) | null,
  o: RowOptions = {},
): Row {
  const digits = o.digits ?? 1;
  const rounds = values.map((v) => round(v, digits));
  const spread: [number, number] = [Math.min(...rounds), Math.max(...rounds)];
  const spreadNote = `median of ${values.length} rounds, spread ${spread[0]}–${spread[1]} ${unit}`;
  return {
    metric,
    value: round(median(values), digits),
    unit,
    target: o.target ?? "",
    met: meets ? values.every((v, i) => meets(v, i)) : null,
    note: [spreadNote, o.note].filter(Boolean).join("; "),
    runs: values.length,
    rounds,
    spread,
  };
}

/** One value per round, read from each round. */
const per = <T>(rounds: T[], pick: (r: T) => number) => rounds.map(pick);
/** "a–b" over the rounds, for a second figure in a note. */
const range = (xs: number[], digits = 1) => {
  const rs = xs.map((x) => round(x, digits));
  return `${Math.min(...rs)}–${Math.max(...rs)}`;
};

/** The table of figures against their targets. */
export function resultRows(f: Figures, rss: Rss, org: OrgSize): Row[] {
  const { rounds, once } = f;
  const people = org.teams * org.membersPerTeam;
  const orgLabel = `${people.toLocaleString("en")}×${org.skills}`;
  return [
    roundsRow(
      "HTTP floor: GET /api/health, median",
      per(rounds, (r) => r.httpFloor.median),
      "ms",
      null,
      {
        digits: 2,
      },
    ),
    ...teamRows(f, org),
    roundsRow(
      "public API: GET /api/v1/teams/:id/matrix with a token, median",
      per(rounds, (r) => r.api.seq.median),
      "ms",
      (_, i) => rounds[i]!.api.ratio <= 1.5,
      {
        digits: 2,
        target: "≤ 1.5× the session route",
        note:
          `${round(median(per(rounds, (r) => r.api.ratio)), 2)}× the session route's median in the same round ` +
          `(rounds ${range(
            per(rounds, (r) => r.api.ratio),
            2,
          )}×); p95 ${range(
            per(rounds, (r) => r.api.seq.p95),
            2,
          )} ms`,
      },
    ),
    roundsRow(
      `org heatmap data (${orgLabel}): median`,
      per(rounds, (r) => r.org.seq.median),
      "ms",
      (v) => v <= 350,
      {
        target: "≤ 350 ms",
      },
    ),
    roundsRow(
      "org heatmap data: p95",
      per(rounds, (r) => r.org.seq.p95),
      "ms",
      null,
    ),
    roundsRow(
      "org heatmap data right after a write (rebuilt): median",
      per(rounds, (r) => r.org.miss.median),
      "ms",
      (v) => v <= 350,
      { target: "≤ 350 ms", note: `p95 ${range(per(rounds, (r) => r.org.miss.p95))} ms` },
    ),
    ...pastQuarterRows(f),
    onceRow("closing a quarter (takes the whole org's ratings snapshot)", once.closeMs, "ms", null),
    roundsRow(
      "org: raw SQL floor: median",
      per(rounds, (r) => r.org.floor.median),
      "ms",
      null,
    ),
    roundsRow(
      "org heatmap data after a write ÷ raw SQL floor",
      per(rounds, (r) => r.org.miss.median / r.org.floor.median),
      "×",
      null,
    ),
    roundsRow(
      "SSR /me page (HTML): median",
      per(rounds, (r) => r.ssr.mePage.median),
      "ms",
      (v) => v <= 10,
      {
        target: "≤ 10 ms",
        note: `a rater's own sheet; p95 ${range(per(rounds, (r) => r.ssr.mePage.p95))} ms`,
      },
    ),
    roundsRow(
      `SSR team page (HTML, ${org.membersPerTeam} people): median`,
      per(rounds, (r) => r.ssr.teamPage.median),
      "ms",
      (v) => v <= 10,
      { target: "≤ 10 ms", note: `as the lead; p95 ${range(per(rounds, (r) => r.ssr.teamPage.p95))} ms` },
    ),
    roundsRow(
      "SSR org page (HTML): median",
      per(rounds, (r) => r.ssr.orgPage.median),
      "ms",
      null,
    ),
    browserRow(f),
    roundsRow(
      "XLSX export, whole org: median",
      per(rounds, (r) => r.xlsx.median),
      "ms",
      (v) => v <= 3000,
      {
        target: "≤ 3000 ms",
      },
    ),
    ...peopleRows(f),
    ...scimRows(f),
    ...mailRows(f),
    roundsRow(
      "rating save, 20 concurrent raters at autosave pace: p95",
      per(rounds, (r) => r.saves.paced.p95),
      "ms",
      (v, i) => v <= 50 && rounds[i]!.saves.paced.errors === 0,
      {
        target: "≤ 50 ms",
        note:
          `each round's p95; median ${range(per(rounds, (r) => r.saves.paced.median))} ms, ` +
          `${rounds[0]!.saves.paced.n} saves a round, ${rounds.map((r) => r.saves.paced.errors).join("/")} errors`,
      },
    ),
    onceRow("rating save, 20 clients back-to-back, no pause (stress): p95", once.stress.p95, "ms", null, {
      note: `median ${round(once.stress.median)} ms, ${once.stress.n} saves, ${once.stress.errors} errors`,
    }),
    onceRow("server RSS, peak during the run", rss.peakRss, "MB", rss.peakRss <= 500, {
      digits: 0,
      target: "≤ 500 MB",
      note: `over all ${ROUNDS} rounds; highest in: ${highestPhases(rss)}`,
    }),
  ];
}

/** The org heatmap drawn in Chromium; not measured when the org is small enough to be drawn as SVG. */
function browserRow({ rounds }: Figures): Row {
  const metric = "browser: org heatmap, data arrival → drawn: median";
  const drawn = rounds.map((r) => r.browser).filter((x) => x !== null);
  if (drawn.length < rounds.length) {
    const note = "not measured: this org is drawn as SVG, not on a canvas (components/heatmap/geometry.ts)";
    return { metric, value: null, unit: "ms", target: "≤ 300 ms", met: null, note, runs: 0 };
  }
  return roundsRow(
    metric,
    per(drawn, (x) => x.render.median),
    "ms",
    (v) => v <= 300,
    {
      target: "≤ 300 ms",
      note:
        `canvas draw alone ${range(per(drawn, (x) => x.draw.median))} ms; ` +
        `navigation start → drawn ${range(per(drawn, (x) => x.sinceNavigation.median))} ms`,
    },
  );
}

const highestPhases = (rss: Rss) =>
  Object.entries(rss.phasePeaks)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([k, v]) => `${k} ${round(v, 0)} MB`)
    .join(", ");

function teamRows({ rounds, once }: Figures, org: OrgSize): Row[] {
  const label = `${org.membersPerTeam}×${org.skills}`;
  const seqOverFloor = per(rounds, (r) => r.team.seq.median / r.teamFloor.median);
  return [
    roundsRow(
      `team heatmap data (${label} + coverage, gaps, priorities): median`,
      per(rounds, (r) => r.team.seq.median),
      "ms",
      (v) => v <= 10,
      { target: "≤ 10 ms" },
    ),
    roundsRow(
      "team heatmap data: p95",
      per(rounds, (r) => r.team.seq.p95),
      "ms",
      null,
    ),
    onceRow(
      "team heatmap data: throughput, 10 connections",
      once.teamRps,
      "req/s",
      once.teamRps >= 200 && once.teamErrors === 0,
      { digits: 0, target: "≥ 200 req/s", note: `${once.teamErrors} errors` },
    ),
    roundsRow(
      "team heatmap data right after a write (rebuilt, no cache): median",
      per(rounds, (r) => r.team.miss.median),
      "ms",
      null,
      { note: `p95 ${range(per(rounds, (r) => r.team.miss.p95))} ms` },
    ),
    roundsRow(
      "team: raw SQL floor (same query shape): median",
      per(rounds, (r) => r.teamFloor.median),
      "ms",
      null,
      {
        digits: 2,
      },
    ),
    roundsRow("team heatmap data ÷ raw SQL floor (medians)", seqOverFloor, "×", (v) => v <= 3, { target: "≤ 3×" }),
    roundsRow(
      "team heatmap data after a write ÷ raw SQL floor",
      per(rounds, (r) => r.team.miss.median / r.teamFloor.median),
      "×",
      null,
    ),
  ];
}

/**
 * The closed quarter against the live reads after a write in the same round;
 * the never-closed reads exist in round 1 only (the quarter is closed after them).
 */
function pastQuarterRows({ rounds, once }: Figures): Row[] {
  const closedRow = (scope: "team" | "org") => {
    const ratios = per(rounds, (r) => r.past.closed[scope].median / r[scope].miss.median);
    return roundsRow(
      `${scope} heatmap data, closed quarter (snapshot), after a write: median`,
      per(rounds, (r) => r.past.closed[scope].median),
      "ms",
      (_, i) => ratios[i]! <= 1.5,
      {
        target: "≤ 1.5× live after a write",
        note:
          `${round(median(ratios), 2)}× live in the same round (rounds ${range(ratios, 2)}×); ` +
          `p95 ${range(per(rounds, (r) => r.past.closed[scope].p95))} ms`,
      },
    );
  };
  const neverClosedRow = (scope: "team" | "org") =>
    onceRow(
      `${scope} heatmap data, past quarter never closed (history), after a write: median`,
      once.neverClosed[scope].median,
      "ms",
      null,
      {
        note:
          `round 1, before the close; ` +
          `${ratio(once.neverClosed[scope].median, rounds[0]![scope].miss.median)}× live in round 1`,
      },
    );
  return [closedRow("team"), closedRow("org"), neverClosedRow("team"), neverClosedRow("org")];
}

export type BenchResult = {
  org: {
    size: string;
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
    `\nSkillgrid benchmark (--size ${org.size}) — ${org.teams} teams × ${org.membersPerTeam} people × ` +
      `${org.skills} skills × ${org.quarters} quarters (${org.ratingRows} rating rows, loaded in ${org.seedSeconds} s), ` +
      `PostgreSQL, ${result.machine.cpus} cores. Latency figures: the median of ${ROUNDS} rounds in this run, ` +
      `met only if every round met the target; "once" marks a figure measured a single time.\n`,
  );
  console.log("| metric | value | target | met |\n|---|---:|---|---|");
  for (const r of result.rows) {
    const met = r.met === null ? "" : r.met ? "yes" : "**no**";
    const value = r.value === null ? "—" : `${r.value} ${r.unit}`;
    console.log(`| ${r.metric} | ${value}${r.note ? ` (${r.note})` : ""} | ${r.target} | ${met} |`);
  }
  console.log(
    `\nPayloads: team ${round(payloadBytes.team / 1024)} KB, org ${round(payloadBytes.org / 1024)} KB. ` +
      `Whole run ${result.totalSeconds} s. Written to bench/results/latest.json (query plans: bench/results/plans.md).`,
  );
}

function peopleRows({ people }: Figures): Row[] {
  const { rounds } = people;
  return [
    roundsRow(
      "find people, 5 requirements across the org (CSV route): median",
      per(rounds, (r) => r.find.median),
      "ms",
      (v) => v <= 30,
      { target: "≤ 30 ms" },
    ),
    roundsRow(
      "find people: p95",
      per(rounds, (r) => r.find.p95),
      "ms",
      (v) => v <= 60,
      {
        target: "≤ 60 ms",
        note: "each round's p95",
      },
    ),
    roundsRow(
      "find people right after a write (rebuilt, no cache): median",
      per(rounds, (r) => r.findMiss.median),
      "ms",
      null,
      { note: `p95 ${range(per(rounds, (r) => r.findMiss.p95))} ms` },
    ),
    onceRow(
      "find people: throughput, 10 connections",
      people.findRps,
      "req/s",
      people.findRps >= 150 && people.findErrors === 0,
      { digits: 0, target: "≥ 150 req/s", note: `${people.findErrors} errors` },
    ),
    roundsRow(
      "staffing proposal, 6 requirements × 2 people across the org: median",
      per(rounds, (r) => r.staff.median),
      "ms",
      (v) => v <= 150,
      {
        target: "≤ 150 ms",
        note: `p95 ${range(per(rounds, (r) => r.staff.p95))} ms; ${people.targets} team targets to weigh harm against`,
      },
    ),
    roundsRow(
      "skill page (SSR HTML: data and render): median",
      per(rounds, (r) => r.skillPage.median),
      "ms",
      (v) => v <= 20,
      {
        target: "≤ 20 ms (data)",
        note:
          `p95 ${range(per(rounds, (r) => r.skillPage.p95))} ms; ` +
          "the whole page's HTML, so an upper bound of its data time",
      },
    ),
    roundsRow(
      "skill page right after a write (rebuilt, no cache): median",
      per(rounds, (r) => r.skillMiss.median),
      "ms",
      null,
      { note: `p95 ${range(per(rounds, (r) => r.skillMiss.p95))} ms` },
    ),
  ];
}

function mailRows({ mail }: Figures): Row[] {
  return mail.map((m) =>
    onceRow(
      `email: ${m.messages} messages rendered and sent over SMTP to a loopback server (${m.engine}, ${m.workers} worker${m.workers > 1 ? "s" : ""})`,
      m.perSecond,
      "messages/s",
      null,
      { note: `${round(m.seconds)} s in all, each message received once` },
    ),
  );
}

function scimRows({ scim }: Figures): Row[] {
  return [
    onceRow(
      `SCIM: ${scim.people} people and ${scim.groups} groups provisioned from empty (Okta's sequence)`,
      scim.provisionSeconds,
      "s",
      scim.provisionSeconds <= 60 && scim.people >= 2000 && scim.groups >= 40,
      { target: "≤ 60 s" },
    ),
    onceRow("SCIM: full re-sync of the same directory", scim.resyncSeconds, "s", scim.resyncWrites === 0, {
      target: "0 writes",
      note: `${scim.resyncWrites} audit rows written; ${scim.retried} requests sent again after a 429`,
    }),
  ];
}
