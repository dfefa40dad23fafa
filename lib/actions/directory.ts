"use server";

import { setGroupMapping } from "@/lib/data/directory";
import { createScimToken, revokeScimToken } from "@/lib/data/scim-tokens";
import { createScimTokenSchema, groupMappingSchema, revokeScimTokenSchema } from "@/lib/validations/directory";

import { action } from "./action";

const page = { revalidate: ["/org/directory"] as ["/org/directory"] };
// A mapping changes teams' members and people's roles: every page may show it.
const everything = { revalidate: ["/", "layout"] as ["/", "layout"] };

export const createScimTokenAction = action(createScimTokenSchema, createScimToken, page);
export const revokeScimTokenAction = action(revokeScimTokenSchema, revokeScimToken, { ...page, reply: () => null });
export const setGroupMappingAction = action(groupMappingSchema, setGroupMapping, { ...everything, reply: () => null });
