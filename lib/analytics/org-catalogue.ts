// The org's skill catalogue (every published roadmap's live skills and
// capabilities) and its people, shaped for searching. Pure: the rows come
// from db/queries/org-people.ts.
import type { AppLocale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/pick";

import type { FindPerson } from "./find-people";

type Bi = { nameZh: string; nameEn: string };
type RoadmapRows = {
  frameworkId: string;
  frameworkKey: string;
  nameZh: string;
  nameEn: string;
  rows: {
    levelRows: (Bi & { id: string; key: string; position: number })[];
    categoryRows: (Bi & { id: string })[];
    skillRows: (Bi & {
      key: string;
      categoryId: string;
      levelId: string;
      descriptionZh: string;
      descriptionEn: string;
    })[];
  };
};

/** A skill as the search offers it: `ref` is "<roadmap key>/<skill key>", as in the URL. */
export type SkillOption = {
  ref: string;
  frameworkId: string;
  frameworkKey: string;
  skillKey: string;
  name: string;
  category: string;
  roadmap: string;
  description: string;
  /** Names, descriptions and categories in both languages: what typing matches. */
  searchText: string;
};
export type CapabilityOption = { ref: string; name: string; level: number; skills: string[] };
export type LevelOption = { frameworkId: string; key: string; name: string; position: number };

export function skillCatalogue(roadmaps: RoadmapRows[], locale: AppLocale): SkillOption[] {
  return roadmaps.flatMap((r) => {
    const category = new Map(r.rows.categoryRows.map((c) => [c.id, c]));
    return r.rows.skillRows.map((s) => {
      const c = category.get(s.categoryId);
      return {
        ref: `${r.frameworkKey}/${s.key}`,
        frameworkId: r.frameworkId,
        frameworkKey: r.frameworkKey,
        skillKey: s.key,
        name: pick(locale, s.nameZh, s.nameEn),
        category: c ? pick(locale, c.nameZh, c.nameEn) : "",
        roadmap: pick(locale, r.nameZh, r.nameEn),
        description: pick(locale, s.descriptionZh, s.descriptionEn),
        searchText: [s.nameZh, s.nameEn, s.descriptionZh, s.descriptionEn, c?.nameZh, c?.nameEn, s.key]
          .filter(Boolean)
          .join(" \n "),
      };
    });
  });
}

/** The levels of every published roadmap, in order. */
export function levelOptions(roadmaps: RoadmapRows[], locale: AppLocale): LevelOption[] {
  return roadmaps.flatMap((r) =>
    r.rows.levelRows.map((l) => ({
      frameworkId: r.frameworkId,
      key: l.key,
      name: pick(locale, l.nameZh, l.nameEn),
      position: l.position,
    })),
  );
}

/** Capabilities of the published roadmaps: each with the skill refs it needs and the highest level they need. */
export function capabilityCatalogue(
  rows: (Bi & { versionId: string; key: string; skillKey: string; level: number })[],
  roadmaps: RoadmapRows[],
  versionOf: (frameworkId: string) => string | undefined,
  locale: AppLocale,
): CapabilityOption[] {
  const out = new Map<string, CapabilityOption>();
  for (const roadmap of roadmaps) {
    const version = versionOf(roadmap.frameworkId);
    for (const c of rows.filter((row) => row.versionId === version)) {
      const ref = `${roadmap.frameworkKey}/${c.key}`;
      const entry = out.get(ref) ?? { ref, name: pick(locale, c.nameZh, c.nameEn), level: 0, skills: [] };
      entry.skills.push(`${roadmap.frameworkKey}/${c.skillKey}`);
      entry.level = Math.max(entry.level, c.level);
      out.set(ref, entry);
    }
  }
  return [...out.values()];
}

/**
 * One entry per person from their membership rows (in name order): their
 * teams, and the level of their first team (by name), named by that team's
 * roadmap when it is published.
 */
export function groupPeople(
  rows: {
    id: string;
    name: string;
    email: string;
    teamId: string | null;
    teamName: string | null;
    frameworkId: string | null;
    levelKey: string | null;
  }[],
  levels: LevelOption[],
): FindPerson[] {
  const levelName = new Map(levels.map((l) => [`${l.frameworkId}|${l.key}`, l.name]));
  const people = new Map<string, FindPerson>();
  for (const r of rows) {
    let p = people.get(r.id);
    if (!p) {
      p = { id: r.id, name: r.name || r.email, teams: [], levelKey: null, levelName: null };
      people.set(r.id, p);
    }
    if (!r.teamId) continue;
    if (p.teams.length === 0 && r.levelKey) {
      p.levelKey = r.levelKey;
      p.levelName = levelName.get(`${r.frameworkId}|${r.levelKey}`) ?? r.levelKey;
    }
    p.teams.push({ id: r.teamId, name: r.teamName ?? "" });
  }
  return [...people.values()];
}

/** Every team the people are in, once, by name. */
export function teamsOf(people: { teams: { id: string; name: string }[] }[]): { id: string; name: string }[] {
  const teams = new Map(people.flatMap((p) => p.teams.map((t) => [t.id, t] as const)));
  return [...teams.values()].sort((a, b) => a.name.localeCompare(b.name));
}
