import { DEFAULT_FRAMEWORK_KEY } from "@/db/seed/framework";
import { stableUuid } from "@/db/seed/ids";
import type { Viewer } from "@/lib/auth/viewer";
import { getDraft } from "@/lib/data/framework-admin";

/** The demo organisation's framework (MLOps), as the seed creates it. */
export const MLOPS_FRAMEWORK_ID = stableUuid("framework", DEFAULT_FRAMEWORK_KEY);

/** A skill of that framework which the demo people have rated. */
export const GIT = "environments-and-version-control.uses-git-for-version-control";

/** The version an edit of the framework's current draft must name (drafts are edited optimistically). */
export async function draftLockVersion(viewer: Viewer, frameworkId: string): Promise<number> {
  const draft = await getDraft(viewer, { frameworkId });
  if (!draft) throw new Error(`framework ${frameworkId} has no draft`);
  return draft.lockVersion;
}
