import { describe, expect, it } from "vitest";

import {
  claimsFromProfile,
  claimsRefusal,
  normalizedEmail,
  refusalDetails,
  signInProfile,
  type SignInClaims,
} from "@/lib/auth/claims";

// What Skillgrid makes of an identity provider's claims before touching the
// database (lib/auth/claims.ts; lib/auth/admit.ts applies it).
const claims = (over: Partial<SignInClaims> = {}): SignInClaims => ({
  issuer: "https://idp.example",
  subject: "sub-1",
  email: "ann@example.com",
  emailVerified: true,
  ...over,
});
const open = { allowedEmailDomains: [] };

describe("normalized email", () => {
  it("trims and lower-cases, and is empty when the claim is missing or not a string", () => {
    expect(normalizedEmail({ email: "  Ann@Example.COM " })).toBe("ann@example.com");
    expect(normalizedEmail({ email: null })).toBe("");
    expect(normalizedEmail({ email: 42 as unknown as string })).toBe("");
  });
});

describe("refusals the claims alone decide", () => {
  it("admits a verified email when no domain is restricted", () => {
    expect(claimsRefusal(claims(), "ann@example.com", open)).toBeNull();
    expect(claimsRefusal(claims({ emailVerified: "true" }), "ann@example.com", open)).toBeNull();
  });

  it("refuses claims without an issuer, a subject or an email address, or with text that cannot be stored", () => {
    expect(claimsRefusal(claims({ subject: "" }), "ann@example.com", open)).toBe("invalid_claims");
    expect(claimsRefusal(claims(), "not-an-email", open)).toBe("invalid_claims");
    expect(claimsRefusal(claims({ subject: "a\u0000b" }), "ann@example.com", open)).toBe("invalid_claims");
  });

  it("checks in order: valid claims, verified email, allowed domain, hosted domain", () => {
    const strict = { allowedEmailDomains: ["example.com"], hostedDomain: "Example.com" };
    // Unverified and from another domain: the first failing check is reported.
    expect(claimsRefusal(claims({ emailVerified: false }), "bo@other.org", strict)).toBe("email_unverified");
    expect(claimsRefusal(claims(), "bo@other.org", strict)).toBe("domain");
    expect(claimsRefusal(claims({ hostedDomain: null }), "ann@example.com", strict)).toBe("hosted_domain");
    expect(claimsRefusal(claims({ hostedDomain: "EXAMPLE.COM" }), "ann@example.com", strict)).toBeNull();
  });
});

describe("the profile a sign-in writes", () => {
  const now = new Date("2026-11-30T10:00:00Z");

  it("strips control characters from the name and keeps a locale Skillgrid speaks", () => {
    expect(signInProfile(claims({ name: " Ann\u0007 Lee ", locale: "zh-TW" }), "ann@example.com", "Old", now)).toEqual({
      name: "Ann Lee",
      email: "ann@example.com",
      lastSignInAt: now,
      locale: "zh-TW",
    });
  });

  it("falls back to the stored name, then the email, and ignores other locales", () => {
    expect(signInProfile(claims({ name: "\u0001", locale: "fr" }), "ann@example.com", "Ann", now)).toEqual({
      name: "Ann",
      email: "ann@example.com",
      lastSignInAt: now,
    });
    expect(signInProfile(claims(), "ann@example.com", undefined, now).name).toBe("ann@example.com");
  });
});

describe("what a refusal records", () => {
  it("keeps the email and the domain only when they can be stored", () => {
    expect(refusalDetails(claims(), "ann@example.com", "domain")).toEqual({
      actorEmail: "ann@example.com",
      after: { reason: "domain", issuer: "https://idp.example", domain: "example.com" },
    });
    expect(refusalDetails(claims({ issuer: "x\u0000" }), "", "invalid_claims")).toEqual({
      actorEmail: undefined,
      after: { reason: "invalid_claims", issuer: null, domain: null },
    });
  });
});

describe("claims of an OpenID Connect profile", () => {
  it("takes the preferred username when there is no name, and the Workspace domain from hd", () => {
    const profile = { sub: "s", email: "a@b.c", email_verified: "true", preferred_username: "ann", hd: "b.c" };
    expect(claimsFromProfile("https://idp", "acct-1", profile)).toEqual({
      issuer: "https://idp",
      subject: "acct-1",
      email: "a@b.c",
      emailVerified: "true",
      name: "ann",
      locale: undefined,
      hostedDomain: "b.c",
    });
  });
});
