import { parseRoadmapMarkdown } from "./parse";
import { slugify } from "./text";
import { type Bi, type ParsedRoadmap, RoadmapParseError, type RoadmapDocument } from "./types";

/**
 * Pairs a zh-TW and an English roadmap written in the same structure into one
 * bilingual document. Keys come from the English wording, so they are readable
 * and stable as long as the English name is.
 */
export function pairRoadmaps(zh: ParsedRoadmap, en: ParsedRoadmap): RoadmapDocument {
  const mismatch = (what: string, zhCount: number, enCount: number, zhLine: number, enLine: number): never => {
    throw new RoadmapParseError(
      enLine,
      `${what}: ${zhCount} in zh-TW (line ${zhLine}) but ${enCount} in en (line ${enLine}); both documents must have the same structure`,
      "en",
    );
  };
  const bi = (z: string, e: string): Bi => ({ zh: z, en: e });

  if (zh.levels.length !== en.levels.length) mismatch("levels", zh.levels.length, en.levels.length, 1, 1);
  const usedKeys = new Set<string>();
  const uniqueKey = (base: string) => {
    let key = base;
    for (let i = 2; usedKeys.has(key); i++) key = `${base}-${i}`;
    usedKeys.add(key);
    return key;
  };

  const levels = zh.levels.map((zl, li) => {
    const el = en.levels[li]!;
    if (zl.categories.length !== el.categories.length) {
      mismatch(`categories of level ${li + 1}`, zl.categories.length, el.categories.length, zl.line, el.line);
    }
    // "Junior MLOps Engineer" -> "junior": the first word names the level.
    const levelKey = uniqueKey(slugify(el.name.split(/\s+/)[0] ?? el.name, 32));
    return {
      key: levelKey,
      name: bi(zl.name, el.name),
      tagline: bi(zl.tagline, el.tagline),
      summary: bi(zh.levelSummaries[li]?.text ?? "", en.levelSummaries[li]?.text ?? ""),
      workStyle: bi(zl.workStyle, el.workStyle),
      workStyleNote: bi(zl.workStyleNote, el.workStyleNote),
      categories: zl.categories.map((zc, ci) => {
        const ec = el.categories[ci]!;
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
      }),
    };
  });

  if (zh.growthTable.length !== en.growthTable.length) {
    mismatch("growth table rows", zh.growthTable.length, en.growthTable.length, zh.growthTable[0]?.line ?? 1, en.growthTable[0]?.line ?? 1);
  }
  const zp = zh.transitionPath;
  const ep = en.transitionPath;
  if (!!zp !== !!ep || (zp && ep && zp.steps.length !== ep.steps.length)) {
    mismatch("transition-path steps", zp?.steps.length ?? 0, ep?.steps.length ?? 0, zp?.line ?? 1, ep?.line ?? 1);
  }

  return {
    title: bi(zh.title, en.title),
    intro: bi(zh.intro, en.intro),
    levels,
    growthTable: zh.growthTable.map((row, i) => ({
      stage: bi(row.stage, en.growthTable[i]!.stage),
      focus: bi(row.focus, en.growthTable[i]!.focus),
    })),
    transitionPath:
      zp && ep
        ? {
            title: bi(zp.title, ep.title),
            intro: bi(zp.intro, ep.intro),
            steps: zp.steps.map((s, i) => bi(s.text, ep.steps[i]!.text)),
          }
        : null,
    conclusion: bi(zh.conclusion, en.conclusion),
  };
}

/** Parses both documents (errors name the document and line) and pairs them. */
export function parseBilingualRoadmap(zhMarkdown: string, enMarkdown: string): RoadmapDocument {
  return pairRoadmaps(parseRoadmapMarkdown(zhMarkdown, "zh-TW"), parseRoadmapMarkdown(enMarkdown, "en"));
}
