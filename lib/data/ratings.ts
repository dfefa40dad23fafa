import "server-only";

import { and, desc, eq, inArray, sql } from "drizzle-orm";

import { execRows, getDb, type DbOrTx, type Tx } from "@/db/client";
import { auditValues, writeAudit } from "@/db/queries/audit";
import { resolveMemberFramework } from "@/db/queries/member-framework";
import { isLiveSkill } from "@/db/queries/version-rows";
import { enqueueWebhookEvent, webhookEventCte } from "@/db/queries/webhooks";
import { auditEvents, ratings, skills, teamMembers, teams } from "@/db/schema";
import type { SelfValue } from "@/lib/analytics/rating-sheet";
import type { Viewer } from "@/lib/auth/viewer";
import { conflict, forbidden, invalid } from "@/lib/errors";
import { bilingual, notifyValidationRecorded } from "@/lib/notifications/triggers";
import { metrics } from "@/lib/observability/metrics";
import { quarterOf } from "@/lib/quarters";
import {
  confirmStaleSchema,
  EVIDENCE_MAX,
  saveSelfRatingSchema,
  validateRatingSchema,
} from "@/lib/validations/ratings";
import { noteProblem, type NoteProblem } from "@/lib/validations/text";
import { ratingCreatedEvent, validationEvent } from "@/lib/webhooks/payloads";

import { parseInput, parseTeamInput, requirePermission } from "./guard";
import { assertWithinReach } from "./team-reach";

export type SavedRatingDto = Omit<SelfValue, "imported"> & { skillKey: string };
/** The saved rating, and why its note was not stored when it was refused (the last stored note was kept). */
export type SelfRatingSaveDto = SavedRatingDto & { noteRefused: { problem: NoteProblem; message: string } | null };

async function latestSelf(tx: DbOrTx, userId: string, frameworkId: string, skillKey: string) {
  const [row] = await tx
    .select()
    .from(ratings)
    .where(
      and(
        eq(ratings.userId, userId),
        eq(ratings.frameworkId, frameworkId),
        eq(ratings.skillKey, skillKey),
        eq(ratings.raterKind, "self"),
      ),
    )
    .orderBy(desc(ratings.ratedAt), desc(ratings.id))
    .limit(1);
  return row ?? null;
}

const toDto = (r: typeof ratings.$inferSelect): SavedRatingDto => ({
  skillKey: r.skillKey,
  proficiency: r.proficiency,
  notApplicable: r.notApplicable,
  interest: r.interest,
  evidence: r.evidence,
  quarter: r.quarter,
  ratedAt: r.ratedAt.toISOString(),
});

/**
 * The save's input. A note the rules refuse does not cost the rating made on
 * the same row: the rest is saved with the last stored note kept, and the
 * answer says why the note was not taken. Anything else wrong refuses the
 * whole save as usual.
 */
function parseSelfRating(raw: unknown) {
  const full = saveSelfRatingSchema.safeParse(raw);
  if (full.success) return { input: full.data, noteRefused: null };
  const evidence = raw && typeof raw === "object" ? (raw as { evidence?: unknown }).evidence : undefined;
  const problem = typeof evidence === "string" ? noteProblem(evidence, EVIDENCE_MAX) : null;
  const onlyTheNote = full.error.issues.every((i) => i.path[0] === "evidence");
  if (!problem || !onlyTheNote) return { input: parseInput(saveSelfRatingSchema, raw), noteRefused: null };
  const message = full.error.issues[0]!.message;
  return {
    input: parseInput(saveSelfRatingSchema, { ...(raw as object), evidence: undefined }),
    noteRefused: { problem, message },
  };
}

/**
 * Records the caller's own rating of one skill: a new history row plus its
 * audit row, written by one statement (a data-modifying CTE), so they commit
 * together without a BEGIN/COMMIT round trip each: this is the hottest write.
 * Retrying the same request (same requestId) writes nothing twice.
 */
export async function saveSelfRating(viewer: Viewer | null, raw: unknown): Promise<SelfRatingSaveDto> {
  const v = requirePermission(viewer, "self:rate");
  const { input, noteRefused } = parseSelfRating(raw);
  const db = getDb();
  const fw = await resolveMemberFramework(db, v.id);
  if (!fw || !(await isLiveSkill(fw.versionId, input.skillKey))) {
    throw invalid("That skill is not in your roadmap.", { skillKey: ["Unknown skill."] });
  }
  const now = new Date();
  const before = await latestSelf(db, v.id, fw.frameworkId, input.skillKey);
  const notApplicable = input.value === "na";
  const after: SavedRatingDto = {
    skillKey: input.skillKey,
    proficiency: notApplicable ? null : (input.value as number),
    notApplicable,
    interest: input.interest,
    evidence: input.evidence === undefined ? (before?.evidence ?? null) : input.evidence,
    quarter: quarterOf(now),
    ratedAt: now.toISOString(),
  };
  const audit = auditValues({
    actor: v,
    action: "rating.self_saved",
    entityType: "rating",
    entityId: `${v.id}:${input.skillKey}`,
    before: before && toDto(before),
    after,
  });
  // Webhook deliveries go in the same statement, written only when the rating is.
  const event = ratingCreatedEvent({ ...after, userId: v.id, frameworkId: fw.frameworkId }, "self");
  const webhook = webhookEventCte("rating.created", event, sql`exists (select 1 from saved)`);
  const rows = await execRows(
    db,
    sql`
    with saved as (
      insert into ${ratings} (user_id, rater_id, rater_kind, framework_id, skill_key, proficiency, not_applicable, interest, evidence, quarter, rated_at, request_id)
      values (${v.id}, ${v.id}, 'self', ${fw.frameworkId}, ${after.skillKey}, ${after.proficiency}, ${notApplicable}, ${after.interest}, ${after.evidence},
              ${after.quarter}, ${after.ratedAt}::timestamptz, ${input.requestId})
      on conflict (request_id) do nothing
      returning id),
    hooks as (${webhook})
    insert into ${auditEvents} (actor_id, actor_email, action, entity_type, entity_id, before, after)
    select ${audit.actorId}, ${audit.actorEmail}, ${audit.action}, ${audit.entityType}, ${audit.entityId}, ${jsonOrNull(audit.before)}::jsonb, ${jsonOrNull(audit.after)}::jsonb
    from saved
    returning id`,
  );
  if (rows.length === 0) {
    // A retry of a save that already landed.
    const current = await latestSelf(db, v.id, fw.frameworkId, input.skillKey);
    return { ...toDto(current!), noteRefused };
  }
  metrics().ratingWrites.inc({ kind: "self" });
  return { ...after, noteRefused };
}

const jsonOrNull = (x: unknown) => (x === null || x === undefined ? null : JSON.stringify(x));

/**
 * Re-records unchanged, as the caller's own, every self rating not yet made
 * by them this quarter (or just the given skills): stale ones, and imported
 * ones (rater_id is the importer), which are not theirs until confirmed.
 */
export async function confirmStaleRatings(viewer: Viewer | null, raw: unknown): Promise<{ confirmed: string[] }> {
  const v = requirePermission(viewer, "self:rate");
  const input = parseInput(confirmStaleSchema, raw ?? {});
  const db = getDb();
  const fw = await resolveMemberFramework(db, v.id);
  if (!fw) return { confirmed: [] };
  const now = new Date();
  const quarter = quarterOf(now);
  return db.transaction(async (tx) => {
    const latest = await tx
      .selectDistinctOn([ratings.skillKey])
      .from(ratings)
      .where(and(eq(ratings.userId, v.id), eq(ratings.frameworkId, fw.frameworkId), eq(ratings.raterKind, "self")))
      .orderBy(ratings.skillKey, desc(ratings.ratedAt), desc(ratings.id));
    const wanted = input.skillKeys ? new Set(input.skillKeys) : null;
    const stale = latest.filter(
      (r) => (r.quarter !== quarter || r.raterId !== v.id) && (!wanted || wanted.has(r.skillKey)),
    );
    const live = new Set<string>();
    for (const r of stale) if (await isLiveSkill(fw.versionId, r.skillKey)) live.add(r.skillKey);
    const rows = stale.filter((r) => live.has(r.skillKey));
    if (rows.length === 0) return { confirmed: [] };
    await tx.insert(ratings).values(
      rows.map((r) => ({
        userId: v.id,
        raterId: v.id,
        raterKind: "self" as const,
        frameworkId: fw.frameworkId,
        skillKey: r.skillKey,
        proficiency: r.proficiency,
        notApplicable: r.notApplicable,
        interest: r.interest,
        evidence: r.evidence,
        quarter,
        ratedAt: now,
      })),
    );
    const confirmed = rows.map((r) => r.skillKey);
    metrics().ratingWrites.inc({ kind: "confirmed" }, confirmed.length);
    await writeAudit(tx, {
      actor: v,
      action: "rating.confirmed_unchanged",
      entityType: "rating",
      entityId: v.id,
      after: { quarter, skillKeys: confirmed },
    });
    return { confirmed };
  });
}

/** The member hears of a validation that comes with a comment (batched: lib/notifications/triggers.ts). */
async function notifyMemberOfValidation(
  tx: Tx,
  lead: { name: string; email: string },
  versionId: string,
  row: { userId: string; skillKey: string; proficiency: number | null; comment: string | null; ratedAt: Date },
) {
  const [skill] = await tx
    .select({ nameEn: skills.nameEn, nameZh: skills.nameZh })
    .from(skills)
    .where(and(eq(skills.frameworkVersionId, versionId), eq(skills.key, row.skillKey)));
  await notifyValidationRecorded(tx, row.userId, {
    skill: skill ? bilingual(skill) : { en: row.skillKey, zh: row.skillKey },
    proficiency: row.proficiency ?? 0,
    comment: row.comment ?? "",
    leadName: lead.name || lead.email,
    at: row.ratedAt.toISOString(),
  });
}

export type ValidationDto = {
  skillKey: string;
  proficiency: number;
  comment: string | null;
  quarter: string;
  ratedAt: string;
};

/** A lead records a validated proficiency (and comment) for a member of their team. */
export async function validateRating(viewer: Viewer | null, raw: unknown): Promise<ValidationDto> {
  const { v, input } = parseTeamInput(viewer, validateRatingSchema, raw, "team:validate");
  if (input.userId === v.id) throw forbidden("You cannot validate your own ratings.");
  const db = getDb();
  const [membership] = await db
    .select({ frameworkId: teams.frameworkId, versionId: teams.frameworkVersionId })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.teamId, input.teamId), inArray(teamMembers.userId, [input.userId])));
  if (!membership) throw forbidden("That person is not in this team.");
  await assertWithinReach(db, v, input.userId, input.teamId, "validate");
  if (!(await isLiveSkill(membership.versionId, input.skillKey))) {
    throw invalid("That skill is not in this team's roadmap.", { skillKey: ["Unknown skill."] });
  }
  const now = new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ratings)
      .values({
        userId: input.userId,
        raterId: v.id,
        raterKind: "manager",
        frameworkId: membership.frameworkId,
        skillKey: input.skillKey,
        proficiency: input.proficiency,
        comment: input.comment,
        quarter: quarterOf(now),
        ratedAt: now,
        requestId: input.requestId,
      })
      .onConflictDoNothing({ target: ratings.requestId })
      .returning();
    const saved = row ?? (await tx.select().from(ratings).where(eq(ratings.requestId, input.requestId)))[0]!;
    if (saved.raterId !== v.id) throw conflict("That request id was already used.");
    if (row) {
      await writeAudit(tx, {
        actor: v,
        action: "rating.validated",
        entityType: "rating",
        entityId: `${input.userId}:${input.skillKey}`,
        after: { proficiency: row.proficiency, comment: row.comment, teamId: input.teamId },
      });
      metrics().ratingWrites.inc({ kind: "validated" });
      await enqueueWebhookEvent(tx, "validation.created", validationEvent(row, input.teamId));
      if (row.comment?.trim()) await notifyMemberOfValidation(tx, v, membership.versionId, row);
    }
    return {
      skillKey: saved.skillKey,
      proficiency: saved.proficiency!,
      comment: saved.comment,
      quarter: saved.quarter,
      ratedAt: saved.ratedAt.toISOString(),
    };
  });
}
