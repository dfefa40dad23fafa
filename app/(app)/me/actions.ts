"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { getViewer } from "@/lib/auth/viewer";
import { confirmStaleRatings, type SelfRatingSaveDto, saveSelfRating } from "@/lib/data/ratings";
import { signOutEverywhere } from "@/lib/data/users";

export async function saveMyRatingAction(input: unknown): Promise<ActionResult<SelfRatingSaveDto>> {
  return toActionResult(async () => saveSelfRating(await getViewer(), input));
}

export async function confirmStaleRatingsAction(input: unknown): Promise<ActionResult<{ confirmed: string[] }>> {
  const result = await toActionResult(async () => confirmStaleRatings(await getViewer(), input));
  if (result.ok) revalidatePath("/me");
  return result;
}

export async function signOutEverywhereAction(): Promise<ActionResult<null>> {
  const result = await toActionResult(async () => signOutEverywhere(await getViewer()));
  return result.ok ? { ok: true, data: null } : result;
}
