import { z } from "zod";

import { userRole } from "@/db/schema";

import { uuidSchema } from "./ids";

export const setUserRoleSchema = z.strictObject({
  userId: uuidSchema,
  role: z.enum(userRole.enumValues, { message: "Choose admin, manager or member." }),
});

export const setUserDisabledSchema = z.strictObject({
  userId: uuidSchema,
  disabled: z.boolean({ message: "Expected true or false." }),
});

export const revokeSessionsSchema = z.strictObject({ userId: uuidSchema });
