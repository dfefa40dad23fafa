import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInAs } from "./sign-in";

const SHOTS = "tests/e2e/screenshots";

test.describe("framework management", () => {
  test("an admin imports an English Markdown roadmap, edits a skill, publishes it, and a team switches to it", async ({ page }) => {
    // A long journey (import, edit, publish, start a draft, a new team) on a freshly started server.
    test.setTimeout(60_000);
    await signInAs(page, "Mei-Ling Chen", "/frameworks");
    await page.getByRole("link", { name: "Import a roadmap" }).click();
    await page.getByLabel("File").setInputFiles(path.join(__dirname, "../fixtures/data-engineering-roadmap.en.md"));
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("status")).toContainText("“Data Engineering Career Roadmap” (data-engineering-career-roadmap): 2 levels, 4 categories, 7 skills");
    await page.getByRole("button", { name: "Import as draft" }).click();
    await expect(page.getByRole("status")).toContainText("Imported as draft version 1.");
    await page.screenshot({ path: `${SHOTS}/framework-import.png`, fullPage: true });
    await page.getByRole("link", { name: "Open the editor →" }).click();

    const key = "streaming.designs-streaming-pipelines-with-kafka";
    await expect(page.getByRole("heading", { level: 1, name: "Data Engineering Career Roadmap: draft v1" })).toBeVisible();
    await page.getByLabel(`Name (zh-TW): ${key}`).fill("設計 Kafka 串流管線（exactly-once）");
    await page.getByLabel(`Description (en): ${key}`).fill("Kafka, Flink or Spark Structured Streaming");
    await page.getByRole("button", { name: `Save: ${key}` }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await page.getByRole("button", { name: `Move down: sql-and-modelling.writes-correct-readable-sql-with-joins` }).click();
    await page.screenshot({ path: `${SHOTS}/framework-editor.png`, fullPage: true });
    const editUrl = page.url();
    await page.getByRole("button", { name: "Publish v1" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Data Engineering Career Roadmap" })).toBeVisible();
    await expect(page.getByText("Designs streaming pipelines with Kafka and exactly-once sinks")).toBeVisible();

    // Publishing leaves no draft behind, and opening the editor does not start one: that takes the button (a POST).
    await page.goto(editUrl);
    await expect(page.getByRole("heading", { level: 1, name: "Data Engineering Career Roadmap: published v1" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Published v1 (read-only)" })).toBeVisible();
    await page.getByRole("button", { name: "Start a draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Data Engineering Career Roadmap: draft v2" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Changes from v1 to v2" })).toBeVisible();

    // A new team rates against the new roadmap.
    await page.goto("/teams");
    await page.getByLabel("New team").fill("Streaming guild");
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Streaming guild: settings" })).toBeVisible();
    await page.getByLabel("Add a person by email").fill("ravi.patel@acme.test");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(page.getByRole("rowheader", { name: /Ravi Patel/ })).toBeVisible();
    await page.getByRole("combobox", { name: "Roadmap", exact: true }).selectOption({ label: "Data Engineering Career Roadmap · v1" });
    await page.getByRole("button", { name: "Switch" }).click();
    await expect(page.getByText("Switched.")).toBeVisible();
    await page.getByRole("link", { name: "← Streaming guild" }).click();
    await expect(page.getByText("Data Engineering Career Roadmap ·")).toBeVisible();
    await expect(page.getByRole("grid", { name: /1 people × 7 skills/ })).toBeVisible();
  });
});
