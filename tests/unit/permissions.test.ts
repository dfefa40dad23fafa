import { describe, expect, it } from "vitest";

import {
  can,
  canOnTeam,
  canOpenPersonPage,
  canReadTeam,
  HOME_BY_ROLE,
  ORG_PERMISSIONS,
  ROLE_PERMISSIONS,
  TEAM_PERMISSIONS,
  teamsBeyondReach,
} from "@/lib/permissions";

const member = { role: "member" as const, leadTeamIds: [] };
const lead = { role: "manager" as const, leadTeamIds: ["team-a"] };
const admin = { role: "admin" as const, leadTeamIds: [] };

describe("permissions as data", () => {
  it("gives admins every org permission and members only reading and self-rating", () => {
    expect(ROLE_PERMISSIONS.admin).toEqual(ORG_PERMISSIONS);
    expect(ROLE_PERMISSIONS.member).toEqual(["framework:read", "self:rate"]);
  });

  it("never lets a member manage people or teams", () => {
    expect(can(member, "user:manage")).toBe(false);
    expect(can(member, "team:create")).toBe(false);
    expect(can(lead, "user:manage")).toBe(false);
    expect(can(admin, "user:manage")).toBe(true);
    expect(can(null, "framework:read")).toBe(false);
  });

  it("scopes team permissions to the teams a person leads", () => {
    for (const p of TEAM_PERMISSIONS) {
      expect(canOnTeam(lead, "team-a", p)).toBe(true);
      expect(canOnTeam(lead, "team-b", p)).toBe(false);
      expect(canOnTeam(member, "team-a", p)).toBe(false);
      expect(canOnTeam(admin, "team-b", p)).toBe(true);
      expect(canOnTeam(null, "team-a", p)).toBe(false);
    }
  });

  it("leading a team does not depend on the manager role", () => {
    // A member who was made a lead (the role can change independently) leads that team only.
    expect(canOnTeam({ role: "member", leadTeamIds: ["team-a"] }, "team-a", "team:validate")).toBe(true);
  });

  it("sends each role home to where they work", () => {
    expect(HOME_BY_ROLE).toEqual({ admin: "/org", manager: "/teams", member: "/me" });
  });
});

describe("teamsBeyondReach", () => {
  const leadOfAc = { role: "manager" as const, leadTeamIds: ["a", "c"] };
  it("names the person's other teams the viewer does not lead", () => {
    expect(teamsBeyondReach(leadOfAc, ["b"], "a")).toEqual(["b"]);
    expect(teamsBeyondReach(leadOfAc, ["a", "b", "c"], "a")).toEqual(["b"]);
  });
  it("is empty for someone in no other team, or only in teams the viewer leads", () => {
    expect(teamsBeyondReach(leadOfAc, [], "a")).toEqual([]);
    expect(teamsBeyondReach(leadOfAc, ["a", "c"], "a")).toEqual([]);
  });
  it("is empty for an admin", () => {
    expect(teamsBeyondReach({ role: "admin", leadTeamIds: [] }, ["b", "d"], "a")).toEqual([]);
  });
});

describe("who may read a team's heatmap and vision (canReadTeam)", () => {
  const inA = { role: "member" as const, leadTeamIds: [], memberTeamIds: ["team-a"] };
  const leadA = { role: "manager" as const, leadTeamIds: ["team-a"], memberTeamIds: ["team-a"] };
  const adminNowhere = { role: "admin" as const, leadTeamIds: [], memberTeamIds: [] };
  const open = { membersSeeTeamHeatmap: true, membersSeeTeamVision: true };
  const closed = { membersSeeTeamHeatmap: false, membersSeeTeamVision: false };

  it("lets leads and admins read every page of their teams whatever the settings", () => {
    for (const page of ["heatmap", "vision"] as const) {
      expect(canReadTeam(leadA, "team-a", page, closed)).toBe(true);
      expect(canReadTeam(adminNowhere, "team-a", page, closed)).toBe(true);
      expect(canReadTeam(leadA, "team-b", page, open)).toBe(false);
    }
  });

  it("lets members read their own team's page only when its setting is on, and never another team's", () => {
    expect(canReadTeam(inA, "team-a", "heatmap", { membersSeeTeamHeatmap: true, membersSeeTeamVision: false })).toBe(
      true,
    );
    expect(canReadTeam(inA, "team-a", "vision", { membersSeeTeamHeatmap: true, membersSeeTeamVision: false })).toBe(
      false,
    );
    expect(canReadTeam(inA, "team-a", "vision", { membersSeeTeamHeatmap: false, membersSeeTeamVision: true })).toBe(
      true,
    );
    expect(canReadTeam(inA, "team-a", "heatmap", closed)).toBe(false);
    expect(canReadTeam(inA, "team-b", "heatmap", open)).toBe(false);
    expect(canReadTeam(null, "team-a", "heatmap", open)).toBe(false);
  });
});

describe("who may open a person's page", () => {
  const person = { id: "p", teamIds: ["team-a"] };
  it("is the person, a lead of one of their teams, managers and admins; not another member or another team's lead", () => {
    expect(canOpenPersonPage({ id: "p", role: "member", leadTeamIds: [] }, person)).toBe(true);
    expect(canOpenPersonPage({ id: "l", role: "member", leadTeamIds: ["team-a"] }, person)).toBe(true);
    expect(canOpenPersonPage({ id: "m", role: "manager", leadTeamIds: [] }, person)).toBe(true);
    expect(canOpenPersonPage({ id: "a", role: "admin", leadTeamIds: [] }, person)).toBe(true);
    expect(canOpenPersonPage({ id: "x", role: "member", leadTeamIds: [] }, person)).toBe(false);
    expect(canOpenPersonPage({ id: "y", role: "member", leadTeamIds: ["team-b"] }, person)).toBe(false);
  });
});
