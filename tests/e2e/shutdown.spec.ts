import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { inArray } from "drizzle-orm";

import { openDb } from "../../db/client";
import { ratings } from "../../db/schema";
import { DEMO_PEOPLE } from "../../db/seed/demo-people";
import { actionId, demoSessionCookie, startOwnServer } from "./support/own-server";

// A SIGTERM while 8 keep-alive clients save ratings: the production server
// (`next start`, the build `npm run build` made, on its own PGlite directory)
// must drain, close the embedded database and exit 0 within its deadline;
// every save it acknowledged must be on disk, and the directory must be
// cleanly shut down (no crash recovery on the next open). It lives with the
// end-to-end tests because it needs the production build, which `npm test`
// makes after the integration suite.
const DEADLINE_S = 10;
const MARGIN_MS = 5_000;
const SKILL = "environments-and-version-control.uses-git-for-version-control";
// pg_control's DBState (PostgreSQL's src/include/catalog/pg_control.h), an
// int32 after the system identifier (8 bytes) and two version numbers (4 + 4).
const DB_SHUTDOWNED = 1;
const DB_STATE_NAMES = [
  "starting up",
  "shut down",
  "shut down in recovery",
  "shutting down",
  "in crash recovery",
  "in archive recovery",
  "in production",
];

function clusterState(dir: string): string {
  const state = readFileSync(path.join(dir, "global", "pg_control")).readInt32LE(16);
  return DB_STATE_NAMES[state] ?? `unknown (${state})`;
}

type Reply = { status: number; body: string; connection: string | undefined };

function post(agent: http.Agent, url: string, headers: Record<string, string>, body: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: "POST", agent, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, connection: res.headers.connection }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

test.describe("graceful shutdown", () => {
  test.setTimeout(180_000);

  test("SIGTERM under keep-alive load drains, keeps every acknowledged save, closes PGlite and exits 0", async () => {
    const own = await startOwnServer({
      SHUTDOWN_TIMEOUT_SECONDS: String(DEADLINE_S),
      // The email worker runs too (the e2e MailDev): it is stopped before the database is closed.
      SMTP_URL: process.env.E2E_MAIL_SMTP_URL,
      MAIL_POLL_MS: "200",
    });
    const { url, dir, process: server, exited } = own;
    const agents: http.Agent[] = [];
    try {
      const save = actionId("lib/actions/ratings.ts", "saveMyRatingAction");
      const members = DEMO_PEOPLE.filter((p) => p.role === "member").slice(0, 8);
      expect(members).toHaveLength(8);
      const cookies = await Promise.all(members.map((p) => demoSessionCookie(p.email)));

      // Eight raters, each on its own keep-alive connection, saving as fast as
      // the server answers until the server is gone.
      const acked = new Set<string>();
      const refused: string[] = [];
      let closeHeaders = 0;
      let stop = false;
      const rater = async (i: number) => {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        agents.push(agent);
        for (let n = 0; !stop; n++) {
          const requestId = randomUUID();
          const body = JSON.stringify([{ skillKey: SKILL, value: n % 5, interest: 1, evidence: null, requestId }]);
          try {
            const reply = await post(
              agent,
              `${url}/me`,
              {
                "next-action": save,
                "content-type": "text/plain;charset=UTF-8",
                accept: "text/x-component",
                origin: url,
                cookie: cookies[i]!,
              },
              body,
            );
            if (reply.connection === "close") closeHeaders++;
            if (reply.status === 200 && /"ok":true/.test(reply.body)) acked.add(requestId);
            else refused.push(`HTTP ${reply.status}: ${reply.body.slice(0, 200)}`);
          } catch {
            // Refused or reset once the server stops: that save was never acknowledged.
            if (server.exitCode !== null || server.signalCode !== null) break;
            await new Promise((r) => setTimeout(r, 20));
          }
        }
      };
      const raters = members.map((_, i) => rater(i));
      await expect.poll(() => acked.size, { timeout: 30_000, intervals: [100] }).toBeGreaterThanOrEqual(80);
      expect(refused).toEqual([]);

      const ackedBefore = acked.size;
      const started = Date.now();
      server.kill("SIGTERM");
      const result = await Promise.race([
        exited,
        new Promise<null>((r) => setTimeout(() => r(null), DEADLINE_S * 1000 + MARGIN_MS)),
      ]);
      const elapsed = Date.now() - started;
      stop = true;
      await Promise.all(raters);
      test.info().annotations.push({
        type: "shutdown",
        description: `${result ? `exited ${JSON.stringify(result)}` : "still running"} after ${elapsed} ms; ${ackedBefore} saves before SIGTERM, ${acked.size - ackedBefore} after; ${closeHeaders} responses with Connection: close`,
      });
      console.log(
        `shutdown under load: ${result ? `exit ${JSON.stringify(result)}` : "did not exit"} after ${elapsed} ms, ${acked.size} acknowledged saves, ${closeHeaders} Connection: close`,
      );

      expect(result, `the server did not exit within ${DEADLINE_S} s + margin of SIGTERM`).toEqual({
        code: 0,
        signal: null,
      });
      expect(elapsed).toBeLessThan(DEADLINE_S * 1000 + MARGIN_MS);
      expect(refused).toEqual([]);
      // The shutdown is logged with its durations.
      const logged = own
        .output()
        .split("\n")
        .filter((line) => line.startsWith(`{"level"`))
        .map((line) => JSON.parse(line) as { msg?: string; totalMs?: number; drainMs?: number; dbCloseMs?: number });
      expect(logged.some((l) => l.msg === "shutdown: started")).toBe(true);
      expect(logged.some((l) => l.msg === "email: delivery worker started")).toBe(true);
      expect(logged.find((l) => l.msg === "shutdown: complete")).toMatchObject({
        totalMs: expect.any(Number),
        drainMs: expect.any(Number),
        dbCloseMs: expect.any(Number),
      });

      // The data directory was shut down cleanly: PostgreSQL recorded "shut
      // down", so the next open does not run crash recovery.
      expect(clusterState(dir)).toBe(DB_STATE_NAMES[DB_SHUTDOWNED]);
      const reopened = openDb({ pgliteDir: dir });
      try {
        const saved = await reopened.db
          .select({ requestId: ratings.requestId })
          .from(ratings)
          .where(inArray(ratings.requestId, [...acked]));
        expect(saved.length).toBe(acked.size);
      } finally {
        await reopened.close();
      }
    } finally {
      for (const agent of agents) agent.destroy();
      await own.dispose();
    }
  });
});
