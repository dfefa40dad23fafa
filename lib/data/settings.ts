import "server-only";

import { eq } from "drizzle-orm";
import { z } from "zod";

import { getDb, type Tx } from "@/db/client";
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
  await getDb().transaction((tx) => putSetting(tx, v, input.key, value));
  return readSettings();
}

/** Stores one setting (already parsed with its schema) and audits the change, inside the caller's transaction. */
export async function putSetting(tx: Tx, actor: Viewer, key: SettingKey, value: unknown): Promise<void> {
  const [before] = await tx.select().from(orgSettings).where(eq(orgSettings.key, key));
  await tx
    .insert(orgSettings)
    .values({ key, value, updatedById: actor.id })
    .onConflictDoUpdate({ target: orgSettings.key, set: { value, updatedById: actor.id, updatedAt: new Date() } });
  await writeAudit(tx, {
    actor,
    action: "settings.updated",
    entityType: "setting",
    entityId: key,
    before: before?.value ?? SETTINGS[key].default,
    after: value,
  });
}
