import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { and, eq, isNull, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import type { Db } from "@/db/client";
import {
  apiTokens,
  assessmentCycles,
  directoryGroups,
  learningResources,
  notificationOptOuts,
  notifications,
  orgSettings,
  scimTokens,
  teamMembers,
  teams,
  teamTargets,
  users,
  webhookDeliveries,
  webhookEndpoints,
} from "@/db/schema";
import { demoTeamId, demoUserId } from "@/db/seed/demo";
import { handleApi } from "@/lib/api/handler";
import { admitSignIn } from "@/lib/auth/admit";
import { viewerFromSessionToken, type Viewer } from "@/lib/auth/viewer";
import {
  createPersonalToken,
  createServiceToken,
  listAllTokens,
  listMyTokens,
  revokeApiToken,
} from "@/lib/data/api-tokens";
import { exportAuditEvents, listAuditEvents } from "@/lib/data/audit-log";
import { closeCycle, listCycles, openCycle, reopenCycle } from "@/lib/data/cycles";
import { setGroupMapping } from "@/lib/data/directory";
import { getPlanningDataset } from "@/lib/data/exports";
import {
  createDraft,
  discardDraft,
  exportFramework,
  getDraft,
  getFrameworkEditor,
  importFramework,
  moveDraftSkill,
  publishDraft,
  switchTeamVersion,
  updateDraftSkill,
} from "@/lib/data/framework-admin";
import { getFrameworkTree, listFrameworkDrafts, listFrameworks, listPublishedVersions } from "@/lib/data/frameworks";
import {
  getOrgHeatmap,
  getOrgHeatmapJson,
  getOrgHeatmapSummary,
  getTeamHeatmap,
  getTeamHeatmapData,
  getTeamHeatmapJson,
  getTeamPageSummary,
} from "@/lib/data/heatmap";
import { importRatings } from "@/lib/data/import";
import { addLearningResource, getResourcesForSkills, removeLearningResource } from "@/lib/data/learning-resources";
import { setMyLocale } from "@/lib/data/locale-preference";
import {
  getDeliveryStatus,
  getMyEmailPreferences,
  readUnsubscribeLink,
  retryNotification,
  setMyEmailPreference,
  updateEmailSchedule,
} from "@/lib/data/notifications";
import { findPeople } from "@/lib/data/people";
import { getPersonPage } from "@/lib/data/person";
import { getMemberRatingSheet, getMyRatingSheet } from "@/lib/data/rating-sheet";
import { confirmStaleRatings, saveSelfRating, validateRating } from "@/lib/data/ratings";
import { createScimToken, revokeScimToken } from "@/lib/data/scim-tokens";
import { getOrgSettings, updateOrgSetting } from "@/lib/data/settings";
import { getSkillPage } from "@/lib/data/skill-page";
import { listStaffingPlans, proposeProjectStaffing, saveStaffingPlan } from "@/lib/data/staffing";
import {
  addTeamMember,
  archiveTeam,
  createTeam,
  getTeamSettings,
  removeTeamMember,
  updateTeam,
  updateTeamMember,
} from "@/lib/data/team-admin";
import { listTeamsOnOlderVersions, moveTeamsToLatestVersion } from "@/lib/data/team-versions";
import { listTeamsForViewer } from "@/lib/data/teams";
import { getTeamTrends } from "@/lib/data/trends";
import { listUsers, revokeUserSessions, setUserDisabled, setUserRole, signOutEverywhere } from "@/lib/data/users";
import { acceptPlanItem, archiveTarget, createTarget, getOrgGaps, getTeamVision } from "@/lib/data/vision";
import {
  disableWebhook,
  enableWebhook,
  listWebhookDeliveries,
  listWebhooks,
  redeliverWebhook,
  registerWebhook,
} from "@/lib/data/webhooks";
import { AppError, unauthenticated } from "@/lib/errors";
import { CROSS_SITE_MESSAGE } from "@/lib/http/request-guards";
import { signUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { addQuarters, quarterEnd, quarterOf, quarterStart } from "@/lib/quarters";
import { handleScim } from "@/lib/scim/handler";

import { seedDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { tableFingerprint } from "./support/fingerprint";
import { draftLockVersion, GIT } from "./support/frameworks";
import { configureAuthEnv, demoSessionViewer, sessionTokenFor, TEST_ISSUER, TEST_SECRET } from "./support/session";

/*
 * The authorization matrix: every server action, route handler and
 * data-access read × every kind of caller, with the expected outcome in one
 * table. Callers are resolved exactly as requests are: a next-auth session
 * token → lib/auth/viewer.ts → the database. Denied cells must change no row.
 */

const SUBJECTS = [
  "signedOut",
  "disabledUser",
  "foreignDomain",
  "memberOnSelf",
  "memberOnOther",
  "leadOfOtherTeam",
  "leadOfTeam",
  "admin",
] as const;
type Subject = (typeof SUBJECTS)[number];
type Outcome = "ok" | "unauthenticated" | "forbidden" | "not_found";

const EMAIL = {
  target: "sofia.rossi@acme.test", // member of ML Platform: the person acted upon
  memberOther: "yu-ting.tsai@acme.test", // another ML Platform member
  leadOfTeam: "alex.wang@acme.test", // leads ML Platform
  leadOfOtherTeam: "priya.nair@acme.test", // leads Applied ML
  admin: "mei-ling.chen@acme.test",
  disabled: "omar.haddad@acme.test",
};

type Fixture = { db: Db; targetId: string; frameworkId: string; teamId: string; draftOnlyFrameworkId: string };
type Row = {
  /** "file#export" for actions and routes, "lib/data/…#fn" for reads. */
  id: string;
  run?: (viewer: Viewer | null, fx: Fixture) => Promise<unknown>;
  expect: Record<Subject, Outcome>;
  /** Puts things back after an allowed mutation so later cells start equal. */
  undo?: (fx: Fixture) => Promise<void>;
  /** Only for endpoints that must be reachable signed out. */
  publicBecause?: string;
};

const signedInOnly: Record<Subject, Outcome> = {
  signedOut: "unauthenticated",
  disabledUser: "unauthenticated",
  foreignDomain: "unauthenticated",
  memberOnSelf: "ok",
  memberOnOther: "ok",
  leadOfOtherTeam: "ok",
  leadOfTeam: "ok",
  admin: "ok",
};
const everyone = Object.fromEntries(SUBJECTS.map((s) => [s, "ok"])) as Record<Subject, Outcome>;
// SCIM routes take a bearer token only: no session, an admin's included, gets in.
const noSession = Object.fromEntries(SUBJECTS.map((s) => [s, "unauthenticated"])) as Record<Subject, Outcome>;
const adminOnly: Record<Subject, Outcome> = {
  signedOut: "unauthenticated",
  disabledUser: "unauthenticated",
  foreignDomain: "unauthenticated",
  memberOnSelf: "forbidden",
  memberOnOther: "forbidden",
  leadOfOtherTeam: "forbidden",
  leadOfTeam: "forbidden",
  admin: "ok",
};
// Drafts: admins read them; to anyone else signed in, a never-published framework does not exist.
const adminOnlyElseNotFound: Record<Subject, Outcome> = {
  ...adminOnly,
  memberOnSelf: "not_found",
  memberOnOther: "not_found",
  leadOfOtherTeam: "not_found",
  leadOfTeam: "not_found",
};
const managersAndAdmins: Record<Subject, Outcome> = { ...adminOnly, leadOfOtherTeam: "ok", leadOfTeam: "ok" };
const leadOfTheTeam: Record<Subject, Outcome> = { ...adminOnly, leadOfTeam: "ok" };
// A skill the demo leads rate 4 themselves and the two members 3 (skill pages, learning resources).
const MLFLOW = "model-management.familiar-with-mlflow-tracking-artifacts";
// A roadmap of one skill, imported as a framework that has only a draft.
const TINY_FRAMEWORK_MD = "# Tiny\n\n## Junior\n\n1. **SQL**\n   - Writes joins\n";
const managers: Record<Subject, Outcome> = { ...adminOnly, leadOfTeam: "ok", leadOfOtherTeam: "ok" };
// Members see their own team's heatmap (read-only) under the default org setting.
const teamAndItsMembers: Record<Subject, Outcome> = { ...leadOfTheTeam, memberOnSelf: "ok", memberOnOther: "ok" };
const lockOf = async (fx: Fixture) =>
  (await fx.db.select({ v: teams.lockVersion }).from(teams).where(eq(teams.id, fx.teamId)))[0]!.v;
const membership = (fx: Fixture) => and(eq(teamMembers.teamId, fx.teamId), eq(teamMembers.userId, fx.targetId));

// A directory group with no members, as an IdP would push it (the mapping row's subject).
const MATRIX_GROUP = "Matrix group";
const FIND_GIT = `mlops-engineer/${GIT}~3`;
const STAFF_GIT = `mlops-engineer/${GIT}~2~1`;
// Email: a failed email to the target (the retry row's subject), and the target's one-click unsubscribe link.
const MATRIX_DEAD_EMAIL = "matrix:dead";
const unsubscribeToken = (fx: Fixture) => signUnsubscribeToken(TEST_SECRET, fx.targetId, "cycle_reminder");
// Webhooks: an endpoint with one dead delivery (the disable, enable and redeliver rows' subjects).
const MATRIX_HOOK_URL = "https://hooks.example.com/matrix";
const matrixHook = async (fx: Fixture) =>
  (await fx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.url, MATRIX_HOOK_URL)))[0]!;
const matrixDelivery = async (fx: Fixture) =>
  (
    await fx.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, (await matrixHook(fx)).id))
  )[0]!;
const clearOptOuts = async (fx: Fixture) => {
  await fx.db.delete(notificationOptOuts);
};
const resetTarget = async (fx: Fixture) => {
  await fx.db.update(users).set({ role: "member", disabled: false }).where(eq(users.id, fx.targetId));
};

export const MATRIX: Row[] = [
  {
    id: "lib/actions/org.ts#changeUserRoleAction",
    run: (v, fx) => setUserRole(v, { userId: fx.targetId, role: "manager" }),
    expect: adminOnly,
    undo: resetTarget,
  },
  {
    id: "lib/actions/org.ts#setUserAccessAction",
    run: (v, fx) => setUserDisabled(v, { userId: fx.targetId, disabled: true }),
    expect: adminOnly,
    undo: resetTarget,
  },
  {
    id: "lib/actions/org.ts#revokeSessionsAction",
    run: (v, fx) => revokeUserSessions(v, { userId: fx.targetId }),
    expect: adminOnly,
  },
  { id: "lib/actions/account.ts#signOutEverywhereAction", run: (v) => signOutEverywhere(v), expect: signedInOnly },
  {
    id: "lib/actions/account.ts#setMyLocaleAction",
    run: (v) => setMyLocale(v, { locale: "en" }),
    expect: signedInOnly,
  },
  {
    id: "app/api/auth/[...nextauth]/route.ts#GET",
    expect: everyone,
    publicBecause:
      "next-auth's sign-in, callback, CSRF and sign-out endpoints; admission runs in its signIn callback (tests: sign-in.test.ts, e2e auth.spec.ts)",
  },
  {
    id: "app/api/auth/[...nextauth]/route.ts#POST",
    expect: everyone,
    publicBecause: "next-auth's sign-in and sign-out form posts (CSRF-token protected by next-auth)",
  },
  {
    id: "lib/actions/ratings.ts#saveMyRatingAction",
    run: (v) =>
      saveSelfRating(v, { skillKey: GIT, value: 3, interest: 1, evidence: "PR #42", requestId: randomUUID() }),
    expect: signedInOnly,
  },
  {
    id: "lib/actions/ratings.ts#confirmStaleRatingsAction",
    run: (v) => confirmStaleRatings(v, {}),
    expect: signedInOnly,
  },
  {
    id: "lib/actions/ratings.ts#validateRatingAction",
    run: (v, fx) =>
      validateRating(v, {
        teamId: fx.teamId,
        userId: fx.targetId,
        skillKey: GIT,
        proficiency: 2,
        comment: "Seen in review",
        requestId: randomUUID(),
      }),
    expect: leadOfTheTeam,
  },
  {
    id: "lib/data/rating-sheet.ts#getMyRatingSheet",
    run: (v) => getMyRatingSheet(v, { locale: "en" }),
    expect: signedInOnly,
  },
  {
    id: "lib/data/rating-sheet.ts#getMemberRatingSheet",
    run: (v, fx) => getMemberRatingSheet(v, { teamId: fx.teamId, userId: fx.targetId }, { locale: "en" }),
    expect: leadOfTheTeam,
  },
  {
    // The person page: the person, their leads, managers and admins; to anyone else the person does not exist.
    id: "lib/data/person.ts#getPersonPage",
    run: (v, fx) => getPersonPage(v, { id: fx.targetId }, { locale: "en" }),
    expect: { ...managers, memberOnSelf: "ok", memberOnOther: "not_found" },
  },
  { id: "lib/actions/teams.ts#createTeamAction", run: (v) => createTeam(v, { name: "Matrix team" }), expect: managers },
  {
    id: "lib/actions/teams.ts#updateTeamAction",
    run: async (v, fx) =>
      updateTeam(v, {
        teamId: fx.teamId,
        name: "ML Platform",
        description: "Renamed by the matrix",
        lockVersion: await lockOf(fx),
      }),
    expect: leadOfTheTeam,
  },
  {
    id: "lib/actions/teams.ts#archiveTeamAction",
    run: (v, fx) => archiveTeam(v, { teamId: fx.teamId }),
    expect: leadOfTheTeam,
    undo: async (fx) => {
      await fx.db.update(teams).set({ archivedAt: null }).where(eq(teams.id, fx.teamId));
    },
  },
  {
    id: "lib/actions/teams.ts#addTeamMemberAction",
    run: (v, fx) => addTeamMember(v, { teamId: fx.teamId, email: `new-${randomUUID().slice(0, 8)}@acme.test` }),
    expect: leadOfTheTeam,
  },
  {
    id: "lib/actions/teams.ts#removeTeamMemberAction",
    run: (v, fx) => removeTeamMember(v, { teamId: fx.teamId, userId: fx.targetId }),
    expect: leadOfTheTeam,
    undo: async (fx) => {
      await fx.db
        .insert(teamMembers)
        .values({ teamId: fx.teamId, userId: fx.targetId, currentLevelKey: "mid-level", targetLevelKey: "senior" });
    },
  },
  {
    id: "lib/actions/teams.ts#updateTeamMemberAction",
    run: (v, fx) => updateTeamMember(v, { teamId: fx.teamId, userId: fx.targetId, currentLevelKey: "senior" }),
    expect: leadOfTheTeam,
    undo: async (fx) => {
      await fx.db.update(teamMembers).set({ currentLevelKey: "mid-level" }).where(membership(fx));
    },
  },
  {
    id: "lib/actions/org.ts#updateOrgSettingAction",
    run: (v) => updateOrgSetting(v, { key: "membersSeeTeamHeatmap", value: false }),
    expect: adminOnly,
    undo: async (fx) => {
      await fx.db.delete(orgSettings);
    },
  },
  {
    id: "lib/data/heatmap.ts#getTeamHeatmap",
    run: (v, fx) => getTeamHeatmap(v, { teamId: fx.teamId }, { locale: "en" }),
    expect: teamAndItsMembers,
  },
  {
    id: "lib/data/heatmap.ts#getTeamPageSummary",
    run: (v, fx) =>
      getTeamPageSummary(v, { teamId: fx.teamId, quarter: addQuarters(quarterOf(new Date()), -1) }, { locale: "en" }),
    expect: teamAndItsMembers,
  },
  { id: "lib/data/heatmap.ts#getOrgHeatmap", run: (v) => getOrgHeatmap(v, {}, { locale: "en" }), expect: adminOnly },
  {
    id: "lib/data/heatmap.ts#getTeamHeatmapData",
    run: (v, fx) => getTeamHeatmapData(v, { teamId: fx.teamId }, { locale: "en" }),
    expect: teamAndItsMembers,
  },
  {
    id: "app/api/teams/[teamId]/heatmap/route.ts#GET",
    run: (v, fx) => getTeamHeatmapJson(v, { teamId: fx.teamId }, { locale: "en" }),
    expect: teamAndItsMembers,
  },
  {
    id: "lib/data/heatmap.ts#getOrgHeatmapSummary",
    run: (v) => getOrgHeatmapSummary(v, {}, { locale: "en" }),
    expect: adminOnly,
  },
  { id: "app/api/org/heatmap/route.ts#GET", run: (v) => getOrgHeatmapJson(v, {}, { locale: "en" }), expect: adminOnly },
  {
    id: "lib/data/team-admin.ts#getTeamSettings",
    run: (v, fx) => getTeamSettings(v, { teamId: fx.teamId }, { locale: "en" }),
    expect: leadOfTheTeam,
  },
  { id: "lib/data/settings.ts#getOrgSettings", run: (v) => getOrgSettings(v), expect: signedInOnly },
  {
    id: "lib/actions/vision.ts#createTargetAction",
    run: (v, fx) =>
      createTarget(v, {
        teamId: fx.teamId,
        kind: "capability",
        key: "feature-store",
        level: 3,
        headcount: 2,
        targetQuarter: addQuarters(quarterOf(new Date()), 2),
      }),
    expect: leadOfTheTeam,
  },
  {
    id: "lib/actions/vision.ts#archiveTargetAction",
    run: async (v, fx) => {
      const [t] = await fx.db
        .select({ id: teamTargets.id })
        .from(teamTargets)
        .where(eq(teamTargets.teamId, fx.teamId))
        .limit(1);
      return archiveTarget(v, { teamId: fx.teamId, targetId: t!.id });
    },
    expect: leadOfTheTeam,
    undo: async (fx) => {
      await fx.db.update(teamTargets).set({ archivedAt: null }).where(eq(teamTargets.teamId, fx.teamId));
    },
  },
  {
    id: "lib/actions/vision.ts#acceptPlanItemAction",
    run: async (v, fx) => {
      // Plan items are append-only (no undo): each allowed caller accepts a gap not yet in the plan.
      const analysis = await getTeamVision(await adminViewer(), { teamId: fx.teamId }, { locale: "en" });
      const item = analysis.priorities.find(
        (p) =>
          !analysis.plan.some(
            (i) => i.targetId === p.targetId && i.skillKey === p.skillKey && i.quarter === analysis.currentQuarter,
          ),
      )!;
      return acceptPlanItem(v, { teamId: fx.teamId, targetId: item.targetId, skillKey: item.skillKey });
    },
    expect: leadOfTheTeam,
  },
  // The vision names hire items and training candidates: leads and admins, and members only when the org lets them.
  {
    id: "lib/data/vision.ts#getTeamVision",
    run: (v, fx) => getTeamVision(v, { teamId: fx.teamId }, { locale: "en" }),
    expect: leadOfTheTeam,
  },
  {
    id: "lib/data/vision.ts#getTeamVision (a past quarter)",
    run: (v, fx) =>
      getTeamVision(v, { teamId: fx.teamId, quarter: addQuarters(quarterOf(new Date()), -1) }, { locale: "en" }),
    expect: leadOfTheTeam,
  },
  {
    id: "lib/data/vision.ts#getTeamVision (org setting: members see the vision)",
    run: async (v, fx) => {
      await fx.db.insert(orgSettings).values({ key: "membersSeeTeamVision", value: true });
      try {
        return await getTeamVision(v, { teamId: fx.teamId }, { locale: "en" });
      } finally {
        await fx.db.delete(orgSettings);
      }
    },
    expect: teamAndItsMembers,
  },
  { id: "lib/data/vision.ts#getOrgGaps", run: (v) => getOrgGaps(v, { locale: "en" }), expect: adminOnly },
  {
    id: "app/api/export/route.ts#GET",
    run: (v, fx) => getPlanningDataset(v, { scope: "team", teamId: fx.teamId, format: "json" }, { locale: "en" }),
    expect: leadOfTheTeam,
  },
  {
    id: "app/api/import/route.ts#POST",
    run: (v) =>
      importRatings(v, {
        mode: "apply",
        filename: "m.csv",
        bytes: new TextEncoder().encode(`email,${GIT}\nsofia.rossi@acme.test,${Math.floor(Math.random() * 5)}\n`),
      }),
    expect: adminOnly,
  },
  {
    id: "lib/actions/cycles.ts#openCycleAction",
    run: (v) => {
      const q = addQuarters(quarterOf(new Date()), 8);
      return openCycle(v, {
        quarter: q,
        startsOn: quarterStart(q).toISOString().slice(0, 10),
        endsOn: quarterEnd(q).toISOString().slice(0, 10),
      });
    },
    // Leaves the new cycle open: the next row closes it.
    expect: adminOnly,
  },
  {
    id: "lib/actions/cycles.ts#closeCycleAction",
    run: async (v, fx) => {
      const [open] = await fx.db.select().from(assessmentCycles).where(eq(assessmentCycles.status, "open"));
      return closeCycle(v, { cycleId: open!.id });
    },
    // Leaves it closed: the next row reopens it.
    expect: adminOnly,
  },
  {
    id: "lib/actions/cycles.ts#reopenCycleAction",
    run: async (v, fx) => {
      const [cycle] = await fx.db
        .select()
        .from(assessmentCycles)
        .where(eq(assessmentCycles.quarter, addQuarters(quarterOf(new Date()), 8)));
      return reopenCycle(v, { cycleId: cycle!.id });
    },
    expect: adminOnly,
    undo: async (fx) => {
      await fx.db
        .update(assessmentCycles)
        .set({ status: "closed", closedAt: new Date() })
        .where(eq(assessmentCycles.quarter, addQuarters(quarterOf(new Date()), 8)));
    },
  },
  {
    id: "lib/data/trends.ts#getTeamTrends",
    run: (v, fx) => getTeamTrends(v, { teamId: fx.teamId }, { locale: "en" }),
    expect: teamAndItsMembers,
  },
  { id: "lib/data/cycles.ts#listCycles", run: (v) => listCycles(v), expect: signedInOnly },
  {
    id: "lib/data/exports.ts#getPlanningDataset (org)",
    run: (v) => getPlanningDataset(v, { scope: "org", format: "csv" }, { locale: "en" }),
    expect: adminOnly,
  },
  { id: "lib/data/users.ts#listUsers", run: (v) => listUsers(v), expect: managersAndAdmins },
  { id: "lib/data/teams.ts#listTeamsForViewer", run: (v) => listTeamsForViewer(v), expect: signedInOnly },
  {
    id: "lib/data/frameworks.ts#listFrameworks",
    run: (v) => listFrameworks(v, { locale: "en" }),
    expect: signedInOnly,
  },
  {
    id: "lib/data/frameworks.ts#getFrameworkTree",
    run: (v, fx) => getFrameworkTree(v, { frameworkId: fx.frameworkId, locale: "zh-TW" }),
    expect: signedInOnly,
  },
  {
    id: "lib/data/frameworks.ts#listPublishedVersions",
    run: (v) => listPublishedVersions(v, { locale: "en" }),
    expect: signedInOnly,
  },
  {
    id: "app/api/frameworks/[frameworkId]/export/route.ts#GET",
    run: (v, fx) => exportFramework(v, { frameworkId: fx.frameworkId, format: "yaml" }),
    expect: signedInOnly,
  },
  {
    id: "lib/data/framework-admin.ts#exportFramework (a never-published framework: its draft)",
    run: (v, fx) => exportFramework(v, { frameworkId: fx.draftOnlyFrameworkId, format: "yaml" }),
    expect: adminOnlyElseNotFound,
  },
  {
    id: "lib/data/framework-admin.ts#getFrameworkEditor",
    run: (v, fx) => getFrameworkEditor(v, { frameworkId: fx.frameworkId }),
    expect: adminOnly,
  },
  {
    id: "lib/actions/frameworks.ts#importFrameworkAction",
    run: (v) =>
      importFramework(v, {
        format: "markdown",
        content: TINY_FRAMEWORK_MD,
        apply: false,
      }),
    expect: adminOnly,
  },
  {
    id: "lib/actions/frameworks.ts#createDraftAction",
    run: (v, fx) => createDraft(v, { frameworkId: fx.frameworkId }),
    expect: adminOnly,
  },
  {
    id: "lib/data/framework-admin.ts#getDraft",
    run: (v, fx) => getDraft(v, { frameworkId: fx.frameworkId }),
    expect: adminOnly,
  },
  {
    id: "lib/actions/frameworks.ts#updateDraftSkillAction",
    run: async (v, fx) =>
      updateDraftSkill(v, {
        frameworkId: fx.frameworkId,
        lockVersion: await draftLockVersion(await adminViewer(), fx.frameworkId),
        skillKey: GIT,
        nameEn: "Uses Git for version control",
        nameZh: "會使用 Git 做版本控管",
        descriptionEn: "",
        descriptionZh: "",
        categoryKey: "environments-and-version-control",
        retired: false,
      }),
    expect: adminOnly,
  },
  {
    id: "lib/actions/frameworks.ts#moveDraftSkillAction",
    run: (v, fx) => moveDraftSkill(v, { frameworkId: fx.frameworkId, skillKey: GIT, direction: "down" }),
    expect: adminOnly,
  },
  {
    id: "lib/actions/frameworks.ts#switchTeamVersionAction",
    run: async (v, fx) =>
      switchTeamVersion(v, {
        teamId: fx.teamId,
        versionId: (await listPublishedVersions(await adminViewer(), { locale: "en" })).find(
          (x) => x.frameworkId === fx.frameworkId,
        )!.id,
      }),
    expect: leadOfTheTeam,
  },
  {
    id: "lib/data/audit-log.ts#listAuditEvents",
    run: (v) => listAuditEvents(v, { action: "rating" }),
    expect: adminOnly,
  },
  { id: "app/api/audit/export/route.ts#GET", run: (v) => exportAuditEvents(v, {}), expect: adminOnly },
  // Searching the org by skill: admins, managers and leads; members only when the org setting allows it (off here).
  {
    id: "lib/data/people.ts#findPeople",
    run: (v) => findPeople(v, { r: FIND_GIT }, { locale: "en" }),
    expect: managers,
  },
  // Staging a project and its saved plans: admins, managers and leads, never members (whatever the settings).
  {
    id: "app/api/people/staff/route.ts#GET",
    run: (v) => proposeProjectStaffing(v, { r: STAFF_GIT }, { locale: "en" }),
    expect: managers,
  },
  {
    id: "lib/actions/staffing.ts#saveStaffingPlanAction",
    run: (v) => saveStaffingPlan(v, { name: "Matrix plan", query: `r=${STAFF_GIT}` }),
    expect: managers,
  },
  { id: "lib/data/staffing.ts#listStaffingPlans", run: (v) => listStaffingPlans(v), expect: managers },
  {
    id: "app/api/people/find/route.ts#GET",
    run: (v) => findPeople(v, { r: FIND_GIT }, { locale: "en" }),
    expect: managers,
  },
  // Skill pages: counts for everyone signed in (names are checked in skill-page.test.ts). Resources: admins and the
  // skill's mentors add (the two leads rate MLflow 4 themselves, the members 3); admins and whoever added one remove.
  {
    id: "lib/data/skill-page.ts#getSkillPage",
    run: (v) => getSkillPage(v, { key: MLFLOW }, { locale: "en" }),
    expect: signedInOnly,
  },
  {
    id: "lib/data/learning-resources.ts#getResourcesForSkills",
    run: (v, fx) => getResourcesForSkills(v, { frameworkId: fx.frameworkId, skillKeys: [MLFLOW] }),
    expect: signedInOnly,
  },
  {
    id: "lib/actions/learning-resources.ts#addLearningResourceAction",
    run: (v) =>
      addLearningResource(v, {
        frameworkKey: "mlops-engineer",
        skillKey: MLFLOW,
        title: "Matrix resource",
        url: "https://example.com/",
      }),
    expect: managers,
    // The admin's resource (the last cell) stays for the remove row below.
    undo: async (fx) => {
      await fx.db.delete(learningResources).where(ne(learningResources.createdById, demoUserId(EMAIL.admin)));
    },
  },
  {
    id: "lib/actions/learning-resources.ts#removeLearningResourceAction",
    run: async (v, fx) => {
      const [r] = await fx.db
        .select({ id: learningResources.id })
        .from(learningResources)
        .where(and(eq(learningResources.createdById, demoUserId(EMAIL.admin)), isNull(learningResources.removedAt)));
      if (!r) throw new Error("the add row leaves the admin's resource for this row");
      return removeLearningResource(v, { id: r.id });
    },
    expect: adminOnly,
    undo: async (fx) => {
      await fx.db.update(learningResources).set({ removedAt: null });
    },
  },
  // Directory sync (/org/directory): admins only. The admin's token (the create row's last cell) stays for the
  // revoke row; the mapping row maps the fixture's empty group to nothing, so no team or role changes.
  {
    id: "lib/actions/directory.ts#createScimTokenAction",
    run: (v) => createScimToken(v, { name: "Matrix IdP", expiresInDays: 30 }),
    expect: adminOnly,
  },
  {
    id: "lib/actions/directory.ts#revokeScimTokenAction",
    run: async (v, fx) => {
      const [token] = await fx.db.select({ id: scimTokens.id }).from(scimTokens).where(isNull(scimTokens.revokedAt));
      if (!token) throw new Error("the create row leaves the admin's token for this row");
      return revokeScimToken(v, { tokenId: token.id });
    },
    expect: adminOnly,
    undo: async (fx) => {
      await fx.db.update(scimTokens).set({ revokedAt: null });
    },
  },
  {
    id: "lib/actions/directory.ts#setGroupMappingAction",
    run: async (v, fx) => {
      const [group] = await fx.db
        .select({ id: directoryGroups.id })
        .from(directoryGroups)
        .where(eq(directoryGroups.displayName, MATRIX_GROUP));
      return setGroupMapping(v, { groupId: group!.id, teamId: null, role: null });
    },
    expect: adminOnly,
  },
  // API tokens (/me/api, /org/api). The target's personal token (the create row's memberOnSelf cell) stays for the
  // revoke row: its owner and admins revoke it; to anyone else it does not exist.
  {
    id: "lib/actions/api-tokens.ts#createPersonalTokenAction",
    run: (v) => createPersonalToken(v, { name: "Matrix laptop", scopes: ["read"], expiresInDays: 30 }),
    expect: signedInOnly,
    undo: async (fx) => {
      await fx.db.delete(apiTokens).where(ne(apiTokens.ownerId, fx.targetId));
    },
  },
  {
    id: "lib/actions/api-tokens.ts#createServiceTokenAction",
    run: (v, fx) => createServiceToken(v, { name: "Matrix BI", scopes: ["read"], teamIds: [fx.teamId] }),
    expect: adminOnly,
    undo: async (fx) => {
      await fx.db.delete(apiTokens).where(eq(apiTokens.kind, "service"));
    },
  },
  {
    id: "lib/actions/api-tokens.ts#revokeApiTokenAction",
    run: async (v, fx) => {
      const [token] = await fx.db
        .select({ id: apiTokens.id })
        .from(apiTokens)
        .where(eq(apiTokens.ownerId, fx.targetId));
      if (!token) throw new Error("the create row leaves the target's token for this row");
      return revokeApiToken(v, { tokenId: token.id });
    },
    expect: {
      ...adminOnly,
      memberOnSelf: "ok",
      memberOnOther: "not_found",
      leadOfOtherTeam: "not_found",
      leadOfTeam: "not_found",
    },
    undo: async (fx) => {
      await fx.db.update(apiTokens).set({ revokedAt: null });
    },
  },
  { id: "lib/data/api-tokens.ts#listMyTokens", run: (v) => listMyTokens(v), expect: signedInOnly },
  { id: "lib/data/api-tokens.ts#listAllTokens", run: (v) => listAllTokens(v), expect: adminOnly },
  // Email (/me/email, /org/notifications, the unsubscribe link).
  {
    id: "lib/actions/notifications.ts#setEmailPreferenceAction",
    run: (v) => setMyEmailPreference(v, { kind: "cycle_reminder", enabled: false }),
    expect: signedInOnly,
    undo: clearOptOuts,
  },
  { id: "lib/data/notifications.ts#getMyEmailPreferences", run: (v) => getMyEmailPreferences(v), expect: signedInOnly },
  { id: "lib/data/notifications.ts#getDeliveryStatus", run: (v) => getDeliveryStatus(v, {}), expect: adminOnly },
  {
    id: "lib/actions/notifications.ts#retryNotificationAction",
    run: async (v, fx) => {
      const [dead] = await fx.db
        .select({ id: notifications.id })
        .from(notifications)
        .where(eq(notifications.idempotencyKey, MATRIX_DEAD_EMAIL));
      return retryNotification(v, { notificationId: dead!.id });
    },
    expect: adminOnly,
    undo: async (fx) => {
      await fx.db
        .update(notifications)
        .set({ status: "dead", attempts: 5 })
        .where(eq(notifications.idempotencyKey, MATRIX_DEAD_EMAIL));
    },
  },
  {
    id: "lib/actions/notifications.ts#updateEmailScheduleAction",
    run: (v) => updateEmailSchedule(v, { timeZone: "Asia/Taipei", reminderDays: [7, 2], digestWeekday: 1, hour: 9 }),
    expect: adminOnly,
  },
  // Webhooks (/org/webhooks).
  {
    id: "lib/actions/webhooks.ts#registerWebhookAction",
    run: (v) => registerWebhook(v, { url: `${MATRIX_HOOK_URL}-new`, events: ["cycle.closed"] }),
    expect: adminOnly,
    undo: async (fx) => {
      await fx.db.delete(webhookEndpoints).where(eq(webhookEndpoints.url, `${MATRIX_HOOK_URL}-new`));
    },
  },
  {
    id: "lib/actions/webhooks.ts#disableWebhookAction",
    run: async (v, fx) => disableWebhook(v, { endpointId: (await matrixHook(fx)).id }),
    expect: adminOnly,
    undo: async (fx) => {
      await fx.db.update(webhookEndpoints).set({ disabledAt: null }).where(eq(webhookEndpoints.url, MATRIX_HOOK_URL));
    },
  },
  {
    id: "lib/actions/webhooks.ts#enableWebhookAction",
    run: async (v, fx) => enableWebhook(v, { endpointId: (await matrixHook(fx)).id }),
    expect: adminOnly,
  },
  {
    id: "lib/actions/webhooks.ts#redeliverWebhookAction",
    run: async (v, fx) => redeliverWebhook(v, { deliveryId: (await matrixDelivery(fx)).id }),
    expect: adminOnly,
    undo: async (fx) => {
      const d = await matrixDelivery(fx);
      await fx.db.update(webhookDeliveries).set({ status: "dead", attempts: 8 }).where(eq(webhookDeliveries.id, d.id));
    },
  },
  { id: "lib/data/webhooks.ts#listWebhooks", run: (v) => listWebhooks(v), expect: adminOnly },
  {
    id: "lib/data/webhooks.ts#listWebhookDeliveries",
    run: async (v, fx) => listWebhookDeliveries(v, { endpointId: (await matrixHook(fx)).id }),
    expect: adminOnly,
  },
  {
    id: "lib/data/notifications.ts#readUnsubscribeLink",
    run: (_v, fx) => readUnsubscribeLink({ token: unsubscribeToken(fx) }),
    expect: everyone,
    publicBecause: "the unsubscribe page, opened from an email without signing in: the signed token is the proof",
  },
  {
    // Whoever's session comes along (none, another person's): the token alone decides, and only turns one kind off.
    id: "app/api/unsubscribe/[token]/route.ts#POST",
    run: async (v, fx) => {
      const { POST } = await import("@/app/api/unsubscribe/[token]/route");
      const token = unsubscribeToken(fx);
      const res = await POST(
        new Request(`http://127.0.0.1:3000/api/unsubscribe/${token}`, {
          method: "POST",
          body: "List-Unsubscribe=One-Click",
          headers: { cookie: `next-auth.session-token=${await sessionTokenFor(v?.id)}` },
        }),
        { params: Promise.resolve({ token }) },
      );
      if (res.status !== 200) throw new Error(`unsubscribe answered ${res.status}`);
    },
    expect: everyone,
    undo: clearOptOuts,
    publicBecause:
      "RFC 8058 one-click unsubscribe: mail providers POST without a session; the signed token is the proof",
  },
  {
    id: "app/api/unsubscribe/[token]/route.ts#GET",
    expect: everyone,
    publicBecause: "only redirects to the /unsubscribe page (link scanners follow links); changes nothing",
  },
  // SCIM (/scim/v2): each method with the subject's session cookie and no token → 401 (tokens: directory-sync.test.ts).
  ...(["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((method): Row => ({
    id: `app/scim/v2/[...path]/route.ts#${method}`,
    run: (v) => scimWithSessionOf(v, method),
    expect: noSession,
  })),
  // The public API (/api/v1): bearer tokens only, so each method with the subject's session cookie → 401.
  // Tokens × scopes × every operation: tests/integration/api-authorization.test.ts.
  ...(["GET", "POST", "DELETE"] as const).map((method): Row => ({
    id: `app/api/v1/[...path]/route.ts#${method}`,
    run: (v) => apiWithSessionOf(v, method),
    expect: noSession,
  })),
  {
    id: "app/api/v1/openapi.json/route.ts#GET",
    expect: everyone,
    publicBecause: "the API's OpenAPI document: describes the API, holds no data",
  },
  {
    id: "app/api/docs/route.ts#GET",
    expect: everyone,
    publicBecause:
      "the API reference page (Scalar) rendering the public OpenAPI document; every call it makes needs a token",
  },
  {
    id: "app/api/docs/scalar.js/route.ts#GET",
    expect: everyone,
    publicBecause: "the reference page's script, from the installed @scalar/api-reference package",
  },
  {
    id: "app/api/health/route.ts#GET",
    expect: everyone,
    publicBecause: "liveness for load balancers; returns only {status: ok}",
  },
  {
    id: "app/api/ready/route.ts#GET",
    expect: everyone,
    publicBecause: "readiness for orchestrators; returns only migration counts (ops.test.ts)",
  },
  {
    id: "app/api/metrics/route.ts#GET",
    expect: everyone,
    publicBecause: "no session: guarded by the METRICS_TOKEN bearer token instead (ops.test.ts checks 404 / 401 / 200)",
  },
  {
    id: "lib/data/frameworks.ts#listFrameworkDrafts",
    run: (v) => listFrameworkDrafts(v, { locale: "en" }),
    expect: adminOnly,
  },
  {
    id: "lib/data/team-versions.ts#listTeamsOnOlderVersions",
    run: (v, fx) => listTeamsOnOlderVersions(v, { frameworkId: fx.frameworkId }),
    expect: adminOnly,
  },
  // Every team is on the published version here: the admin's call succeeds and moves nobody.
  {
    id: "lib/actions/frameworks.ts#moveTeamsToLatestVersionAction",
    run: (v, fx) => moveTeamsToLatestVersion(v, { frameworkId: fx.frameworkId }),
    expect: adminOnly,
  },
  {
    // Discards the never-published framework's draft (removing the framework); undo imports it again, so the
    // fixture keeps a draft-only framework and the draft of fx.frameworkId that the rows around edit stays.
    id: "lib/actions/frameworks.ts#discardDraftAction",
    run: async (v, fx) =>
      discardDraft(v, {
        frameworkId: fx.draftOnlyFrameworkId,
        lockVersion: await draftLockVersion(await adminViewer(), fx.draftOnlyFrameworkId),
      }),
    expect: adminOnly,
    undo: async (fx) => {
      const imported = await importFramework(await adminViewer(), {
        format: "markdown",
        content: TINY_FRAMEWORK_MD,
        apply: true,
      });
      fx.draftOnlyFrameworkId = imported.created!.frameworkId;
    },
  },
  // Last: publishing consumes the draft the rows above edit (the move-down row gives it a change to publish).
  {
    id: "lib/actions/frameworks.ts#publishDraftAction",
    run: (v, fx) => publishDraft(v, { frameworkId: fx.frameworkId }),
    expect: adminOnly,
  },
];

/** A SCIM request carrying the viewer's session cookie instead of a token; a 401 is the matrix's "unauthenticated". */
async function scimWithSessionOf(v: Viewer | null, method: string): Promise<unknown> {
  const cookie = `next-auth.session-token=${await sessionTokenFor(v?.id)}`;
  const body = method === "GET" || method === "DELETE" ? undefined : JSON.stringify({ userName: "x@acme.test" });
  const target = method === "POST" || method === "GET" ? ["Users"] : ["Users", demoUserId(EMAIL.target)];
  const url = `http://127.0.0.1:3000/scim/v2/${target.join("/")}`;
  const res = await handleScim(new Request(url, { method, body, headers: { cookie } }), target);
  if (res.status === 401) throw unauthenticated();
  return res;
}

/** An /api/v1 request carrying the viewer's session cookie instead of a token; a 401 is "unauthenticated". */
async function apiWithSessionOf(v: Viewer | null, method: string): Promise<unknown> {
  const cookie = `next-auth.session-token=${await sessionTokenFor(v?.id)}`;
  const body = method === "POST" ? JSON.stringify({ skillKey: GIT, value: 3, interest: null }) : undefined;
  const segments = {
    GET: ["me"],
    POST: ["ratings"],
    DELETE: ["teams", demoTeamId("ml-platform"), "targets", randomUUID()],
  }[method]!;
  const url = `http://127.0.0.1:3000/api/v1/${segments.join("/")}`;
  const headers = { cookie, "content-type": "application/json" };
  const res = await handleApi(new Request(url, { method, body, headers }), segments);
  if (res.status === 401) throw unauthenticated();
  return res;
}

let adminForFixtures: Viewer | null = null;
const adminViewer = async () => adminForFixtures!;

/** Every exported server action (lib/actions/, and any "use server" module in app/) and route handler method in app/. */
function discoverEndpoints(): string[] {
  const root = path.join(__dirname, "../..");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(name)) {
        const source = readFileSync(full, "utf8");
        const rel = path.relative(root, full).split(path.sep).join("/");
        if (/^\s*["']use server["']/.test(source)) {
          for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)) found.push(`${rel}#${m[1]}`);
          for (const m of source.matchAll(/export\s+const\s+(\w+)/g)) found.push(`${rel}#${m[1]}`);
        }
        if (name === "route.ts") {
          for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b/g))
            found.push(`${rel}#${m[1]}`);
          for (const m of source.matchAll(/export\s+const\s+(GET|POST|PUT|PATCH|DELETE)\b/g))
            found.push(`${rel}#${m[1]}`);
          for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
            for (const part of m[1]!.split(",")) {
              const method = part
                .trim()
                .split(/\s+as\s+/)
                .pop();
              if (method && /^(GET|POST|PUT|PATCH|DELETE)$/.test(method)) found.push(`${rel}#${method}`);
            }
          }
        }
      }
    }
  };
  walk(path.join(root, "app"));
  walk(path.join(root, "lib/actions"));
  return found.sort();
}

describe("authorization matrix coverage", () => {
  it("has a row for every exported server action and route handler", () => {
    const endpoints = discoverEndpoints();
    expect(endpoints.length).toBeGreaterThan(0);
    const rows = new Set(MATRIX.map((r) => r.id));
    expect(endpoints.filter((e) => !rows.has(e))).toEqual([]);
  });

  it("has no row for an endpoint that no longer exists", () => {
    const endpoints = new Set(discoverEndpoints());
    expect(
      MATRIX.filter((r) => (r.id.startsWith("app/") || r.id.startsWith("lib/actions/")) && !endpoints.has(r.id)).map(
        (r) => r.id,
      ),
    ).toEqual([]);
  });

  it("tests every non-public row", () => {
    expect(MATRIX.filter((r) => !r.run && !r.publicBecause).map((r) => r.id)).toEqual([]);
  });
});

describeOnEachEngine("authorization matrix", ({ handle }) => {
  const viewers = {} as Record<Subject, Viewer | null>;
  let fx: Fixture;

  beforeAll(async () => {
    configureAuthEnv();
    const db = handle().db;
    await seedDemoOrg(handle());
    await db
      .update(users)
      .set({ disabled: true })
      .where(eq(users.id, demoUserId(EMAIL.disabled)));
    // No cycle open at the start: the open-cycle row opens one, the close-cycle row closes it.
    await db
      .update(assessmentCycles)
      .set({ status: "closed", closedAt: new Date() })
      .where(eq(assessmentCycles.status, "open"));
    // The foreign-domain user is refused at sign-in, so no user row exists;
    // a token naming a made-up id is all such a person could present.
    expect(
      await admitSignIn({ issuer: TEST_ISSUER, subject: "eve", email: "eve@evil.test", emailVerified: true }),
    ).toMatchObject({ ok: false });
    const tokenFor: Record<Subject, string | undefined> = {
      signedOut: undefined,
      disabledUser: await sessionTokenFor(demoUserId(EMAIL.disabled)),
      foreignDomain: await sessionTokenFor(demoUserId("eve@evil.test")),
      memberOnSelf: await sessionTokenFor(demoUserId(EMAIL.target)),
      memberOnOther: await sessionTokenFor(demoUserId(EMAIL.memberOther)),
      leadOfOtherTeam: await sessionTokenFor(demoUserId(EMAIL.leadOfOtherTeam)),
      leadOfTeam: await sessionTokenFor(demoUserId(EMAIL.leadOfTeam)),
      admin: await sessionTokenFor(demoUserId(EMAIL.admin)),
    };
    for (const s of SUBJECTS) viewers[s] = await viewerFromSessionToken(tokenFor[s]);
    adminForFixtures = viewers.admin;
    await db.insert(directoryGroups).values({ displayName: MATRIX_GROUP });
    await db.insert(notifications).values({
      kind: "cycle_opened",
      recipientId: demoUserId(EMAIL.target),
      idempotencyKey: MATRIX_DEAD_EMAIL,
      payload: {},
      status: "dead",
      attempts: 5,
    });
    const [hook] = await db
      .insert(webhookEndpoints)
      .values({ url: MATRIX_HOOK_URL, events: ["cycle.opened"], secret: "whsec_matrix" })
      .returning();
    await db.insert(webhookDeliveries).values({
      endpointId: hook!.id,
      event: "cycle.opened",
      eventId: randomUUID(),
      payload: {},
      status: "dead",
      attempts: 8,
    });
    const [summary] = await listFrameworks(viewers.admin, { locale: "en" });
    // A framework imported but never published: it has only a draft.
    const imported = await importFramework(viewers.admin, {
      format: "markdown",
      content: TINY_FRAMEWORK_MD,
      apply: true,
    });
    fx = {
      db,
      targetId: demoUserId(EMAIL.target),
      frameworkId: summary!.id,
      teamId: demoTeamId("ml-platform"),
      draftOnlyFrameworkId: imported.created!.frameworkId,
    };
  });

  const tested = MATRIX.filter((r) => r.run);
  it.each(tested.flatMap((row) => SUBJECTS.map((subject) => ({ row, subject, expected: row.expect[subject] }))))(
    "$row.id as $subject → $expected",
    async ({ row, subject, expected }) => {
      const before = await tableFingerprint(fx.db);
      let outcome: Outcome | "error";
      try {
        await row.run!(viewers[subject], fx);
        outcome = "ok";
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        outcome = e.code === "unauthenticated" || e.code === "forbidden" || e.code === "not_found" ? e.code : "error";
      }
      expect(outcome).toBe(expected);
      if (expected === "ok") await row.undo?.(fx);
      else expect(await tableFingerprint(fx.db)).toEqual(before);
    },
  );
});

/*
 * Two more subjects, each over every endpoint it applies to.
 *
 * The lead of team A acting on a member of team B through team A's ids: a
 * lead may add people who are in no team yet, never take someone from
 * another team, and never change another team's numbers with a validation
 * (lib/permissions.ts, teamsBeyondReach).
 */
describeOnEachEngine("authorization matrix: the lead of another team, through their own team's ids", ({ handle }) => {
  let db: Db;
  let leadOfA: Viewer;
  let leadOfB: Viewer;
  let admin: Viewer;
  const teamA = demoTeamId("applied-ml");
  const teamB = demoTeamId("ml-platform");
  const sofia = demoUserId(EMAIL.target); // in team B

  beforeAll(async () => {
    configureAuthEnv();
    db = handle().db;
    await seedDemoOrg(handle());
    leadOfA = await demoSessionViewer(EMAIL.leadOfOtherTeam);
    leadOfB = await demoSessionViewer(EMAIL.leadOfTeam);
    admin = await demoSessionViewer(EMAIL.admin);
  });

  const refused = async (call: () => Promise<unknown>): Promise<string> => {
    const before = await tableFingerprint(db);
    const error = await call().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, "refused").toBeInstanceOf(AppError);
    expect(await tableFingerprint(db), "nothing written").toEqual(before);
    return (error as AppError).code;
  };

  const cases: { name: string; call: () => Promise<unknown>; code: string }[] = [
    {
      name: "addTeamMemberAction: take a member of team B",
      call: () => addTeamMember(leadOfA, { teamId: teamA, email: EMAIL.target }),
      code: "forbidden",
    },
    {
      name: "addTeamMemberAction: take the org admin",
      call: () => addTeamMember(leadOfA, { teamId: teamA, email: EMAIL.admin }),
      code: "forbidden",
    },
    {
      name: "validateRatingAction",
      call: () =>
        validateRating(leadOfA, {
          teamId: teamA,
          userId: sofia,
          skillKey: GIT,
          proficiency: 4,
          comment: "",
          requestId: randomUUID(),
        }),
      code: "forbidden",
    },
    {
      name: "getMemberRatingSheet",
      call: () => getMemberRatingSheet(leadOfA, { teamId: teamA, userId: sofia }, { locale: "en" }),
      code: "forbidden",
    },
    {
      name: "updateTeamMemberAction",
      call: () => updateTeamMember(leadOfA, { teamId: teamA, userId: sofia, currentLevelKey: "senior" }),
      code: "not_found",
    },
    {
      name: "removeTeamMemberAction",
      call: () => removeTeamMember(leadOfA, { teamId: teamA, userId: sofia }),
      code: "not_found",
    },
  ];
  it.each(cases)("$name → $code", async ({ call, code }) => {
    expect(await refused(call)).toBe(code);
  });

  it("adds someone who is in no team yet", async () => {
    const [free] = await db.insert(users).values({ email: "free.agent@acme.test", name: "Free Agent" }).returning();
    await expect(addTeamMember(leadOfA, { teamId: teamA, email: "free.agent@acme.test" })).resolves.toMatchObject({
      userId: free!.id,
    });
    await db.delete(teamMembers).where(eq(teamMembers.userId, free!.id));
  });

  it("refuses a validation that would change another team's heatmap, from either lead; an admin may", async () => {
    // An admin puts Sofia in team A as well (B keeps her).
    await addTeamMember(admin, { teamId: teamA, email: EMAIL.target });
    const validate = (v: Viewer, teamId: string) =>
      validateRating(v, { teamId, userId: sofia, skillKey: GIT, proficiency: 1, comment: "", requestId: randomUUID() });
    expect(await refused(() => validate(leadOfA, teamA))).toBe("forbidden");
    expect(await refused(() => validate(leadOfB, teamB))).toBe("forbidden");
    await expect(validate(admin, teamA)).resolves.toMatchObject({ proficiency: 1 });
    await removeTeamMember(admin, { teamId: teamA, userId: sofia });
    // Back in team B only: her own lead validates again.
    await expect(validate(leadOfB, teamB)).resolves.toMatchObject({ proficiency: 1 });
  });
});

/*
 * A foreign origin on every state-changing route handler (any method but
 * GET): refused by the shared guard (lib/http/request-guards.ts) before the
 * caller's session or the body is looked at, with an admin's cookie. Server
 * actions get the same guard in proxy.ts; that, and the positive case, are
 * checked over HTTP against the production build (tests/e2e/security.spec.ts).
 */
const MUTATING_ROUTES_WITH_OWN_CSRF: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts#POST":
    "next-auth's posts carry its double-submit CSRF token, which another site cannot read",
  "app/api/unsubscribe/[token]/route.ts#POST":
    "RFC 8058: mail providers POST the one-click unsubscribe from their own origin; the signed token is the proof, and it can only turn one kind of email off",
};

describeOnEachEngine("authorization matrix: a foreign origin on every mutating route", ({ handle }) => {
  const mutating = discoverEndpoints().filter((e) => !e.endsWith("#GET") && !(e in MUTATING_ROUTES_WITH_OWN_CSRF));
  let adminCookie = "";

  beforeAll(async () => {
    configureAuthEnv();
    await seedDemoOrg(handle());
    adminCookie = `next-auth.session-token=${await sessionTokenFor(demoUserId(EMAIL.admin))}`;
  });

  it("finds the mutating route handlers", () => {
    expect(mutating).toContain("app/api/import/route.ts#POST");
  });

  it.each(mutating.filter((e) => e.startsWith("app/api/")))(
    "%s from another site → 403, nothing written",
    async (endpoint) => {
      const [file, method] = endpoint.split("#") as [string, string];
      const mod = (await import(/* @vite-ignore */ `@/${file}`)) as Record<
        string,
        (req: Request, ctx: unknown) => Promise<Response>
      >;
      const before = await tableFingerprint(handle().db);
      const form = new FormData();
      form.set("mode", "apply");
      form.set("file", new File([`email,${GIT}\n${EMAIL.target},4\n`], "m.csv"));
      const forged: Record<string, string>[] = [
        { origin: "http://localhost:3199" },
        { "sec-fetch-site": "same-site" },
        { referer: "https://evil.example/x" },
      ];
      for (const headers of forged) {
        const res = await mod[method]!(
          new Request("http://127.0.0.1:3000/api/x", {
            method,
            body: form,
            headers: { cookie: adminCookie, ...headers },
          }),
          { params: Promise.resolve({}) },
        );
        expect(res.status, JSON.stringify(headers)).toBe(403);
        // /api/v1 answers its own error object ({ error: { code, message } }), the other routes { code, error }.
        const body = (await res.json()) as { code?: string; error: string | { code: string; message: string } };
        const error = typeof body.error === "string" ? { code: body.code, message: body.error } : body.error;
        expect(error).toMatchObject({ code: "forbidden", message: CROSS_SITE_MESSAGE });
      }
      expect(await tableFingerprint(handle().db)).toEqual(before);
    },
  );
});

describeOnEachEngine("authorization matrix: a foreign origin on SCIM's mutating methods", ({ handle }) => {
  const mutating = discoverEndpoints().filter((e) => e.startsWith("app/scim/") && !e.endsWith("#GET"));
  let token = "";

  beforeAll(async () => {
    configureAuthEnv();
    await seedDemoOrg(handle());
    token = (await createScimToken(await demoSessionViewer(EMAIL.admin), { name: "Origin check" })).token;
  });

  it("finds them", () => expect(mutating).toHaveLength(4));

  it.each(mutating)("%s from another site, even with a valid token → 403, nothing written", async (endpoint) => {
    const method = endpoint.split("#")[1]!;
    const mod = (await import("@/app/scim/v2/[...path]/route")) as Record<
      string,
      (req: Request, ctx: { params: Promise<{ path: string[] }> }) => Promise<Response>
    >;
    const before = await tableFingerprint(handle().db);
    const path = method === "POST" ? ["Users"] : ["Users", demoUserId(EMAIL.target)];
    const forged: Record<string, string>[] = [{ origin: "http://localhost:3199" }, { "sec-fetch-site": "cross-site" }];
    for (const headers of forged) {
      const res = await mod[method]!(
        new Request(`http://127.0.0.1:3000/scim/v2/${path.join("/")}`, {
          method,
          body: method === "DELETE" ? undefined : JSON.stringify({ userName: "eve@acme.test", active: false }),
          headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json", ...headers },
        }),
        { params: Promise.resolve({ path }) },
      );
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.json()).toMatchObject({ status: "403", detail: CROSS_SITE_MESSAGE });
    }
    expect(await tableFingerprint(handle().db)).toEqual(before);
  });
});
