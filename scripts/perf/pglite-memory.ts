/**
 * npm run bench:pglite-memory [-- --variant app --variant "shared_buffers=32MB" …] [--queries <seeded PGlite dir>]
 * Where the embedded database's memory goes, without Next.js. Each variant
 * opens PGlite on an empty directory (the "app" variant exactly as the server
 * does, through db/client.ts openDb; the others with other PGlite options),
 * migrates and seeds the demo organisation, then reopens the seeded directory
 * as a restarted server would. Every run is a fresh Node process with
 * --expose-gc. Per phase: the peak resident set (VmHWM, reset between
 * phases), the JS heap, and PGlite's WebAssembly memory, both its size (it
 * only grows) and how much of it is resident.
 * With --queries, each variant instead runs the heatmap queries on a copy of
 * an already seeded directory (e.g. `npm run seed:synthetic` with PGLITE_DIR)
 * and reports their times and the peak resident set.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";

import { openDb, type Db, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import * as schema from "@/db/schema";
import { seedDatabase } from "@/db/seed";

// "-c name=value" settings appended to PGlite's own start parameters, and for initdb.
const options = (conf: string[], initdb: string[] = []): PGliteOptions => ({
  startParams: [...PGlite.defaultStartParams, ...conf.flatMap((c) => ["-c", c])],
  ...(initdb.length ? { initDbStartParams: initdb.flatMap((c) => ["-c", c]) } : {}),
});
const VARIANTS: Record<string, PGliteOptions | "app"> = {
  app: "app",
  "pglite defaults": {},
  "shared_buffers=32MB": options(["shared_buffers=32MB"]),
  "shared_buffers=16MB": options(["shared_buffers=16MB"]),
  "shared_buffers=16MB (and initdb)": options(["shared_buffers=16MB"], ["shared_buffers=16MB"]),
  "shared_buffers=16MB work_mem=1MB maintenance_work_mem=8MB": options([
    "shared_buffers=16MB",
    "work_mem=1MB",
    "maintenance_work_mem=8MB",
  ]),
  "shared_buffers=16MB temp_buffers=1MB wal_buffers=256kB": options([
    "shared_buffers=16MB",
    "temp_buffers=1MB",
    "wal_buffers=256kB",
  ]),
};

type Phase = {
  phase: string;
  ms: number;
  peakRssMb: number;
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
  wasmMb: number;
  wasmRssMb: number;
};
type Timing = { query: string; coldMs: number; medianMs: number; peakRssMb: number };

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const peakRssMb = () =>
  Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0) / 1024);
const resetPeakRss = () => writeFileSync("/proc/self/clear_refs", "5"); // VmHWM := current RSS

// V8 reserves 10 GiB of address space per 32-bit WebAssembly memory (bounds
// checks by guard pages): the memory is a read-write mapping followed by a
// multi-GiB inaccessible one. That mapping's Rss is the part of the WASM
// heap actually touched, whatever its declared size.
function wasmResidentMb(): number {
  type Mapping = { start: number; end: number; perms: string; sizeKb: number; rssKb: number };
  const maps: Mapping[] = [];
  for (const line of readFileSync("/proc/self/smaps", "utf8").split("\n")) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+)/.exec(line);
    if (head)
      maps.push({ start: parseInt(head[1]!, 16), end: parseInt(head[2]!, 16), perms: head[3]!, sizeKb: 0, rssKb: 0 });
    const field = /^(Size|Rss):\s+(\d+) kB/.exec(line);
    if (field && maps.length) maps.at(-1)![field[1] === "Size" ? "sizeKb" : "rssKb"] = Number(field[2]);
  }
  let kb = 0;
  maps.forEach((m, i) => {
    const next = maps[i + 1];
    if (m.perms.startsWith("rw") && next?.start === m.end && next.perms.startsWith("---") && next.sizeKb >= 4 * 2 ** 20)
      kb += m.rssKb;
  });
  return Math.round(kb / 1024);
}

function open(variant: string, dir: string): { handle: DbHandle; client: PGlite } {
  const chosen = VARIANTS[variant];
  if (chosen === undefined) throw new Error(`unknown variant ${variant}; one of: ${Object.keys(VARIANTS).join(", ")}`);
  const handle: DbHandle =
    chosen === "app"
      ? openDb({ pgliteDir: dir })
      : (() => {
          const client = new PGlite(dir, chosen);
          const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
          return { db, engine: "pglite", close: () => client.close(), exclusive: (fn) => fn() };
        })();
  return { handle, client: (handle.db as unknown as { $client: PGlite }).$client };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    (globalThis as { gc?: () => void }).gc!();
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function measurePhases(variant: string, dir: string): Promise<Phase[]> {
  const phases: Phase[] = [];
  let wasmBytes = () => 0;
  let heapPeak = 0;
  let started = performance.now();
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 50);
  const mark = (phase: string) => {
    const m = process.memoryUsage();
    const ms = Math.round(performance.now() - started);
    phases.push({
      phase,
      ms,
      peakRssMb: peakRssMb(),
      rssMb: mb(m.rss),
      heapUsedMb: mb(Math.max(heapPeak, m.heapUsed)),
      externalMb: mb(m.external),
      wasmMb: mb(wasmBytes()),
      wasmRssMb: wasmResidentMb(),
    });
    resetPeakRss();
    heapPeak = 0;
    started = performance.now();
  };
  await settle();
  mark("node + modules");
  const { handle, client } = open(variant, dir);
  wasmBytes = () => (client as unknown as { mod?: { HEAPU8: Uint8Array } }).mod?.HEAPU8.buffer.byteLength ?? 0;
  await handle.db.execute(sql`select 1`);
  mark("open");
  await migrateDatabase(handle);
  mark("migrate");
  await seedDatabase(handle.db, { demo: true });
  mark("seed");
  await settle();
  mark("idle (after GC)");
  clearInterval(sampler);
  await handle.close();
  return phases;
}

// The heatmap's queries (the shapes scripts/perf/bench.ts measures on PostgreSQL).
async function measureQueries(variant: string, dir: string): Promise<Timing[]> {
  const { handle, client } = open(variant, dir);
  const [team] = (
    await client.query<{ id: string; framework_id: string }>(
      "select id, framework_id from teams order by name limit 1 offset 1",
    )
  ).rows;
  const { id: teamId, framework_id: frameworkId } = team!;
  const live = `select user_id, skill_key, rater_kind, proficiency, not_applicable, interest, quarter
    from ratings_current where framework_id = $1 and user_id in`;
  const orgMembers =
    "select tm.user_id from team_members tm join teams t on t.id = tm.team_id where t.framework_id = $2 and t.archived_at is null";
  // [name, SQL, parameters, timed runs after the first]
  const queries: [string, string, unknown[], number][] = [
    ["team matrix, live", `${live} (select user_id from team_members where team_id = $2)`, [frameworkId, teamId], 100],
    ["org matrix, live", `${live} (${orgMembers})`, [frameworkId, frameworkId], 10],
    [
      "team matrix, past quarter",
      `select distinct on (user_id, skill_key, rater_kind) user_id, skill_key, rater_kind, proficiency, quarter from ratings
       where framework_id = $1 and rated_at <= date_trunc('quarter', now()) and user_id in (select user_id from team_members where team_id = $2)
       order by user_id, skill_key, rater_kind, rated_at desc, id desc`,
      [frameworkId, teamId],
      30,
    ],
    [
      "data stamp",
      "select concat_ws(':', (select max(id) from audit_events), (select max(id) from ratings), (select max(updated_at) from users))",
      [],
      100,
    ],
    ["ratings: full count", "select count(*) from ratings", [], 5],
  ];
  const timings: Timing[] = [];
  for (const [name, text, params, runs] of queries) {
    resetPeakRss();
    const times: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const s = performance.now();
      await client.query(text, params);
      times.push(performance.now() - s);
    }
    const cold = times.shift()!;
    times.sort((a, b) => a - b);
    timings.push({
      query: name,
      coldMs: Math.round(cold * 10) / 10,
      medianMs: Math.round(times[times.length >> 1]! * 10) / 10,
      peakRssMb: peakRssMb(),
    });
  }
  await handle.close();
  return timings;
}

function runChild<T>(variant: string, dir: string, queries: boolean): T {
  const args = [
    "--expose-gc",
    "--import",
    "tsx",
    __filename,
    "--child",
    variant,
    "--dir",
    dir,
    ...(queries ? ["--queries", dir] : []),
  ];
  const out = spawnSync(process.execPath, args, { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "silent" } });
  if (out.status !== 0) throw new Error(`${variant} failed:\n${out.stderr}`);
  return JSON.parse(out.stdout.trim().split("\n").at(-1)!) as T;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: "string" },
      dir: { type: "string" },
      queries: { type: "string" },
      variant: { type: "string", multiple: true },
    },
  });
  if (values.child) {
    const result = values.queries
      ? await measureQueries(values.child, values.dir!)
      : await measurePhases(values.child, values.dir!);
    console.log(JSON.stringify(result));
    return;
  }
  const variants = values.variant ?? ["app", "pglite defaults"];
  const unknown = variants.filter((v) => !(v in VARIANTS));
  if (unknown.length)
    throw new Error(`unknown variant ${unknown.join(", ")}; one of: ${Object.keys(VARIANTS).join(", ")}`);
  if (values.queries) printQueryTable(variants, values.queries);
  else printPhaseTable(variants);
}

/** Runs each variant in a fresh child process, in a scratch directory removed afterwards. */
function inScratchDir(prefix: string, fn: (dir: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  try {
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Query timings on a copy of an existing data directory, one Markdown row per query. */
function printQueryTable(variants: string[], sourceDir: string): void {
  console.log("| variant | query | first run (ms) | median (ms) | peak RSS (MB) |\n|---|---|---|---|---|");
  for (const variant of variants) {
    inScratchDir("pglite-queries-", (dir) => {
      cpSync(sourceDir, dir, { recursive: true });
      for (const t of runChild<Timing[]>(variant, dir, true)) {
        console.log(`| ${variant} | ${t.query} | ${t.coldMs} | ${t.medianMs} | ${t.peakRssMb} |`);
      }
    });
  }
}

/** Memory per phase on a first start and a restart of the same directory, one Markdown row per phase. */
function printPhaseTable(variants: string[]): void {
  console.log(
    "| variant | run | phase | ms | peak RSS | RSS | JS heap used (peak) | external | WASM size | WASM resident |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const variant of variants) {
    inScratchDir("pglite-memory-", (dir) => {
      for (const run of ["first start", "restart"]) {
        for (const p of runChild<Phase[]>(variant, dir, false)) {
          const cells = [
            variant,
            run,
            p.phase,
            p.ms,
            p.peakRssMb,
            p.rssMb,
            p.heapUsedMb,
            p.externalMb,
            p.wasmMb,
            p.wasmRssMb,
          ];
          console.log(`| ${cells.join(" | ")} |`);
        }
      }
    });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
