// Builds the app when the production build is missing or older than the
// sources (npm run demo, npm run bench, npm run soak).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function buildIfStale(root, env = process.env) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const sources = ["app", "components", "lib", "db", "messages", "public"].map((d) => newestMtime(path.join(root, d)));
  const configs = ["next.config.ts", "package-lock.json", "instrumentation.ts", "proxy.ts"].map((f) =>
    existsSync(path.join(root, f)) ? statSync(path.join(root, f)).mtimeMs : 0,
  );
  const stale = !existsSync(buildId) || Math.max(...sources, ...configs) > statSync(buildId).mtimeMs;
  if (!stale) return false;
  console.log("Building Skillgrid (first run, or sources changed)…");
  const build = spawnSync("npx", ["next", "build"], {
    cwd: root,
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  return true;
}
