import { errorResponse } from "@/lib/actions/http";
import { getViewer } from "@/lib/auth/viewer";
import { proposeProjectStaffing } from "@/lib/data/staffing";
import { csvResponse } from "@/lib/http/csv-response";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { timed } from "@/lib/observability/metrics";
import { paramsToQuery } from "@/lib/validations/people";

// GET /api/people/staff?r=<roadmap>/<skill>~<level>~<people>&exclude=&max=&harm=1 → the staffing
// proposal as CSV (formula-safe): one row per proposed person, with what their home teams lose.
export async function GET(request: Request) {
  return timed("/api/people/staff", async () => {
    try {
      const query = paramsToQuery(new URL(request.url).searchParams);
      const view = await proposeProjectStaffing(await getViewer(), query, { locale: await getAppLocale() });
      const header = ["person", "home_teams", "covers", "breaks_home_targets", "single_points", "alternatives"];
      const rows = (view.result?.proposal.picks ?? []).map((p) => [
        p.person.name,
        p.person.teams.map((x) => x.name).join("; "),
        p.coversNames.join("; "),
        p.impact
          .filter((i) => i.breaks)
          .map((i) => `${i.team}: ${i.target} / ${i.skill} ${i.before}->${i.after} of ${i.headcount}`)
          .join("; "),
        p.singlePoints.map((s) => `${s.team}: ${s.skill} (${s.left} left)`).join("; "),
        p.alternatives.map((a) => a.name).join("; "),
      ]);
      const short = (view.result?.proposal.short ?? []).map((s) => [
        `short: ${s.requirement}`,
        "",
        "",
        "",
        "",
        `${s.missing} missing`,
      ]);
      return csvResponse([header, ...rows, ...short], "skillgrid-staffing.csv");
    } catch (e) {
      return errorResponse(e);
    }
  });
}
