import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

// Prometheus metrics, one registry per process (cached on globalThis so
// Next's module reloading never registers a metric twice).
type Metrics = {
  registry: Registry;
  requestDuration: Histogram<"route" | "status">;
  ratingWrites: Counter<"kind">;
  exports: Counter<"format" | "scope">;
  signIns: Counter<"outcome">;
  errors: Counter<"where">;
  notifications: Counter<"kind" | "outcome">;
  overloadRefusals: Counter<"reason">;
  admission: Gauge<"state">;
};
const globalForMetrics = globalThis as unknown as { __skillgridMetrics?: Metrics };

export function metrics(): Metrics {
  if (!globalForMetrics.__skillgridMetrics) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: "skillgrid_" });
    globalForMetrics.__skillgridMetrics = {
      registry,
      requestDuration: new Histogram({
        name: "skillgrid_request_duration_seconds",
        help: "Duration of route handlers and server actions, by route",
        labelNames: ["route", "status"],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers: [registry],
      }),
      ratingWrites: new Counter({
        name: "skillgrid_rating_writes_total",
        help: "Rating history rows written",
        labelNames: ["kind"],
        registers: [registry],
      }),
      exports: new Counter({
        name: "skillgrid_exports_total",
        help: "Planning exports served",
        labelNames: ["format", "scope"],
        registers: [registry],
      }),
      signIns: new Counter({
        name: "skillgrid_sign_ins_total",
        help: "Sign-in decisions",
        labelNames: ["outcome"],
        registers: [registry],
      }),
      errors: new Counter({
        name: "skillgrid_errors_total",
        help: "Unexpected errors (reported to clients as generic failures)",
        labelNames: ["where"],
        registers: [registry],
      }),
      notifications: new Counter({
        name: "skillgrid_notifications_total",
        help: "Email delivery attempts by kind: sent, failed (will retry), retried (sent after a failure), dead, skipped, expired",
        labelNames: ["kind", "outcome"],
        registers: [registry],
      }),
      overloadRefusals: new Counter({
        name: "skillgrid_overload_refusals_total",
        help: "Requests refused with 503 by admission control: queue_full and backlog (refused on arrival), queue_timeout (waited too long)",
        labelNames: ["reason"],
        registers: [registry],
      }),
      admission: new Gauge({
        name: "skillgrid_admission_requests",
        help: "Requests behind admission control: running (holding a slot) and waiting for one",
        labelNames: ["state"],
        registers: [registry],
      }),
    };
  }
  return globalForMetrics.__skillgridMetrics;
}

/** Times a route handler or action and records its status. */
export async function timed<T extends Response>(route: string, fn: () => Promise<T>): Promise<T> {
  const end = metrics().requestDuration.startTimer({ route });
  try {
    const response = await fn();
    end({ status: String(response.status) });
    return response;
  } catch (e) {
    end({ status: "500" });
    throw e;
  }
}
