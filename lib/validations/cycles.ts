import { z } from "zod";
import { QUARTER_PATTERN } from "@/lib/quarters";
import { uuidSchema } from "./ids";

const day = z.iso.date({ message: "A date looks like 2026-10-01." });
export const openCycleSchema = z
  .strictObject({ quarter: z.string().regex(QUARTER_PATTERN, { message: "A quarter looks like 2026-Q4." }), startsOn: day, endsOn: day })
  .refine((c) => c.startsOn <= c.endsOn, { message: "The cycle must end after it starts.", path: ["endsOn"] });
export const closeCycleSchema = z.strictObject({ cycleId: uuidSchema });
export const reopenCycleSchema = closeCycleSchema;
