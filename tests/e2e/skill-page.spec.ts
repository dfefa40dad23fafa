import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { signInAs, signOut } from "./sign-in";

const SHOTS = "tests/e2e/screenshots";
const RESOURCE = "Skill page e2e: a guide to learn it";

async function expectNoAxeViolations(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect
    .soft(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      label,
    )
    .toEqual([]);
}

test.describe("skill pages and learning resources", () => {
  test.describe.configure({ timeout: 180_000 });

  test("an admin adds a resource on a skill page and the member's learning path lists it", async ({
    page,
    context,
    baseURL,
  }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
    // The first skill of a member's learning path links to its skill page.
    await signInAs(page, "Hana Sato", "/me/growth");
    const path = page.getByRole("region", { name: "Suggested learning path" });
    const first = path.getByRole("listitem").first().getByRole("link").first();
    const skillName = (await first.innerText()).trim();
    const href = (await first.getAttribute("href"))!;
    expect(href).toMatch(/^\/skills\/[a-z0-9.-]+\?roadmap=mlops-engineer$/);
    await signOut(page);

    await signInAs(page, "Mei-Ling Chen", href);
    await expect(page.getByRole("heading", { level: 1, name: skillName })).toBeVisible();
    // The chart, and the same numbers as a table behind the toggle.
    await expect(page.getByRole("img", { name: /People at each level, of \d+/ })).toBeVisible();
    const view = page.getByRole("group", { name: "View" });
    await view.getByRole("button", { name: "Table" }).click();
    await expect(view.getByRole("button", { name: "Table" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("rowheader", { name: "Whole org" })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "ML Platform" })).toBeVisible();
    await expect(page.getByRole("img", { name: /People at each level/ })).toHaveCount(0);
    await view.getByRole("button", { name: "Chart" }).click();
    await expect(page.getByRole("heading", { name: "Possible mentors" })).toBeVisible();

    // A javascript: address is refused in words; an https one is added and listed.
    const form = page.getByRole("form", { name: "Add a learning resource" });
    await form.getByLabel("Title").fill(RESOURCE);
    await form.getByLabel("Address (URL)").fill("javascript:alert(1)");
    await form.getByRole("button", { name: "Add" }).click();
    await expect(form.getByRole("alert")).toHaveText(/http:\/\/ or https:\/\//);
    await form.getByLabel("Address (URL)").fill("https://example.com/learn");
    await form.getByLabel("Note (optional)").fill("Read chapters 1–3 first.");
    await form.getByRole("button", { name: "Add" }).click();
    await expect(page.getByText("Resource added.")).toBeVisible();
    const link = page.getByRole("region", { name: "Learning resources" }).getByRole("link", { name: RESOURCE });
    await expect(link).toHaveAttribute("href", "https://example.com/learn");
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", "noopener noreferrer");
    await expect(page.getByText("Added by Mei-Ling Chen on")).toBeVisible();
    await expectNoAxeViolations(page, "skill page [en]");
    await page.screenshot({ path: `${SHOTS}/skill-page-en.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/skill-page-390-en.png`, fullPage: true });
    await view.getByRole("button", { name: "Table" }).click();
    await page.screenshot({ path: `${SHOTS}/skill-page-390-table-en.png`, fullPage: true });

    await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: baseURL! }]);
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
    await expect(page.getByRole("heading", { level: 2, name: "全公司分布" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/skill-page-390-zh-TW.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectNoAxeViolations(page, "skill page [zh-TW]");
    await page.screenshot({ path: `${SHOTS}/skill-page-zh-TW.png`, fullPage: true });
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
    await page.reload();
    await signOut(page);

    // The member's learning path lists the resource under that skill; names are hidden from them on the skill page.
    await signInAs(page, "Hana Sato", "/me/growth");
    const step = page
      .getByRole("region", { name: "Suggested learning path" })
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: skillName }) })
      .first();
    const resource = step.getByRole("link", { name: RESOURCE });
    await expect(resource).toHaveAttribute("href", "https://example.com/learn");
    await expect(resource).toHaveAttribute("rel", "noopener noreferrer");
    await expectNoAxeViolations(page, "growth with resources [en]");
    await page.screenshot({ path: `${SHOTS}/skill-page-growth-en.png`, fullPage: true });
    await step.getByRole("link", { name: skillName }).click();
    await expect(page.getByRole("heading", { level: 1, name: skillName })).toBeVisible();
    await expect(page.getByText(/Names are shown to admins, managers and team leads/)).toBeVisible();
    await expect(page.getByRole("form", { name: "Add a learning resource" })).toHaveCount(0);
    await expectNoAxeViolations(page, "skill page as a member [en]");
    await page.screenshot({ path: `${SHOTS}/skill-page-member-en.png`, fullPage: true });
  });

  test("an unknown skill shows the not-found page", async ({ page }) => {
    await signInAs(page, "Hana Sato", "/skills/no-such-skill");
    await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible();
  });
});
