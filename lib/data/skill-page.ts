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
  MENTOR_AT,
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

import { parseInput, requireSignedIn } from "./guard";

const KEY = /^[a-z0-9][a-z0-9.-]{0,119}$/;
const skillPageQuerySchema = z.strictObject({
  key: z.string().regex(KEY, { message: "Unknown skill." }),
  roadmap: z.string().regex(KEY, { message: "Unknown roadmap." }).optional(),
});

export type SkillPageView = {
  skill: SkillOption;
  /** The other roadmaps with a skill of this key (for `?roadmap=`). */
  otherRoadmaps: { key: string; name: string }[];
  distribution: Distribution;
  /** Null when the viewer may not see names (lib/permissions.ts canFindPeople). */
  people: SkillPeople | null;
  trend: { quarter: string; holders: number }[];
  targets: (TargetCoverage & { canOpen: boolean })[];
  resources: (ResourceRow & { canRemove: boolean })[];
  canAddResource: boolean;
};

/**
 * Everything a skill page shows, for any signed-in person: counts for all,
 * names only for those who may search people. Disabled people are neither
 * counted nor named. A constant number of queries whatever the org size.
 */
export async function getSkillPage(
  viewer: Viewer | null,
  raw: unknown,
  { locale }: { locale: AppLocale },
): Promise<SkillPageView> {
  const v = requireSignedIn(viewer);
  const query = parseInput(skillPageQuerySchema, raw);
  const db = getDb();
  const roadmaps = await readPublishedRoadmaps(db);
  const skills = skillCatalogue(roadmaps, locale).filter((s) => s.skillKey === query.key);
  // Roadmaps come by English name; a skill key in several of them opens the first unless the URL picks one.
  const skill = query.roadmap ? skills.find((s) => s.frameworkKey === query.roadmap) : skills[0];
  if (!skill) throw notFound("No published roadmap has that skill.");
  const wanted = { frameworkId: skill.frameworkId, skillKey: skill.skillKey };
  const currentQuarter = quarterOf(new Date());
  const quarters = lastQuarters(currentQuarter, 4);
  // Past quarters from the history, as of their ends; the current one from the ratings read below (now).
  const pastEnds = quarters.slice(0, -1).map((q) => quarterEnd(q));
  const [settings, personRows, ratings, trend, targetRows, resources] = await Promise.all([
    readSettings(),
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
  const isAdmin = can(v, "framework:manage");
  const targets = targetCoverage(
    targetRows.map((t) => ({
      ...t,
      name: t.kind === "skill" ? skill.name : pick(locale, t.capabilityNameZh ?? "", t.capabilityNameEn ?? ""),
    })),
    people,
    standing,
  );
  return {
    skill,
    otherRoadmaps: skills
      .filter((s) => s.frameworkKey !== skill.frameworkKey)
      .map((s) => ({ key: s.frameworkKey, name: s.roadmap })),
    distribution: distribution(people, standing),
    people: canFindPeople(v, settings) ? skillPeople(people, standing) : null,
    trend: trendPoints(quarters, [...trend, holdersNow(people, standing)]),
    targets: targets.map((t) => ({ ...t, canOpen: canReadTeam(v, t.teamId, "vision", settings) })),
    resources: resources.map((r) => ({ ...r, canRemove: isAdmin || r.createdById === v.id })),
    canAddResource: isAdmin || (standing.get(v.id)?.value ?? 0) >= MENTOR_AT,
  };
}
