import { z } from "zod";

// Ids arrive from URLs and forms: parse them like any other input.
export const uuidSchema = z.uuid({ message: "Not a valid id." });
