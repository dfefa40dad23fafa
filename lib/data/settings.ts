import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { orgSettings } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { writeAudit } from "./audit";
import { parseInput, requirePermission, requireSignedIn } from "./guard";

// Settings as data: each key with its schema and default.
const SETTINGS = {
  membersSeeTeamHeatmap: { schema: z.boolean(), default: true },
  // The vision names hire items and training candidates: leads and admins only unless the org opens it to members.
  membersSeeTeamVision: { schema: z.boolean(), default: false },
} as const;
export type SettingKey = keyof typeof SETTINGS;
export type OrgSettings = { [K in SettingKey]: z.infer<(typeof SETTINGS)[K]["schema"]> };

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

export async function getOrgSettings(viewer: Viewer | null): Promise<OrgSettings> {
  requireSignedIn(viewer);
  return readSettings();
}

export const updateOrgSettingSchema = z.strictObject({ key: z.enum(Object.keys(SETTINGS) as [SettingKey]), value: z.unknown() });

export async function updateOrgSetting(viewer: Viewer | null, raw: unknown): Promise<OrgSettings> {
  const v = requirePermission(viewer, "user:manage");
  const input = parseInput(updateOrgSettingSchema, raw);
  const value = parseInput(SETTINGS[input.key].schema, input.value);
  await getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(orgSettings).where(eq(orgSettings.key, input.key));
    await tx
      .insert(orgSettings)
      .values({ key: input.key, value, updatedById: v.id })
      .onConflictDoUpdate({ target: orgSettings.key, set: { value, updatedById: v.id, updatedAt: new Date() } });
    await writeAudit(tx, { actor: v, action: "settings.updated", entityType: "setting", entityId: input.key, before: before?.value ?? SETTINGS[input.key].default, after: value });
  });
  return readSettings();
}
