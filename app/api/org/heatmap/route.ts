import { errorResponse } from "@/lib/actions/http";
import { getViewer } from "@/lib/auth/viewer";
import { getOrgHeatmapJson } from "@/lib/data/heatmap";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { timed } from "@/lib/observability/metrics";

// GET /api/org/heatmap?quarter=2026-Q4 (admins): every active team's members
// against the framework most teams use, in the same compact shape as the
// team heatmap.
export async function GET(request: Request) {
  return timed("/api/org/heatmap", async () => {
    try {
      const quarter = new URL(request.url).searchParams.get("quarter") || undefined;
      const json = await getOrgHeatmapJson(await getViewer(), { quarter }, { locale: await getAppLocale() });
      return new Response(json, {
        headers: { "content-type": "application/json", "cache-control": "private, no-store" },
      });
    } catch (e) {
      return errorResponse(e);
    }
  });
}
