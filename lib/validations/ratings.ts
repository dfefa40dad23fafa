import { z } from "zod";

import { uuidSchema } from "./ids";
import { noteSchema } from "./text";

export const skillKeySchema = z
  .string()
  .min(1, { message: "Choose a skill." })
  .max(200)
  .regex(/^[a-z0-9.-]+$/, { message: "Unknown skill." });
const proficiency = z
  .int({ message: "Proficiency is a whole number from 0 to 4." })
  .min(0, { message: "Proficiency is 0 to 4." })
  .max(4, { message: "Proficiency is 0 to 4." });

export const EVIDENCE_MAX = 1000;

// Self ratings never carry a user id: the rater is always the caller.
// No evidence (undefined) keeps the last stored note; null clears it.
export const saveSelfRatingSchema = z.strictObject({
  skillKey: skillKeySchema,
  value: z.union([z.literal("na"), proficiency], { message: "Choose 0–4 or not applicable." }),
  interest: z
    .int()
    .min(0, { message: "Interest is 0, 1 or 2." })
    .max(2, { message: "Interest is 0, 1 or 2." })
    .nullable(),
  evidence: noteSchema(EVIDENCE_MAX).optional(),
  requestId: uuidSchema,
});
export type SaveSelfRatingInput = z.input<typeof saveSelfRatingSchema>;

export const confirmStaleSchema = z.strictObject({
  skillKeys: z.array(skillKeySchema).max(1000).optional(),
});

export const validateRatingSchema = z.strictObject({
  teamId: uuidSchema,
  userId: uuidSchema,
  skillKey: skillKeySchema,
  proficiency,
  comment: noteSchema(500),
  requestId: uuidSchema,
});
