import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run Debian's Chromium (never a downloaded browser) against
// a production build (`npm run build` first). The server uses the throwaway
// PostgreSQL from `npm test` when E2E_DATABASE_URL is set, else a fresh PGlite.
const port = Number(process.env.E2E_PORT ?? 3210);
const idpPort = Number(process.env.E2E_IDP_PORT ?? 4410);
const baseURL = `http://127.0.0.1:${port}`;
const clientSecret = "e2e-client-secret";
// A real mail server with a web inbox (MailDev) on loopback: the app sends
// every email there, and tests/e2e read them through its REST API.
const mailSmtpPort = Number(process.env.E2E_MAIL_SMTP_PORT ?? port + 5);
const mailWebPort = Number(process.env.E2E_MAIL_WEB_PORT ?? port + 6);
process.env.E2E_MAIL_WEB_URL = `http://127.0.0.1:${mailWebPort}`;
process.env.E2E_MAIL_SMTP_URL = `smtp://127.0.0.1:${mailSmtpPort}`;
const serverEnv: Record<string, string> = {
  SEED_DEMO: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  DEFAULT_LOCALE: "en",
  NEXTAUTH_URL: baseURL,
  NEXTAUTH_SECRET: "e2e-nextauth-secret-0123456789abcdef",
  OIDC_ISSUER: `http://127.0.0.1:${idpPort}`,
  OIDC_CLIENT_ID: "skillgrid",
  OIDC_CLIENT_SECRET: clientSecret,
  OIDC_NAME: "Acme SSO",
  OIDC_PROMPT: "login",
  ALLOWED_EMAIL_DOMAINS: "acme.test",
  ADMIN_EMAILS: "mei-ling.chen@acme.test",
  SMTP_URL: `smtp://127.0.0.1:${mailSmtpPort}`,
  MAIL_FROM: "Skillgrid <skillgrid@acme.test>",
  MAIL_POLL_MS: "300",
  MAIL_SCHEDULE_SECONDS: "2",
  // tests/e2e/webhooks.spec.ts sends events to a receiver on loopback.
  WEBHOOKS_ALLOW_PRIVATE: "1",
  ...(process.env.E2E_DATABASE_URL
    ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
    : { PGLITE_DIR: mkdtempSync(path.join(tmpdir(), "skillgrid-e2e-")) }),
};

// Scale-out check (tests/e2e/replicas.spec.ts): two more instances of the
// same build on the same PostgreSQL, behind a proxy that sends reads to one
// and writes to the other. PGlite cannot be shared, so only with PostgreSQL.
const replicas = process.env.E2E_DATABASE_URL
  ? { proxyPort: Number(process.env.E2E_REPLICA_PORT ?? 3220), ports: [3221, 3222] }
  : null;
const replicaURL = replicas ? `http://127.0.0.1:${replicas.proxyPort}` : null;
const replicaServers = replicas
  ? [
      ...replicas.ports.map((p) => ({
        command: `npx next start -H 127.0.0.1 -p ${p}`,
        url: `http://127.0.0.1:${p}/api/ready`,
        timeout: 120_000,
        reuseExistingServer: false,
        // Same secrets as every instance; NEXTAUTH_URL is the proxy's address.
        env: { ...serverEnv, NEXTAUTH_URL: replicaURL! },
        stdout: "pipe" as const,
        stderr: "pipe" as const,
      })),
      {
        command: "node tests/e2e/support/split-proxy.mjs",
        url: `${replicaURL}/api/health`,
        timeout: 60_000,
        reuseExistingServer: false,
        env: {
          SPLIT_PROXY_PORT: String(replicas.proxyPort),
          SPLIT_PROXY_UPSTREAMS: replicas.ports.map((p) => `http://127.0.0.1:${p}`).join(","),
        },
        stdout: "pipe" as const,
        stderr: "pipe" as const,
      },
    ]
  : [];
if (replicaURL) process.env.E2E_REPLICA_URL = replicaURL;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    {
      command: `node node_modules/maildev/bin/maildev --smtp ${mailSmtpPort} --web ${mailWebPort} --ip 127.0.0.1 --silent`,
      url: `http://127.0.0.1:${mailWebPort}/email`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // The development OIDC identity provider: sign-in goes through real OIDC.
      command: "npx tsx scripts/dev-idp.ts",
      url: `http://127.0.0.1:${idpPort}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: {
        DEV_IDP_PORT: String(idpPort),
        DEV_IDP_APP_URLS: [baseURL, ...(replicaURL ? [replicaURL] : [])].join(","),
        DEV_IDP_CLIENT_SECRET: clientSecret,
      },
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: `npx next start -H 127.0.0.1 -p ${port}`,
      url: `${baseURL}/signin`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: serverEnv,
      stdout: "pipe",
      stderr: "pipe",
    },
    ...replicaServers,
  ],
});
