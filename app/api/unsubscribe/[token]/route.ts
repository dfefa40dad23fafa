import { errorResponse } from "@/lib/actions/http";
import { unsubscribeWithLink } from "@/lib/data/notifications";
import { readBodyWithin } from "@/lib/http/request-guards";
import { timed } from "@/lib/observability/metrics";

// The one-click unsubscribe of every email's List-Unsubscribe header
// (RFC 8058): mail providers POST "List-Unsubscribe=One-Click" here without
// a session or an Origin, so there is no origin check — the signed token is
// the proof, checked before the database is touched, and all it can do is
// turn one kind of email off (once: again is a no-op). The page
// /unsubscribe/[token] posts its form here too. GET never unsubscribes (link
// scanners follow links): it leads to that page.

type Params = { params: Promise<{ token: string }> };

/** "List-Unsubscribe=One-Click", or the page's form: a few bytes. */
const MAX_BODY = 1024;

export async function POST(request: Request, { params }: Params) {
  return timed("/api/unsubscribe", async () => {
    try {
      await readBodyWithin(request, MAX_BODY);
      const { token } = await params;
      const { kind } = await unsubscribeWithLink({ token });
      // The page's own form (a browser navigation) comes back to the page, which now says it is done.
      if (request.headers.get("sec-fetch-mode") === "navigate")
        return new Response(null, { status: 303, headers: { location: `/unsubscribe/${encodeURIComponent(token)}` } });
      return Response.json({ ok: true, kind });
    } catch (e) {
      return errorResponse(e);
    }
  });
}

export async function GET(_request: Request, { params }: Params) {
  const { token } = await params;
  return new Response(null, { status: 303, headers: { location: `/unsubscribe/${encodeURIComponent(token)}` } });
}
