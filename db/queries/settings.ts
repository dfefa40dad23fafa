import { z } from "zod";

import { getDb } from "../client";
import { orgSettings } from "../schema";

// Settings as data: each key with its schema and default.
export const SETTINGS = {
  membersSeeTeamHeatmap: { schema: z.boolean(), default: true },
  // The vision names hire items and training candidates: leads and admins only unless the org opens it to members.
  membersSeeTeamVision: { schema: z.boolean(), default: false },
  // Searching the whole org by skill (/people/find): admins, managers and leads always; other members only when on.
  membersMayFindPeople: { schema: z.boolean(), default: false },
} as const;
export type SettingKey = keyof typeof SETTINGS;
export type OrgSettings = { [K in SettingKey]: z.infer<(typeof SETTINGS)[K]["schema"]> };

/** Every setting, stored values over defaults (a stored value its schema refuses is ignored). Checks no caller. */
export async function readSettings(): Promise<OrgSettings> {
  const rows = await getDb().select().from(orgSettings);
  const out = Object.fromEntries(Object.entries(SETTINGS).map(([k, d]) => [k, d.default])) as OrgSettings;
  for (const row of rows) {
    const def = SETTINGS[row.key as SettingKey];
    const parsed = def?.schema.safeParse(row.value);
    if (parsed?.success) (out as Record<string, unknown>)[row.key] = parsed.data;
  }
  return out;
}
