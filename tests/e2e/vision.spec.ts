import { expect, test } from "@playwright/test";
import { signInAs } from "./sign-in";

const SHOTS = "tests/e2e/screenshots";

test.describe("vision, gaps and priorities", () => {
  test("a lead sets a target, sees the gap and recommendation, and accepts an item into the plan", async ({ page }) => {
    await signInAs(page, "Priya Nair");
    await page.getByRole("link", { name: "Open heatmap" }).first().click();
    await page.getByRole("link", { name: "Vision and gaps →" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Applied ML: vision and gaps" })).toBeVisible();
    const ranked = page.getByRole("region", { name: "Hire or train: ranked" });
    const before = await ranked.getByRole("listitem").count();

    // A new target: 2 people at ≥ 3 on canary / shadow / A-B serving.
    const form = page.getByRole("form", { name: "Add a target" });
    await form.getByLabel("Capability or skill").selectOption({ label: "Canary / shadow / A-B serving" });
    await form.getByLabel("People N").fill("2");
    await form.getByRole("button", { name: "Add target" }).click();
    await expect(page.getByText("Target added.")).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "Canary / shadow / A-B serving" }).first()).toBeVisible();
    await expect.poll(() => ranked.getByRole("listitem").count()).toBeGreaterThan(before);

    // The serving gap explains itself: nobody holds the advanced serving tools.
    const serving = ranked.getByRole("listitem").filter({ hasText: "Uses advanced model-serving solutions" }).first();
    await expect(serving).toContainText(/^\d+(▲ Train|＋ Hire|▲＋ Train \+ hire)/);
    await expect(serving).toContainText(/can close the gap|hire \d+ more|Nobody interested is within two points/);
    await expect(serving).toContainText("Needs 2 at ≥ 3, has 0");
    await expect(serving).toContainText("nobody holds it");
    await page.screenshot({ path: `${SHOTS}/vision-en.png`, fullPage: true });

    // Accept the top item into the plan.
    const top = ranked.getByRole("listitem").first();
    const skill = (await top.getAttribute("aria-label"))!.replace(/^1\. /, "");
    await top.getByRole("button", { name: /Accept into plan/ }).click();
    await expect(page.getByText("Accepted into the plan.")).toBeVisible();
    await expect(top.getByText("In plan")).toBeVisible();
    await expect(page.getByRole("region", { name: "Team plan" })).toContainText(skill);

    // Removing the target takes its gaps away.
    await page.getByRole("button", { name: "Remove target Canary / shadow / A-B serving" }).click();
    await expect(ranked.getByRole("listitem").filter({ hasText: "Uses advanced model-serving solutions" })).toHaveCount(0);
  });

  test("an admin sees the org's top hiring needs and internal mobility", async ({ page }) => {
    await signInAs(page, "Mei-Ling Chen", "/org/gaps");
    await expect(page.getByRole("heading", { level: 1, name: "Gaps across the organisation" })).toBeVisible();
    const top = page.getByRole("region", { name: "Top hiring needs" });
    await expect(top.getByRole("listitem").first()).toBeVisible();
    // Nobody in the demo org is near "advanced model-serving": ML Platform must hire for it.
    await expect(top.getByRole("listitem").filter({ hasText: "Uses advanced model-serving solutions" }).filter({ hasText: "ML Platform" })).toContainText("Hire");
    await expect(page.getByRole("region", { name: "Internal mobility before hiring" })).toContainText("to spare");
    await page.screenshot({ path: `${SHOTS}/org-gaps.png`, fullPage: true });
  });
});
