import { z } from "zod";

import { uuidSchema } from "./ids";
import { quarterSchema } from "./quarters";

const day = z.iso.date({ message: "A date looks like 2026-10-01." });
export const openCycleSchema = z
  .strictObject({ quarter: quarterSchema, startsOn: day, endsOn: day })
  .refine((c) => c.startsOn <= c.endsOn, { message: "The cycle must end after it starts.", path: ["endsOn"] });
export const closeCycleSchema = z.strictObject({ cycleId: uuidSchema });
export const reopenCycleSchema = closeCycleSchema;
