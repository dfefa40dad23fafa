import "server-only";

import { asc, desc, eq, inArray, type SQL } from "drizzle-orm";

import { getDb, type DbOrTx } from "@/db/client";
import { latestRatings } from "@/db/queries/latest-ratings";
import { readMoment } from "@/db/queries/moment";
import { ownRatingsThisQuarter } from "@/db/queries/own-ratings";
import { readSettings } from "@/db/queries/settings";
import { analyseTeam } from "@/db/queries/team-analysis";
import { memberIdsAt, teamMembersAt, versionAt } from "@/db/queries/team-as-of";
import { publishedVersionOf, teamVersionsAt } from "@/db/queries/team-versions";
import { readVersionRows } from "@/db/queries/version-rows";
import { frameworkVersions, teams } from "@/db/schema";
import type { PriorityItem } from "@/lib/analytics/gaps";
import { matrixForRows, memberRows, roadmapAxes } from "@/lib/analytics/heatmap-axes";
import type { CompactMatrix, DatedRating } from "@/lib/analytics/matrix";
import { quartersToPick, type Moment } from "@/lib/analytics/moment";
import type { Viewer } from "@/lib/auth/viewer";
import { forbidden, notFound } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/pick";
import { getLogger } from "@/lib/observability/logger";
import { canOnTeam, canReadTeam } from "@/lib/permissions";
import { quarterOf } from "@/lib/quarters";
import { cachedPayload } from "@/lib/server/payload-cache";
import { heatmapQuerySchema } from "@/lib/validations/reads";

import { parseInput, requirePermission, requireSignedIn } from "./guard";
import {
  catchUpOrgPayload,
  catchUpTeamPayload,
  orgPayloadState,
  serializeOrgPayload,
  withAnalysis,
  type TeamPayloadState,
} from "./heatmap-payload";
import { canReadTeamVision } from "./vision";

export type HeatmapDto = CompactMatrix & {
  /**
   * A live team page only: per member (in `members` order), the skills they
   * rated themselves this quarter — imported values wait for the member to
   * keep them, as on /me (lib/analytics/ratings.ts quarterProgress).
   */
  selfRatedThisQuarter?: number[];
  /** The moment the matrix shows: now, a closed cycle's close date, or a past quarter's end. */
  asOf: string;
  /** True when asOf is "now" (the current quarter, not frozen by a closed cycle). */
  live: boolean;
  /** The framework whose ratings the matrix shows (a team's roadmap at that moment). */
  frameworkId: string;
  scope:
    | { kind: "team"; id: string; name: string; canEdit: boolean }
    /** Teams on another roadmap at that moment are not in the org heatmap: named, with their roadmap. */
    | { kind: "org"; teams: number; excludedTeams: { id: string; name: string; roadmap: string }[] };
  frameworkTitle: string;
  quarter: string;
  currentQuarter: string;
  quarters: string[];
  /**
   * mayOpen: whether the row links to the person's page (/people/[id]): when
   * the viewer has team:read on the row's team, who may always open it. Always false in
   * the API's cached team payload, which is shared by every viewer of the team.
   */
  members: {
    id: string;
    name: string;
    teamId: string;
    teamName: string;
    levelPosition: number | null;
    mayOpen: boolean;
    /** The team page of a past quarter only: no longer in the team (marked in the browser from leaversOf). */
    left?: boolean;
  }[];
  skills: { key: string; name: string; categoryIndex: number; levelPosition: number; position: number }[];
  categories: { key: string; name: string; levelPosition: number }[];
  levels: { key: string; name: string; position: number }[];
};

/** The team heatmap: a constant number of queries whatever the team size. */
export async function getTeamHeatmap(
  viewer: Viewer | null,
  raw: unknown,
  { locale, people }: { locale: AppLocale; people?: "then" | "now" },
): Promise<HeatmapDto> {
  return (await teamHeatmap(viewer, raw, locale, { people })).dto;
}

/** Of a past quarter's members, those no longer in the team (their page opens through the team no more). */
async function leaversOf(teamId: string, memberIds: string[]): Promise<string[]> {
  const current = new Set((await teamMembersAt(getDb(), "now", [teamId])).map((m) => m.userId));
  return memberIds.filter((id) => !current.has(id));
}

async function authorizeTeamRead(viewer: Viewer | null, raw: unknown) {
  const v = requireSignedIn(viewer);
  const input = parseInput(heatmapQuerySchema.required({ teamId: true }), raw);
  const teamId = input.teamId!;
  // Members may look at their own team's heatmap (read-only) when the org allows it.
  if (!canOnTeam(v, teamId, "team:read") && !canReadTeam(v, teamId, "heatmap", await readSettings())) throw forbidden();
  return { v, input, teamId };
}

/**
 * A team's matrix at the quarter's moment: the people in the team then (with
 * their levels then), the roadmap version it used then, and their ratings as
 * of then (db/queries/moment.ts; db/queries/team-as-of.ts).
 * `people: "now"` reads today's members instead, for views that follow the
 * current team back in time (trends).
 */
async function teamHeatmap(
  viewer: Viewer | null,
  raw: unknown,
  locale: AppLocale,
  { people = "then" }: { people?: "then" | "now" } = {},
) {
  const { v, input, teamId } = await authorizeTeamRead(viewer, raw);
  const db = getDb();
  const [[team], moment] = await Promise.all([
    db.select().from(teams).where(eq(teams.id, teamId)),
    readMoment(db, input.quarter ?? null),
  ]);
  if (!team || team.archivedAt) throw notFound("That team does not exist.");
  const asOf = moment.live ? "now" : moment.asOf;
  // The matrix needs the roadmap version and the people of that moment (not the targets: the analysis reads those).
  const current = { teamId, frameworkId: team.frameworkId, versionId: team.frameworkVersionId };
  const peopleAt = people === "now" ? "now" : asOf;
  const [version, members] = await Promise.all([
    versionAt(db, teamId, asOf, current),
    teamMembersAt(db, peopleAt, [teamId]),
  ]);
  const memberIds = memberIdsAt(db, peopleAt, [teamId]);
  const { dto, latest, live } = await assemble(db, moment, {
    versionId: version.versionId,
    frameworkId: version.frameworkId,
    members: members.map((m) => ({
      id: m.userId,
      name: m.name,
      levelKey: m.currentLevelKey,
      teamId: team.id,
      teamName: m.teamName,
    })),
    memberIds,
    locale,
    mayOpen: (id) => canOnTeam(v, id, "team:read"),
  });
  const own = live
    ? await ownRatingsThisQuarter(db, {
        frameworkId: version.frameworkId,
        quarter: dto.currentQuarter,
        members: memberIds,
        skillKeys: dto.skills.map((sk) => sk.key),
      })
    : null;
  const selfRatedThisQuarter = own ? { selfRatedThisQuarter: dto.members.map((m) => own.get(m.id) ?? 0) } : {};
  return {
    dto: {
      ...dto,
      ...selfRatedThisQuarter,
      scope: { kind: "team" as const, id: team.id, name: team.name, canEdit: canOnTeam(v, teamId, "team:edit") },
    },
    latest,
    live,
  };
}

export type TeamHeatmapDataDto = HeatmapDto & {
  /** Per skill (in `skills` order), effective ratings: people at ≥ 3, at ≥ 4, and rated. */
  coverage: { atLeast3: number[]; atLeast4: number[]; rated: number[] };
  targets: { id: string; name: string; level: number; headcount: number; targetQuarter: string; readiness: number }[];
  priorities: PriorityItem[];
};

/**
 * GET /api/teams/[teamId]/heatmap: the heatmap plus what is computed from it
 * (coverage, the vision's readiness, ranked priorities), for integrations and
 * the benchmark. Same permission as the team heatmap; the vision's targets and
 * priorities (hire items, named candidates) are empty for those who may not
 * read the vision (lib/data/vision.ts, canReadTeamVision).
 */
export async function getTeamHeatmapData(
  viewer: Viewer | null,
  raw: unknown,
  { locale }: { locale: AppLocale },
): Promise<TeamHeatmapDataDto> {
  return (await teamHeatmapData(viewer, raw, locale)).data;
}

/** The team payload, with what a cached copy needs to catch up with its members' next ratings. */
async function teamHeatmapData(viewer: Viewer | null, raw: unknown, locale: AppLocale) {
  const { dto: heatmap, latest, live } = await teamHeatmap(viewer, raw, locale);
  const vision = await canReadTeamVision(requireSignedIn(viewer), heatmap.scope.id);
  // Every part of the payload is read as of the matrix's moment: a closed
  // quarter's readiness and priorities are those of its close, as in its
  // export. The analysis reuses the ratings just read (the same people, the
  // same moment).
  const asOf = live ? undefined : new Date(heatmap.asOf);
  const analysis = await analyseTeam(getDb(), heatmap.scope.id, locale, asOf, { trend: false, current: latest });
  return { data: withAnalysis(heatmap, analysis, vision), latest, vision, withCurrent: analysis.withCurrent };
}

/**
 * The API's team payload as JSON, served from the payload cache while the
 * database has not changed (lib/server/payload-cache.ts). The caller is checked
 * first; what differs per viewer (may they edit the team, may they open its
 * members' pages) is added outside the cached part. A past quarter's payload
 * is what it was then, whoever has left the team since.
 */
export async function getTeamHeatmapJson(
  viewer: Viewer | null,
  raw: unknown,
  { locale }: { locale: AppLocale },
): Promise<string> {
  const { v, teamId, json } = await cachedTeamPayload(viewer, raw, locale);
  return `{"canEdit":${canOnTeam(v, teamId, "team:edit")},"canOpen":${canOnTeam(v, teamId, "team:read")},${json.slice(1)}`;
}

async function cachedTeamPayload(viewer: Viewer | null, raw: unknown, locale: AppLocale) {
  const { v, input, teamId } = await authorizeTeamRead(viewer, raw);
  // Cached apart for those who may and may not read the vision (its part of the payload differs).
  const key = `team:${teamId}:${input.quarter ?? ""}:${locale}:${quarterOf(new Date())}:${(await canReadTeamVision(v, teamId)) ? "vision" : "heatmap"}`;
  const build = async (): Promise<TeamPayloadState> => {
    const { data, ...rest } = await teamHeatmapData(v, input, locale);
    const members = data.members.map((m) => ({ ...m, mayOpen: false }));
    const scope = { kind: "team" as const, id: teamId, name: data.scope.kind === "team" ? data.scope.name : "" };
    return { ...rest, payload: { ...data, members, scope } };
  };
  const db = getDb();
  const { json, derived } = await cachedPayload(db, key, {
    build,
    serialize: (state) => JSON.stringify(state.payload),
    derive: ({ payload: dto }) => ({
      name: dto.scope.name,
      frameworkTitle: dto.frameworkTitle,
      memberIds: dto.members.map((m) => m.id),
      quarter: dto.quarter,
      currentQuarter: dto.currentQuarter,
      asOf: dto.asOf,
      live: dto.live,
    }),
    // Ratings saved by people outside the team (or after the quarter shown) leave it as it is; its members' are applied.
    catchUp: (state, from, to) => catchUpTeamPayload(db, state, from, to),
  });
  return { v, teamId, json, summary: derived };
}

/** What the team page renders on the server; the matrix itself the browser fetches (GET /api/teams/:id/heatmap). */
export type TeamPageSummary = {
  scope: { id: string; name: string; canEdit: boolean };
  frameworkTitle: string;
  people: number;
  /** A past quarter: its members who have left the team since. */
  leftIds: string[];
  quarter: string;
  currentQuarter: string;
  asOf: string;
  live: boolean;
};

/**
 * The team page's header, derived from the same cached payload the browser
 * then fetches when it was built: a page render never parses the matrix.
 */
export async function getTeamPageSummary(
  viewer: Viewer | null,
  raw: unknown,
  { locale }: { locale: AppLocale },
): Promise<TeamPageSummary> {
  const { v, teamId, summary } = await cachedTeamPayload(viewer, raw, locale);
  const { name, memberIds, ...rest } = summary;
  return {
    scope: { id: teamId, name, canEdit: canOnTeam(v, teamId, "team:edit") },
    people: memberIds.length,
    leftIds: rest.live ? [] : await leaversOf(teamId, memberIds),
    ...rest,
  };
}

/** The org heatmap as JSON for GET /api/org/heatmap (admins), from the payload cache while current. */
export async function getOrgHeatmapJson(
  viewer: Viewer | null,
  raw: unknown,
  { locale }: { locale: AppLocale },
): Promise<string> {
  return (await cachedOrgPayload(viewer, raw, locale)).json;
}

/**
 * The org payload from the cache; after rating saves it catches up by
 * re-reading only the cells rated since (lib/data/heatmap-payload.ts) instead
 * of the 120,000 of a 2,000 × 60 org.
 */
async function cachedOrgPayload(viewer: Viewer | null, raw: unknown, locale: AppLocale) {
  requirePermission(viewer, "team:read-any");
  const input = parseInput(heatmapQuerySchema.omit({ teamId: true }), raw ?? {});
  const key = `org:${input.quarter ?? ""}:${locale}:${quarterOf(new Date())}`;
  const db = getDb();
  return cachedPayload(db, key, {
    build: async () => orgPayloadState(await getOrgHeatmap(viewer, input, { locale })),
    serialize: serializeOrgPayload,
    derive: ({ dto }) =>
      dto && {
        frameworkTitle: dto.frameworkTitle,
        people: dto.members.length,
        quarter: dto.quarter,
        excludedTeams: dto.scope.kind === "org" ? dto.scope.excludedTeams : [],
      },
    catchUp: (state, from, to) => catchUpOrgPayload(db, state, from, to),
  });
}

/** What the org page's header shows, kept with the same cached payload the client then fetches. */
export async function getOrgHeatmapSummary(
  viewer: Viewer | null,
  raw: unknown,
  { locale }: { locale: AppLocale },
): Promise<{
  frameworkTitle: string;
  people: number;
  quarter: string;
  excludedTeams: { id: string; name: string; roadmap: string }[];
} | null> {
  return (await cachedOrgPayload(viewer, raw, locale)).derived;
}

/**
 * Every active team's members in one heatmap (admins), for the framework most
 * teams use. Memberships are read in one query and ratings in one more.
 */
export async function getOrgHeatmap(
  viewer: Viewer | null,
  raw: unknown,
  { locale }: { locale: AppLocale },
): Promise<HeatmapDto | null> {
  const v = requirePermission(viewer, "team:read-any");
  const input = parseInput(heatmapQuerySchema.omit({ teamId: true }), raw ?? {});
  const started = Date.now();
  const db = getDb();
  const moment = await readMoment(db, input.quarter ?? null);
  const chosen = await orgRoadmapAt(db, moment);
  if (!chosen) return null;
  const asOf = moment.live ? "now" : moment.asOf;
  // The people in those teams at the moment (the teams' names are today's).
  const rows = (await teamMembersAt(db, asOf, chosen.teamIds)).map((m) => ({
    id: m.userId,
    name: m.name,
    levelKey: m.currentLevelKey,
    teamId: m.teamId,
    teamName: m.teamName,
  }));
  const memberIds = memberIdsAt(db, asOf, chosen.teamIds);
  // team:read-any grants team:read on every team: the flags are the same for
  // every viewer allowed here, so the cached org payload may carry them.
  const mayOpen = (teamId: string) => canOnTeam(v, teamId, "team:read");
  const { dto } = await assemble(db, moment, {
    versionId: chosen.versionId,
    frameworkId: chosen.frameworkId,
    members: rows,
    memberIds,
    locale,
    mayOpen,
  });
  getLogger().info(
    { members: dto.members.length, skills: dto.skills.length, ms: Date.now() - started },
    "org heatmap built",
  );
  return {
    ...dto,
    scope: {
      kind: "org",
      teams: chosen.teamIds.length,
      excludedTeams: await namedTeams(db, chosen.excludedTeamIds, locale),
    },
  };
}

/**
 * The roadmap the org heatmap shows at a moment: the framework most active
 * teams used then, in its newest published version (now) or the newest
 * version those teams used (a past moment). Teams on another framework then
 * are left out, and named.
 */
async function orgRoadmapAt(db: DbOrTx, moment: Moment) {
  const versions = [...(await teamVersionsAt(db, moment.live ? "now" : moment.asOf)).values()];
  const count = new Map<string, number>();
  for (const v of versions) count.set(v.frameworkId, (count.get(v.frameworkId) ?? 0) + 1);
  const [frameworkId] = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
  if (!frameworkId) return null;
  const used = versions.filter((v) => v.frameworkId === frameworkId);
  const [version] = moment.live
    ? [await publishedVersionOf(db, frameworkId)]
    : await db
        .select({ id: frameworkVersions.id })
        .from(frameworkVersions)
        .where(inArray(frameworkVersions.id, [...new Set(used.map((v) => v.versionId))]))
        .orderBy(desc(frameworkVersions.version))
        .limit(1);
  if (!version) return null;
  return {
    frameworkId,
    versionId: version.id,
    teamIds: used.map((v) => v.teamId),
    excludedTeamIds: versions.filter((v) => v.frameworkId !== frameworkId).map((v) => v.teamId),
  };
}

async function namedTeams(db: DbOrTx, teamIds: string[], locale: AppLocale) {
  if (teamIds.length === 0) return [];
  const rows = await db
    .select({ id: teams.id, name: teams.name, titleZh: frameworkVersions.titleZh, titleEn: frameworkVersions.titleEn })
    .from(teams)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, teams.frameworkVersionId))
    .where(inArray(teams.id, teamIds))
    .orderBy(asc(teams.name));
  return rows.map((r) => ({ id: r.id, name: r.name, roadmap: pick(locale, r.titleZh, r.titleEn) }));
}

type AssembleInput = {
  versionId: string;
  frameworkId: string;
  members: { id: string; name: string; levelKey: string | null; teamId: string; teamName: string }[];
  /** A subquery selecting the user ids whose ratings are read. */
  memberIds: SQL;
  locale: AppLocale;
  /** Whether the viewer may open a person's page through this team. */
  mayOpen: (teamId: string) => boolean;
};

async function assemble(
  db: DbOrTx,
  moment: Moment,
  input: AssembleInput,
): Promise<{ dto: Omit<HeatmapDto, "scope">; latest: DatedRating[]; live: boolean }> {
  const { quarter, currentQuarter, asOf, live } = moment;
  const p = (zh: string, en: string) => pick(input.locale, zh, en);
  const [[version], rows, latest] = await Promise.all([
    db
      .select({ titleZh: frameworkVersions.titleZh, titleEn: frameworkVersions.titleEn })
      .from(frameworkVersions)
      .where(eq(frameworkVersions.id, input.versionId)),
    readVersionRows(db, input.versionId, { published: true }),
    latestRatings(db, { frameworkId: input.frameworkId, asOf: live ? "now" : asOf, members: input.memberIds }),
  ]);

  const quarters = quartersToPick(moment);
  const { skills, categories, levels } = roadmapAxes(rows, p);
  const members = memberRows(input.members, rows.levelRows, input.mayOpen);
  const matrix = matrixForRows({
    memberIds: members.map((m) => m.id),
    skillKeys: skills.map((s) => s.key),
    latest,
    quarters,
  });
  const dto = {
    asOf: asOf.toISOString(),
    live,
    frameworkId: input.frameworkId,
    frameworkTitle: version ? p(version.titleZh, version.titleEn) : "",
    quarter,
    currentQuarter,
    quarters,
    members,
    skills,
    categories,
    levels,
    ...matrix,
  };
  return { dto, latest, live };
}
