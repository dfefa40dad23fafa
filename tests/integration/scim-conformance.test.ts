import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { scimTokens, users } from "@/db/schema";
import { demoUserId } from "@/db/seed/demo";
import { viewerFromSessionToken } from "@/lib/auth/viewer";
import { createScimToken, revokeScimToken } from "@/lib/data/scim-tokens";

import { expectError, expectList, patchOp, scimScenarios, type ScimSend } from "../support/scim-conformance";
import { useDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { scimSender } from "./support/scim";
import { configureAuthEnv, sessionTokenFor } from "./support/session";

// The Okta and Entra ID request sequences (tests/support/scim-conformance.ts)
// replayed in-process through the /scim/v2 handler, on each engine, plus the
// bearer-token refusals, which need tokens made and revoked here.

const DOMAIN = "acme.test"; // configureAuthEnv() makes it the one allowed email domain.

const uniqueTag = () => randomBytes(4).toString("hex");

describe("SCIM conformance scenarios", () => {
  it("cover Okta, Entra ID and the RFC, with distinct names", () => {
    expect(scimScenarios.length).toBeGreaterThanOrEqual(25);
    const idps = new Set(scimScenarios.map((s) => s.idp));
    expect([...idps].sort()).toEqual(["entra", "okta", "rfc"]);
    expect(new Set(scimScenarios.map((s) => s.name)).size).toBe(scimScenarios.length);
  });
});

describeOnEachEngine("SCIM 2.0 service provider", ({ handle }) => {
  const demo = useDemoOrg(handle, { admin: "mei-ling.chen@acme.test" });
  let send: ScimSend;

  beforeAll(async () => {
    configureAuthEnv();
    const { token } = await createScimToken(demo.admin, { name: "Okta" });
    send = scimSender(token);
  });

  for (const scenario of scimScenarios) {
    it(scenario.name, () => scenario.run(send, { unique: uniqueTag(), domain: DOMAIN }));
  }

  describe("bearer token", () => {
    const expect401 = async (sender: ScimSend, what: string, headers?: Record<string, string>) => {
      const res = await sender("GET", "/Users?count=1", undefined, headers);
      expectError(res, 401, undefined, what);
      expect(res.header("www-authenticate") ?? "", what).toMatch(/^Bearer\b/);
    };

    it("refuses a request without a token, and ignores session cookies", async () => {
      await expect401(scimSender(null), "no token");
      const cookie = `next-auth.session-token=${await sessionTokenFor(demo.admin.id)}`;
      await expect401(scimSender(null), "cookie only", { cookie });
      await expect401(scimSender(null), "Basic auth", { authorization: "Basic b2t0YTpva3Rh" });
    });

    it("refuses a wrong token", async () => {
      await expect401(scimSender("sgscim_not-a-real-token"), "wrong token");
      await expect401(scimSender(""), "empty bearer", { authorization: "Bearer " });
    });

    it("refuses a revoked token, and only that one", async () => {
      const { id, token } = await createScimToken(demo.admin, { name: "Entra ID" });
      expectList(await scimSender(token)("GET", "/Users?count=1"), "before revoking");
      await revokeScimToken(demo.admin, { tokenId: id });
      await expect401(scimSender(token), "revoked token");
      expectList(await send("GET", "/Users?count=1"), "other token still works");
    });

    it("refuses an expired token", async () => {
      const { id, token } = await createScimToken(demo.admin, { name: "Expiring", expiresInDays: 1 });
      expectList(await scimSender(token)("GET", "/Users?count=1"), "before expiry");
      // The clock moves on: the data layer only issues tokens that expire in a day or more.
      await handle()
        .db.update(scimTokens)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(scimTokens.id, id));
      await expect401(scimSender(token), "expired token");
    });
  });

  describe("people who signed in before SCIM", () => {
    const sofia = "sofia.rossi@acme.test";
    const findSofia = async () => {
      const filter = encodeURIComponent(`userName eq "${sofia}"`);
      return expectList(await send("GET", `/Users?filter=${filter}`), "sofia", 1)[0];
    };

    it("are listed with their email as userName", async () => {
      const found = await findSofia();
      expect(found).toMatchObject({ id: demoUserId(sofia), userName: sofia, active: true });
      expect(found.emails).toEqual([{ value: sofia, type: "work", primary: true }]);
    });

    it("are signed out everywhere when deactivated, and can sign in again once reactivated", async () => {
      const id = (await findSofia()).id as string;
      const generation = async () =>
        (await handle().db.select({ g: users.sessionGeneration }).from(users).where(eq(users.id, id)))[0]!.g;
      const token = await sessionTokenFor(id, { gen: await generation() });
      expect(await viewerFromSessionToken(token)).not.toBeNull();
      const off = await send("PATCH", `/Users/${id}`, patchOp({ op: "replace", value: { active: false } }));
      expect(off.status).toBe(200);
      expect(await viewerFromSessionToken(token)).toBeNull();
      const on = await send("PATCH", `/Users/${id}`, patchOp({ op: "replace", value: { active: true } }));
      expect(on.json.active).toBe(true);
      expect(await viewerFromSessionToken(token)).toBeNull();
      expect(await viewerFromSessionToken(await sessionTokenFor(id, { gen: await generation() }))).not.toBeNull();
    });
  });
});
