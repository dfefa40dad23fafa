import { asc, eq, inArray } from "drizzle-orm";

import type { FrameworkDocument } from "@/lib/roadmap/document";
import { levelTexts, nestVersionRows } from "@/lib/roadmap/version-tree";

import type { DbOrTx } from "./client";
import { capabilitySkills, categories, frameworkVersions, levels, platformCapabilities, skills } from "./schema";

// Framework versions to and from the interchange document, for the seed and
// the data layer (no permission checks here: callers check).

type VersionInput = {
  frameworkId: string;
  version: number;
  status: "draft" | "published";
  doc: FrameworkDocument;
  retired?: Set<string>;
};
type DocLevel = FrameworkDocument["levels"][number];
type DocCategory = DocLevel["categories"][number];
/** Where a level's rows go: its version, its ids so far, and the keys of retired skills. */
type LevelTarget = { tx: DbOrTx; versionId: string; skillIds: Map<string, string>; retired?: Set<string> };

export async function writeVersion(tx: DbOrTx, input: VersionInput): Promise<string> {
  const versionId = await insertVersionRow(tx, input);
  const target: LevelTarget = { tx, versionId, skillIds: new Map(), retired: input.retired };
  for (const [position, level] of input.doc.levels.entries()) await insertLevel(target, level, position);
  await insertCapabilities(tx, versionId, input.doc.capabilities, target.skillIds);
  return versionId;
}

async function insertVersionRow(tx: DbOrTx, { frameworkId, version, status, doc }: VersionInput): Promise<string> {
  const [v] = await tx
    .insert(frameworkVersions)
    .values({
      frameworkId,
      version,
      status,
      titleZh: doc.title.zh,
      titleEn: doc.title.en,
      introZh: doc.intro.zh,
      introEn: doc.intro.en,
      growthTable: doc.growthTable,
      transitionPath: doc.transitionPath,
      conclusionZh: doc.conclusion.zh,
      conclusionEn: doc.conclusion.en,
      publishedAt: status === "published" ? new Date() : null,
    })
    .returning({ id: frameworkVersions.id });
  return v!.id;
}

async function insertLevel(target: LevelTarget, l: DocLevel, position: number): Promise<void> {
  const [level] = await target.tx
    .insert(levels)
    .values({
      frameworkVersionId: target.versionId,
      key: l.key,
      position,
      nameZh: l.name.zh,
      nameEn: l.name.en,
      taglineZh: l.tagline.zh,
      taglineEn: l.tagline.en,
      summaryZh: l.summary.zh,
      summaryEn: l.summary.en,
      workStyleZh: l.workStyle.zh,
      workStyleEn: l.workStyle.en,
      workStyleNoteZh: l.workStyleNote.zh,
      workStyleNoteEn: l.workStyleNote.en,
    })
    .returning({ id: levels.id });
  for (const [ci, c] of l.categories.entries()) await insertCategory(target, level!.id, c, ci);
}

async function insertCategory(target: LevelTarget, levelId: string, c: DocCategory, position: number): Promise<void> {
  const { tx, versionId, retired } = target;
  const [category] = await tx
    .insert(categories)
    .values({ frameworkVersionId: versionId, levelId, key: c.key, position, nameZh: c.name.zh, nameEn: c.name.en })
    .returning({ id: categories.id });
  const rows = await tx
    .insert(skills)
    .values(
      c.skills.map((s, si) => ({
        frameworkVersionId: versionId,
        categoryId: category!.id,
        levelId,
        key: s.key,
        position: si,
        nameZh: s.name.zh,
        nameEn: s.name.en,
        descriptionZh: s.description?.zh ?? "",
        descriptionEn: s.description?.en ?? "",
        descriptors: s.descriptors ?? null,
        retiredAt: retired?.has(s.key) ? new Date() : null,
      })),
    )
    .returning({ id: skills.id, key: skills.key });
  for (const r of rows) target.skillIds.set(r.key, r.id);
}

async function insertCapabilities(
  tx: DbOrTx,
  versionId: string,
  capabilities: FrameworkDocument["capabilities"],
  skillIds: Map<string, string>,
): Promise<void> {
  for (const [position, c] of capabilities.entries()) {
    const [cap] = await tx
      .insert(platformCapabilities)
      .values({
        frameworkVersionId: versionId,
        key: c.key,
        position,
        nameZh: c.name.zh,
        nameEn: c.name.en,
        descriptionZh: c.description.zh,
        descriptionEn: c.description.en,
        importance: c.importance,
      })
      .returning({ id: platformCapabilities.id });
    const links = c.skills.map((s) => ({ skillId: skillIds.get(s.key)!, requiredProficiency: s.level }));
    await tx.insert(capabilitySkills).values(links.map((l) => ({ capabilityId: cap!.id, ...l })));
  }
}

/** A stored version as a document, plus the keys of its retired skills. */
export async function readVersion(
  tx: DbOrTx,
  versionId: string,
  frameworkKey: string,
): Promise<{ doc: FrameworkDocument; retired: Set<string> }> {
  const [v] = await tx.select().from(frameworkVersions).where(eq(frameworkVersions.id, versionId));
  const [levelRows, categoryRows, skillRows, capRows] = await Promise.all([
    tx.select().from(levels).where(eq(levels.frameworkVersionId, versionId)).orderBy(asc(levels.position)),
    tx.select().from(categories).where(eq(categories.frameworkVersionId, versionId)).orderBy(asc(categories.position)),
    tx.select().from(skills).where(eq(skills.frameworkVersionId, versionId)).orderBy(asc(skills.position)),
    tx
      .select()
      .from(platformCapabilities)
      .where(eq(platformCapabilities.frameworkVersionId, versionId))
      .orderBy(asc(platformCapabilities.position)),
  ]);
  const capIds = capRows.map((c) => c.id);
  const links = capIds.length
    ? await tx.select().from(capabilitySkills).where(inArray(capabilitySkills.capabilityId, capIds))
    : [];
  const keyOf = new Map(skillRows.map((s) => [s.id, s.key]));
  const bi = (zh: string, en: string) => ({ zh, en });
  const doc: FrameworkDocument = {
    format: "skillgrid.framework",
    version: 1,
    key: frameworkKey,
    title: bi(v!.titleZh, v!.titleEn),
    intro: bi(v!.introZh, v!.introEn),
    levels: nestVersionRows(
      { levelRows, categoryRows, skillRows },
      {
        skill: (s) => ({
          key: s.key,
          name: bi(s.nameZh, s.nameEn),
          ...(s.descriptionZh || s.descriptionEn ? { description: bi(s.descriptionZh, s.descriptionEn) } : {}),
          ...(s.descriptors ? { descriptors: s.descriptors } : {}),
        }),

        category: (c, skills) => ({ key: c.key, name: bi(c.nameZh, c.nameEn), skills }),
        level: (l, categories) => ({ key: l.key, ...levelTexts(l, bi), categories }),
      },
    ),
    capabilities: capRows.map((c) => ({
      key: c.key,
      name: bi(c.nameZh, c.nameEn),
      description: bi(c.descriptionZh, c.descriptionEn),
      importance: c.importance,
      skills: links
        .filter((k) => k.capabilityId === c.id)
        .map((k) => ({ key: keyOf.get(k.skillId)!, level: k.requiredProficiency })),
    })),
    growthTable: v!.growthTable,
    transitionPath: v!.transitionPath,
    conclusion: bi(v!.conclusionZh, v!.conclusionEn),
  };
  return { doc, retired: new Set(skillRows.filter((s) => s.retiredAt).map((s) => s.key)) };
}
