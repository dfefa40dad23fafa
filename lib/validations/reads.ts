import { z } from "zod";

import { uuidSchema } from "./ids";
import { quarterSchema } from "./quarters";
import { plainText } from "./text";

// What the data layer's reads accept (pages, API routes), parsed like any input.

/** A heatmap: a team's (teamId) or the org's, for a quarter (absent: the current one). */
export const heatmapQuerySchema = z.strictObject({
  teamId: uuidSchema.optional(),
  quarter: quarterSchema.nullish(),
});

/** A team's vision, live or as a past quarter stood. */
export const visionQuerySchema = z.strictObject({
  teamId: uuidSchema,
  quarter: quarterSchema.nullish(),
});

/** A planning export. */
export const exportRequestSchema = z.strictObject({
  scope: z.enum(["team", "org"], { message: "scope is team or org." }),
  teamId: uuidSchema.optional(),
  quarter: quarterSchema.nullish(),
  format: z.enum(["xlsx", "csv", "json"], { message: "format is xlsx, csv or json." }),
});

/** The audit log's filters and page. */
export const auditQuerySchema = z.strictObject({
  actor: plainText(254).pipe(z.string().trim()).optional(),
  action: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z._]*$/, { message: "Actions look like rating.self_saved." })
    .optional(),
  entityType: z
    .string()
    .trim()
    .max(50)
    .regex(/^[a-z_]*$/, { message: "Entity types look like team." })
    .optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

/** One member's rating sheet, through one of their teams. */
export const memberSheetSchema = z.strictObject({ teamId: uuidSchema, userId: uuidSchema });
