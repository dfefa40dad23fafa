"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { getViewer } from "@/lib/auth/viewer";
import { validateRating, type ValidationDto } from "@/lib/data/ratings";

export async function validateRatingAction(input: unknown): Promise<ActionResult<ValidationDto>> {
  const result = await toActionResult(async () => validateRating(await getViewer(), input));
  if (result.ok) revalidatePath("/teams", "layout");
  return result;
}
