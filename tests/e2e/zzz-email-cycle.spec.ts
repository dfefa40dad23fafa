import { expect, test, type Page } from "@playwright/test";

import { addQuarters, quarterOf } from "@/lib/quarters";

import { signInAs, signOut } from "./sign-in";
import { expectNoAxeViolations } from "./support/axe";
import { linkIn, mailTo, waitForMail } from "./support/inbox";

// The quarterly cycle by email, through a real SMTP server (MailDev, started
// by playwright.config.ts). Runs last (file name): it closes the current
// quarter and opens the next, which every spec before it expects open.
const SHOTS = "tests/e2e/screenshots";
const MEMBER = { name: "Li-Wen Chang", email: "li-wen.chang@acme.test" }; // zh-TW, Applied ML; in no other spec
const CONTROL = "felix.weber@acme.test"; // Data Engineering; does not rate in this cycle

const day = (d: Date) => d.toISOString().slice(0, 10);

async function saveSchedule(page: Page, reminderDays: string) {
  // Signing in ends on this page: wait for it rather than cut the sign-in's redirects short.
  await expect(page).toHaveURL(/\/org\/notifications$/);
  await page.getByLabel("Time zone", { exact: true }).fill("UTC");
  await page.getByLabel("Reminder days before close").fill(reminderDays);
  await page.getByLabel("Hour", { exact: true }).selectOption("0");
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByText("Schedule saved.")).toBeVisible();
}

/** Renders an email's HTML as a page, in both widths, for a look. */
async function shootEmail(page: Page, html: string, name: string) {
  for (const width of [800, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.setContent(html);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test.describe("email: the quarterly cycle reaches people", () => {
  test.setTimeout(300_000);

  test("an admin opens a cycle; a member gets it in zh-TW, follows the link, rates, and gets no reminder; the unsubscribe link works without signing in", async ({
    page,
    browser,
  }) => {
    const current = quarterOf(new Date());
    const next = addQuarters(current, 1);
    const plannedClose = day(new Date(Date.now() + 2 * 86_400_000));

    // The admin: no reminders yet (they are turned on once the member has rated), then close this quarter and open the next.
    await signInAs(page, "Mei-Ling Chen", "/org/notifications");
    await saveSchedule(page, "");
    await page.goto("/org/cycles");
    await page.getByRole("button", { name: `Close ${current}` }).click();
    await page
      .getByRole("alertdialog", { name: `Close ${current}?` })
      .getByRole("button", { name: `Close ${current}` })
      .click();
    await expect(page.getByRole("status")).toContainText("Cycle closed.");
    await page.getByLabel("New cycle (quarter)").fill(next);
    await page.getByLabel("Planned close (reminders count down to it)").fill(plannedClose);
    await page.getByRole("button", { name: "Open cycle" }).click();
    await expect(page.getByRole("status")).toContainText("Cycle opened.");
    await expect(page.getByRole("row", { name: new RegExp(next) })).toContainText(plannedClose);

    // The admins hear that the quarter closed, with completion per team.
    const closed = await waitForMail("mei-ling.chen@acme.test", "cycle_closed");
    expect(closed.subject).toContain(current);

    // The member's email: in her language, with her progress, a link to /me and the one-click unsubscribe headers.
    const opened = await waitForMail(MEMBER.email, "cycle_opened");
    expect(opened.subject).toContain(next);
    expect(opened.subject).toMatch(/[\u4e00-\u9fff]/);
    expect(opened.text).not.toMatch(/\b(Rate|skills|your)\b/);
    expect(opened.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(opened.html).not.toMatch(/<img/i);
    // Absolute links to the app: this server's address, or the replicas' proxy when one of them sent it (on
    // PostgreSQL every instance runs a worker, and each one's NEXTAUTH_URL is its public address).
    const origins = [new URL(page.url()).origin, process.env.E2E_REPLICA_URL].filter(Boolean) as string[];
    const origin = origins.find((o) => opened.text.includes(`${o}/me`));
    expect(origin, `a link to one of ${origins.join(", ")} in:\n${opened.text}`).toBeDefined();
    await shootEmail(page, opened.html, "email-cycle-opened-zh-TW");
    // Followed on this server (the same app and database as the replicas).
    const meLink = new URL(linkIn(opened.text, `${origin}/me`)).pathname;
    const unsubscribeLink = new URL(new URL(linkIn(opened.text, `${origin}/unsubscribe/`)).pathname, page.url()).href;
    await page.goto("/");
    await signOut(page);

    // She follows the link, signs in, and rates one skill.
    await page.goto(meLink);
    await page.getByRole("button", { name: "Sign in with Acme SSO" }).click();
    await page.getByRole("button", { name: new RegExp(`^${MEMBER.name}\\b`) }).click();
    await expect(page).toHaveURL(/\/me$/);
    const scale = page.getByRole("group", { name: /^Proficiency:/ }).first();
    const level = await scale.locator("input:checked").getAttribute("value");
    await scale.getByText(level === "1" ? "With help" : "Aware", { exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toHaveCount(1);
    await signOut(page);

    // Reminders on: the next tick writes them to everyone who has not rated — her teammate, not her.
    await signInAs(page, "Mei-Ling Chen", "/org/notifications");
    await saveSchedule(page, "7, 2");
    const reminder = await waitForMail(CONTROL, "cycle_reminder");
    expect(reminder.subject).toMatch(/2 days|2 天/);
    await expect
      .poll(
        async () => {
          await page.goto(`/org/notifications?status=pending&kind=cycle_reminder`);
          return page.getByRole("cell", { name: /cycle|提醒|Reminder/i }).count();
        },
        { timeout: 120_000, intervals: [1000] },
      )
      .toBe(0);
    expect(await mailTo(MEMBER.email, "cycle_reminder")).toEqual([]);
    await page.goto("/org/notifications?status=sent");
    await expectNoAxeViolations(page, "/org/notifications with sent emails");

    // The unsubscribe link, in a browser that is signed in as nobody: asked first, then done.
    const stranger = await browser.newContext();
    const anon = await stranger.newPage();
    await anon.goto(unsubscribeLink);
    await expect(anon).toHaveURL(unsubscribeLink);
    await anon.screenshot({ path: `${SHOTS}/unsubscribe-confirm-1280.png`, fullPage: true });
    await anon.getByRole("button").first().click();
    await expect(anon.getByRole("link", { name: /preferences|偏好/i })).toBeVisible();
    await anon.screenshot({ path: `${SHOTS}/unsubscribe-done-1280.png`, fullPage: true });
    // Tampered: refused, and nothing changes.
    const tampered = unsubscribeLink.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    const refused = await anon.request.post(tampered.replace("/unsubscribe/", "/api/unsubscribe/"), {
      data: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(refused.status()).toBe(404);
    const res = await anon.goto(tampered);
    expect(res?.status()).toBe(404);
    await stranger.close();

    // Each email once, though every instance (on PostgreSQL, three) runs a worker and the schedule.
    expect(await mailTo(MEMBER.email, "cycle_opened")).toHaveLength(1);
    expect(await mailTo(CONTROL, "cycle_reminder")).toHaveLength(1);
    // (The quarter may have been closed before in the suite, then reopened: one email per close, none twice.)
    const closes = (await mailTo("mei-ling.chen@acme.test", "cycle_closed")).map(
      (m) => m.headers["x-skillgrid-notification"],
    );
    expect(closes.length).toBeGreaterThanOrEqual(1);
    expect(new Set(closes).size).toBe(closes.length);

    // She no longer gets cycle emails: on her preferences page the kind is off.
    await signOut(page);
    await signInAs(page, MEMBER.name, "/me/email");
    await expect(page.getByRole("checkbox", { name: /評分週期開放|Rating cycle opened/ })).not.toBeChecked();
    // Reminders were on all along: she got none because she had rated.
    await expect(page.getByRole("checkbox", { name: /評分提醒|Rating reminder/ })).toBeChecked();
  });
});
