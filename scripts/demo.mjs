#!/usr/bin/env node
// `npm run demo`: builds the app when the build is missing or older than the
// sources, then serves it on http://localhost:3000 with the demo organisation
// seeded into the embedded database (./.data/pglite). Ctrl+C stops it.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
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

// The session secret is kept in .data so demo sessions survive a restart.
const secretFile = path.join(root, ".data", "demo-nextauth-secret");
mkdirSync(path.dirname(secretFile), { recursive: true });
if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
const idpPort = process.env.DEV_IDP_PORT ?? "4400";
const appUrl = `http://localhost:${port}`;
const clientSecret = randomBytes(16).toString("hex");

// A real OIDC identity provider on loopback with the demo organisation's
// people; the app signs in through it exactly as it would through Okta.
const idp = spawn("npx", ["tsx", "scripts/dev-idp.ts"], {
  cwd: root,
  env: { ...env, DEV_IDP_PORT: idpPort, DEV_IDP_APP_URLS: appUrl, DEV_IDP_CLIENT_SECRET: clientSecret },
  stdio: "inherit",
});

console.log(`Starting Skillgrid with demo data on ${appUrl} (sign in through the dev IdP as anyone in the demo org)`);
const server = spawn("npx", ["next", "start", "-p", port], {
  cwd: root,
  env: {
    ...env,
    SEED_DEMO: "1",
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: readFileSync(secretFile, "utf8").trim(),
    OIDC_ISSUER: `http://127.0.0.1:${idpPort}`,
    OIDC_CLIENT_ID: "skillgrid",
    OIDC_CLIENT_SECRET: clientSecret,
    OIDC_NAME: "Acme SSO (development IdP)",
    OIDC_PROMPT: "login",
    ALLOWED_EMAIL_DOMAINS: "acme.test",
    ADMIN_EMAILS: "mei-ling.chen@acme.test",
  },
  stdio: "inherit",
});

const children = [server, idp];
const stop = (signal) => children.forEach((c) => c.kill(signal));
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
for (const child of children) child.on("exit", (code) => {
  stop("SIGTERM");
  process.exit(code ?? 0);
});
