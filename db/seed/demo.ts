import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";

import { lastQuarters, quarterEnd, quarterOf, quarterStart } from "@/lib/quarters";

import type { DbOrTx } from "../client";
import { takeRatingsSnapshot } from "../queries/closed-quarter";
import {
  assessmentCycles,
  auditEvents,
  levels,
  ratings,
  skills,
  teamMembers,
  teams,
  teamTargets,
  users,
  type NewRating,
} from "../schema";
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
  const quarters = lastQuarters(quarterOf(now), 4);
  // The demo org has existed since its first quarter: its teams, memberships
  // and targets are dated then, so its closed quarters (read from history as
  // of their close) show the people and targets they had.
  const since = quarterStart(quarters[0]!);
  let inserted = 0;
  inserted += await insertMissing(db, users, demoUsers());
  inserted += await insertMissing(db, teams, demoTeams(fw, since));
  inserted += await insertMissing(db, teamMembers, demoMemberships(since));
  inserted += await insertMissing(db, assessmentCycles, demoCycles(quarters));
  inserted += await seedTargets(db, quarters.at(-1)!, since);
  inserted += await seedRatingsOnce(db, fw, quarters, now);
  await snapshotClosedQuarters(db);
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

/** Inserts the rows not there yet (a re-run inserts none); returns how many it inserted. */
async function insertMissing<T extends PgTable>(db: DbOrTx, table: T, rows: PgInsertValue<T>[]): Promise<number> {
  const inserted = await db.insert(table).values(rows).onConflictDoNothing().returning();
  return inserted.length;
}

const demoUsers = () =>
  DEMO_PEOPLE.map((p) => ({ id: demoUserId(p.email), email: p.email, name: p.name, role: p.role, locale: p.locale }));

const demoTeams = (fw: InstalledFramework, since: Date) =>
  DEMO_TEAMS.map((t) => ({
    id: demoTeamId(t.key),
    name: t.name,
    description: t.description,
    frameworkId: fw.frameworkId,
    frameworkVersionId: fw.versionId,
    createdAt: since,
  }));

const demoMemberships = (since: Date) =>
  DEMO_PEOPLE.filter((p) => p.team).map((p) => ({
    teamId: demoTeamId(p.team!),
    userId: demoUserId(p.email),
    isLead: !!p.lead,
    currentLevelKey: p.level,
    targetLevelKey: p.level === "senior" ? "senior" : p.level === "junior" ? "mid-level" : "senior",
    createdAt: since,
  }));

/** One cycle per quarter: the last one open, the others closed at their end. */
const demoCycles = (quarters: string[]) =>
  quarters.map((q, i) => {
    const current = i === quarters.length - 1;
    return {
      id: stableUuid("cycle", q),
      quarter: q,
      startsOn: quarterStart(q).toISOString().slice(0, 10),
      endsOn: quarterEnd(q).toISOString().slice(0, 10),
      status: current ? ("open" as const) : ("closed" as const),
      closedAt: current ? null : quarterEnd(q),
    };
  });

/** Ratings are append-only history: generated once, never again. */
async function seedRatingsOnce(db: DbOrTx, fw: InstalledFramework, quarters: string[], now: Date): Promise<number> {
  const demoIds = DEMO_PEOPLE.map((p) => demoUserId(p.email));
  const [existing] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ratings)
    .where(and(eq(ratings.frameworkId, fw.frameworkId), inArray(ratings.userId, demoIds)));
  if ((existing?.n ?? 0) > 0) return 0;
  const rows = generateRatings(await loadSkills(db, fw.versionId), fw.frameworkId, quarters, now);
  for (let i = 0; i < rows.length; i += 1000) await db.insert(ratings).values(rows.slice(i, i + 1000));
  return rows.length;
}

/** The demo's closed quarters read from their snapshots, as quarters an admin closed do. */
async function snapshotClosedQuarters(db: DbOrTx): Promise<void> {
  const unsnapshotted = await db
    .select({ id: assessmentCycles.id, closedAt: assessmentCycles.closedAt })
    .from(assessmentCycles)
    .where(and(eq(assessmentCycles.status, "closed"), isNull(assessmentCycles.ratingsSnapshotAt)));
  for (const c of unsnapshotted) if (c.closedAt) await takeRatingsSnapshot(db, c.id, c.closedAt);
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
  const t = (
    team: string,
    key: string,
    capabilityKey: string,
    prof: number,
    heads: number,
    inQuarters: number,
    importance = 2,
  ) => ({
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
  for (const person of raters)
    rows.push(...ratingsFor(person, skillList, frameworkId, quarters, now, leadOf.get(person.team)));
  return rows;
}

/** What a person's ratings are drawn from: who they are, and one random sequence per person. */
type Rater = {
  rand: () => number;
  person: DemoPerson;
  userId: string;
  level: number;
  leadId: string | undefined;
  ratesCurrent: boolean;
  growth: number;
};
type Period = { frameworkId: string; quarters: string[]; now: Date };
/** A person's lasting traits for one skill, drawn once, before any of its quarters. */
type SkillTraits = { talent: number; notApplicable: boolean; interest: number; curious: boolean };

function ratingsFor(
  person: DemoPerson,
  skillList: SkillInfo[],
  frameworkId: string,
  quarters: string[],
  now: Date,
  leadId: string | undefined,
): NewRating[] {
  const rand = seededRandom(`ratings:${person.email}`);
  const level = LEVEL_INDEX[person.level];
  const ratesCurrent = rand() < 0.72 && !NOT_STARTED_THIS_QUARTER.includes(person.email);
  const growth = level === 0 ? 0.35 : level === 1 ? 0.22 : 0.1;
  const rater: Rater = { rand, person, userId: demoUserId(person.email), level, leadId, ratesCurrent, growth };
  const period: Period = { frameworkId, quarters, now };
  const out: NewRating[] = [];
  for (const skill of skillList) {
    const traits = drawTraits(rater, skill);
    quarters.forEach((quarter, qi) => out.push(...quarterRatings(rater, period, skill, traits, qi)));
  }
  return out;
}

function drawTraits({ rand, person, level }: Rater, skill: SkillInfo): SkillTraits {
  const talent = (rand() + rand() + rand() - 1.5) * 1.1;
  const notApplicable =
    person.team === "data-engineering" && skill.categoryKey === "flexible-highly-available-deployment" && rand() < 0.4;
  const eager = skill.levelIndex > level ? rand() < 0.55 : rand() < 0.25;
  const interest = eager ? 2 : rand() < 0.5 ? 1 : 0;
  const curious = rand() < 0.05; // interest without proficiency yet
  return { talent, notApplicable, interest, curious };
}

/** The proficiency a person has grown to in a skill by a quarter (qi: its index). */
function proficiencyAt(rater: Rater, skill: SkillInfo, traits: SkillTraits, qi: number): number {
  const { person, level, growth } = rater;
  const affinity = TEAM_AFFINITY[person.team!];
  const leaning = affinity[skill.categoryKey] ?? 0;
  let latent = 2.3 + (level - skill.levelIndex) * 1.1 + leaning + traits.talent + qi * growth;
  if (NOBODY_SKILLS.includes(skill.key)) latent = Math.min(latent, 0.4);
  const holder = SINGLE_HOLDER_SKILLS[skill.key];
  if (traits.curious) latent = Math.min(latent, 1);
  if (holder) latent = holder === person.email ? Math.max(latent, 3.2 + qi * 0.1) : Math.min(latent, 2.4);
  return clamp(latent);
}

/** A person's self rating of a skill in one quarter (none when not re-rated), and maybe their lead's. */
function quarterRatings(rater: Rater, period: Period, skill: SkillInfo, traits: SkillTraits, qi: number): NewRating[] {
  const { rand, userId, leadId } = rater;
  const { frameworkId, quarters, now } = period;
  const quarter = quarters[qi]!;
  const isCurrent = qi === quarters.length - 1;
  if (isCurrent && !rater.ratesCurrent) return [];
  if (qi > 0 && rand() > (isCurrent ? 0.85 : 0.93)) return []; // not re-rated: stale
  const { notApplicable } = traits;
  const proficiency = proficiencyAt(rater, skill, traits, qi);
  const start = quarterStart(quarter).getTime();
  let ratedAt = new Date(start + (8 + Math.floor(rand() * 50)) * 86_400_000 + Math.floor(rand() * 36_000_000));
  if (ratedAt > now) ratedAt = new Date(now.getTime() - Math.floor(rand() * 3_600_000) - 60_000);
  const withEvidence = !notApplicable && proficiency >= 3 && rand() < 0.12;
  const self: NewRating = {
    userId,
    frameworkId,
    skillKey: skill.key,
    raterKind: "self",
    raterId: userId,
    proficiency: notApplicable ? null : proficiency,
    notApplicable,
    interest: traits.curious ? 2 : traits.interest,
    evidence: withEvidence ? EVIDENCE_NOTES[Math.floor(rand() * EVIDENCE_NOTES.length)]! : null,
    quarter,
    ratedAt,
  };
  // Leads validate part of their team's ratings in the last two quarters.
  if (!leadId || leadId === userId || notApplicable || qi < quarters.length - 2 || rand() >= 0.25) return [self];
  const r = rand();
  const delta = r < 0.05 ? -2 : r < 0.25 ? -1 : r < 0.85 ? 0 : 1;
  const validation: NewRating = {
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
  };
  return [self, validation];
}
