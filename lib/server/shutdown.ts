import { closeDbHandle } from "@/db/client";
import { getEnv } from "@/lib/env";
import { stopNotificationRuntime } from "@/lib/notifications/runtime";
import { getLogger } from "@/lib/observability/logger";

import { trackRequests, type RequestTracker } from "./drain";
import { findHttpServer } from "./http-server";

type Log = {
  info: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
};

export type ShutdownOptions = {
  requests: RequestTracker;
  timeoutMs: number;
  /** Settles when start-up (migrations, seed) is over: the database is not closed under it. */
  startup: Promise<unknown>;
  closeDatabase: () => Promise<void>;
  log: Log;
  exit: (code: number) => void;
};

// Closing the database after the drain gets this long before we give up on
// it and exit anyway (recovery on the next start then replays the WAL).
const DATABASE_CLOSE_GRACE_MS = 10_000;

const elapsed = (since: number) => Date.now() - since;

/**
 * The shutdown sequence, once: drain requests (up to timeoutMs), then close
 * the database (last: a request still running needs it), then exit. Returns
 * the signal handler; a second signal while it runs is logged and ignored
 * (Ctrl+C in a terminal reaches the server twice: directly, and through its
 * launcher, npx or scripts/demo.mjs).
 */
export function createShutdown(options: ShutdownOptions): (signal: string) => Promise<void> {
  const { requests, timeoutMs, startup, closeDatabase, log, exit } = options;
  let running: Promise<void> | undefined;
  const run = async (signal: string) => {
    const started = Date.now();
    log.info({ signal, timeoutMs, inFlight: requests.inFlight() }, "shutdown: started");
    const drain = await requests.drain(timeoutMs);
    if (drain.drained) log.info({ drainMs: drain.ms }, "shutdown: requests drained");
    else log.warn({ drainMs: drain.ms, cut: drain.cut }, "shutdown: deadline reached, cut the connections still open");
    // A signal during start-up: let the migration finish (it is short) rather than close the database under it.
    await Promise.race([startup.then(noop, noop), delay(Math.max(0, timeoutMs - elapsed(started)))]);
    const hardStop = setTimeout(() => {
      log.error({ totalMs: elapsed(started) }, "shutdown: the database did not close in time; exiting anyway");
      exit(1);
    }, DATABASE_CLOSE_GRACE_MS);
    const dbStarted = Date.now();
    let code = 0;
    try {
      await closeDatabase();
    } catch (e) {
      code = 1;
      log.error({ error: e instanceof Error ? e.message : String(e) }, "shutdown: closing the database failed");
    }
    clearTimeout(hardStop);
    log.info(
      { signal, drainMs: drain.ms, cut: drain.cut, dbCloseMs: elapsed(dbStarted), totalMs: elapsed(started) },
      "shutdown: complete",
    );
    exit(code);
  };
  return (signal) => {
    if (running) {
      log.warn({ signal }, "shutdown: already in progress, signal ignored");
      return running;
    }
    running = run(signal);
    return running;
  };
}

const noop = () => {};
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `next start` and the standalone server.js: Next.js keeps its http.Server
 * private and, on SIGTERM/SIGINT, calls server.close() with no deadline (it
 * never finishes under keep-alive load), never closes our database and exits
 * 143. register() runs in the same process once that server is listening, so
 * we find the server among the process's active handles, replace Next.js's
 * signal listeners (none when NEXT_MANUAL_SIG_HANDLE is set) with ours, and
 * drain it ourselves. Not in development: `next dev` manages its own workers.
 */
export function installGracefulShutdown(options: { startup: Promise<unknown> }): boolean {
  const env = getEnv();
  const log = getLogger();
  if (env.NODE_ENV !== "production") return false;
  const server = findHttpServer();
  if (!server) {
    log.warn(
      {},
      "shutdown: no listening HTTP server found; SIGTERM is left to Next.js (no drain deadline, database not closed)",
    );
    return false;
  }
  const shutdown = createShutdown({
    requests: trackRequests(server),
    timeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    startup: options.startup,
    // The email worker stops first: its pass in flight settles what it sent while the database is still open.
    closeDatabase: async () => {
      await stopNotificationRuntime();
      await closeDbHandle();
    },
    log,
    exit: (code) => process.exit(code),
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, (s) => void shutdown(s));
  }
  return true;
}
