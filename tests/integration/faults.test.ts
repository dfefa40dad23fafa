import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { openDb, setDbHandle, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";
import { demoUserId } from "@/db/seed/demo";
import { DEMO_PEOPLE } from "@/db/seed/demo-people";
import { toActionResult } from "@/lib/actions/result";
import { loadViewer } from "@/lib/auth/viewer";
import { saveSelfRating } from "@/lib/data/ratings";

import { rowsOf } from "./support/fingerprint";

// While raters save, PostgreSQL restarts: requests in the outage get a clear
// retryable error, the app recovers by itself, and every acknowledged write
// is in the database afterwards. This suite runs its own server.
const bin = (() => {
  const root = "/usr/lib/postgresql";
  const v = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  return v && existsSync(`${root}/${v}/bin/pg_ctl`) ? `${root}/${v}/bin` : null;
})();
const asOwner = (args: string[]) =>
  process.getuid?.() === 0
    ? spawnSync("runuser", ["-u", "postgres", "--", ...args], { encoding: "utf8" })
    : spawnSync(args[0]!, args.slice(1), { encoding: "utf8" });
// The restart must not block this process's event loop (it plays the app).
const asOwnerAsync = (args: string[]) =>
  new Promise<number | null>((resolve) => {
    const [cmd, ...rest] = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--", ...args] : args;
    spawn(cmd!, rest, { stdio: "ignore" }).on("exit", resolve);
  });
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

describe.skipIf(!bin)("PostgreSQL restart while raters save", () => {
  it("loses no acknowledged write and recovers by itself", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "skillgrid-fault-"));
    if (process.getuid?.() === 0)
      chownSync(
        dir,
        Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim()),
        Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim()),
      );
    const data = path.join(dir, "data");
    const port = await freePort();
    expect(asOwner([`${bin}/initdb`, "-D", data, "-U", "postgres", "-A", "trust"]).status).toBe(0);
    const ctlArgs = (...args: string[]) => [
      `${bin}/pg_ctl`,
      "-D",
      data,
      "-l",
      path.join(dir, "log"),
      "-w",
      "-t",
      "30",
      ...args,
    ];
    const ctl = (...args: string[]) => asOwner(ctlArgs(...args));
    const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`;
    expect(ctl("-o", opts, "start").status).toBe(0);
    let handle: DbHandle | undefined;
    try {
      handle = openDb({ databaseUrl: `postgres://postgres@127.0.0.1:${port}/postgres` });
      setDbHandle(handle);
      await migrateDatabase(handle);
      await seedDatabase(handle.db, { demo: true });
      const raters = await Promise.all(
        DEMO_PEOPLE.filter((p) => p.role === "member")
          .slice(0, 8)
          .map((p) => loadViewer(demoUserId(p.email))),
      );
      const acknowledged: string[] = [];
      const refused: string[] = [];
      let stop = false;
      let slowest = 0;
      const rater = async (i: number) => {
        for (let n = 0; !stop; n++) {
          const requestId = randomUUID();
          const started = Date.now();
          const result = await toActionResult(() =>
            saveSelfRating(raters[i]!, {
              skillKey: "environments-and-version-control.uses-git-for-version-control",
              value: n % 5,
              interest: 1,
              evidence: null,
              requestId,
            }),
          );
          const took = Date.now() - started;
          slowest = Math.max(slowest, took);
          expect(took).toBeLessThan(5_000); // no hang: reconnects retry within ~1 s
          if (result.ok) acknowledged.push(requestId);
          else {
            expect(result.code).toBe("unavailable");
            expect(result.error).toMatch(/retry/);
            refused.push(requestId);
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      };
      const running = raters.map((_, i) => rater(i));
      await new Promise((r) => setTimeout(r, 1500));
      expect(await asOwnerAsync(ctlArgs("-m", "fast", "stop"))).toBe(0);
      await new Promise((r) => setTimeout(r, 1500));
      expect(await asOwnerAsync(ctlArgs("-o", opts, "start"))).toBe(0);
      await new Promise((r) => setTimeout(r, 2500));
      stop = true;
      await Promise.all(running);

      expect(refused.length).toBeGreaterThan(0); // the outage was real
      const stored = new Set(
        rowsOf(
          await handle.db.execute(sql`select request_id::text as id from ratings where request_id is not null`),
        ).map((r) => r.id as string),
      );
      const lost = acknowledged.filter((id) => !stored.has(id));
      console.log(
        `fault test: ${acknowledged.length} acknowledged, ${refused.length} refused as retryable, ${lost.length} acknowledged-but-missing, slowest save ${slowest} ms`,
      );
      expect(lost).toEqual([]);
      // Recovered without a restart of the app.
      const after = await toActionResult(() =>
        saveSelfRating(raters[0]!, {
          skillKey: "environments-and-version-control.uses-git-for-version-control",
          value: 4,
          interest: 1,
          evidence: null,
          requestId: randomUUID(),
        }),
      );
      expect(after.ok).toBe(true);
    } finally {
      await handle?.close().catch(() => {});
      ctl("-m", "immediate", "stop");
    }
  }, 120_000);
});
