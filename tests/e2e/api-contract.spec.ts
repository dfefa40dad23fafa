import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import createClient from "openapi-fetch";

import type { paths } from "../../openapi/v1";
import { contractChecker, createTokenInUi, type OpenApi } from "./support/api";

// The public API over HTTP against the production build, as an integration
// would use it: tokens made in the UI; every answer (successes and errors)
// validated against the OpenAPI document the server serves; every documented
// operation called at least once; ETag, Idempotency-Key, cursor pages, the
// error object, and the streamed body limit.
//
// Writes touch Applied ML only: Kuan-Yu Wu rates a skill at the value the
// matrix already shows, Priya Nair validates it and adds then archives a
// target, and the admin imports a file that sets what is already there.

type Call = { status: number; body: unknown; headers: Headers };
const ADMIN = "Mei-Ling Chen";
const LEAD = "Priya Nair";
const MEMBER = "Kuan-Yu Wu";

test.describe("public API /api/v1", () => {
  test.describe.configure({ timeout: 120_000 });
  let doc: OpenApi;
  let check: ReturnType<typeof contractChecker>["check"];
  const tokens = { admin: "", lead: "", member: "", readOnly: "", service: "" };
  const called = new Set<string>();
  let base = "";

  /** Calls the API and checks the answer against the document; `template` is the document's path. */
  async function call(
    token: string | null,
    method: string,
    template: string,
    {
      params = {},
      query = "",
      body,
      headers = {},
    }: {
      params?: Record<string, string>;
      query?: string;
      body?: unknown;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Call> {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!));
    const init: RequestInit = { method, headers: { ...headers } };
    if (token) (init.headers as Record<string, string>).authorization = `Bearer ${token}`;
    if (body !== undefined) {
      init.body = typeof body === "string" ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)["content-type"] ??= "application/json";
    }
    const res = await fetch(`${base}/api/v1${path}${query}`, init);
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : "";
    check(method, template, res.status, parsed);
    called.add(`${method} ${template}`);
    return { status: res.status, body: parsed, headers: res.headers };
  }

  test.beforeAll(async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    base = baseURL!;
    doc = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as OpenApi;
    check = contractChecker(doc).check;
    tokens.admin = await createTokenInUi(browser, {
      person: ADMIN,
      name: "Contract admin",
      scopes: ["rate", "plan", "admin"],
    });
    tokens.lead = await createTokenInUi(browser, { person: LEAD, name: "Contract lead", scopes: ["rate", "plan"] });
    tokens.member = await createTokenInUi(browser, { person: MEMBER, name: "Contract member", scopes: ["rate"] });
    tokens.readOnly = await createTokenInUi(browser, { person: MEMBER, name: "Contract read-only" });
    tokens.service = await createTokenInUi(browser, {
      person: ADMIN,
      name: "Contract BI",
      service: { teams: ["Applied ML"] },
    });
  });

  test("the document is OpenAPI 3.1 and the same at /api/v1/openapi.json as committed", async () => {
    expect(doc).toMatchObject({ openapi: "3.1.0", info: { title: "Skillgrid API" } });
    const committed = (await import("../../openapi/v1.json", { with: { type: "json" } })).default;
    expect(doc).toEqual(committed);
  });

  test("every operation answers as documented, for reads and writes", async () => {
    const me = (await call(tokens.member, "GET", "/me")).body as { id: string; memberTeamIds: string[] };
    const appliedMl = me.memberTeamIds[0]!;
    expect((await call(tokens.admin, "GET", "/people", { query: "?limit=500" })).status).toBe(200);
    expect((await call(tokens.admin, "GET", "/people/{personId}", { params: { personId: me.id } })).status).toBe(200);
    const teams = (await call(tokens.lead, "GET", "/teams")).body as { data: { id: string; name: string }[] };
    expect(teams.data.map((t) => t.name)).toContain("Applied ML");
    expect((await call(tokens.lead, "GET", "/teams/{teamId}", { params: { teamId: appliedMl } })).status).toBe(200);
    const matrix = (await call(tokens.lead, "GET", "/teams/{teamId}/matrix", { params: { teamId: appliedMl } }))
      .body as {
      members: { id: string }[];
      skills: { key: string }[];
      self: string;
      frameworkId: string;
      currentQuarter: string;
    };
    expect((await call(tokens.lead, "GET", "/teams/{teamId}/vision", { params: { teamId: appliedMl } })).status).toBe(
      200,
    );
    expect((await call(tokens.admin, "GET", "/org/matrix")).status).toBe(200);
    const frameworks = (await call(tokens.member, "GET", "/frameworks")).body as {
      data: { id: string; key: string }[];
    };
    const tree = await call(tokens.member, "GET", "/frameworks/{frameworkId}", {
      params: { frameworkId: frameworks.data[0]!.id },
      headers: { "accept-language": "zh-TW" },
    });
    expect(tree.status).toBe(200);
    expect((await call(tokens.member, "GET", "/cycles")).status).toBe(200);

    // Kuan-Yu's first rated skill, at the value the matrix shows (the heatmap stays as other specs expect it).
    const row = matrix.members.findIndex((m) => m.id === me.id);
    const cols = matrix.skills.length;
    const col = [...matrix.self.slice(row * cols, (row + 1) * cols)].findIndex((c) => /[0-4]/.test(c));
    const skillKey = matrix.skills[col]!.key;
    const value = Number(matrix.self[row * cols + col]);
    const fwKey = frameworks.data.find((f) => f.id === matrix.frameworkId)!.key;
    const found = await call(tokens.lead, "GET", "/people/search", { query: `?r=${fwKey}/${skillKey}~1` });
    expect((found.body as { rows: { person: { id: string } }[] }).rows.map((r) => r.person.id)).toContain(me.id);

    const rated = await call(tokens.member, "POST", "/ratings", { body: { skillKey, value, interest: 1 } });
    expect(rated.status).toBe(201);
    expect(rated.body).toMatchObject({ skillKey, proficiency: value, interest: 1 });
    const validated = await call(tokens.lead, "POST", "/teams/{teamId}/validations", {
      params: { teamId: appliedMl },
      body: { userId: me.id, skillKey, proficiency: value, comment: "Checked over the API" },
    });
    expect(validated.status).toBe(201);

    const created = await call(tokens.lead, "POST", "/teams/{teamId}/targets", {
      params: { teamId: appliedMl },
      body: {
        kind: "skill",
        key: skillKey,
        level: 3,
        headcount: 1,
        targetQuarter: matrix.currentQuarter,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const targetId = (created.body as { id: string }).id;
    const archived = await call(tokens.lead, "DELETE", "/teams/{teamId}/targets/{targetId}", {
      params: { teamId: appliedMl, targetId },
    });
    expect(archived.status).toBe(204);

    // A bulk import: dry run, apply, apply again (nothing left to change).
    const email = (
      (await call(tokens.admin, "GET", "/people/{personId}", { params: { personId: me.id } })).body as {
        person: { email: string };
      }
    ).person.email;
    const csv = `email,${skillKey}\n${email},${value}\n`;
    const importCall = (mode: string) =>
      call(tokens.admin, "POST", "/ratings/import", {
        query: `?mode=${mode}`,
        body: csv,
        headers: { "content-type": "text/csv" },
      });
    const dry = await importCall("dry-run");
    expect(dry.body).toMatchObject({ applied: false });
    const again = await importCall("apply");
    expect((again.body as { summary: { changes: number } }).summary.changes).toBe(0);

    // Cycles: the admin scope; closing an id that is not a cycle is a 404, opening one already open a 409.
    const cycles = (await call(tokens.admin, "GET", "/cycles")).body as {
      data: { quarter: string; startsOn: string; endsOn: string; status: string }[];
    };
    const open = cycles.data.find((c) => c.status === "open");
    const reopen = await call(tokens.admin, "POST", "/cycles", {
      body: open
        ? { quarter: open.quarter, startsOn: open.startsOn, endsOn: open.endsOn }
        : { quarter: "2035-Q1", startsOn: "2035-01-01", endsOn: "2035-03-31" },
    });
    expect(open ? reopen.status : 201).toBe(open ? 409 : 201);
    expect(
      (await call(tokens.admin, "POST", "/cycles/{cycleId}/close", { params: { cycleId: randomUUID() } })).status,
    ).toBe(404);

    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.filter((op) => !called.has(op))).toEqual([]);
  });

  test("the README's typed client (openapi-fetch with the generated types) reads the org matrix", async () => {
    // As in README "Public API": the committed types, a token, and nothing else.
    const client = createClient<paths>({
      baseUrl: `${base}/api/v1`,
      headers: { authorization: `Bearer ${tokens.admin}` },
    });
    const { data: teams, error } = await client.GET("/teams", { params: { query: { limit: "50" } } });
    expect(error).toBeUndefined();
    const team = teams!.data.find((t) => t.name === "Applied ML")!;
    const { data: matrix } = await client.GET("/teams/{teamId}/matrix", { params: { path: { teamId: team.id } } });
    expect(matrix!.members.length * matrix!.skills.length).toBe(matrix!.self.length);
    const { data: org } = await client.GET("/org/matrix");
    expect(org!.scope.kind).toBe("org");
    const { error: refused, response } = await client.POST("/ratings", {
      body: { skillKey: "not-a-skill", value: 3, interest: null },
    });
    expect(response.status).toBe(400);
    expect(refused!.error.code).toBe("invalid");
  });

  test("errors are one documented object, with the right status and no internals", async () => {
    const none = await call(null, "GET", "/me");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await call("sgp_forged", "GET", "/teams")).status).toBe(401);
    const scope = await call(tokens.readOnly, "POST", "/ratings", {
      body: { skillKey: "x", value: 1, interest: null },
    });
    expect(scope.status).toBe(403);
    expect(scope.body).toEqual({ error: { code: "forbidden", message: 'This token lacks the "rate" scope.' } });
    const invalid = await call(tokens.member, "POST", "/ratings", {
      body: { skillKey: "NOT A KEY", value: 9, interest: 5 },
    });
    expect(invalid.status).toBe(400);
    const fields = (invalid.body as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors;
    expect(Object.keys(fields).sort()).toEqual(["interest", "skillKey", "value"]);
    const notJson = await call(tokens.member, "POST", "/ratings", {
      body: "{",
      headers: { "content-type": "application/json" },
    });
    expect(notJson.body).toEqual({ error: { code: "invalid", message: "The body is not valid JSON." } });
    const missing = await call(tokens.lead, "GET", "/teams/{teamId}", { params: { teamId: randomUUID() } });
    expect(missing.status).toBe(404);
    const badId = await call(tokens.lead, "GET", "/teams/{teamId}/matrix", { params: { teamId: "1 or 1=1" } });
    expect(badId.status).toBe(400);
    expect(JSON.stringify(badId.body)).not.toMatch(/select|postgres|pglite|syntax/i);
    // The team-scoped service token sees its team and nothing else.
    const service = (await call(tokens.service, "GET", "/teams")).body as { data: { name: string }[] };
    expect(service.data.map((t) => t.name)).toEqual(["Applied ML"]);
    expect((await call(tokens.service, "GET", "/org/matrix")).status).toBe(403);
    // A session cookie is not an API credential.
    const unknown = await fetch(`${base}/api/v1/nothing-here`, {
      headers: { authorization: `Bearer ${tokens.member}` },
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "not_found" } });
  });

  test("reads carry an ETag, and If-None-Match answers 304 until the data changes", async () => {
    const first = await call(tokens.lead, "GET", "/teams");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    const again = await call(tokens.lead, "GET", "/teams", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect((await call(tokens.lead, "GET", "/teams", { headers: { "if-none-match": '"stale"' } })).status).toBe(200);
  });

  test("a write retried with the same Idempotency-Key is done once; another body with that key is refused", async () => {
    const teamId = ((await call(tokens.lead, "GET", "/me")).body as { leadTeamIds: string[] }).leadTeamIds[0]!;
    const matrix = (await call(tokens.lead, "GET", "/teams/{teamId}/matrix", { params: { teamId } })).body as {
      skills: { key: string }[];
      currentQuarter: string;
    };
    const key = randomUUID();
    const send = (body: unknown) =>
      call(tokens.lead, "POST", "/teams/{teamId}/targets", {
        params: { teamId },
        body,
        headers: { "idempotency-key": key },
      });
    const target = {
      kind: "skill",
      key: matrix.skills[0]!.key,
      level: 2,
      headcount: 1,
      targetQuarter: matrix.currentQuarter,
    };
    // A refused write releases its key: fixing the request and retrying with the same key works.
    expect((await send({ ...target, headcount: 0 })).status).toBe(400);
    const created = await send(target);
    expect(created.status).toBe(201);
    expect(created.headers.get("idempotent-replayed")).toBeNull();
    const replay = await send(target);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(created.body);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const vision = (await call(tokens.lead, "GET", "/teams/{teamId}/vision", { params: { teamId } })).body as {
      targets: { id: string }[];
    };
    expect(vision.targets.filter((t) => t.id === (created.body as { id: string }).id)).toHaveLength(1);
    const other = await send({ ...target, headcount: 2 });
    expect(other.status).toBe(400);
    expect(JSON.stringify(other.body)).toContain("Idempotency-Key");
    const targetId = (created.body as { id: string }).id;
    const archived = await call(tokens.lead, "DELETE", "/teams/{teamId}/targets/{targetId}", {
      params: { teamId, targetId },
    });
    expect(archived.status).toBe(204);
  });

  test("lists page with an opaque cursor until nextCursor is null", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const res = await call(tokens.admin, "GET", "/people", { query });
      const page = res.body as { data: { id: string }[]; nextCursor: string | null };
      seen.push(...page.data.map((p) => p.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    const all = (await call(tokens.admin, "GET", "/people", { query: "?limit=500" })).body as {
      data: { id: string }[];
    };
    expect(seen).toEqual(all.data.map((p) => p.id));
    expect(pages).toBe(Math.ceil(all.data.length / 7));
    expect((await call(tokens.admin, "GET", "/people", { query: "?cursor=garbage" })).status).toBe(400);
  });

  test("a body over the limit is refused while it streams", async () => {
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 50 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(`${base}/api/v1/ratings`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokens.member}`, "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "too_large" } });
    expect(sent).toBeLessThan(50 * 1024 * 1024);
  });

  test("the API reference page renders the document with its own script, offline", async ({ page }) => {
    const blocked: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") blocked.push(m.text());
    });
    page.on("request", (r) => {
      if (!r.url().startsWith(base)) blocked.push(`outside request: ${r.url()}`);
    });
    page.on("response", (r) => {
      if (r.status() >= 400) blocked.push(`${r.status()} ${r.url()}`);
    });
    const res = await page.goto("/api/docs");
    expect(res!.headers()["content-security-policy"]).toContain("script-src 'self' 'nonce-");
    await expect(page.getByText("Skillgrid API").first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("Who the token acts as").first()).toBeVisible();
    await expect(page.getByText("Generate SDK")).toHaveCount(0);
    await page.getByRole("button", { name: "People" }).first().click();
    await expect(page.getByText("Find who can do X").first()).toBeVisible();
    await page.screenshot({ path: "tests/e2e/screenshots/api-docs-1280.png" });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.mouse.move(200, 800); // off the download menu, which opens on hover
    await page.screenshot({ path: "tests/e2e/screenshots/api-docs-390.png" });
    expect(blocked).toEqual([]);
  });
});
