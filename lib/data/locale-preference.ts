import "server-only";

import { and, desc, eq } from "drizzle-orm";

import { getDb } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { auditEvents, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { localeChoiceSchema } from "@/lib/i18n/locale-choice";
import type { AppLocale } from "@/lib/i18n/locales";

import { parseInput, requireSignedIn } from "./guard";

// The language a person chose in the account menu, kept on the server so that a new browser (no locale cookie)
// gets it too (lib/i18n/request.ts). users.locale cannot tell a choice apart: it defaults to "en", the seed sets
// it, and every sign-in overwrites it with the identity provider's locale claim (lib/auth/admit.ts). So the choice
// is the latest "user.locale_chosen" event of the person, an append-only row written with the users.locale update
// in one transaction, read through the (entity_type, entity_id, created_at) index.
const CHOSEN = "user.locale_chosen";

/** Stores the signed-in person's language (their own only: the input has no user id). */
export async function setMyLocale(viewer: Viewer | null, raw: unknown): Promise<{ locale: AppLocale }> {
  const v = requireSignedIn(viewer);
  const { locale } = parseInput(localeChoiceSchema, raw);
  await getDb().transaction(async (tx) => {
    const [updated] = await tx.update(users).set({ locale }).where(eq(users.id, v.id)).returning({ id: users.id });
    if (!updated) return;
    await writeAudit(tx, {
      actor: v,
      action: CHOSEN,
      entityType: "user",
      entityId: v.id,
      before: { locale: v.locale },
      after: { locale },
    });
  });
  return { locale };
}

/** The language the person last chose, or null when they never chose one (or nobody is signed in). */
export async function getChosenLocale(viewer: Viewer | null): Promise<AppLocale | null> {
  if (!viewer) return null;
  const [row] = await getDb()
    .select({ after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, "user"), eq(auditEvents.entityId, viewer.id), eq(auditEvents.action, CHOSEN)))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(1);
  const parsed = localeChoiceSchema.safeParse(row?.after);
  return parsed.success ? parsed.data.locale : null;
}
