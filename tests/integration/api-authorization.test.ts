import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";

import { apiTokens, assessmentCycles, frameworks, users } from "@/db/schema";
import { demoTeamId, demoUserId } from "@/db/seed/demo";
import { handleApi } from "@/lib/api/handler";
import { OPERATIONS } from "@/lib/api/operations";
import { API_SCOPES, type ApiScope } from "@/lib/api/scopes";
import { hashToken } from "@/lib/auth/api-token";
import { CROSS_SITE_MESSAGE } from "@/lib/http/request-guards";
import { addQuarters, quarterEnd, quarterOf, quarterStart } from "@/lib/quarters";

import { seedDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { tableFingerprint } from "./support/fingerprint";
import { GIT } from "./support/frameworks";
import { configureAuthEnv, sessionTokenFor } from "./support/session";

/*
 * The authorization matrix of /api/v1: every operation × every kind of
 * token (each scope, personal and service, a revoked, expired,
 * disabled-owner and demoted-owner one, none, a session cookie), with the
 * expected status in one table. Requests go through the route's own handler
 * (lib/api/handler.ts) with a real token in the database; a refused write
 * must change no row (the token's last-used time and the rate-limit counter
 * aside).
 */

const EMAIL = {
  member: "sofia.rossi@acme.test", // ML Platform member
  lead: "alex.wang@acme.test", // leads ML Platform
  leadOther: "priya.nair@acme.test", // leads Applied ML
  admin: "mei-ling.chen@acme.test",
  disabled: "omar.haddad@acme.test",
};
const ML = demoTeamId("ml-platform");
const APPLIED = demoTeamId("applied-ml");
// A quarter the vision accepts (from now to three years ahead), and one no cycle will open soon.
const TARGET_QUARTER = addQuarters(quarterOf(new Date()), 4);
const FAR_QUARTER = addQuarters(quarterOf(new Date()), 9);
const farStart = quarterStart(FAR_QUARTER).toISOString().slice(0, 10);
const farEnd = new Date(quarterEnd(FAR_QUARTER).getTime() - 1).toISOString().slice(0, 10);

type TokenSpec = {
  owner: keyof typeof EMAIL;
  kind?: "personal" | "service";
  scopes?: readonly ApiScope[];
  teamIds?: string[];
  revoked?: boolean;
  expired?: boolean;
};
const TOKENS = {
  member: { owner: "member", scopes: ["read", "rate"] },
  memberReadOnly: { owner: "member", scopes: ["read"] },
  lead: { owner: "lead", scopes: ["read", "rate", "plan"] },
  leadOther: { owner: "leadOther", scopes: ["read", "rate", "plan"] },
  admin: { owner: "admin", scopes: API_SCOPES },
  adminReadOnly: { owner: "admin", scopes: ["read"] },
  serviceOrg: { owner: "admin", kind: "service", scopes: API_SCOPES },
  serviceTeam: { owner: "admin", kind: "service", scopes: API_SCOPES, teamIds: [ML] },
  serviceOtherTeam: { owner: "admin", kind: "service", scopes: API_SCOPES, teamIds: [APPLIED] },
  revoked: { owner: "admin", scopes: API_SCOPES, revoked: true },
  expired: { owner: "admin", scopes: API_SCOPES, expired: true },
  disabledOwner: { owner: "disabled", scopes: API_SCOPES },
  // A service token whose maker is no longer an admin.
  demotedOwner: { owner: "member", kind: "service", scopes: API_SCOPES },
} satisfies Record<string, TokenSpec>;
type Subject = keyof typeof TOKENS | "none" | "sessionCookie";
const SUBJECTS = [...(Object.keys(TOKENS) as (keyof typeof TOKENS)[]), "none", "sessionCookie"] as Subject[];
const DEAD: Subject[] = ["revoked", "expired", "disabledOwner", "demotedOwner", "none", "sessionCookie"];

type Expect = Partial<Record<Subject, number>> & { rest: number };
type Cell = { method: string; path: string; body?: unknown; contentType?: string; expect: Expect };

/** Every live token gets `rest` unless named; every dead one 401. */
function statusFor(cell: Cell, subject: Subject): number {
  if (DEAD.includes(subject)) return 401;
  return cell.expect[subject] ?? cell.expect.rest;
}

const someone = () => randomUUID();
const target = (quarter: string) => ({ kind: "skill", key: GIT, level: 3, headcount: 2, targetQuarter: quarter });
const CSV = `email,${GIT}\n${EMAIL.member},3\n`;
let frameworkId = "";

const CELLS: Cell[] = [
  { method: "GET", path: "/me", expect: { rest: 200 } },
  {
    method: "GET",
    path: "/people",
    expect: { rest: 200, member: 403, memberReadOnly: 403, serviceTeam: 403, serviceOtherTeam: 403 },
  },
  {
    method: "GET",
    path: `/people/${demoUserId(EMAIL.member)}`,
    expect: { rest: 200, serviceOtherTeam: 404 },
  },
  {
    method: "GET",
    path: `/people/search?r=mlops-engineer/${GIT}~3`,
    expect: { rest: 200, member: 403, memberReadOnly: 403, serviceTeam: 200, serviceOtherTeam: 200 },
  },
  { method: "GET", path: "/teams", expect: { rest: 200 } },
  { method: "GET", path: `/teams/${ML}`, expect: { rest: 200, leadOther: 404, serviceOtherTeam: 404 } },
  { method: "GET", path: `/teams/${ML}/matrix`, expect: { rest: 200, leadOther: 403, serviceOtherTeam: 403 } },
  {
    method: "GET",
    path: `/teams/${ML}/vision`,
    expect: { rest: 200, member: 403, memberReadOnly: 403, leadOther: 403, serviceOtherTeam: 403 },
  },
  {
    method: "GET",
    path: "/org/matrix",
    expect: { rest: 403, admin: 200, adminReadOnly: 200, serviceOrg: 200 },
  },
  { method: "GET", path: "/frameworks", expect: { rest: 200 } },
  {
    method: "GET",
    get path() {
      return `/frameworks/${frameworkId}`;
    },
    expect: { rest: 200 },
  },
  { method: "GET", path: "/cycles", expect: { rest: 200 } },
  {
    method: "POST",
    path: `/teams/${ML}/targets`,
    body: target(TARGET_QUARTER),
    expect: { rest: 403, lead: 201, admin: 201, serviceOrg: 201, serviceTeam: 201 },
  },
  {
    method: "DELETE",
    path: `/teams/${ML}/targets/${someone()}`,
    expect: { rest: 403, lead: 404, admin: 404, serviceOrg: 404, serviceTeam: 404 },
  },
  {
    method: "POST",
    path: "/ratings",
    body: { skillKey: GIT, value: 3, interest: 1 },
    expect: {
      rest: 201,
      memberReadOnly: 403,
      adminReadOnly: 403,
      serviceOrg: 403,
      serviceTeam: 403,
      serviceOtherTeam: 403,
    },
  },
  {
    method: "POST",
    path: `/teams/${ML}/validations`,
    body: { userId: demoUserId(EMAIL.member), skillKey: GIT, proficiency: 2, comment: "Seen in review" },
    expect: { rest: 403, lead: 201, admin: 201, serviceOrg: 201, serviceTeam: 201 },
  },
  {
    method: "POST",
    path: "/ratings/import?mode=dry-run",
    body: CSV,
    contentType: "text/csv",
    expect: { rest: 403, admin: 200, serviceOrg: 200 },
  },
  {
    method: "POST",
    path: "/cycles",
    body: { quarter: FAR_QUARTER, startsOn: farStart, endsOn: farEnd },
    // The admin's call opens it; the org service token's then finds it open (409).
    expect: { rest: 403, admin: 201, serviceOrg: 409 },
  },
  {
    method: "POST",
    path: `/cycles/${someone()}/close`,
    expect: { rest: 403, admin: 404, serviceOrg: 404 },
  },
];

// Rows the token's own bookkeeping touches on every request: not what a refusal must leave alone.
const BOOKKEEPING = ["api_tokens", "api_idempotency", "rate_limits"];
const fingerprint = async (db: Parameters<typeof tableFingerprint>[0]) => {
  const all = await tableFingerprint(db);
  for (const t of BOOKKEEPING) delete all[t];
  return all;
};

describeOnEachEngine("API authorization matrix", ({ handle }) => {
  const secrets = {} as Record<Subject, string | undefined>;

  beforeAll(async () => {
    configureAuthEnv();
    const db = handle().db;
    await seedDemoOrg(handle());
    await db
      .update(users)
      .set({ disabled: true })
      .where(eq(users.id, demoUserId(EMAIL.disabled)));
    // No cycle open: the open-cycle cell opens one.
    await db
      .update(assessmentCycles)
      .set({ status: "closed", closedAt: new Date() })
      .where(eq(assessmentCycles.status, "open"));
    frameworkId = (await db.select({ id: frameworks.id }).from(frameworks).limit(1))[0]!.id;
    for (const [name, spec] of Object.entries(TOKENS) as [keyof typeof TOKENS, TokenSpec][]) {
      const kind = spec.kind ?? "personal";
      const secret = `${kind === "service" ? "sgs_" : "sgp_"}${name}_${randomUUID()}`;
      await db.insert(apiTokens).values({
        kind,
        name,
        tokenHash: hashToken(secret),
        hint: secret.slice(0, 8),
        ownerId: demoUserId(EMAIL[spec.owner]),
        scopes: [...(spec.scopes ?? [])],
        teamIds: spec.teamIds ?? null,
        revokedAt: spec.revoked ? new Date() : null,
        expiresAt: spec.expired ? new Date(Date.now() - 1000) : null,
      });
      secrets[name] = secret;
    }
  });

  const headersFor = async (subject: Subject): Promise<Record<string, string>> => {
    if (subject === "none") return {};
    if (subject === "sessionCookie") {
      return { cookie: `next-auth.session-token=${await sessionTokenFor(demoUserId(EMAIL.admin))}` };
    }
    return { authorization: `Bearer ${secrets[subject]}` };
  };

  const send = async (cell: Cell, subject: Subject, extra: Record<string, string> = {}) => {
    const url = new URL(`http://127.0.0.1:3000/api/v1${cell.path}`);
    const body =
      cell.body === undefined ? undefined : typeof cell.body === "string" ? cell.body : JSON.stringify(cell.body);
    const headers: Record<string, string> = { ...(await headersFor(subject)), ...extra };
    if (body !== undefined) headers["content-type"] = cell.contentType ?? "application/json";
    const request = new Request(url, { method: cell.method, body, headers });
    return handleApi(request, url.pathname.split("/").slice(3));
  };

  it("covers every operation", () => {
    const covered = new Set(CELLS.map((c) => `${c.method} ${c.path.split("?")[0]}`));
    const missing = OPERATIONS.filter((op) => {
      const pattern = new RegExp(`^${op.method} ${op.path.replace(/\{\w+\}/g, "[^/]+")}$`);
      return ![...covered].some((c) => pattern.test(c));
    }).map((op) => `${op.method} ${op.path}`);
    expect(missing).toEqual([]);
  });

  it.each(CELLS.flatMap((cell) => SUBJECTS.map((subject) => ({ cell, subject, expected: statusFor(cell, subject) }))))(
    "$cell.method $cell.path as $subject → $expected",
    async ({ cell, subject, expected }) => {
      const db = handle().db;
      const before = await fingerprint(db);
      const res = await send(cell, subject);
      const text = await res.text();
      expect(res.status, text.slice(0, 300)).toBe(expected);
      if (expected >= 400) {
        const { error } = JSON.parse(text) as { error: { code: string; message: string } };
        expect(typeof error.code).toBe("string");
        expect(typeof error.message).toBe("string");
        if (expected === 401) expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
        expect(await fingerprint(db)).toEqual(before);
      }
    },
  );

  it.each(CELLS.filter((c) => c.method !== "GET"))(
    "$method $path from another site → 403 before the token is looked at, nothing written",
    async (cell) => {
      const db = handle().db;
      const before = await fingerprint(db);
      const forgeries: Record<string, string>[] = [
        { origin: "https://evil.example" },
        { "sec-fetch-site": "cross-site" },
      ];
      for (const forged of forgeries) {
        const res = await send(cell, "admin", forged);
        expect(res.status).toBe(403);
        expect(await res.json()).toEqual({ error: { code: "forbidden", message: CROSS_SITE_MESSAGE } });
      }
      expect(await fingerprint(db)).toEqual(before);
    },
  );
});

describeOnEachEngine("API rate limit and concurrent idempotent writes", ({ handle }) => {
  let secret = "";
  const ask = (init: RequestInit & { path?: string } = {}) => {
    const path = init.path ?? "/me";
    const url = `http://127.0.0.1:3000/api/v1${path}`;
    const headers = { authorization: `Bearer ${secret}`, ...(init.headers as Record<string, string>) };
    return handleApi(new Request(url, { ...init, headers }), path.split("/").slice(1));
  };

  beforeAll(async () => {
    configureAuthEnv({ API_RATE_LIMIT_PER_MINUTE: "5" });
    await seedDemoOrg(handle());
    secret = `sgp_limit_${randomUUID()}`;
    await handle()
      .db.insert(apiTokens)
      .values({
        kind: "personal",
        name: "Limited",
        tokenHash: hashToken(secret),
        hint: "sgp_limi",
        ownerId: demoUserId(EMAIL.member),
        scopes: ["read", "rate"],
      });
  });

  it("answers 429 with Retry-After and the error object past the token's limit, and writes nothing then", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await ask()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const before = await tableFingerprint(handle().db);
    const refused = await ask({
      method: "POST",
      path: "/ratings",
      body: JSON.stringify({ skillKey: GIT, value: 2, interest: null }),
      headers: { "content-type": "application/json" },
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: { code: "rate_limited" } });
    const after = await tableFingerprint(handle().db);
    delete before.rate_limits;
    delete after.rate_limits;
    expect(after).toEqual(before);
    configureAuthEnv({ API_RATE_LIMIT_PER_MINUTE: "1000" });
  });

  it("runs two concurrent writes with one Idempotency-Key once: the other is refused as in progress or replayed", async () => {
    configureAuthEnv({ API_RATE_LIMIT_PER_MINUTE: "1000" });
    const key = randomUUID();
    const send = () =>
      ask({
        method: "POST",
        path: "/ratings",
        body: JSON.stringify({ skillKey: GIT, value: 2, interest: 1 }),
        headers: { "content-type": "application/json", "idempotency-key": key },
      });
    const [a, b] = await Promise.all([send(), send()]);
    const statuses = [a.status, b.status].sort();
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    const rows = await handle().db.execute(sql`select count(*)::int as n from ratings where request_id = ${key}::uuid`);
    expect(((rows as { rows?: { n: number }[] }).rows ?? (rows as unknown as { n: number }[]))[0]!.n).toBe(1);
  });
});
