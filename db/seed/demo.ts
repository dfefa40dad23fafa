import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { takeRatingsSnapshot } from "../queries/closed-quarter";
import {
  assessmentCycles,
  auditEvents,
  levels,
  type NewRating,
  ratings,
  skills,
  teamMembers,
  teamTargets,
  teams,
  users,
} from "../schema";
import { lastQuarters, quarterEnd, quarterOf, quarterStart } from "@/lib/quarters";
import {
  DEMO_PEOPLE,
  DEMO_TEAMS,
  EVIDENCE_NOTES,
  LEVEL_INDEX,
  NOBODY_SKILLS,
  NOT_STARTED_THIS_QUARTER,
  SINGLE_HOLDER_SKILLS,
  TEAM_AFFINITY,
  type DemoPerson,
} from "./demo-people";
import type { InstalledFramework } from "./framework";
import { seededRandom, stableUuid } from "./ids";

export const demoUserId = (email: string) => stableUuid("user", email.toLowerCase());
export const demoTeamId = (key: string) => stableUuid("team", key);

type SkillInfo = { key: string; categoryKey: string; levelIndex: number };

/** Seeds the demo organisation; returns how many rows it inserted (0 on a re-run). */
export async function seedDemo(db: DbOrTx, fw: InstalledFramework, now = new Date()): Promise<number> {
  let inserted = 0;
  const quarters = lastQuarters(quarterOf(now), 4);
  // The demo org has existed since its first quarter: its teams, memberships
  // and targets are dated then, so its closed quarters (read from history as
  // of their close) show the people and targets they had.
  const since = quarterStart(quarters[0]!);
  const count = (rows: unknown[]) => (inserted += rows.length);

  count(
    await db
      .insert(users)
      .values(DEMO_PEOPLE.map((p) => ({ id: demoUserId(p.email), email: p.email, name: p.name, role: p.role, locale: p.locale })))
      .onConflictDoNothing()
      .returning({ id: users.id }),
  );
  count(
    await db
      .insert(teams)
      .values(
        DEMO_TEAMS.map((t) => ({
          id: demoTeamId(t.key),
          name: t.name,
          description: t.description,
          frameworkId: fw.frameworkId,
          frameworkVersionId: fw.versionId,
          createdAt: since,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: teams.id }),
  );
  const members = DEMO_PEOPLE.filter((p) => p.team);
  count(
    await db
      .insert(teamMembers)
      .values(
        members.map((p) => ({
          teamId: demoTeamId(p.team!),
          userId: demoUserId(p.email),
          isLead: !!p.lead,
          currentLevelKey: p.level,
          targetLevelKey: p.level === "senior" ? "senior" : p.level === "junior" ? "mid-level" : "senior",
          createdAt: since,
        })),
      )
      .onConflictDoNothing()
      .returning({ teamId: teamMembers.teamId }),
  );

  count(
    await db
      .insert(assessmentCycles)
      .values(
        quarters.map((q, i) => ({
          id: stableUuid("cycle", q),
          quarter: q,
          startsOn: quarterStart(q).toISOString().slice(0, 10),
          endsOn: quarterEnd(q).toISOString().slice(0, 10),
          status: i === quarters.length - 1 ? ("open" as const) : ("closed" as const),
          closedAt: i === quarters.length - 1 ? null : quarterEnd(q),
        })),
      )
      .onConflictDoNothing()
      .returning({ id: assessmentCycles.id }),
  );
  inserted += await seedTargets(db, quarters.at(-1)!, since);

  // Ratings are append-only history: generate them once, never again.
  const demoIds = DEMO_PEOPLE.map((p) => demoUserId(p.email));
  const [existing] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ratings)
    .where(and(eq(ratings.frameworkId, fw.frameworkId), inArray(ratings.userId, demoIds)));
  if ((existing?.n ?? 0) === 0) {
    const rows = generateRatings(await loadSkills(db, fw.versionId), fw.frameworkId, quarters, now);
    for (let i = 0; i < rows.length; i += 1000) await db.insert(ratings).values(rows.slice(i, i + 1000));
    inserted += rows.length;
  }

  // The demo's closed quarters read from their snapshots, as quarters an admin closed do.
  const unsnapshotted = await db
    .select({ id: assessmentCycles.id, closedAt: assessmentCycles.closedAt })
    .from(assessmentCycles)
    .where(and(eq(assessmentCycles.status, "closed"), isNull(assessmentCycles.ratingsSnapshotAt)));
  for (const c of unsnapshotted) if (c.closedAt) await takeRatingsSnapshot(db, c.id, c.closedAt);

  if (inserted > 0) {
    await db.insert(auditEvents).values({
      action: "seed.demo",
      entityType: "organisation",
      entityId: "demo",
      actorEmail: "system",
      after: { rowsInserted: inserted, quarters },
    });
  }
  return inserted;
}

async function loadSkills(db: DbOrTx, versionId: string): Promise<SkillInfo[]> {
  const rows = await db
    .select({ key: skills.key, levelPosition: levels.position })
    .from(skills)
    .innerJoin(levels, eq(levels.id, skills.levelId))
    .where(eq(skills.frameworkVersionId, versionId));
  return rows.map((s) => ({ key: s.key, categoryKey: s.key.split(".")[0]!, levelIndex: s.levelPosition }));
}

async function seedTargets(db: DbOrTx, currentQuarter: string, since: Date): Promise<number> {
  const [y, q] = currentQuarter.split("-Q").map(Number) as [number, number];
  const next = (n: number) => {
    const i = y * 4 + (q - 1) + n;
    return `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
  };
  const t = (team: string, key: string, capabilityKey: string, prof: number, heads: number, inQuarters: number, importance = 2) => ({
    id: stableUuid("target", team, key),
    teamId: demoTeamId(team),
    kind: "capability" as const,
    capabilityKey,
    requiredProficiency: prof,
    requiredHeadcount: heads,
    targetQuarter: next(inQuarters),
    importance,
    createdAt: since,
  });
  const rows = await db
    .insert(teamTargets)
    .values([
      t("ml-platform", "serving", "progressive-serving", 3, 2, 2, 3),
      t("ml-platform", "registry", "model-registry", 3, 3, 1, 3),
      t("ml-platform", "ct", "continuous-training", 3, 2, 3, 2),
      t("applied-ml", "drift", "drift-monitoring", 3, 2, 1, 3),
      t("applied-ml", "tracking", "experiment-tracking", 3, 4, 1, 2),
      t("data-engineering", "pipelines", "ml-pipelines", 3, 3, 1, 3),
      t("data-engineering", "governance", "governance-audit", 3, 2, 2, 2),
      t("data-engineering", "features", "feature-store", 3, 2, 3, 3),
    ])
    .onConflictDoNothing()
    .returning({ id: teamTargets.id });
  return rows.length;
}

const clamp = (v: number) => Math.max(0, Math.min(4, Math.round(v)));

function generateRatings(skillList: SkillInfo[], frameworkId: string, quarters: string[], now: Date): NewRating[] {
  const rows: NewRating[] = [];
  const leadOf = new Map(DEMO_PEOPLE.filter((p) => p.lead).map((p) => [p.team, demoUserId(p.email)]));
  const raters = DEMO_PEOPLE.filter((p) => p.team);
  for (const person of raters) rows.push(...ratingsFor(person, skillList, frameworkId, quarters, now, leadOf.get(person.team)));
  return rows;
}

function ratingsFor(
  person: DemoPerson,
  skillList: SkillInfo[],
  frameworkId: string,
  quarters: string[],
  now: Date,
  leadId: string | undefined,
): NewRating[] {
  const rand = seededRandom(`ratings:${person.email}`);
  const userId = demoUserId(person.email);
  const lvl = LEVEL_INDEX[person.level];
  const affinity = TEAM_AFFINITY[person.team!];
  const ratesCurrent = rand() < 0.72 && !NOT_STARTED_THIS_QUARTER.includes(person.email);
  const growth = lvl === 0 ? 0.35 : lvl === 1 ? 0.22 : 0.1;
  const out: NewRating[] = [];

  for (const skill of skillList) {
    const talent = (rand() + rand() + rand() - 1.5) * 1.1;
    const notApplicable = person.team === "data-engineering" && skill.categoryKey === "flexible-highly-available-deployment" && rand() < 0.4;
    const eager = skill.levelIndex > lvl ? rand() < 0.55 : rand() < 0.25;
    const interest = eager ? 2 : rand() < 0.5 ? 1 : 0;
    const curious = rand() < 0.05; // interest without proficiency yet

    quarters.forEach((quarter, qi) => {
      const isCurrent = qi === quarters.length - 1;
      if (isCurrent && !ratesCurrent) return;
      if (qi > 0 && rand() > (isCurrent ? 0.85 : 0.93)) return; // not re-rated: stale
      let latent = 2.3 + (lvl - skill.levelIndex) * 1.1 + (affinity[skill.categoryKey] ?? 0) + talent + qi * growth;
      if (NOBODY_SKILLS.includes(skill.key)) latent = Math.min(latent, 0.4);
      const holder = SINGLE_HOLDER_SKILLS[skill.key];
      if (curious) latent = Math.min(latent, 1);
      if (holder) latent = holder === person.email ? Math.max(latent, 3.2 + qi * 0.1) : Math.min(latent, 2.4);
      const proficiency = clamp(latent);
      const start = quarterStart(quarter).getTime();
      let ratedAt = new Date(start + (8 + Math.floor(rand() * 50)) * 86_400_000 + Math.floor(rand() * 36_000_000));
      if (ratedAt > now) ratedAt = new Date(now.getTime() - Math.floor(rand() * 3_600_000) - 60_000);
      out.push({
        userId,
        frameworkId,
        skillKey: skill.key,
        raterKind: "self",
        raterId: userId,
        proficiency: notApplicable ? null : proficiency,
        notApplicable,
        interest: curious ? 2 : interest,
        evidence: !notApplicable && proficiency >= 3 && rand() < 0.12 ? EVIDENCE_NOTES[Math.floor(rand() * EVIDENCE_NOTES.length)]! : null,
        quarter,
        ratedAt,
      });
      // Leads validate part of their team's ratings in the last two quarters.
      if (leadId && leadId !== userId && !notApplicable && qi >= quarters.length - 2 && rand() < 0.25) {
        const r = rand();
        const delta = r < 0.05 ? -2 : r < 0.25 ? -1 : r < 0.85 ? 0 : 1;
        out.push({
          userId,
          frameworkId,
          skillKey: skill.key,
          raterKind: "manager",
          raterId: leadId,
          proficiency: clamp(proficiency + delta),
          notApplicable: false,
          comment: delta <= -2 ? "Let's discuss: I haven't seen this in practice yet." : null,
          quarter,
          ratedAt: new Date(Math.min(ratedAt.getTime() + 5 * 86_400_000, now.getTime() - 30_000)),
        });
      }
    });
  }
  return out;
}
