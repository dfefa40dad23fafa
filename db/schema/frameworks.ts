import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

import { bilingualText, bilingualTextOrEmpty, lockVersion, timestamps, uuidId, uuidRef } from "./columns";
import { frameworkStatus } from "./enums";
import { users } from "./users";

/** Text kept in both shipped languages. */
export type Bilingual = { zh: string; en: string };
export type GrowthStage = { stage: Bilingual; focus: Bilingual };
export type TransitionPath = { title: Bilingual; intro: Bilingual; steps: Bilingual[] };
/** Optional per-proficiency descriptors, index 0..4. */
export type SkillDescriptors = Bilingual[];

// A framework is a family of versions (e.g. "MLOps engineer"). Ratings point
// at (framework, skill key), so they survive new versions of the roadmap.
export const frameworks = pgTable(
  "frameworks",
  {
    ...uuidId(),
    key: text().notNull(),
    ...bilingualText("name"),
    ...timestamps,
  },
  (t) => [uniqueIndex("frameworks_key_key").on(t.key)],
);

export const frameworkVersions = pgTable(
  "framework_versions",
  {
    ...uuidId(),
    frameworkId: uuidRef(() => frameworks.id),
    version: integer().notNull(),
    status: frameworkStatus().notNull().default("draft"),
    ...bilingualText("title"),
    ...bilingualTextOrEmpty("intro"),
    growthTable: jsonb().$type<GrowthStage[]>().notNull().default([]),
    transitionPath: jsonb().$type<TransitionPath | null>(),
    ...bilingualTextOrEmpty("conclusion"),
    publishedAt: timestamp({ withTimezone: true }),
    publishedById: uuid().references(() => users.id),
    ...lockVersion,
    ...timestamps,
  },
  (t) => [
    uniqueIndex("framework_versions_framework_version_key").on(t.frameworkId, t.version),
    index("framework_versions_status_idx").on(t.frameworkId, t.status),
  ],
);

// The rows a framework version is made of (levels, categories, skills,
// capabilities) belong to it: deleted with it, ordered by position, named in
// both languages, keyed by a key unique within the version.
const partOfVersion = () => ({ frameworkVersionId: uuidRef(() => frameworkVersions.id, { onDelete: "cascade" }) });
const keyedByPosition = () => ({ key: text().notNull(), position: smallint().notNull(), ...bilingualText("name") });
const uniqueKeyInVersion = (name: string, t: { frameworkVersionId: AnyPgColumn; key: AnyPgColumn }) =>
  uniqueIndex(name).on(t.frameworkVersionId, t.key);

export const levels = pgTable(
  "levels",
  {
    ...uuidId(),
    ...partOfVersion(),
    ...keyedByPosition(),
    // The one-line character of the level ("the executor who writes features").
    ...bilingualTextOrEmpty("tagline"),
    ...bilingualTextOrEmpty("summary"),
    ...bilingualTextOrEmpty("workStyle"),
    ...bilingualTextOrEmpty("workStyleNote"),
    ...timestamps,
  },
  (t) => [
    uniqueKeyInVersion("levels_version_key_key", t),
    index("levels_version_position_idx").on(t.frameworkVersionId, t.position),
  ],
);

export const categories = pgTable(
  "categories",
  {
    ...uuidId(),
    ...partOfVersion(),
    levelId: uuidRef(() => levels.id, { onDelete: "cascade" }),
    ...keyedByPosition(),
    ...timestamps,
  },
  (t) => [uniqueKeyInVersion("categories_version_key_key", t), index("categories_level_idx").on(t.levelId, t.position)],
);

export const skills = pgTable(
  "skills",
  {
    ...uuidId(),
    ...partOfVersion(),
    categoryId: uuidRef(() => categories.id, { onDelete: "cascade" }),
    // The career level at which the roadmap expects this skill.
    levelId: uuidRef(() => levels.id, { onDelete: "cascade" }),
    // The key is stable across versions: ratings reference (framework, key).
    ...keyedByPosition(),
    ...bilingualTextOrEmpty("description"),
    descriptors: jsonb().$type<SkillDescriptors | null>(),
    retiredAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueKeyInVersion("skills_version_key_key", t), index("skills_category_idx").on(t.categoryId, t.position)],
);

// Named target capabilities ("model registry", "canary / shadow / A-B
// serving") that a team's platform vision is expressed in.
export const platformCapabilities = pgTable(
  "platform_capabilities",
  {
    ...uuidId(),
    ...partOfVersion(),
    ...keyedByPosition(),
    ...bilingualTextOrEmpty("description"),
    // 1 (nice to have) .. 3 (critical); feeds the priority score.
    importance: smallint().notNull().default(2),
    ...timestamps,
  },
  (t) => [uniqueKeyInVersion("platform_capabilities_version_key_key", t)],
);

export const capabilitySkills = pgTable(
  "capability_skills",
  {
    capabilityId: uuidRef(() => platformCapabilities.id, { onDelete: "cascade" }),
    skillId: uuidRef(() => skills.id, { onDelete: "cascade" }),
    // Proficiency (0..4) the capability needs on this skill.
    requiredProficiency: smallint().notNull().default(3),
  },
  (t) => [primaryKey({ columns: [t.capabilityId, t.skillId] }), index("capability_skills_skill_idx").on(t.skillId)],
);

export type Framework = typeof frameworks.$inferSelect;
export type FrameworkVersion = typeof frameworkVersions.$inferSelect;
export type Level = typeof levels.$inferSelect;
export type Category = typeof categories.$inferSelect;
export type Skill = typeof skills.$inferSelect;
export type PlatformCapability = typeof platformCapabilities.$inferSelect;
