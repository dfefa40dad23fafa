import { expect, test, type Page } from "@playwright/test";

import { signInAs } from "./sign-in";
import { createScimTokenInUi, scimOverHttp } from "./support/scim";

// A leaver disabled in the directory while signed in to Skillgrid: the IdP's
// PATCH (Entra's form) refuses their next page load and their next server
// action; reactivating them does not revive that session, a new sign-in works.
// Yi-Chen Hsu is used by no other spec.

const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const EMAIL = "yi-chen.hsu@acme.test";

/** Moves the first proficiency scale on /me one step: the autosave server action's response. */
async function saveARating(page: Page) {
  const saved = page.waitForResponse((r) => r.request().method() === "POST" && !!r.request().headers()["next-action"]);
  const scale = page.locator('input[type="radio"]:checked').first();
  await scale.focus();
  await page.keyboard.press("ArrowRight");
  return saved;
}

test("a person deactivated through SCIM is refused on their next action and page load; reactivation needs a new sign-in", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const adminPage = await browser.newPage();
  await signInAs(adminPage, "Mei-Ling Chen", "/org/directory");
  const scim = scimOverHttp(baseURL!, await createScimTokenInUi(adminPage, "Lifecycle IdP"));
  const found = await scim("GET", `/Users?filter=${encodeURIComponent(`userName eq "${EMAIL}"`)}`);
  const id = found.json.Resources[0].id as string;

  const leaverContext = await browser.newContext();
  const leaver = await leaverContext.newPage();
  await signInAs(leaver, "Yi-Chen Hsu", "/me");
  await expect(leaver).toHaveURL(/\/me$/);
  expect((await saveARating(leaver)).ok()).toBe(true);

  const off = await scim("PATCH", `/Users/${id}`, {
    schemas: [PATCH_OP],
    Operations: [{ op: "Replace", path: "active", value: "False" }],
  });
  expect(off.status).toBe(200);
  expect(off.json.active).toBe(false);

  // The very next server action is refused (its answer is read as it passes,
  // since the page then leaves for sign-in)...
  const answers: string[] = [];
  await leaver.route("**/me", async (route) => {
    if (!route.request().headers()["next-action"]) return route.continue();
    const response = await route.fetch();
    answers.push(await response.text());
    await route.fulfill({ response });
  });
  await saveARating(leaver);
  expect(answers).toHaveLength(1);
  expect(answers[0]).toMatch(/"ok":false,"code":"unauthenticated"/);
  await leaver.unroute("**/me");
  // ...and so is the very next page load.
  await leaver.goto("/me");
  await expect(leaver).toHaveURL(/\/signin/);

  const on = await scim("PATCH", `/Users/${id}`, {
    schemas: [PATCH_OP],
    Operations: [{ op: "replace", value: { active: true } }],
  });
  expect(on.json.active).toBe(true);
  // The old session stays ended; signing in again works.
  await leaver.goto("/me");
  await expect(leaver).toHaveURL(/\/signin/);
  await signInAs(leaver, "Yi-Chen Hsu", "/me");
  await expect(leaver).toHaveURL(/\/me$/);
  await leaverContext.close();

  // The provisioning log shows both changes, with the token's name.
  await adminPage.goto("/org/directory");
  const log = adminPage.getByRole("region", { name: "Provisioning log" });
  await expect(log.getByRole("row").filter({ hasText: `/scim/v2/Users/${id}` })).toHaveCount(2);
  await expect(log.getByRole("row").filter({ hasText: "Lifecycle IdP" }).first()).toBeVisible();
  await adminPage.close();
});
