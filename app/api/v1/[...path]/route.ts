import { handleApi } from "@/lib/api/handler";

// The public REST API, /api/v1 (lib/api/operations.ts lists its operations;
// /api/v1/openapi.json documents them). Bearer tokens only: the proxy does not
// run here (see proxy.ts's matcher) and no session cookie is read.
type Context = { params: Promise<{ path: string[] }> };

async function handle(request: Request, { params }: Context): Promise<Response> {
  return handleApi(request, (await params).path ?? []);
}

export const GET = handle;
export const POST = handle;
export const DELETE = handle;
