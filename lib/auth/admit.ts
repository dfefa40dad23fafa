import "server-only";

import { and, eq, isNull, sql } from "drizzle-orm";

import { getDb, type Tx } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { users } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { metrics } from "@/lib/observability/metrics";
import { consumeRateLimit, LIMITS } from "@/lib/server/rate-limit";

import {
  claimsRefusal,
  normalizedEmail,
  refusalDetails,
  signInProfile,
  type RefusalReason,
  type SignInClaims,
} from "./claims";

export type { RefusalReason, SignInClaims } from "./claims";
export type Admission = { ok: true; userId: string } | { ok: false; reason: RefusalReason };
type UserRow = typeof users.$inferSelect;

/**
 * Decides whether an identity from the IdP may enter, and records the user.
 * Users are keyed by issuer + subject. A pre-provisioned row (added to a team
 * by email, never signed in: no issuer/subject) is claimed by the first
 * verified sign-in with that email from an allowed domain; a row already
 * bound to another identity is never re-linked by email.
 */
export async function admitSignIn(claims: SignInClaims): Promise<Admission> {
  const env = getEnv();
  const email = normalizedEmail(claims);
  const policy = { allowedEmailDomains: env.ALLOWED_EMAIL_DOMAINS, hostedDomain: env.OIDC_HOSTED_DOMAIN };
  const refused = claimsRefusal(claims, email, policy);
  if (refused) return recordRefusal(claims, email, refused);
  try {
    await consumeRateLimit(`sign-in:${claims.issuer}:${claims.subject}`, LIMITS.signIn);
  } catch {
    return recordRefusal(claims, email, "rate_limited");
  }
  return getDb().transaction(async (tx) => {
    const [bound] = await tx
      .select()
      .from(users)
      .where(and(eq(users.issuer, claims.issuer), eq(users.subject, claims.subject)));
    const [byEmail] = bound
      ? [bound]
      : await tx
          .select()
          .from(users)
          .where(sql`lower(${users.email}) = ${email}`);
    const boundElsewhere = byEmail && byEmail.issuer && byEmail !== bound;
    if (boundElsewhere) return refuseUser(tx, claims, email, byEmail, "identity_conflict");
    if (byEmail?.disabled) return refuseUser(tx, claims, email, byEmail, "disabled");
    const bootstrapAdmin = env.ADMIN_EMAILS.includes(email);
    const profile = signInProfile(claims, email, byEmail?.name, new Date());
    const userId = byEmail
      ? await updateAtSignIn(tx, claims, byEmail, profile, bootstrapAdmin)
      : await createAtSignIn(tx, claims, profile, bootstrapAdmin);
    metrics().signIns.inc({ outcome: "admitted" });
    return { ok: true as const, userId };
  });
}

/** A known user who may not sign in (bound to another identity, or disabled), with its audit row. */
async function refuseUser(
  tx: Tx,
  claims: SignInClaims,
  email: string,
  user: UserRow,
  reason: "identity_conflict" | "disabled",
): Promise<Admission> {
  // The identity that tried to sign in, not the one the row is bound to.
  const after = reason === "identity_conflict" ? { reason, issuer: claims.issuer } : { reason };
  const refusal = { action: "auth.refused", entityType: "user", entityId: user.id, after };
  await writeAudit(tx, { actor: null, actorEmail: email, ...refusal });
  return { ok: false, reason };
}

type Profile = ReturnType<typeof signInProfile>;

/** A first sign-in without a row: the user is created (an admin when listed in ADMIN_EMAILS). */
async function createAtSignIn(tx: Tx, claims: SignInClaims, profile: Profile, bootstrapAdmin: boolean) {
  const [created] = await tx
    .insert(users)
    .values({ ...profile, issuer: claims.issuer, subject: claims.subject, role: bootstrapAdmin ? "admin" : "member" })
    .returning();
  const after = { email: profile.email, role: created!.role };
  const audit = { action: "user.created_at_sign_in", entityType: "user", entityId: created!.id, after };
  await writeAudit(tx, { actor: created!, ...audit });
  return created!.id;
}

/** A known user signs in: the profile is refreshed, a pre-provisioned row linked, a listed admin promoted. */
async function updateAtSignIn(tx: Tx, claims: SignInClaims, user: UserRow, profile: Profile, bootstrapAdmin: boolean) {
  const linking = !user.issuer;
  const promote = bootstrapAdmin && user.role !== "admin";
  await tx
    .update(users)
    .set({ ...profile, issuer: claims.issuer, subject: claims.subject, ...(promote ? { role: "admin" as const } : {}) })
    .where(and(eq(users.id, user.id), linking ? isNull(users.issuer) : eq(users.subject, claims.subject)));
  const actor = { id: user.id, email: profile.email };
  if (linking || promote) {
    await writeAudit(tx, {
      actor,
      action: linking ? "user.linked_at_sign_in" : "user.bootstrap_admin",
      entityType: "user",
      entityId: user.id,
      before: { issuer: user.issuer, role: user.role },
      after: { issuer: claims.issuer, role: promote ? "admin" : user.role },
    });
  }
  await writeAudit(tx, { actor, action: "auth.signed_in", entityType: "user", entityId: user.id });
  return user.id;
}

async function recordRefusal(claims: SignInClaims, email: string, reason: RefusalReason): Promise<Admission> {
  metrics().signIns.inc({ outcome: `refused:${reason}` });
  const { actorEmail, after } = refusalDetails(claims, email, reason);
  await getDb().transaction((tx) =>
    writeAudit(tx, { actor: null, actorEmail, action: "auth.refused", entityType: "sign_in", entityId: null, after }),
  );
  return { ok: false, reason };
}
