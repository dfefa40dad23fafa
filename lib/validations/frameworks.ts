import { z } from "zod";

import { uuidSchema } from "./ids";
import { plainText, storableText } from "./text";

const text = (max: number, min = 0) =>
  plainText(max).pipe(z.string().trim().min(min, { message: "Give the skill a name." }));
export const importFrameworkSchema = z.strictObject({
  format: z.enum(["markdown", "json", "yaml"], { message: "format is markdown, json or yaml." }),
  content: z
    .string()
    .min(1, { message: "The file is empty." })
    .max(1_000_000, { message: "The file is larger than 1 MB." })
    .refine(storableText, { message: "The file contains NUL characters or invalid Unicode." }),
  apply: z.boolean(),
});
export const frameworkIdSchema = z.strictObject({ frameworkId: uuidSchema });
export const exportFrameworkSchema = z.strictObject({
  frameworkId: uuidSchema,
  format: z.enum(["markdown-en", "markdown-zh", "json", "yaml"]),
});
export const updateDraftSkillSchema = z.strictObject({
  frameworkId: uuidSchema,
  skillKey: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,119}$/, { message: "Unknown skill." }),
  nameEn: text(300, 1),
  nameZh: text(300, 1),
  descriptionEn: text(2000),
  descriptionZh: text(2000),
  categoryKey: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,119}$/, { message: "Unknown category." }),
  retired: z.boolean(),
  // Optimistic concurrency: the draft version the editor read.
  lockVersion: z.int().min(1),
});
// Discarding claims the draft version the editor read, like the edits do.
export const discardDraftSchema = z.strictObject({ frameworkId: uuidSchema, lockVersion: z.int().min(1) });
export const moveDraftSkillSchema = z.strictObject({
  frameworkId: uuidSchema,
  skillKey: z.string().max(120),
  direction: z.enum(["up", "down"]),
});
export const switchTeamVersionSchema = z.strictObject({ teamId: uuidSchema, versionId: uuidSchema });
