import { expect, test } from "@playwright/test";

import { signInAs } from "./sign-in";
import { expectNoAxeViolations } from "./support/axe";
import { screenshots } from "./support/screenshots";

// API tokens as people make them: a member's own token on /me/api, shown
// once with a command to try it, and cut off again; an admin's service token
// for one team on /org/api, listed with every other token.

const SHOTS = "tests/e2e/screenshots";

test.describe("API tokens", () => {
  test("a member creates a personal token, sees it once with a curl line, and revokes it", async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    await signInAs(page, "Sofia Rossi", "/me");
    await page.getByRole("link", { name: "API tokens" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
    await expect(page.getByRole("link", { name: "API reference" })).toHaveAttribute("href", "/api/docs");

    // A member is offered what can do something for them: reading and rating, not targets or admin.
    const form = page.getByRole("form", { name: "Create a token" });
    await expect(form.getByRole("checkbox", { name: /^Read/ })).toBeChecked();
    await expect(form.getByRole("checkbox", { name: /^Rate/ })).not.toBeChecked();
    await expect(form.getByRole("checkbox", { name: /^Plan/ })).toHaveCount(0);
    await expect(form.getByRole("checkbox", { name: /^Administer/ })).toHaveCount(0);
    await expect(form.getByLabel("Expires in (days)")).toHaveValue("90");

    await form.getByLabel("Token name").fill("My script");
    await form.getByRole("checkbox", { name: /^Rate/ }).check();
    await form.getByRole("button", { name: "Create token" }).click();
    const reveal = page.getByLabel("New token “My script”");
    await expect(reveal).toHaveValue(/^sgp_[A-Za-z0-9_-]{43}$/);
    const token = await reveal.inputValue();
    await expect(page.getByLabel("Try it from a terminal")).toHaveValue(
      `curl -H "Authorization: Bearer ${token}" ${baseURL}/api/v1/me`,
    );
    await expect(page.getByText("it will not be shown again")).toBeVisible();
    const mine = page.getByRole("region", { name: "Your tokens" });
    await expect(mine.getByRole("row", { name: /My script/ })).toContainText("Active");
    await expect(mine.getByRole("row", { name: /My script/ })).toContainText("Read, Rate");
    await expectNoAxeViolations(page, "/me/api with a new token");
    await page.screenshot({ path: `${SHOTS}/me-api-token-shown-1280-en.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/me-api-token-shown-390-en.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Shown once: gone after a reload, only its first characters remain.
    await page.reload();
    await expect(page.getByLabel("New token “My script”")).toHaveCount(0);
    await expect(page.getByText(token)).toHaveCount(0);
    await expect(mine.getByText(`${token.slice(0, 8)}…`)).toBeVisible();

    await mine.getByRole("button", { name: "Revoke My script" }).click();
    await page
      .getByRole("alertdialog", { name: "Revoke the token “My script”?" })
      .getByRole("button", { name: "Revoke token" })
      .click();
    await expect(page.getByText("Token “My script” revoked.")).toBeVisible();
    await expect(mine.getByRole("row", { name: /My script/ })).toContainText("Revoked");

    // One more, kept, for the shots in both languages.
    await form.getByLabel("Token name").fill("Notebook");
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByLabel("New token “Notebook”")).toBeVisible();
    await screenshots(page, context, baseURL!, [{ url: "/me/api", name: "me-api" }]);
    await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: baseURL! }]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/me/api");
    await page.getByLabel("權杖名稱").fill("筆電指令碼");
    await page.getByRole("button", { name: "建立權杖" }).click();
    await expect(page.getByLabel("新權杖「筆電指令碼」")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/me-api-token-shown-390-zh-TW.png`, fullPage: true });
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
  });

  // The public API is built alongside these pages: this call runs once GET /api/v1/me answers.
  test("a personal token made on /me/api calls GET /api/v1/me as its owner until revoked", async ({
    page,
    request,
  }) => {
    await signInAs(page, "Yu-Ting Tsai", "/me/api");
    const form = page.getByRole("form", { name: "Create a token" });
    await form.getByLabel("Token name").fill("curl check");
    await form.getByRole("button", { name: "Create token" }).click();
    const token = await page.getByLabel("New token “curl check”").inputValue();
    const me = () => request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    const ok = await me();
    expect(ok.status()).toBe(200);
    expect(JSON.stringify(await ok.json())).toContain("yu-ting.tsai@acme.test");
    await page.reload();
    await page.getByRole("button", { name: "Revoke curl check" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Revoke token" }).click();
    await expect(page.getByText("Token “curl check” revoked.")).toBeVisible();
    expect((await me()).status()).toBe(401);
  });

  test("an admin creates a service token for one team and sees it with every token", async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    await signInAs(page, "Mei-Ling Chen", "/org");
    await page.getByRole("link", { name: "API", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "API access" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Webhooks" })).toHaveAttribute("href", "/org/webhooks");

    const form = page.getByRole("form", { name: "Create a token" });
    await form.getByLabel("Token name").fill("BI warehouse");
    await form.getByRole("radio", { name: "Only the teams chosen below" }).check();
    // On some teams the token is a lead there: the admin scope is not offered.
    await expect(form.getByRole("checkbox", { name: /^Administer/ })).toHaveCount(0);
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByText("Choose at least one team, or the whole organisation.").first()).toBeVisible();
    await form.getByRole("checkbox", { name: "ML Platform" }).check();
    await form.getByRole("checkbox", { name: /^Plan/ }).check();
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByLabel("New token “BI warehouse”")).toHaveValue(/^sgs_[A-Za-z0-9_-]{43}$/);

    const all = page.getByRole("region", { name: "All tokens" });
    const row = all.getByRole("row", { name: /BI warehouse/ });
    await expect(row).toContainText("Mei-Ling Chen");
    await expect(row).toContainText("Service");
    await expect(row).toContainText("ML Platform");
    await expect(row).toContainText("Read, Plan");
    await expect(row).toContainText("Active");
    // People's personal tokens are listed too (the member's from the test above).
    await expect(all.getByRole("row", { name: /Notebook/ })).toContainText("Sofia Rossi");
    await expectNoAxeViolations(page, "/org/api with a new token");
    await page.screenshot({ path: `${SHOTS}/org-api-token-shown-1280-en.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/org-api-token-shown-390-en.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshots(page, context, baseURL!, [
      { url: "/org/api", name: "org-api" },
      {
        url: "/org/api",
        name: "org-api-revoke-confirm",
        open: async (lang) => {
          await page.getByRole("button", { name: `${lang === "en" ? "Revoke" : "撤銷"} BI warehouse` }).click();
        },
      },
    ]);
  });
});
