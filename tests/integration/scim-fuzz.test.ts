import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";

import { createScimToken } from "@/lib/data/scim-tokens";

import { seedDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { rowsOf } from "./support/fingerprint";
import { GROUP_SCHEMA, PATCH_OP, scimSender, USER_SCHEMA, type ScimAnswer } from "./support/scim";
import { configureAuthEnv, demoSessionViewer } from "./support/session";

/*
 * Bad input on every SCIM endpoint that reads one (bodies, filters, paths):
 * 1,000 arbitrary cases each, sent through the same handler as the route.
 * Every answer is SCIM JSON with an expected status (never a 500 or a raw
 * error), and a refused request writes nothing: no person, group,
 * membership or audit row changes.
 */
const EXPECTED = new Set([200, 201, 204, 400, 404, 409, 412, 413]);
const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

const userKeys = ["userName", "externalId", "displayName", "title", "active", "name", "emails", "schemas"];
const enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const paths = [
  "active",
  "userName",
  "name.givenName",
  'emails[type eq "work"].value',
  `${enterprise}:manager`,
  "members",
  'members[value eq "x"]',
  "displayName",
  "meta",
  "id",
  "][",
];

const anyBody = (keys: string[]) =>
  fc.oneof(
    fc.anything(),
    fc.object(),
    fc.dictionary(fc.constantFrom(...keys), fc.anything()),
    fc.record({
      schemas: fc.constant([USER_SCHEMA]),
      userName: fc.string(),
      emails: fc.anything(),
      active: fc.anything(),
    }),
    fc.string(), // raw text: not JSON at all
  );

const patchBody = fc.oneof(
  fc.anything(),
  fc.record({
    schemas: fc.oneof(fc.constant([PATCH_OP]), fc.anything()),
    Operations: fc.oneof(
      fc.anything(),
      fc.array(
        fc.record(
          {
            op: fc.oneof(fc.constantFrom("add", "Replace", "REMOVE", "move"), fc.anything()),
            path: fc.oneof(fc.constantFrom(...paths), fc.string()),
            value: fc.anything(),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 5 },
      ),
    ),
  }),
);

const filterText = fc.oneof(
  fc.string(),
  fc
    .array(
      fc.constantFrom(
        "userName",
        "eq",
        "ne",
        "co",
        "pr",
        "and",
        "or",
        "not",
        "(",
        ")",
        "[",
        "]",
        '"x"',
        "true",
        "1",
        "emails.value",
      ),
      {
        maxLength: 12,
      },
    )
    .map((t) => t.join(" ")),
);

describeOnEachEngine("fuzzing every SCIM input", ({ handle }) => {
  let tokenFor: () => Promise<string>;
  let userId: string;
  let groupId: string;

  const writes = async () =>
    JSON.stringify(
      rowsOf(
        await handle().db.execute(sql`select
          (select count(*)::int from audit_events) as audit,
          (select count(*)::int from users) as users,
          (select count(*)::int from directory_groups) as groups,
          (select count(*)::int from directory_group_members) as members,
          (select count(*)::int from team_members) as team_members,
          (select max(updated_at)::text from users) as users_changed,
          (select max(updated_at)::text from directory_groups) as groups_changed`),
      )[0],
    );

  beforeAll(async () => {
    configureAuthEnv();
    await seedDemoOrg(handle());
    const admin = await demoSessionViewer("mei-ling.chen@acme.test");
    // One token per endpoint: 1,000 requests each stay under the per-token rate limit.
    tokenFor = async () => (await createScimToken(admin, { name: "fuzz" })).token;
    const send = scimSender(await tokenFor());
    userId = (await send("POST", "/Users", { schemas: [USER_SCHEMA], userName: "fuzz.target@acme.test" })).json.id;
    groupId = (await send("POST", "/Groups", { schemas: [GROUP_SCHEMA], displayName: "Fuzz target" })).json.id;
  });

  const check = (name: string, answer: ScimAnswer) => {
    expect(EXPECTED.has(answer.status), `${name}: HTTP ${answer.status} ${JSON.stringify(answer.json)}`).toBe(true);
    if (answer.status >= 400) {
      expect(answer.json.schemas, name).toEqual([ERROR_SCHEMA]);
      expect(answer.json.detail, name).not.toMatch(/select|insert|update|violates|constraint|syntax error at/i);
    }
  };

  const endpoints: { name: string; method: string; path: () => string; body?: fc.Arbitrary<unknown> }[] = [
    { name: "POST /Users", method: "POST", path: () => "/Users", body: anyBody(userKeys) },
    { name: "PUT /Users/:id", method: "PUT", path: () => `/Users/${userId}`, body: anyBody(userKeys) },
    { name: "PATCH /Users/:id", method: "PATCH", path: () => `/Users/${userId}`, body: patchBody },
    {
      name: "POST /Groups",
      method: "POST",
      path: () => "/Groups",
      body: anyBody(["displayName", "members", "externalId"]),
    },
    {
      name: "PUT /Groups/:id",
      method: "PUT",
      path: () => `/Groups/${groupId}`,
      body: anyBody(["displayName", "members"]),
    },
    { name: "PATCH /Groups/:id", method: "PATCH", path: () => `/Groups/${groupId}`, body: patchBody },
  ];

  for (const endpoint of endpoints) {
    it(`${endpoint.name}: 1,000 arbitrary bodies, SCIM errors only, nothing written when refused`, async () => {
      const send = scimSender(await tokenFor());
      let cases = 0;
      await fc.assert(
        fc.asyncProperty(endpoint.body!, async (body) => {
          cases++;
          const before = await writes();
          const answer = await send(endpoint.method, endpoint.path(), typeof body === "string" ? body : (body ?? null));
          check(endpoint.name, answer);
          if (answer.status >= 400) expect(await writes(), endpoint.name).toBe(before);
        }),
        { numRuns: 1000, seed: 17 },
      );
      expect(cases).toBe(1000);
    }, 240_000);
  }

  it("GET /Users and /Groups: 1,000 arbitrary filters, paging and attribute lists each, answered or refused as invalidFilter", async () => {
    const send = scimSender(await tokenFor());
    const before = await writes();
    const query = fc.record({
      filter: filterText,
      startIndex: fc.oneof(fc.integer(), fc.string()),
      count: fc.oneof(fc.integer(), fc.string()),
      attributes: fc.string(),
    });
    for (const resource of ["Users", "Groups"]) {
      await fc.assert(
        fc.asyncProperty(query, async (q) => {
          const params = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]));
          const answer = await send("GET", `/${resource}?${params}`);
          check(`GET /${resource}`, answer);
          if (answer.status === 400) expect(answer.json.scimType).toBe("invalidFilter");
          else expect(answer.status).toBe(200);
        }),
        { numRuns: 1000, seed: 17 },
      );
    }
    expect(await writes()).toBe(before);
  }, 240_000);
});
