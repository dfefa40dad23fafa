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
  ...(process.env.E2E_DATABASE_URL
    ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
    : { PGLITE_DIR: mkdtempSync(path.join(tmpdir(), "skillgrid-e2e-")) }),
};

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
      // The development OIDC identity provider: sign-in goes through real OIDC.
      command: "npx tsx scripts/dev-idp.ts",
      url: `http://127.0.0.1:${idpPort}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { DEV_IDP_PORT: String(idpPort), DEV_IDP_APP_URLS: baseURL, DEV_IDP_CLIENT_SECRET: clientSecret },
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
  ],
});
