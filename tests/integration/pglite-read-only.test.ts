import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { DataDirReadOnlyError, openDb, setDbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";
import { demoUserId } from "@/db/seed/demo";
import { DEMO_PEOPLE } from "@/db/seed/demo-people";
import { toActionResult } from "@/lib/actions/result";
import { loadViewer } from "@/lib/auth/viewer";
import { saveSelfRating } from "@/lib/data/ratings";

import { tableFingerprint } from "./support/fingerprint";

// The embedded engine's disk turns read-only: Skillgrid must refuse with a
// clear error and leave the data as it was. Root ignores file modes, so as
// root the directory is exposed through a read-only bind mount; otherwise
// its files are chmod'ed read-only.
const root = mkdtempSync(path.join(tmpdir(), "skillgrid-ro-"));
const dataDir = path.join(root, "data");
const roView = path.join(root, "ro");
const isRoot = process.getuid?.() === 0;

function makeReadOnly(): string | null {
  if (!isRoot) {
    const walk = (p: string) => {
      if (statSync(p).isDirectory()) for (const f of readdirSync(p)) walk(path.join(p, f));
      chmodSync(p, statSync(p).isDirectory() ? 0o555 : 0o444);
    };
    walk(dataDir);
    return dataDir;
  }
  mkdirSync(roView, { recursive: true });
  if (spawnSync("mount", ["--bind", dataDir, roView]).status !== 0) return null;
  if (spawnSync("mount", ["-o", "remount,ro,bind", roView]).status !== 0) {
    spawnSync("umount", [roView]);
    return null;
  }
  return roView;
}

function makeWritable(): void {
  if (isRoot) {
    spawnSync("umount", [roView]);
    return;
  }
  const walk = (p: string) => {
    chmodSync(p, statSync(p).isDirectory() ? 0o755 : 0o644);
    if (statSync(p).isDirectory()) for (const f of readdirSync(p)) walk(path.join(p, f));
  };
  walk(dataDir);
}

afterAll(() => makeWritable());

describe("embedded database on a read-only disk", () => {
  it("refuses to open with a clear, retryable error and leaves the data intact", async () => {
    const first = openDb({ pgliteDir: dataDir });
    await migrateDatabase(first);
    await seedDatabase(first.db, { demo: true });
    const before = await tableFingerprint(first.db);
    await first.close();

    const readOnlyPath = makeReadOnly();
    if (!readOnlyPath) {
      console.warn(
        "pglite-read-only: this machine cannot make a read-only mount; only the writable path was exercised",
      );
      return;
    }
    let refused: unknown;
    try {
      openDb({ pgliteDir: readOnlyPath });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(DataDirReadOnlyError);
    expect((refused as Error).message).toMatch(/not writable \((EROFS|EACCES)\)/);
    expect((refused as Error).message).toContain(readOnlyPath);

    // What a rater sees while the app cannot open its database: the
    // retryable "unavailable" result, not a crash or a raw error.
    const result = await toActionResult(async () => {
      openDb({ pgliteDir: readOnlyPath });
      return null;
    });
    expect(result).toMatchObject({ ok: false, code: "unavailable" });

    makeWritable();
    const again = openDb({ pgliteDir: dataDir });
    try {
      expect(await tableFingerprint(again.db)).toEqual(before);
      // And it is usable again: a rating saves.
      setDbHandle(again);
      const member = DEMO_PEOPLE.find((p) => p.role === "member")!;
      const viewer = await loadViewer(demoUserId(member.email));
      const saved = await toActionResult(() =>
        saveSelfRating(viewer!, {
          skillKey: "environments-and-version-control.uses-git-for-version-control",
          value: 3,
          interest: 1,
          evidence: null,
          requestId: randomUUID(),
        }),
      );
      expect(saved.ok).toBe(true);
    } finally {
      await again.close();
    }
  }, 120_000);
});
