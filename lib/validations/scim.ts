import { z } from "zod";

import { ENTERPRISE_SCHEMA } from "@/lib/scim/resources";

import { uuidSchema } from "./ids";
import { plainText } from "./text";

// What an IdP may send as a User or a Group (RFC 7643 §4), after a PATCH has
// been applied to the current resource. Attributes Skillgrid does not keep
// (phoneNumbers, addresses, preferredLanguage…) are accepted and ignored;
// what it keeps is checked like any other text.

/** Entra sends booleans as "True" / "False". */
const scimBoolean = z.union([
  z.boolean(),
  z
    .string()
    .regex(/^(true|false)$/i, { message: "Expected true or false." })
    .transform((s) => s.toLowerCase() === "true"),
]);

const optionalText = (max: number) => plainText(max).nullish();

const email = z.object({
  value: z.string(),
  type: z.string().nullish(),
  primary: scimBoolean.nullish(),
});

/** The manager as the enterprise extension carries it: {value: id}, a bare id, or nothing. */
const manager = z
  .union([z.object({ value: z.string().nullish() }).loose(), z.string(), z.null()])
  .transform((m) => {
    const id = typeof m === "string" ? m : m?.value;
    return id ? id : null;
  })
  .pipe(uuidSchema.nullable());

export const scimUserSchema = z
  .object({
    userName: plainText(320).pipe(z.string().min(1, { message: "userName is required." })),
    externalId: optionalText(200),
    displayName: optionalText(200),
    title: optionalText(200),
    active: scimBoolean.optional(),
    name: z
      .object({ formatted: optionalText(200), givenName: optionalText(100), familyName: optionalText(100) })
      .loose()
      .nullish(),
    emails: z.array(email).max(20).nullish(),
    [ENTERPRISE_SCHEMA]: z.object({ manager: manager.optional() }).loose().nullish(),
  })
  .loose();

export type ScimUserInput = z.infer<typeof scimUserSchema>;

export const scimGroupSchema = z
  .object({
    displayName: plainText(200).pipe(z.string().min(1, { message: "displayName is required." })),
    externalId: optionalText(200),
    members: z
      .array(z.object({ value: z.string() }).loose())
      .max(100_000)
      .nullish(),
  })
  .loose();

export type ScimGroupInput = z.infer<typeof scimGroupSchema>;

const EMAIL = z.email().max(254);

/** The one address Skillgrid keeps: the primary one, else the work one, else the first, else a userName that is an email. */
export function chosenEmail(input: ScimUserInput): string | null {
  const emails = input.emails ?? [];
  const pick =
    emails.find((e) => e.primary === true) ?? emails.find((e) => e.type?.toLowerCase() === "work") ?? emails[0];
  const candidate = (pick?.value ?? input.userName).trim().toLowerCase();
  return EMAIL.safeParse(candidate).success ? candidate : null;
}

/** The name people see: displayName, else the formatted or composed name, else the email's local part. */
export function chosenName(input: ScimUserInput, email: string): string {
  const composed = [input.name?.givenName, input.name?.familyName].filter(Boolean).join(" ");
  return input.displayName || input.name?.formatted || composed || email.split("@")[0]!;
}
