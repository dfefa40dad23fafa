"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { getViewer } from "@/lib/auth/viewer";
import { createDraft, discardDraft, type ImportPreview, importFramework, moveDraftSkill, publishDraft, switchTeamVersion, updateDraftSkill } from "@/lib/data/framework-admin";
import { moveTeamsToLatestVersion } from "@/lib/data/team-versions";

const done = <T,>(result: ActionResult<T>) => {
  if (result.ok) revalidatePath("/", "layout");
  return result;
};

export async function importFrameworkAction(input: unknown): Promise<ActionResult<ImportPreview>> {
  return done(await toActionResult(async () => importFramework(await getViewer(), input)));
}

export async function createDraftAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return done(await toActionResult(async () => createDraft(await getViewer(), input)));
}

export async function updateDraftSkillAction(input: unknown): Promise<ActionResult<void>> {
  return done(await toActionResult(async () => updateDraftSkill(await getViewer(), input)));
}

export async function moveDraftSkillAction(input: unknown): Promise<ActionResult<void>> {
  return done(await toActionResult(async () => moveDraftSkill(await getViewer(), input)));
}

export async function publishDraftAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return done(await toActionResult(async () => publishDraft(await getViewer(), input)));
}

export async function discardDraftAction(input: unknown): Promise<ActionResult<{ version: number; frameworkRemoved: boolean }>> {
  return done(await toActionResult(async () => discardDraft(await getViewer(), input)));
}

export async function switchTeamVersionAction(input: unknown): Promise<ActionResult<void>> {
  return done(await toActionResult(async () => switchTeamVersion(await getViewer(), input)));
}

export async function moveTeamsToLatestVersionAction(input: unknown): Promise<ActionResult<{ moved: number; version: number | null }>> {
  return done(await toActionResult(async () => moveTeamsToLatestVersion(await getViewer(), input)));
}
