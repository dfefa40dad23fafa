import type { IncomingMessage, Server, ServerResponse } from "node:http";

export type AdmissionLimits = {
  /** Requests rendered or run at once; 0 turns the gate off. */
  concurrency: number;
  /** Requests allowed to wait for a slot; past it a request is refused at once. */
  queue: number;
  /** How long a request may wait for a slot before it is refused (an answer that late is worth less than a retry). */
  queueTimeoutMs: number;
  /**
   * While the request first in line has waited longer than this, a new one is
   * refused on arrival: the queue is not draining, so it would wait too. A
   * short stall (a long synchronous render) with few requests queued refuses
   * nobody; a backlog that persists refuses at once instead of at the timeout.
   */
  shedAfterMs: number;
};

export type RefusalReason = "queue_full" | "backlog" | "queue_timeout";

export type AdmissionEvents = {
  onRefused?: (reason: RefusalReason) => void;
  /** After every change of the counts (for the metrics' gauges). */
  onChange?: (counts: { running: number; waiting: number }) => void;
};

type Listener = (req: IncomingMessage, res: ServerResponse) => void;
type Waiting = { admit: () => void; timer: ReturnType<typeof setTimeout>; since: number };

/** Seconds a refused client is told to wait (Retry-After). */
export const RETRY_AFTER_SECONDS = 1;
const BUSY_MESSAGE = "The server is busy. Try again in a moment.";

/**
 * Answered without a slot: probes must tell "busy" from "down", and static
 * files are cheap (no rendering, no database).
 */
export function bypassesAdmission(url: string | undefined): boolean {
  const path = (url ?? "/").split("?", 1)[0]!;
  return (
    path === "/api/health" ||
    path === "/api/ready" ||
    path === "/api/metrics" ||
    path.startsWith("/_next/static/") ||
    path === "/icon.svg" ||
    path === "/favicon.ico"
  );
}

/**
 * Admission control in front of rendering and actions. Without it, a process
 * offered more than it can serve accepts everything: every request waits
 * behind every other, latency grows without bound and so does memory (each
 * waiting render holds its buffers). With it, at most `concurrency` requests
 * run and at most `queue` wait (first in, first out) for at most
 * `queueTimeoutMs`; an arrival finding the queue full, or its head waiting
 * longer than `shedAfterMs`, is refused at once. Refusals are 503 with
 * Retry-After, which browsers' autosave, the public API's clients and load
 * balancers all treat as "try again".
 */
export function admissionGate(
  limits: AdmissionLimits,
  handler: Listener,
  { onRefused = () => {}, onChange = () => {} }: AdmissionEvents = {},
): Listener & { inFlight: () => number; waiting: () => number } {
  let running = 0;
  const queue: Waiting[] = [];
  const changed = () => onChange({ running, waiting: queue.length });

  const release = () => {
    running--;
    const next = queue.shift();
    if (next) {
      clearTimeout(next.timer);
      next.admit();
    } else changed();
  };
  const run = (req: IncomingMessage, res: ServerResponse) => {
    running++;
    changed();
    res.once("close", release);
    handler(req, res);
  };

  const gate = (req: IncomingMessage, res: ServerResponse) => {
    if (limits.concurrency <= 0 || bypassesAdmission(req.url)) return handler(req, res);
    if (running < limits.concurrency) return run(req, res);
    if (queue.length >= limits.queue) {
      onRefused("queue_full");
      return refuseBusy(req, res);
    }
    if (queue.length > 0 && Date.now() - queue[0]!.since > limits.shedAfterMs) {
      onRefused("backlog");
      return refuseBusy(req, res);
    }
    const entry: Waiting = {
      since: Date.now(),
      admit: () => {
        res.off("close", abandon);
        run(req, res);
      },
      timer: setTimeout(() => {
        remove();
        changed();
        onRefused("queue_timeout");
        refuseBusy(req, res);
      }, limits.queueTimeoutMs),
    };
    const remove = () => {
      const i = queue.indexOf(entry);
      if (i >= 0) queue.splice(i, 1);
      res.off("close", abandon);
    };
    // The client gave up while waiting: its place goes to the next one.
    const abandon = () => {
      clearTimeout(entry.timer);
      remove();
      changed();
    };
    res.once("close", abandon);
    queue.push(entry);
    changed();
  };
  return Object.assign(gate, { inFlight: () => running, waiting: () => queue.length });
}

/** 503 with Retry-After, in the shape the caller reads its other errors in. */
export function refuseBusy(req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? "/").split("?", 1)[0]!;
  const { type, body } = busyBody(path, req.headers);
  res.writeHead(503, {
    "content-type": type,
    "retry-after": String(RETRY_AFTER_SECONDS),
    "cache-control": "no-store",
  });
  res.end(body);
}

function busyBody(path: string, headers: IncomingMessage["headers"]): { type: string; body: string } {
  if (path.startsWith("/api/v1/")) {
    return json({ error: { code: "unavailable", message: BUSY_MESSAGE } });
  }
  if (path.startsWith("/scim/")) {
    const body = { schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "503", detail: BUSY_MESSAGE };
    return { type: "application/scim+json", body: JSON.stringify(body) };
  }
  const wantsPage = !headers["next-action"] && (headers.accept ?? "").includes("text/html");
  if (wantsPage) return { type: "text/html; charset=utf-8", body: BUSY_PAGE };
  // Server actions and internal APIs: the typed, retryable error every other refusal uses.
  return json({ ok: false, code: "unavailable", error: BUSY_MESSAGE });
}

const json = (value: unknown) => ({ type: "application/json", body: JSON.stringify(value) });

// Both languages: the locale is not known without reading the session, which is what the gate avoids.
const BUSY_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS + 1}"><title>Skillgrid is busy</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2937;line-height:1.5}h1{font-size:1.25rem}</style>
</head><body><main><h1>Skillgrid is busy</h1><p>Too many requests at once. This page reloads by itself in a moment.</p>
<h1 lang="zh-TW">Skillgrid 目前忙碌中</h1><p lang="zh-TW">同時間的請求太多，本頁稍後會自動重新載入。</p></main></body></html>`;

/**
 * Puts the gate in front of the server's request handlers (Next.js's own).
 * Listeners added later (the shutdown's request tracker) still see every request.
 */
export function installAdmission(
  server: Server,
  limits: AdmissionLimits,
  events?: AdmissionEvents,
): ReturnType<typeof admissionGate> | null {
  if (limits.concurrency <= 0) return null;
  const handlers = server.listeners("request") as Listener[];
  server.removeAllListeners("request");
  const gate = admissionGate(limits, (req, res) => handlers.forEach((h) => h(req, res)), events);
  server.on("request", gate);
  return gate;
}
