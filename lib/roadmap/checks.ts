import type { ParsedRoadmap } from "./types";

// Category names that repeat. Keys come from names, so two categories called "Orchestration" would become
// `orchestration` and `orchestration-2`: in one level that is a mistake (refused by the parser and the file
// schema), across levels it may be on purpose (kept, but the import preview says so).

/** The same name for people: case, width and spacing do not make two categories different. */
export const sameName = (name: string) => name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

/** For each item, the index of an earlier item with the same name, or -1. */
export function earlierWithSameName(names: string[]): number[] {
  const first = new Map<string, number>();
  return names.map((n, i) => {
    const key = sameName(n);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, i);
    return seen ?? -1;
  });
}

export type RepeatedCategory = {
  name: string;
  key: string;
  level: string;
  firstLevel: string;
  line: number | null;
  firstLine: number | null;
};

type Levels = { name: { en: string }; categories: { key: string; name: { zh: string; en: string } }[] }[];

/**
 * Categories whose English or Chinese name was already used in an earlier level. `parsed` (the Markdown it came
 * from) adds line numbers.
 */
export function repeatedCategoryNames(
  doc: { levels: Levels },
  parsed?: Pick<ParsedRoadmap, "levels">,
): RepeatedCategory[] {
  const seen = new Map<string, { level: number; category: number }>();
  const out: RepeatedCategory[] = [];
  const lineOf = (l: number, c: number) => parsed?.levels[l]?.categories[c]?.line ?? null;
  doc.levels.forEach((level, li) =>
    level.categories.forEach((category, ci) => {
      const names = [`en:${sameName(category.name.en)}`, `zh:${sameName(category.name.zh)}`];
      const earlier = names.map((n) => seen.get(n)).find((s) => s && s.level !== li);
      if (earlier) {
        out.push({
          name: category.name.en,
          key: category.key,
          level: level.name.en,
          firstLevel: doc.levels[earlier.level]!.name.en,
          line: lineOf(li, ci),
          firstLine: lineOf(earlier.level, earlier.category),
        });
      }
      for (const n of names) if (!seen.has(n)) seen.set(n, { level: li, category: ci });
    }),
  );
  return out;
}
