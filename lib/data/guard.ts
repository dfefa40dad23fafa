import "server-only";

import type { z } from "zod";

import type { Viewer } from "@/lib/auth/viewer";
import { forbidden, invalid, unauthenticated } from "@/lib/errors";
import { can, canOnTeam, type OrgPermission, type TeamPermission } from "@/lib/permissions";

// The first lines of every data-access function: who is calling, may they,
// and is the input well-formed. Callers pass whatever the client sent.

export function requireSignedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

export function requirePermission(viewer: Viewer | null, permission: OrgPermission): Viewer {
  const v = requireSignedIn(viewer);
  if (!can(v, permission)) throw forbidden();
  return v;
}

export function requireTeamPermission(viewer: Viewer | null, teamId: string, permission: TeamPermission): Viewer {
  const v = requireSignedIn(viewer);
  if (!canOnTeam(v, teamId, permission)) throw forbidden();
  return v;
}

/**
 * The prelude of a call on one team: signed in, then the input parsed (it names the team), then the viewer's
 * permission on that team, in that order (a signed-out caller is told so before anything about the input).
 */
export function parseTeamInput<S extends z.ZodType<{ teamId: string }>>(
  viewer: Viewer | null,
  schema: S,
  raw: unknown,
  permission: TeamPermission,
): { v: Viewer; input: z.infer<S> } {
  requireSignedIn(viewer);
  const input = parseInput(schema, raw);
  return { v: requireTeamPermission(viewer, input.teamId, permission), input };
}

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of result.error.issues) {
      const key = issue.path.join(".") || "_";
      (fieldErrors[key] ??= []).push(issue.message);
    }
    throw invalid("Some fields are not valid.", fieldErrors);
  }
  return result.data;
}
