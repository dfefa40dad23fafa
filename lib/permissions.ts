// Who may do what, as data. Roles grant org-wide permissions; leading a team
// grants team-scoped ones on that team only. The data-access layer asks
// `can` / `canOnTeam` with a viewer freshly read from the database.

export const ROLES = ["admin", "manager", "member"] as const;
export type Role = (typeof ROLES)[number];

export const ORG_PERMISSIONS = [
  "framework:read", // browse roadmaps
  "framework:manage", // edit, publish, import roadmaps
  "self:rate", // rate one's own skills
  "team:create", // create teams (and become their lead)
  "team:read-any", // see every team
  "team:manage-any", // edit any team, as if its lead
  "user:read", // list the organisation's people
  "user:manage", // change roles, disable people
  "audit:read",
  "cycle:manage", // open and close assessment quarters
  "export:org",
  "people:find", // search the whole org for who can do X (/people/find, /people/staff)
  "directory:manage", // SCIM tokens, group mappings, the provisioning log (/org/directory)
  "notifications:manage", // email delivery status, retrying dead letters, the email schedule (/org/notifications)
  "api:manage", // service tokens, every person's API tokens, webhooks (/org/api)
] as const;
export type OrgPermission = (typeof ORG_PERMISSIONS)[number];

export const TEAM_PERMISSIONS = [
  "team:read", // heatmap, coverage, members' ratings
  "team:edit", // rename, members, levels, leads
  "team:validate", // record validated proficiency for members
  "team:plan", // vision targets, accept hire/train items
  "team:export",
] as const;
export type TeamPermission = (typeof TEAM_PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly OrgPermission[]> = {
  admin: ORG_PERMISSIONS,
  manager: ["framework:read", "self:rate", "team:create", "user:read", "people:find"],
  member: ["framework:read", "self:rate"],
};

/** What leading a team allows on that team. */
export const LEAD_PERMISSIONS: readonly TeamPermission[] = TEAM_PERMISSIONS;

export type PermissionSubject = { role: Role; leadTeamIds: readonly string[] };

export function can(viewer: PermissionSubject | null, permission: OrgPermission): boolean {
  return !!viewer && ROLE_PERMISSIONS[viewer.role].includes(permission);
}

export function canOnTeam(viewer: PermissionSubject | null, teamId: string, permission: TeamPermission): boolean {
  if (!viewer) return false;
  if (can(viewer, "team:manage-any")) return true;
  if (permission === "team:read" && can(viewer, "team:read-any")) return true;
  return viewer.leadTeamIds.includes(teamId) && LEAD_PERMISSIONS.includes(permission);
}

/** The org settings that open a team's pages to its own members (lib/data/settings.ts). */
export type MemberVisibility = { membersSeeTeamHeatmap: boolean; membersSeeTeamVision: boolean };

/**
 * Whether the viewer may read a team's heatmap or its vision (targets, hire
 * items, named candidates): its leads and admins always; its members when the
 * org setting for that page allows it.
 */
export function canReadTeam(
  viewer: (PermissionSubject & { memberTeamIds: readonly string[] }) | null,
  teamId: string,
  page: "heatmap" | "vision",
  settings: MemberVisibility,
): boolean {
  if (canOnTeam(viewer, teamId, "team:read")) return true;
  if (!viewer?.memberTeamIds.includes(teamId)) return false;
  return page === "heatmap" ? settings.membersSeeTeamHeatmap : settings.membersSeeTeamVision;
}

/**
 * Who may search the org for people (/people/find, skill pages' holders):
 * admins and managers always, team leads always, other members only when
 * the org setting allows it (off by default).
 */
export function canFindPeople(viewer: PermissionSubject | null, settings: { membersMayFindPeople: boolean }): boolean {
  if (!viewer) return false;
  return can(viewer, "people:find") || viewer.leadTeamIds.length > 0 || settings.membersMayFindPeople;
}

/**
 * Who may stage a project (/people/staff) and read saved staffing plans:
 * admins, managers and team leads. Never other members, whatever the
 * settings: a proposal weighs moving people out of teams.
 */
export function canStaffProjects(viewer: PermissionSubject | null): boolean {
  return !!viewer && (can(viewer, "people:find") || viewer.leadTeamIds.length > 0);
}

/**
 * Who may open a person's page (/people/[id]): the person, a lead of one of
 * their teams (admins read every team), and managers and admins, who read
 * anyone's (read-only). Links to the page are shown only where it opens.
 */
export function canOpenPersonPage(
  viewer: PermissionSubject & { id: string },
  person: { id: string; teamIds: readonly string[] },
): boolean {
  return (
    viewer.id === person.id || can(viewer, "user:read") || person.teamIds.some((t) => canOnTeam(viewer, t, "team:read"))
  );
}

/** Where each role starts after signing in. */
export const HOME_BY_ROLE: Record<Role, string> = {
  admin: "/org",
  manager: "/teams",
  member: "/me",
};

/**
 * The teams of a person, other than `teamId`, that acting on them through
 * `teamId` would reach into: adding them to `teamId` takes them from those
 * teams, and validating their ratings changes those teams' heatmaps. Leads
 * may act only where this is empty (they lead every other team of the
 * person too); admins everywhere.
 */
export function teamsBeyondReach(
  viewer: PermissionSubject,
  personTeamIds: readonly string[],
  teamId: string,
): string[] {
  if (can(viewer, "team:manage-any")) return [];
  return personTeamIds.filter((t) => t !== teamId && !viewer.leadTeamIds.includes(t));
}
