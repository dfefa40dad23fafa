import "server-only";

import { eq } from "drizzle-orm";
import { z } from "zod";

import { getDb } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { readSettings, SETTINGS, type OrgSettings, type SettingKey } from "@/db/queries/settings";
import { orgSettings } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";

import { parseInput, requirePermission, requireSignedIn } from "./guard";

export type { OrgSettings, SettingKey };

export async function getOrgSettings(viewer: Viewer | null): Promise<OrgSettings> {
  requireSignedIn(viewer);
  return readSettings();
}

export const updateOrgSettingSchema = z.strictObject({
  key: z.enum(Object.keys(SETTINGS) as [SettingKey]),
  value: z.unknown(),
});

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
    await writeAudit(tx, {
      actor: v,
      action: "settings.updated",
      entityType: "setting",
      entityId: input.key,
      before: before?.value ?? SETTINGS[input.key].default,
      after: value,
    });
  });
  return readSettings();
}
