import { parseRoadmapMarkdown } from "./parse";
import { slugify } from "./text";
import {
  RoadmapParseError,
  type Bi,
  type ParsedRoadmap,
  type RoadmapCategory,
  type RoadmapDocument,
  type RoadmapLevel,
} from "./types";

type ParsedLevel = ParsedRoadmap["levels"][number];
type ParsedCategory = ParsedLevel["categories"][number];
type ParsedPath = NonNullable<ParsedRoadmap["transitionPath"]>;
/** Gives each base key once: a repeat gets "-2", "-3"… */
type UniqueKey = (base: string) => string;

const bi = (z: string, e: string): Bi => ({ zh: z, en: e });

function mismatch(what: string, zhCount: number, enCount: number, zhLine: number, enLine: number): never {
  throw new RoadmapParseError(
    enLine,
    `${what}: ${zhCount} in zh-TW (line ${zhLine}) but ${enCount} in en (line ${enLine}); ` +
      "both documents must have the same structure",
    "en",
  );
}

function uniqueKeys(): UniqueKey {
  const usedKeys = new Set<string>();
  return (base) => {
    let key = base;
    for (let i = 2; usedKeys.has(key); i++) key = `${base}-${i}`;
    usedKeys.add(key);
    return key;
  };
}

/**
 * Pairs a zh-TW and an English roadmap written in the same structure into one
 * bilingual document. Keys come from the English wording, so they are readable
 * and stable as long as the English name is.
 */
export function pairRoadmaps(zh: ParsedRoadmap, en: ParsedRoadmap): RoadmapDocument {
  if (zh.levels.length !== en.levels.length) mismatch("levels", zh.levels.length, en.levels.length, 1, 1);
  const uniqueKey = uniqueKeys();
  const levels = zh.levels.map((zl, li) => {
    const summary = bi(zh.levelSummaries[li]?.text ?? "", en.levelSummaries[li]?.text ?? "");
    return pairLevel(zl, en.levels[li]!, { index: li, summary, uniqueKey });
  });
  assertSameExtras(zh, en);
  const zp = zh.transitionPath;
  const ep = en.transitionPath;
  return {
    title: bi(zh.title, en.title),
    intro: bi(zh.intro, en.intro),
    levels,
    growthTable: zh.growthTable.map((row, i) => ({
      stage: bi(row.stage, en.growthTable[i]!.stage),
      focus: bi(row.focus, en.growthTable[i]!.focus),
    })),
    transitionPath: zp && ep ? pairPath(zp, ep) : null,
    conclusion: bi(zh.conclusion, en.conclusion),
  };
}

function pairLevel(
  zl: ParsedLevel,
  el: ParsedLevel,
  { index, summary, uniqueKey }: { index: number; summary: Bi; uniqueKey: UniqueKey },
): RoadmapLevel {
  if (zl.categories.length !== el.categories.length) {
    mismatch(`categories of level ${index + 1}`, zl.categories.length, el.categories.length, zl.line, el.line);
  }
  // "Junior MLOps Engineer" -> "junior": the first word names the level.
  const levelKey = uniqueKey(slugify(el.name.split(/\s+/)[0] ?? el.name, 32));
  return {
    key: levelKey,
    name: bi(zl.name, el.name),
    tagline: bi(zl.tagline, el.tagline),
    summary,
    workStyle: bi(zl.workStyle, el.workStyle),
    workStyleNote: bi(zl.workStyleNote, el.workStyleNote),
    categories: zl.categories.map((zc, ci) => pairCategory(zc, el.categories[ci]!, uniqueKey)),
  };
}

function pairCategory(zc: ParsedCategory, ec: ParsedCategory, uniqueKey: UniqueKey): RoadmapCategory {
  if (zc.skills.length !== ec.skills.length) {
    mismatch(`skills of category '${zc.name}'`, zc.skills.length, ec.skills.length, zc.line, ec.line);
  }
  const categoryKey = uniqueKey(slugify(ec.name, 40));
  return {
    key: categoryKey,
    name: bi(zc.name, ec.name),
    skills: zc.skills.map((zs, si) => {
      const es = ec.skills[si]!;
      return { key: uniqueKey(`${categoryKey}.${slugify(es.text, 40)}`), name: bi(zs.text, es.text) };
    }),
  };
}

/** The growth table and the transition path have as many rows and steps in both documents. */
function assertSameExtras(zh: ParsedRoadmap, en: ParsedRoadmap): void {
  if (zh.growthTable.length !== en.growthTable.length) {
    const [zhLine, enLine] = [zh.growthTable[0]?.line ?? 1, en.growthTable[0]?.line ?? 1];
    mismatch("growth table rows", zh.growthTable.length, en.growthTable.length, zhLine, enLine);
  }
  const zp = zh.transitionPath;
  const ep = en.transitionPath;
  if (!!zp !== !!ep || (zp && ep && zp.steps.length !== ep.steps.length)) {
    mismatch("transition-path steps", zp?.steps.length ?? 0, ep?.steps.length ?? 0, zp?.line ?? 1, ep?.line ?? 1);
  }
}

function pairPath(zp: ParsedPath, ep: ParsedPath): NonNullable<RoadmapDocument["transitionPath"]> {
  return {
    title: bi(zp.title, ep.title),
    intro: bi(zp.intro, ep.intro),
    steps: zp.steps.map((s, i) => bi(s.text, ep.steps[i]!.text)),
  };
}

/** Parses both documents (errors name the document and line) and pairs them. */
export function parseBilingualRoadmap(zhMarkdown: string, enMarkdown: string): RoadmapDocument {
  return pairRoadmaps(parseRoadmapMarkdown(zhMarkdown, "zh-TW"), parseRoadmapMarkdown(enMarkdown, "en"));
}
