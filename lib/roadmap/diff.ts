import type { FrameworkDocument } from "./document";

export type FrameworkDiff = {
  added: { key: string; name: string }[];
  retired: { key: string; name: string }[];
  renamed: { key: string; from: string; to: string }[];
  moved: { key: string; name: string; from: string; to: string }[];
  redescribed: { key: string; name: string }[];
};

type Flat = Map<string, { name: string; nameZh: string; category: string; description: string }>;

function flatten(doc: FrameworkDocument, retired: Set<string>): Flat {
  const out: Flat = new Map();
  for (const l of doc.levels)
    for (const c of l.categories)
      for (const s of c.skills)
        if (!retired.has(s.key)) out.set(s.key, { name: s.name.en, nameZh: s.name.zh, category: c.name.en, description: `${s.description?.en ?? ""}|${s.description?.zh ?? ""}` });
  return out;
}

/** What publishing `after` would change compared with `before`, by stable skill key. */
export function diffFrameworks(before: FrameworkDocument, after: FrameworkDocument, retired: { before?: Set<string>; after?: Set<string> } = {}): FrameworkDiff {
  const a = flatten(before, retired.before ?? new Set());
  const b = flatten(after, retired.after ?? new Set());
  const diff: FrameworkDiff = { added: [], retired: [], renamed: [], moved: [], redescribed: [] };
  for (const [key, s] of b) if (!a.has(key)) diff.added.push({ key, name: s.name });
  for (const [key, s] of a) {
    const t = b.get(key);
    if (!t) {
      diff.retired.push({ key, name: s.name });
      continue;
    }
    if (t.name !== s.name || t.nameZh !== s.nameZh) diff.renamed.push({ key, from: s.name, to: t.name });
    if (t.category !== s.category) diff.moved.push({ key, name: t.name, from: s.category, to: t.category });
    if (t.description !== s.description) diff.redescribed.push({ key, name: t.name });
  }
  return diff;
}

export const isEmptyDiff = (d: FrameworkDiff) => Object.values(d).every((list) => list.length === 0);
