import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";

import { teamMembers, users } from "@/db/schema";
import { demoTeamId, demoUserId } from "@/db/seed/demo";
import { admitSignIn } from "@/lib/auth/admit";
import type { Viewer } from "@/lib/auth/viewer";
import { addTeamMember, createTeam, removeTeamMember, updateTeam, updateTeamMember } from "@/lib/data/team-admin";

import { seedDemoOrgAs } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { rowsOf, tableFingerprint } from "./support/fingerprint";
import { configureAuthEnv, TEST_ISSUER } from "./support/session";

describeOnEachEngine("team administration", ({ handle }) => {
  let chihHao: Viewer; // leads Data Engineering
  let priya: Viewer;
  const lastAudit = async () =>
    rowsOf(
      await handle().db.execute(sql`select action, actor_id, entity_id from audit_events order by id desc limit 1`),
    )[0];

  beforeAll(async () => {
    configureAuthEnv();
    ({ chihHao, priya } = await seedDemoOrgAs(handle(), {
      chihHao: "chih-hao.lee@acme.test",
      priya: "priya.nair@acme.test",
    }));
  });

  it("a manager creates a team and leads it", async () => {
    const { id } = await createTeam(priya, { name: "  Search Relevance  ", description: "Ranking models" });
    const [m] = await handle().db.select().from(teamMembers).where(eq(teamMembers.teamId, id));
    expect(m).toMatchObject({ userId: priya.id, isLead: true });
    expect(await lastAudit()).toMatchObject({ action: "team.created", actor_id: priya.id, entity_id: id });
  });

  it("adds someone who never signed in by email, and links them at their first sign-in", async () => {
    const teamId = demoTeamId("data-engineering");
    const added = await addTeamMember(chihHao, { teamId, email: "New.Analyst@ACME.test" });
    expect(added.preProvisioned).toBe(true);
    const [row] = await handle().db.select().from(users).where(eq(users.id, added.userId));
    expect(row).toMatchObject({ email: "new.analyst@acme.test", issuer: null, subject: null });
    expect(
      await admitSignIn({
        issuer: TEST_ISSUER,
        subject: "sub-analyst",
        email: "new.analyst@acme.test",
        emailVerified: true,
        name: "Nia Analyst",
      }),
    ).toEqual({
      ok: true,
      userId: added.userId,
    });
    await expect(addTeamMember(chihHao, { teamId, email: "new.analyst@acme.test" })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("refuses emails outside the organisation's domains, writing nothing", async () => {
    const before = await tableFingerprint(handle().db);
    await expect(
      addTeamMember(chihHao, { teamId: demoTeamId("data-engineering"), email: "someone@gmail.example" }),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(
      addTeamMember(chihHao, { teamId: demoTeamId("data-engineering"), email: "not an email" }),
    ).rejects.toMatchObject({ code: "invalid" });
    expect(await tableFingerprint(handle().db)).toEqual(before);
  });

  it("rejects a rename from a stale version: changed by someone else", async () => {
    const teamId = demoTeamId("data-engineering");
    const { lockVersion } = await updateTeam(chihHao, {
      teamId,
      name: "Data Engineering",
      description: "Pipelines",
      lockVersion: 1,
    });
    expect(lockVersion).toBe(2);
    await expect(
      updateTeam(chihHao, { teamId, name: "Data Eng", description: "", lockVersion: 1 }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/changed by someone else/),
    });
  });

  it("keeps at least one lead, and validates level keys against the team's roadmap", async () => {
    const teamId = demoTeamId("data-engineering");
    await expect(updateTeamMember(chihHao, { teamId, userId: chihHao.id, isLead: false })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(removeTeamMember(chihHao, { teamId, userId: chihHao.id })).rejects.toMatchObject({ code: "conflict" });
    const ben = demoUserId("ben.carter@acme.test");
    await expect(
      updateTeamMember(chihHao, { teamId, userId: ben, currentLevelKey: "principal" }),
    ).rejects.toMatchObject({ code: "invalid" });
    await updateTeamMember(chihHao, {
      teamId,
      userId: ben,
      currentLevelKey: "senior",
      targetLevelKey: null,
      isLead: true,
    });
    const [row] = await handle().db.select().from(teamMembers).where(eq(teamMembers.userId, ben));
    expect(row).toMatchObject({ currentLevelKey: "senior", targetLevelKey: null, isLead: true });
    expect(await lastAudit()).toMatchObject({ action: "team.member_updated", actor_id: chihHao.id });
  });
});
