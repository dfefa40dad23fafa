import { beforeAll } from "vitest";

import { setDbHandle, type DbHandle } from "@/db/client";
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

/**
 * Seeds the demo organisation and returns the demo people a suite acts as, by the names it gives them:
 * `({ admin, lead } = await seedDemoOrgAs(handle(), { admin: "mei-ling.chen@acme.test", lead: "alex.wang@…" }))`.
 */
export async function seedDemoOrgAs<K extends string>(
  handle: DbHandle,
  emails: Record<K, string>,
): Promise<Record<K, Viewer>> {
  await seedDemoOrg(handle);
  const viewers = {} as Record<K, Viewer>;
  for (const [name, email] of Object.entries(emails) as [K, string][]) viewers[name] = await demoViewer(email);
  return viewers;
}

/**
 * Seeds the demo organisation before the suite's tests and returns the demo people they act as, by the names
 * the suite gives them: `const demo = useDemoOrg(handle, { admin: "mei-ling.chen@acme.test" })`, then `demo.admin`.
 */
export function useDemoOrg<K extends string>(
  handle: () => DbHandle,
  emails: Record<K, string>,
): Readonly<Record<K, Viewer>> {
  const viewers = {} as Record<K, Viewer>;
  beforeAll(async () => {
    Object.assign(viewers, await seedDemoOrgAs(handle(), emails));
  });
  return viewers;
}
