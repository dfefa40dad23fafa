import { storageState } from "@/lib/server/ops";

// Liveness: the process is up and can serve. Public on purpose (load
// balancers, supervisors). 503 only when it cannot serve at all: the embedded
// database could not be opened (read-only or nearly full disk at start) or
// failed for good. A disk that fills while running is a readiness problem
// (reads still work; writes resume once space is freed).
export function GET() {
  const { problem, serving } = storageState();
  return Response.json(serving ? { status: "ok" } : { status: "failed", problem }, {
    status: serving ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
