"use server";

import { acceptPlanItem, archiveTarget, createTarget } from "@/lib/data/vision";
import { acceptItemSchema, archiveTargetSchema, createTargetSchema } from "@/lib/validations/vision";

import { action } from "./action";

const teams = { revalidate: ["/teams", "layout"] as ["/teams", "layout"] };

export const createTargetAction = action(createTargetSchema, createTarget, teams);
export const archiveTargetAction = action(archiveTargetSchema, archiveTarget, teams);
export const acceptPlanItemAction = action(acceptItemSchema, acceptPlanItem, teams);
