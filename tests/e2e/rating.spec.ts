import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

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
const checkedValue = async (page: Page, skill: string) =>
  group(page, skill).locator("input:checked").getAttribute("value");

test.describe("self-rating", () => {
  test("the server sends the first rows of /me and the browser draws the rest from the same page", async ({ page }) => {
    await signInAs(page, "Hana Sato");
    await expect(page).toHaveURL(/\/me$/);
    // The HTML as the server sends it: 8 rows of 33, and a note saying the rest are on their way.
    const html = await (await page.request.get("/me")).text();
    expect(html.match(/<legend class="sr-only">Proficiency: /g)).toHaveLength(8);
    expect(html).toContain("Loading 25 more skills…");
    // In the browser, every row, and no note.
    await expect(page.getByRole("group", { name: /^Proficiency: / })).toHaveCount(33);
    await expect(page.getByText("Loading 25 more skills…")).toHaveCount(0);
  });

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
    await memberPage
      .getByRole("group", { name: `Proficiency: ${skill}` })
      .getByText("Teaches / sets direction")
      .click();
    await expect(memberPage.getByRole("status").filter({ hasText: "Saved" })).toHaveCount(1);
    await signOut(memberPage);

    const lead = await browser.newPage();
    await signInAs(lead, "Chih-Hao Lee");
    await lead.getByRole("link", { name: "Review Felix Weber" }).click();
    await expect(lead.getByRole("heading", { level: 1, name: "Felix Weber's skills" })).toBeVisible();
    await lead.getByRole("combobox", { name: `Validated proficiency: ${skill}` }).selectOption("1");
    await lead
      .getByRole("textbox", { name: `Comment (optional): ${skill}` })
      .fill("Let's set up a shared env template together");
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

  test("my growth shows readiness, a radar with its table, and a learning path — in both languages", async ({
    page,
  }) => {
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
    await expect(page.getByRole("heading", { name: "晉升資深 MLOps 工程師的準備度" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/growth-zh-TW.png`, fullPage: true });
    await page.goto("/me");
    await expect(page.getByRole("heading", { level: 1, name: "我的技能" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/me-zh-TW.png`, fullPage: true });

    // The choice is stored for the person (tests/e2e/locale.spec.ts): switch back, other specs sign Sofia in in English.
    await page.getByRole("button", { name: "帳號選單" }).click();
    await page.getByRole("menuitemradio", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});

// A save the server refuses for a passing reason stays on screen as pending
// and is retried until it lands. The refusal is the server's real typed
// answer to this page's rating save, made while its disk is full: the page's
// request is sent with an unknown skill (the server refuses it and writes
// nothing), and its typed "invalid" result is answered as "storage_full".
test.describe("autosave on a refused save", () => {
  const AUTOSAVE_SHOTS = "/tmp/shots-autosave";
  const STORAGE_FULL = {
    ok: false,
    code: "storage_full",
    error: "The server's disk is full, so nothing was saved. Please retry in a few minutes.",
  };
  const EN = { skill: "Uses Git for version control", proficiency: "Proficiency" };
  const ZH = { skill: "會使用 Git 做版本控管", proficiency: "熟練度" };
  type Names = typeof EN;
  const scale = (page: Page, n: Names) => page.getByRole("group", { name: `${n.proficiency}: ${n.skill}` });
  const chosenValue = (page: Page, n: Names) => scale(page, n).locator("input:checked").getAttribute("value");
  const row = (page: Page, n: Names) =>
    page.getByRole("listitem").filter({ has: page.getByText(n.skill, { exact: true }) });

  /** While refusing() is true, this page's rating saves are answered "disk full"; returns the attempts seen. */
  async function diskFullWhile(page: Page, refusing: () => boolean): Promise<string[]> {
    const attempts: string[] = [];
    await page.route("**/me", async (route) => {
      const request = route.request();
      const body = request.postData() ?? "";
      if (request.method() !== "POST" || !request.headers()["next-action"] || !body.includes('"requestId"'))
        return route.continue();
      attempts.push((/"requestId":"([^"]+)"/.exec(body) ?? [])[1] ?? "");
      if (!refusing()) return route.continue();
      const response = await route.fetch({
        postData: body.replace(/"skillKey":"[^"]+"/, '"skillKey":"no-such.skill"'),
      });
      const text = await response.text();
      expect(text).toMatch(/\{"ok":false,"code":"invalid"[^\n]*\}/);
      await route.fulfill({
        response,
        body: text.replace(/\{"ok":false,"code":"invalid"[^\n]*\}/, JSON.stringify(STORAGE_FULL)),
      });
    });
    return attempts;
  }

  async function pickAnotherValue(page: Page, n: Names): Promise<string> {
    const current = await chosenValue(page, n);
    const next =
      current === null || current === "na"
        ? "2"
        : String(Number(current) >= 4 ? Number(current) - 1 : Number(current) + 1);
    await scale(page, n)
      .locator("label")
      .filter({ has: page.locator(`input[value="${next}"]`) })
      .click();
    return next;
  }

  for (const { locale, names, person, pending, retryNow, saved } of [
    {
      locale: "en",
      names: EN,
      person: "Omar Haddad",
      pending: "Not saved yet: the server's disk is full. Your change is kept here and retried automatically.",
      retryNow: "Retry now",
      saved: "Saved",
    },
    {
      locale: "zh-TW",
      names: ZH,
      person: "Ravi Patel",
      pending: "尚未儲存：伺服器磁碟已滿。您的變更會保留在此頁面，並自動重試。",
      retryNow: "立即重試",
      saved: "已儲存",
    },
  ]) {
    test(`a save refused as "disk full" stays pending, is retried by itself, and lands [${locale}]`, async ({
      page,
    }) => {
      test.setTimeout(60_000);
      await signInAs(page, person);
      await expect(page).toHaveURL(/\/me$/);
      if (locale !== "en") {
        await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: page.url() }]);
        await page.reload();
        await expect(page.getByRole("heading", { level: 1, name: "我的技能" })).toBeVisible();
      }
      let refusing = true;
      const attempts = await diskFullWhile(page, () => refusing);
      const chosen = await pickAnotherValue(page, names);

      const status = row(page, names).getByRole("status");
      await expect(status).toHaveText(pending);
      await expect(row(page, names).getByRole("button", { name: retryNow })).toBeVisible();
      expect(await chosenValue(page, names)).toBe(chosen); // the choice stays on screen
      // Retried by itself (with the same request id: a retry never writes twice).
      await expect.poll(() => attempts.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      expect(new Set(attempts).size).toBe(1);
      await expect(status).toHaveText(pending);

      await row(page, names).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${AUTOSAVE_SHOTS}/pending-${locale}-1280.png` });
      await page.setViewportSize({ width: 390, height: 844 });
      await row(page, names).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${AUTOSAVE_SHOTS}/pending-${locale}-390.png` });

      // Space is freed: "Retry now" sends it at once, and it lands.
      refusing = false;
      await row(page, names).getByRole("button", { name: retryNow }).click();
      await expect(status).toHaveText(saved);
      await expect(row(page, names).getByRole("button", { name: retryNow })).toHaveCount(0);
      await page.reload();
      expect(await chosenValue(page, names)).toBe(chosen);
    });
  }

  test("a save whose request fails (HTTP 503 from a proxy) is retried by itself and lands", async ({ page }) => {
    await signInAs(page, "Daniel Okafor");
    await expect(page).toHaveURL(/\/me$/);
    let failures = 0;
    await page.route("**/me", async (route) => {
      const request = route.request();
      if (
        request.method() === "POST" &&
        request.headers()["next-action"] &&
        (request.postData() ?? "").includes('"requestId"') &&
        failures++ === 0
      ) {
        return route.fulfill({ status: 503, contentType: "text/plain", body: "Service Unavailable" });
      }
      return route.continue();
    });
    const chosen = await pickAnotherValue(page, EN);
    await expect(row(page, EN).getByRole("status")).toHaveText("Not saved yet: no connection to the server. Retrying…");
    await expect(row(page, EN).getByRole("status")).toHaveText("Saved");
    await page.reload();
    expect(await chosenValue(page, EN)).toBe(chosen);
  });
});

// A note the server refuses must not cost the rating on the same row: the
// rating is saved, and the note says why it was not (no generic error, no
// Retry that could never succeed). A note that starts like a formula is text.
test.describe("a refused evidence note", () => {
  const GIT = "Uses Git for version control";
  const row = (page: Page, skill: string) =>
    page.getByRole("listitem").filter({ has: page.getByText(skill, { exact: true }) });
  const choose = (page: Page, skill: string, value: string) =>
    group(page, skill)
      .locator("label")
      .filter({ has: page.locator(`input[value="${value}"]`) })
      .click();

  test("does not block the proficiency chosen on its row, and says what is wrong next to the note", async ({
    page,
  }) => {
    await signInAs(page, "Marta Kowalska");
    await expect(page).toHaveURL(/\/me$/);
    const git = row(page, GIT);
    const note = git.getByRole("textbox", { name: `Evidence (optional): ${GIT}` });
    const status = git.getByRole("status");
    await choose(page, GIT, (await checkedValue(page, GIT)) === "4" ? "2" : "4");
    await expect(status).toHaveText("Saved");

    await note.fill("<b>talk</b> at meetup");
    await note.press("Tab");
    const message = "Your rating is saved, but not this note: remove the HTML tags from it.";
    await expect(git.getByText(message)).toBeVisible();
    await expect(note).toHaveAttribute("aria-invalid", "true");
    await expect(note).toHaveAccessibleDescription(message);

    await choose(page, GIT, "3");
    await expect(status).toHaveText("Saved");
    expect(await checkedValue(page, GIT)).toBe("3");
    await expect(git.getByText(message)).toBeVisible();
    await expect(git.getByText("Some fields are not valid.")).toHaveCount(0);
    await expect(git.getByRole("button", { name: /Retry/ })).toHaveCount(0);

    await page.reload();
    expect(await checkedValue(page, GIT)).toBe("3"); // the server kept the 3

    // Notes that start like a formula are ordinary text, stored as written.
    await note.fill("+44 talk at meetup");
    await note.press("Enter");
    await expect(status).toHaveText("Saved");
    await page.reload();
    await expect(note).toHaveValue("+44 talk at meetup");
    expect(await checkedValue(page, GIT)).toBe("3");
  });
});

// An imported rating (a self-kind row written by an admin's import) shows as
// imported, by whom and when; it is not the member's rating of this quarter
// until they keep or change it.
test.describe("an imported rating", () => {
  const GIT = { en: "Uses Git for version control", zh: "會使用 Git 做版本控管" };
  const CONDA = { en: "Can manage Python venv/conda environments", zh: "能管理 Python venv/conda 環境" };
  const progress = async (page: Page) => {
    const text = (await page.locator("#progress-label").textContent()) ?? "";
    return Number((/(\d+) of 33|已評 (\d+) \//.exec(text) ?? []).slice(1).find(Boolean));
  };
  const row = (page: Page, skill: string) =>
    page.getByRole("listitem").filter({ has: page.getByText(skill, { exact: true }) });

  for (const { locale, person, email, t } of [
    {
      locale: "en",
      person: "Emma Schmidt",
      email: "emma.schmidt@acme.test",
      t: {
        proficiency: "Proficiency",
        git: GIT.en,
        conda: CONDA.en,
        imported: /^⤓ Imported by Mei-Ling Chen on \w+ \d+, \d{4}$/,
        rated: "Rated this quarter",
        keep: `Keep as my rating: ${GIT.en}`,
        evidence: `Evidence (optional): ${CONDA.en}`,
        noteMessage: "Your rating is saved, but not this note: remove the HTML tags from it.",
      },
    },
    {
      locale: "zh-TW",
      person: "Yu-Ting Tsai",
      email: "yu-ting.tsai@acme.test",
      t: {
        proficiency: "熟練度",
        git: GIT.zh,
        conda: CONDA.zh,
        imported: /^⤓ 由 Mei-Ling Chen 於 \d{4}年\d+月\d+日 匯入$/,
        rated: "本季已評",
        keep: `保留為我的評分：${GIT.zh}`,
        evidence: `佐證（選填）: ${CONDA.zh}`,
        noteMessage: "評分已儲存，但佐證未儲存：請移除其中的 HTML 標籤。",
      },
    },
  ]) {
    test(`is marked as imported and not counted until the member keeps it [${locale}]`, async ({ browser }) => {
      test.setTimeout(90_000);
      const member = await browser.newPage();
      await signInAs(member, person);
      await expect(member).toHaveURL(/\/me$/);
      const current = await checkedValue(member, GIT.en);
      const ratedBefore = await progress(member);
      const gitWasRated = (await row(member, GIT.en).getByText("Rated this quarter").count()) > 0;
      const value = current === "1" ? "2" : "1";

      const admin = await browser.newPage();
      await signInAs(admin, "Mei-Ling Chen", "/org/import");
      const file = path.join(tmpdir(), `skillgrid-import-${locale}-${Date.now()}.csv`);
      writeFileSync(file, `email,environments-and-version-control.uses-git-for-version-control\n${email},${value}\n`);
      await admin.getByLabel("CSV or XLSX file").setInputFiles(file);
      await admin.getByRole("button", { name: "Dry run" }).click();
      await expect(admin.getByRole("button", { name: "Apply" })).toBeEnabled();
      await admin.getByRole("button", { name: "Apply" }).click();
      await expect(admin.getByRole("status")).toContainText("Applied: 1 change for 1 person");

      // The lead's (here the admin's) way in: People → the person's page, which marks it too.
      await admin.goto("/org/people");
      await admin.getByRole("link", { name: person, exact: true }).click();
      await admin.getByRole("link", { name: /^Validate in / }).click();
      await expect(admin.getByRole("heading", { level: 1, name: `${person}'s skills` })).toBeVisible();
      await expect(row(admin, GIT.en).getByTestId("imported")).toHaveText(/^⤓ Imported by Mei-Ling Chen on /);
      await admin.close();

      if (locale !== "en")
        await member.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: member.url() }]);
      await member.reload();
      const git = row(member, t.git);
      await expect(git.getByTestId("imported")).toHaveText(t.imported);
      await expect(git.getByText(t.rated)).toHaveCount(0);
      const shown = () =>
        member
          .getByRole("group", { name: `${t.proficiency}: ${t.git}` })
          .locator("input:checked")
          .getAttribute("value");
      expect(await shown()).toBe(value);
      expect(await progress(member)).toBe(ratedBefore - (gitWasRated ? 1 : 0));

      // A refused note on the next row, for the screenshots.
      const note = member.getByRole("textbox", { name: t.evidence });
      await note.fill("<b>talk</b> at meetup");
      await note.press("Tab");
      await expect(row(member, t.conda).getByText(t.noteMessage)).toBeVisible();
      // The imported row at the top (below the sticky header), the refused note's row under it.
      const showBoth = () =>
        git.evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 72));
      await showBoth();
      await member.screenshot({ path: `${SHOTS}/me-imported-${locale}-1280.png` });
      await member.setViewportSize({ width: 390, height: 844 });
      await showBoth();
      await member.screenshot({ path: `${SHOTS}/me-imported-${locale}-390.png` });
      await member.setViewportSize({ width: 1280, height: 900 });

      const ratedWithNote = await progress(member);
      await git.getByRole("button", { name: t.keep }).click();
      await expect(git.getByText(t.rated)).toBeVisible();
      await expect(git.getByTestId("imported")).toHaveCount(0);
      expect(await progress(member)).toBe(ratedWithNote + 1);
      await member.reload();
      await expect(row(member, t.git).getByText(t.rated)).toBeVisible();
      expect(await shown()).toBe(value);
    });
  }
});

test("the validation page filters by 'not validated' and 'to discuss' from its address, by keyboard", async ({
  page,
}) => {
  await signInAs(page, "Mei-Ling Chen", "/org/people");
  await page.getByRole("link", { name: "Pei-Shan Kuo", exact: true }).click();
  await page.getByRole("link", { name: "Validate in Data Engineering" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pei-Shan Kuo's skills" })).toBeVisible();
  const filters = page.getByRole("navigation", { name: "Show" });
  await expect(filters.getByRole("link", { name: /^All skills \(33\)$/ })).toHaveAttribute("aria-current", "page");
  const unvalidated = filters.getByRole("link", { name: /^Not validated \(\d+\)$/ });
  const count = Number((/\((\d+)\)/.exec((await unvalidated.textContent()) ?? "") ?? [])[1]);
  await unvalidated.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?show=unvalidated$/);
  await expect(unvalidated).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("combobox", { name: /^Validated proficiency:/ })).toHaveCount(count);
  await expect(page.getByText(/^Lead: /)).toHaveCount(0);
  await page.goto(`${new URL(page.url()).pathname}?show=discuss`);
  await expect(filters.getByRole("link", { name: /^⚑ To discuss \(\d+\)$/ })).toHaveAttribute("aria-current", "page");
  const discuss = await page.getByRole("combobox", { name: /^Validated proficiency:/ }).count();
  await expect(page.getByTestId("discrepancy")).toHaveCount(discuss);
  await filters.getByRole("link", { name: /^All skills/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/members\/[^?]+$/);
  await expect(page.getByRole("combobox", { name: /^Validated proficiency:/ })).toHaveCount(33);
});
