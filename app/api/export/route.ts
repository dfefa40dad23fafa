import { Readable } from "node:stream";

import { errorResponse } from "@/lib/actions/http";
import { getViewer } from "@/lib/auth/viewer";
import { getPlanningDataset } from "@/lib/data/exports";
import { streamXlsx, writeCsvZip, writeJson } from "@/lib/export/writers";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { timed } from "@/lib/observability/metrics";

// GET /api/export?scope=team&teamId=…&quarter=2026-Q4&format=xlsx|csv|json
// The data layer checks the caller (team leads for their team, admins for
// the org) and records the export in the audit trail.
export async function GET(request: Request) {
  return timed("/api/export", () => handle(request));
}

async function handle(request: Request) {
  try {
    const params = new URL(request.url).searchParams;
    const raw = Object.fromEntries(
      [...params.entries()].filter(([k, v]) => ["scope", "teamId", "quarter", "format"].includes(k) && v !== ""),
    );
    const data = await getPlanningDataset(await getViewer(), raw, { locale: await getAppLocale() });
    const { filename, ...dataset } = data;
    const headers = (type: string, ext: string) => ({
      "content-type": type,
      "content-disposition": `attachment; filename="${filename}.${ext}"`,
      "cache-control": "no-store",
    });
    if (raw.format === "json")
      return new Response(writeJson(dataset), { headers: headers("application/json; charset=utf-8", "json") });
    if (raw.format === "csv")
      return new Response(Buffer.from(writeCsvZip(dataset)), { headers: headers("application/zip", "csv.zip") });
    const stream = Readable.toWeb(streamXlsx(dataset)) as ReadableStream<Uint8Array>;
    return new Response(stream, {
      headers: headers("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    });
  } catch (e) {
    return errorResponse(e);
  }
}
