"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { getViewer } from "@/lib/auth/viewer";
import { acceptPlanItem, archiveTarget, createTarget } from "@/lib/data/vision";

const done = <T,>(result: ActionResult<T>) => {
  if (result.ok) revalidatePath("/teams", "layout");
  return result;
};

export async function createTargetAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return done(await toActionResult(async () => createTarget(await getViewer(), input)));
}

export async function archiveTargetAction(input: unknown): Promise<ActionResult<void>> {
  return done(await toActionResult(async () => archiveTarget(await getViewer(), input)));
}

export async function acceptPlanItemAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return done(await toActionResult(async () => acceptPlanItem(await getViewer(), input)));
}
