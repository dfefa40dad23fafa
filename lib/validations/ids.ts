import { z } from "zod";

// Ids arrive from URLs and forms: parse them like any other input.
export const uuidSchema = z.uuid({ message: "Not a valid id." });

/** For ids in URLs that answer 404 rather than 400 when malformed (SCIM resources). */
export const isUuid = (value: string) => uuidSchema.safeParse(value).success;
