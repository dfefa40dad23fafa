import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { capabilitySkills, categories, frameworkVersions, levels, platformCapabilities, skills } from "./schema";
import type { FrameworkDocument } from "@/lib/roadmap/document";

// Framework versions to and from the interchange document, for the seed and
// the data layer (no permission checks here: callers check).

export async function writeVersion(
  tx: DbOrTx,
  input: { frameworkId: string; version: number; status: "draft" | "published"; doc: FrameworkDocument; retired?: Set<string> },
): Promise<string> {
  const { doc } = input;
  const [v] = await tx
    .insert(frameworkVersions)
    .values({
      frameworkId: input.frameworkId,
      version: input.version,
      status: input.status,
      titleZh: doc.title.zh,
      titleEn: doc.title.en,
      introZh: doc.intro.zh,
      introEn: doc.intro.en,
      growthTable: doc.growthTable,
      transitionPath: doc.transitionPath,
      conclusionZh: doc.conclusion.zh,
      conclusionEn: doc.conclusion.en,
      publishedAt: input.status === "published" ? new Date() : null,
    })
    .returning({ id: frameworkVersions.id });
  const versionId = v!.id;
  const skillIds = new Map<string, string>();
  for (const [li, l] of doc.levels.entries()) {
    const [level] = await tx
      .insert(levels)
      .values({
        frameworkVersionId: versionId,
        key: l.key,
        position: li,
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
    for (const [ci, c] of l.categories.entries()) {
      const [category] = await tx
        .insert(categories)
        .values({ frameworkVersionId: versionId, levelId: level!.id, key: c.key, position: ci, nameZh: c.name.zh, nameEn: c.name.en })
        .returning({ id: categories.id });
      const rows = await tx
        .insert(skills)
        .values(
          c.skills.map((s, si) => ({
            frameworkVersionId: versionId,
            categoryId: category!.id,
            levelId: level!.id,
            key: s.key,
            position: si,
            nameZh: s.name.zh,
            nameEn: s.name.en,
            descriptionZh: s.description?.zh ?? "",
            descriptionEn: s.description?.en ?? "",
            descriptors: s.descriptors ?? null,
            retiredAt: input.retired?.has(s.key) ? new Date() : null,
          })),
        )
        .returning({ id: skills.id, key: skills.key });
      for (const r of rows) skillIds.set(r.key, r.id);
    }
  }
  for (const [i, c] of doc.capabilities.entries()) {
    const [cap] = await tx
      .insert(platformCapabilities)
      .values({ frameworkVersionId: versionId, key: c.key, position: i, nameZh: c.name.zh, nameEn: c.name.en, descriptionZh: c.description.zh, descriptionEn: c.description.en, importance: c.importance })
      .returning({ id: platformCapabilities.id });
    await tx.insert(capabilitySkills).values(c.skills.map((s) => ({ capabilityId: cap!.id, skillId: skillIds.get(s.key)!, requiredProficiency: s.level })));
  }
  return versionId;
}

/** A stored version as a document, plus the keys of its retired skills. */
export async function readVersion(tx: DbOrTx, versionId: string, frameworkKey: string): Promise<{ doc: FrameworkDocument; retired: Set<string> }> {
  const [v] = await tx.select().from(frameworkVersions).where(eq(frameworkVersions.id, versionId));
  const [levelRows, categoryRows, skillRows, capRows] = await Promise.all([
    tx.select().from(levels).where(eq(levels.frameworkVersionId, versionId)).orderBy(asc(levels.position)),
    tx.select().from(categories).where(eq(categories.frameworkVersionId, versionId)).orderBy(asc(categories.position)),
    tx.select().from(skills).where(eq(skills.frameworkVersionId, versionId)).orderBy(asc(skills.position)),
    tx.select().from(platformCapabilities).where(eq(platformCapabilities.frameworkVersionId, versionId)).orderBy(asc(platformCapabilities.position)),
  ]);
  const links = capRows.length ? await tx.select().from(capabilitySkills).where(inArray(capabilitySkills.capabilityId, capRows.map((c) => c.id))) : [];
  const keyOf = new Map(skillRows.map((s) => [s.id, s.key]));
  const bi = (zh: string, en: string) => ({ zh, en });
  const doc: FrameworkDocument = {
    format: "skillgrid.framework",
    version: 1,
    key: frameworkKey,
    title: bi(v!.titleZh, v!.titleEn),
    intro: bi(v!.introZh, v!.introEn),
    levels: levelRows.map((l) => ({
      key: l.key,
      name: bi(l.nameZh, l.nameEn),
      tagline: bi(l.taglineZh, l.taglineEn),
      summary: bi(l.summaryZh, l.summaryEn),
      workStyle: bi(l.workStyleZh, l.workStyleEn),
      workStyleNote: bi(l.workStyleNoteZh, l.workStyleNoteEn),
      categories: categoryRows
        .filter((c) => c.levelId === l.id)
        .map((c) => ({
          key: c.key,
          name: bi(c.nameZh, c.nameEn),
          skills: skillRows
            .filter((s) => s.categoryId === c.id)
            .map((s) => ({
              key: s.key,
              name: bi(s.nameZh, s.nameEn),
              ...(s.descriptionZh || s.descriptionEn ? { description: bi(s.descriptionZh, s.descriptionEn) } : {}),
              ...(s.descriptors ? { descriptors: s.descriptors } : {}),
            })),
        })),
    })),
    capabilities: capRows.map((c) => ({
      key: c.key,
      name: bi(c.nameZh, c.nameEn),
      description: bi(c.descriptionZh, c.descriptionEn),
      importance: c.importance,
      skills: links.filter((k) => k.capabilityId === c.id).map((k) => ({ key: keyOf.get(k.skillId)!, level: k.requiredProficiency })),
    })),
    growthTable: v!.growthTable,
    transitionPath: v!.transitionPath,
    conclusion: bi(v!.conclusionZh, v!.conclusionEn),
  };
  return { doc, retired: new Set(skillRows.filter((s) => s.retiredAt).map((s) => s.key)) };
}
