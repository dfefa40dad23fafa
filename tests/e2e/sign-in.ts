import { expect, type Page } from "@playwright/test";

/** Signs in through the development OIDC provider, picking the account by name. */
export async function signInAs(page: Page, name: string, path = "/"): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/signin/);
  await page.getByRole("button", { name: "Sign in with Acme SSO" }).click();
  await expect(page.getByRole("heading", { name: "Development identity provider" })).toBeVisible();
  await page.getByRole("button", { name: new RegExp(`^${name}\\b`) }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
}
