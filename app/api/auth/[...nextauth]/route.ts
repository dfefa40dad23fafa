import NextAuth from "next-auth";
import { NextRequest } from "next/server";

import { errorResponse } from "@/lib/actions/http";
import { getAuthOptions } from "@/lib/auth/options";
import { readBodyWithin } from "@/lib/http/request-guards";

// next-auth's own endpoints (sign-in, OIDC callback, sign-out, CSRF). Public
// by nature; admission rules run in the signIn callback (lib/auth/admit.ts).
// Their form posts are a few hundred bytes: the body is read here under a
// small streamed cap, so a huge (or chunked) post is refused before next-auth
// would buffer it.
type Ctx = { params: Promise<{ nextauth: string[] }> };

const MAX_AUTH_BODY = 16 * 1024;

async function handler(req: NextRequest, ctx: Ctx) {
  let request = req;
  if (req.method === "POST") {
    try {
      const body = await readBodyWithin(req, MAX_AUTH_BODY);
      request = new NextRequest(req.url, { method: "POST", headers: req.headers, body: body as BodyInit });
    } catch (e) {
      return errorResponse(e);
    }
  }
  return NextAuth(request as never, { params: await ctx.params } as never, getAuthOptions());
}

export { handler as GET, handler as POST };
