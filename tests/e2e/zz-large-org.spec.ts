import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";

import { signInAs } from "./sign-in";

// Runs last (file name): it adds a 2,000-person synthetic org to the
// end-to-end database, which then dominates the org page.
const SHOTS = "tests/e2e/screenshots";
const databaseUrl = process.env.E2E_DATABASE_URL;

test.describe("org page at scale", () => {
  test.skip(!databaseUrl, "needs the PostgreSQL end-to-end database (npm test provides it)");
  test.setTimeout(180_000);

  test("an admin reads a 2,000 × 60 org heatmap drawn on a canvas, with the same interaction", async ({ page }) => {
    execFileSync(
      "npx",
      [
        "tsx",
        "scripts/seed-synthetic.ts",
        "--teams",
        "40",
        "--members-per-team",
        "50",
        "--skills",
        "60",
        "--quarters",
        "1",
        "--seed",
        "1",
      ],
      {
        env: { ...process.env, DATABASE_URL: databaseUrl },
        stdio: "inherit",
      },
    );
    await signInAs(page, "Mei-Ling Chen");
    await expect(page).toHaveURL(/\/org$/);
    const grid = page.getByRole("grid", { name: /2000 people × 60 skills/ });
    await expect(grid).toBeVisible({ timeout: 30_000 });
    await expect(page.locator("canvas")).toBeVisible();
    await expect(page.getByText("120000 cells: drawn on a canvas.")).toBeVisible();
    // The canvas really has cells on it: count coloured (non-white) pixels.
    const coloured = () =>
      page.locator("canvas").evaluate((c: HTMLCanvasElement) => {
        const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < data.length; i += 4)
          if (data[i + 3]! > 0 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) n++;
        return n;
      });
    await expect.poll(coloured, { timeout: 15_000 }).toBeGreaterThan(50_000);
    const draws = await page.evaluate(() => (window as unknown as { __heatmapDraws?: number[] }).__heatmapDraws ?? []);
    expect(draws.length).toBeGreaterThan(0);

    await grid.focus();
    const tooltip = page.getByRole("tooltip");
    await expect(tooltip).toContainText("Person 0000");
    await page.keyboard.press("PageDown");
    await page.keyboard.press("PageDown");
    await page.keyboard.press("ArrowRight");
    await expect(tooltip).toContainText("Person 0020");
    await expect(tooltip).toContainText("Team 01");
    await page.screenshot({ path: `${SHOTS}/org-large.png` });

    // Scrolling far down draws those rows; hovering them shows their tooltip.
    await grid.evaluate((el) => (el.scrollTop = 14 * 1500));
    const canvas = page.locator("canvas");
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + 260, box.y + 100);
    await expect(tooltip).toContainText(/Person 1[45]\d\d/);
    await page.screenshot({ path: `${SHOTS}/org-large-scrolled.png` });

    // The whole org as XLSX, streamed (2,000 people × 60 skills).
    const started = Date.now();
    const xlsx = await page.request.get("/api/export?scope=org&format=xlsx", { timeout: 120_000 });
    expect(xlsx.status()).toBe(200);
    const body = await xlsx.body();
    console.log(`org XLSX export: ${body.length} bytes in ${Date.now() - started} ms`);
    expect(body.subarray(0, 2).toString()).toBe("PK");
  });
});
