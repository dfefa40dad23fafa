import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

import { NOTIFICATION_KINDS, type NotificationKind } from "./kinds";

// The one-click unsubscribe link (RFC 8058) works without signing in, so it
// carries its own proof: an HMAC of (person, kind) under a key derived from
// NEXTAUTH_SECRET. Tampering with either part, or a link signed with another
// secret, is refused. It only ever turns one kind of email off, so a link
// that leaks lets someone do no more than that.

const keys = new Map<string, Buffer>();
function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "skillgrid", "unsubscribe-link", 32));
    keys.set(secret, key);
  }
  return key;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mac(secret: string, userId: string, kind: NotificationKind): string {
  return createHmac("sha256", keyFor(secret)).update(`${userId}.${kind}`).digest("base64url");
}

/** "<userId>.<kind>.<mac>": URL-safe as it is. */
export function signUnsubscribeToken(secret: string, userId: string, kind: NotificationKind): string {
  return `${userId}.${kind}.${mac(secret, userId, kind)}`;
}

/** The person and kind a token names, or null when it is malformed or its signature does not match. */
export function verifyUnsubscribeToken(
  secret: string,
  token: string,
): { userId: string; kind: NotificationKind } | null {
  if (token.length > 200) return null;
  const [userId, kind, given, ...rest] = token.split(".");
  if (rest.length > 0 || !userId || !kind || !given) return null;
  if (!UUID.test(userId) || !(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return null;
  const expected = Buffer.from(mac(secret, userId, kind as NotificationKind));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return { userId, kind: kind as NotificationKind };
}
