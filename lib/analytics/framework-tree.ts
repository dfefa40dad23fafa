// A published roadmap version as the roadmap page shows it, from rows already
// read (lib/data/frameworks.ts): every text in the viewer's language.
import type { AppLocale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/pick";
import { levelTexts, nestVersionRows, type LevelTextRow } from "@/lib/roadmap/version-tree";

export type FrameworkTreeDto = {
  id: string;
  versionId: string;
  version: number;
  title: string;
  intro: string;
  levels: {
    key: string;
    position: number;
    name: string;
    tagline: string;
    summary: string;
    workStyle: string;
    workStyleNote: string;
    categories: { key: string; name: string; skills: { key: string; name: string; description: string }[] }[];
  }[];
  capabilities: {
    key: string;
    name: string;
    description: string;
    importance: number;
    skills: { key: string; name: string; requiredProficiency: number }[];
  }[];
  growthTable: { stage: string; focus: string }[];
  transitionPath: { title: string; intro: string; steps: string[] } | null;
  conclusion: string;
};

type Text = { zh: string; en: string };
type Translate = (zh: string, en: string) => string;
type LevelRow = LevelTextRow & { id: string; key: string; position: number };
type Named = { id: string; key: string; nameZh: string; nameEn: string };
type CategoryRow = Named & { levelId: string };
type Described = Named & { descriptionZh: string; descriptionEn: string };
type SkillRow = Described & { categoryId: string };
type CapabilityRow = Described & { importance: number };
type CapabilityLink = { capabilityId: string; skillId: string; requiredProficiency: number };
type VersionRow = {
  id: string;
  frameworkId: string;
  version: number;
  titleZh: string;
  titleEn: string;
  introZh: string;
  introEn: string;
  conclusionZh: string;
  conclusionEn: string;
  growthTable: { stage: Text; focus: Text }[];
  transitionPath: { title: Text; intro: Text; steps: Text[] } | null;
};

/** Levels in order, each with its categories and their skills (rows already in roadmap order). */
export function treeLevels(
  rows: { levelRows: LevelRow[]; categoryRows: CategoryRow[]; skillRows: SkillRow[] },
  p: Translate,
): FrameworkTreeDto["levels"] {
  return nestVersionRows(rows, {
    skill: (s) => ({ key: s.key, name: p(s.nameZh, s.nameEn), description: p(s.descriptionZh, s.descriptionEn) }),
    category: (c, skills) => ({ key: c.key, name: p(c.nameZh, c.nameEn), skills }),
    level: (l, categories) => ({ key: l.key, position: l.position, ...levelTexts(l, p), categories }),
  });
}

/** Capabilities in order, each with the live skills it links to (links to retired skills are left out). */
export function treeCapabilities(
  capabilities: CapabilityRow[],
  links: CapabilityLink[],
  skills: SkillRow[],
  p: Translate,
): FrameworkTreeDto["capabilities"] {
  const skillById = new Map(skills.map((s) => [s.id, s]));
  return capabilities.map((c) => ({
    key: c.key,
    name: p(c.nameZh, c.nameEn),
    description: p(c.descriptionZh, c.descriptionEn),
    importance: c.importance,
    skills: links
      .filter((link) => link.capabilityId === c.id && skillById.has(link.skillId))
      .map((link) => {
        const s = skillById.get(link.skillId)!;
        return { key: s.key, name: p(s.nameZh, s.nameEn), requiredProficiency: link.requiredProficiency };
      }),
  }));
}

/** The whole tree of one version. */
export function frameworkTree(input: {
  version: VersionRow;
  rows: { levelRows: LevelRow[]; categoryRows: CategoryRow[]; skillRows: SkillRow[] };
  capabilities: CapabilityRow[];
  links: CapabilityLink[];
  locale: AppLocale;
}): FrameworkTreeDto {
  const { version, rows, locale } = input;
  const p: Translate = (zh, en) => pick(locale, zh, en);
  const path = version.transitionPath;
  return {
    id: version.frameworkId,
    versionId: version.id,
    version: version.version,
    title: p(version.titleZh, version.titleEn),
    intro: p(version.introZh, version.introEn),
    levels: treeLevels(rows, p),
    capabilities: treeCapabilities(input.capabilities, input.links, rows.skillRows, p),
    growthTable: version.growthTable.map((g) => ({
      stage: p(g.stage.zh, g.stage.en),
      focus: p(g.focus.zh, g.focus.en),
    })),
    transitionPath: path && {
      title: p(path.title.zh, path.title.en),
      intro: p(path.intro.zh, path.intro.en),
      steps: path.steps.map((s) => p(s.zh, s.en)),
    },
    conclusion: p(version.conclusionZh, version.conclusionEn),
  };
}
