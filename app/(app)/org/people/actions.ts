"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { getViewer } from "@/lib/auth/viewer";
import { revokeUserSessions, setUserDisabled, setUserRole } from "@/lib/data/users";

// Thin wrappers: the data-access layer checks the caller, parses the input
// and writes the change with its audit row in one transaction.

export async function changeUserRoleAction(input: unknown): Promise<ActionResult<{ role: string }>> {
  const result = await toActionResult(async () => setUserRole(await getViewer(), input));
  if (result.ok) revalidatePath("/org/people");
  return result.ok ? { ok: true, data: { role: result.data.role } } : result;
}

export async function setUserAccessAction(input: unknown): Promise<ActionResult<{ disabled: boolean }>> {
  const result = await toActionResult(async () => setUserDisabled(await getViewer(), input));
  if (result.ok) revalidatePath("/org/people");
  return result.ok ? { ok: true, data: { disabled: result.data.disabled } } : result;
}

export async function revokeSessionsAction(input: unknown): Promise<ActionResult<null>> {
  const result = await toActionResult(async () => revokeUserSessions(await getViewer(), input));
  return result.ok ? { ok: true, data: null } : result;
}
