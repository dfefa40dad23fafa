// What an identity provider says about a person, and what Skillgrid makes of
// it before touching the database: pure, so each rule has its unit test
// (tests/unit/sign-in-claims.test.ts). lib/auth/admit.ts applies them.
import { storableText } from "@/lib/validations/text";

export type SignInClaims = {
  issuer: string;
  subject: string;
  email: string | null | undefined;
  emailVerified: unknown;
  name?: string | null;
  locale?: string | null;
  /** Google Workspace hosted domain claim. */
  hostedDomain?: string | null;
};

export type RefusalReason =
  | "email_unverified"
  | "domain"
  | "hosted_domain"
  | "disabled"
  | "identity_conflict"
  | "invalid_claims"
  | "rate_limited";

/** Who may sign in, from the environment (ALLOWED_EMAIL_DOMAINS, OIDC_HOSTED_DOMAIN). */
export type SignInPolicy = { allowedEmailDomains: string[]; hostedDomain?: string | null };

/** The ID token's claims as the OpenID Connect provider returns them. */
export type OidcProfile = {
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
  preferred_username?: string;
  locale?: string;
  hd?: string;
};

export const emailDomain = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

/** The email as users are matched by it: trimmed, lower case; "" when the claim is not a string. */
export function normalizedEmail(claims: Pick<SignInClaims, "email">): string {
  return typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
}

/**
 * Why the claims alone refuse the sign-in (checked in this order), or null:
 * an identity and an email that can be stored, a verified email, an allowed
 * domain, and the Workspace the provider is restricted to.
 */
export function claimsRefusal(claims: SignInClaims, email: string, policy: SignInPolicy): RefusalReason | null {
  const identified = claims.issuer && claims.subject && /^[^@\s]+@[^@\s]+$/.test(email);
  if (!identified || ![claims.issuer, claims.subject, email].every(storableText)) return "invalid_claims";
  if (claims.emailVerified !== true && claims.emailVerified !== "true") return "email_unverified";
  const domains = policy.allowedEmailDomains;
  if (domains.length > 0 && !domains.includes(emailDomain(email))) return "domain";
  const workspace = policy.hostedDomain?.toLowerCase();
  if (workspace && claims.hostedDomain?.toLowerCase() !== workspace) return "hosted_domain";
  return null;
}

/**
 * The user row's profile columns after this sign-in: the provider's name
 * without control characters (else the stored name, else the email), and the
 * provider's locale when Skillgrid speaks it.
 */
export function signInProfile(claims: SignInClaims, email: string, storedName: string | undefined, now: Date) {
  return {
    name: claims.name?.replace(/[\u0000-\u001f\u007f]/g, "").trim() || storedName || email,
    email,
    lastSignInAt: now,
    ...(claims.locale === "zh-TW" || claims.locale === "en" ? { locale: claims.locale } : {}),
  };
}

/** The refusal's audit details: nothing that could not be stored, the email's domain only. */
export function refusalDetails(claims: Pick<SignInClaims, "issuer">, email: string, reason: RefusalReason) {
  return {
    actorEmail: storableText(email) ? email || undefined : undefined,
    after: {
      reason,
      issuer: storableText(claims.issuer ?? "") ? claims.issuer : null,
      domain: email && storableText(email) ? emailDomain(email) : null,
    },
  };
}

/** The claims of an OpenID Connect sign-in (the subject is the provider account id). */
export function claimsFromProfile(issuer: string, subject: string, p: OidcProfile): SignInClaims {
  return {
    issuer,
    subject,
    email: p.email,
    emailVerified: p.email_verified,
    name: p.name ?? p.preferred_username,
    locale: p.locale,
    hostedDomain: p.hd,
  };
}
