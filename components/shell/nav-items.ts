import type { Viewer } from "@/lib/auth/viewer";
import type { OrgSettings } from "@/lib/data/settings";
import { can, canFindPeople, type OrgPermission } from "@/lib/permissions";

// The navigation the signed-in shell shows. Later features add their entry
// here with the permission that reveals it; the pages check for themselves.
export type NavItem = {
  href: string;
  /** Key under "nav" in messages/*.json. */
  labelKey: "me" | "teams" | "org" | "people" | "findPeople" | "frameworks";
  visible: (viewer: Viewer, settings: OrgSettings) => boolean;
};

const has = (permission: OrgPermission) => (viewer: Viewer) => can(viewer, permission);

export const NAV_ITEMS: NavItem[] = [
  { href: "/me", labelKey: "me", visible: has("self:rate") },
  {
    href: "/teams",
    labelKey: "teams",
    visible: (v) => can(v, "team:read-any") || v.memberTeamIds.length > 0 || v.role === "manager",
  },
  { href: "/org", labelKey: "org", visible: has("team:read-any") },
  { href: "/people/find", labelKey: "findPeople", visible: canFindPeople },
  { href: "/org/people", labelKey: "people", visible: has("user:manage") },
  { href: "/frameworks", labelKey: "frameworks", visible: has("framework:read") },
];
