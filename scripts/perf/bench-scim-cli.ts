/**
 * npm run bench:scim — only the directory-sync scenario of `npm run bench`
 * (scripts/perf/bench-scim.ts), on a throwaway PostgreSQL and the production
 * build: a minute instead of the whole bench.
 */
import { buildIfStale } from "../lib/build.mjs";
import { measureScimProvisioning } from "./bench-scim";
import { ROOT, round, startPostgres } from "./harness";

async function main() {
  buildIfStale(ROOT);
  const pg = await startPostgres();
  try {
    const f = await measureScimProvisioning(pg.url);
    console.log(
      `SCIM: ${f.people} people and ${f.groups} groups provisioned from empty in ${round(f.provisionSeconds)} s (target ≤ 60 s); ` +
        `re-sync in ${round(f.resyncSeconds)} s wrote ${f.resyncWrites} audit rows (target 0); ` +
        `${f.retried} requests got 429 and were sent again.`,
    );
  } finally {
    pg.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
