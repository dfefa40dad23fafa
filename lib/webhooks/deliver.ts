import { randomUUID } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";

import type { Db } from "@/db/client";
import { claimDueWebhooks, settleWebhook, type AttemptRecord, type ClaimedWebhook } from "@/db/queries/webhooks";
import { DEFAULT_RETRY, retryDelayMs } from "@/lib/notifications/schedule";

import { signWebhook } from "./signature";
import { BlockedWebhookTarget, resolveWebhookTarget, type LookupAddress, type WebhookLookup } from "./ssrf";

// Webhook delivery: claim what is due, POST it signed, settle it (the email
// worker's pattern, lib/notifications/worker.ts). At least once: a delivery
// is settled as delivered only after a 2xx, and a worker that dies in between
// leaves a claim that lapses and is taken again; receivers deduplicate on the
// event id. Redirects are never followed (the next hop would skip the address
// check), so a 3xx is a failed attempt like a 500.

export type WebhookDeliveryConfig = {
  db: Db;
  /** WEBHOOKS_ALLOW_PRIVATE: deliver to loopback and private addresses too. */
  allowPrivate: boolean;
  /** Resolves host names (all addresses); tests map names without DNS. */
  lookup?: WebhookLookup;
  timeoutMs?: number;
  batch?: number;
  claimMs?: number;
  retry?: { baseMs: number; capMs: number; maxAttempts: number };
  /** Aborts requests in flight (shutdown): their claims lapse and they are sent again later. */
  signal?: AbortSignal;
  log?: { warn: (o: object, msg: string) => void };
};

export type WebhookPassResult = { claimed: number; delivered: number; failed: number; dead: number };

const CONCURRENCY = 4;
const SNIPPET_CHARS = 120;

/** One pass: claims up to `batch` due deliveries and settles each. */
export async function deliverDueWebhooks(config: WebhookDeliveryConfig, now = new Date()): Promise<WebhookPassResult> {
  const token = randomUUID();
  const claimed = await claimDueWebhooks(config.db, {
    now,
    limit: config.batch ?? 20,
    claimToken: token,
    claimMs: config.claimMs ?? 2 * 60_000,
  });
  const result: WebhookPassResult = { claimed: claimed.length, delivered: 0, failed: 0, dead: 0 };
  const queue = [...claimed];
  const work = async () => {
    for (let d = queue.shift(); d; d = queue.shift()) result[await deliverOne(config, d, token)]++;
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, claimed.length) }, work));
  return result;
}

async function deliverOne(
  config: WebhookDeliveryConfig,
  d: ClaimedWebhook,
  token: string,
): Promise<"delivered" | "failed" | "dead"> {
  const started = Date.now();
  const attempt: AttemptRecord = d.disabled
    ? { status: null, error: "The endpoint is disabled.", durationMs: 0 }
    : await attemptDelivery(config, d);
  attempt.durationMs ||= Date.now() - started;
  const at = new Date();
  const retry = config.retry ?? DEFAULT_RETRY;
  const ok = attempt.status !== null && attempt.status >= 200 && attempt.status < 300;
  if (ok) {
    await settleWebhook(config.db, d.id, token, { status: "delivered", at }, attempt);
    return "delivered";
  }
  if (d.disabled || d.attempts >= retry.maxAttempts) {
    await settleWebhook(config.db, d.id, token, { status: "dead", at }, attempt);
    config.log?.warn({ deliveryId: d.id, event: d.event, attempts: d.attempts }, "webhook: gave up");
    return "dead";
  }
  const dueAt = new Date(at.getTime() + retryDelayMs(d.attempts, retry));
  await settleWebhook(config.db, d.id, token, { status: "pending", at, dueAt }, attempt);
  return "failed";
}

/** Resolves and checks the target, then POSTs; what happened, as an attempt row (status or error, never the body). */
async function attemptDelivery(config: WebhookDeliveryConfig, d: ClaimedWebhook): Promise<AttemptRecord> {
  const started = Date.now();
  let target: LookupAddress;
  try {
    target = await resolveWebhookTarget(d.url, { lookup: config.lookup, allowPrivate: config.allowPrivate });
  } catch (e) {
    const error = e instanceof BlockedWebhookTarget ? e.message : "The host name did not resolve.";
    return { status: null, error, durationMs: Date.now() - started };
  }
  const body = JSON.stringify(d.payload);
  const headers = {
    "content-type": "application/json",
    "user-agent": "Skillgrid-Webhooks/1",
    "skillgrid-event": d.event,
    "skillgrid-event-id": d.eventId,
    "skillgrid-delivery": d.id,
    "skillgrid-signature": signWebhook(d.secret, body),
  };
  const answer = await post(d.url, body, headers, target, config);
  return { ...answer, durationMs: Date.now() - started };
}

/** A lookup that answers with the address already checked, whatever DNS would say now. */
function pinnedLookup(target: LookupAddress): LookupFunction {
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [target]);
    else callback(null, target.address, target.family);
  }) as LookupFunction;
}

function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  target: LookupAddress,
  config: WebhookDeliveryConfig,
): Promise<Omit<AttemptRecord, "durationMs">> {
  const timeoutMs = config.timeoutMs ?? 10_000;
  return new Promise((resolve) => {
    const client = url.startsWith("https:") ? https : http;
    const req = client.request(url, {
      method: "POST",
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
      lookup: pinnedLookup(target),
      agent: false,
      signal: config.signal,
    });
    const timer = setTimeout(() => req.destroy(new Error(`No answer within ${timeoutMs / 1000} s.`)), timeoutMs);
    const finish = (r: Omit<AttemptRecord, "durationMs">) => {
      clearTimeout(timer);
      resolve(r);
    };
    req.on("error", (e: NodeJS.ErrnoException) => finish({ status: null, error: describeNetworkError(e) }));
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 200 && status < 300) {
        res.resume();
        res.on("end", () => finish({ status, error: null }));
        res.on("error", () => finish({ status, error: null }));
        return;
      }
      let snippet = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        snippet += chunk;
        if (snippet.length >= SNIPPET_CHARS) res.destroy();
      });
      const done = () => finish({ status, error: failureText(status, snippet) });
      res.on("end", done);
      res.on("close", done);
    });
    req.end(body);
  });
}

function failureText(status: number, snippet: string): string {
  const text = snippet
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .trim()
    .slice(0, SNIPPET_CHARS);
  const what = status >= 300 && status < 400 ? `HTTP ${status}: redirects are not followed` : `HTTP ${status}`;
  return text ? `${what} (${text})` : what;
}

/** Why nothing came back, in words that name no internals (no stack, no secret). */
function describeNetworkError(e: NodeJS.ErrnoException): string {
  if (e.name === "AbortError") return "Stopped: the server is shutting down.";
  if (e.code === "ECONNREFUSED") return "Connection refused.";
  if (e.code === "ECONNRESET") return "Connection reset.";
  if (e.code === "ETIMEDOUT") return "Connection timed out.";
  if (e.code?.startsWith("ERR_TLS") || e.code?.includes("CERT")) return "TLS failed: the certificate did not verify.";
  if (e.message.startsWith("No answer within")) return e.message;
  return e.code ? `Network error (${e.code}).` : "Network error.";
}
