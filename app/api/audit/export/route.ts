import { errorResponse } from "@/lib/actions/http";
import { getViewer } from "@/lib/auth/viewer";
import { exportAuditEvents } from "@/lib/data/audit-log";
import { csvResponse } from "@/lib/http/csv-response";
import { timed } from "@/lib/observability/metrics";

// GET /api/audit/export?actor=&action=&entityType=&from=&to= → CSV (admins, a few per minute:
// past that, 429 with Retry-After).
export async function GET(request: Request) {
  return timed("/api/audit/export", async () => {
    try {
      const params = Object.fromEntries(
        [...new URL(request.url).searchParams.entries()].filter(([k, v]) => v !== "" && k !== "page"),
      );
      const events = await exportAuditEvents(await getViewer(), params);
      const rows = [
        ["at", "actor", "action", "entity_type", "entity_id", "before", "after"],
        ...events.map((r) => [
          r.at,
          r.actor,
          r.action,
          r.entityType,
          r.entityId,
          r.before === null ? null : JSON.stringify(r.before),
          r.after === null ? null : JSON.stringify(r.after),
        ]),
      ];
      return csvResponse(rows, "skillgrid-audit.csv");
    } catch (e) {
      return errorResponse(e);
    }
  });
}
