import { expect, type BrowserContext, type Page } from "@playwright/test";

const SHOTS = "tests/e2e/screenshots";

/** Each page in en and zh-TW, at 1280 and 390 px wide; `open` runs before the shot (e.g. opens a dialog). */
export async function screenshots(
  page: Page,
  context: BrowserContext,
  baseURL: string,
  shots: { url: string; name: string; open?: (lang: "en" | "zh-TW") => Promise<void> }[],
) {
  for (const lang of ["en", "zh-TW"] as const) {
    await context.addCookies([{ name: "NEXT_LOCALE", value: lang, url: baseURL }]);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      for (const shot of shots) {
        await page.goto(shot.url);
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await shot.open?.(lang);
        if (shot.open) await expect(page.getByRole("alertdialog")).toBeVisible();
        await page.screenshot({ path: `${SHOTS}/${shot.name}-${width}-${lang}.png`, fullPage: !shot.open });
      }
    }
  }
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL }]);
  await page.setViewportSize({ width: 1280, height: 720 });
}
