import { expect, test, type Page } from "@playwright/test";

import { signInAs } from "./sign-in";

const SHOTS = "tests/e2e/screenshots";

test.describe("team heatmap", () => {
  test("a lead sorts, filters, switches the source, opens a past quarter and moves through cells with the keyboard", async ({
    page,
  }) => {
    await signInAs(page, "Alex Wang");
    await page.getByRole("link", { name: "ML Platform" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "ML Platform" })).toBeVisible();
    const grid = page.getByRole("grid", { name: /Skills heatmap: 9 people × 33 skills/ });
    await expect(grid).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/team-heatmap.png`, fullPage: true });

    // Keyboard: focus the grid, move right and down; the tooltip follows.
    await grid.focus();
    const tooltip = page.getByRole("tooltip");
    await expect(tooltip).toContainText("Can read and modify data scientists' notebook code");
    await page.keyboard.press("ArrowRight");
    await expect(tooltip).toContainText("Familiar with the basics of Pandas");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("End");
    await expect(tooltip).toContainText("Masters Continuous Training (CT) and Continuous Evaluation (CE) processes");
    await page.screenshot({ path: `${SHOTS}/team-heatmap-tooltip.png` });

    // Sort skills by coverage: the thinnest skill comes first.
    await page.getByLabel("Sort skills").selectOption("coverage");
    await grid.focus();
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowUp");
    await expect(tooltip).toContainText(
      /Uses advanced model-serving solutions|Has a deep understanding of resource pricing/,
    );

    // Filter to one level and one person.
    await page.getByLabel("Sort skills").selectOption("category");
    await page.getByLabel("Level", { exact: true }).selectOption({ label: "Senior MLOps Engineer" });
    await expect(page.getByRole("grid", { name: /× 12 skills/ })).toBeVisible();
    await page.getByLabel("Person").fill("jun");
    await expect(page.getByRole("grid", { name: /1 people × 12 skills/ })).toBeVisible();
    await page.getByLabel("Person").fill("");

    // Switch the source; legend counts change with it.
    await page.getByRole("button", { name: "Validated", exact: true }).click();
    await expect(page.getByRole("button", { name: "Validated", exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("figure", { name: "Legend" })).toContainText("Not rated");

    // A past quarter, from the URL the picker sets.
    const options = await page.getByLabel("As of").locator("option").allTextContents();
    const past = options.find((o) => o.startsWith("end of"))!;
    await page.getByLabel("As of").selectOption({ label: past });
    await expect(page).toHaveURL(/\?quarter=\d{4}-Q[1-4]/);
    await expect(page.getByLabel("As of")).toHaveValue(past.replace("end of ", ""));

    // The same numbers as a table.
    await page.getByRole("button", { name: "Table", exact: true }).click();
    await expect(page.getByRole("columnheader", { name: "Person" })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "Jun Huang" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/team-table.png` });
  });

  test("a lead sees who grew in what, quarter over quarter", async ({ page }) => {
    await signInAs(page, "Alex Wang");
    await page.getByRole("link", { name: "Open heatmap" }).first().click();
    await page.getByRole("link", { name: "Trends" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "ML Platform: trends" })).toBeVisible();
    await expect(page.getByRole("img", { name: /Change from \d{4}-Q[1-4] to \d{4}-Q[1-4]/ })).toBeVisible();
    await expect(page.getByRole("row", { name: /Jun Huang/ })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/trends.png`, fullPage: true });
  });

  test("a lead sees where the team is one person deep", async ({ page }) => {
    await signInAs(page, "Alex Wang");
    await page.goto("/teams");
    await page.getByRole("link", { name: "Open heatmap" }).first().click();
    const risks = page.getByRole("region", { name: "Where the team is thin" });
    await expect(risks).toContainText("Nobody at ≥ 3");
    await expect(risks).toContainText("One person deep");
    await expect(risks).toContainText("held by Jun Huang");
  });
});

test.describe("heatmap rows open the person", () => {
  test("a lead opens a member's skills from their row; a member sees the names without links", async ({
    page,
    context,
  }) => {
    await signInAs(page, "Alex Wang");
    await page.getByRole("link", { name: "ML Platform" }).first().click();
    const grid = page.getByRole("grid", { name: /Skills heatmap: 9 people/ });
    await expect(grid.getByRole("row")).toHaveCount(2 + 9);
    await expect(grid.getByRole("rowheader")).toHaveCount(9);
    await grid.getByRole("link", { name: "Jun Huang", exact: true }).click();
    await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: "Jun Huang" })).toBeVisible();

    // A member may look at their team's heatmap (the org allows it by default), not open their teammates.
    await context.clearCookies();
    await signInAs(page, "Sofia Rossi", "/teams");
    await page.getByRole("link", { name: "ML Platform" }).first().click();
    const seen = page.getByRole("grid", { name: /Skills heatmap: 9 people/ });
    await expect(seen.getByRole("rowheader", { name: "Jun Huang" })).toBeVisible();
    await expect(seen.getByRole("link")).toHaveCount(0);
  });

  test("an admin opens a person from the organisation heatmap, through the row's team", async ({ page }) => {
    await signInAs(page, "Mei-Ling Chen", "/org");
    const grid = page.getByRole("grid");
    await grid.getByRole("link", { name: "Applied ML · Noah Kim", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Noah Kim" })).toBeVisible();
  });
});

/**
 * Every <text> of the charts in `main` that falls outside its <svg>'s box (the
 * browser clips it there), and every shortened label ("…") without a <title>
 * carrying the full name. SVGs that let text overflow on purpose are skipped.
 */
async function clippedLabels(page: Page): Promise<string[]> {
  return page.locator("main").evaluate((main) => {
    const out: string[] = [];
    for (const svg of main.querySelectorAll("svg")) {
      if (getComputedStyle(svg).overflow === "visible") continue;
      const box = svg.getBoundingClientRect();
      const name = svg.getAttribute("aria-label") ?? svg.closest("[aria-label]")?.getAttribute("aria-label") ?? "svg";
      for (const text of svg.querySelectorAll("text")) {
        const r = text.getBoundingClientRect();
        if (r.width === 0 || !text.textContent?.trim()) continue;
        // What is drawn: the text's own text nodes, or its lines (<tspan>s); not its <title>.
        const tspans = [...text.querySelectorAll("tspan")].map((t) => t.textContent ?? "");
        const label = tspans.length
          ? tspans.join(" ")
          : [...text.childNodes]
              .filter((n) => n.nodeType === Node.TEXT_NODE)
              .map((n) => n.textContent)
              .join("");
        if (
          r.left < box.left - 0.5 ||
          r.right > box.right + 0.5 ||
          r.top < box.top - 0.5 ||
          r.bottom > box.bottom + 0.5
        )
          out.push(
            `${name}: "${label}" at ${Math.round(r.left - box.left)}..${Math.round(r.right - box.left)} × ${Math.round(r.top - box.top)}..${Math.round(r.bottom - box.top)} of ${Math.round(box.width)} × ${Math.round(box.height)}`,
          );
        const title =
          text.querySelector("title")?.textContent ??
          text.closest("a, g")?.querySelector(":scope > title")?.textContent ??
          "";
        if (label.endsWith("…") && title.length <= label.length)
          out.push(`${name}: "${label}" is shortened with no <title>`);
      }
    }
    return out;
  });
}

test.describe("chart labels are never cut off", () => {
  for (const lang of ["en", "zh-TW"] as const) {
    test(`the radar, readiness bars, gap heatmap and both heatmaps keep every label whole at 1280 and 390 px [${lang}]`, async ({
      page,
      context,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      const shots = async (name: string) => {
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
          expect.soft(await clippedLabels(page), `${name} at ${width} px [${lang}]`).toEqual([]);
          await page.screenshot({ path: `${SHOTS}/labels-${name}-${width}-${lang}.png`, fullPage: true });
          // Each chart up close, as a person reads it at that width.
          const charts = page.locator("main figure, main [role=grid]");
          for (let i = 0; i < Math.min(3, await charts.count()); i++)
            await charts.nth(i).screenshot({ path: `${SHOTS}/labels-${name}-${width}-${lang}-chart${i + 1}.png` });
        }
        await page.setViewportSize({ width: 1280, height: 900 });
      };
      const as = async (name: string, path: string) => {
        await context.clearCookies();
        await signInAs(page, name, path);
        await context.addCookies([{ name: "NEXT_LOCALE", value: lang, url: baseURL! }]);
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
      };
      await as("Sofia Rossi", "/me/growth");
      await expect(page.locator("main figure svg").first()).toBeVisible();
      await shots("radar");

      await as("Alex Wang", "/teams");
      const teamId = /\/teams\/([0-9a-f-]{36})/.exec(
        (await page.getByRole("link", { name: "ML Platform" }).first().getAttribute("href")) ?? "",
      )![1]!;
      await page.goto(`/teams/${teamId}/vision`);
      await expect(page.locator("main figure svg").first()).toBeVisible();
      await shots("vision");
      await page.goto(`/teams/${teamId}`);
      await expect(page.getByRole("grid")).toBeVisible();
      await shots("team-heatmap");

      await as("Mei-Ling Chen", "/org");
      await expect(page.getByRole("grid")).toBeVisible();
      await shots("org-heatmap");
    });
  }
});
