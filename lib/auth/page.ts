import "server-only";
import { redirect } from "next/navigation";
import { getViewer, type Viewer } from "./viewer";

/** For pages: the viewer, or a redirect to sign-in that comes back to `returnTo`. */
export async function viewerOrSignIn(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}
