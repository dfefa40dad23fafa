import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";

import { newWebhookSecret, signWebhook, verifyWebhookSignature } from "@/lib/webhooks/signature";

const SECRET = "whsec_unit-test-secret";
const BODY = '{"id":"e1","type":"cycle.opened","createdAt":"2027-01-01T00:00:00.000Z","data":{}}';
const NOW = new Date("2027-01-01T00:00:00Z");
const T = NOW.getTime() / 1000;

describe("webhook signatures", () => {
  it("signs t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<body>'>, the way Stripe does", () => {
    const expected = createHmac("sha256", SECRET).update(`${T}.${BODY}`).digest("hex");
    expect(signWebhook(SECRET, BODY, NOW)).toBe(`t=${T},v1=${expected}`);
  });

  it("verifies its own signature within the tolerance, either side", () => {
    const header = signWebhook(SECRET, BODY, NOW);
    expect(verifyWebhookSignature(SECRET, header, BODY, { now: NOW })).toEqual({ ok: true, timestamp: T });
    for (const s of [-300, 300])
      expect(verifyWebhookSignature(SECRET, header, BODY, { now: new Date(NOW.getTime() + s * 1000) }).ok).toBe(true);
  });

  it("refuses a timestamp older or newer than the tolerance (a replay)", () => {
    const header = signWebhook(SECRET, BODY, NOW);
    for (const s of [-301, 301, 86_400])
      expect(verifyWebhookSignature(SECRET, header, BODY, { now: new Date(NOW.getTime() + s * 1000) })).toEqual({
        ok: false,
        reason: "expired",
      });
    expect(
      verifyWebhookSignature(SECRET, header, BODY, { now: new Date(NOW.getTime() + 60_000), toleranceSeconds: 30 }).ok,
    ).toBe(false);
  });

  it("refuses a tampered body, another secret, or a timestamp changed without re-signing", () => {
    const header = signWebhook(SECRET, BODY, NOW);
    expect(verifyWebhookSignature(SECRET, header, BODY.replace("opened", "closed"), { now: NOW })).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(verifyWebhookSignature(`${SECRET}2`, header, BODY, { now: NOW }).ok).toBe(false);
    const moved = header.replace(`t=${T}`, `t=${T + 1}`);
    expect(verifyWebhookSignature(SECRET, moved, BODY, { now: NOW }).ok).toBe(false);
  });

  it("refuses malformed headers, and accepts any matching v1 among several (secret rotation)", () => {
    for (const h of [
      undefined,
      null,
      "",
      "t=abc,v1=00",
      `v1=${"0".repeat(64)}`,
      `t=${T}`,
      `t=${T},v1=zz`,
      "x".repeat(3000),
    ])
      expect(verifyWebhookSignature(SECRET, h, BODY, { now: NOW })).toEqual({ ok: false, reason: "malformed" });
    const good = signWebhook(SECRET, BODY, NOW).split(",")[1]!;
    expect(verifyWebhookSignature(SECRET, `t=${T},v1=${"0".repeat(64)},${good}`, BODY, { now: NOW }).ok).toBe(true);
  });

  it("a new secret is whsec_ and 32 random bytes in base64url", () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.slice(6), "base64url")).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(a);
  });
});
