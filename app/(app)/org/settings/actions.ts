"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { getViewer } from "@/lib/auth/viewer";
import { type OrgSettings, updateOrgSetting } from "@/lib/data/settings";

export async function updateOrgSettingAction(input: unknown): Promise<ActionResult<OrgSettings>> {
  const result = await toActionResult(async () => updateOrgSetting(await getViewer(), input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
