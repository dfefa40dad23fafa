import { statfsSync } from "node:fs";
import type { PGlite, Transaction } from "@electric-sql/pglite";

// PGlite runs PostgreSQL inside this process. When its disk fills up it can
// PANIC (a new 16 MB WAL segment cannot be created), and the next query then
// never returns: the process spins at 100% CPU, ignoring SIGTERM. Nothing
// can interrupt it once there, so the guard keeps it from getting there:
// writes are refused while the data directory's free space is below a
// margin, and after any PANIC (or a query past its deadline) the handle is
// marked dead so no further query is ever sent to it.

/** SQLSTATE 53100 (disk full): a typed, retryable refusal that names the directory and the free space. */
export class StorageFullError extends Error {
  readonly code = "53100";
  constructor(
    readonly dir: string,
    readonly freeBytes: number,
    readonly minFreeBytes: number,
  ) {
    super(
      `The embedded database's disk is nearly full: ${mb(freeBytes)} free in ${dir}, and Skillgrid keeps at least ${mb(minFreeBytes)} ` +
        "free so PostgreSQL inside PGlite can always write its log. Writes are refused until space is freed (PGLITE_MIN_FREE_MB sets the margin).",
    );
    this.name = "StorageFullError";
  }
}

/** SQLSTATE 57P03 (cannot connect now): the embedded database failed and this process must be restarted. */
export class DatabaseDeadError extends Error {
  readonly code = "57P03";
  constructor(readonly reason: string) {
    super(`The embedded database stopped working (${reason}); restart Skillgrid.`);
    this.name = "DatabaseDeadError";
  }
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

export type GuardOptions = {
  dir: string;
  minFreeBytes: number;
  /** A single statement taking longer than this marks the handle dead. */
  deadlineMs: number;
  /** How long a free-space reading is reused. */
  statfsCacheMs?: number;
  onDead?: (reason: string) => void;
};

export type StorageHealth = { alive: boolean; reason: string | null; freeBytes: number; minFreeBytes: number };

export type PgliteGuard = {
  /** Throws StorageFullError when the directory has less free space than the margin (start-up, and before writes). */
  assertRoom: () => void;
  health: () => StorageHealth;
};

export function freeBytesOf(dir: string): number {
  const s = statfsSync(dir);
  return Number(s.bavail) * Number(s.bsize);
}

// Statements that only read: everything else (insert, update, delete, DDL,
// begin, a CTE that writes) needs room.
const READ_ONLY = /^\s*(select|show|explain)\b/i;

/** Wraps a PGlite instance's query, exec and transaction in place. */
export function guardPglite(client: PGlite, options: GuardOptions): PgliteGuard {
  const { dir, minFreeBytes, deadlineMs, statfsCacheMs = 2000, onDead } = options;
  const room = roomCheck(dir, minFreeBytes, statfsCacheMs);
  const life = lifeWatch(deadlineMs, onDead);
  // Every statement: refused when the handle is dead or (for a write) the
  // disk is nearly full, and watched for a PANIC or a missed deadline.
  const before = (sql: unknown) => {
    life.assertAlive();
    if (typeof sql !== "string" || !READ_ONLY.test(sql)) room.assertRoom();
  };
  wrapStatements(client, before, life);
  return { assertRoom: room.assertRoom, health: () => healthOf(room, life.deadReason(), dir, minFreeBytes) };
}

/** The data directory's free space, read at most once per cache period, against the margin. */
function roomCheck(dir: string, minFreeBytes: number, statfsCacheMs: number) {
  let reading = { at: 0, free: Number.POSITIVE_INFINITY };
  const freeBytes = () => {
    const now = Date.now();
    if (now - reading.at > statfsCacheMs) reading = { at: now, free: freeBytesOf(dir) };
    return reading.free;
  };
  const assertRoom = () => {
    const free = freeBytes();
    if (free < minFreeBytes) {
      reading.at = 0; // re-read next time: space may be freed any moment
      throw new StorageFullError(dir, free, minFreeBytes);
    }
  };
  return { freeBytes, assertRoom };
}

type LifeWatch = ReturnType<typeof lifeWatch>;

/** Whether the handle is still usable: it dies on a fatal error or a statement past its deadline, for good. */
function lifeWatch(deadlineMs: number, onDead: GuardOptions["onDead"]) {
  let dead: string | null = null;
  const markDead = (reason: string) => {
    if (dead) return;
    dead = reason;
    onDead?.(reason);
  };
  const noteFailure = (e: unknown) => {
    if (isFatal(e)) markDead(describeFatal(e));
  };
  const watched = <T>(run: () => Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        markDead(`a statement ran longer than ${deadlineMs / 1000} s`);
        reject(new DatabaseDeadError(dead!));
      }, deadlineMs);
      timer.unref();
    });
    const ran = run().catch((e: unknown) => {
      noteFailure(e);
      throw e;
    });
    return Promise.race([ran, deadline]).finally(() => clearTimeout(timer));
  };
  const assertAlive = () => {
    if (dead) throw new DatabaseDeadError(dead);
  };
  return { watched, noteFailure, assertAlive, deadReason: () => dead };
}

/** Replaces the client's (and each transaction's) query and exec with guarded ones. */
function wrapStatements(client: PGlite, before: (sql: unknown) => void, life: LifeWatch): void {
  const guarded = <F>(run: F): F =>
    ((sql: string, ...rest: unknown[]) => {
      before(sql);
      return life.watched(() => (run as (...a: unknown[]) => Promise<unknown>)(sql, ...rest));
    }) as F;
  const transaction = client.transaction.bind(client);
  const guardTx = (tx: Transaction): Transaction => {
    tx.query = guarded(tx.query.bind(tx));
    tx.exec = guarded(tx.exec.bind(tx));
    return tx;
  };
  client.query = guarded(client.query.bind(client));
  client.exec = guarded(client.exec.bind(client));
  client.transaction = (<T>(callback: (tx: Transaction) => Promise<T>) => {
    before("begin");
    return transaction((tx) => callback(guardTx(tx))).catch((e: unknown) => {
      life.noteFailure(e);
      throw e;
    });
  }) as PGlite["transaction"];
}

function healthOf(
  room: { freeBytes: () => number },
  dead: string | null,
  dir: string,
  minFreeBytes: number,
): StorageHealth {
  let free = Number.NaN;
  try {
    free = room.freeBytes();
  } catch {
    // The directory is gone: reported as not alive below.
  }
  const reason =
    dead ??
    (Number.isNaN(free)
      ? `cannot read free space of ${dir}`
      : free < minFreeBytes
        ? new StorageFullError(dir, free, minFreeBytes).message
        : null);
  return { alive: !dead, reason, freeBytes: free, minFreeBytes };
}

/** A PostgreSQL PANIC/FATAL, or the WASM runtime aborting: PGlite must not be queried again. */
function isFatal(e: unknown): boolean {
  if (!e || typeof e !== "object") return false;
  const severity = (e as { severity?: unknown }).severity;
  if (severity === "PANIC" || severity === "FATAL") return true;
  const name = (e as { name?: unknown }).name;
  return name === "RuntimeError" || /\bAborted\(/.test(String((e as { message?: unknown }).message ?? ""));
}

function describeFatal(e: unknown): string {
  const { code, severity, message } = e as { code?: string; severity?: string; message?: string };
  return [severity, code, String(message ?? "").slice(0, 200)].filter(Boolean).join(" ");
}
