import { expect, test, type Browser, type Page } from "@playwright/test";

import { signInAs } from "./sign-in";

// The language someone picks in the account menu is stored for them, so a browser that has never seen them
// (no locale cookie) opens in it; someone who never picked one gets the browser's language, as before.
// Emma Schmidt and Wei-Jie Lin are used by no other spec: a stored choice would follow them there.

const SHOTS = "tests/e2e/screenshots";

test.describe.configure({ timeout: 120_000 });

/** A browser that has never seen anyone: no cookies, asking for this language (Chromium sends its locale's, so both). */
async function newBrowser(browser: Browser, acceptLanguage: string, width = 1280) {
  const locale = acceptLanguage.startsWith("zh") ? "zh-TW" : "en-US";
  const context = await browser.newContext({
    locale,
    extraHTTPHeaders: { "Accept-Language": acceptLanguage },
    viewport: { width, height: 900 },
  });
  return { context, page: await context.newPage() };
}

async function pickLanguage(page: Page, menu: string, language: string): Promise<void> {
  await page.getByRole("button", { name: menu }).click();
  await page.getByRole("menuitemradio", { name: language }).click();
}

const hasLocaleCookie = async (page: Page) => (await page.context().cookies()).some((c) => c.name === "NEXT_LOCALE");

test("a language chosen in the account menu opens a new browser in that language", async ({ browser }) => {
  const first = await newBrowser(browser, "en-US,en;q=0.9");
  await signInAs(first.page, "Emma Schmidt");
  await expect(first.page.getByRole("heading", { level: 1, name: "My skills" })).toBeVisible();
  await expect(first.page.locator("html")).toHaveAttribute("lang", "en");
  await pickLanguage(first.page, "Account menu", "繁體中文");
  await expect(first.page.locator("html")).toHaveAttribute("lang", "zh-TW");
  await first.context.close();

  // Another browser, no cookie, asking for English: the stored choice wins.
  const second = await newBrowser(browser, "en-US,en;q=0.9");
  await signInAs(second.page, "Emma Schmidt");
  await expect(second.page.getByRole("heading", { level: 1, name: "我的技能" })).toBeVisible();
  await expect(second.page.locator("html")).toHaveAttribute("lang", "zh-TW");
  expect(await hasLocaleCookie(second.page)).toBe(false);
  await second.page.screenshot({ path: `${SHOTS}/locale-new-browser-zh-TW.png` });

  // English picked on purpose follows her too, even to a browser asking for Chinese (phone width).
  await pickLanguage(second.page, "帳號選單", "English");
  await expect(second.page.locator("html")).toHaveAttribute("lang", "en");
  await second.context.close();
  const third = await newBrowser(browser, "zh-TW,zh;q=0.9", 390);
  await third.page.goto("/");
  await third.page.getByRole("button", { name: "使用 Acme SSO 登入" }).click();
  await third.page.getByRole("button", { name: /^Emma Schmidt\b/ }).click();
  await expect(third.page.getByRole("heading", { level: 1, name: "My skills" })).toBeVisible();
  await expect(third.page.locator("html")).toHaveAttribute("lang", "en");
  await third.page.screenshot({ path: `${SHOTS}/locale-new-browser-en-390.png` });
  await third.context.close();
});

test("someone who never picked a language gets the browser's, as before", async ({ browser }) => {
  // Wei-Jie Lin's account says zh-TW (the identity provider's locale claim), but he never picked a language here.
  const english = await newBrowser(browser, "en-US,en;q=0.9");
  await signInAs(english.page, "Wei-Jie Lin");
  await expect(english.page.getByRole("heading", { level: 1, name: "My skills" })).toBeVisible();
  await expect(english.page.locator("html")).toHaveAttribute("lang", "en");
  await english.context.close();
});
