"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { getViewer } from "@/lib/auth/viewer";
import { closeCycle, openCycle, reopenCycle } from "@/lib/data/cycles";

export async function openCycleAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await toActionResult(async () => openCycle(await getViewer(), input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function closeCycleAction(input: unknown): Promise<ActionResult<void>> {
  const result = await toActionResult(async () => closeCycle(await getViewer(), input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function reopenCycleAction(input: unknown): Promise<ActionResult<void>> {
  const result = await toActionResult(async () => reopenCycle(await getViewer(), input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
