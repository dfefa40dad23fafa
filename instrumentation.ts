// Runs once when the server starts: bring the database schema up to date
// (either engine) and make sure the default roadmap exists, before the first
// request is served. Puts admission control in front of the request handler
// (lib/server/overload.ts). Also takes over SIGTERM/SIGINT: drain requests, close
// the database, exit 0 (lib/server/shutdown.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Next.js logs uncaught errors with console.error: database errors there
  // carry the SQL and its bound values, so they are described safely instead.
  const { guardConsoleErrors } = await import("./lib/observability/console-errors");
  guardConsoleErrors();
  const { prepareDatabase } = await import("./db/prepare");
  const { installGracefulShutdown } = await import("./lib/server/shutdown");
  const { installOverloadProtection } = await import("./lib/server/overload");
  const startup = prepareDatabase();
  // Before the shutdown's request tracker, which then still sees every request (refused ones included).
  installOverloadProtection();
  installGracefulShutdown({ startup });
  await startup;
  // Email: delivery and the schedule run in the background once the database is ready.
  const { startNotificationRuntime } = await import("./lib/notifications/runtime");
  startNotificationRuntime();
}
