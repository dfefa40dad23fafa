import { openApiDocument } from "@/lib/api/document";

// GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, generated from the
// same zod schemas the API validates with. Public: it describes, it reveals no data.
export const dynamic = "force-static";

export function GET() {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
