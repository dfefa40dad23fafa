import { expect, test } from "@playwright/test";
import { signInAs } from "./sign-in";

const SHOTS = "tests/e2e/screenshots";

test.describe("team heatmap", () => {
  test("a lead sorts, filters, switches the source, opens a past quarter and moves through cells with the keyboard", async ({ page }) => {
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
    await expect(tooltip).toContainText(/Uses advanced model-serving solutions|Has a deep understanding of resource pricing/);

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
