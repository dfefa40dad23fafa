import "server-only";

import { getDb } from "@/db/client";
import {
  readActivePeople,
  readPublishedCapabilities,
  readPublishedRoadmaps,
  readSkillRatings,
} from "@/db/queries/org-people";
import { readSettings } from "@/db/queries/settings";
import { findPeople as rankPeople, type FindRequirement, type FindRow } from "@/lib/analytics/find-people";
import {
  capabilityCatalogue,
  groupPeople,
  levelOptions,
  skillCatalogue,
  teamsOf,
  type CapabilityOption,
  type LevelOption,
  type SkillOption,
} from "@/lib/analytics/org-catalogue";
import type { Viewer } from "@/lib/auth/viewer";
import { forbidden, invalid } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/locales";
import { canFindPeople, canOpenPersonPage } from "@/lib/permissions";
import { quarterOf } from "@/lib/quarters";
import { cachedJson } from "@/lib/server/payload-cache";
import { findPeopleQuerySchema, type FindNeed, type FindPeopleQuery, type SkillRef } from "@/lib/validations/people";

import { parseInput, requireSignedIn } from "./guard";

/** Signed in and allowed to search the org (lib/permissions.ts canFindPeople). */
export async function requireFinder(viewer: Viewer | null): Promise<Viewer> {
  const v = requireSignedIn(viewer);
  if (!canFindPeople(v, await readSettings())) throw forbidden();
  return v;
}

export type OrgCatalogue = { skills: SkillOption[]; capabilities: CapabilityOption[]; levels: LevelOption[] };

/** The published roadmaps' skills, capabilities and levels in the viewer's language (two queries; rows are cached). */
export async function readCatalogue(locale: AppLocale): Promise<OrgCatalogue> {
  const roadmaps = await readPublishedRoadmaps(getDb());
  const versionOf = new Map(roadmaps.map((r) => [r.frameworkId, r.versionId]));
  const capRows = await readPublishedCapabilities(getDb(), [...versionOf.values()]);
  return {
    skills: skillCatalogue(roadmaps, locale),
    capabilities: capabilityCatalogue(capRows, roadmaps, (id) => versionOf.get(id), locale),
    levels: levelOptions(roadmaps, locale),
  };
}

/** The catalogue's skill for each requirement, in order; a skill no published roadmap has is refused. */
export function resolveSkills<T extends SkillRef>(catalogue: OrgCatalogue, needs: T[]): (T & { skill: SkillOption })[] {
  const byRef = new Map(catalogue.skills.map((s) => [s.ref, s]));
  return needs.map((n) => {
    const skill = byRef.get(`${n.frameworkKey}/${n.skillKey}`);
    if (!skill) throw invalid("That skill is not in any published roadmap.", { r: ["Unknown skill."] });
    return { ...n, skill };
  });
}

export type FindPeopleView = {
  /** Per row (same order): whether the viewer may open that person's page (lib/permissions.ts canOpenPersonPage). */
  mayOpen?: boolean[];
  requirements: (FindNeed & { ref: string; name: string })[];
  rows: FindRow[];
  total: number;
  teams: { id: string; name: string }[];
  currentQuarter: string;
};

/**
 * Who meets the requirements, best first (lib/analytics/find-people.ts has the
 * score). Disabled people never appear; evidence notes are never part of it.
 */
export async function findPeople(
  viewer: Viewer | null,
  raw: unknown,
  { locale }: { locale: AppLocale },
): Promise<FindPeopleView> {
  const v = await requireFinder(viewer);
  const query = parseInput(findPeopleQuerySchema, raw);
  // The result depends on the request alone (never on who asks, once allowed): kept per process and
  // served while the data stamp is unchanged, as heatmaps are; any write anywhere rebuilds it.
  const key = `find:${locale}:${quarterOf(new Date())}:${JSON.stringify(query)}`;
  const view = JSON.parse(await cachedJson(getDb(), key, () => search(query, locale))) as FindPeopleView;
  const mayOpen = view.rows.map((r) =>
    canOpenPersonPage(v, { id: r.person.id, teamIds: r.person.teams.map((t) => t.id) }),
  );
  return { ...view, mayOpen };
}

/** The page: the search, and the catalogue its requirement picker offers (the CSV route needs only the search). */
export async function getFindPeoplePage(
  viewer: Viewer | null,
  raw: unknown,
  { locale }: { locale: AppLocale },
): Promise<FindPeopleView & { catalogue: OrgCatalogue }> {
  // The search first: it checks the caller before anything else is read.
  const view = await findPeople(viewer, raw, { locale });
  return { ...view, catalogue: await readCatalogue(locale) };
}

async function search(query: FindPeopleQuery, locale: AppLocale): Promise<FindPeopleView> {
  const catalogue = await readCatalogue(locale);
  const needs = resolveSkills(catalogue, query.r);
  const wanted = needs.map((n) => ({ frameworkId: n.skill.frameworkId, skillKey: n.skillKey }));
  const [personRows, ratings] = await Promise.all([readActivePeople(getDb()), readSkillRatings(getDb(), wanted)]);
  const people = groupPeople(personRows, catalogue.levels);
  const currentQuarter = quarterOf(new Date());
  const requirements: FindRequirement[] = needs.map((n) => ({
    frameworkId: n.skill.frameworkId,
    skillKey: n.skillKey,
    level: n.level,
    interested: n.interested,
  }));
  const { rows, total } = rankPeople({
    people,
    ratings,
    requirements,
    currentQuarter,
    filters: {
      teamId: query.team,
      levelKey: query.level,
      onlyValidated: query.validated === "1",
      onlyThisQuarter: query.fresh === "1",
    },
  });
  return {
    requirements: needs.map(({ skill, ...n }) => ({ ...n, ref: skill.ref, name: skill.name })),
    rows,
    total,
    teams: teamsOf(people),
    currentQuarter,
  };
}
