/**
 * Shared by `npm run bench` and `npm run soak`: a throwaway PostgreSQL, the
 * production build served by `next start`, session cookies minted the way
 * next-auth issues them, server actions called over HTTP exactly as the
 * browser calls them, and the server's memory.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";

import { treeRssMb } from "../lib/process-memory";

export const ROOT = path.resolve(__dirname, "..", "..");
export const SECRET = "perf-harness-secret-0123456789abcdef0123";

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const asOwner = (args: string[]) =>
  process.getuid?.() === 0
    ? spawnSync("runuser", ["-u", "postgres", "--", ...args], { encoding: "utf8" })
    : spawnSync(args[0]!, args.slice(1), { encoding: "utf8" });

/** PostgreSQL from Debian's binaries with production-like durability (fsync and synchronous commit on). */
export async function startPostgres(): Promise<{ url: string; stop: () => void }> {
  const root = "/usr/lib/postgresql";
  const version = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  const bin = version ? `${root}/${version}/bin` : "";
  if (!existsSync(`${bin}/pg_ctl`))
    throw new Error(
      "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (apt-get install -y postgresql)",
    );
  const dir = mkdtempSync(path.join(tmpdir(), "skillgrid-perf-pg-"));
  if (process.getuid?.() === 0) {
    const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
    chownSync(dir, id("-u"), id("-g"));
  }
  const port = await freePort();
  const init = asOwner([
    `${bin}/initdb`,
    "-D",
    `${dir}/data`,
    "-U",
    "postgres",
    "-A",
    "trust",
    "-E",
    "UTF8",
    "--locale=C.UTF-8",
  ]);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=100 -c shared_buffers=256MB`;
  const start = asOwner([
    `${bin}/pg_ctl`,
    "-D",
    `${dir}/data`,
    "-l",
    `${dir}/log`,
    "-w",
    "-t",
    "60",
    "-o",
    opts,
    "start",
  ]);
  if (start.status !== 0) throw new Error(`PostgreSQL did not start: ${readFileSync(`${dir}/log`, "utf8")}`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      asOwner([`${bin}/pg_ctl`, "-D", `${dir}/data`, "-m", "immediate", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type App = { url: string; pid: number; stop: () => Promise<void>; rssMb: () => number };

/** `next start` on a free loopback port, waiting for /api/ready. */
export async function startApp(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<App> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const next = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, next, "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: databaseUrl,
        NEXTAUTH_URL: url,
        NEXTAUTH_SECRET: SECRET,
        OIDC_ISSUER: "http://127.0.0.1:9/unused",
        OIDC_CLIENT_ID: "skillgrid",
        OIDC_CLIENT_SECRET: "unused",
        LOG_LEVEL: "warn",
        DEFAULT_LOCALE: "en",
        ...extraEnv,
      },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error("the app did not become ready in 120 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid!,
    rssMb: () => treeRssMb(child.pid!),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** The session cookie next-auth would set after this person signed in. */
export async function sessionCookie(userId: string): Promise<string> {
  return `next-auth.session-token=${await encode({ token: { uid: userId, gen: 0, auth: Math.floor(Date.now() / 1000) }, secret: SECRET, maxAge: 8 * 3600 })}`;
}

/** The id Next.js gave an exported server action in this build. */
export function actionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, a]) => a.filename === file && a.exportedName === exportedName);
  if (!hit) throw new Error(`server action ${file}#${exportedName} not found in the build`);
  return hit[0];
}

/**
 * Calls a server action the way React's client does: POST to the page with
 * the Next-Action header and the arguments encoded as JSON. Resolves with the
 * HTTP status and whether the action's result said ok.
 */
export async function callAction(
  app: App,
  page: string,
  id: string,
  args: unknown[],
  cookie: string,
): Promise<{ status: number; ok: boolean; body: string }> {
  const response = await fetch(`${app.url}${page}`, {
    method: "POST",
    headers: {
      "next-action": id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: app.url,
      cookie,
    },
    body: JSON.stringify(args),
  });
  const body = await response.text();
  return { status: response.status, ok: response.ok && /"ok":true/.test(body), body };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const summarize = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return {
    n: s.length,
    median: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s.at(-1) ?? NaN,
  };
};

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
