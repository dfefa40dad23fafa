import { z } from "zod";

import { LOCALES } from "@/lib/i18n/locales";

// The JSON export: one documented, versioned shape (README "Exports").
// CSV and XLSX are written from it (lib/export/tables.ts). Fields are only ever added (never
// renamed, reordered or removed) within a version, so consumers keep working.
const value = z.union([z.int().min(0).max(4), z.literal("na"), z.null()]);

/**
 * Who entered the effective rating: the lead (validated), the member
 * (self), or someone else on the member's behalf (a self rating written by
 * an import, whose rater is not the member).
 */
export const RATING_SOURCES = ["self", "imported", "lead"] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];

export const planningExportSchema = z.strictObject({
  format: z.literal("skillgrid.planning-export"),
  version: z.literal(1),
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
  asOf: z.iso.datetime(),
  /** The language of skill, category, level and framework names: the one Skillgrid was shown in when exporting. */
  language: z.enum(LOCALES),
  scope: z.strictObject({
    kind: z.enum(["team", "org"]),
    team: z.strictObject({ id: z.uuid(), name: z.string() }).nullable(),
  }),
  framework: z.strictObject({ title: z.string() }),
  skills: z.array(z.strictObject({ key: z.string(), name: z.string(), level: z.string(), category: z.string() })),
  people: z.array(
    z.strictObject({ email: z.string(), name: z.string(), team: z.string(), currentLevel: z.string().nullable() }),
  ),
  ratings: z.array(
    z.strictObject({
      email: z.string(),
      team: z.string(),
      skillKey: z.string(),
      self: value,
      validated: value,
      effective: value,
      source: z.enum(RATING_SOURCES).nullable(),
      ratedBy: z.string().nullable(),
      evidence: z.string().nullable(),
      leadComment: z.string().nullable(),
    }),
  ),
  coverage: z.array(
    z.strictObject({
      team: z.string().nullable(),
      skillKey: z.string(),
      atLeast3: z.int(),
      atLeast4: z.int(),
      risk: z.enum(["missing", "single"]).nullable(),
    }),
  ),
  targets: z.array(
    z.strictObject({
      team: z.string(),
      name: z.string(),
      kind: z.enum(["capability", "skill"]),
      level: z.int(),
      headcount: z.int(),
      targetQuarter: z.string(),
      readiness: z.number().min(0).max(1),
      skills: z.array(z.strictObject({ skillKey: z.string(), coverage: z.int(), gap: z.int() })),
    }),
  ),
  priorities: z.array(
    z.strictObject({
      team: z.string(),
      rank: z.int().min(1),
      recommendation: z.enum(["train", "hire", "train_hire"]),
      skillKey: z.string(),
      skillName: z.string(),
      target: z.string(),
      level: z.int(),
      headcount: z.int(),
      coverage: z.int(),
      gap: z.int(),
      score: z.number(),
      explanation: z.string(),
      candidates: z.array(z.string()),
    }),
  ),
});
export type PlanningExport = z.infer<typeof planningExportSchema>;
