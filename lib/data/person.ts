import "server-only";

import { z } from "zod";

import { getDb } from "@/db/client";
import { readPerson, type PersonRow } from "@/db/queries/person";
import { readSheetRows } from "@/db/queries/sheet-rows";
import { analyseTeam } from "@/db/queries/team-analysis";
import { departureImpact, type DepartureImpact } from "@/lib/analytics/departure-impact";
import {
  levelName,
  recentChanges,
  statedInterests,
  withoutNotes,
  type RecentChange,
  type StatedInterest,
} from "@/lib/analytics/person-summary";
import { ratingSheet, type RatingSheetDto } from "@/lib/analytics/rating-sheet";
import type { Viewer } from "@/lib/auth/viewer";
import { notFound } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/locales";
import { can, canOnTeam, canOpenPersonPage } from "@/lib/permissions";
import { quarterOf } from "@/lib/quarters";
import { uuidSchema } from "@/lib/validations/ids";

import { parseInput, requireSignedIn } from "./guard";

export const personQuerySchema = z.strictObject({ id: uuidSchema });
export const RECENT_CHANGES = 10;

export type PersonTeamDto = {
  id: string;
  name: string;
  isLead: boolean;
  level: string | null;
  /** The team's validation page for this person, when the viewer may validate there. */
  validateHref: string | null;
};
export type TeamImpactDto = { teamId: string; teamName: string; targetCount: number } & DepartureImpact;
export type PersonPageDto = {
  person: { id: string; name: string; email: string };
  isSelf: boolean;
  teams: PersonTeamDto[];
  /** Read-only here; evidence notes and leads' comments only for the person, their leads and admins. */
  sheet: RatingSheetDto | null;
  recent: RecentChange[];
  interests: StatedInterest[];
  /** Null when the viewer is not shown the panel. */
  impact: TeamImpactDto[] | null;
};

/** Who may open a person's page, and what of it they see. */
function accessTo(v: Viewer, person: PersonRow) {
  const isSelf = v.id === person.id;
  // Their leads (and admins, who read every team) of the person's active teams.
  const leads = person.teams.some((t) => canOnTeam(v, t.teamId, "team:read"));
  const managers = can(v, "user:read"); // managers and admins read anyone, read-only
  // The panel is for those who plan the teams: a member seeing "your team falls short without you" on their own
  // page would read as pressure, not as information they can act on; their leads, admins and managers can.
  const impactTeams = person.teams.filter((t) => managers || canOnTeam(v, t.teamId, "team:read"));
  return {
    mayRead: canOpenPersonPage(v, { id: person.id, teamIds: person.teams.map((t) => t.teamId) }),
    isSelf,
    seesNotes: isSelf || leads,
    impactTeams: impactTeams.length > 0 ? impactTeams : null,
  };
}

/**
 * A person's page: their teams, matrix, latest changes, interests and, for
 * those who plan their teams, what their teams would lose without them. Anyone
 * who may not read it (or a disabled person) gets not_found, as for an id
 * that does not exist: the page never says who is in the organisation.
 */
export async function getPersonPage(
  viewer: Viewer | null,
  raw: unknown,
  { locale }: { locale: AppLocale },
): Promise<PersonPageDto> {
  const v = requireSignedIn(viewer);
  const { id } = parseInput(personQuerySchema, raw);
  // Neither the person, a lead, a manager nor an admin: refused before reading anything.
  if (v.id !== id && v.leadTeamIds.length === 0 && !can(v, "user:read")) throw notFound();
  const db = getDb();
  const person = await readPerson(db, id);
  if (!person || person.disabled) throw notFound();
  const access = accessTo(v, person);
  if (!access.mayRead) throw notFound();
  const [rows, impact] = await Promise.all([
    readSheetRows(db, person.id),
    access.impactTeams ? teamImpacts(person.id, access.impactTeams, locale) : null,
  ]);
  const full = rows && ratingSheet({ member: person, ...rows, currentQuarter: quarterOf(new Date()), locale });
  const sheet = full && (access.seesNotes ? full : withoutNotes(full));
  return {
    person: { id: person.id, name: person.name, email: person.email },
    isSelf: access.isSelf,
    teams: person.teams.map((t) => ({
      id: t.teamId,
      name: t.teamName,
      isLead: t.isLead,
      level: levelName(sheet, t.currentLevelKey),
      validateHref:
        !access.isSelf && canOnTeam(v, t.teamId, "team:validate") ? `/teams/${t.teamId}/members/${person.id}` : null,
    })),
    sheet,
    recent: sheet ? recentChanges(sheet, RECENT_CHANGES) : [],
    interests: sheet ? statedInterests(sheet) : [],
    impact,
  };
}

/** Each team's live analysis (current ratings only), recomputed without the person. */
function teamImpacts(personId: string, teams: PersonRow["teams"], locale: AppLocale): Promise<TeamImpactDto[]> {
  return Promise.all(
    teams.map(async (t) => {
      const a = await analyseTeam(getDb(), t.teamId, locale, undefined, { trend: false });
      const impact = departureImpact({
        personId,
        members: a.members,
        targets: a.targets,
        requirements: a.requirements,
      });
      return { teamId: t.teamId, teamName: a.team.name, targetCount: a.targets.length, ...impact };
    }),
  );
}
