import { z } from "zod";

import { invalid } from "@/lib/errors";

// Cursor pagination over a list the data layer returns in a stable order.
// The cursor is opaque to clients (base64url of the position after the last
// item served), so it can later become a keyset without breaking them.

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 500;

export const pageQuery = {
  cursor: z.string().max(100).optional().meta({ description: "The nextCursor of the previous page." }),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, { message: `limit is a whole number from 1 to ${MAX_LIMIT}.` })
    .optional()
    .meta({ description: `Items per page, 1–${MAX_LIMIT} (default ${DEFAULT_LIMIT}).` }),
};

const encode = (offset: number) => Buffer.from(`o:${offset}`).toString("base64url");

function decode(cursor: string): number {
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!m) throw invalid("That cursor is not one this API gave out.", { cursor: ["Unknown cursor."] });
  return Number(m[1]);
}

export function paginate<T>(items: T[], query: { cursor?: string; limit?: string }) {
  const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
  if (limit < 1 || limit > MAX_LIMIT) {
    throw invalid("Some fields are not valid.", { limit: [`limit is a whole number from 1 to ${MAX_LIMIT}.`] });
  }
  const offset = query.cursor ? decode(query.cursor) : 0;
  const data = items.slice(offset, offset + limit);
  return { data, nextCursor: offset + limit < items.length ? encode(offset + limit) : null };
}
