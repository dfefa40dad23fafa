import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";

import { scimScenarios, type ScimSend } from "../support/scim-conformance";
import { signInAs } from "./sign-in";
import { createScimTokenInUi, scimOverHttp } from "./support/scim";

// The SCIM conformance suite (tests/support/scim-conformance.ts: Okta's and
// Entra ID's request sequences and RFC 7644's examples) over HTTP against the
// production build, with a token an admin made on /org/directory. On
// PostgreSQL in `npm test`; the same scenarios run in-process on both
// engines in tests/integration/scim-conformance.test.ts.

test.describe("SCIM 2.0 over HTTP", () => {
  let token: string;
  let send: ScimSend;

  test.beforeAll(async ({ browser, baseURL }) => {
    const page = await browser.newPage();
    await signInAs(page, "Mei-Ling Chen", "/org/directory");
    token = await createScimTokenInUi(page, "Conformance");
    send = scimOverHttp(baseURL!, token);
    await page.close();
  });

  for (const scenario of scimScenarios) {
    test(`${scenario.idp}: ${scenario.name}`, async () => {
      await scenario.run(send, { unique: randomBytes(4).toString("hex"), domain: "acme.test" });
    });
  }

  test("a browser session cookie is not a SCIM credential, and a SCIM token is not a session", async ({
    page,
    baseURL,
  }) => {
    await signInAs(page, "Mei-Ling Chen", "/org");
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const withCookie = await scimOverHttp(baseURL!, null, { cookie })("GET", "/Users");
    expect(withCookie.status).toBe(401);
    expect(withCookie.header("www-authenticate")).toMatch(/^Bearer/);
    expect(withCookie.json.schemas).toEqual(["urn:ietf:params:scim:api:messages:2.0:Error"]);

    const bearer = { authorization: `Bearer ${token}` };
    for (const path of ["/api/export?format=json", "/api/audit/export", "/api/org/heatmap"]) {
      const response = await fetch(`${baseURL}${path}`, { headers: bearer, redirect: "manual" });
      expect(response.status, path).toBe(401);
    }
    for (const path of ["/org/directory", "/me"]) {
      const response = await fetch(`${baseURL}${path}`, { headers: bearer, redirect: "manual" });
      expect(response.status, path).toBe(307);
      expect(response.headers.get("location"), path).toContain("/signin");
    }
  });

  test("a body over 1 MB is refused while it streams, before the upload ends", async ({ baseURL }) => {
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent >= 200 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${baseURL}/scim/v2/Users`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).schemas).toEqual(["urn:ietf:params:scim:api:messages:2.0:Error"]);
    expect(sent).toBeLessThan(200 * 1024 * 1024);
  });
});
