import { readiness } from "@/lib/server/ops";

// Readiness: database reachable and migrations current. Public on purpose
// (orchestrators); it reveals no data, only counts of migrations.
export async function GET() {
  const state = await readiness();
  return Response.json(state, { status: state.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
