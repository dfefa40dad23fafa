import "server-only";

import { notFound, redirect } from "next/navigation";

import { AppError } from "@/lib/errors";
import { can, type OrgPermission } from "@/lib/permissions";

import { getViewer, type Viewer } from "./viewer";

/** For pages: the viewer, or a redirect to sign-in that comes back to `returnTo`. */
export async function viewerOrSignIn(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}

/**
 * For pages behind one capability: the viewer, a redirect to sign-in, or the
 * not-found page for those without it (a page never says it exists to them).
 */
export async function viewerWithCapability(returnTo: string, permission: OrgPermission): Promise<Viewer> {
  const viewer = await viewerOrSignIn(returnTo);
  if (!can(viewer, permission)) notFound();
  return viewer;
}

/**
 * A page's data-layer read: a refusal, a missing row or a malformed id in the
 * URL shows the not-found page, as for anything the viewer may not see; any
 * other failure (the database) goes to the error page.
 */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (e) {
    if (e instanceof AppError && e.code !== "unauthenticated") notFound();
    throw e;
  }
}

/**
 * A page whose request lives in its URL (a search, a staffing proposal): a
 * malformed or outdated link is read as an empty request with `badLink` set,
 * so the page can say so and start afresh instead of showing nothing. The
 * data layer checks the caller before the input, so "invalid" means the
 * caller may be here; any other refusal is the not-found page (orNotFound).
 */
export async function orStartAfresh<T>(
  read: (raw: unknown) => Promise<T>,
  raw: unknown,
): Promise<{ view: T; badLink: boolean }> {
  try {
    return { view: await read(raw), badLink: false };
  } catch (e) {
    if (e instanceof AppError && e.code === "invalid") return { view: await orNotFound(read({})), badLink: true };
    return { view: await orNotFound(Promise.reject<never>(e)), badLink: false };
  }
}
