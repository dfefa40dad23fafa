import type { FrameworkDocument } from "./document";

export type FrameworkDiff = {
  added: { key: string; name: string }[];
  retired: { key: string; name: string }[];
  renamed: { key: string; from: string; to: string }[];
  moved: { key: string; name: string; from: string; to: string }[];
  redescribed: { key: string; name: string }[];
  /** Kept in its category, but in another place among the skills both versions share there. */
  reordered: { key: string; name: string }[];
  /** Parts of the framework besides its skills that changed (a re-import may change any of them). */
  other: ("title" | "texts" | "levels" | "categories" | "capabilities" | "descriptors")[];
};

// A skill's category by key (names may repeat across levels), and its English name for display.
type Flat = Map<string, { name: string; nameZh: string; category: string; categoryName: string; description: string }>;

function flatten(doc: FrameworkDocument, retired: Set<string>): Flat {
  const out: Flat = new Map();
  for (const l of doc.levels)
    for (const c of l.categories)
      for (const s of c.skills)
        if (!retired.has(s.key))
          out.set(s.key, {
            name: s.name.en,
            nameZh: s.name.zh,
            category: c.key,
            categoryName: c.name.en,
            description: `${s.description?.en ?? ""}|${s.description?.zh ?? ""}`,
          });
  return out;
}

/** Skills whose order among the skills both versions have in the same category changed. */
function reorderedSkills(before: FrameworkDocument, after: FrameworkDocument): { key: string; name: string }[] {
  const order = (doc: FrameworkDocument) =>
    new Map(doc.levels.flatMap((l) => l.categories.map((c) => [c.key, c.skills] as const)));
  const a = order(before);
  const out: { key: string; name: string }[] = [];
  for (const [category, skills] of order(after)) {
    const was = (a.get(category) ?? []).map((s) => s.key);
    const shared = skills.filter((s) => was.includes(s.key));
    const wasShared = was.filter((k) => shared.some((s) => s.key === k));
    shared.forEach((s, i) => {
      if (wasShared[i] !== s.key) out.push({ key: s.key, name: s.name.en });
    });
  }
  return out;
}

/** Everything but the skills, by part, so a re-import that only changes a level's text is still a change. */
function otherChanges(before: FrameworkDocument, after: FrameworkDocument): FrameworkDiff["other"] {
  const parts = (d: FrameworkDocument) => ({
    title: d.title,
    texts: [d.intro, d.growthTable, d.transitionPath, d.conclusion],
    levels: d.levels.map(({ categories, ...level }) => ({ ...level, categories: categories.map((c) => c.key) })),
    categories: d.levels.flatMap((l) =>
      l.categories.map((c) => ({ key: c.key, name: c.name, skills: c.skills.length > 0 })),
    ),
    capabilities: d.capabilities,
    // By skill key, whatever the skills' order: adding, moving or reordering a skill is not a descriptor change.
    descriptors: d.levels
      .flatMap((l) =>
        l.categories.flatMap((c) => c.skills.flatMap((s) => (s.descriptors ? [[s.key, s.descriptors] as const] : []))),
      )
      .sort(([x], [y]) => x.localeCompare(y)),
  });
  const a = parts(before);
  const b = parts(after);
  return (Object.keys(a) as (keyof typeof a)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/** What publishing `after` would change compared with `before`, by stable skill key. */
export function diffFrameworks(
  before: FrameworkDocument,
  after: FrameworkDocument,
  retired: { before?: Set<string>; after?: Set<string> } = {},
): FrameworkDiff {
  const a = flatten(before, retired.before ?? new Set());
  const b = flatten(after, retired.after ?? new Set());
  const diff: FrameworkDiff = {
    added: [],
    retired: [],
    renamed: [],
    moved: [],
    redescribed: [],
    reordered: reorderedSkills(before, after),
    other: otherChanges(before, after),
  };
  for (const [key, s] of b) if (!a.has(key)) diff.added.push({ key, name: s.name });
  for (const [key, s] of a) {
    const t = b.get(key);
    if (!t) {
      diff.retired.push({ key, name: s.name });
      continue;
    }
    if (t.name !== s.name || t.nameZh !== s.nameZh) diff.renamed.push({ key, from: s.name, to: t.name });
    if (t.category !== s.category) diff.moved.push({ key, name: t.name, from: s.categoryName, to: t.categoryName });
    if (t.description !== s.description) diff.redescribed.push({ key, name: t.name });
  }
  return diff;
}

/** How many changes the diff lists (a skill renamed and re-described counts twice). */
export const countChanges = (d: FrameworkDiff) => Object.values(d).reduce((n, list) => n + list.length, 0);
export const isEmptyDiff = (d: FrameworkDiff) => countChanges(d) === 0;
