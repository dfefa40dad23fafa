#!/usr/bin/env node
// `npm run demo`: builds the app when the build is missing or older than the
// sources, then serves it on http://localhost:3000 with the demo organisation
// seeded into the embedded database (./.data/pglite). Ctrl+C stops it.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { buildIfStale } from "./lib/build.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const port = process.env.PORT ?? "3000";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

const started = Date.now();
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
console.log("[1/3] Checking the production build…");
const built = buildIfStale(root, env);
console.log(`[1/3] Build ${built ? "done" : "up to date"} (${seconds()}).`);

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

// A local mail server with a web inbox (MailDev) on loopback: every email the
// demo sends (cycle opened, reminders, digests…) lands there, whoever it is to.
const mailSmtpPort = process.env.DEV_MAIL_SMTP_PORT ?? "1025";
const mailWebPort = process.env.DEV_MAIL_WEB_PORT ?? "1080";
const inboxUrl = `http://127.0.0.1:${mailWebPort}`;
const mail = spawn(
  process.execPath,
  [
    path.join(root, "node_modules", "maildev", "bin", "maildev"),
    ...["--smtp", mailSmtpPort, "--web", mailWebPort, "--ip", "127.0.0.1", "--silent"],
  ],
  { cwd: root, env, stdio: "inherit" },
);

console.log(`Starting Skillgrid with demo data on ${appUrl} (sign in through the dev IdP as anyone in the demo org)`);
// Started directly, not through npx: npx's shell does not pass SIGTERM on,
// and the server needs it to drain requests and close the embedded database.
const server = spawn(
  process.execPath,
  [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", port],
  {
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
      SMTP_URL: `smtp://127.0.0.1:${mailSmtpPort}`,
      MAIL_FROM: "Skillgrid demo <skillgrid@acme.test>",
    },
    stdio: "inherit",
  },
);

console.log(
  "[2/3] Starting the server: migrating and seeding the embedded database (the first start takes a minute or two)…",
);
// Progress until the app answers ready, then where to go.
const poll = setInterval(async () => {
  const ready = await fetch(`http://127.0.0.1:${port}/api/ready`).then(
    (r) => r.ok,
    () => false,
  );
  if (!ready) return;
  clearInterval(poll);
  console.log(`[3/3] Ready after ${seconds()}: open ${appUrl} and sign in with Acme SSO. Ctrl+C stops it.`);
  console.log(`      Emails the demo sends (open a cycle on /org/cycles) arrive in the local inbox: ${inboxUrl}`);
}, 1000);

const children = [server, idp, mail];
const stop = (signal) => {
  clearInterval(poll);
  children.forEach((c) => c.exitCode === null && c.signalCode === null && c.kill(signal));
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
// When one stops, stop the other; exit once both have (the server may take
// a moment to finish its requests and close the database).
let running = children.length;
for (const child of children)
  child.on("exit", () => {
    stop("SIGTERM");
    if (--running === 0) process.exit(server.exitCode ?? 0);
  });
