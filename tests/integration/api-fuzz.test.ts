import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";

import { apiTokens } from "@/db/schema";
import { demoUserId } from "@/db/seed/demo";
import { handleApi } from "@/lib/api/handler";
import { OPERATIONS } from "@/lib/api/operations";
import { API_SCOPES } from "@/lib/api/scopes";
import { hashToken } from "@/lib/auth/api-token";

import { seedDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { tableFingerprint } from "./support/fingerprint";
import { configureAuthEnv } from "./support/session";

/*
 * Every /api/v1 operation with arbitrary path ids, query strings and bodies,
 * sent with an admin's token of every scope (the caller who gets furthest):
 * only expected statuses come back, every failure is the documented error
 * object with no database text in it, and a refused request writes nothing.
 */

const RUNS = 40;
const EXPECTED = new Set([200, 201, 204, 400, 403, 404, 409, 413]);
const DB_TEXT = /postgres|pglite|sqlstate|syntax error|violates|relation "|column "/i;
const BOOKKEEPING = ["api_tokens", "api_idempotency", "rate_limits"];

const segment = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 40 }).filter((s) => s.length > 0 && !s.includes("/")),
  fc.constantFrom("1 or 1=1", "%00", "..", "null", "' --"),
);
const json = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({
    skillKey: fc.oneof(fc.string(), fc.constant("environments-and-version-control.uses-git-for-version-control")),
    value: fc.oneof(fc.integer({ min: -5, max: 9 }), fc.constant("na"), fc.string()),
    interest: fc.oneof(fc.integer({ min: -2, max: 4 }), fc.constant(null)),
    userId: fc.oneof(fc.uuid(), fc.string()),
    proficiency: fc.integer({ min: -2, max: 6 }),
    comment: fc.string({ maxLength: 600 }),
    kind: fc.constantFrom("skill", "capability", "x"),
    key: fc.string(),
    level: fc.integer({ min: -1, max: 6 }),
    headcount: fc.integer({ min: -1, max: 60 }),
    targetQuarter: fc.oneof(fc.constant("2027-Q1"), fc.string()),
    quarter: fc.string(),
    startsOn: fc.string(),
    endsOn: fc.string(),
  }),
);
const query = fc.dictionary(
  fc.constantFrom("cursor", "limit", "quarter", "r", "team", "level", "mode", "x"),
  fc.string({ maxLength: 30 }),
  { maxKeys: 3 },
);

describeOnEachEngine("API fuzz", ({ handle }) => {
  let token = "";

  beforeAll(async () => {
    configureAuthEnv({ API_RATE_LIMIT_PER_MINUTE: "1000000" });
    await seedDemoOrg(handle());
    token = `sgp_fuzz_${randomUUID()}`;
    await handle()
      .db.insert(apiTokens)
      .values({
        kind: "personal",
        name: "Fuzz",
        tokenHash: hashToken(token),
        hint: "sgp_fuzz",
        ownerId: demoUserId("mei-ling.chen@acme.test"),
        scopes: [...API_SCOPES],
      });
  });

  const fingerprint = async () => {
    const all = await tableFingerprint(handle().db);
    for (const t of BOOKKEEPING) delete all[t];
    return all;
  };

  it.each(OPERATIONS.map((op) => ({ name: `${op.method} ${op.path}`, op })))(
    "$name: only expected statuses, the error object, nothing written on refusal",
    async ({ op }) => {
      await fc.assert(
        fc.asyncProperty(fc.array(segment, { minLength: 3, maxLength: 3 }), query, json, async (ids, q, body) => {
          let i = 0;
          const path = op.path.replace(/\{\w+\}/g, () => encodeURIComponent(ids[i++]!));
          const url = new URL(`http://127.0.0.1:3000/api/v1${path}`);
          for (const [k, v] of Object.entries(q)) url.searchParams.append(k, v);
          const headers: Record<string, string> = { authorization: `Bearer ${token}` };
          let payload: string | undefined;
          if (op.method !== "GET") {
            payload = op.rawBody ? String(JSON.stringify(body)) : JSON.stringify(body);
            headers["content-type"] = op.rawBody ? "text/csv" : "application/json";
          }
          const before = await fingerprint();
          const segments = url.pathname.split("/").slice(3).map(decodeURIComponent);
          const res = await handleApi(new Request(url, { method: op.method, headers, body: payload }), segments);
          const text = await res.text();
          expect(EXPECTED.has(res.status), `${res.status} ${text.slice(0, 200)}`).toBe(true);
          expect(text).not.toMatch(DB_TEXT);
          if (res.status >= 400) {
            const { error } = JSON.parse(text) as { error: { code: string; message: string } };
            expect(typeof error.code).toBe("string");
            expect(error.message.length).toBeGreaterThan(0);
            expect(await fingerprint()).toEqual(before);
          }
        }),
        { numRuns: RUNS },
      );
    },
    120_000,
  );
});
