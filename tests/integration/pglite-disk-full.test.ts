import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDb, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { DatabaseDeadError, freeBytesOf, StorageFullError } from "@/db/pglite-guard";
import { ratings } from "@/db/schema";
import { demoUserId } from "@/db/seed/demo";
import { toActionResult } from "@/lib/actions/result";
import { loadViewer } from "@/lib/auth/viewer";
import { getMyRatingSheet } from "@/lib/data/rating-sheet";
import { saveSelfRating } from "@/lib/data/ratings";
import { storageState } from "@/lib/server/ops";

import { seedDemoOrg } from "./support/demo";

// The embedded database on a real, small file system (tmpfs, mounted as
// root): the disk fills up under it, and Skillgrid must refuse writes with a
// typed, retryable error instead of letting PostgreSQL inside PGlite PANIC
// and hang; reads keep working; writes resume once space is freed; a start
// on a nearly full disk is refused with the directory and the free space;
// nothing acknowledged is lost.

const MB = 2 ** 20;
const MARGIN = 24 * MB;
const mnt = mkdtempSync(path.join(tmpdir(), "skillgrid-disk-"));
const mounted =
  process.getuid?.() === 0 && spawnSync("mount", ["-t", "tmpfs", "-o", "size=160m", "tmpfs", mnt]).status === 0;
if (!mounted) {
  const why = "mounting a tmpfs needs root (and a kernel that allows it)";
  if (process.env.CI) throw new Error(`pglite-disk-full: ${why}`);
  console.warn(`pglite-disk-full skipped: ${why}`);
}
const dataDir = path.join(mnt, "pglite");
const ballast = path.join(mnt, "ballast");
const GIT = "environments-and-version-control.uses-git-for-version-control";

/** Fills the disk (another process's logs, say) until `leaveBytes` are free. */
function fillUntil(leaveBytes: number): void {
  const fd = openSync(ballast, "a");
  const chunk = Buffer.alloc(MB);
  try {
    while (freeBytesOf(mnt) - MB > leaveBytes) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/** Every call must answer within 5 s: a hung database is the defect. */
function within5s<T>(p: Promise<T>): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error("hung for 5 s")), 5000))]);
}

describe.skipIf(!mounted)("embedded database on a disk that fills up", () => {
  let handle: DbHandle;
  const acknowledged: string[] = [];
  const hana = demoUserId("hana.sato@acme.test");
  const save = async (value: number) => {
    const requestId = randomUUID();
    const viewer = (await loadViewer(hana))!;
    const result = await within5s(
      toActionResult(() => saveSelfRating(viewer, { skillKey: GIT, value, interest: 1, evidence: "", requestId })),
    );
    if (result.ok) acknowledged.push(requestId);
    return result;
  };

  beforeAll(async () => {
    mkdirSync(dataDir, { recursive: true });
    handle = openDb({ pgliteDir: dataDir }, { minFreeBytes: MARGIN });
    await migrateDatabase(handle);
    await seedDemoOrg(handle);
  }, 180_000);

  afterAll(async () => {
    await handle?.close().catch(() => {});
    if (mounted) spawnSync("umount", ["-l", mnt]);
    rmSync(mnt, { recursive: true, force: true });
  });

  it("saves while there is room, then refuses writes with a typed, retryable error, quickly", async () => {
    for (let i = 0; i < 5; i++) expect(await save(i % 5)).toMatchObject({ ok: true });
    fillUntil(MARGIN - 4 * MB);
    // The free-space reading is cached for 2 s: within a few saves the guard sees it.
    let refused = null;
    for (let i = 0; i < 40 && !refused; i++) {
      const result = await save(3);
      if (!result.ok) refused = result;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(refused, "a save was refused").not.toBeNull();
    expect(refused!.code).not.toBe("internal");
    expect(["unavailable", "storage_full"]).toContain(refused!.code);
    const direct = await saveSelfRating((await loadViewer(hana))!, {
      skillKey: GIT,
      value: 2,
      interest: 1,
      evidence: "",
      requestId: randomUUID(),
    }).catch(
      (e: unknown) => (e as { cause?: unknown }).cause ?? e, // drizzle wraps what the driver threw
    );
    expect(direct).toBeInstanceOf(StorageFullError);
    expect((direct as StorageFullError).message).toContain(dataDir);
  });

  it("keeps serving reads and reports the disk on readiness", async () => {
    const sheet = await within5s(getMyRatingSheet(await loadViewer(hana), { locale: "en" }));
    expect(sheet).not.toBeNull();
    expect(storageState()).toMatchObject({ problem: "disk_nearly_full", serving: true });
  });

  it("refuses to start on the nearly full disk, naming the directory and the free space", async () => {
    await handle.close();
    const error = (() => {
      try {
        openDb({ pgliteDir: dataDir }, { minFreeBytes: MARGIN });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toMatch(
      new RegExp(`MB free in ${dataDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
    );
  });

  it("opens again once space is freed: every acknowledged save is there, and saving works", async () => {
    rmSync(ballast);
    handle = openDb({ pgliteDir: dataDir }, { minFreeBytes: MARGIN });
    await seedDemoOrg(handle);
    const found = await handle.db
      .select({ id: ratings.requestId })
      .from(ratings)
      .where(inArray(ratings.requestId, acknowledged));
    expect(found.length).toBe(acknowledged.length);
    expect(await save(4)).toMatchObject({ ok: true });
    expect(storageState()).toMatchObject({ problem: null, serving: true });
  });

  it("after a PANIC (the log cannot grow: no margin configured) the handle is dead: the next query fails fast instead of hanging, and the process exits for its supervisor", async () => {
    // In a child process: unguarded, the question after the PANIC blocks the event loop for good.
    const child = spawnSync("npx", ["tsx", "--tsconfig", "tsconfig.json", "tests/fixtures/pglite-panic.ts", mnt], {
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, EXIT_ON_DATABASE_FAILURE: "1" },
    });
    expect(child.error, "the child finished before its deadline").toBeUndefined();
    expect(child.status, "EXIT_ON_DATABASE_FAILURE: exit code 70 for the supervisor").toBe(70);
    expect(child.stdout).toContain('"msg":"embedded database failed"');
    const report = JSON.parse(child.stdout.split("\n").find((l) => l.startsWith('{"first"'))!) as {
      first: { code: string; severity: string };
      next: { name: string; code: string };
      nextMs: number;
      storage: { alive: boolean };
    };
    expect(report.first).toMatchObject({ code: "53100", severity: "PANIC" });
    expect(report.next).toMatchObject({ name: "DatabaseDeadError", code: "57P03" });
    expect(report.nextMs).toBeLessThan(100);
    expect(report.storage.alive).toBe(false);
    rmSync(path.join(mnt, "panic-ballast"), { force: true });
    rmSync(path.join(mnt, "panic"), { recursive: true, force: true });
  }, 90_000);

  it("a statement past its deadline marks the handle dead: later requests fail fast, liveness says so", async () => {
    const doomed = openDb({ pgliteDir: path.join(mnt, "deadline") }, { minFreeBytes: MARGIN, deadlineMs: 300 });
    // drizzle wraps driver errors ("Failed query …") with the cause inside.
    const failure = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => (e as { cause?: unknown }).cause ?? e,
      );
    expect(await failure(doomed.db.execute("select pg_sleep(3)" as never))).toBeInstanceOf(DatabaseDeadError);
    const t0 = Date.now();
    expect(await failure(doomed.db.execute("select 1" as never))).toBeInstanceOf(DatabaseDeadError);
    expect(Date.now() - t0).toBeLessThan(100);
    expect(doomed.storage!()).toMatchObject({ alive: false });
    await doomed.close().catch(() => {});
  });
});
