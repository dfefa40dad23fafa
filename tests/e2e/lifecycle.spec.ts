import { expect, test } from "@playwright/test";

import { addQuarters, quarterOf } from "@/lib/quarters";

import { signInAs } from "./sign-in";
import { screenshots } from "./support/screenshots";

// Roadmap versions and assessment cycles over time: what an admin and a lead
// see when a new version is published, and when the current quarter closes.

const TITLE = "Release Craft Roadmap";
const ROADMAP = `# ${TITLE}

## Junior Release Engineer: ships safely

1. **Releases**
   - Ships a service with the release pipeline
   - Rolls back a bad release
`;

test.describe("roadmap versions and closed quarters", () => {
  test("a team left on a retired version says so, and an admin moves every team to the new version", async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    await signInAs(page, "Mei-Ling Chen", "/frameworks/import");
    await page.getByLabel("Content").fill(ROADMAP);
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("button", { name: "Import as draft" }).click();
    await page.getByRole("link", { name: "Open the editor →" }).click();
    await page.getByRole("button", { name: "Publish v1" }).click();
    await page.getByRole("alertdialog", { name: "Publish v1?" }).getByRole("button", { name: "Publish v1" }).click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE, exact: true })).toBeVisible();
    const roadmapUrl = page.url();

    // A team on v1.
    await page.goto("/teams");
    await page.getByLabel("New team").fill("Release squad");
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Release squad: settings" })).toBeVisible();
    const settingsUrl = page.url();
    await page.getByRole("combobox", { name: "Roadmap", exact: true }).selectOption({ label: `${TITLE} · v1` });
    await page.getByRole("button", { name: "Switch" }).click();
    await expect(page.getByText("Switched.")).toBeVisible();

    // v2 is published: the team is now on a retired version.
    await page.goto(roadmapUrl);
    await page.getByRole("link", { name: "Edit roadmap" }).click();
    await page.getByRole("button", { name: "Start a draft" }).click();
    const key = "releases.rolls-back-a-bad-release";
    await page.getByLabel(`Name (en): ${key}`).fill("Rolls back a bad release within minutes");
    await page.getByRole("button", { name: `Save: ${key}` }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await page.getByRole("button", { name: "Publish v2" }).click();
    await page.getByRole("alertdialog", { name: "Publish v2?" }).getByRole("button", { name: "Publish v2" }).click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE, exact: true })).toBeVisible();

    await page.goto(settingsUrl);
    const retired = page.getByTestId("retired-version");
    await expect(retired).toContainText(
      `This team rates against ${TITLE} v1, which was retired when v2 was published.`,
    );
    await expect(page.getByRole("combobox", { name: "Roadmap", exact: true })).toHaveValue(/.+/);
    await expect(page.getByRole("combobox", { name: "Roadmap", exact: true }).locator("option:checked")).toHaveText(
      `${TITLE} · v1 (retired)`,
    );
    await expect(retired.getByRole("button", { name: "Move this team to v2" })).toBeVisible();
    // A team without members says so, instead of showing a table of headings with no rows.
    const members = page.getByRole("region", { name: "Members (0)" });
    await expect(members).toContainText("No members yet. Add people by email.");
    await expect(members.getByRole("table")).toHaveCount(0);

    // The roadmap's page lists the teams left behind for the admin, with one action for all.
    await page.goto(roadmapUrl);
    const behind = page.getByRole("region", { name: "Teams on older versions" });
    await expect(behind).toContainText("Release squad (v1)");
    await screenshots(page, context, baseURL!, [
      { url: settingsUrl, name: "team-retired-version" },
      { url: roadmapUrl, name: "roadmap-older-teams" },
    ]);
    await page.goto(roadmapUrl);
    await behind.getByRole("button", { name: "Move all to v2" }).click();
    await expect(page.getByText("Moved 1 team to v2.")).toBeVisible();
    await expect(behind).toBeHidden();
    await page.goto(settingsUrl);
    await expect(page.getByTestId("retired-version")).toHaveCount(0);
    await expect(page.getByRole("combobox", { name: "Roadmap", exact: true }).locator("option:checked")).toHaveText(
      `${TITLE} · v2`,
    );
  });

  test("closing the current quarter asks first, tells people where new ratings go, and the admin can reopen it", async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const current = quarterOf(new Date());
    const next = addQuarters(current, 1);
    await signInAs(page, "Mei-Ling Chen", "/org/cycles");
    const row = page.getByRole("row", { name: new RegExp(current) });
    await row.getByRole("button", { name: `Close ${current}` }).click();
    const confirm = page.getByRole("alertdialog", { name: `Close ${current}?` });
    await expect(confirm).toContainText(`Ratings entered from now on count toward ${next}.`);
    await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
    await screenshots(page, context, baseURL!, [
      {
        url: "/org/cycles",
        name: "cycle-close-confirm",
        open: async (lang) =>
          page.getByRole("button", { name: lang === "en" ? `Close ${current}` : `關閉 ${current}` }).click(),
      },
    ]);
    await page.goto("/org/cycles");
    await page
      .getByRole("row", { name: new RegExp(current) })
      .getByRole("button", { name: `Close ${current}` })
      .click();
    await page
      .getByRole("alertdialog", { name: `Close ${current}?` })
      .getByRole("button", { name: `Close ${current}` })
      .click();
    await expect(page.getByRole("status")).toContainText("Cycle closed.");

    // Everyone is told, on their own page and on the team page.
    for (const url of ["/me", "/teams"]) {
      await page.goto(url);
      if (url === "/teams")
        await page
          .getByRole("link", { name: /ML Platform/ })
          .first()
          .click();
      await expect(page.getByTestId("closed-quarter-notice")).toContainText(`${current} is closed`);
      await expect(page.getByTestId("closed-quarter-notice")).toContainText(
        `Ratings entered now count toward ${next}.`,
      );
    }
    await screenshots(page, context, baseURL!, [{ url: "/me", name: "me-quarter-closed" }]);

    // Reopened (asked first), the quarter is live again and the notice is gone.
    await page.goto("/org/cycles");
    await page.getByRole("button", { name: `Reopen ${current}` }).click();
    const reopen = page.getByRole("alertdialog", { name: `Reopen ${current}?` });
    await expect(reopen).toContainText("ratings entered since it closed will count toward it");
    await reopen.getByRole("button", { name: `Reopen ${current}` }).click();
    await expect(page.getByRole("status")).toContainText(`${current} is open again.`);
    await expect(page.getByRole("row", { name: new RegExp(current) })).toContainText("Open");
    await page.goto("/me");
    await expect(page.getByTestId("closed-quarter-notice")).toHaveCount(0);
  });

  test("a lead opens last quarter and sees last quarter's targets and members, with who has left marked", async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const last = addQuarters(quarterOf(new Date()), -1);
    await signInAs(page, "Chih-Hao Lee");
    await page.getByRole("link", { name: "Open heatmap" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Data Engineering" })).toBeVisible();
    const teamPath = new URL(page.url()).pathname;
    const teamId = teamPath.split("/").pop()!;
    // Last quarter over HTTP, as an integration reads it: the heatmap API and the JSON export.
    const lastQuarterOverHttp = async () => ({
      api: await (await page.request.get(`/api/teams/${teamId}/heatmap?quarter=${last}`)).text(),
      export: await (
        await page.request.get(`/api/export?scope=team&teamId=${teamId}&quarter=${last}&format=json`)
      ).text(),
    });
    const before = await lastQuarterOverHttp();
    expect(JSON.parse(before.export).people.map((p: { name: string }) => p.name)).toContain("Aisha Bello");

    // Today: Aisha leaves the team, and the team takes on a new target.
    await page.goto(`${teamPath}/settings`);
    await page.getByRole("button", { name: "Remove Aisha Bello" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await page.goto(`${teamPath}/vision`);
    const form = page.getByRole("form", { name: "Add a target" });
    await form.getByLabel("Capability or skill").selectOption({ label: "Canary / shadow / A-B serving" });
    await form.getByRole("button", { name: "Add target" }).click();
    await expect(page.getByText("Target added.")).toBeVisible();
    const targets = page.getByRole("region", { name: "Platform vision" }).getByRole("list");
    await expect(targets).toContainText("Canary / shadow / A-B serving");

    try {
      // Byte for byte what it was.
      expect(await lastQuarterOverHttp()).toEqual(before);

      // Last quarter, from the picker: its targets, read-only.
      await page.getByRole("combobox", { name: "As of" }).selectOption(last);
      await expect(page).toHaveURL(new RegExp(`/vision\\?quarter=${last}$`));
      await expect(page.getByText(`${last} as of`)).toContainText(
        "the targets, people and plan the team had then. Read-only",
      );
      await expect(targets).not.toContainText("Canary / shadow / A-B serving");
      await expect(targets).toContainText("Feature store");
      await expect(page.getByRole("form", { name: "Add a target" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: /Accept into plan/ })).toHaveCount(0);

      // Its team page: Aisha was in the team then, marked as having left.
      await page.getByRole("link", { name: "← Data Engineering" }).click();
      await expect(page).toHaveURL(new RegExp(`${teamPath}\\?quarter=${last}$`));
      await expect(page.getByText("the people in the team then")).toContainText("1 of them has left the team since");
      await page.getByRole("button", { name: "Table" }).click();
      await expect(
        page
          .getByRole("table")
          .getByRole("rowheader", { name: "Aisha Bello (left the team)" })
          .or(page.getByRole("cell", { name: "Aisha Bello (left the team)" })),
      ).toBeVisible();
      // Today's team page: she is not in it.
      await page.goto(teamPath);
      await expect(page.getByText("Aisha Bello")).toHaveCount(0);
      await screenshots(page, context, baseURL!, [
        { url: `${teamPath}?quarter=${last}`, name: "team-past-quarter" },
        { url: `${teamPath}/vision?quarter=${last}`, name: "vision-past-quarter" },
      ]);
    } finally {
      // Put the demo back as the other journeys expect it.
      await page.goto(`${teamPath}/vision`);
      await page.getByRole("button", { name: "Remove target Canary / shadow / A-B serving" }).click();
      await expect(targets).not.toContainText("Canary / shadow / A-B serving");
      await page.goto(`${teamPath}/settings`);
      await page.getByLabel("Add a person by email").fill("aisha.bello@acme.test");
      await page.getByRole("button", { name: "Add", exact: true }).click();
      await expect(page.getByText("Added.")).toBeVisible();
      await page.getByLabel("Current level of Aisha Bello").selectOption("mid-level");
      await expect(page.getByText("Saved.")).toBeVisible();
      await page.getByLabel("Target level of Aisha Bello").selectOption("senior");
      await expect(page.getByText("Saved.")).toBeVisible();
    }
  });
});
