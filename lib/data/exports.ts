import "server-only";
import { z } from "zod";
import { type DbOrTx, getDb } from "@/db/client";
import { reasonFactsOf } from "@/lib/analytics/explain";
import { reasonWithNeed } from "@/lib/i18n/reason-sentences";
import { translatorFor } from "@/lib/i18n/translator";
import { coverageBySkill, coverageRisk, NOT_APPLICABLE, UNRATED, valuesFor } from "@/lib/analytics/matrix";
import type { Viewer } from "@/lib/auth/viewer";
import { type Rater, ratingProvenance } from "@/lib/export/provenance";
import type { PlanningExport } from "@/lib/export/schema";
import type { AppLocale } from "@/lib/i18n/locales";
import { uuidSchema } from "@/lib/validations/ids";
import { and, desc, eq, inArray, isNotNull, lte, ne, or } from "drizzle-orm";
import { teamMembersAt } from "@/db/queries/team-as-of";
import { closedQuarterRatings, ratings, ratingsCurrent, teams, users } from "@/db/schema";
import { snapshotCycleAt } from "@/db/queries/closed-quarter";
import { metrics } from "@/lib/observability/metrics";
import { getLogger } from "@/lib/observability/logger";
import { writeAudit } from "./audit";
import { consumeRateLimit, LIMITS } from "./rate-limit";
import { parseInput, requirePermission, requireSignedIn, requireTeamPermission } from "./guard";
import { getOrgHeatmap, getTeamHeatmap, type HeatmapDto } from "./heatmap";
import { analyseTeam } from "./vision";
import { exportRequestSchema } from "@/lib/validations/reads";


const cell = (v: number) => (v === UNRATED ? null : v === NOT_APPLICABLE ? ("na" as const) : v);

type RaterNote = { rater: Rater; evidence: string | null; comment: string | null };

/**
 * Who wrote each member's latest self and lead rating at the matrix's
 * moment (the same rows the heatmap read: ratings_current when live, a closed
 * quarter's snapshot, else the newest history row as of then), with its notes, keyed
 * `userId|skillKey|kind`. Only rows that add something are read: a lead's,
 * one entered by someone else (an import), or one with a note; any other
 * rated cell is the member's own.
 */
async function latestRaterNotes(db: DbOrTx, { frameworkId, userIds, asOf }: { frameworkId: string; userIds: string[]; asOf: Date | "now" }): Promise<Map<string, RaterNote>> {
  if (!userIds.length) return new Map();
  const columns = { userId: ratings.userId, skillKey: ratings.skillKey, kind: ratings.raterKind, raterId: ratings.raterId, evidence: ratings.evidence, comment: ratings.comment };
  const snapshot = asOf === "now" ? null : await snapshotCycleAt(db, asOf);
  const latest =
    asOf === "now"
      ? db.select(columns).from(ratingsCurrent).innerJoin(ratings, eq(ratings.id, ratingsCurrent.ratingId)).where(and(eq(ratingsCurrent.frameworkId, frameworkId), inArray(ratingsCurrent.userId, userIds))).as("latest")
      : snapshot
        ? db
            .select(columns)
            .from(closedQuarterRatings)
            .innerJoin(ratings, eq(ratings.id, closedQuarterRatings.ratingId))
            .where(and(eq(closedQuarterRatings.cycleId, snapshot), eq(closedQuarterRatings.frameworkId, frameworkId), inArray(closedQuarterRatings.userId, userIds)))
            .as("latest")
        : db
          .selectDistinctOn([ratings.userId, ratings.skillKey, ratings.raterKind], columns)
          .from(ratings)
          .where(and(eq(ratings.frameworkId, frameworkId), lte(ratings.ratedAt, asOf), inArray(ratings.userId, userIds)))
          .orderBy(ratings.userId, ratings.skillKey, ratings.raterKind, desc(ratings.ratedAt), desc(ratings.id))
          .as("latest");
  const rows = await db
    .select({ userId: latest.userId, skillKey: latest.skillKey, kind: latest.kind, raterId: latest.raterId, raterName: users.name, evidence: latest.evidence, comment: latest.comment })
    .from(latest)
    .innerJoin(users, eq(users.id, latest.raterId))
    .where(or(ne(latest.raterId, latest.userId), isNotNull(latest.evidence), isNotNull(latest.comment)));
  return new Map(rows.map((r) => [`${r.userId}|${r.skillKey}|${r.kind}`, { rater: { id: r.raterId, name: r.raterName }, evidence: r.evidence, comment: r.comment }]));
}

type Values = { self: Int8Array; validated: Int8Array; effective: Int8Array };

/** One row per member × skill: the three values, who entered the effective one, and the notes. */
function ratingRows({
  members,
  skills,
  emails,
  values,
  notes,
}: {
  members: HeatmapDto["members"];
  skills: HeatmapDto["skills"];
  emails: Map<string, string>;
  values: Values;
  notes: Map<string, RaterNote>;
}): PlanningExport["ratings"] {
  return members.flatMap((m, i) =>
    skills.map((s, j) => {
      const k = i * skills.length + j;
      const selfNote = notes.get(`${m.id}|${s.key}|self`);
      const leadNote = notes.get(`${m.id}|${s.key}|manager`);
      return {
        email: emails.get(m.id) ?? "",
        team: m.teamName,
        skillKey: s.key,
        self: cell(values.self[k]!),
        validated: cell(values.validated[k]!),
        effective: cell(values.effective[k]!),
        ...ratingProvenance({
          userId: m.id,
          hasValidated: values.validated[k] !== UNRATED,
          hasSelf: values.self[k] !== UNRATED,
          lead: leadNote?.rater ?? null,
          // Not read: rated by the member, without a note.
          self: selfNote?.rater ?? { id: m.id, name: m.name },
        }),
        evidence: selfNote?.evidence ?? null,
        leadComment: leadNote?.comment ?? null,
      };
    }),
  );
}

/**
 * Everything a planning meeting needs for a team (leads, admins) or the whole
 * org (admins), as of a quarter, in the documented export shape. Records an
 * audit event for the export.
 */
export async function getPlanningDataset(viewer: Viewer | null, raw: unknown, { locale }: { locale: AppLocale }): Promise<PlanningExport & { filename: string }> {
  requireSignedIn(viewer);
  const input = parseInput(exportRequestSchema, raw);
  if (input.scope === "team") {
    if (!input.teamId) throw parseInput(z.strictObject({ teamId: uuidSchema }), {});
    try {
      requireTeamPermission(viewer, input.teamId, "team:export");
    } catch (e) {
      // Someone asked for another team's data: refuse, and leave a trace in the logs.
      getLogger().warn({ actor: viewer?.id ?? null, teamId: input.teamId }, "export of another team's data refused");
      throw e;
    }
  } else requirePermission(viewer, "export:org");
  const v = viewer!;
  await consumeRateLimit(`export:${v.id}`, LIMITS.export);
  const db = getDb();

  const heatmap: HeatmapDto | null =
    input.scope === "team"
      ? await getTeamHeatmap(v, { teamId: input.teamId, quarter: input.quarter ?? null }, { locale })
      : await getOrgHeatmap(v, { quarter: input.quarter ?? null }, { locale });
  const skills = heatmap?.skills ?? [];
  const members = heatmap?.members ?? [];
  const teamIds = [...new Set(members.map((m) => m.teamId))];
  const emails = new Map(
    heatmap?.members.length
      ? (await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, [...new Set(heatmap.members.map((m) => m.id))]))).map((u) => [u.id, u.email])
      : [],
  );
  const asOf = heatmap ? new Date(heatmap.asOf) : new Date();
  // Levels as they were at the matrix's moment (db/queries/team-as-of.ts).
  const levelKeys = new Map((await teamMembersAt(db, heatmap?.live ? "now" : asOf, teamIds)).map((r) => [`${r.teamId}|${r.userId}`, r.currentLevelKey]));
  // Live (current quarter, not frozen by a closed cycle): the analysis reads ratings_current.
  // The export has no readiness trend, so each analysis reads one snapshot.
  const analyses = await Promise.all(teamIds.map((id) => analyseTeam(db, id, locale, heatmap?.live ? undefined : asOf, { trend: false })));
  const teamNames = new Map((teamIds.length ? await db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, teamIds)) : []).map((t) => [t.id, t.name]));
  // Who entered each rating the matrix shows, read from the same framework and moment.
  const notes = heatmap ? await latestRaterNotes(db, { frameworkId: heatmap.frameworkId, userIds: [...new Set(members.map((m) => m.id))], asOf: heatmap.live ? "now" : asOf }) : new Map<string, RaterNote>();

  const self = heatmap ? valuesFor(heatmap, "self") : new Int8Array();
  const validated = heatmap ? valuesFor(heatmap, "validated") : new Int8Array();
  const effective = heatmap ? valuesFor(heatmap, "effective") : new Int8Array();
  const rowsOfTeam = (teamId: string | null) => members.flatMap((m, i) => (teamId === null || m.teamId === teamId ? [i] : []));
  const coverageFor = (teamId: string | null) =>
    coverageBySkill(effective, members.length, skills.length, rowsOfTeam(teamId)).map((c, s) => ({
      team: teamId ? (teamNames.get(teamId) ?? "") : null,
      skillKey: skills[s]!.key,
      atLeast3: c.atLeast3,
      atLeast4: c.atLeast4,
      risk: coverageRisk(c),
    }));

  // Explanations in the export's language, from the same messages as the vision page.
  const tv = translatorFor(locale, "vision");
  const dataset: PlanningExport = {
    format: "skillgrid.planning-export",
    version: 1,
    quarter: heatmap?.quarter ?? input.quarter ?? "",
    asOf: asOf.toISOString(),
    language: locale,
    scope: { kind: input.scope, team: input.scope === "team" && heatmap?.scope.kind === "team" ? { id: heatmap.scope.id, name: heatmap.scope.name } : null },
    framework: { title: heatmap?.frameworkTitle ?? "" },
    skills: skills.map((s) => ({
      key: s.key,
      name: s.name,
      level: heatmap!.levels.find((l) => l.position === s.levelPosition)?.name ?? "",
      category: heatmap!.categories[s.categoryIndex]?.name ?? "",
    })),
    people: members.map((m) => ({ email: emails.get(m.id) ?? "", name: m.name, team: m.teamName, currentLevel: levelKeys.get(`${m.teamId}|${m.id}`) ?? null })),
    ratings: ratingRows({ members, skills, emails, values: { self, validated, effective }, notes }),
    coverage: input.scope === "team" ? coverageFor(null) : teamIds.flatMap((id) => coverageFor(id)),
    targets: analyses.flatMap((a) =>
      a.targets.map((t) => ({
        team: a.team.name,
        name: t.name,
        kind: t.kind,
        level: t.level,
        headcount: t.headcount,
        targetQuarter: t.targetQuarter,
        readiness: t.readiness,
        skills: t.requirements.map((r) => ({ skillKey: r.skillKey, coverage: r.coverage, gap: r.gap })),
      })),
    ),
    priorities: analyses.flatMap((a) =>
      a.priorities.map((p, i) => ({
        team: a.team.name,
        rank: i + 1,
        recommendation: p.recommendation,
        skillKey: p.skillKey,
        skillName: p.skillName,
        target: p.targetName,
        level: p.level,
        headcount: p.headcount,
        coverage: p.coverage,
        gap: p.gap,
        score: p.score,
        explanation: reasonWithNeed(tv, reasonFactsOf(p)),
        candidates: p.candidates.map((c) => c.name),
      })),
    ),
  };
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor: v,
      action: "export.created",
      entityType: input.scope === "team" ? "team" : "organisation",
      entityId: input.teamId ?? null,
      after: { format: input.format, quarter: dataset.quarter, people: dataset.people.length, skills: dataset.skills.length },
    }),
  );
  metrics().exports.inc({ format: input.format, scope: input.scope });
  const slug = (input.scope === "team" ? (dataset.scope.team?.name ?? "team") : "organisation").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "team";
  return { ...dataset, filename: `skillgrid-${slug}-${dataset.quarter}` };
}
