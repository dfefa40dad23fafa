"use server";

import { addLearningResource, removeLearningResource } from "@/lib/data/learning-resources";
import { addLearningResourceSchema, removeLearningResourceSchema } from "@/lib/validations/people";

import { action } from "./action";

// A resource shows on its skill page and in members' learning paths (/me/growth, rendered per request).
const pages = { revalidate: ["/skills", "layout"] as ["/skills", "layout"] };

export const addLearningResourceAction = action(addLearningResourceSchema, addLearningResource, pages);
export const removeLearningResourceAction = action(removeLearningResourceSchema, removeLearningResource, pages);
