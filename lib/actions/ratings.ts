"use server";

import { confirmStaleRatings, saveSelfRating, validateRating } from "@/lib/data/ratings";
import { confirmStaleSchema, saveSelfRatingSchema, validateRatingSchema } from "@/lib/validations/ratings";

import { action } from "./action";

// Autosaves re-render nothing: the row shows what the server returned.
export const saveMyRatingAction = action(saveSelfRatingSchema, saveSelfRating);
export const confirmStaleRatingsAction = action(confirmStaleSchema, confirmStaleRatings, { revalidate: ["/me"] });
export const validateRatingAction = action(validateRatingSchema, validateRating, { revalidate: ["/teams", "layout"] });
