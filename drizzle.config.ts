import { defineConfig } from "drizzle-kit";

// Only used by `npm run db:generate` (drizzle-kit generate), which diffs the
// schema against the committed migrations. Applying migrations is done by
// db/migrate.ts for both engines, so no credentials are needed here.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
