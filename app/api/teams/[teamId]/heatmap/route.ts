import { errorResponse } from "@/lib/actions/http";
import { getViewer } from "@/lib/auth/viewer";
import { getTeamHeatmapJson } from "@/lib/data/heatmap";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { timed } from "@/lib/observability/metrics";

// GET /api/teams/:teamId/heatmap?quarter=2026-Q4
// The team matrix (cells as strings of digits, one character per member ×
// skill) with coverage, the vision's readiness and ranked priorities. The
// data layer checks that the caller may see this team.
export async function GET(request: Request, ctx: { params: Promise<{ teamId: string }> }) {
  return timed("/api/teams/[teamId]/heatmap", async () => {
    try {
      const { teamId } = await ctx.params;
      const quarter = new URL(request.url).searchParams.get("quarter") || undefined;
      const json = await getTeamHeatmapJson(await getViewer(), { teamId, quarter }, { locale: await getAppLocale() });
      return new Response(json, {
        headers: { "content-type": "application/json", "cache-control": "private, no-store" },
      });
    } catch (e) {
      return errorResponse(e);
    }
  });
}
