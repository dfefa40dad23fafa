import { z } from "zod";

import { uuidSchema } from "./ids";
import { plainText } from "./text";

// Inputs of /org/directory (lib/data/scim-tokens.ts, lib/data/directory.ts).

export const createScimTokenSchema = z.strictObject({
  name: plainText(80).pipe(z.string().min(1, { message: "Give the token a name." })),
  /** Days until it stops working; none = until revoked. */
  expiresInDays: z.int().min(1).max(3650).nullish(),
});

export const revokeScimTokenSchema = z.strictObject({ tokenId: uuidSchema });

export const groupMappingSchema = z.strictObject({
  groupId: uuidSchema,
  /** A team whose membership becomes the group's, or null. */
  teamId: uuidSchema.nullable(),
  /** A role the group's members get, or null. */
  role: z.enum(["admin", "manager"], { message: "Choose admin or manager." }).nullable(),
});
