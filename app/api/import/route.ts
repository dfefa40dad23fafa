import { errorResponse } from "@/lib/actions/http";
import { timed } from "@/lib/observability/metrics";
import { getViewer } from "@/lib/auth/viewer";
import { importRatings } from "@/lib/data/import";
import { invalid } from "@/lib/errors";

// POST /api/import (multipart: file, mode=dry-run|apply). A route handler,
// not a server action, so the browser can report upload progress on large
// files. Admins only; checked in the data layer.
export async function POST(request: Request) {
  return timed("/api/import", () => handle(request));
}

const MAX_BODY = 11 * 1024 * 1024;

async function handle(request: Request) {
  try {
    // Refuse oversized uploads before reading them.
    if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY) {
      return Response.json({ error: "The file is larger than 10 MB." }, { status: 413 });
    }
    const viewer = await getViewer();
    const form = await request.formData().catch(() => {
      throw invalid("Send the file as multipart form data.");
    });
    const file = form.get("file");
    const raw = {
      mode: form.get("mode"),
      filename: file instanceof File ? file.name : undefined,
      bytes: file instanceof File ? new Uint8Array(await file.arrayBuffer()) : undefined,
    };
    return Response.json(await importRatings(viewer, raw));
  } catch (e) {
    return errorResponse(e);
  }
}
