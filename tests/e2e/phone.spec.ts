import { expect, test, type Page } from "@playwright/test";

import { signInAs } from "./sign-in";

const SHOTS = "tests/e2e/screenshots";
const PHONE = { width: 390, height: 844 };

const LABELS = {
  en: {
    menu: "Menu",
    account: "Account menu",
    signOut: "Sign out",
    me: "My skills",
    growth: "My growth",
    teams: "Teams",
    mainNav: "Main navigation",
  },
  "zh-TW": {
    menu: "選單",
    account: "帳號選單",
    signOut: "登出",
    me: "我的技能",
    growth: "我的成長",
    teams: "團隊",
    mainNav: "主要導覽",
  },
} as const;
type Lang = keyof typeof LABELS;

async function expectNoPageScroll(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `document width of ${new URL(page.url()).pathname}`).toBeLessThanOrEqual(PHONE.width);
}

async function expectInViewport(
  page: Page,
  box: { x: number; y: number; width: number; height: number } | null,
): Promise<void> {
  expect(box).not.toBeNull();
  const viewport = page.viewportSize()!;
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
}

/** Opens the collapsed navigation and follows one of its links. */
async function navigateViaMenu(page: Page, lang: Lang, link: string): Promise<void> {
  const l = LABELS[lang];
  const menu = page.getByRole("button", { name: l.menu, exact: true });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const panel = page.locator(`#${await menu.getAttribute("aria-controls")}`);
  await expect(panel).toBeVisible();
  await panel.getByRole("link", { name: link, exact: true }).click();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
}

async function walkThePhone(page: Page, lang: Lang): Promise<void> {
  const l = LABELS[lang];
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { level: 1, name: l.me })).toBeVisible();
  await expectNoPageScroll(page);
  // The desktop links are collapsed behind the menu button.
  await expect(page.getByRole("navigation", { name: l.mainNav })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/phone-me-${lang}.png`, fullPage: true });

  // The menu opens as a list, Escape closes it and gives focus back to the button.
  const menu = page.getByRole("button", { name: l.menu, exact: true });
  await menu.click();
  const panel = page.getByRole("navigation", { name: l.mainNav });
  expect(await panel.getByRole("link").count()).toBeGreaterThan(1);
  await expect(panel.getByRole("link", { name: l.me, exact: true })).toHaveAttribute("aria-current", "page");
  await expect(panel.getByRole("link").first()).toBeFocused();
  for (const link of await panel.getByRole("link").all()) {
    // One line per label (zh-TW used to wrap one character per line).
    expect((await link.boundingBox())!.height).toBeLessThan(48);
    await expectInViewport(page, await link.boundingBox());
  }
  await page.screenshot({ path: `${SHOTS}/phone-menu-${lang}.png` });
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(panel).toHaveCount(0);
  await expect(menu).toBeFocused();

  await page.goto("/me/growth");
  await expect(page.getByRole("heading", { level: 1, name: l.growth })).toBeVisible();
  await expectNoPageScroll(page);
  await page.screenshot({ path: `${SHOTS}/phone-growth-${lang}.png`, fullPage: true });

  await navigateViaMenu(page, lang, l.teams);
  await expect(page).toHaveURL(/\/teams$/);
  await expect(page.getByRole("heading", { level: 1, name: l.teams })).toBeVisible();
  await expectNoPageScroll(page);
  await page.screenshot({ path: `${SHOTS}/phone-teams-${lang}.png`, fullPage: true });

  await page.getByRole("link", { name: "Applied ML", exact: true }).click();
  await expect(page).toHaveURL(/\/teams\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Applied ML" })).toBeVisible();
  await expectNoPageScroll(page);
  await page.screenshot({ path: `${SHOTS}/phone-team-${lang}.png`, fullPage: true });

  // The account menu (language, sign out) opens fully on screen.
  await page.getByRole("button", { name: l.account }).click();
  const signOut = page.getByRole("menuitem", { name: l.signOut, exact: true });
  await expect(signOut).toBeVisible();
  await expectInViewport(page, await page.getByRole("menu").boundingBox());
  await expectInViewport(page, await signOut.boundingBox());
  await page.screenshot({ path: `${SHOTS}/phone-account-${lang}.png` });
  await page.keyboard.press("Escape");
}

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });
  // Each walks five pages (and switches language) on a fresh sign-in.
  test.slow();

  test("a member can use their skills, growth and team pages in English without the page scrolling sideways", async ({
    page,
  }) => {
    await signInAs(page, "Noah Kim");
    await walkThePhone(page, "en");
  });

  test("the language can be switched to Chinese from the account menu, and the pages still fit", async ({ page }) => {
    await signInAs(page, "Kuan-Yu Wu");
    await expect(page.getByRole("heading", { level: 1, name: LABELS.en.me })).toBeVisible();
    await page.getByRole("button", { name: LABELS.en.account }).click();
    await expectInViewport(page, await page.getByRole("menu").boundingBox());
    await page.getByRole("menuitemradio", { name: "繁體中文" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
    await walkThePhone(page, "zh-TW");
  });
});

test.describe("on a desktop", () => {
  for (const lang of ["en", "zh-TW"] as const) {
    test(`the navigation is shown inline with no menu button (${lang})`, async ({ page, context, baseURL }) => {
      await signInAs(page, "Noah Kim");
      // Signed in (the redirects are over) before the language changes.
      await expect(page.getByRole("heading", { level: 1, name: LABELS.en.me })).toBeVisible();
      if (lang === "zh-TW") {
        await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: baseURL! }]);
        await page.reload();
      }
      const l = LABELS[lang];
      await expect(page.getByRole("heading", { level: 1, name: l.me })).toBeVisible();
      const nav = page.getByRole("navigation", { name: l.mainNav });
      await expect(nav.getByRole("link", { name: l.teams, exact: true })).toBeVisible();
      expect((await nav.boundingBox())!.height).toBeLessThan(48);
      await expect(page.getByRole("button", { name: l.menu, exact: true })).toBeHidden();
      await page.screenshot({ path: `${SHOTS}/phone-desktop-1280-${lang}.png` });
    });
  }
});

test("the favicon is the logo mark, also before signing in", async ({ page }) => {
  await page.goto("/signin");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("image/svg+xml");
});

test.describe("a page that does not exist", () => {
  test("has exactly one main landmark inside the app and when signed out", async ({ page }) => {
    await page.goto("/signin/does-not-exist");
    await expect(page.getByRole("main")).toHaveCount(1);
    await signInAs(page, "Noah Kim");
    await page.goto("/teams/00000000-0000-4000-8000-000000000000/members/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("main")).toHaveCount(1);
  });
});
