import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";

import { fromRoadmap } from "@/lib/roadmap/document";
import { parseBilingualRoadmap } from "@/lib/roadmap/pair";
import type { RoadmapDocument } from "@/lib/roadmap/types";

import type { DbOrTx } from "../client";
import { writeVersion } from "../framework-store";
import { frameworks, frameworkVersions } from "../schema";
import { MLOPS_CAPABILITIES, type CapabilitySeed } from "./capabilities";
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
 * Writes a roadmap document as a published framework version, unless that
 * version already exists: installing the same document twice inserts nothing
 * the second time.
 */
export async function installFramework(
  db: DbOrTx,
  input: { key: string; version: number; doc: RoadmapDocument; capabilities: CapabilitySeed[] },
): Promise<InstalledFramework> {
  const { key, version, doc } = input;
  const frameworkId = stableUuid("framework", key);
  await db
    .insert(frameworks)
    .values({ id: frameworkId, key, nameZh: doc.title.zh, nameEn: doc.title.en })
    .onConflictDoNothing();
  const [existing] = await db
    .select({ id: frameworkVersions.id })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.frameworkId, frameworkId), eq(frameworkVersions.version, version)));
  if (existing) return { frameworkId, versionId: existing.id, inserted: false };
  const capabilities = input.capabilities.map((c) => ({
    key: c.key,
    name: c.name,
    description: c.description,
    importance: c.importance,
    skills: c.skills.map((s) => ({ key: s.key, level: s.proficiency })),
  }));
  const versionId = await writeVersion(db, {
    frameworkId,
    version,
    status: "published",
    doc: fromRoadmap(doc, key, capabilities),
  });
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
