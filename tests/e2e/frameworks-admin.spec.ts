import path from "node:path";
import { expect, test } from "@playwright/test";

import { signInAs } from "./sign-in";
import { screenshots } from "./support/screenshots";

const SHOTS = "tests/e2e/screenshots";

test.describe("framework management", () => {
  test("an admin imports an English Markdown roadmap, edits a skill, publishes it, and a team switches to it", async ({
    page,
  }) => {
    // A long journey (import, edit, publish, start a draft, a new team) on a freshly started server.
    test.setTimeout(60_000);
    await signInAs(page, "Mei-Ling Chen", "/frameworks");
    await page.getByRole("link", { name: "Import a roadmap" }).click();
    await page.getByLabel("File").setInputFiles(path.join(__dirname, "../fixtures/data-engineering-roadmap.en.md"));
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("status")).toContainText(
      "“Data Engineering Career Roadmap” (data-engineering-career-roadmap): 2 levels, 4 categories, 7 skills",
    );
    await page.getByRole("button", { name: "Import as draft" }).click();
    await expect(page.getByRole("status")).toContainText("Imported as draft version 1.");
    await page.screenshot({ path: `${SHOTS}/framework-import.png`, fullPage: true });
    await page.getByRole("link", { name: "Open the editor →" }).click();

    const key = "streaming.designs-streaming-pipelines-with-kafka";
    await expect(
      page.getByRole("heading", { level: 1, name: "Data Engineering Career Roadmap: draft v1" }),
    ).toBeVisible();
    await page.getByLabel(`Name (zh-TW): ${key}`).fill("設計 Kafka 串流管線（exactly-once）");
    await page.getByLabel(`Description (en): ${key}`).fill("Kafka, Flink or Spark Structured Streaming");
    await page.getByRole("button", { name: `Save: ${key}` }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await page
      .getByRole("button", { name: `Move down: sql-and-modelling.writes-correct-readable-sql-with-joins` })
      .click();
    await page.screenshot({ path: `${SHOTS}/framework-editor.png`, fullPage: true });
    const editUrl = page.url();
    await page.getByRole("button", { name: "Publish v1" }).click();
    await page.getByRole("alertdialog", { name: "Publish v1?" }).getByRole("button", { name: "Publish v1" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Data Engineering Career Roadmap" })).toBeVisible();
    await expect(page.getByText("Designs streaming pipelines with Kafka and exactly-once sinks")).toBeVisible();

    // Publishing leaves no draft behind, and opening the editor does not start one: that takes the button (a POST).
    await page.goto(editUrl);
    await expect(
      page.getByRole("heading", { level: 1, name: "Data Engineering Career Roadmap: published v1" }),
    ).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Published v1 (read-only)" })).toBeVisible();
    await page.getByRole("button", { name: "Start a draft" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Data Engineering Career Roadmap: draft v2" }),
    ).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Changes from v1 to v2" })).toBeVisible();

    // A new team rates against the new roadmap.
    await page.goto("/teams");
    await page.getByLabel("New team").fill("Streaming guild");
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Streaming guild: settings" })).toBeVisible();
    await page.getByLabel("Add a person by email").fill("ravi.patel@acme.test");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(page.getByRole("rowheader", { name: /Ravi Patel/ })).toBeVisible();
    await page
      .getByRole("combobox", { name: "Roadmap", exact: true })
      .selectOption({ label: "Data Engineering Career Roadmap · v1" });
    await page.getByRole("button", { name: "Switch" }).click();
    await expect(page.getByText("Switched.")).toBeVisible();
    await page.getByRole("link", { name: "← Streaming guild" }).click();
    await expect(page.getByText("Data Engineering Career Roadmap ·")).toBeVisible();
    await expect(page.getByRole("grid", { name: /1 people × 7 skills/ })).toBeVisible();
  });

  test("an admin finds imported drafts on the roadmap list, publishes only a changed draft after a confirmation, and discards drafts", async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    await signInAs(page, "Mei-Ling Chen", "/frameworks/import");
    const content = page.getByLabel("Content");
    const importButton = page.getByRole("button", { name: "Import as draft" });

    // Two categories of one name in a level: refused with the line, instead of a silent "deployments-2".
    await content.fill(LIFECYCLE_MD.replace("2. **Observability**", "2. **Deployments**"));
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("status")).toContainText(
      "line 9: category 'Deployments' is already in level 'Junior Platform Engineer' (line 5)",
    );
    await expect(importButton).toBeDisabled();
    // A preview describes the text it was made from: editing the text takes Import away until the next preview.
    await content.fill(LIFECYCLE_MD);
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(importButton).toBeEnabled();
    await content.press("End");
    await content.pressSequentially(" ");
    await expect(importButton).toBeDisabled();
    await page.getByRole("button", { name: "Preview" }).click();
    await importButton.click();
    await expect(page.getByRole("status")).toContainText("Imported as draft version 1.");

    // The list shows the draft (admins only), and the never-published roadmap's page points at it.
    await page.goto("/frameworks");
    const drafts = page.getByRole("region", { name: "Drafts" });
    await expect(drafts.getByRole("listitem").filter({ hasText: TITLE })).toContainText("Imported, never published");
    await drafts.getByRole("link", { name: `Open the draft: ${TITLE}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `${TITLE}: draft v1` })).toBeVisible();
    const frameworkId = /\/frameworks\/([^/]+)\/edit/.exec(page.url())![1]!;
    await page.goto(`/frameworks/${frameworkId}`);
    await expect(page.getByRole("heading", { level: 1, name: `${TITLE} is not published yet` })).toBeVisible();
    await page.getByRole("link", { name: "Open the draft" }).click();

    // A first version has nothing to compare with: Publish is allowed, and the confirmation says what it holds.
    await page.getByRole("button", { name: "Publish v1" }).click();
    const first = page.getByRole("alertdialog", { name: "Publish v1?" });
    await expect(first).toContainText("This becomes the first published version: 3 skills in 2 categories.");
    await first.getByRole("button", { name: "Publish v1" }).click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE, exact: true })).toBeVisible();

    // Re-importing the same file gives draft v2 with no changes: it cannot be published.
    await page.goto("/frameworks/import");
    await content.fill(LIFECYCLE_MD);
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("status")).toContainText("this becomes its next draft version");
    await importButton.click();
    await expect(page.getByRole("status")).toContainText("Imported as draft version 2.");
    await page.goto("/frameworks");
    await expect(drafts.getByRole("listitem").filter({ hasText: TITLE })).toContainText("Draft v2 — no changes yet");
    await drafts.getByRole("link", { name: `Open the draft: ${TITLE}` }).click();
    const publish = page.getByRole("button", { name: "Publish v2" });
    await expect(publish).toBeDisabled();
    await expect(
      page.getByText("Nothing to publish: the draft has no changes against the published version."),
    ).toBeVisible();
    const editUrl = page.url();

    // One rename later, Publish asks for confirmation with the summary; Escape cancels and gives focus back.
    await page.getByLabel(`Name (en): ${ROLLBACK}`).fill("Rolls back a bad release safely");
    await page.getByRole("button", { name: `Save: ${ROLLBACK}` }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await expect(publish).toBeEnabled();
    await publish.click();
    const confirm = page.getByRole("alertdialog", { name: "Publish v2?" });
    await expect(confirm).toContainText("1 renamed");
    await expect(confirm).toContainText("Teams on v1 keep it until they are moved to v2 in their settings.");
    await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(confirm).toBeHidden();
    await expect(publish).toBeFocused();

    await page.goto("/frameworks");
    await expect(drafts.getByRole("listitem").filter({ hasText: TITLE })).toContainText("Draft v2 — 1 change");
    await screenshots(page, context, baseURL!, [
      { url: "/frameworks", name: "frameworks-drafts" },
      {
        url: editUrl,
        name: "framework-publish-confirm",
        open: async (lang) => page.getByRole("button", { name: lang === "en" ? "Publish v2" : "發佈 v2" }).click(),
      },
    ]);

    // Discarding the draft keeps the published v1.
    await page.goto(editUrl);
    await page.getByRole("button", { name: "Discard draft" }).click();
    const discard = page.getByRole("alertdialog", { name: "Discard draft v2?" });
    await expect(discard).toContainText("The published v1 stays in use.");
    await discard.getByRole("button", { name: "Discard draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE, exact: true })).toBeVisible();
    await page.goto("/frameworks");
    await expect(drafts.getByRole("listitem").filter({ hasText: TITLE })).toHaveCount(0);

    // Discarding the draft of a roadmap that was never published removes the roadmap.
    await page.goto("/frameworks/import");
    await content.fill(LIFECYCLE_MD.replace(TITLE, "Scratch Roadmap"));
    await page.getByRole("button", { name: "Preview" }).click();
    await importButton.click();
    await page.getByRole("link", { name: "Open the editor →" }).click();
    await page.getByRole("button", { name: "Discard draft" }).click();
    const removal = page.getByRole("alertdialog", { name: "Discard draft v1?" });
    await expect(removal).toContainText("discarding its draft removes the roadmap entirely");
    await removal.getByRole("button", { name: "Discard draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Career roadmaps" })).toBeVisible();
    await expect(page.getByText("Scratch Roadmap")).toHaveCount(0);
  });
});

const TITLE = "Platform Lifecycle Roadmap";
const ROLLBACK = "deployments.rolls-back-a-bad-release";
const LIFECYCLE_MD = `# ${TITLE}

## Junior Platform Engineer: learns the platform

1. **Deployments**
   - Ships a service with the deploy pipeline
   - Rolls back a bad release

2. **Observability**
   - Reads dashboards and alerts
`;
