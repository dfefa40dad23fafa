import { errorResponse } from "@/lib/actions/http";
import { getViewer } from "@/lib/auth/viewer";
import { exportAuditEvents } from "@/lib/data/audit-log";
import { toCsv } from "@/lib/export/csv";
import { timed } from "@/lib/observability/metrics";

// GET /api/audit/export?actor=&action=&entityType=&from=&to= → CSV (admins, a few per minute:
// past that, 429 with Retry-After).
export async function GET(request: Request) {
  return timed("/api/audit/export", async () => {
    try {
      const params = Object.fromEntries(
        [...new URL(request.url).searchParams.entries()].filter(([k, v]) => v !== "" && k !== "page"),
      );
      const rows = await exportAuditEvents(await getViewer(), params);
      const csv = toCsv([
        ["at", "actor", "action", "entity_type", "entity_id", "before", "after"],
        ...rows.map((r) => [
          r.at,
          r.actor,
          r.action,
          r.entityType,
          r.entityId,
          r.before === null ? null : JSON.stringify(r.before),
          r.after === null ? null : JSON.stringify(r.after),
        ]),
      ]);
      return new Response(csv, {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": 'attachment; filename="skillgrid-audit.csv"',
          "cache-control": "no-store",
        },
      });
    } catch (e) {
      return errorResponse(e);
    }
  });
}
