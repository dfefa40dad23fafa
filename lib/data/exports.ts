import "server-only";
import { z } from "zod";
import { getDb } from "@/db/client";
import { explainItem } from "@/lib/analytics/explain";
import { coverageBySkill, coverageRisk, NOT_APPLICABLE, UNRATED, valuesFor } from "@/lib/analytics/matrix";
import type { Viewer } from "@/lib/auth/viewer";
import type { PlanningExport } from "@/lib/export/schema";
import type { AppLocale } from "@/lib/i18n/locales";
import { QUARTER_PATTERN } from "@/lib/quarters";
import { uuidSchema } from "@/lib/validations/ids";
import { and, inArray } from "drizzle-orm";
import { teamMembers, teams, users } from "@/db/schema";
import { metrics } from "@/lib/observability/metrics";
import { getLogger } from "@/lib/observability/logger";
import { writeAudit } from "./audit";
import { consumeRateLimit, LIMITS } from "./rate-limit";
import { parseInput, requirePermission, requireTeamPermission } from "./guard";
import { getOrgHeatmap, getTeamHeatmap, type HeatmapDto } from "./heatmap";
import { analyseTeam } from "./vision";

export const exportRequestSchema = z.strictObject({
  scope: z.enum(["team", "org"], { message: "scope is team or org." }),
  teamId: uuidSchema.optional(),
  quarter: z.string().regex(QUARTER_PATTERN, { message: "A quarter looks like 2026-Q4." }).nullish(),
  format: z.enum(["xlsx", "csv", "json"], { message: "format is xlsx, csv or json." }),
});

const cell = (v: number) => (v === UNRATED ? null : v === NOT_APPLICABLE ? ("na" as const) : v);

/**
 * Everything a planning meeting needs for a team (leads, admins) or the whole
 * org (admins), as of a quarter, in the documented export shape. Records an
 * audit event for the export.
 */
export async function getPlanningDataset(viewer: Viewer | null, raw: unknown, { locale }: { locale: AppLocale }): Promise<PlanningExport & { filename: string }> {
  requirePermission(viewer, "framework:read");
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
  const teamIds = heatmap ? [...new Set(heatmap.members.map((m) => m.teamId))] : [];
  const emails = new Map(
    heatmap?.members.length
      ? (await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, [...new Set(heatmap.members.map((m) => m.id))]))).map((u) => [u.id, u.email])
      : [],
  );
  const levelKeys = new Map(
    teamIds.length
      ? (await db.select({ teamId: teamMembers.teamId, userId: teamMembers.userId, level: teamMembers.currentLevelKey }).from(teamMembers).where(and(inArray(teamMembers.teamId, teamIds)))).map((r) => [`${r.teamId}|${r.userId}`, r.level])
      : [],
  );
  const asOf = heatmap ? new Date(heatmap.asOf) : new Date();
  // Live (current quarter, not frozen by a closed cycle): the analysis reads ratings_current.
  // The export has no readiness trend, so each analysis reads one snapshot.
  const analyses = await Promise.all(teamIds.map((id) => analyseTeam(db, id, locale, heatmap?.live ? undefined : asOf, { trend: false })));
  const teamNames = new Map((teamIds.length ? await db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, teamIds)) : []).map((t) => [t.id, t.name]));

  const skills = heatmap?.skills ?? [];
  const members = heatmap?.members ?? [];
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

  const dataset: PlanningExport = {
    format: "skillgrid.planning-export",
    version: 1,
    quarter: heatmap?.quarter ?? input.quarter ?? "",
    asOf: asOf.toISOString(),
    scope: { kind: input.scope, team: input.scope === "team" && heatmap?.scope.kind === "team" ? { id: heatmap.scope.id, name: heatmap.scope.name } : null },
    framework: { title: heatmap?.frameworkTitle ?? "" },
    skills: skills.map((s) => ({
      key: s.key,
      name: s.name,
      level: heatmap!.levels.find((l) => l.position === s.levelPosition)?.name ?? "",
      category: heatmap!.categories[s.categoryIndex]?.name ?? "",
    })),
    people: members.map((m) => ({ email: emails.get(m.id) ?? "", name: m.name, team: m.teamName, currentLevel: levelKeys.get(`${m.teamId}|${m.id}`) ?? null })),
    ratings: members.flatMap((m, i) =>
      skills.map((s, j) => {
        const k = i * skills.length + j;
        return { email: emails.get(m.id) ?? "", team: m.teamName, skillKey: s.key, self: cell(self[k]!), validated: cell(validated[k]!), effective: cell(effective[k]!) };
      }),
    ),
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
        explanation: explainItem(p),
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
