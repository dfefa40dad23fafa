import { expect, test } from "@playwright/test";

import { signInAs } from "./sign-in";
import { expectNoAxeViolations } from "./support/axe";

const SHOTS = "tests/e2e/screenshots";

test.describe("the person page", () => {
  test.describe.configure({ timeout: 180_000 });

  test("a lead opens a member's page from the team heatmap, sees the what-if panel and goes on to validate", async ({
    page,
    context,
    baseURL,
  }) => {
    await signInAs(page, "Chih-Hao Lee");
    await page.getByRole("link", { name: "Data Engineering" }).first().click();
    await page.getByRole("grid").getByRole("link", { name: "Pei-Shan Kuo", exact: true }).click();
    await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
    const personUrl = page.url();

    await expect(page.getByRole("heading", { level: 1, name: "Pei-Shan Kuo" })).toBeVisible();
    const impact = page.getByRole("region", { name: "What if Pei-Shan Kuo left" });
    await expect(impact).toContainText("Nobody left");
    await expect(impact).toContainText("Provides access control for data and");
    await expect(page.getByRole("region", { name: "Latest changes" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Interests" })).toBeVisible();
    const matrix = page.getByRole("region", { name: "Skills", exact: true });
    await expect(matrix.getByRole("listitem").filter({ hasText: "Provides access control" })).toContainText(
      "Validated",
    );
    await expectNoAxeViolations(page, "person page [en]");

    for (const lang of ["en", "zh-TW"] as const) {
      await context.addCookies([{ name: "NEXT_LOCALE", value: lang, url: baseURL! }]);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await page.goto(personUrl);
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expect(page.getByRole("heading", { level: 1, name: "Pei-Shan Kuo" })).toBeVisible();
        await page.screenshot({ path: `${SHOTS}/person-page-${width}-${lang}.png`, fullPage: true });
      }
      if (lang === "zh-TW") {
        await expect(page.getByRole("region", { name: "如果 Pei-Shan Kuo 離開" })).toContainText("無人具備");
        await expectNoAxeViolations(page, "person page [zh-TW]");
      }
    }
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Validation stays on the team's page, one link away.
    await page.goto(personUrl);
    await page.getByRole("link", { name: "Validate in Data Engineering" }).click();
    await expect(page).toHaveURL(/\/teams\/[0-9a-f-]{36}\/members\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: "Pei-Shan Kuo's skills" })).toBeVisible();
  });

  test("a member of another team gets the not-found page; the person sees their page without the panel", async ({
    page,
    context,
  }) => {
    await signInAs(page, "Chih-Hao Lee");
    await page.getByRole("link", { name: "Data Engineering" }).first().click();
    await page.getByRole("grid").getByRole("link", { name: "Pei-Shan Kuo", exact: true }).click();
    await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
    const personPath = new URL(page.url()).pathname;

    await context.clearCookies();
    await signInAs(page, "Noah Kim", personPath);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Pei-Shan Kuo")).toHaveCount(0);

    await context.clearCookies();
    await signInAs(page, "Pei-Shan Kuo", personPath);
    await expect(page.getByRole("heading", { level: 1, name: "Pei-Shan Kuo" })).toBeVisible();
    await expect(page.getByRole("region", { name: /Latest changes|最近變更/ })).toBeVisible();
    await expect(page.getByRole("region", { name: /What if|如果/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /^Validate in|驗證/ })).toHaveCount(0);
  });
});
