import type { Db } from "../client";
import { seedDemo } from "./demo";
import { installDefaultFramework } from "./framework";

export type SeedResult = { frameworkInserted: boolean; demoRowsInserted: number };

/**
 * Installs the default MLOps framework and, when asked, the demo
 * organisation. Idempotent: a second run inserts nothing.
 */
export async function seedDatabase(db: Db, options: { demo: boolean; now?: Date }): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    const fw = await installDefaultFramework(tx);
    const demoRowsInserted = options.demo ? await seedDemo(tx, fw, options.now) : 0;
    return { frameworkInserted: fw.inserted, demoRowsInserted };
  });
}
