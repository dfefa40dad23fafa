"use server";

import { saveStaffingPlan } from "@/lib/data/staffing";
import { saveStaffingPlanSchema } from "@/lib/validations/people";

import { action } from "./action";

export const saveStaffingPlanAction = action(saveStaffingPlanSchema, saveStaffingPlan, {
  revalidate: ["/people/staff"],
});
