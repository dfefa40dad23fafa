import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layer rules in eslint.config.mjs, checked the way `npm run lint` checks
// a file: a wrong import in a given place must be reported, a right one not.

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

// The first lintText loads the whole ESLint config (typescript-eslint, Next's
// plugins): seconds on a busy machine, so these tests get a minute each.
describe("import boundaries between the layers", { timeout: 60_000 }, () => {
  it("keeps components away from app/ (server actions live in lib/actions) and from the database", async () => {
    expect(
      await restricted("components/x/bad.tsx", 'import { a } from "@/app/(app)/me/actions";\nexport const b = a;\n'),
    ).toEqual([
      "'@/app/(app)/me/actions' import is restricted from being used by a pattern. components/ may not import app/: server actions live in lib/actions/.",
    ]);
    expect(
      await restricted("components/x/bad.tsx", 'import { getDb } from "@/db/client";\nexport const b = getDb;\n'),
    ).toHaveLength(1);
    expect(
      await restricted(
        "components/x/good.tsx",
        'import { saveMyRatingAction } from "@/lib/actions/ratings";\nexport const b = saveMyRatingAction;\n',
      ),
    ).toEqual([]);
  });

  it("keeps pages and routes off the database: they go through lib/data", async () => {
    expect(
      await restricted("app/x/page.tsx", 'import { teams } from "@/db/schema";\nexport const b = teams;\n'),
    ).toHaveLength(1);
    expect(
      await restricted(
        "app/x/page.tsx",
        'import { getTeamVision } from "@/lib/data/vision";\nexport const b = getTeamVision;\n',
      ),
    ).toEqual([]);
  });

  it("keeps lib/ from importing components, and the pure modules from the database", async () => {
    expect(
      await restricted("lib/data/x.ts", 'import { Button } from "@/components/ui/button";\nexport const b = Button;\n'),
    ).toHaveLength(1);
    expect(
      await restricted("lib/analytics/x.ts", 'import { getDb } from "@/db/client";\nexport const b = getDb;\n'),
    ).toHaveLength(1);
    expect(
      await restricted("lib/export/x.ts", 'import { ratings } from "../../db/schema";\nexport const b = ratings;\n'),
    ).toHaveLength(1);
    expect(
      await restricted("lib/data/x.ts", 'import { getDb } from "@/db/client";\nexport const b = getDb;\n'),
    ).toEqual([]);
  });
});
