import { pgEnum } from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["admin", "manager", "member"]);
export const frameworkStatus = pgEnum("framework_status", ["draft", "published", "retired"]);
// Who recorded a rating: the member about themself, or a lead validating it.
export const raterKind = pgEnum("rater_kind", ["self", "manager"]);
export const targetKind = pgEnum("target_kind", ["capability", "skill"]);
export const cycleStatus = pgEnum("cycle_status", ["planned", "open", "closed"]);
export const planRecommendation = pgEnum("plan_recommendation", ["train", "hire", "train_hire"]);

export const LOCALES = ["zh-TW", "en"] as const;
export type Locale = (typeof LOCALES)[number];
