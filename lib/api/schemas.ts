import { z } from "zod";

import { uuidSchema } from "@/lib/validations/ids";

import { API_SCOPES } from "./scopes";

// What /api/v1 answers, as zod schemas: lib/api/openapi.ts turns them into
// the document's response schemas, and the contract tests check every real
// answer against that document. Objects are loose where the data layer may
// add fields later (additions are not breaking); what is listed is promised.

const id = uuidSchema;
const iso = z.iso.datetime({ offset: true });
const quarter = z.string().regex(/^\d{4}-Q[1-4]$/);

export const errorSchema = z
  .object({
    code: z.string().meta({
      description:
        "invalid, unauthenticated, forbidden, not_found, conflict, rate_limited, too_large, unavailable, storage_full, internal",
    }),
    message: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  })
  .meta({ id: "Error" });
export const errorBodySchema = z.object({ error: errorSchema }).meta({ id: "ErrorBody" });

export const page = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      data: z.array(item),
      nextCursor: z.string().nullable().meta({ description: "Pass as ?cursor= for the next page; null on the last." }),
    })
    .meta({ id: name });

const teamRef = z.looseObject({ id, name: z.string(), isLead: z.boolean() });

export const meSchema = z
  .object({
    id,
    name: z.string(),
    email: z.string(),
    role: z.enum(["admin", "manager", "member"]),
    locale: z.string(),
    leadTeamIds: z.array(id),
    memberTeamIds: z.array(id),
    token: z.object({ kind: z.enum(["personal", "service"]), scopes: z.array(z.enum(API_SCOPES)) }),
  })
  .meta({ id: "Me" });

export const personSummarySchema = z
  .looseObject({
    id,
    name: z.string(),
    email: z.string(),
    role: z.enum(["admin", "manager", "member"]),
    disabled: z.boolean(),
    lastSignInAt: iso.nullable(),
    teams: z.array(teamRef),
  })
  .meta({ id: "PersonSummary" });

export const personSchema = z
  .looseObject({
    person: z.object({ id, name: z.string(), email: z.string() }),
    teams: z.array(z.looseObject({ id, name: z.string(), isLead: z.boolean() })),
    recent: z.array(z.looseObject({})).meta({ description: "The person's latest rating changes, newest first." }),
    interests: z.array(z.looseObject({})),
    sheet: z.looseObject({}).nullable().meta({ description: "Their ratings against their team's roadmap." }),
  })
  .meta({ id: "Person" });

export const teamSchema = z
  .looseObject({
    id,
    name: z.string(),
    description: z.string(),
    members: z.int(),
    leads: z.int(),
    people: z.array(teamRef),
  })
  .meta({ id: "Team" });

const priority = z
  .looseObject({
    targetId: id,
    targetName: z.string(),
    skillKey: z.string(),
    skillName: z.string(),
    level: z.int(),
    headcount: z.int(),
    coverage: z.int(),
    gap: z.int(),
    recommendation: z.string(),
    score: z.number(),
  })
  .meta({ id: "Priority" });

const target = z
  .looseObject({
    id,
    name: z.string(),
    level: z.int(),
    headcount: z.int(),
    targetQuarter: quarter,
    readiness: z.number(),
  })
  .meta({ id: "Target" });

export const matrixSchema = z
  .looseObject({
    asOf: iso,
    live: z.boolean(),
    quarter,
    currentQuarter: quarter,
    quarters: z.array(quarter),
    frameworkId: id,
    frameworkTitle: z.string(),
    scope: z.looseObject({ kind: z.enum(["team", "org"]) }),
    members: z.array(z.looseObject({ id, name: z.string(), teamId: id, teamName: z.string() })),
    skills: z.array(
      z.looseObject({ key: z.string(), name: z.string(), categoryIndex: z.int(), levelPosition: z.int() }),
    ),
    categories: z.array(z.looseObject({ key: z.string(), name: z.string() })),
    levels: z.array(z.looseObject({ key: z.string(), name: z.string(), position: z.int() })),
    self: z
      .string()
      .meta({ description: "One character per member × skill (row-major): 0–4, n (not applicable) or - (none)." }),
    validated: z.string(),
    interest: z.string(),
    ratedQuarter: z.string(),
  })
  .meta({ id: "Matrix" });

export const teamMatrixSchema = matrixSchema
  .extend({
    coverage: z.object({ atLeast3: z.array(z.int()), atLeast4: z.array(z.int()), rated: z.array(z.int()) }),
    targets: z.array(target),
    priorities: z.array(priority),
  })
  .meta({ id: "TeamMatrix" });

export const visionSchema = z
  .looseObject({
    team: z.looseObject({ id, name: z.string(), canPlan: z.boolean() }),
    currentQuarter: quarter,
    targets: z.array(z.looseObject({ id, name: z.string(), level: z.int(), headcount: z.int() })),
    priorities: z.array(priority),
    plan: z.array(z.looseObject({})),
  })
  .meta({ id: "Vision" });

export const frameworkSummarySchema = z
  .looseObject({
    id,
    key: z.string(),
    name: z.string(),
    version: z.int(),
    levels: z.int(),
    categories: z.int(),
    skills: z.int(),
  })
  .meta({ id: "FrameworkSummary" });

export const frameworkTreeSchema = z.looseObject({ levels: z.array(z.looseObject({})) }).meta({ id: "FrameworkTree" });

export const cycleSchema = z
  .object({
    id,
    quarter,
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    status: z.enum(["planned", "open", "closed"]),
    closedAt: iso.nullable(),
  })
  .meta({ id: "Cycle" });

export const savedRatingSchema = z
  .looseObject({
    skillKey: z.string(),
    proficiency: z.int().nullable(),
    notApplicable: z.boolean(),
    interest: z.int().nullable(),
    quarter,
    ratedAt: iso,
  })
  .meta({ id: "SavedRating" });

export const validationSchema = z
  .looseObject({ skillKey: z.string(), proficiency: z.int(), comment: z.string().nullable() })
  .meta({ id: "Validation" });

export const importResultSchema = z
  .looseObject({
    applied: z.boolean(),
    frameworkTitle: z.string(),
    summary: z.looseObject({ changes: z.int() }),
  })
  .meta({ id: "ImportResult" });

export const findPeopleSchema = z
  .looseObject({
    requirements: z.array(z.looseObject({ ref: z.string(), level: z.int(), interested: z.boolean() })),
    rows: z.array(
      z.looseObject({
        person: z.looseObject({ id, name: z.string() }),
        score: z.number(),
        readyWithTraining: z.boolean(),
      }),
    ),
    total: z.int(),
  })
  .meta({ id: "FindPeopleResult" });

export const createdSchema = z.object({ id }).meta({ id: "Created" });
export const emptySchema = z.null().meta({ id: "Empty" });
