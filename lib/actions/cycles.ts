"use server";

import { closeCycle, openCycle, reopenCycle } from "@/lib/data/cycles";
import { closeCycleSchema, openCycleSchema, reopenCycleSchema } from "@/lib/validations/cycles";

import { action } from "./action";

// A cycle changes what every page says about the quarter.
const everything = { revalidate: ["/", "layout"] as ["/", "layout"] };

export const openCycleAction = action(openCycleSchema, openCycle, everything);
export const closeCycleAction = action(closeCycleSchema, closeCycle, everything);
export const reopenCycleAction = action(reopenCycleSchema, reopenCycle, everything);
