// Runs once when the server starts: bring the database schema up to date
// (either engine) and make sure the default roadmap exists, before the first
// request is served.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("./db/prepare");
  await prepareDatabase();
}
