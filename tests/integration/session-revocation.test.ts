import { eq } from "drizzle-orm";
import { encode, type JWT } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";

import { setDbHandle } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { demoUserId } from "@/db/seed/demo";
import { getAuthOptions } from "@/lib/auth/options";
import { SESSION_ABSOLUTE_SECONDS, withinAbsoluteLifetime } from "@/lib/auth/session-cookie";
import { viewerFromSessionToken } from "@/lib/auth/viewer";
import { revokeUserSessions, setUserDisabled, setUserRole, signOutEverywhere } from "@/lib/data/users";

import { seedDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { configureAuthEnv, sessionTokenFor, TEST_SECRET } from "./support/session";

// A session cookie is a bearer credential: copying it must not outlive a
// sign-out, a disable (even after re-enabling) or the absolute lifetime.

const generationOf = async (db: Parameters<typeof setDbHandle>[0]["db"], id: string) =>
  (await db.select({ g: users.sessionGeneration }).from(users).where(eq(users.id, id)))[0]!.g;

describe("absolute session lifetime", () => {
  it("counts from sign-in, whatever refreshes happened since", () => {
    const now = Date.UTC(2026, 10, 30, 12);
    expect(withinAbsoluteLifetime(now / 1000 - 60, now)).toBe(true);
    expect(withinAbsoluteLifetime(now / 1000 - SESSION_ABSOLUTE_SECONDS + 1, now)).toBe(true);
    expect(withinAbsoluteLifetime(now / 1000 - SESSION_ABSOLUTE_SECONDS, now)).toBe(false);
    // A sign-in time in the future is a forged token.
    expect(withinAbsoluteLifetime(now / 1000 + 3600, now)).toBe(false);
  });
});

describeOnEachEngine("session revocation", ({ handle }) => {
  const sofia = demoUserId("sofia.rossi@acme.test");
  const admin = demoUserId("mei-ling.chen@acme.test");
  const tokenAt = async (uid: string) => sessionTokenFor(uid, { gen: await generationOf(handle().db, uid) });

  beforeAll(async () => {
    configureAuthEnv();
    await seedDemoOrg(handle());
  });

  it("refuses a token replayed after its owner signed out (next-auth's sign-out event)", async () => {
    const token = await tokenAt(sofia);
    expect(await viewerFromSessionToken(token)).not.toBeNull();
    const decoded = { uid: sofia, gen: await generationOf(handle().db, sofia) } as JWT;
    await getAuthOptions().events!.signOut!({ token: decoded, session: undefined as never });
    expect(await viewerFromSessionToken(token)).toBeNull();
    const [audit] = await handle().db.select().from(auditEvents).where(eq(auditEvents.action, "auth.signed_out"));
    expect(audit).toMatchObject({ entityId: sofia });
    // A fresh sign-in works again.
    expect(await viewerFromSessionToken(await tokenAt(sofia))).not.toBeNull();
  });

  it("refuses a token after a disable, also once the person is enabled again", async () => {
    const adminViewer = (await viewerFromSessionToken(await tokenAt(admin)))!;
    const token = await tokenAt(sofia);
    await setUserDisabled(adminViewer, { userId: sofia, disabled: true });
    await setUserDisabled(adminViewer, { userId: sofia, disabled: false });
    expect(await viewerFromSessionToken(token)).toBeNull();
  });

  it("refuses a token after a role change", async () => {
    const adminViewer = (await viewerFromSessionToken(await tokenAt(admin)))!;
    const token = await tokenAt(sofia);
    await setUserRole(adminViewer, { userId: sofia, role: "manager" });
    expect(await viewerFromSessionToken(token)).toBeNull();
    await setUserRole(adminViewer, { userId: sofia, role: "member" });
  });

  it("ends every session on 'sign out everywhere', for oneself or by an admin", async () => {
    const laptop = await tokenAt(sofia);
    const phone = await tokenAt(sofia);
    await signOutEverywhere(await viewerFromSessionToken(laptop));
    expect(await viewerFromSessionToken(laptop)).toBeNull();
    expect(await viewerFromSessionToken(phone)).toBeNull();

    const again = await tokenAt(sofia);
    const adminViewer = (await viewerFromSessionToken(await tokenAt(admin)))!;
    await revokeUserSessions(adminViewer, { userId: sofia });
    expect(await viewerFromSessionToken(again)).toBeNull();
    expect(
      (await handle().db.select().from(auditEvents).where(eq(auditEvents.action, "auth.sessions_revoked"))).length,
    ).toBe(2);
  });

  it("refuses a token older than the absolute lifetime, and one without a generation", async () => {
    const gen = await generationOf(handle().db, sofia);
    const stale = await sessionTokenFor(sofia, {
      gen,
      signedInAt: Date.now() - (SESSION_ABSOLUTE_SECONDS + 60) * 1000,
    });
    expect(await viewerFromSessionToken(stale)).toBeNull();
    const fresh = await sessionTokenFor(sofia, { gen, signedInAt: Date.now() - 60_000 });
    expect(await viewerFromSessionToken(fresh)).not.toBeNull();
    // A token from before session generations existed (uid only) is refused once.
    expect(
      await viewerFromSessionToken(await encode({ token: { uid: sofia }, secret: TEST_SECRET, maxAge: 3600 })),
    ).toBeNull();
  });
});
