import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";

import { users } from "@/db/schema";
import { demoUserId } from "@/db/seed/demo";
import { admitSignIn } from "@/lib/auth/admit";
import { viewerFromSessionToken } from "@/lib/auth/viewer";

import { seedDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { rowsOf } from "./support/fingerprint";
import { configureAuthEnv, sessionTokenFor, TEST_ISSUER } from "./support/session";

const claims = (email: string, subject: string, extra: Partial<Parameters<typeof admitSignIn>[0]> = {}) => ({
  issuer: TEST_ISSUER,
  subject,
  email,
  emailVerified: true,
  name: email.split("@")[0],
  ...extra,
});

describeOnEachEngine("sign-in admission", ({ handle }) => {
  const audit = async (action: string) =>
    rowsOf(
      await handle().db.execute(sql`select actor_email, after from audit_events where action = ${action} order by id`),
    );
  const userCount = async () =>
    rowsOf(await handle().db.execute(sql`select count(*)::int as n from users`))[0]!.n as number;

  beforeAll(async () => {
    configureAuthEnv();
    await seedDemoOrg(handle());
  });

  it("creates a member for a verified email in an allowed domain, keyed by issuer + subject", async () => {
    const first = await admitSignIn(claims("new.hire@acme.test", "sub-new-hire"));
    expect(first.ok).toBe(true);
    const again = await admitSignIn(claims("New.Hire@ACME.test", "sub-new-hire", { name: "New Hire" }));
    expect(again).toEqual(first);
    const [row] = await handle().db.select().from(users).where(eq(users.email, "new.hire@acme.test"));
    expect(row).toMatchObject({
      issuer: TEST_ISSUER,
      subject: "sub-new-hire",
      role: "member",
      name: "New Hire",
      disabled: false,
    });
  });

  it("refuses a domain that is not allowed, writes no user and records the refusal", async () => {
    const before = await userCount();
    expect(await admitSignIn(claims("eve@evil.test", "sub-eve"))).toEqual({ ok: false, reason: "domain" });
    expect(await userCount()).toBe(before);
    const refusals = await audit("auth.refused");
    expect(refusals.at(-1)).toMatchObject({
      actor_email: "eve@evil.test",
      after: expect.objectContaining({ reason: "domain", domain: "evil.test" }),
    });
  });

  it("refuses an unverified email even in an allowed domain", async () => {
    const before = await userCount();
    expect(await admitSignIn(claims("sneaky@acme.test", "sub-sneaky", { emailVerified: false }))).toEqual({
      ok: false,
      reason: "email_unverified",
    });
    expect(await admitSignIn(claims("sneaky@acme.test", "sub-sneaky", { emailVerified: undefined }))).toEqual({
      ok: false,
      reason: "email_unverified",
    });
    expect(await userCount()).toBe(before);
  });

  it("requires the Google Workspace hosted domain when configured", async () => {
    configureAuthEnv({ OIDC_HOSTED_DOMAIN: "acme.test" });
    try {
      expect(await admitSignIn(claims("gmail.user@acme.test", "sub-g1"))).toEqual({
        ok: false,
        reason: "hosted_domain",
      });
      expect((await admitSignIn(claims("ws.user@acme.test", "sub-g2", { hostedDomain: "acme.test" }))).ok).toBe(true);
    } finally {
      configureAuthEnv();
    }
  });

  it("links a pre-provisioned person at first sign-in, and never re-links them to another identity by email", async () => {
    const hana = demoUserId("hana.sato@acme.test");
    expect(await admitSignIn(claims("hana.sato@acme.test", "sub-hana"))).toEqual({ ok: true, userId: hana });
    expect((await audit("user.linked_at_sign_in")).length).toBeGreaterThan(0);
    // Someone else at the IdP (or another IdP) presenting the same email is refused.
    expect(await admitSignIn(claims("hana.sato@acme.test", "sub-impostor"))).toEqual({
      ok: false,
      reason: "identity_conflict",
    });
    expect(await admitSignIn(claims("hana.sato@acme.test", "sub-hana", { issuer: "https://other-idp.test" }))).toEqual({
      ok: false,
      reason: "identity_conflict",
    });
    const [row] = await handle().db.select().from(users).where(eq(users.id, hana));
    expect(row).toMatchObject({ subject: "sub-hana", issuer: TEST_ISSUER });
  });

  it("bootstraps admins from ADMIN_EMAILS", async () => {
    const result = await admitSignIn(claims("boss@acme.test", "sub-boss"));
    const [row] = await handle()
      .db.select()
      .from(users)
      .where(eq(users.id, (result as { userId: string }).userId));
    expect(row!.role).toBe("admin");
  });

  it("refuses a disabled person", async () => {
    const omar = demoUserId("omar.haddad@acme.test");
    await handle().db.update(users).set({ disabled: true }).where(eq(users.id, omar));
    expect(await admitSignIn(claims("omar.haddad@acme.test", "sub-omar"))).toEqual({ ok: false, reason: "disabled" });
  });
});

describeOnEachEngine("session → viewer", ({ handle }) => {
  beforeAll(async () => {
    configureAuthEnv();
    await seedDemoOrg(handle());
  });

  it("reads role, teams and the disabled flag from the database on every request, not from the token", async () => {
    const alex = demoUserId("alex.wang@acme.test");
    const token = await sessionTokenFor(alex);
    const viewer = await viewerFromSessionToken(token);
    expect(viewer).toMatchObject({ id: alex, role: "manager" });
    expect(viewer!.leadTeamIds).toHaveLength(1);

    await handle().db.update(users).set({ role: "member" }).where(eq(users.id, alex));
    expect((await viewerFromSessionToken(token))!.role).toBe("member");

    await handle().db.update(users).set({ disabled: true }).where(eq(users.id, alex));
    expect(await viewerFromSessionToken(token)).toBeNull();
  });

  it("rejects tokens that are forged, tampered with, or name nobody", async () => {
    const sofia = demoUserId("sofia.rossi@acme.test");
    expect(
      await viewerFromSessionToken(await sessionTokenFor(sofia, { secret: "another-secret-entirely-0123456789" })),
    ).toBeNull();
    const good = await sessionTokenFor(sofia);
    expect(await viewerFromSessionToken(good.slice(0, -4) + "AAAA")).toBeNull();
    expect(await viewerFromSessionToken(await sessionTokenFor("00000000-0000-4000-8000-000000000000"))).toBeNull();
    expect(await viewerFromSessionToken(await sessionTokenFor(undefined))).toBeNull();
    expect(await viewerFromSessionToken(undefined)).toBeNull();
    expect(await viewerFromSessionToken("not-a-jwt")).toBeNull();
  });
});
