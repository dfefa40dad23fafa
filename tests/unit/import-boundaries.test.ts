import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layer rules in eslint.config.mjs, checked the way `npm run lint` checks
// a file: a wrong import in a given place must be reported, a right one not.

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

/** A module that imports `name` from `from` and uses it. */
const importing = (name: string, from: string) => `import { ${name} } from "${from}";\nexport const b = ${name};\n`;

// The first lintText loads the whole ESLint config (typescript-eslint, Next's
// plugins): seconds on a busy machine, so these tests get a minute each.
describe("import boundaries between the layers", { timeout: 60_000 }, () => {
  it.each([
    // Components stay away from app/ (server actions live in lib/actions) and from the database.
    { file: "components/x/bad.tsx", name: "a", from: "@/app/(app)/me/actions", reported: 1 },
    { file: "components/x/bad.tsx", name: "getDb", from: "@/db/client", reported: 1 },
    { file: "components/x/good.tsx", name: "saveMyRatingAction", from: "@/lib/actions/ratings", reported: 0 },
    // Pages and routes stay off the database: they go through lib/data.
    { file: "app/x/page.tsx", name: "teams", from: "@/db/schema", reported: 1 },
    { file: "app/x/page.tsx", name: "getTeamVision", from: "@/lib/data/vision", reported: 0 },
    // lib/ never imports components, and the pure modules never the database (nor by a relative path).
    { file: "lib/data/x.ts", name: "Button", from: "@/components/ui/button", reported: 1 },
    { file: "lib/analytics/x.ts", name: "getDb", from: "@/db/client", reported: 1 },
    { file: "lib/export/x.ts", name: "ratings", from: "../../db/schema", reported: 1 },
    { file: "lib/data/x.ts", name: "getDb", from: "@/db/client", reported: 0 },
  ])("$file importing $name from $from: $reported reported", async ({ file, name, from, reported }) => {
    expect(await restricted(file, importing(name, from))).toHaveLength(reported);
  });

  it("says why components/ may not import app/", async () => {
    expect(await restricted("components/x/bad.tsx", importing("a", "@/app/(app)/me/actions"))).toEqual([
      "'@/app/(app)/me/actions' import is restricted from being used by a pattern. components/ may not import app/: server actions live in lib/actions/.",
    ]);
  });
});
