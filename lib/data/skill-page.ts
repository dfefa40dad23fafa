import "server-only";

import { z } from "zod";

import { getDb } from "@/db/client";
import { readActivePeople, readPublishedRoadmaps, readSkillRatings } from "@/db/queries/org-people";
import { readSettings } from "@/db/queries/settings";
import { readHoldersAt, readResources, readSkillTargets, type ResourceRow } from "@/db/queries/skill-page";
import { groupPeople, levelOptions, skillCatalogue, type SkillOption } from "@/lib/analytics/org-catalogue";
import {
  distribution,
  holdersNow,
  skillPeople,
  standings,
  targetCoverage,
  trendPoints,
  type Distribution,
  type SkillPeople,
  type TargetCoverage,
} from "@/lib/analytics/skill-page";
import type { Viewer } from "@/lib/auth/viewer";
import { notFound } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/pick";
import { can, canFindPeople, canReadTeam } from "@/lib/permissions";
import { lastQuarters, quarterEnd, quarterOf } from "@/lib/quarters";
import { cachedJson } from "@/lib/server/payload-cache";

import { parseInput, requireSignedIn } from "./guard";

const KEY = /^[a-z0-9][a-z0-9.-]{0,119}$/;
const skillPageQuerySchema = z.strictObject({
  key: z.string().regex(KEY, { message: "Unknown skill." }),
  roadmap: z.string().regex(KEY, { message: "Unknown roadmap." }).optional(),
});

/** Names shown per list: a skill held by hundreds lists the first (highest level first) and links to Find people for all. */
export const LIST_LIMIT = 30;
export type ShownPeople = SkillPeople & { totals: Record<keyof SkillPeople, number> };

function firstOfEach(all: SkillPeople): ShownPeople {
  return {
    holders: all.holders.slice(0, LIST_LIMIT),
    mentors: all.mentors.slice(0, LIST_LIMIT),
    learners: all.learners.slice(0, LIST_LIMIT),
    totals: { holders: all.holders.length, mentors: all.mentors.length, learners: all.learners.length },
  };
}

export type SkillPageView = {
  skill: SkillOption;
  /** The other roadmaps with a skill of this key (for `?roadmap=`). */
  otherRoadmaps: { key: string; name: string }[];
  distribution: Distribution;
  /** Null when the viewer may not see names (lib/permissions.ts canFindPeople). The first LIST_LIMIT of each list, with totals. */
  people: ShownPeople | null;
  trend: { quarter: string; holders: number }[];
  targets: (TargetCoverage & { canOpen: boolean })[];
  resources: (ResourceRow & { canRemove: boolean })[];
  canAddResource: boolean;
  /** Names link to person pages only for those who may open anyone's (managers, admins): never to a page that refuses. */
  linkPeople: boolean;
};

/** What a skill page shows whoever asks: built once per data stamp and shared (see getSkillPage). */
type SkillPageCore = Omit<SkillPageView, "people" | "targets" | "resources" | "canAddResource" | "linkPeople"> & {
  people: ShownPeople;
  targets: TargetCoverage[];
  resources: ResourceRow[];
  /** Who may add resources as the skill's mentors (effective level 4). */
  mentorIds: string[];
};

async function skillPageCore(query: z.infer<typeof skillPageQuerySchema>, locale: AppLocale): Promise<SkillPageCore> {
  const db = getDb();
  const roadmaps = await readPublishedRoadmaps(db);
  const skills = skillCatalogue(roadmaps, locale).filter((s) => s.skillKey === query.key);
  // Roadmaps come by English name; a skill key in several of them opens the first unless the URL picks one.
  const skill = query.roadmap ? skills.find((s) => s.frameworkKey === query.roadmap) : skills[0];
  if (!skill) throw notFound("No published roadmap has that skill.");
  const wanted = { frameworkId: skill.frameworkId, skillKey: skill.skillKey };
  const quarters = lastQuarters(quarterOf(new Date()), 4);
  // Past quarters from the history, as of their ends; the current one from the ratings read below (now).
  const pastEnds = quarters.slice(0, -1).map((q) => quarterEnd(q));
  const [personRows, ratings, trend, targetRows, resources] = await Promise.all([
    readActivePeople(db),
    readSkillRatings(db, [wanted]),
    readHoldersAt(db, { ...wanted, moments: pastEnds }),
    readSkillTargets(db, wanted),
    readResources(db, { frameworkId: skill.frameworkId, skillKeys: [skill.skillKey] }),
  ]);
  const everyone = groupPeople(personRows, levelOptions(roadmaps, locale));
  const standing = standings(ratings);
  // Counted: people in a team on this roadmap, and anyone else who has rated the skill.
  const onRoadmap = new Set(personRows.filter((r) => r.frameworkId === skill.frameworkId).map((r) => r.id));
  const people = everyone.filter((p) => onRoadmap.has(p.id) || standing.has(p.id));
  const named = skillPeople(people, standing);
  return {
    skill,
    otherRoadmaps: skills
      .filter((s) => s.frameworkKey !== skill.frameworkKey)
      .map((s) => ({ key: s.frameworkKey, name: s.roadmap })),
    distribution: distribution(people, standing),
    people: firstOfEach(named),
    trend: trendPoints(quarters, [...trend, holdersNow(people, standing)]),
    targets: targetCoverage(
      targetRows.map((t) => ({
        ...t,
        name: t.kind === "skill" ? skill.name : pick(locale, t.capabilityNameZh ?? "", t.capabilityNameEn ?? ""),
      })),
      people,
      standing,
    ),
    resources,
    mentorIds: named.mentors.map((m) => m.id),
  };
}

/**
 * Everything a skill page shows, for any signed-in person: counts for all,
 * names only for those who may search people. Disabled people are neither
 * counted nor named. A constant number of queries whatever the org size; the
 * part that does not depend on the viewer is kept per process while the data
 * stamp is unchanged (lib/server/payload-cache.ts), as heatmaps are.
 */
export async function getSkillPage(
  viewer: Viewer | null,
  raw: unknown,
  { locale }: { locale: AppLocale },
): Promise<SkillPageView> {
  const v = requireSignedIn(viewer);
  const query = parseInput(skillPageQuerySchema, raw);
  const key = `skill:${locale}:${quarterOf(new Date())}:${query.roadmap ?? ""}:${query.key}`;
  const [settings, json] = await Promise.all([
    readSettings(),
    cachedJson(getDb(), key, () => skillPageCore(query, locale)),
  ]);
  const { mentorIds, people, targets, resources, ...core } = JSON.parse(json) as SkillPageCore;
  const isAdmin = can(v, "framework:manage");
  return {
    ...core,
    people: canFindPeople(v, settings) ? people : null,
    targets: targets.map((t) => ({ ...t, canOpen: canReadTeam(v, t.teamId, "vision", settings) })),
    resources: resources.map((r) => ({ ...r, canRemove: isAdmin || r.createdById === v.id })),
    canAddResource: isAdmin || mentorIds.includes(v.id),
    linkPeople: can(v, "user:read"),
  };
}
