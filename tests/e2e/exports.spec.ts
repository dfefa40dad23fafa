import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";

import { signInAs } from "./sign-in";

const SHOTS = "tests/e2e/screenshots";

test.describe("quarterly planning exports", () => {
  test("a lead downloads XLSX and CSV whose numbers match the screen, and opens the printable report", async ({
    page,
  }) => {
    await signInAs(page, "Chih-Hao Lee");
    await page.getByRole("link", { name: "Open heatmap" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Data Engineering" })).toBeVisible();

    const xlsxDownload = page.waitForEvent("download");
    await page.getByRole("button", { name: "XLSX" }).click();
    const xlsx = await xlsxDownload;
    expect(xlsx.suggestedFilename()).toMatch(/^skillgrid-data-engineering-\d{4}-Q[1-4]\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
    const matrix = wb.getWorksheet("Matrix")!;
    // Rows 1–3: level and category bands and skill names; row 4: the header (skill keys); then 9 people.
    expect(matrix.rowCount).toBe(4 + 9);
    const header = (matrix.getRow(4).values as unknown[]).slice(1);
    const col = header.indexOf("automated-data-and-model-workflows.builds-etl-ml-pipelines-for-training") + 1;
    expect(matrix.getRow(3).getCell(col).value).toMatch(/^Builds ETL \/ ML pipelines/);
    expect(matrix.getRow(2).getCell(col).value).toBe("Automated Data and Model Workflows");
    const ben = [...Array(matrix.rowCount).keys()]
      .map((i) => matrix.getRow(i + 1))
      .find((r) => r.getCell(2).value === "Ben Carter")!;
    const value = ben.getCell(col).value;

    // The same cell on screen: Ben Carter × "Builds ETL / ML pipelines…" (validated, else self).
    await page.getByLabel("Person").fill("Ben Carter");
    await page.getByLabel("Category", { exact: true }).selectOption({ label: "Automated Data and Model Workflows" });
    await page.getByRole("grid").focus();
    await expect(page.getByRole("tooltip")).toContainText("Builds ETL / ML pipelines");
    const tip = await page.getByRole("tooltip").innerText();
    const lead = /Lead\s+(\d)/.exec(tip)?.[1];
    const self = /Self\s+(\d)/.exec(tip)?.[1];
    expect(String(value)).toBe(lead ?? self);

    const csvDownload = page.waitForEvent("download");
    await page.getByRole("button", { name: "CSV" }).click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toMatch(/\.csv\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync((await csv.path())!)));
    const matrixCsv = strFromU8(files["matrix.csv"]!).replace(/^\uFEFF/, "");
    expect(matrixCsv.split("\r\n")[0]).toMatch(/^team,person,email,/);
    expect(matrixCsv).toContain("Ben Carter,ben.carter@acme.test");
    expect(strFromU8(files["priorities.csv"]!)).toMatch(/train|hire/);
    const ratingsCsv = strFromU8(files["ratings.csv"]!).replace(/^\uFEFF/, "");
    expect(ratingsCsv.split("\r\n")[0]).toBe(
      "team,email,skill_key,self,validated,effective,person,skill,source,rated_by,evidence,lead_comment",
    );
    expect(ratingsCsv).toMatch(/ben\.carter@acme\.test,[^\r\n]*,Ben Carter,/);
    await expect(page.getByRole("status").filter({ hasText: /Downloaded skillgrid-data-engineering/ })).toBeVisible();

    await page.getByRole("link", { name: "Printable report →" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Data Engineering — planning report/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Hire or train, ranked" })).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: `${SHOTS}/report-print.png`, fullPage: true });
    await page.emulateMedia({ media: "screen" });
  });

  test("an admin imports a spreadsheet with one bad row and sees it reported", async ({ page }) => {
    const file = path.join(tmpdir(), `skillgrid-import-${Date.now()}.csv`);
    writeFileSync(
      file,
      [
        "email,environments-and-version-control.uses-git-for-version-control,Can read loss/accuracy curves",
        "aisha.bello@acme.test,4,3",
        "felix.weber@acme.test,lots,2",
        "stranger@acme.test,1,1",
      ].join("\n"),
    );
    await signInAs(page, "Mei-Ling Chen", "/org/import");
    await expect(page.getByRole("heading", { level: 1, name: "Import a ratings spreadsheet" })).toBeVisible();
    await page.getByLabel("CSV or XLSX file").setInputFiles(file);
    await page.getByRole("button", { name: "Dry run" }).click();
    const report = page.getByRole("status");
    await expect(report).toContainText("1 row with invalid values, 1 unknown person");
    await expect(page.getByRole("row").filter({ hasText: "felix.weber@acme.test" })).toContainText(
      "environments-and-version-control.uses-git-for-version-control = “lots”: Use 0–4, n/a, or leave it empty.",
    );
    await expect(page.getByRole("row").filter({ hasText: "stranger@acme.test" })).toContainText("Unknown person");
    await page.screenshot({ path: `${SHOTS}/import-dry-run.png`, fullPage: true });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(report).toContainText(/Applied: \d+ changes? for 1 person/);
  });
});
