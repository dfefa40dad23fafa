import { and, eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";

import { apiTokens, auditEvents, users } from "@/db/schema";
import { demoTeamId, demoUserId } from "@/db/seed/demo";
import { apiCallerForToken, hashToken } from "@/lib/auth/api-token";
import { loadViewer } from "@/lib/auth/viewer";
import {
  createPersonalToken,
  createServiceToken,
  listAllTokens,
  listMyTokens,
  revokeApiToken,
} from "@/lib/data/api-tokens";
import { AppError } from "@/lib/errors";

import { useDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";

// API tokens from the person's side (/me/api) and the admin's (/org/api):
// what a token made here lets its bearer do, checked through the same
// lookup every /api/v1 request goes through (apiCallerForToken).

const ADMIN = "mei-ling.chen@acme.test";
const LEAD = "alex.wang@acme.test"; // leads ML Platform, role manager
const MEMBER = "sofia.rossi@acme.test";

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => {
      if (!(e instanceof AppError)) throw e;
      return { code: e.code, fieldErrors: e.fieldErrors };
    },
  );

describeOnEachEngine("API tokens", ({ handle }) => {
  const demo = useDemoOrg(handle, { admin: ADMIN, lead: LEAD, member: MEMBER });
  const platform = demoTeamId("ml-platform");
  const applied = demoTeamId("applied-ml");
  const setUser = async (email: string, values: Partial<typeof users.$inferInsert>) => {
    await handle()
      .db.update(users)
      .set(values)
      .where(eq(users.id, demoUserId(email)));
  };

  it("a personal token acts as its owner, with the scopes chosen", async () => {
    const { id, token } = await createPersonalToken(demo.member, { name: "My laptop", scopes: ["read", "rate"] });
    expect(token).toMatch(/^sgp_[A-Za-z0-9_-]{43}$/);
    const caller = await apiCallerForToken(token);
    expect(caller).toMatchObject({ tokenId: id, kind: "personal", scopes: ["read", "rate"] });
    expect(caller!.viewer).toEqual(await loadViewer(demoUserId(MEMBER)));
  });

  it("stores only the hash and a short hint, and expires in 90 days unless told otherwise", async () => {
    const { id, token } = await createPersonalToken(demo.member, { name: "Hashed", scopes: ["read"] });
    const [row] = await handle().db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(row!.hint).toBe(token.slice(0, 8));
    expect(JSON.stringify(row)).not.toContain(token.slice(8));
    const days = (row!.expiresAt!.getTime() - row!.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(90, 1);
    const forever = await createPersonalToken(demo.member, { name: "Forever", scopes: ["read"], expiresInDays: null });
    expect((await handle().db.select().from(apiTokens).where(eq(apiTokens.id, forever.id)))[0]!.expiresAt).toBeNull();
  });

  it("refuses scopes the person cannot use, with a field error, and writes nothing", async () => {
    const before = await handle()
      .db.select({ n: sql<number>`count(*)::int` })
      .from(apiTokens);
    expect(await refusal(createPersonalToken(demo.member, { name: "x", scopes: ["read", "plan"] }))).toEqual({
      code: "invalid",
      fieldErrors: { scopes: ["This token cannot use: plan."] },
    });
    expect(await refusal(createPersonalToken(demo.lead, { name: "x", scopes: ["admin"] }))).toMatchObject({
      code: "invalid",
      fieldErrors: { scopes: expect.any(Array) },
    });
    expect(await refusal(createPersonalToken(demo.member, { name: "x", scopes: [] }))).toMatchObject({
      fieldErrors: { scopes: ["Choose at least one scope."] },
    });
    expect(
      await refusal(createPersonalToken(demo.member, { name: "x", scopes: ["read"], expiresInDays: 367 })),
    ).toMatchObject({ fieldErrors: { expiresInDays: expect.any(Array) } });
    expect(
      await handle()
        .db.select({ n: sql<number>`count(*)::int` })
        .from(apiTokens),
    ).toEqual(before);
  });

  it("offers plan to team leads and admin to admins", async () => {
    const lead = await createPersonalToken(demo.lead, { name: "Lead", scopes: ["read", "plan"] });
    expect((await apiCallerForToken(lead.token))!.scopes).toEqual(["read", "plan"]);
    const admin = await createPersonalToken(demo.admin, { name: "Admin", scopes: ["read", "rate", "plan", "admin"] });
    expect((await apiCallerForToken(admin.token))!.scopes).toEqual(["read", "rate", "plan", "admin"]);
  });

  it("a revoked or expired token finds no caller", async () => {
    const revoked = await createPersonalToken(demo.member, { name: "Revoked", scopes: ["read"] });
    await revokeApiToken(demo.member, { tokenId: revoked.id });
    expect(await apiCallerForToken(revoked.token)).toBeNull();
    const expired = await createPersonalToken(demo.member, { name: "Expired", scopes: ["read"], expiresInDays: 1 });
    await handle()
      .db.update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, expired.id));
    expect(await apiCallerForToken(expired.token)).toBeNull();
  });

  it("a disabled owner's tokens stop working, and work again when they are re-enabled", async () => {
    const { token } = await createPersonalToken(demo.member, { name: "Disabled", scopes: ["read"] });
    await setUser(MEMBER, { disabled: true });
    try {
      expect(await apiCallerForToken(token)).toBeNull();
    } finally {
      await setUser(MEMBER, { disabled: false });
    }
    expect(await apiCallerForToken(token)).not.toBeNull();
  });

  it("a service token acts as the admin org-wide, and stops when that admin is demoted", async () => {
    const { token } = await createServiceToken(demo.admin, { name: "HR", scopes: ["read", "admin"], teamIds: null });
    expect(token.startsWith("sgs_")).toBe(true);
    expect(await apiCallerForToken(token)).toMatchObject({ kind: "service", viewer: { role: "admin" } });
    await setUser(ADMIN, { role: "manager" });
    try {
      expect(await apiCallerForToken(token)).toBeNull();
    } finally {
      await setUser(ADMIN, { role: "admin" });
    }
  });

  it("a team-scoped service token leads exactly its teams and nothing org-wide", async () => {
    const { token } = await createServiceToken(demo.admin, {
      name: "BI",
      scopes: ["read", "plan"],
      teamIds: [platform, applied],
      expiresInDays: 30,
    });
    const caller = await apiCallerForToken(token);
    expect(caller!.viewer).toMatchObject({ role: "member", memberTeamIds: [] });
    expect([...caller!.viewer.leadTeamIds].sort()).toEqual([platform, applied].sort());
  });

  it("refuses service tokens to non-admins, admin scope on teams, and unknown teams", async () => {
    expect(
      await refusal(createServiceToken(demo.lead, { name: "x", scopes: ["read"], teamIds: [platform] })),
    ).toMatchObject({ code: "forbidden" });
    expect(
      await refusal(createServiceToken(demo.admin, { name: "x", scopes: ["admin"], teamIds: [platform] })),
    ).toMatchObject({ code: "invalid", fieldErrors: { scopes: expect.any(Array) } });
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(
      await refusal(createServiceToken(demo.admin, { name: "x", scopes: ["read"], teamIds: [unknown] })),
    ).toMatchObject({ code: "invalid", fieldErrors: { teamIds: expect.any(Array) } });
    expect(await refusal(createServiceToken(demo.admin, { name: "x", scopes: ["read"], teamIds: [] }))).toMatchObject({
      code: "invalid",
      fieldErrors: { teamIds: expect.any(Array) },
    });
  });

  it("the owner or an admin revokes; anyone else is told the token does not exist", async () => {
    const mine = await createPersonalToken(demo.member, { name: "Someone else's", scopes: ["read"] });
    expect(await refusal(revokeApiToken(demo.lead, { tokenId: mine.id }))).toMatchObject({ code: "not_found" });
    const nothing = await refusal(revokeApiToken(demo.lead, { tokenId: "00000000-0000-4000-8000-000000000000" }));
    expect(nothing).toMatchObject({ code: "not_found" });
    await revokeApiToken(demo.admin, { tokenId: mine.id });
    expect(await apiCallerForToken(mine.token)).toBeNull();
    expect(await refusal(revokeApiToken(demo.admin, { tokenId: mine.id }))).toMatchObject({ code: "not_found" });
  });

  it("lists: a person sees only their own personal tokens; an admin sees every token with owner and teams", async () => {
    const service = await createServiceToken(demo.admin, { name: "Listed", scopes: ["read"], teamIds: [platform] });
    const mine = await listMyTokens(demo.member);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((t) => t.kind === "personal" && t.owner.id === demoUserId(MEMBER))).toBe(true);
    expect((await listMyTokens(demo.admin)).some((t) => t.id === service.id)).toBe(false);
    const all = await listAllTokens(demo.admin);
    expect(all.find((t) => t.id === service.id)).toMatchObject({
      kind: "service",
      owner: { name: "Mei-Ling Chen" },
      teams: [{ id: platform, name: "ML Platform" }],
    });
    expect(all.some((t) => t.owner.id === demoUserId(MEMBER))).toBe(true);
    expect(await refusal(listAllTokens(demo.lead))).toMatchObject({ code: "forbidden" });
    expect(JSON.stringify(all)).not.toMatch(/tokenHash|sgp_[A-Za-z0-9_-]{20}/);
  });

  it("audits creates and revokes in the same transaction, never with the token or its hash", async () => {
    const { id, token } = await createPersonalToken(demo.member, { name: "Audited", scopes: ["read"] });
    await revokeApiToken(demo.member, { tokenId: id });
    const rows = await handle()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "api_token"), eq(auditEvents.entityId, id)));
    expect(rows.map((r) => r.action).sort()).toEqual(["api.token_created", "api.token_revoked"]);
    expect(rows.every((r) => r.actorId === demoUserId(MEMBER))).toBe(true);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(token);
    expect(text).not.toContain(hashToken(token));
    expect(text).not.toContain(token.slice(4, 12));
  });
});
