import "server-only";

import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";

import { getDb } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { readPublishedRoadmaps, readSkillRatings } from "@/db/queries/org-people";
import { readRoadmapResources, type ResourceRow } from "@/db/queries/skill-page";
import { learningResources } from "@/db/schema";
import { groupBySkill, MENTOR_AT, standings } from "@/lib/analytics/skill-page";
import type { Viewer } from "@/lib/auth/viewer";
import { forbidden, invalid, notFound } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { uuidSchema } from "@/lib/validations/ids";
import { addLearningResourceSchema, removeLearningResourceSchema } from "@/lib/validations/people";

import { parseInput, requireSignedIn } from "./guard";

// Learning resources of a skill: admins and the skill's mentors (validated
// where present, else self, at 4) add them; admins and whoever added one
// remove it (soft: removed_at). Each change writes its audit row in the same
// transaction.

const isAdmin = (v: Viewer) => can(v, "framework:manage");

/** The viewer's current standing on the skill, read now (never from the page that showed the form). */
async function isMentor(v: Viewer, frameworkId: string, skillKey: string): Promise<boolean> {
  const ratings = await readSkillRatings(getDb(), [{ frameworkId, skillKey }]);
  const mine = standings(ratings.filter((r) => r.userId === v.id)).get(v.id);
  return (mine?.value ?? 0) >= MENTOR_AT;
}

/** Adds a resource to a skill of a published roadmap. */
export async function addLearningResource(viewer: Viewer | null, raw: unknown): Promise<{ id: string }> {
  const v = requireSignedIn(viewer);
  const input = parseInput(addLearningResourceSchema, raw);
  const roadmap = (await readPublishedRoadmaps(getDb())).find((r) => r.frameworkKey === input.frameworkKey);
  if (!roadmap?.rows.skillRows.some((s) => s.key === input.skillKey))
    throw invalid("That skill is not in any published roadmap.", { skillKey: ["Unknown skill."] });
  if (!isAdmin(v) && !(await isMentor(v, roadmap.frameworkId, input.skillKey)))
    throw forbidden("Only admins and the skill's mentors (level 4) may add resources.");
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(learningResources)
      .values({
        frameworkId: roadmap.frameworkId,
        skillKey: input.skillKey,
        title: input.title,
        url: input.url,
        note: input.note,
        createdById: v.id,
      })
      .returning();
    await writeAudit(tx, {
      actor: v,
      action: "learning_resource.added",
      entityType: "learning_resource",
      entityId: row!.id,
      after: row,
    });
    return { id: row!.id };
  });
}

/** Removes a resource (admins, or whoever added it). */
export async function removeLearningResource(viewer: Viewer | null, raw: unknown): Promise<void> {
  const v = requireSignedIn(viewer);
  const { id } = parseInput(removeLearningResourceSchema, raw);
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(learningResources)
      .where(and(eq(learningResources.id, id), isNull(learningResources.removedAt)))
      .for("update");
    if (!row) throw notFound("That resource does not exist.");
    if (!isAdmin(v) && row.createdById !== v.id) throw forbidden("Only admins and whoever added it may remove it.");
    const [after] = await tx
      .update(learningResources)
      .set({ removedAt: new Date() })
      .where(eq(learningResources.id, id))
      .returning();
    await writeAudit(tx, {
      actor: v,
      action: "learning_resource.removed",
      entityType: "learning_resource",
      entityId: id,
      before: row,
      after,
    });
  });
}

const resourcesQuerySchema = z.strictObject({
  frameworkId: uuidSchema,
  skillKeys: z.array(z.string().max(200)).max(200),
});

export type SkillResources = {
  /** The roadmap's key, for links to the skill pages (`/skills/<key>?roadmap=<it>`). */
  frameworkKey: string | null;
  bySkill: Record<string, ResourceRow[]>;
};

/** The resources of some skills of one roadmap, by skill (a learning path's): one query whatever the number of skills. */
export async function getResourcesForSkills(viewer: Viewer | null, raw: unknown): Promise<SkillResources> {
  requireSignedIn(viewer);
  const { frameworkId, skillKeys } = parseInput(resourcesQuerySchema, raw);
  const { frameworkKey, resources } = await readRoadmapResources(getDb(), { frameworkId, skillKeys });
  return { frameworkKey, bySkill: groupBySkill(resources) };
}
