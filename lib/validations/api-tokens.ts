import { z } from "zod";

import { API_SCOPES, MAX_TOKEN_DAYS, type ApiScope } from "@/lib/api/scopes";
import type { PermissionSubject } from "@/lib/permissions";

import { uuidSchema } from "./ids";
import { plainText } from "./text";

// Inputs of /me/api and /org/api (lib/data/api-tokens.ts).

/** Days a new token lives when the form says nothing. */
export const DEFAULT_TOKEN_DAYS = 90;

const nameSchema = plainText(80).pipe(z.string().min(1, { message: "Give the token a name." }));
const scopesSchema = z
  .array(z.enum(API_SCOPES, { message: "Not a known scope." }))
  .min(1, { message: "Choose at least one scope." })
  .max(API_SCOPES.length)
  .transform((s) => [...new Set(s)]);
/** Days until it stops working: left out, DEFAULT_TOKEN_DAYS; null, until revoked. */
const expiresSchema = z
  .int({ message: `Give a whole number of days from 1 to ${MAX_TOKEN_DAYS}.` })
  .min(1, { message: `Give a whole number of days from 1 to ${MAX_TOKEN_DAYS}.` })
  .max(MAX_TOKEN_DAYS, { message: `Give a whole number of days from 1 to ${MAX_TOKEN_DAYS}.` })
  .nullable()
  .default(DEFAULT_TOKEN_DAYS);

export const createPersonalTokenSchema = z.strictObject({
  name: nameSchema,
  scopes: scopesSchema,
  expiresInDays: expiresSchema,
});

export const createServiceTokenSchema = z.strictObject({
  name: nameSchema,
  scopes: scopesSchema,
  expiresInDays: expiresSchema,
  /** null: the whole organisation; else the teams it acts on, as their lead. */
  teamIds: z
    .array(uuidSchema)
    .min(1, { message: "Choose at least one team, or the whole organisation." })
    .max(500)
    .transform((ids) => [...new Set(ids)])
    .nullable(),
});

export const revokeApiTokenSchema = z.strictObject({ tokenId: uuidSchema });

/**
 * The scopes that can do something for this person: everyone reads and
 * rates (their own ratings); targets are for admins and team leads; the
 * admin endpoints for admins. A token is never offered more.
 */
export function usableScopes(person: PermissionSubject): ApiScope[] {
  return API_SCOPES.filter((scope) => {
    if (scope === "admin") return person.role === "admin";
    if (scope === "plan") return person.role === "admin" || person.leadTeamIds.length > 0;
    return true;
  });
}

/** A service token on some teams acts as their lead, never org-wide: the admin endpoints would refuse it. */
export function usableServiceScopes(teamIds: readonly string[] | null): ApiScope[] {
  return teamIds ? API_SCOPES.filter((s) => s !== "admin") : [...API_SCOPES];
}
