import "server-only";

import { z } from "zod";

import { closeCycle, listCycles, openCycle } from "@/lib/data/cycles";
import { getFrameworkTree, listFrameworks } from "@/lib/data/frameworks";
import { getOrgHeatmapJson, getTeamHeatmapJson } from "@/lib/data/heatmap";
import { importRatings } from "@/lib/data/import";
import { findPeople } from "@/lib/data/people";
import { getPersonPage } from "@/lib/data/person";
import { saveSelfRating, validateRating } from "@/lib/data/ratings";
import { listTeamsForViewer } from "@/lib/data/teams";
import { listUsers } from "@/lib/data/users";
import { archiveTarget, createTarget, getTeamVision } from "@/lib/data/vision";
import { notFound } from "@/lib/errors";
import { MB } from "@/lib/http/request-guards";
import { closeCycleSchema, openCycleSchema } from "@/lib/validations/cycles";
import { uuidSchema } from "@/lib/validations/ids";
import { findPeopleQuerySchema } from "@/lib/validations/people";
import { quarterSchema } from "@/lib/validations/quarters";
import { saveSelfRatingSchema, validateRatingSchema } from "@/lib/validations/ratings";
import { createTargetSchema } from "@/lib/validations/vision";

import { operation, type ApiOperation } from "./define";
import { pageQuery, paginate } from "./pagination";
import * as s from "./schemas";

// Every operation of /api/v1. Each one calls the data layer with the viewer
// its token stands for, exactly as the page that shows the same thing does:
// the data layer checks the caller, parses the input and audits.

const teamParams = z.strictObject({ teamId: uuidSchema });
const asOfQuarter = z.strictObject({
  quarter: quarterSchema.optional().meta({ description: "A past quarter (2026-Q3): the matrix as it stood then." }),
});
const listQuery = z.strictObject(pageQuery);

const me = operation({
  method: "GET",
  path: "/me",
  operationId: "getMe",
  summary: "Who the token acts as",
  tag: "Meta",
  scope: "read",
  response: s.meSchema,
  handle: async ({ caller }) => {
    const { id, name, email, role, locale, leadTeamIds, memberTeamIds } = caller.viewer;
    return {
      data: {
        id,
        name,
        email,
        role,
        locale,
        leadTeamIds,
        memberTeamIds,
        token: { kind: caller.kind, scopes: caller.scopes },
      },
    };
  },
});

const people = operation({
  method: "GET",
  path: "/people",
  operationId: "listPeople",
  summary: "Everyone in the organisation, with their teams",
  description: "Admins and managers (the org's people list).",
  tag: "People",
  scope: "read",
  query: listQuery,
  response: s.page(s.personSummarySchema, "PersonPage"),
  paginated: true,
  handle: async ({ caller, query }) => ({ data: paginate(await listUsers(caller.viewer), query) }),
});

const person = operation({
  method: "GET",
  path: "/people/{personId}",
  operationId: "getPerson",
  summary: "A person: teams, ratings, latest changes and interests",
  description: "Whoever may open the person's page: the person, their leads, managers and admins.",
  tag: "People",
  scope: "read",
  params: z.strictObject({ personId: uuidSchema }),
  response: s.personSchema,
  handle: async ({ caller, params, locale }) => {
    const page = await getPersonPage(caller.viewer, { id: params.personId }, { locale });
    const { impact: _impact, isSelf: _isSelf, ...person } = page;
    return { data: person };
  },
});

const search = operation({
  method: "GET",
  path: "/people/search",
  operationId: "findPeople",
  summary: "Find who can do X",
  description:
    "Repeat `r` for each requirement: `<roadmap key>/<skill key>~<level 1–4>` (append `~i` to require interest). Same rules as /people/find.",
  tag: "People",
  scope: "read",
  query: findPeopleQuerySchema,
  response: s.findPeopleSchema,
  // The data layer parses the query itself (its schema transforms it).
  handle: async ({ caller, rawQuery, locale }) => {
    const view = await findPeople(caller.viewer, rawQuery, { locale });
    const { mayOpen: _mayOpen, ...rest } = view;
    return { data: rest };
  },
});

const teams = operation({
  method: "GET",
  path: "/teams",
  operationId: "listTeams",
  summary: "The teams the caller may open",
  tag: "Teams",
  scope: "read",
  query: listQuery,
  response: s.page(s.teamSchema, "TeamPage"),
  paginated: true,
  handle: async ({ caller, query }) => {
    const all = (await listTeamsForViewer(caller.viewer)).map(({ youLead: _y, ...t }) => t);
    return { data: paginate(all, query) };
  },
});

const team = operation({
  method: "GET",
  path: "/teams/{teamId}",
  operationId: "getTeam",
  summary: "A team and its members",
  tag: "Teams",
  scope: "read",
  params: teamParams,
  response: s.teamSchema,
  handle: async ({ caller, params }) => {
    const found = (await listTeamsForViewer(caller.viewer)).find((t) => t.id === params.teamId);
    if (!found) throw notFound("No such team, or you may not open it.");
    const { youLead: _y, ...t } = found;
    return { data: t };
  },
});

const teamMatrix = operation({
  method: "GET",
  path: "/teams/{teamId}/matrix",
  operationId: "getTeamMatrix",
  summary: "A team's ratings matrix, coverage and ranked hire-or-train priorities",
  description:
    "The current quarter, or a past one as it stood at its close. Targets and priorities are empty for callers who may not read the team's vision.",
  tag: "Teams",
  scope: "read",
  params: teamParams,
  query: asOfQuarter,
  response: s.teamMatrixSchema,
  handle: async ({ caller, params, query, locale }) => ({
    json: await getTeamHeatmapJson(caller.viewer, { teamId: params.teamId, quarter: query.quarter }, { locale }),
  }),
});

const orgMatrix = operation({
  method: "GET",
  path: "/org/matrix",
  operationId: "getOrgMatrix",
  summary: "The whole organisation's ratings matrix",
  description: "Admins (and org-wide service tokens).",
  tag: "Teams",
  scope: "read",
  query: asOfQuarter,
  response: s.matrixSchema,
  handle: async ({ caller, query, locale }) => ({
    json: await getOrgHeatmapJson(caller.viewer, { quarter: query.quarter }, { locale }),
  }),
});

const vision = operation({
  method: "GET",
  path: "/teams/{teamId}/vision",
  operationId: "getTeamVision",
  summary: "A team's targets, coverage against them and ranked priorities with reasons",
  tag: "Planning",
  scope: "read",
  params: teamParams,
  query: asOfQuarter,
  response: s.visionSchema,
  handle: async ({ caller, params, query, locale }) => {
    const v = await getTeamVision(caller.viewer, { teamId: params.teamId, quarter: query.quarter }, { locale });
    const { options: _options, moment: _moment, ...rest } = v;
    return { data: rest };
  },
});

const createTargetOp = operation({
  method: "POST",
  path: "/teams/{teamId}/targets",
  operationId: "createTarget",
  summary: "Add a target to a team's vision (N people at level L by a quarter)",
  tag: "Planning",
  scope: "plan",
  params: teamParams,
  body: createTargetSchema.omit({ teamId: true }),
  response: s.createdSchema,
  status: 201,
  handle: async ({ caller, params, body }) => ({
    data: await createTarget(caller.viewer, { ...body, teamId: params.teamId }),
  }),
});

const archiveTargetOp = operation({
  method: "DELETE",
  path: "/teams/{teamId}/targets/{targetId}",
  operationId: "archiveTarget",
  summary: "Archive a target (its history is kept)",
  tag: "Planning",
  scope: "plan",
  params: z.strictObject({ teamId: uuidSchema, targetId: uuidSchema }),
  response: s.emptySchema,
  status: 204,
  handle: async ({ caller, params }) => {
    await archiveTarget(caller.viewer, params);
    return { data: null };
  },
});

const frameworks = operation({
  method: "GET",
  path: "/frameworks",
  operationId: "listFrameworks",
  summary: "Published roadmaps (latest version of each)",
  tag: "Frameworks",
  scope: "read",
  query: listQuery,
  response: s.page(s.frameworkSummarySchema, "FrameworkPage"),
  paginated: true,
  handle: async ({ caller, query, locale }) => ({
    data: paginate(
      (await listFrameworks(caller.viewer, { locale })).map(({ status: _s, ...f }) => f),
      query,
    ),
  }),
});

const framework = operation({
  method: "GET",
  path: "/frameworks/{frameworkId}",
  operationId: "getFramework",
  summary: "A roadmap's levels, categories and skills (Accept-Language: zh-TW or en)",
  tag: "Frameworks",
  scope: "read",
  params: z.strictObject({ frameworkId: uuidSchema }),
  response: s.frameworkTreeSchema,
  handle: async ({ caller, params, locale }) => {
    const tree = await getFrameworkTree(caller.viewer, { frameworkId: params.frameworkId, locale });
    if (!tree) throw notFound("No such published roadmap.");
    return { data: tree };
  },
});

const cycles = operation({
  method: "GET",
  path: "/cycles",
  operationId: "listCycles",
  summary: "Assessment quarters: planned, open and closed",
  tag: "Cycles",
  scope: "read",
  query: listQuery,
  response: s.page(s.cycleSchema, "CyclePage"),
  paginated: true,
  handle: async ({ caller, query }) => ({ data: paginate(await listCycles(caller.viewer), query) }),
});

const openCycleOp = operation({
  method: "POST",
  path: "/cycles",
  operationId: "openCycle",
  summary: "Open an assessment quarter",
  tag: "Cycles",
  scope: "admin",
  body: openCycleSchema,
  response: s.createdSchema,
  status: 201,
  handle: async ({ caller, body }) => ({ data: await openCycle(caller.viewer, body) }),
});

const closeCycleOp = operation({
  method: "POST",
  path: "/cycles/{cycleId}/close",
  operationId: "closeCycle",
  summary: "Close an assessment quarter (its matrix is kept as it stands)",
  tag: "Cycles",
  scope: "admin",
  params: closeCycleSchema,
  response: s.emptySchema,
  status: 204,
  handle: async ({ caller, params }) => {
    await closeCycle(caller.viewer, params);
    return { data: null };
  },
});

const rate = operation({
  method: "POST",
  path: "/ratings",
  operationId: "rateMySkill",
  summary: "Rate one of your own skills this quarter",
  description:
    "Personal tokens only: the rater is always the token's owner. An Idempotency-Key that is a uuid also dedupes with the UI's retries.",
  tag: "Ratings",
  scope: "rate",
  personalOnly: true,
  body: saveSelfRatingSchema.omit({ requestId: true }),
  response: s.savedRatingSchema,
  status: 201,
  handle: async ({ caller, body, requestId }) => {
    const { noteRefused: _n, ...saved } = await saveSelfRating(caller.viewer, { ...body, requestId });
    return { data: saved };
  },
});

const validate = operation({
  method: "POST",
  path: "/teams/{teamId}/validations",
  operationId: "validateRating",
  summary: "Record a lead's validated proficiency for a team member",
  tag: "Ratings",
  scope: "rate",
  params: teamParams,
  body: validateRatingSchema.omit({ teamId: true, requestId: true }),
  response: s.validationSchema,
  status: 201,
  handle: async ({ caller, params, body, requestId }) => ({
    data: await validateRating(caller.viewer, { ...body, teamId: params.teamId, requestId }),
  }),
});

const CSV = "text/csv";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const importOp = operation({
  method: "POST",
  path: "/ratings/import",
  operationId: "importRatings",
  summary: "Bulk ratings import from a spreadsheet: dry run, then apply",
  description:
    "The body is the file (text/csv or .xlsx), with the same rules as /org/import. `mode=dry-run` (the default) reports what would change; `mode=apply` writes it. Applying the same file again changes nothing.",
  tag: "Ratings",
  scope: "rate",
  query: z.strictObject({
    mode: z.enum(["dry-run", "apply"]).optional().meta({ description: "dry-run (default) or apply." }),
  }),
  rawBody: { mediaTypes: [CSV, XLSX], maxBytes: 10 * MB },
  response: s.importResultSchema,
  handle: async ({ caller, query, raw, contentType }) => {
    const filename = contentType.startsWith(XLSX) ? "ratings.xlsx" : "ratings.csv";
    return { data: await importRatings(caller.viewer, { filename, bytes: raw, mode: query.mode ?? "dry-run" }) };
  },
});

export const OPERATIONS: ApiOperation[] = [
  me,
  people,
  search,
  person,
  teams,
  team,
  teamMatrix,
  vision,
  createTargetOp,
  archiveTargetOp,
  orgMatrix,
  frameworks,
  framework,
  cycles,
  openCycleOp,
  closeCycleOp,
  rate,
  validate,
  importOp,
];
