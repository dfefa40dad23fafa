import { z } from "zod";

import { uuidSchema } from "./ids";
import { plainText } from "./text";

const name = plainText(80).pipe(z.string().trim().min(1, { message: "Give the team a name." }));
const description = plainText(300).pipe(z.string().trim()).default("");
const levelKey = z
  .string()
  .regex(/^[a-z0-9-]{1,40}$/, { message: "Unknown level." })
  .nullable();

export const createTeamSchema = z.strictObject({ name, description });
export const updateTeamSchema = z.strictObject({ teamId: uuidSchema, name, description, lockVersion: z.int().min(1) });
export const archiveTeamSchema = z.strictObject({ teamId: uuidSchema });
export const addTeamMemberSchema = z.strictObject({
  teamId: uuidSchema,
  email: z
    .email({ message: "Enter an email address." })
    .max(254)
    .transform((e) => e.toLowerCase()),
});
export const removeTeamMemberSchema = z.strictObject({ teamId: uuidSchema, userId: uuidSchema });
export const updateTeamMemberSchema = z.strictObject({
  teamId: uuidSchema,
  userId: uuidSchema,
  isLead: z.boolean().optional(),
  currentLevelKey: levelKey.optional(),
  targetLevelKey: levelKey.optional(),
});
