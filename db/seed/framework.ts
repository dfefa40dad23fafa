import { readFileSync } from "node:fs";
import path from "node:path";
import type { DbOrTx } from "../client";
import {
  capabilitySkills,
  categories,
  frameworkVersions,
  frameworks,
  levels,
  platformCapabilities,
  skills,
} from "../schema";
import { parseBilingualRoadmap } from "@/lib/roadmap/pair";
import type { RoadmapDocument } from "@/lib/roadmap/types";
import { type CapabilitySeed, MLOPS_CAPABILITIES } from "./capabilities";
import { stableUuid } from "./ids";

export const DEFAULT_FRAMEWORK_KEY = "mlops-engineer";
const SEED_DIR = path.join(process.cwd(), "db", "seed");

export function loadDefaultRoadmap(): RoadmapDocument {
  return parseBilingualRoadmap(
    readFileSync(path.join(SEED_DIR, "mlops-roadmap.zh-TW.md"), "utf8"),
    readFileSync(path.join(SEED_DIR, "mlops-roadmap.en.md"), "utf8"),
  );
}

export type InstalledFramework = { frameworkId: string; versionId: string; inserted: boolean };

/**
 * Writes a roadmap document as a published framework version. Ids are derived
 * from (framework key, version, item key), so installing the same document
 * twice inserts nothing the second time.
 */
export async function installFramework(
  db: DbOrTx,
  input: { key: string; version: number; doc: RoadmapDocument; capabilities: CapabilitySeed[] },
): Promise<InstalledFramework> {
  const { key, version, doc } = input;
  const id = (...parts: string[]) => stableUuid("framework", key, String(version), ...parts);
  const frameworkId = stableUuid("framework", key);
  const versionId = id("version");

  await db
    .insert(frameworks)
    .values({ id: frameworkId, key, nameZh: doc.title.zh, nameEn: doc.title.en })
    .onConflictDoNothing();
  const inserted = await db
    .insert(frameworkVersions)
    .values({
      id: versionId,
      frameworkId,
      version,
      status: "published",
      titleZh: doc.title.zh,
      titleEn: doc.title.en,
      introZh: doc.intro.zh,
      introEn: doc.intro.en,
      growthTable: doc.growthTable,
      transitionPath: doc.transitionPath,
      conclusionZh: doc.conclusion.zh,
      conclusionEn: doc.conclusion.en,
      publishedAt: new Date(),
    })
    .onConflictDoNothing()
    .returning({ id: frameworkVersions.id });
  if (inserted.length === 0) return { frameworkId, versionId, inserted: false };

  const skillIds = new Map<string, string>();
  const levelRows = doc.levels.map((l, li) => ({
    id: id("level", l.key),
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
  }));
  const categoryRows = doc.levels.flatMap((l) =>
    l.categories.map((c, ci) => ({
      id: id("category", c.key),
      frameworkVersionId: versionId,
      levelId: id("level", l.key),
      key: c.key,
      position: ci,
      nameZh: c.name.zh,
      nameEn: c.name.en,
    })),
  );
  const skillRows = doc.levels.flatMap((l) =>
    l.categories.flatMap((c) =>
      c.skills.map((s, si) => {
        skillIds.set(s.key, id("skill", s.key));
        return {
          id: id("skill", s.key),
          frameworkVersionId: versionId,
          categoryId: id("category", c.key),
          levelId: id("level", l.key),
          key: s.key,
          position: si,
          nameZh: s.name.zh,
          nameEn: s.name.en,
        };
      }),
    ),
  );
  await db.insert(levels).values(levelRows);
  await db.insert(categories).values(categoryRows);
  await db.insert(skills).values(skillRows);

  if (input.capabilities.length > 0) {
    await db.insert(platformCapabilities).values(
      input.capabilities.map((c, i) => ({
        id: id("capability", c.key),
        frameworkVersionId: versionId,
        key: c.key,
        position: i,
        nameZh: c.name.zh,
        nameEn: c.name.en,
        descriptionZh: c.description.zh,
        descriptionEn: c.description.en,
        importance: c.importance,
      })),
    );
    await db.insert(capabilitySkills).values(
      input.capabilities.flatMap((c) =>
        c.skills.map((s) => {
          const skillId = skillIds.get(s.key);
          if (!skillId) throw new Error(`Capability '${c.key}' needs unknown skill '${s.key}'`);
          return { capabilityId: id("capability", c.key), skillId, requiredProficiency: s.proficiency };
        }),
      ),
    );
  }
  return { frameworkId, versionId, inserted: true };
}

export function installDefaultFramework(db: DbOrTx): Promise<InstalledFramework> {
  return installFramework(db, {
    key: DEFAULT_FRAMEWORK_KEY,
    version: 1,
    doc: loadDefaultRoadmap(),
    capabilities: MLOPS_CAPABILITIES,
  });
}
