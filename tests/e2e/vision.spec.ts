import { expect, test } from "@playwright/test";

import { signInAs } from "./sign-in";

// The words of the English reasons and plan lines: none may show on a zh-TW page (skill names
// may hold product names such as Kubernetes, and people's names stay as they are).
const ENGLISH_REASON =
  /interested|within two points|needs \d|has \d|\(now \d|eager|accepted by|candidates:|resolved|target removed|(hire|train) \d|score \d/i;

const SHOTS = "tests/e2e/screenshots";

test.describe("vision, gaps and priorities", () => {
  test("a lead sets a target, sees the gap and recommendation, and accepts an item into the plan", async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(120_000);
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
    await expect(serving).toContainText(/can close the gap|hire \d+ (person|people)\.|train \d+, hire \d+/);
    await expect(serving).toContainText("Needs 2 at ≥ 3, has 0");
    await expect(serving).toContainText("nobody holds it");
    // Readiness is explained in words; the formula is the caption's tooltip.
    const caption = page.getByText("The share of the people each target needs who are at the required level now");
    await expect(caption).toBeVisible();
    await expect(caption).toHaveAttribute("title", /Σ min\(coverage, N\) \/ Σ N/);
    // The gap heatmap's key reads its scale once, next to the colours (it was also spelled out in the hint).
    const gapKey = page
      .locator("figure", { has: page.getByRole("img", { name: "Gap heatmap" }) })
      .locator("figcaption");
    expect((await gapKey.innerText()).match(/short ↔ met ↔ surplus/g)).toHaveLength(1);

    // Accept the top item into the plan: the plan says why, from the facts stored with it.
    const top = ranked.getByRole("listitem").first();
    const skill = (await top.getAttribute("aria-label"))!.replace(/^1\. /, "");
    const topIsCanary = (await top.innerText()).includes("Canary / shadow / A-B serving");
    await top.getByRole("button", { name: /Accept into plan/ }).click();
    await expect(page.getByText("Accepted into the plan.")).toBeVisible();
    await expect(top.getByText("In plan")).toBeVisible();
    const plan = page.getByRole("region", { name: "Team plan" });
    await expect(plan).toContainText(skill);
    await expect(plan).toContainText(/within two points of level \d.*Needs \d+ (person|people) at ≥ \d, has \d+\./);
    await page.screenshot({ path: `${SHOTS}/vision-en.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/vision-390-en.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // The printable report carries the plan, with its reasons.
    const teamPath = new URL(page.url()).pathname.replace(/\/vision$/, "");
    await page.goto(`${teamPath}/report`);
    await expect(page.getByRole("heading", { level: 2, name: "Team plan (accepted items)" })).toBeVisible();
    await expect(page.locator("article")).toContainText(skill);
    await expect(page.locator("article")).not.toContainText(/\b(train|hire)( \+ hire)?: /);
    await page.screenshot({ path: `${SHOTS}/report-en.png`, fullPage: true });

    // In Traditional Chinese: the same plan, the priorities and the report, without English sentences.
    await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: baseURL! }]);
    await page.reload();
    await expect(page.getByRole("heading", { level: 2, name: "團隊計畫（已納入項目）" })).toBeVisible();
    for (const name of ["招募或培訓：優先順序", "團隊計畫（已納入項目）"]) {
      await expect(page.locator("section", { has: page.getByRole("heading", { level: 2, name }) })).not.toContainText(
        ENGLISH_REASON,
      );
    }
    await page.screenshot({ path: `${SHOTS}/report-zh-TW.png`, fullPage: true });
    await page.goto(`${teamPath}/vision`);
    const zhPlanOnPage = page.getByRole("region", { name: "團隊計畫" });
    await expect(zhPlanOnPage).toContainText("兩級以內");
    await expect(zhPlanOnPage).not.toContainText(ENGLISH_REASON);
    await expect(page.getByRole("region", { name: "招募或培訓：優先順序" })).not.toContainText(ENGLISH_REASON);
    await expect(page.getByText("目標所需人數中，目前已達要求等級的比例")).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/vision-zh-TW.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/vision-390-zh-TW.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
    await page.reload();

    // Removing the target takes its gaps away.
    await page.getByRole("button", { name: "Remove target Canary / shadow / A-B serving" }).click();
    await expect(ranked.getByRole("listitem").filter({ hasText: "Uses advanced model-serving solutions" })).toHaveCount(
      0,
    );
    // An item accepted for it stays in the plan, marked as such.
    if (topIsCanary) await expect(page.getByRole("region", { name: "Team plan" })).toContainText("Target removed");
  });

  test("a member sees the team heatmap but not its vision (hire items, named candidates) under the default org setting", async ({
    page,
  }) => {
    await signInAs(page, "Sofia Rossi", "/teams");
    await page.getByRole("link", { name: "ML Platform" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "ML Platform" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Vision and gaps →" })).toHaveCount(0);
    await page.goto(`${new URL(page.url()).pathname}/vision`);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });

  test("an admin sees the org's top hiring needs and internal mobility", async ({ page }) => {
    await signInAs(page, "Mei-Ling Chen", "/org/gaps");
    await expect(page.getByRole("heading", { level: 1, name: "Gaps across the organisation" })).toBeVisible();
    const top = page.getByRole("region", { name: "Top hiring needs" });
    await expect(top.getByRole("listitem").first()).toBeVisible();
    // Nobody in the demo org is near "advanced model-serving": ML Platform must hire for it.
    await expect(
      top
        .getByRole("listitem")
        .filter({ hasText: "Uses advanced model-serving solutions" })
        .filter({ hasText: "ML Platform" }),
    ).toContainText("Hire");
    await expect(page.getByRole("region", { name: "Internal mobility before hiring" })).toContainText("to spare");
    await page.screenshot({ path: `${SHOTS}/org-gaps.png`, fullPage: true });
  });
});
