// The navigation the signed-in shell shows. Later features add their entry
// here (with the roles that may see it) and the shell picks it up.
export type NavItem = {
  href: string;
  /** Key under "nav" in messages/*.json. */
  labelKey: "frameworks";
};

export const NAV_ITEMS: NavItem[] = [{ href: "/frameworks", labelKey: "frameworks" }];
