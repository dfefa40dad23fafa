import { z } from "zod";

import { QUARTER_PATTERN } from "@/lib/quarters";

/** A quarter as it arrives in a URL or a form: "2026-Q4". */
export const quarterSchema = z.string().regex(QUARTER_PATTERN, { message: "A quarter looks like 2026-Q4." });
