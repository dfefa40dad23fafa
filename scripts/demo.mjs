#!/usr/bin/env node
// `npm run demo`: builds the app when the build is missing or older than the
// sources, then serves it on http://localhost:3000 with the demo organisation
// seeded into the embedded database (./.data/pglite). Ctrl+C stops it.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const port = process.env.PORT ?? "3000";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const buildId = path.join(root, ".next", "BUILD_ID");
const sources = ["app", "components", "lib", "db", "messages", "public"].map((d) => newestMtime(path.join(root, d)));
const configs = ["next.config.ts", "package-lock.json", "instrumentation.ts"].map((f) =>
  existsSync(path.join(root, f)) ? statSync(path.join(root, f)).mtimeMs : 0,
);
const stale = !existsSync(buildId) || Math.max(...sources, ...configs) > statSync(buildId).mtimeMs;

if (stale) {
  console.log("Building Skillgrid (first run, or sources changed)…");
  const build = spawnSync("npx", ["next", "build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`Starting Skillgrid with demo data on http://localhost:${port}`);
const server = spawn("npx", ["next", "start", "-p", port], {
  cwd: root,
  env: { ...env, SEED_DEMO: "1" },
  stdio: "inherit",
});

const stop = (signal) => server.kill(signal);
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
server.on("exit", (code) => process.exit(code ?? 0));
