import { expect, type Page, test } from "@playwright/test";
import { signInAs, signOut } from "./sign-in";

const SHOTS = "tests/e2e/screenshots";
const SKILLS = [
  "Can read and modify data scientists' notebook code",
  "Familiar with the basics of Pandas / Scikit-learn / PyTorch / TensorFlow",
  "Understands the model training and testing process (train/test split, overfitting, cross-validation)",
  "Uses Git for version control",
  "Can manage Python venv/conda environments",
];
const group = (page: Page, skill: string) => page.getByRole("group", { name: `Proficiency: ${skill}` });
const checkedValue = async (page: Page, skill: string) => group(page, skill).locator("input:checked").getAttribute("value");

test.describe("self-rating", () => {
  test("a member rates five skills with the keyboard only, and they are saved", async ({ page }) => {
    await signInAs(page, "Hana Sato");
    await expect(page).toHaveURL(/\/me$/);
    await expect(page.getByText(/^0 of 33 rated this quarter/)).toBeVisible();

    // Start at the first skill's scale (as Tab would), then only keys.
    const expected: string[] = [];
    await group(page, SKILLS[0]!).locator("input:checked").focus();
    for (const [i, skill] of SKILLS.entries()) {
      const before = Number(await checkedValue(page, skill));
      await page.keyboard.press(before >= 4 ? "ArrowLeft" : "ArrowRight");
      const after = String(before >= 4 ? before - 1 : before + 1);
      expected.push(after);
      await expect(group(page, skill).locator("input:checked")).toHaveAttribute("value", after);
      if (i < SKILLS.length - 1) {
        // Scale → interest → evidence → the next skill's scale.
        await page.keyboard.press("Tab");
        await page.keyboard.press("Tab");
        await page.keyboard.press("Tab");
      }
    }
    await expect(page.getByText(/^5 of 33 rated this quarter/)).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toHaveCount(5);

    await page.reload();
    for (const [i, skill] of SKILLS.entries()) expect(await checkedValue(page, skill)).toBe(expected[i]);
    await expect(page.getByText(/^5 of 33 rated this quarter/)).toBeVisible();

    // Confirm the 28 stale ones in one action.
    await page.getByRole("button", { name: "Confirm 28 unchanged" }).press("Enter");
    await expect(page.getByText("28 ratings confirmed for this quarter.")).toBeVisible();
    await expect(page.getByText(/^33 of 33 rated this quarter/)).toBeVisible();
    await expect(page.getByRole("button", { name: /unchanged/ })).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/me-en.png`, fullPage: true });
  });

  test("a lead validates a rating and the discrepancy is flagged for both", async ({ browser }) => {
    const skill = "Can manage Python venv/conda environments";
    const memberPage = await browser.newPage();
    await signInAs(memberPage, "Felix Weber");
    await memberPage.getByRole("group", { name: `Proficiency: ${skill}` }).getByText("Teaches / sets direction").click();
    await expect(memberPage.getByRole("status").filter({ hasText: "Saved" })).toHaveCount(1);
    await signOut(memberPage);

    const lead = await browser.newPage();
    await signInAs(lead, "Chih-Hao Lee");
    await lead.getByRole("link", { name: "Review Felix Weber" }).click();
    await expect(lead.getByRole("heading", { level: 1, name: "Felix Weber's skills" })).toBeVisible();
    await lead.getByRole("combobox", { name: `Validated proficiency: ${skill}` }).selectOption("1");
    await lead.getByRole("textbox", { name: `Comment (optional): ${skill}` }).fill("Let's set up a shared env template together");
    await lead.getByRole("button", { name: `Validate: ${skill}` }).click();
    const leadRow = lead.getByRole("listitem").filter({ has: lead.getByText(skill, { exact: true }) });
    await expect(leadRow.getByTestId("discrepancy")).toHaveText(/Discuss: you 4, lead 1/);
    await lead.screenshot({ path: `${SHOTS}/validate-lead.png` });

    await signInAs(memberPage, "Felix Weber");
    const row = memberPage.getByRole("listitem").filter({ has: memberPage.getByText(skill, { exact: true }) });
    await expect(row.getByTestId("discrepancy")).toHaveText(/Discuss: you 4, lead 1/);
    await expect(row.getByText("Let's set up a shared env template together")).toBeVisible();
    await memberPage.getByRole("button", { name: "To discuss" }).click();
    await expect(memberPage.getByRole("group", { name: /^Proficiency:/ })).toHaveCount(1);
  });

  test("my growth shows readiness, a radar with its table, and a learning path — in both languages", async ({ page }) => {
    await signInAs(page, "Sofia Rossi", "/me/growth");
    await expect(page.getByRole("heading", { level: 1, name: "My growth" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Readiness for Senior MLOps Engineer" })).toBeVisible();
    await expect(page.getByRole("img", { name: "Categories: you, your lead and the target" })).toBeVisible();
    await page.getByText("The same numbers as a table").click();
    await expect(page.getByRole("row")).toHaveCount(16);
    await expect(page.getByRole("heading", { name: "Suggested learning path" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/growth-en.png`, fullPage: true });

    await page.getByRole("button", { name: "Account menu" }).click();
    await page.getByRole("menuitemradio", { name: "繁體中文" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "我的成長" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "晉升 資深 MLOps 工程師 的準備度" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/growth-zh-TW.png`, fullPage: true });
    await page.goto("/me");
    await expect(page.getByRole("heading", { level: 1, name: "我的技能" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/me-zh-TW.png`, fullPage: true });
  });
});
