import { z } from "zod";

import { isValidTimeZone } from "@/lib/notifications/schedule";

import { getDb } from "../client";
import { orgSettings } from "../schema";

// Settings as data: each key with its schema and default.
export const SETTINGS = {
  membersSeeTeamHeatmap: { schema: z.boolean(), default: true },
  // The vision names hire items and training candidates: leads and admins only unless the org opens it to members.
  membersSeeTeamVision: { schema: z.boolean(), default: false },
  // Searching the whole org by skill (/people/find): admins, managers and leads always; other members only when on.
  membersMayFindPeople: { schema: z.boolean(), default: false },
  // Email (lib/notifications): the zone the org's days and hours are read in, the reminders before a cycle's planned
  // close, and when the weekly lead digest goes (reminders go at the same hour).
  emailTimeZone: {
    schema: z.string().max(64).refine(isValidTimeZone, "Choose a time zone such as Asia/Taipei or UTC."),
    default: "UTC",
  },
  reminderDaysBeforeClose: {
    schema: z
      .array(z.number().int().min(0).max(90))
      .max(5)
      .transform((days) => [...new Set(days)].sort((a, b) => b - a)),
    default: [7, 2],
  },
  digestWeekday: { schema: z.number().int().min(0).max(6), default: 1 },
  emailHour: { schema: z.number().int().min(0).max(23), default: 9 },
} as const;
export type SettingKey = keyof typeof SETTINGS;
export type OrgSettings = { [K in SettingKey]: z.infer<(typeof SETTINGS)[K]["schema"]> };

/** Every setting, stored values over defaults (a stored value its schema refuses is ignored). Checks no caller. */
export async function readSettings(): Promise<OrgSettings> {
  const rows = await getDb().select().from(orgSettings);
  const out = Object.fromEntries(Object.entries(SETTINGS).map(([k, d]) => [k, d.default])) as unknown as OrgSettings;
  for (const row of rows) {
    const def = SETTINGS[row.key as SettingKey];
    const parsed = def?.schema.safeParse(row.value);
    if (parsed?.success) (out as Record<string, unknown>)[row.key] = parsed.data;
  }
  return out;
}
