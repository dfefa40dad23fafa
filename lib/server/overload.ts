import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";

import { installAdmission, type RefusalReason } from "./admission";
import { findHttpServer } from "./http-server";

// One warning per this long while refusing, with the counts: a log line per refused request would itself be load.
const LOG_EVERY_MS = 10_000;

/** Puts admission control (lib/server/admission.ts) in front of Next.js's request handler, with the env's limits. */
export function installOverloadProtection(): boolean {
  const env = getEnv();
  const log = getLogger();
  if (env.NODE_ENV !== "production" || env.ADMISSION_CONCURRENCY === 0) return false;
  const server = findHttpServer();
  if (!server) {
    log.warn({}, "admission: no listening HTTP server found; requests are not limited");
    return false;
  }
  const limits = {
    concurrency: env.ADMISSION_CONCURRENCY,
    queue: env.ADMISSION_QUEUE,
    queueTimeoutMs: env.ADMISSION_QUEUE_TIMEOUT_MS,
    shedAfterMs: env.ADMISSION_SHED_AFTER_MS,
  };
  const refused: Record<RefusalReason, number> = { queue_full: 0, backlog: 0, queue_timeout: 0 };
  let lastLog = 0;
  installAdmission(server, limits, {
    onRefused: (reason) => {
      metrics().overloadRefusals.inc({ reason });
      refused[reason]++;
      if (Date.now() - lastLog < LOG_EVERY_MS) return;
      lastLog = Date.now();
      log.warn({ ...limits, refusedSinceStart: refused }, "admission: overloaded, refusing requests with 503");
    },
    onChange: ({ running, waiting }) => {
      metrics().admission.set({ state: "running" }, running);
      metrics().admission.set({ state: "waiting" }, waiting);
    },
  });
  return true;
}
