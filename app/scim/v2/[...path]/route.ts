import { handleScim } from "@/lib/scim/handler";

// SCIM 2.0 (RFC 7644) for the org's IdP: every method and path under
// /scim/v2 goes through lib/scim/handler.ts, which authenticates the bearer
// token itself (the proxy does not run here: see proxy.ts's matcher).
type Context = { params: Promise<{ path: string[] }> };

async function handle(request: Request, { params }: Context): Promise<Response> {
  return handleScim(request, (await params).path);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
