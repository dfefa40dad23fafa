import { expect, test } from "@playwright/test";

import { signInAs } from "./sign-in";

const SHOTS = "tests/e2e/screenshots";

test.describe("framework browser", () => {
  test("shows the MLOps roadmap in English and switches to Traditional Chinese", async ({ page, context }) => {
    await context.setExtraHTTPHeaders({ "Accept-Language": "en-US,en;q=0.9" });
    await signInAs(page, "Hana Sato", "/frameworks");
    await expect(page.getByRole("heading", { level: 1, name: "Career roadmaps" })).toBeVisible();
    await expect(page.getByText("3 levels · 15 categories · 33 skills")).toBeVisible();
    await page.getByRole("link", { name: "Browse roadmap" }).click();

    await expect(
      page.getByRole("heading", { level: 1, name: "MLOps Engineer Career Roadmap (Detailed Edition)" }),
    ).toBeVisible();
    const levels = page.getByRole("heading", { level: 2, name: /MLOps Engineer —/ });
    await expect(levels).toHaveCount(3);
    await expect(
      page
        .getByRole("region", { name: /Junior MLOps Engineer/ })
        .getByRole("listitem")
        .filter({ hasText: /^Uses Git for version control$/ }),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: "Platform capabilities" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Canary / shadow / A-B serving" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/framework-en.png`, fullPage: true });

    await page.getByRole("button", { name: "Account menu" }).click();
    await page.getByRole("menuitemradio", { name: "繁體中文" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "MLOps 工程師職涯成長路線圖（詳細版）" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /初階 MLOps 工程師/ })).toBeVisible();
    await expect(page.getByText("能閱讀與修改資料科學家的 Notebook 代碼")).toBeVisible();
    await expect(page.getByRole("heading", { name: "技能累積建議對照表" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
    await page.screenshot({ path: `${SHOTS}/framework-zh-TW.png`, fullPage: true });

    // The choice is remembered across reloads.
    await page.reload();
    await expect(page.getByRole("link", { name: "職涯路線圖" })).toHaveAttribute("aria-current", "page");

    // The choice is stored for the person too (tests/e2e/locale.spec.ts): switch back, other specs sign Hana in in English.
    await page.getByRole("button", { name: "帳號選單" }).click();
    await page.getByRole("menuitemradio", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });

  test("follows the browser's language when no preference is saved", async ({ browser }) => {
    const context = await browser.newContext({
      locale: "zh-TW",
      extraHTTPHeaders: { "Accept-Language": "zh-TW,zh;q=0.9" },
    });
    const page = await context.newPage();
    await page.goto("/frameworks");
    await page.getByRole("button", { name: "使用 Acme SSO 登入" }).click();
    await page.getByRole("button", { name: /^Grace Ho\b/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "職涯路線圖" })).toBeVisible();
    await expect(page.getByText("3 個等級 · 15 個範疇 · 33 項技能")).toBeVisible();
    await context.close();
  });

  test("an unknown roadmap is a 404 page, not an error", async ({ page }) => {
    await signInAs(page, "Hana Sato", "/frameworks");
    const response = await page.goto("/frameworks/00000000-0000-4000-8000-000000000000");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    const malformed = await page.goto("/frameworks/not-a-uuid");
    expect(malformed?.status()).toBe(404);
  });
});
