// Liveness: the process is up and answering. Public on purpose (load balancers).
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
