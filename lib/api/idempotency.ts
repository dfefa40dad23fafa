import "server-only";

import { createHash } from "node:crypto";

import { getDb } from "@/db/client";
import { claimKey, readReply, releaseKey, storeReply } from "@/db/queries/api-idempotency";
import { conflict, invalid } from "@/lib/errors";

// Idempotency-Key on writes, as Stripe does it: the first request with a key
// runs and its reply is kept (24 h); a retry with the same key and the same
// request gets that reply again (Idempotent-Replayed: true) without writing
// twice; the same key with another request, or while the first still runs,
// is refused. A failed request releases its key, so fixing and retrying works.

const KEY = /^[\x21-\x7e]{1,255}$/;
export type Reply = { status: number; body: string };

export function readIdempotencyKey(request: Request): string | null {
  const key = request.headers.get("idempotency-key");
  if (key === null) return null;
  if (!KEY.test(key)) {
    throw invalid("Idempotency-Key is 1 to 255 visible ASCII characters.", {
      "Idempotency-Key": ["1 to 255 visible ASCII characters."],
    });
  }
  return key;
}

export const requestHash = (method: string, path: string, body: Uint8Array) =>
  createHash("sha256").update(`${method} ${path}\n`).update(body).digest("hex");

/** Runs `write` once per key; a repeat gets the kept reply. */
export async function onceForKey(
  tokenId: string,
  key: string,
  hash: string,
  write: () => Promise<Reply>,
): Promise<Reply & { replayed: boolean }> {
  const db = getDb();
  if (!(await claimKey(db, tokenId, key, hash))) {
    const kept = await readReply(db, tokenId, key);
    if (kept && kept.requestHash !== hash) {
      throw invalid("This Idempotency-Key was already used with a different request.", {
        "Idempotency-Key": ["Already used with a different request."],
      });
    }
    if (kept?.status != null) return { status: kept.status, body: kept.body ?? "", replayed: true };
    if (!kept?.stale) throw conflict("A request with this Idempotency-Key is still running. Retry in a moment.");
    await releaseKey(db, tokenId, key);
    return onceForKey(tokenId, key, hash, write);
  }
  let reply: Reply;
  try {
    reply = await write();
  } catch (e) {
    await releaseKey(db, tokenId, key).catch(() => {});
    throw e;
  }
  await storeReply(db, tokenId, key, reply.status, reply.body);
  return { ...reply, replayed: false };
}
