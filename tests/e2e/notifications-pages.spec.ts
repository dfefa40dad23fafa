import { expect, test, type Page } from "@playwright/test";

import { demoUserId } from "../../db/seed/demo";
import { signUnsubscribeToken } from "../../lib/notifications/unsubscribe-token";
import { signInAs } from "./sign-in";
import { expectNoAxeViolations } from "./support/axe";
import { screenshots } from "./support/screenshots";

// Email pages: a person's preferences (/me/email), the admins' delivery page
// (/org/notifications) and an email's unsubscribe link (/unsubscribe/<token>).
// A member no other spec uses, so no one else's emails change.

// The secret playwright.config.ts gives the server: links are signed as the server signs them.
const SECRET = "e2e-nextauth-secret-0123456789abcdef";
const MEMBER = { name: "Ming-Hsuan Yang", email: "ming-hsuan.yang@acme.test" };
const ADMIN = { name: "Mei-Ling Chen", email: "mei-ling.chen@acme.test" };
const linkFor = (email: string, kind: Parameters<typeof signUnsubscribeToken>[2]) =>
  `/unsubscribe/${signUnsubscribeToken(SECRET, demoUserId(email), kind)}`;

async function toggle(page: Page, name: string, on: boolean) {
  const box = page.getByRole("checkbox", { name });
  await (on ? box.check() : box.uncheck());
  await expect(
    page.getByRole("status").filter({ hasText: `“${name}” emails are ${on ? "on" : "off"}.` }),
  ).toBeVisible();
  await expect(box).toBeEnabled();
}

test.describe("email pages", () => {
  test("a member turns an email off and on, and unsubscribes with an email's link", async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    await signInAs(page, MEMBER.name, "/me");
    await page.getByRole("link", { name: "Email preferences" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Email" })).toBeVisible();
    // The e2e server sends to a local MailDev (playwright.config.ts): no "not sending yet" notice.
    await expect(page.getByTestId("mail-off")).toHaveCount(0);
    // A member gets neither the leads' digest nor the admins' close summary.
    await expect(page.getByRole("checkbox")).toHaveCount(3);
    await expect(page.getByRole("checkbox", { name: "Weekly lead digest" })).toHaveCount(0);
    const validated = page.getByRole("checkbox", { name: "Rating validated" });
    await expect(validated).toBeChecked();
    await expect(validated).toHaveAccessibleDescription(/at most one email an hour/);

    await toggle(page, "Rating validated", false);
    await page.reload();
    await expect(validated).not.toBeChecked();
    await toggle(page, "Rating validated", true);
    await page.reload();
    await expect(validated).toBeChecked();
    await expectNoAxeViolations(page, "/me/email");

    // The reminder's unsubscribe link: opening it changes nothing; the button does.
    const reminderLink = linkFor(MEMBER.email, "cycle_reminder");
    await page.goto(reminderLink);
    await expect(page.getByRole("heading", { level: 1, name: "Unsubscribe" })).toBeVisible();
    await expect(page.getByText("Stop emails about “Rating reminder” to m•••@acme.test?")).toBeVisible();
    await expectNoAxeViolations(page, "unsubscribe: question");
    await page.getByRole("button", { name: "Stop these emails" }).click();
    await expect(page).toHaveURL(new RegExp(`${reminderLink}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Unsubscribed" })).toBeVisible();
    await expect(page.getByText("Done: you will no longer get “Rating reminder” emails.")).toBeVisible();
    await expectNoAxeViolations(page, "unsubscribe: done");
    await screenshots(page, context, baseURL!, [
      { url: reminderLink, name: "unsubscribe-done" },
      { url: linkFor(MEMBER.email, "cycle_opened"), name: "unsubscribe-question" },
    ]);
    await page.goto(reminderLink);
    await page.getByRole("link", { name: "email preferences" }).click();
    await expect(page).toHaveURL(/\/me\/email$/);
    await expect(page.getByRole("checkbox", { name: "Rating reminder" })).not.toBeChecked();
    await toggle(page, "Rating reminder", true);

    // A tampered link: 404 and a page that says so.
    const tampered = `${reminderLink.slice(0, -4)}AAAA`;
    const res = await page.goto(tampered);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "This unsubscribe link is not valid" })).toBeVisible();
    await expectNoAxeViolations(page, "unsubscribe: invalid");
    await screenshots(page, context, baseURL!, [
      { url: "/me/email", name: "email-preferences-member" },
      { url: tampered, name: "unsubscribe-invalid" },
    ]);
  });

  test("an admin's preference changes are audited; the delivery page refuses a bad time zone and saves a good one", async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    await signInAs(page, ADMIN.name, "/me/email");
    await expect(page.getByRole("checkbox", { name: "Cycle closed summary" })).toBeChecked();
    await toggle(page, "Cycle closed summary", false);
    await toggle(page, "Cycle closed summary", true);
    await page.goto("/org/audit?action=email_preference.updated");
    const rows = page.getByRole("row").filter({ hasText: ADMIN.email }).filter({ hasText: "email_preference.updated" });
    await expect(rows).toHaveCount(2);

    await page.goto("/org");
    await page.getByRole("link", { name: "Email delivery" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Email delivery" })).toBeVisible();
    // The server, never its credentials or options.
    await expect(page.getByTestId("mail-server")).toContainText(
      /On: sending through smtp:\/\/127\.0\.0\.1:\d+From: Skillgrid <skillgrid@acme\.test>/,
    );
    await expect(page.getByRole("link", { name: "Problems" })).toHaveAttribute("aria-current", "page");

    const form = page.getByRole("form", { name: "Email schedule" });
    const zone = form.getByLabel("Time zone");
    await zone.fill("Mars/Olympus_Mons");
    await form.getByRole("button", { name: "Save schedule" }).click();
    await expect(form.getByText("Unknown time zone: choose one such as Asia/Taipei or UTC.")).toBeVisible();
    await expect(zone).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByRole("status")).toHaveText("Not saved: check the fields marked below.");
    await expectNoAxeViolations(page, "/org/notifications: refused");

    await zone.fill("Asia/Taipei");
    await form.getByLabel("Reminder days before close").fill("7, 2");
    await form.getByLabel("Digest day").selectOption({ label: "Monday" });
    await form.getByLabel("Hour").selectOption({ label: "09:00" });
    await form.getByRole("button", { name: "Save schedule" }).click();
    await expect(form.getByRole("status")).toHaveText("Schedule saved.");
    await expect(zone).not.toHaveAttribute("aria-invalid");
    await page.reload();
    await expect(form.getByLabel("Time zone")).toHaveValue("Asia/Taipei");
    await expect(form.getByLabel("Reminder days before close")).toHaveValue("7, 2");

    // Filters live in the address.
    await page.getByRole("link", { name: "All", exact: true }).click();
    await expect(page).toHaveURL(/status=all/);
    await expect(page.getByRole("link", { name: "All", exact: true })).toHaveAttribute("aria-current", "page");
    await page.getByLabel("Kind").selectOption({ label: "Rating reminder" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/status=all&kind=cycle_reminder/);
    await expectNoAxeViolations(page, "/org/notifications");

    await screenshots(page, context, baseURL!, [
      { url: "/org/notifications", name: "org-notifications" },
      { url: "/me/email", name: "email-preferences-admin" },
    ]);
    // On a phone the tables scroll inside their cards: the page is no wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/org/notifications");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
