import { readFile } from "node:fs/promises";
import path from "node:path";

// Scalar's browser bundle for /api/docs, from the installed package (no CDN).
export const dynamic = "force-static";

const BUNDLE = path.join(process.cwd(), "node_modules/@scalar/api-reference/dist/browser/standalone.js");

export async function GET(): Promise<Response> {
  const body = await readFile(BUNDLE);
  return new Response(new Uint8Array(body), {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400" },
  });
}
