import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "@playwright/test";
import { encode } from "next-auth/jwt";

import { demoUserId } from "../../../db/seed/demo";

// Suites that need a production server of their own (its own settings, its
// own PGlite directory, signals sent to it): `next start` on the build
// `npm test` made, with the demo organisation. They live with the end-to-end
// tests because they need that build.
export const ROOT = path.resolve(__dirname, "..", "..", "..");
const DIST = process.env.NEXT_DIST_DIR || ".next";
export const OWN_SERVER_SECRET = "own-server-test-secret-0123456789abcdef";

/** A free loopback port in 3700–3799 (kept clear of the other suites' fixed ports). */
export async function freePort(): Promise<number> {
  const start = 3700 + Math.floor(Math.random() * 100);
  for (let i = 0; i < 100; i++) {
    const port = 3700 + ((start - 3700 + i) % 100);
    const free = await new Promise<boolean>((resolve) => {
      const s = createServer()
        .once("error", () => resolve(false))
        .listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error("no free port in 3700–3799");
}

/** The id React's client posts to call a server action, read from the build's manifest. */
export function actionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, DIST, "server", "server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, a]) => a.filename === file && a.exportedName === exportedName);
  if (!hit) throw new Error(`server action ${file}#${exportedName} not found in ${DIST}`);
  return hit[0];
}

/** A session cookie for a demo person, minted exactly as next-auth issues it. */
export async function demoSessionCookie(email: string): Promise<string> {
  const token = await encode({
    token: { uid: demoUserId(email), gen: 0, auth: Math.floor(Date.now() / 1000) },
    secret: OWN_SERVER_SECRET,
    maxAge: 3600,
  });
  return `next-auth.session-token=${token}`;
}

export type OwnServer = {
  url: string;
  dir: string;
  process: ChildProcess;
  /** Everything it printed so far. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Kills it if still running and removes its directory. */
  dispose: () => Promise<void>;
};

/** Starts `next start` on a fresh PGlite directory with the demo org and waits until it is ready. */
export async function startOwnServer(extraEnv: Record<string, string | undefined> = {}): Promise<OwnServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "skillgrid-own-server-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PGLITE_DIR: dir,
    SEED_DEMO: "1",
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: OWN_SERVER_SECRET,
    OIDC_ISSUER: "http://127.0.0.1:9/unused",
    OIDC_CLIENT_ID: "skillgrid",
    OIDC_CLIENT_SECRET: "unused",
    DEFAULT_LOCALE: "en",
    LOG_LEVEL: "info",
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  const next = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  const server = spawn(process.execPath, [next, "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  server.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    server.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const dispose = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill("SIGKILL");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await expect
      .poll(
        () =>
          fetch(`${url}/api/ready`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 120_000, intervals: [250] },
      )
      .toBe(200);
  } catch (e) {
    await dispose();
    throw e;
  }
  return { url, dir, process: server, output: () => output, exited, dispose };
}
