"use server";

import { createPersonalToken, createServiceToken, revokeApiToken } from "@/lib/data/api-tokens";
import {
  createPersonalTokenSchema,
  createServiceTokenSchema,
  revokeApiTokenSchema,
} from "@/lib/validations/api-tokens";

import { action } from "./action";

// The new token goes back once, to the form that shows it; it is never readable again.
export const createPersonalTokenAction = action(createPersonalTokenSchema, createPersonalToken, {
  revalidate: ["/me/api"],
});
export const createServiceTokenAction = action(createServiceTokenSchema, createServiceToken, {
  revalidate: ["/org/api"],
});
// A token is revoked from /me/api or /org/api (an admin's own personal tokens are on both).
export const revokeApiTokenAction = action(revokeApiTokenSchema, revokeApiToken, {
  revalidate: ["/", "layout"],
  reply: () => null,
});
