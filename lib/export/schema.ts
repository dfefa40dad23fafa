import { z } from "zod";

// The JSON export: one documented, versioned shape (README "Exports").
// CSV and XLSX carry the same tables.
const value = z.union([z.int().min(0).max(4), z.literal("na"), z.null()]);

export const planningExportSchema = z.strictObject({
  format: z.literal("skillgrid.planning-export"),
  version: z.literal(1),
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
  asOf: z.iso.datetime(),
  scope: z.strictObject({ kind: z.enum(["team", "org"]), team: z.strictObject({ id: z.uuid(), name: z.string() }).nullable() }),
  framework: z.strictObject({ title: z.string() }),
  skills: z.array(z.strictObject({ key: z.string(), name: z.string(), level: z.string(), category: z.string() })),
  people: z.array(z.strictObject({ email: z.string(), name: z.string(), team: z.string(), currentLevel: z.string().nullable() })),
  ratings: z.array(z.strictObject({ email: z.string(), team: z.string(), skillKey: z.string(), self: value, validated: value, effective: value })),
  coverage: z.array(z.strictObject({ team: z.string().nullable(), skillKey: z.string(), atLeast3: z.int(), atLeast4: z.int(), risk: z.enum(["missing", "single"]).nullable() })),
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
