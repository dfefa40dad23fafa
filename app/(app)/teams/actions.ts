"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { getViewer } from "@/lib/auth/viewer";
import { createTeam } from "@/lib/data/team-admin";

export async function createTeamAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await toActionResult(async () => createTeam(await getViewer(), input));
  if (result.ok) revalidatePath("/teams");
  return result;
}
