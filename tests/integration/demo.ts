import { type DbHandle, setDbHandle } from "@/db/client";
import { seedDatabase } from "@/db/seed";
import { demoUserId } from "@/db/seed/demo";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";

/** Makes this handle the data layer's database and seeds the demo organisation (idempotent). */
export async function seedDemoOrg(handle: DbHandle): Promise<void> {
  setDbHandle(handle);
  await seedDatabase(handle.db, { demo: true });
}

/** A demo person as the data layer sees them, by email. */
export async function demoViewer(email: string): Promise<Viewer> {
  const viewer = await loadViewer(demoUserId(email));
  if (!viewer) throw new Error(`no demo viewer ${email}`);
  return viewer;
}
