"use server";

import { z } from "zod";

import { setGroupMapping } from "@/lib/data/directory";
import { createScimToken, revokeScimToken } from "@/lib/data/scim-tokens";

import { action } from "./action";

// Directory sync on /org/directory. These schemas only type the client's
// call (lib/data/directory.ts and scim-tokens.ts keep theirs to themselves
// and parse the input again).
const createTokenInput = z.object({ name: z.string(), expiresInDays: z.int().nullish() });
const revokeTokenInput = z.object({ tokenId: z.string() });
const mappingInput = z.object({
  groupId: z.string(),
  teamId: z.string().nullable(),
  role: z.enum(["admin", "manager"]).nullable(),
});

const page = { revalidate: ["/org/directory"] as ["/org/directory"] };
// A mapping changes teams' members and people's roles: every page may show it.
const everything = { revalidate: ["/", "layout"] as ["/", "layout"] };

export const createScimTokenAction = action(createTokenInput, createScimToken, page);
export const revokeScimTokenAction = action(revokeTokenInput, revokeScimToken, { ...page, reply: () => null });
export const setGroupMappingAction = action(mappingInput, setGroupMapping, { ...everything, reply: () => null });
