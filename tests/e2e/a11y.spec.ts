import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";

import { signInAs } from "./sign-in";

// axe-core over the app's main pages, every rule it runs by default (WCAG 2.x
// A/AA and best practices), in both languages: the target is no violation of
// any impact. The pages are the navigation's entries (/me, /teams, /org,
// /org/people, /frameworks) and what they open first (growth, a team's heatmap
// and its vision).

type Shot = { path: string; ready: (page: Page) => Promise<void> };

const h1 = (page: Page) => expect(page.getByRole("heading", { level: 1 })).toBeVisible();
const grid = async (page: Page) => {
  await h1(page);
  await expect(page.getByRole("grid")).toBeVisible();
};

/** Violations as lines a person can act on: rule, impact, what it says, and the elements. */
function describe(violations: Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1).join("; ")}`).join("\n")}`,
    )
    .join("\n");
}

async function expectNoViolations(page: Page, lang: string, shot: Shot) {
  await page.goto(shot.path);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await shot.ready(page);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect
    .soft(
      violations.map((v) => v.id),
      `${shot.path} [${lang}]:\n${describe(violations)}`,
    )
    .toEqual([]);
}

async function mlPlatformId(page: Page): Promise<string> {
  await page.goto("/teams");
  const href = await page.getByRole("link", { name: "ML Platform" }).first().getAttribute("href");
  return /\/teams\/([0-9a-f-]{36})/.exec(href ?? "")![1]!;
}

for (const lang of ["en", "zh-TW"] as const) {
  test.describe(`axe finds nothing on the main pages [${lang}]`, () => {
    // axe walks every node of the page; the heatmap pages have thousands.
    test.describe.configure({ timeout: 180_000 });
    // Signed in first (the sign-in page is checked elsewhere), then the language is set.
    const inLanguage = ({ context, baseURL }: { context: BrowserContext; baseURL?: string }) =>
      context.addCookies([{ name: "NEXT_LOCALE", value: lang, url: baseURL! }]);

    test("a team lead's pages: skills, growth, teams, the team heatmap and its vision", async ({
      page,
      context,
      baseURL,
    }) => {
      await signInAs(page, "Alex Wang", "/me");
      await inLanguage({ context, baseURL });
      const teamId = await mlPlatformId(page);
      for (const shot of [
        { path: "/me", ready: h1 },
        { path: "/me/growth", ready: h1 },
        { path: "/teams", ready: h1 },
        { path: `/teams/${teamId}`, ready: grid },
        { path: `/teams/${teamId}/vision`, ready: h1 },
      ])
        await expectNoViolations(page, lang, shot);
    });

    test("an admin's pages: the organisation heatmap, people and frameworks", async ({ page, context, baseURL }) => {
      await signInAs(page, "Mei-Ling Chen", "/org");
      await inLanguage({ context, baseURL });
      for (const shot of [
        { path: "/org", ready: grid },
        { path: "/org/people", ready: h1 },
        { path: "/frameworks", ready: h1 },
      ])
        await expectNoViolations(page, lang, shot);
    });
  });
}
