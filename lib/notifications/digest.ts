import { and, desc, gt, inArray, sql } from "drizzle-orm";

import { execRows, type DbOrTx } from "@/db/client";
import { latestRatings } from "@/db/queries/latest-ratings";
import { activeLeads, answersCycle, type CycleWindow } from "@/db/queries/notification-recipients";
import { analyseTeam } from "@/db/queries/team-analysis";
import { memberIdsAt } from "@/db/queries/team-as-of";
import { planItems, teams } from "@/db/schema";
import { hasDiscrepancy } from "@/lib/analytics/ratings";
import { quarterOf } from "@/lib/quarters";

import type { Bilingual, DigestTeam, LeadDigestPayload } from "./kinds";

// The weekly lead digest: per team a lead leads, who has not rated this
// quarter, which ratings to talk about (self and validated ≥ 2 apart), which
// targets lost readiness since the lead's previous digest, and which
// hire/train items were accepted since then. Each team is analysed once
// however many leads it has; names are kept in both languages so each lead
// reads them in theirs.

type TeamFacts = Omit<DigestTeam, "readinessDrops" | "newPlanItems"> & {
  readiness: Map<string, { subject: Bilingual; readiness: number }>;
  /** A skill as the team's roadmap names it (its key when the roadmap no longer has it). */
  skill: (key: string) => Bilingual;
};

const pick = (names: Map<string, string>, key: string) => names.get(key) ?? key;

async function teamFacts(db: DbOrTx, teamId: string, cycle: CycleWindow): Promise<TeamFacts> {
  const [team] = await db
    .select()
    .from(teams)
    .where(inArray(teams.id, [teamId]));
  const current = await latestRatings(db, {
    frameworkId: team!.frameworkId,
    asOf: "now",
    members: memberIdsAt(db, "now", [teamId]),
  });
  const [en, zh] = await Promise.all(
    (["en", "zh-TW"] as const).map((locale) => analyseTeam(db, teamId, locale, undefined, { trend: false, current })),
  );
  const skillEn = new Map(en!.skills.map((s) => [s.key, s.name]));
  const skillZh = new Map(zh!.skills.map((s) => [s.key, s.name]));
  const skill = (key: string): Bilingual => ({ en: pick(skillEn, key), zh: pick(skillZh, key) });
  const names = new Map(en!.members.map((m) => [m.id, m.name]));
  const ratedNow = new Set(await selfRatedFor(db, teamId, cycle));
  const cells = new Map<string, { self?: (typeof current)[number]; validated?: (typeof current)[number] }>();
  for (const r of current) {
    const key = `${r.userId}\u0000${r.skillKey}`;
    const cell = cells.get(key) ?? {};
    if (r.raterKind === "self") cell.self = r;
    else cell.validated = r;
    cells.set(key, cell);
  }
  const toDiscuss: DigestTeam["toDiscuss"] = [];
  for (const { self, validated } of cells.values()) {
    if (!self || !validated || !names.has(self.userId) || !skillEn.has(self.skillKey)) continue;
    if (!hasDiscrepancy(self, validated)) continue;
    toDiscuss.push({
      userId: self.userId,
      name: names.get(self.userId)!,
      skill: skill(self.skillKey),
      self: self.proficiency!,
      validated: validated.proficiency!,
    });
  }
  toDiscuss.sort((a, b) => a.name.localeCompare(b.name) || a.skill.en.localeCompare(b.skill.en));
  const zhTargets = new Map(zh!.targets.map((t) => [t.id, t.name]));
  return {
    teamId,
    teamName: team!.name,
    notRated: en!.members.filter((m) => !ratedNow.has(m.id)).map((m) => ({ userId: m.id, name: m.name })),
    toDiscuss,
    skill,
    readiness: new Map(
      en!.targets.map((t) => [
        t.id,
        { subject: { en: t.name, zh: zhTargets.get(t.id) ?? t.name }, readiness: t.readiness },
      ]),
    ),
  };
}

/** The team's members who rated (or confirmed) anything for the cycle. */
async function selfRatedFor(db: DbOrTx, teamId: string, cycle: CycleWindow): Promise<string[]> {
  const rows = await execRows<{ userId: string }>(
    db,
    sql`select distinct rc.user_id as "userId" from ratings_current rc
        join team_members m on m.user_id = rc.user_id and m.team_id = ${teamId}
        where rc.rater_kind = 'self' and ${answersCycle("rc", cycle)}`,
  );
  return rows.map((r) => r.userId);
}

type PreviousDigest = { leadId: string; payload: LeadDigestPayload; createdAt: Date };

/** Each lead's latest digest: what readiness and "since" are measured against. */
async function previousDigests(db: DbOrTx, leadIds: string[]): Promise<Map<string, PreviousDigest>> {
  if (leadIds.length === 0) return new Map();
  const rows = await execRows<{ leadId: string; payload: LeadDigestPayload; createdAt: string | Date }>(
    db,
    sql`select distinct on (recipient_id) recipient_id as "leadId", payload, created_at as "createdAt"
        from notifications
        where kind = 'lead_digest' and recipient_id in (${sql.join(
          leadIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        order by recipient_id, created_at desc`,
  );
  return new Map(rows.map((r) => [r.leadId, { ...r, createdAt: new Date(r.createdAt) }]));
}

const WEEK_MS = 7 * 86_400_000;

/** Every active lead's digest for `week`, as of `now`. */
export async function buildLeadDigests(
  db: DbOrTx,
  now: Date,
  week: string,
  /** The open cycle, which "not rated" is measured against (none: the current quarter). */
  openCycle: CycleWindow | null,
): Promise<{ leadId: string; payload: LeadDigestPayload }[]> {
  const leads = await activeLeads(db);
  if (leads.length === 0) return [];
  const cycle = openCycle ?? { quarter: quarterOf(now), openedAt: new Date(8.64e15) };
  const quarter = cycle.quarter;
  const teamIds = [...new Set(leads.flatMap((l) => l.teamIds))];
  const facts = new Map<string, TeamFacts>();
  for (const id of teamIds) facts.set(id, await teamFacts(db, id, cycle));
  const previous = await previousDigests(
    db,
    leads.map((l) => l.leadId),
  );
  const oldest = new Date(
    Math.min(now.getTime() - WEEK_MS, ...[...previous.values()].map((p) => p.createdAt.getTime())),
  );
  const items = await db
    .select({
      teamId: planItems.teamId,
      skillKey: planItems.skillKey,
      recommendation: planItems.recommendation,
      createdAt: planItems.createdAt,
    })
    .from(planItems)
    .where(and(inArray(planItems.teamId, teamIds), gt(planItems.createdAt, oldest)))
    .orderBy(desc(planItems.createdAt));
  return leads.map(({ leadId, teamIds: led }) => {
    const before = previous.get(leadId);
    const since = before?.createdAt ?? new Date(now.getTime() - WEEK_MS);
    const readiness: Record<string, number> = {};
    const digestTeams = led.map((teamId): DigestTeam => {
      const f = facts.get(teamId)!;
      const drops: DigestTeam["readinessDrops"] = [];
      for (const [targetId, t] of f.readiness) {
        readiness[targetId] = t.readiness;
        const was = before?.payload.readiness?.[targetId];
        if (typeof was === "number" && t.readiness < was - 1e-9)
          drops.push({ targetId, subject: t.subject, from: was, to: t.readiness });
      }
      return {
        teamId,
        teamName: f.teamName,
        notRated: f.notRated,
        toDiscuss: f.toDiscuss,
        readinessDrops: drops,
        newPlanItems: items
          .filter((i) => i.teamId === teamId && i.createdAt > since)
          .map((i) => ({ skill: f.skill(i.skillKey), recommendation: i.recommendation })),
      };
    });
    return { leadId, payload: { week, quarter, teams: digestTeams, readiness } };
  });
}
