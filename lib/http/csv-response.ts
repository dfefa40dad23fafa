import { toCsv } from "@/lib/export/csv";
import type { CellValue } from "@/lib/export/sanitize";

/** A CSV download (formula-safe cells, never cached): what every CSV route answers. */
export function csvResponse(rows: CellValue[][], filename: string): Response {
  return new Response(toCsv(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
