import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { writeAudit } from "@/lib/data/audit";
import { getEnv } from "@/lib/env";
import { metrics } from "@/lib/observability/metrics";
import { storableText } from "@/lib/validations/text";
import { consumeRateLimit, LIMITS } from "@/lib/data/rate-limit";

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

export type RefusalReason = "email_unverified" | "domain" | "hosted_domain" | "disabled" | "identity_conflict" | "invalid_claims" | "rate_limited";
export type Admission = { ok: true; userId: string } | { ok: false; reason: RefusalReason };

const emailDomain = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

/**
 * Decides whether an identity from the IdP may enter, and records the user.
 * Users are keyed by issuer + subject. A pre-provisioned row (added to a team
 * by email, never signed in: no issuer/subject) is claimed by the first
 * verified sign-in with that email from an allowed domain; a row already
 * bound to another identity is never re-linked by email.
 */
export async function admitSignIn(claims: SignInClaims): Promise<Admission> {
  const env = getEnv();
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  const refuse = (reason: RefusalReason) => recordRefusal(claims, email, reason);

  if (!claims.issuer || !claims.subject || !/^[^@\s]+@[^@\s]+$/.test(email) || ![claims.issuer, claims.subject, email].every(storableText)) {
    return refuse("invalid_claims");
  }
  if (claims.emailVerified !== true && claims.emailVerified !== "true") return refuse("email_unverified");
  if (env.ALLOWED_EMAIL_DOMAINS.length > 0 && !env.ALLOWED_EMAIL_DOMAINS.includes(emailDomain(email))) return refuse("domain");
  if (env.OIDC_HOSTED_DOMAIN && claims.hostedDomain?.toLowerCase() !== env.OIDC_HOSTED_DOMAIN.toLowerCase()) {
    return refuse("hosted_domain");
  }

  try {
    await consumeRateLimit(`sign-in:${claims.issuer}:${claims.subject}`, LIMITS.signIn);
  } catch {
    return refuse("rate_limited");
  }
  const db = getDb();
  return db.transaction(async (tx) => {
    const bootstrapAdmin = env.ADMIN_EMAILS.includes(email);
    const [bound] = await tx
      .select()
      .from(users)
      .where(and(eq(users.issuer, claims.issuer), eq(users.subject, claims.subject)));
    const [byEmail] = bound ? [bound] : await tx.select().from(users).where(sql`lower(${users.email}) = ${email}`);

    if (byEmail && byEmail.issuer && byEmail !== bound) {
      await writeAudit(tx, {
        actor: null,
        actorEmail: email,
        action: "auth.refused",
        entityType: "user",
        entityId: byEmail.id,
        after: { reason: "identity_conflict", issuer: claims.issuer },
      });
      return { ok: false as const, reason: "identity_conflict" as const };
    }
    if (byEmail?.disabled) {
      await writeAudit(tx, { actor: null, actorEmail: email, action: "auth.refused", entityType: "user", entityId: byEmail.id, after: { reason: "disabled" } });
      return { ok: false as const, reason: "disabled" as const };
    }

    const profile = {
      name: claims.name?.replace(/[\u0000-\u001f\u007f]/g, "").trim() || byEmail?.name || email,
      email,
      lastSignInAt: new Date(),
      ...(claims.locale === "zh-TW" || claims.locale === "en" ? { locale: claims.locale } : {}),
    };
    if (!byEmail) {
      const [created] = await tx
        .insert(users)
        .values({ ...profile, issuer: claims.issuer, subject: claims.subject, role: bootstrapAdmin ? "admin" : "member" })
        .returning();
      await writeAudit(tx, { actor: created!, action: "user.created_at_sign_in", entityType: "user", entityId: created!.id, after: { email, role: created!.role } });
      metrics().signIns.inc({ outcome: "admitted" });
      return { ok: true as const, userId: created!.id };
    }

    const linking = !byEmail.issuer;
    const promote = bootstrapAdmin && byEmail.role !== "admin";
    await tx
      .update(users)
      .set({ ...profile, issuer: claims.issuer, subject: claims.subject, ...(promote ? { role: "admin" as const } : {}) })
      .where(and(eq(users.id, byEmail.id), linking ? isNull(users.issuer) : eq(users.subject, claims.subject)));
    if (linking || promote) {
      await writeAudit(tx, {
        actor: { id: byEmail.id, email },
        action: linking ? "user.linked_at_sign_in" : "user.bootstrap_admin",
        entityType: "user",
        entityId: byEmail.id,
        before: { issuer: byEmail.issuer, role: byEmail.role },
        after: { issuer: claims.issuer, role: promote ? "admin" : byEmail.role },
      });
    }
    await writeAudit(tx, { actor: { id: byEmail.id, email }, action: "auth.signed_in", entityType: "user", entityId: byEmail.id });
    metrics().signIns.inc({ outcome: "admitted" });
    return { ok: true as const, userId: byEmail.id };
  });
}

async function recordRefusal(claims: SignInClaims, email: string, reason: RefusalReason): Promise<Admission> {
  metrics().signIns.inc({ outcome: `refused:${reason}` });
  await getDb().transaction((tx) =>
    writeAudit(tx, {
      actor: null,
      actorEmail: storableText(email) ? email || undefined : undefined,
      action: "auth.refused",
      entityType: "sign_in",
      entityId: null,
      after: { reason, issuer: storableText(claims.issuer ?? "") ? claims.issuer : null, domain: email && storableText(email) ? emailDomain(email) : null },
    }),
  );
  return { ok: false, reason };
}
