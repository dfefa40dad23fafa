import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Webhook signatures, the way Stripe signs them: the receiver recomputes
// HMAC-SHA256(secret, "<t>.<raw body>") and compares, and refuses a timestamp
// outside its tolerance so a captured request cannot be replayed later.
//   Skillgrid-Signature: t=1767225600,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd

export const SIGNATURE_HEADER = "Skillgrid-Signature";
const DEFAULT_TOLERANCE_SECONDS = 300;

/** A new endpoint's signing secret: "whsec_" and 32 random bytes, base64url. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

function hmacHex(secret: string, t: number, body: string): string {
  return createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
}

/** The Skillgrid-Signature header value for `body` sent at `now`. */
export function signWebhook(secret: string, body: string, now: Date = new Date()): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${hmacHex(secret, t, body)}`;
}

export type VerifyResult =
  { ok: true; timestamp: number } | { ok: false; reason: "malformed" | "expired" | "mismatch" };

/**
 * Checks a Skillgrid-Signature header against the raw body (the exact bytes received, before any JSON parsing).
 * Any v1 entry may match (several appear while a secret is being rotated). Constant-time comparison.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  rawBody: string,
  { now = new Date(), toleranceSeconds = DEFAULT_TOLERANCE_SECONDS }: { now?: Date; toleranceSeconds?: number } = {},
): VerifyResult {
  if (!header || header.length > 2000) return { ok: false, reason: "malformed" };
  let t: number | null = null;
  const candidates: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    const [key, value] = [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
    if (key === "t" && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (key === "v1" && /^[0-9a-f]{64}$/.test(value)) candidates.push(value);
  }
  if (t === null || candidates.length === 0) return { ok: false, reason: "malformed" };
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return { ok: false, reason: "expired" };
  const expected = Buffer.from(hmacHex(secret, t, rawBody), "hex");
  const match = candidates.some((c) => timingSafeEqual(Buffer.from(c, "hex"), expected));
  return match ? { ok: true, timestamp: t } : { ok: false, reason: "mismatch" };
}
