"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { getViewer } from "@/lib/auth/viewer";
import { addTeamMember, archiveTeam, removeTeamMember, updateTeam, updateTeamMember } from "@/lib/data/team-admin";

// Each wraps one data-access call; the caller's rights are checked there.
const done = <T,>(result: ActionResult<T>) => {
  if (result.ok) revalidatePath("/teams", "layout");
  return result;
};

export async function updateTeamAction(input: unknown): Promise<ActionResult<{ lockVersion: number }>> {
  return done(await toActionResult(async () => updateTeam(await getViewer(), input)));
}

export async function archiveTeamAction(input: unknown): Promise<ActionResult<void>> {
  return done(await toActionResult(async () => archiveTeam(await getViewer(), input)));
}

export async function addTeamMemberAction(input: unknown): Promise<ActionResult<{ userId: string; preProvisioned: boolean }>> {
  return done(await toActionResult(async () => addTeamMember(await getViewer(), input)));
}

export async function removeTeamMemberAction(input: unknown): Promise<ActionResult<void>> {
  return done(await toActionResult(async () => removeTeamMember(await getViewer(), input)));
}

export async function updateTeamMemberAction(input: unknown): Promise<ActionResult<void>> {
  return done(await toActionResult(async () => updateTeamMember(await getViewer(), input)));
}
