import { errorResponse } from "@/lib/actions/http";
import { getViewer } from "@/lib/auth/viewer";
import { findPeople } from "@/lib/data/people";
import { csvResponse } from "@/lib/http/csv-response";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { timed } from "@/lib/observability/metrics";
import { paramsToQuery } from "@/lib/validations/people";

// GET /api/people/find?r=<roadmap>/<skill>~<level>[~i]&team=&level=&validated=1&fresh=1 → the
// search's result as CSV (formula-safe), for whoever may search.
export async function GET(request: Request) {
  return timed("/api/people/find", async () => {
    try {
      const query = paramsToQuery(new URL(request.url).searchParams);
      const view = await findPeople(await getViewer(), query, { locale: await getAppLocale() });
      const header = ["person", "teams", "level", "match_percent", "ready_with_training"];
      for (const n of view.requirements) {
        const name = `${n.ref} >=${n.level}${n.interested ? " interested" : ""}`;
        header.push(`${name}: value`, `${name}: source`, `${name}: stale`, `${name}: interested`);
      }
      const rows = view.rows.map((r) => [
        r.person.name,
        r.person.teams.map((x) => x.name).join("; "),
        r.person.levelName,
        r.score,
        r.readyWithTraining,
        ...r.cells.flatMap((c) => [c.value, c.source, c.value === null ? null : c.stale, (c.interest ?? 0) >= 1]),
      ]);
      return csvResponse([header, ...rows], "skillgrid-people.csv");
    } catch (e) {
      return errorResponse(e);
    }
  });
}
