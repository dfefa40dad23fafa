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
} from "drizzle-orm/pg-core";
import { lockVersion, timestamps } from "./columns";
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
    id: uuid().primaryKey().defaultRandom(),
    key: text().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("frameworks_key_key").on(t.key)],
);

export const frameworkVersions = pgTable(
  "framework_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    frameworkId: uuid()
      .notNull()
      .references(() => frameworks.id),
    version: integer().notNull(),
    status: frameworkStatus().notNull().default("draft"),
    titleZh: text().notNull(),
    titleEn: text().notNull(),
    introZh: text().notNull().default(""),
    introEn: text().notNull().default(""),
    growthTable: jsonb().$type<GrowthStage[]>().notNull().default([]),
    transitionPath: jsonb().$type<TransitionPath | null>(),
    conclusionZh: text().notNull().default(""),
    conclusionEn: text().notNull().default(""),
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

export const levels = pgTable(
  "levels",
  {
    id: uuid().primaryKey().defaultRandom(),
    frameworkVersionId: uuid()
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: "cascade" }),
    key: text().notNull(),
    position: smallint().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    // The one-line character of the level ("the executor who writes features").
    taglineZh: text().notNull().default(""),
    taglineEn: text().notNull().default(""),
    summaryZh: text().notNull().default(""),
    summaryEn: text().notNull().default(""),
    workStyleZh: text().notNull().default(""),
    workStyleEn: text().notNull().default(""),
    workStyleNoteZh: text().notNull().default(""),
    workStyleNoteEn: text().notNull().default(""),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("levels_version_key_key").on(t.frameworkVersionId, t.key),
    index("levels_version_position_idx").on(t.frameworkVersionId, t.position),
  ],
);

export const categories = pgTable(
  "categories",
  {
    id: uuid().primaryKey().defaultRandom(),
    frameworkVersionId: uuid()
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: "cascade" }),
    levelId: uuid()
      .notNull()
      .references(() => levels.id, { onDelete: "cascade" }),
    key: text().notNull(),
    position: smallint().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("categories_version_key_key").on(t.frameworkVersionId, t.key),
    index("categories_level_idx").on(t.levelId, t.position),
  ],
);

export const skills = pgTable(
  "skills",
  {
    id: uuid().primaryKey().defaultRandom(),
    frameworkVersionId: uuid()
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: "cascade" }),
    categoryId: uuid()
      .notNull()
      .references(() => categories.id, { onDelete: "cascade" }),
    // The career level at which the roadmap expects this skill.
    levelId: uuid()
      .notNull()
      .references(() => levels.id, { onDelete: "cascade" }),
    // Stable across versions: ratings reference (framework, key).
    key: text().notNull(),
    position: smallint().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    descriptionZh: text().notNull().default(""),
    descriptionEn: text().notNull().default(""),
    descriptors: jsonb().$type<SkillDescriptors | null>(),
    retiredAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("skills_version_key_key").on(t.frameworkVersionId, t.key),
    index("skills_category_idx").on(t.categoryId, t.position),
  ],
);

// Named target capabilities ("model registry", "canary / shadow / A-B
// serving") that a team's platform vision is expressed in.
export const platformCapabilities = pgTable(
  "platform_capabilities",
  {
    id: uuid().primaryKey().defaultRandom(),
    frameworkVersionId: uuid()
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: "cascade" }),
    key: text().notNull(),
    position: smallint().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    descriptionZh: text().notNull().default(""),
    descriptionEn: text().notNull().default(""),
    // 1 (nice to have) .. 3 (critical); feeds the priority score.
    importance: smallint().notNull().default(2),
    ...timestamps,
  },
  (t) => [uniqueIndex("platform_capabilities_version_key_key").on(t.frameworkVersionId, t.key)],
);

export const capabilitySkills = pgTable(
  "capability_skills",
  {
    capabilityId: uuid()
      .notNull()
      .references(() => platformCapabilities.id, { onDelete: "cascade" }),
    skillId: uuid()
      .notNull()
      .references(() => skills.id, { onDelete: "cascade" }),
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
