import { and, eq, max } from "drizzle-orm";

import type { FrameworkDocument } from "@/lib/roadmap/document";

import type { DbOrTx } from "../client";
import { frameworks, frameworkVersions } from "../schema";

/** Creates the framework a document names (its key and title) and returns its id. */
export async function insertFramework(tx: DbOrTx, doc: FrameworkDocument): Promise<string> {
  const [row] = await tx
    .insert(frameworks)
    .values({ key: doc.key, nameZh: doc.title.zh, nameEn: doc.title.en })
    .returning({ id: frameworks.id });
  return row!.id;
}

/** Whether the framework has a draft version (at most one at a time). */
export async function hasDraft(tx: DbOrTx, frameworkId: string): Promise<boolean> {
  const [draft] = await tx
    .select({ id: frameworkVersions.id })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.frameworkId, frameworkId), eq(frameworkVersions.status, "draft")));
  return !!draft;
}

/** The number the framework's next version takes: one past its highest, or 1. */
export async function nextVersionNumber(tx: DbOrTx, frameworkId: string): Promise<number> {
  const [{ n }] = (await tx
    .select({ n: max(frameworkVersions.version) })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.frameworkId, frameworkId))) as [{ n: number | null }];
  return (n ?? 0) + 1;
}
