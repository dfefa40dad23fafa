import "server-only";

import { and, asc, eq, isNull } from "drizzle-orm";

import { getDb } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { readMoment } from "@/db/queries/moment";
import { readSettings } from "@/db/queries/settings";
import { analyseTeam } from "@/db/queries/team-analysis";
import { planItemsAt } from "@/db/queries/team-as-of";
import { enqueueWebhookEvent } from "@/db/queries/webhooks";
import { planItems, teams, teamTargets } from "@/db/schema";
import { explainItem, parseReasonFacts, reasonFactsOf, type ReasonFacts } from "@/lib/analytics/explain";
import { mobility, type Member, type PriorityItem, type Recommendation } from "@/lib/analytics/gaps";
import { quartersToPick } from "@/lib/analytics/moment";
import { planItemStatus, type PlanStatus } from "@/lib/analytics/plan-status";
import type { TargetDto } from "@/lib/analytics/team-analysis";
import type { Viewer } from "@/lib/auth/viewer";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/locales";
import { canOnTeam, canReadTeam } from "@/lib/permissions";
import { addQuarters, quarterOf } from "@/lib/quarters";
import { visionQuerySchema } from "@/lib/validations/reads";
import { acceptItemSchema, archiveTargetSchema, createTargetSchema } from "@/lib/validations/vision";
import { planAcceptedEvent, targetEvent } from "@/lib/webhooks/payloads";

import { parseInput, parseTeamInput, requirePermission, requireSignedIn } from "./guard";

export type { RequirementDto, TargetDto } from "@/lib/analytics/team-analysis";
export type PlanItemDto = {
  id: string;
  targetId: string | null;
  /** In the viewer's language; null once the target is removed. */
  targetName: string | null;
  skillKey: string;
  /** From the roadmap in the viewer's language (the key when the roadmap no longer has the skill). */
  skillName: string;
  quarter: string;
  recommendation: Recommendation;
  /** Rendered from `facts` in the viewer's language; `reason` (stored English) only for items accepted before facts. */
  facts: ReasonFacts | null;
  reason: string;
  status: PlanStatus;
  acceptedBy: string;
  acceptedAt: string;
};
export type TeamAnalysis = { members: Member[]; targets: TargetDto[]; priorities: PriorityItem[] };
export type VisionDto = TeamAnalysis & {
  /** canPlan: a lead of the team, on the live quarter (a past quarter is read-only). */
  team: { id: string; name: string; canPlan: boolean };
  currentQuarter: string;
  /** The quarter shown and the moment it is read at (lib/analytics/moment.ts); quarters: those one may pick. */
  moment: { quarter: string; currentQuarter: string; asOf: string; live: boolean; quarters: string[] };
  options: {
    capabilities: { key: string; name: string; importance: number; level: number; skills: string[] }[];
    skills: { key: string; name: string }[];
  };
  plan: PlanItemDto[];
};

/**
 * Whether the viewer may see a team's vision: its targets, hire items and
 * named training candidates (this page, the printable report, the heatmap
 * API's priorities). Leads and admins; members of the team only when the org
 * setting lets them, which is off unless an admin turns it on.
 */
export async function canReadTeamVision(viewer: Viewer, teamId: string): Promise<boolean> {
  return canOnTeam(viewer, teamId, "team:read") || canReadTeam(viewer, teamId, "vision", await readSettings());
}

async function requireVisionReader(viewer: Viewer | null, teamId: string) {
  const v = requireSignedIn(viewer);
  if (!(await canReadTeamVision(v, teamId))) throw forbidden();
  return v;
}

type PlanRow = { row: typeof planItems.$inferSelect; acceptedBy: string };

/** Plan rows as the viewer reads them: names in their language, the reason's facts, and where each item stands now. */
function planItemDtos(
  rows: PlanRow[],
  a: Pick<TeamAnalysis, "targets"> & { skills: { key: string; name: string }[] },
): PlanItemDto[] {
  const skillNames = new Map(a.skills.map((s) => [s.key, s.name]));
  const targetNames = new Map(a.targets.map((t) => [t.id, t.name]));
  const requirements = a.targets.flatMap((t) => t.requirements);
  return rows.map(({ row, acceptedBy }) => ({
    id: row.id,
    targetId: row.targetId,
    targetName: (row.targetId && targetNames.get(row.targetId)) ?? null,
    skillKey: row.skillKey,
    skillName: skillNames.get(row.skillKey) ?? row.skillKey,
    quarter: row.quarter,
    recommendation: row.recommendation,
    facts: parseReasonFacts(row.reasonFacts),
    reason: row.reason,
    status: planItemStatus(row, requirements),
    acceptedBy,
    acceptedAt: row.createdAt.toISOString(),
  }));
}

/**
 * A team's vision. Without a quarter it is live — today's team, targets and
 * ratings — and its leads plan on it, also after the current quarter's cycle
 * closed (planning goes on). With a quarter it is that quarter as it stood at
 * its moment (lib/analytics/moment.ts: a closed cycle's close), with that moment's
 * targets, people, plan and ratings, read-only.
 */
export async function getTeamVision(
  viewer: Viewer | null,
  raw: unknown,
  { locale }: { locale: AppLocale },
): Promise<VisionDto> {
  const { teamId, quarter } = parseInput(visionQuerySchema, raw);
  const v = await requireVisionReader(viewer, teamId);
  const db = getDb();
  const moment = await readMoment(db, quarter ?? null);
  const live = !quarter || moment.live;
  const asOf = live ? undefined : moment.asOf;
  const [a, plan] = await Promise.all([analyseTeam(db, teamId, locale, asOf), planItemsAt(db, teamId, asOf ?? "now")]);
  return {
    team: { id: a.team.id, name: a.team.name, canPlan: live && canOnTeam(v, teamId, "team:plan") },
    currentQuarter: a.currentQuarter,
    moment: {
      quarter: live ? moment.currentQuarter : moment.quarter,
      currentQuarter: moment.currentQuarter,
      asOf: (asOf ?? new Date()).toISOString(),
      live,
      quarters: quartersToPick(moment),
    },
    members: a.members,
    targets: a.targets,
    priorities: a.priorities,
    options: { capabilities: a.capabilities, skills: a.skills },
    plan: planItemDtos(plan, a),
  };
}

export async function createTarget(viewer: Viewer | null, raw: unknown): Promise<{ id: string }> {
  const { v, input } = parseTeamInput(viewer, createTargetSchema, raw, "team:plan");
  const current = quarterOf(new Date());
  if (input.targetQuarter < current || input.targetQuarter > addQuarters(current, 12)) {
    throw invalid("Pick a quarter from now to three years ahead.", { targetQuarter: ["Out of range."] });
  }
  const db = getDb();
  const a = await analyseTeam(db, input.teamId, "en");
  const cap = input.kind === "capability" ? a.capabilities.find((c) => c.key === input.key) : undefined;
  if ((input.kind === "capability" && !cap) || (input.kind === "skill" && !a.skills.some((s) => s.key === input.key))) {
    throw invalid("That capability or skill is not in this team's roadmap.", { key: ["Unknown."] });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(teamTargets)
      .values({
        teamId: input.teamId,
        kind: input.kind,
        capabilityKey: input.kind === "capability" ? input.key : null,
        skillKey: input.kind === "skill" ? input.key : null,
        requiredProficiency: input.level,
        requiredHeadcount: input.headcount,
        targetQuarter: input.targetQuarter,
        importance: input.importance ?? cap?.importance ?? 2,
        createdById: v.id,
      })
      .returning();
    await writeAudit(tx, {
      actor: v,
      action: "target.created",
      entityType: "team_target",
      entityId: row!.id,
      after: row,
    });
    await enqueueWebhookEvent(tx, "target.changed", targetEvent("created", row!));
    return { id: row!.id };
  });
}

export async function archiveTarget(viewer: Viewer | null, raw: unknown): Promise<void> {
  const { v, input } = parseTeamInput(viewer, archiveTargetSchema, raw, "team:plan");
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(teamTargets)
      .set({ archivedAt: new Date() })
      .where(
        and(eq(teamTargets.id, input.targetId), eq(teamTargets.teamId, input.teamId), isNull(teamTargets.archivedAt)),
      )
      .returning();
    if (!row) throw notFound("That target does not exist.");
    await writeAudit(tx, {
      actor: v,
      action: "target.archived",
      entityType: "team_target",
      entityId: row.id,
      before: { ...row, archivedAt: null },
    });
    await enqueueWebhookEvent(tx, "target.changed", targetEvent("archived", row));
  });
}

/** Accepts a priority item into the team's plan, as the analysis says it is right now. */
export async function acceptPlanItem(viewer: Viewer | null, raw: unknown): Promise<{ id: string }> {
  const { v, input } = parseTeamInput(viewer, acceptItemSchema, raw, "team:plan");
  const db = getDb();
  const a = await analyseTeam(db, input.teamId, "en");
  const item = a.priorities.find((p) => p.targetId === input.targetId && p.skillKey === input.skillKey);
  if (!item) throw conflict("That gap is already closed; nothing to accept.");
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: planItems.id })
      .from(planItems)
      .where(
        and(
          eq(planItems.teamId, input.teamId),
          eq(planItems.targetId, input.targetId),
          eq(planItems.skillKey, input.skillKey),
          eq(planItems.quarter, a.currentQuarter),
        ),
      );
    if (existing) throw conflict("This item is already in the plan for this quarter.");
    const [row] = await tx
      .insert(planItems)
      .values({
        teamId: input.teamId,
        targetId: input.targetId,
        skillKey: input.skillKey,
        quarter: a.currentQuarter,
        recommendation: item.recommendation,
        reason: explainItem(item),
        reasonFacts: reasonFactsOf(item),
        candidateUserIds: item.candidates.map((c) => a.members[c.member]!.id),
        acceptedById: v.id,
      })
      .returning();
    await writeAudit(tx, {
      actor: v,
      action: "plan.item_accepted",
      entityType: "plan_item",
      entityId: row!.id,
      after: { ...row, score: item.score },
    });
    await enqueueWebhookEvent(tx, "plan.accepted", planAcceptedEvent(row!));
    return { id: row!.id };
  });
}

export type OrgGapsDto = {
  teams: { id: string; name: string; targets: number; readiness: number | null; gaps: number; hires: number }[];
  top: (PriorityItem & { teamId: string; teamName: string })[];
  mobility: {
    skillName: string;
    level: number;
    needingTeam: string;
    fromTeam: string;
    surplus: number;
    holders: string[];
  }[];
};

/** The analysis across every active team (admins): top hiring needs and internal mobility. */
export async function getOrgGaps(viewer: Viewer | null, { locale }: { locale: AppLocale }): Promise<OrgGapsDto> {
  requirePermission(viewer, "team:read-any");
  const db = getDb();
  const active = await db.select({ id: teams.id }).from(teams).where(isNull(teams.archivedAt)).orderBy(asc(teams.name));
  // One analysis per team (each a fixed number of queries).
  const analyses = await Promise.all(active.map((t) => analyseTeam(db, t.id, locale)));
  const names = new Map(analyses.map((a) => [a.team.id, a.team.name]));
  const skillNames = new Map(analyses.flatMap((a) => a.skills.map((s) => [s.key, s.name] as const)));
  const top = analyses
    .flatMap((a) =>
      a.priorities
        .filter((p) => p.recommendation !== "train")
        .map((p) => ({ ...p, teamId: a.team.id, teamName: a.team.name })),
    )
    .sort((x, y) => y.score - x.score || x.teamName.localeCompare(y.teamName) || x.skillKey.localeCompare(y.skillKey))
    .slice(0, 15);
  const moves = mobility(
    analyses.map((a) => ({
      id: a.team.id,
      name: a.team.name,
      requirements: a.requirements,
      members: a.members,
      proficiency: a.proficiency,
    })),
  );
  return {
    teams: analyses.map((a) => ({
      id: a.team.id,
      name: a.team.name,
      targets: a.targets.length,
      readiness: a.targets.length ? a.targets.reduce((n, t) => n + t.readiness, 0) / a.targets.length : null,
      gaps: a.priorities.length,
      hires: a.priorities.filter((p) => p.recommendation !== "train").length,
    })),
    top,
    mobility: moves.map((m) => ({
      skillName: skillNames.get(m.skillKey) ?? m.skillKey,
      level: m.level,
      needingTeam: names.get(m.needingTeam) ?? "",
      fromTeam: names.get(m.fromTeam) ?? "",
      surplus: m.surplus,
      holders: m.holders,
    })),
  };
}
