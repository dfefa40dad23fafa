import { expect, test, type Page } from "@playwright/test";

import { signInAs } from "./sign-in";
import { expectNoAxeViolations } from "./support/axe";

const SHOTS = "tests/e2e/screenshots";
const SERVING = "Uses advanced model-serving solutions such as KFServing, Seldon and TorchServe";
const PLATFORM = "Abstracts the feature store, model registry and experiment tracking into core platform components";

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe("find people and staff a project", () => {
  test.describe.configure({ timeout: 180_000 });

  test("a lead finds who is at ≥ 3 on model serving and interested in three interactions from the navigation", async ({
    page,
    context,
    baseURL,
  }) => {
    await signInAs(page, "Priya Nair");
    // 1: the navigation.
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Find people" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Find people" })).toBeVisible();
    // 2: typing.
    await page.getByLabel("Add a skill").fill("model serving");
    // 3: the skill, at ≥ 3 (the default) and interested.
    await page.getByRole("button", { name: `Add ${SERVING}, interested only` }).click();

    const results = page.getByTestId("find-results");
    await expect(results).toBeVisible();
    await expect(page).toHaveURL(/[?&]r=mlops-engineer\/.*model-serving-solutions~3~i$/);
    await expect(results.getByRole("columnheader", { name: new RegExp(`${SERVING}.*≥ 3 · interested`) })).toBeVisible();
    const rows = results.getByTestId("find-row");
    expect(await rows.count()).toBeGreaterThan(0);
    // Best match first.
    const scores = (await rows.locator("td:last-child").allInnerTexts()).map((s) => Number(s.replace("%", "")));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await expectNoAxeViolations(page, "find people [en]");
    await shoot(page, "find-people-en");

    // The CSV is the same search, formula-safe, one line per row.
    const csvHref = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    const csv = await page.request.get(csvHref!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toContain("match_percent");
    expect(lines).toHaveLength((await rows.count()) + 1);

    // A filter keeps the requirement; the back button steps back through the search.
    await page.getByLabel("Only validated ratings").check();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/validated=1/);
    await expect(page.getByTestId("requirement")).toHaveCount(1);
    await page.goBack();
    await expect(page).not.toHaveURL(/validated=1/);
    await page.goBack();
    await expect(page.getByText("No skills chosen yet. Type one above.")).toBeVisible();

    // The same search in Chinese: no English words inside the page's own text.
    await page.goForward();
    await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: baseURL! }]);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "找人" })).toBeVisible();
    await expect(page.getByTestId("find-results")).toContainText("符合度");
    await expect(page.locator("main")).not.toContainText(/interested|validated|self-rated|Match|not this quarter/);
    await expectNoAxeViolations(page, "find people [zh-TW]");
    await shoot(page, "find-people-zh-TW");
  });

  test("an admin stages a two-person project and sees the home-team impact and the no-harm alternative", async ({
    page,
    context,
    baseURL,
  }) => {
    await signInAs(page, "Mei-Ling Chen");
    await page.goto("/people/find");
    await page.getByRole("link", { name: /Staff a project/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Staff a project" })).toBeVisible();
    await page.getByLabel("Add a skill").fill("feature store model registry");
    await page.getByRole("button", { name: `Add ${PLATFORM}` }).click();
    await expect(page.getByTestId("requirement")).toHaveCount(1);
    await page.getByRole("combobox", { name: "People", exact: true }).selectOption("2");
    await expect(page).toHaveURL(/~3~2/);

    // No harm (the default): one person qualifies without breaking a home team's target, so it is short by one.
    const proposal = page.getByTestId("proposal");
    await expect(proposal.getByRole("heading", { name: "Proposal (no harm to home teams)" })).toBeVisible();
    await expect(proposal.getByTestId("proposal-summary")).toContainText("needs 1 more person");
    await expect(proposal.getByTestId("staffing-pick")).toHaveCount(1);
    // With harm: two people, and what their team loses, in red.
    const withHarm = page.getByTestId("proposal-with-harm");
    await expect(withHarm.getByTestId("staffing-pick")).toHaveCount(2);
    await expect(withHarm).toContainText(/Data Engineering: “Feature store” falls short on .* → .* needed\./);
    await expect(withHarm.getByText(/Breaks \d+ targets?/).first()).toBeVisible();
    await expectNoAxeViolations(page, "staffing [en]");

    // Saved as a plan: listed with the people it names, and re-opens the request.
    await page.getByLabel("Plan name").fill("Feature platform squad");
    await page.getByRole("button", { name: "Save plan" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    const saved = page.getByTestId("saved-plans");
    await expect(saved.getByRole("link", { name: "Feature platform squad" })).toBeVisible();
    await shoot(page, "staffing-en");

    await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: baseURL! }]);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "專案人力配置" })).toBeVisible();
    await expect(page.getByTestId("proposal-with-harm")).toContainText("將不足");
    await expect(page.locator("main")).not.toContainText(/Covers|Short:|Breaks|No harm|Could also be|Picked/);
    await expectNoAxeViolations(page, "staffing [zh-TW]");
    await shoot(page, "staffing-zh-TW");
  });

  test("a member cannot search while the org setting is off: no link, no page, no CSV", async ({ page }) => {
    await signInAs(page, "Hana Sato");
    await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Find people" })).toHaveCount(0);
    const pageResponse = await page.goto("/people/find");
    expect(pageResponse!.status()).toBe(404);
    const staff = await page.goto("/people/staff");
    expect(staff!.status()).toBe(404);
    const csv = await page.request.get("/api/people/find?r=mlops-engineer%2Fx~3");
    expect(csv.status()).toBe(403);
  });
});
