import { expect, test, type Page } from "@playwright/test";

import { signInAs } from "./sign-in";
import { expectNoAxeViolations } from "./support/axe";
import { screenshots } from "./support/screenshots";

// Directory sync as an admin sets it up: a token made on /org/directory and
// pasted into the IdP (here: Node's fetch), a group the IdP pushes, mapped to
// a team on the page, membership that follows the group, and a revoked token
// that stops working. A team of its own, so the demo teams other specs use stay as they are.

const SCIM_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const TEAM = "Directory squad";
const GROUP = "Directory Squad (Entra)";
// People the IdP creates here, so no other spec's demo people change teams.
const PEOPLE = [
  { email: "noor.karimi@acme.test", name: "Noor Karimi" },
  { email: "tobias.lund@acme.test", name: "Tobias Lund" },
];

type Scim = (method: string, path: string, body?: unknown) => Promise<{ status: number; json: unknown }>;

/** What the IdP does: SCIM requests with the token as a bearer. */
const scimClient =
  (baseURL: string, token: string): Scim =>
  async (method, path, body) => {
    const res = await fetch(`${baseURL}/scim/v2${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  };

/** What Okta does for each assigned person: look them up by userName, create them when missing. */
async function provision(scim: Scim, person: { email: string; name: string }): Promise<string> {
  const found = await scim("GET", `/Users?filter=${encodeURIComponent(`userName eq "${person.email}"`)}`);
  expect(found.status).toBe(200);
  const list = found.json as { totalResults: number; Resources: { id: string }[] };
  if (list.totalResults) return list.Resources[0]!.id;
  const [givenName, familyName] = person.name.split(" ");
  const created = await scim("POST", "/Users", {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName: person.email,
    name: { givenName, familyName },
    displayName: person.name,
    emails: [{ value: person.email, type: "work", primary: true }],
    active: true,
  });
  expect(created.status, person.email).toBe(201);
  return (created.json as { id: string }).id;
}

async function membersOf(page: Page, settingsUrl: string) {
  await page.goto(settingsUrl);
  const members = page.getByRole("region", { name: /Members/ });
  return members.getByRole("rowheader");
}

test.describe("directory sync", () => {
  test("an admin connects an IdP with a token, maps its group to a team, and cuts it off again", async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    await signInAs(page, "Mei-Ling Chen", "/teams");
    await page.getByLabel("New team").fill(TEAM);
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `${TEAM}: settings` })).toBeVisible();
    const settingsUrl = page.url();

    // Reached from the organisation page; nothing pushed yet.
    await page.goto("/org");
    await page.getByRole("link", { name: "Directory", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Directory sync (SCIM)" })).toBeVisible();
    await expect(page.getByLabel("SCIM base URL")).toHaveValue(`${baseURL}/scim/v2`);
    await expect(page.getByText("No groups yet. Push groups from your identity provider")).toBeVisible();
    await expect(page.getByText("No requests yet.")).toBeVisible();
    await page.screenshot({ path: "tests/e2e/screenshots/directory-empty-1280-en.png", fullPage: true });

    // A token, shown once.
    await page.getByLabel("Token name").fill("Entra ID");
    await page.getByLabel("Expires in (days)").fill("90");
    await page.getByRole("button", { name: "Create token" }).click();
    const reveal = page.getByLabel("New token “Entra ID”");
    await expect(reveal).toHaveValue(/^sgscim_\S{40,}$/);
    const token = await reveal.inputValue();
    await expect(page.getByText("it will not be shown again")).toBeVisible();
    await page.screenshot({ path: "tests/e2e/screenshots/directory-token-shown-1280-en.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "tests/e2e/screenshots/directory-token-shown-390-en.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    const tokens = page.getByRole("region", { name: "SCIM connection" });
    await expect(tokens.getByRole("row", { name: /Entra ID/ })).toContainText("Active");
    await page.reload();
    await expect(page.getByLabel("New token “Entra ID”")).toHaveCount(0);
    await expect(page.getByText(token)).toHaveCount(0);

    // The IdP pushes a group of two.
    const scim = scimClient(baseURL!, token);
    const [noor, tobias] = [await provision(scim, PEOPLE[0]!), await provision(scim, PEOPLE[1]!)];
    const created = await scim("POST", "/Groups", {
      schemas: [SCIM_GROUP],
      displayName: GROUP,
      members: [{ value: noor }, { value: tobias }],
    });
    expect(created.status).toBe(201);
    const groupId = (created.json as { id: string }).id;

    // The admin maps it to the team.
    await page.reload();
    const groups = page.getByRole("region", { name: "Groups" });
    await expect(groups.getByRole("row", { name: new RegExp(GROUP.replace(/[()]/g, "\\$&")) })).toContainText("2");
    await groups.getByRole("combobox", { name: `Team for ${GROUP}` }).selectOption({ label: TEAM });
    await groups.getByRole("button", { name: `Save ${GROUP}` }).click();
    await expect(groups.getByText(`“${GROUP}” saved.`)).toBeVisible();

    // The team's members are the group's; adding and removing by hand is gone.
    let members = await membersOf(page, settingsUrl);
    await expect(page.getByTestId("team-managed-by")).toHaveText(
      `Members of this team come from the directory group “${GROUP}”. Add or remove them in your identity provider; leads and levels can still be changed here.`,
    );
    await expect(members).toHaveCount(2);
    await expect(members.filter({ hasText: "Noor Karimi" })).toHaveCount(1);
    await expect(members.filter({ hasText: "Tobias Lund" })).toHaveCount(1);
    await expect(page.getByLabel("Add a person by email")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
    await expect(page.getByRole("checkbox", { name: "Noor Karimi leads this team" })).toBeEnabled();
    await screenshots(page, context, baseURL!, [{ url: settingsUrl, name: "team-managed-by" }]);
    // On a phone, in Chinese: the members table scrolls inside its card, and nothing is left in English.
    await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: baseURL! }]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(settingsUrl);
    await expect(page.getByText("尚未登入")).toHaveCount(2);
    await expect(page.getByText("invited")).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The IdP removes one (Entra's form of the operation).
    const removed = await scim("PATCH", `/Groups/${groupId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Remove", path: "members", value: [{ value: tobias }] }],
    });
    expect(removed.status).toBeLessThan(300);
    members = await membersOf(page, settingsUrl);
    await expect(members).toHaveCount(1);
    await expect(members.first()).toContainText("Noor Karimi");

    // Revoked: the same request is refused.
    await page.goto("/org/directory");
    await tokens.getByRole("button", { name: "Revoke Entra ID" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Revoke the token “Entra ID”?" });
    await dialog.getByRole("button", { name: "Revoke token" }).click();
    await expect(page.getByText("Token “Entra ID” revoked.")).toBeVisible();
    await expect(tokens.getByRole("row", { name: /Entra ID/ })).toContainText("Revoked");
    expect((await scim("GET", `/Groups/${groupId}`)).status).toBe(401);

    // The provisioning log has the push, the change and the refusal.
    await page.reload();
    const log = page.getByRole("region", { name: "Provisioning log" });
    await expect(log.getByRole("row").filter({ hasText: "POST /scim/v2/Groups" })).toContainText("Entra ID");
    await expect(log.getByRole("row").filter({ hasText: `PATCH /scim/v2/Groups/${groupId}` })).toContainText("204");
    await expect(log.getByRole("row").filter({ hasText: `GET /scim/v2/Groups/${groupId}` })).toContainText(
      "Refused (401)",
    );

    await expectNoAxeViolations(page, "/org/directory");

    // Another token for the shots: one that never expires (to revoke in the confirmation shot), and the one-time
    // reveal in Chinese on a phone.
    await page.getByLabel("Token name").fill("Phone check");
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByLabel("New token “Phone check”")).toBeVisible();
    await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: baseURL! }]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/org/directory");
    await page.getByLabel("權杖名稱").fill("Okta 測試");
    await page.getByRole("button", { name: "建立權杖" }).click();
    await expect(page.getByLabel("新權杖「Okta 測試」")).toBeVisible();
    // Wide tables scroll inside their cards: the page itself is no wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: "tests/e2e/screenshots/directory-token-shown-390-zh-TW.png", fullPage: true });
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
    await screenshots(page, context, baseURL!, [
      { url: "/org/directory", name: "directory" },
      {
        url: "/org/directory",
        name: "directory-revoke-confirm",
        open: async (lang) => {
          const name = lang === "en" ? "Revoke " : "撤銷 ";
          await page.getByRole("button", { name: `${name}Phone check` }).click();
        },
      },
    ]);
  });
});
