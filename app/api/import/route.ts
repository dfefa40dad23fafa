import { errorResponse } from "@/lib/actions/http";
import { getViewer } from "@/lib/auth/viewer";
import { assertMayImport, importRatings } from "@/lib/data/import";
import { invalid } from "@/lib/errors";
import { assertSameOrigin, MB, readBodyWithin, withBody } from "@/lib/http/request-guards";
import { timed } from "@/lib/observability/metrics";

// POST /api/import (multipart: file, mode=dry-run|apply). A route handler,
// not a server action, so the browser can report upload progress on large
// files. Admins only; checked in the data layer.
export async function POST(request: Request) {
  return timed("/api/import", () => handle(request));
}

/** The whole multipart body: the 10 MB file limit plus room for the form's framing. */
const MAX_BODY = 10 * MB + 64 * 1024;

async function handle(request: Request) {
  try {
    // Order matters: nothing is read from a cross-site or unauthorised
    // request, and an authorised one is read only up to the limit.
    assertSameOrigin(request);
    const viewer = assertMayImport(await getViewer());
    const body = await readBodyWithin(request, MAX_BODY);
    const form = await withBody(request, body)
      .formData()
      .catch(() => {
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
