import { and, count, eq, like } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";

import { auditEvents, rateLimits, scimEvents, scimTokens, teamMembers, users } from "@/db/schema";
import { demoTeamId, demoUserId } from "@/db/seed/demo";
import { admitSignIn } from "@/lib/auth/admit";
import { viewerFromSessionToken } from "@/lib/auth/viewer";
import { setGroupMapping } from "@/lib/data/directory";
import { createScimToken, listScimTokens, revokeScimToken } from "@/lib/data/scim-tokens";
import { addTeamMember, getTeamSettings, removeTeamMember, updateTeamMember } from "@/lib/data/team-admin";
import { setUserRole } from "@/lib/data/users";
import { handleScim } from "@/lib/scim/handler";
import { LIMITS } from "@/lib/server/rate-limit";

import { seedDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { GROUP_SCHEMA, PATCH_OP, scimSender, USER_SCHEMA } from "./support/scim";
import { configureAuthEnv, demoSessionViewer, sessionTokenFor, TEST_ISSUER } from "./support/session";

// Directory sync from the IdP's side: what a SCIM change does to people,
// sessions, teams and roles in Skillgrid, and that a re-sync writes nothing.

describeOnEachEngine("directory sync (SCIM)", ({ handle }) => {
  let send: ReturnType<typeof scimSender>;
  let admin: Awaited<ReturnType<typeof demoSessionViewer>>;
  const platform = demoTeamId("ml-platform");
  const sofia = demoUserId("sofia.rossi@acme.test");
  const generation = async (id: string) =>
    (await handle().db.select({ g: users.sessionGeneration }).from(users).where(eq(users.id, id)))[0]!.g;
  const auditCount = async () => (await handle().db.select({ n: count() }).from(auditEvents))[0]!.n;

  beforeAll(async () => {
    configureAuthEnv();
    await seedDemoOrg(handle());
    admin = await demoSessionViewer("mei-ling.chen@acme.test");
    const { token } = await createScimToken(admin, { name: "Entra ID" });
    send = scimSender(token);
  });

  it("lists people who signed in by SSO before the IdP was connected, by their email as userName", async () => {
    const found = await send("GET", `/Users?filter=${encodeURIComponent('userName eq "Sofia.Rossi@acme.test"')}`);
    expect(found.status).toBe(200);
    expect(found.json.totalResults).toBe(1);
    expect(found.json.Resources[0]).toMatchObject({ id: sofia, userName: "sofia.rossi@acme.test", active: true });
  });

  it("active:false refuses the person's very next request and ends their sessions; reactivation does not revive them", async () => {
    const session = await sessionTokenFor(sofia, { gen: await generation(sofia) });
    expect(await viewerFromSessionToken(session)).not.toBeNull();
    const off = await send("PATCH", `/Users/${sofia}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "active", value: "False" }],
    });
    expect(off.status).toBe(200);
    expect(off.json.active).toBe(false);
    expect(await viewerFromSessionToken(session)).toBeNull();
    const on = await send("PATCH", `/Users/${sofia}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", value: { active: true } }],
    });
    expect(on.json.active).toBe(true);
    expect(await viewerFromSessionToken(session)).toBeNull();
    expect(await viewerFromSessionToken(await sessionTokenFor(sofia, { gen: await generation(sofia) }))).not.toBeNull();
    const actions = await handle()
      .db.select({ action: auditEvents.action, actorEmail: auditEvents.actorEmail })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, sofia), like(auditEvents.action, "scim.%")));
    expect(actions).toEqual([
      { action: "scim.user_deactivated", actorEmail: "scim:Entra ID" },
      { action: "scim.user_reactivated", actorEmail: "scim:Entra ID" },
    ]);
  });

  it("a group mapped to a team makes the team's members the group's, and refuses hand edits of them", async () => {
    const dana = await send("POST", "/Users", {
      schemas: [USER_SCHEMA],
      userName: "dana.kim@acme.test",
      name: { givenName: "Dana", familyName: "Kim" },
      emails: [{ value: "dana.kim@acme.test", type: "work", primary: true }],
      active: true,
    });
    expect(dana.status).toBe(201);
    const group = await send("POST", "/Groups", {
      schemas: [GROUP_SCHEMA],
      displayName: "ML Platform engineers",
      members: [{ value: sofia }, { value: dana.json.id }, { value: demoUserId("alex.wang@acme.test") }],
    });
    expect(group.status).toBe(201);
    await setGroupMapping(admin, { groupId: group.json.id, teamId: platform, role: null });
    const members = async () =>
      (await handle().db.select({ id: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, platform)))
        .map((m) => m.id)
        .sort();
    expect(await members()).toEqual([sofia, dana.json.id, demoUserId("alex.wang@acme.test")].sort());
    const settings = await getTeamSettings(admin, { teamId: platform }, { locale: "en" });
    expect(settings.managedBy).toEqual({ id: group.json.id, displayName: "ML Platform engineers" });
    await expect(addTeamMember(admin, { teamId: platform, email: "omar.haddad@acme.test" })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(removeTeamMember(admin, { teamId: platform, userId: sofia })).rejects.toMatchObject({
      code: "conflict",
    });
    // Leads and levels stay editable by hand.
    await updateTeamMember(admin, { teamId: platform, userId: dana.json.id, currentLevelKey: "junior" });

    const removed = await send("PATCH", `/Groups/${group.json.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Remove", path: "members", value: [{ value: sofia }] }],
    });
    expect(removed.status).toBe(204);
    expect(await members()).toEqual([dana.json.id, demoUserId("alex.wang@acme.test")].sort());
    const user = await send("GET", `/Users/${dana.json.id}`);
    expect(user.json.groups).toEqual([
      expect.objectContaining({ value: group.json.id, display: "ML Platform engineers" }),
    ]);
  });

  it("a group mapped to a role gives its members that role, ends their sessions, and withdraws it when they leave", async () => {
    const omar = demoUserId("omar.haddad@acme.test");
    const group = await send("POST", "/Groups", { schemas: [GROUP_SCHEMA], displayName: "Skillgrid managers" });
    await setGroupMapping(admin, { groupId: group.json.id, teamId: null, role: "manager" });
    const before = await generation(omar);
    await send("PATCH", `/Groups/${group.json.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "add", path: "members", value: [{ value: omar }] }],
    });
    const role = async () => (await handle().db.select({ r: users.role }).from(users).where(eq(users.id, omar)))[0]!.r;
    expect(await role()).toBe("manager");
    expect(await generation(omar)).toBe(before + 1);
    await send("PATCH", `/Groups/${group.json.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "remove", path: `members[value eq "${omar}"]` }],
    });
    expect(await role()).toBe("member");
  });

  it("a re-sync of the same directory writes nothing", async () => {
    const [dana] = (await send("GET", `/Users?filter=${encodeURIComponent('userName eq "dana.kim@acme.test"')}`)).json
      .Resources;
    const { meta: _meta, groups: _groups, id, ...resource } = dana;
    const writes = await auditCount();
    const put = await send("PUT", `/Users/${id}`, resource);
    expect(put.status).toBe(200);
    const patch = await send("PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", value: { active: true, displayName: dana.displayName } }],
    });
    expect(patch.status).toBe(200);
    expect(patch.header("etag")).toBe(dana.meta.version);
    expect(await auditCount()).toBe(writes);
  });

  it("DELETE disables the person and hides them from SCIM, keeping their history; a later POST brings them back", async () => {
    const marta = demoUserId("marta.kowalska@acme.test");
    const group = await send("POST", "/Groups", {
      schemas: [GROUP_SCHEMA],
      displayName: "Leavers' group",
      members: [{ value: marta }],
    });
    expect((await send("DELETE", `/Users/${marta}`)).status).toBe(204);
    expect((await send("GET", `/Groups/${group.json.id}`)).json.members).toEqual([]);
    expect((await send("GET", `/Users/${marta}`)).status).toBe(404);
    const [row] = await handle().db.select().from(users).where(eq(users.id, marta));
    expect(row).toMatchObject({ disabled: true });
    const back = await send("POST", "/Users", {
      schemas: [USER_SCHEMA],
      userName: "marta.kowalska@acme.test",
      active: true,
    });
    expect(back.status).toBe(201);
    expect(back.json).toMatchObject({ id: marta, active: true });
  });

  it("refuses no token, a wrong one, a revoked one, an expired one and a session cookie, and logs the refusals", async () => {
    const { id, token } = await createScimToken(admin, { name: "Okta" });
    expect((await scimSender(token)("GET", "/Users?count=1")).status).toBe(200);
    const cookie = await sessionTokenFor(demoUserId("mei-ling.chen@acme.test"));
    const refusals = [
      await scimSender(null)("GET", "/Users"),
      await scimSender(`${token}x`)("GET", "/Users"),
      await scimSender(null, { cookie: `next-auth.session-token=${cookie}` })("GET", "/Users"),
    ];
    await handle()
      .db.update(scimTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(scimTokens.id, id));
    refusals.push(await scimSender(token)("GET", "/Users"));
    await handle().db.update(scimTokens).set({ expiresAt: null }).where(eq(scimTokens.id, id));
    await revokeScimToken(admin, { tokenId: id });
    refusals.push(await scimSender(token)("POST", "/Users", { schemas: [USER_SCHEMA], userName: "x@acme.test" }));
    for (const r of refusals) {
      expect(r.status).toBe(401);
      expect(r.header("www-authenticate")).toMatch(/^Bearer/);
      expect(r.json).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401" });
    }
    expect(await handle().db.select().from(users).where(eq(users.email, "x@acme.test"))).toEqual([]);
    const logged = await handle().db.select().from(scimEvents).where(eq(scimEvents.status, 401));
    expect(logged.length).toBeGreaterThanOrEqual(5);
  });

  it("past its limit (LIMITS.scim) a token gets 429 with Retry-After; other tokens are not held up", async () => {
    const busy = await createScimToken(admin, { name: "Busy" });
    const windowStart = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    await handle()
      .db.insert(rateLimits)
      .values({ key: `scim:${busy.id}`, windowStart, count: LIMITS.scim.limit });
    const refused = await scimSender(busy.token)("GET", "/Users?count=1");
    expect(refused.status).toBe(429);
    expect(Number(refused.header("retry-after"))).toBeGreaterThan(0);
    expect(refused.json).toMatchObject({ status: "429" });
    expect((await send("GET", "/Users?count=1")).status).toBe(200);
  });

  it("stops reading a body past 1 MB, declared or streamed, and writes nothing", async () => {
    const { token } = await createScimToken(admin, { name: "Streaming" });
    const writes = await auditCount();
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new Request("http://127.0.0.1:3000/scim/v2/Users", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
      body: endless,
      duplex: "half",
    } as RequestInit);
    const response = await handleScim(request, ["Users"]);
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(2 * 1024 * 1024);
    const declared = await scimSender(token)("POST", "/Users", "x", { "content-length": String(5 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    expect(await auditCount()).toBe(writes);
  });

  it("never demotes the organisation's last active admin through a role group", async () => {
    const meiLing = demoUserId("mei-ling.chen@acme.test");
    const group = await send("POST", "/Groups", {
      schemas: [GROUP_SCHEMA],
      displayName: "Skillgrid admins",
      members: [{ value: meiLing }],
    });
    await setGroupMapping(admin, { groupId: group.json.id, teamId: null, role: "admin" });
    // As if her admin role had come from this group (a role given by hand is never taken away by one).
    await handle().db.update(users).set({ roleFromDirectory: true }).where(eq(users.id, meiLing));
    await send("PATCH", `/Groups/${group.json.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "remove", path: `members[value eq "${meiLing}"]` }],
    });
    const [row] = await handle().db.select({ role: users.role }).from(users).where(eq(users.id, meiLing));
    expect(row!.role).toBe("admin");
    const kept = await handle()
      .db.select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "directory.last_admin_kept"));
    expect(kept).toHaveLength(1);
  });

  it("never takes away a role an admin gave by hand: a hand-made admin in a managers' group stays admin", async () => {
    const lucas = demoUserId("lucas.martin@acme.test");
    await setUserRole(admin, { userId: lucas, role: "admin" });
    const group = await send("POST", "/Groups", {
      schemas: [GROUP_SCHEMA],
      displayName: "Team leads",
      members: [{ value: lucas }],
    });
    await setGroupMapping(admin, { groupId: group.json.id, teamId: null, role: "manager" });
    const role = async () => (await handle().db.select({ r: users.role }).from(users).where(eq(users.id, lucas)))[0]!.r;
    expect(await role()).toBe("admin");
    await send("PATCH", `/Groups/${group.json.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "remove", path: `members[value eq "${lucas}"]` }],
    });
    expect(await role()).toBe("admin");
  });

  it("links a provisioned person to their IdP identity at their first SSO sign-in", async () => {
    const created = await send("POST", "/Users", {
      schemas: [USER_SCHEMA],
      userName: "new.joiner@acme.test",
      name: { givenName: "New", familyName: "Joiner" },
      active: true,
    });
    const admitted = await admitSignIn({
      issuer: TEST_ISSUER,
      subject: "new-joiner",
      email: "new.joiner@acme.test",
      emailVerified: true,
    });
    expect(admitted).toEqual({ ok: true, userId: created.json.id });
    const [row] = await handle().db.select().from(users).where(eq(users.id, created.json.id));
    expect(row).toMatchObject({ issuer: TEST_ISSUER, subject: "new-joiner", userName: "new.joiner@acme.test" });
  });

  it("shows when a token was last used, and moves that time at most once a minute", async () => {
    const { id, token } = await createScimToken(admin, { name: "Last used" });
    const lastUsed = async () => (await listScimTokens(admin)).find((t) => t.id === id)!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await scimSender(token)("GET", "/Users?count=1");
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await scimSender(token)("GET", "/Users?count=1");
    expect(await lastUsed()).toBe(first);
  });
});
