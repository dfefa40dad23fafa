import "server-only";

import { desc, eq, inArray } from "drizzle-orm";

import { getDb } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { readActivePeople, readSkillRatings, readTeamNeeds, type TeamNeedRow } from "@/db/queries/org-people";
import { staffingPlans, users, type StaffingPlanQuery } from "@/db/schema";
import type { SkillRating } from "@/lib/analytics/find-people";
import { groupPeople, teamsOf } from "@/lib/analytics/org-catalogue";
import { countedProficiency, effectiveRating } from "@/lib/analytics/ratings";
import {
  proposeStaffing,
  type HomeTargetNeed,
  type StaffingPerson,
  type StaffingRequirement,
} from "@/lib/analytics/staffing";
import { staffingView, type StaffingNames, type StaffingView } from "@/lib/analytics/staffing-view";
import type { Viewer } from "@/lib/auth/viewer";
import { forbidden, invalid } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/pick";
import { can, canStaffProjects } from "@/lib/permissions";
import {
  needToken,
  paramsToQuery,
  queryWithTokens,
  saveStaffingPlanSchema,
  staffingQuerySchema,
  type StaffingQuery,
  type StaffNeed,
} from "@/lib/validations/people";

import { parseInput, requireSignedIn } from "./guard";
import { readCatalogue, resolveSkills, type OrgCatalogue } from "./people";

function requireStaffer(viewer: Viewer | null): Viewer {
  const v = requireSignedIn(viewer);
  if (!canStaffProjects(v)) throw forbidden();
  return v;
}

/** Skills are keyed by framework and key across roadmaps. */
const skillId = (frameworkId: string, skillKey: string) => `${frameworkId}|${skillKey}`;

/** Effective proficiency per person and skill (lib/analytics/ratings.ts: validated where present, else self). */
function effectiveBySkill(ratings: SkillRating[]): Map<string, Record<string, number>> {
  const held = new Map<string, { userId: string; skill: string; self?: SkillRating; manager?: SkillRating }>();
  for (const r of ratings) {
    const skill = skillId(r.frameworkId, r.skillKey);
    const cell = held.get(`${r.userId}|${skill}`) ?? { userId: r.userId, skill };
    cell[r.raterKind === "manager" ? "manager" : "self"] = r;
    held.set(`${r.userId}|${skill}`, cell);
  }
  const out = new Map<string, Record<string, number>>();
  for (const { userId, skill, self, manager } of held.values()) {
    const value = countedProficiency(effectiveRating(self ?? null, manager ?? null));
    if (value === null) continue;
    const map = out.get(userId) ?? {};
    map[skill] = value;
    out.set(userId, map);
  }
  return out;
}

export type StaffingPageView = {
  catalogue: OrgCatalogue;
  requirements: (StaffNeed & { ref: string; name: string })[];
  teams: { id: string; name: string }[];
  query: StaffingQuery;
  result: StaffingView | null;
};

/** The inputs of a proposal, read in a constant number of queries, and the proposal. */
async function computeStaffing(query: StaffingQuery, locale: AppLocale): Promise<StaffingPageView> {
  const catalogue = await readCatalogue(locale);
  const needs = resolveSkills(catalogue, query.r);
  const [personRows, teamNeeds] = await Promise.all([readActivePeople(getDb()), readTeamNeeds(getDb())]);
  const wanted = new Map<string, { frameworkId: string; skillKey: string }>();
  for (const n of needs)
    wanted.set(skillId(n.skill.frameworkId, n.skillKey), { frameworkId: n.skill.frameworkId, skillKey: n.skillKey });
  for (const n of teamNeeds) wanted.set(skillId(n.frameworkId, n.skillKey), n);
  const ratings = await readSkillRatings(getDb(), [...wanted.values()]);
  const grouped = groupPeople(personRows, catalogue.levels);
  const proficiency = effectiveBySkill(ratings);
  const people: StaffingPerson[] = grouped.map((p) => ({
    id: p.id,
    teamIds: p.teams.map((t) => t.id),
    proficiency: proficiency.get(p.id) ?? {},
  }));
  const requirements: StaffingRequirement[] = needs.map((n) => ({
    id: n.skill.ref,
    skillKey: skillId(n.skill.frameworkId, n.skillKey),
    level: n.level,
    count: n.count,
  }));
  const homeNeeds: HomeTargetNeed[] = teamNeeds.map((n) => ({
    teamId: n.teamId,
    targetId: n.targetId,
    skillKey: skillId(n.frameworkId, n.skillKey),
    level: n.level,
    headcount: n.headcount,
  }));
  const teams = teamsOf(grouped);
  const result =
    requirements.length === 0
      ? null
      : proposeStaffing(people, homeNeeds, requirements, {
          noHarm: query.harm !== "1",
          excludeTeamIds: query.exclude,
          maxPeople: query.max,
        });
  const names = namesFor({ catalogue, needs, grouped, teams, teamNeeds, locale });
  return {
    catalogue,
    requirements: needs.map(({ skill, ...n }) => ({ ...n, ref: skill.ref, name: skill.name })),
    teams,
    query,
    result: result ? staffingView(result, names) : null,
  };
}

function namesFor(input: {
  catalogue: OrgCatalogue;
  needs: { skill: { ref: string; name: string }; level: number; count: number }[];
  grouped: { id: string; name: string; teams: { id: string; name: string }[] }[];
  teams: { id: string; name: string }[];
  teamNeeds: TeamNeedRow[];
  locale: AppLocale;
}): StaffingNames {
  const person = new Map(input.grouped.map((p) => [p.id, p]));
  const team = new Map(input.teams.map((t) => [t.id, t.name]));
  const target = new Map(input.teamNeeds.map((n) => [n.targetId, pick(input.locale, n.targetNameZh, n.targetNameEn)]));
  const skill = new Map(input.catalogue.skills.map((s) => [skillId(s.frameworkId, s.skillKey), s.name]));
  const requirement = new Map(input.needs.map((n) => [n.skill.ref, `${n.skill.name} ≥ ${n.level}`]));
  return {
    person: (id) => {
      const p = person.get(id);
      return { id, name: p?.name ?? id, teams: p?.teams ?? [] };
    },
    team: (id) => team.get(id) ?? id,
    target: (id) => target.get(id) ?? id,
    skill: (key) => skill.get(key) ?? key.split("|")[1] ?? key,
    requirement: (id) => requirement.get(id) ?? id,
  };
}

/**
 * A staffing proposal for a project (lib/analytics/staffing.ts): the fewest
 * people covering the requirements, each with the cost to their home teams.
 */
export async function proposeProjectStaffing(
  viewer: Viewer | null,
  raw: unknown,
  { locale }: { locale: AppLocale },
): Promise<StaffingPageView> {
  requireStaffer(viewer);
  return computeStaffing(parseInput(staffingQuerySchema, raw), locale);
}

/** The URL query of a staffing request (what a saved plan re-opens). */
export function staffingQueryString(q: StaffingQuery): string {
  const p = new URLSearchParams();
  for (const t of q.exclude) p.append("exclude", t);
  if (q.max) p.set("max", String(q.max));
  if (q.harm) p.set("harm", q.harm);
  return queryWithTokens(q.r.map(needToken), p);
}

/**
 * Saves the proposal for a request under a name: the proposal is computed
 * again here (never taken from the client), stored with the home teams of
 * the people in it (whose leads may then read it), and audited.
 */
export async function saveStaffingPlan(viewer: Viewer | null, raw: unknown): Promise<{ id: string }> {
  const v = requireStaffer(viewer);
  const input = parseInput(saveStaffingPlanSchema, raw);
  const query = parseInput(staffingQuerySchema, paramsToQuery(new URLSearchParams(input.query)));
  const view = await computeStaffing(query, "en");
  if (!view.result) throw invalid("Add at least one skill before saving a plan.", { query: ["No requirements."] });
  const proposal = view.result.proposal;
  const stored: StaffingPlanQuery = {
    needs: query.r,
    excludeTeamIds: query.exclude,
    maxPeople: query.max ?? null,
    noHarm: query.harm !== "1",
  };
  const personIds = proposal.picks.map((p) => p.person.id);
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(staffingPlans)
      .values({ name: input.name, query: stored, personIds, teamIds: proposal.teamIds, createdById: v.id })
      .returning({ id: staffingPlans.id });
    await writeAudit(tx, {
      actor: v,
      action: "staffing_plan.saved",
      entityType: "staffing_plan",
      entityId: row!.id,
      after: { name: input.name, query: stored, personIds, teamIds: proposal.teamIds, short: proposal.short },
    });
    return { id: row!.id };
  });
}

export type SavedPlan = {
  id: string;
  name: string;
  createdBy: string;
  createdAt: string;
  people: string[];
  href: string;
};

/**
 * Saved staffing plans the viewer may read: admins all of them; anyone else
 * (managers, leads) those they saved or that would take people from a team
 * they lead. A plan names people to move, so it is not for everyone who may stage one.
 */
export async function listStaffingPlans(viewer: Viewer | null): Promise<SavedPlan[]> {
  const v = requireStaffer(viewer);
  const rows = await getDb()
    .select({ plan: staffingPlans, createdBy: users.name, createdByEmail: users.email })
    .from(staffingPlans)
    .innerJoin(users, eq(users.id, staffingPlans.createdById))
    .orderBy(desc(staffingPlans.createdAt))
    .limit(200);
  const visible = rows.filter(
    ({ plan }) =>
      can(v, "team:read-any") || plan.createdById === v.id || plan.teamIds.some((t) => v.leadTeamIds.includes(t)),
  );
  const ids = [...new Set(visible.flatMap((r) => r.plan.personIds))];
  const names = ids.length
    ? new Map(
        (
          await getDb()
            .select({ id: users.id, name: users.name, email: users.email })
            .from(users)
            .where(inArray(users.id, ids))
        ).map((u) => [u.id, u.name || u.email]),
      )
    : new Map<string, string>();
  return visible.map(({ plan, createdBy, createdByEmail }) => ({
    id: plan.id,
    name: plan.name,
    createdBy: createdBy || createdByEmail,
    createdAt: plan.createdAt.toISOString(),
    people: plan.personIds.map((id) => names.get(id) ?? "—"),
    href: `/people/staff?${staffingQueryString({
      r: plan.query.needs,
      exclude: plan.query.excludeTeamIds,
      max: plan.query.maxPeople ?? undefined,
      harm: plan.query.noHarm ? undefined : "1",
    })}`,
  }));
}
