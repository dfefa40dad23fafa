import { expect, test } from "@playwright/test";

import { signInAs, signOut } from "./sign-in";

const SHOTS = "tests/e2e/screenshots";

test.describe("signing in through the identity provider", () => {
  test("a signed-out visit to a protected page goes to sign-in and comes back after", async ({ page }) => {
    await page.goto("/teams");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fteams/);
    await expect(page.getByRole("heading", { name: "Sign in to Skillgrid" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/signin.png` });
    await page.getByRole("button", { name: "Sign in with Acme SSO" }).click();
    await expect(page.getByRole("heading", { name: "Development identity provider" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/dev-idp.png`, fullPage: true });
    await page.getByRole("button", { name: /^Alex Wang\b/ }).click();
    await expect(page).toHaveURL(/\/teams$/);
    await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
  });

  test("a member lands on their skills, and can sign out", async ({ page }) => {
    await signInAs(page, "Sofia Rossi");
    await expect(page).toHaveURL(/\/me$/);
    await expect(page.getByRole("heading", { level: 1, name: "My skills" })).toBeVisible();
    await expect(page.getByText(/of 33 rated this quarter/)).toBeVisible();
    await expect(page.getByRole("link", { name: "People", exact: true })).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/me-member.png` });
    await signOut(page);
    await page.goto("/me");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("a manager lands on the teams they lead", async ({ page }) => {
    await signInAs(page, "Priya Nair");
    await expect(page).toHaveURL(/\/teams$/);
    await expect(page.getByRole("heading", { name: "Applied ML" })).toBeVisible();
    await expect(page.getByText("You lead", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "ML Platform" })).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/teams-manager.png` });
  });

  test("an admin lands on the organisation, and manages its people", async ({ page }) => {
    await signInAs(page, "Mei-Ling Chen");
    await expect(page).toHaveURL(/\/org$/);
    await expect(page.getByRole("heading", { level: 1, name: "Organisation" })).toBeVisible();
    await page.getByRole("link", { name: "People", exact: true }).click();
    await expect(page).toHaveURL(/\/org\/people$/);
    await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Role of Sofia Rossi" })).toHaveValue("member");
    await page.screenshot({ path: `${SHOTS}/people-admin.png`, fullPage: true });
    await page.getByRole("button", { name: "Account menu" }).click();
    await expect(page.getByRole("menu")).toContainText("Org admin");
    await page.screenshot({ path: `${SHOTS}/user-menu.png` });
  });

  test("someone from a domain that is not allowed is refused", async ({ page }) => {
    await signInAs(page, "Eve Outsider");
    await expect(page).toHaveURL(/\/refused\?reason=domain/);
    await expect(page.getByRole("heading", { name: "Your account is not part of this organisation" })).toBeVisible();
    await expect(page.getByText("not in an allowed domain")).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/refused.png` });
    await page.goto("/me");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("an unverified email is refused", async ({ page }) => {
    await signInAs(page, "Una Verified");
    await expect(page).toHaveURL(/\/refused\?reason=email_unverified/);
  });

  test("callbackUrl pointing at another site does not leave Skillgrid", async ({ page }) => {
    await page.goto("/signin?callbackUrl=https%3A%2F%2Fevil.example%2Fsteal");
    await page.getByRole("button", { name: "Sign in with Acme SSO" }).click();
    await page.getByRole("button", { name: /^Ben Carter\b/ }).click();
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/me$/);
    // next-auth's own endpoint applies the same rule.
    const res = await page.request.get("/api/auth/signin?callbackUrl=https%3A%2F%2Fevil.example", { maxRedirects: 0 });
    expect(res.headers()["location"] ?? "").not.toContain("evil.example");
  });

  test("security headers are sent", async ({ page }) => {
    const response = await page.goto("/signin");
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });
});

test.describe("what an admin changes takes effect on the next request", () => {
  test("a disabled user is refused on their very next request, and a forged-origin action changes nothing", async ({
    browser,
  }) => {
    const memberContext = await browser.newContext();
    const member = await memberContext.newPage();
    await signInAs(member, "Chloé Dubois");
    await expect(member).toHaveURL(/\/me$/);
    const sessionCookie = (await memberContext.cookies()).find((c) => c.name === "next-auth.session-token");
    expect(sessionCookie?.httpOnly).toBe(true);
    expect(sessionCookie?.sameSite).toBe("Lax");

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signInAs(admin, "Mei-Ling Chen", "/org/people");
    await expect(admin).toHaveURL(/\/org\/people$/);

    // Capture a real server-action request from the UI...
    const roleSelect = admin.getByRole("combobox", { name: "Role of Noah Kim" });
    const actionRequest = admin.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
    await roleSelect.selectOption("manager");
    const captured = await actionRequest;
    await expect(admin.getByRole("status")).toHaveText("Saved.");
    // The status already says "Saved.": wait for this save's own response before reading the role back.
    const putBack = admin.waitForResponse(
      (r) => r.request().method() === "POST" && !!r.request().headers()["next-action"],
    );
    await roleSelect.selectOption("member");
    expect((await putBack).ok()).toBe(true);
    await expect(admin.getByRole("status")).toHaveText("Saved.");

    // ...and replay it with the admin's cookies but a foreign Origin.
    const replay = await adminContext.request.post(captured.url(), {
      headers: { ...captured.headers(), origin: "https://evil.example" },
      data: captured.postData() ?? "",
      failOnStatusCode: false,
    });
    expect(replay.ok()).toBe(false);
    await admin.reload();
    await expect(admin.getByRole("combobox", { name: "Role of Noah Kim" })).toHaveValue("member");

    // Disable Chloé; her existing session stops working at once.
    await admin.getByRole("button", { name: "Disable Chloé Dubois" }).click();
    await expect(admin.getByRole("status")).toHaveText("Saved.");
    await member.reload();
    await expect(member).toHaveURL(/\/signin/);
    await memberContext.close();

    // And she cannot sign in again.
    const retry = await browser.newPage();
    await signInAs(retry, "Chloé Dubois");
    await expect(retry).toHaveURL(/\/refused\?reason=disabled/);
    await retry.close();

    await admin.getByRole("button", { name: "Enable Chloé Dubois" }).click();
    await expect(admin.getByRole("status")).toHaveText("Saved.");
    await adminContext.close();
  });
});
