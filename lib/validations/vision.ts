import { z } from "zod";

import { uuidSchema } from "./ids";
import { quarterSchema } from "./quarters";

const key = z.string().regex(/^[a-z0-9.-]{1,200}$/, { message: "Unknown capability or skill." });

export const createTargetSchema = z.strictObject({
  teamId: uuidSchema,
  kind: z.enum(["capability", "skill"], { message: "Choose a capability or a skill." }),
  key,
  level: z.int().min(1, { message: "Level is 1 to 4." }).max(4, { message: "Level is 1 to 4." }),
  headcount: z.int().min(1, { message: "At least one person." }).max(50, { message: "At most 50 people." }),
  targetQuarter: quarterSchema,
  importance: z.int().min(1).max(3).optional(),
});

export const archiveTargetSchema = z.strictObject({ teamId: uuidSchema, targetId: uuidSchema });

export const acceptItemSchema = z.strictObject({ teamId: uuidSchema, targetId: uuidSchema, skillKey: key });
