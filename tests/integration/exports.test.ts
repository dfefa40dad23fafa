import { eq, sql } from "drizzle-orm";
import type ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { expect, it } from "vitest";

import { assessmentCycles, ratings, skills as skillsTable, teams, users } from "@/db/schema";
import { demoTeamId, demoUserId } from "@/db/seed/demo";
import { closeCycle, openCycle } from "@/lib/data/cycles";
import { getPlanningDataset } from "@/lib/data/exports";
import { importRatings } from "@/lib/data/import";
import { parseCsv, toCsv } from "@/lib/export/csv";
import { planningExportSchema, type PlanningExport } from "@/lib/export/schema";
import { writeCsvZip, writeJson } from "@/lib/export/writers";
import { quarterEnd, quarterOf, quarterStart } from "@/lib/quarters";

import {
  exportedWorkbook,
  RATINGS_COLUMNS,
  readmeSheets,
  rowValues,
  WORKBOOK_SHEETS,
  xlsxBytes,
} from "../support/xlsx";
import { useDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { rowsOf, tableFingerprint } from "./support/fingerprint";

/** The Matrix sheet's header row (the one the import reads): team, person, email, then skill keys. */
const MATRIX_HEADER_ROW = 4;

describeOnEachEngine("exports and import", ({ handle }) => {
  const demo = useDemoOrg(handle, { alex: "alex.wang@acme.test", admin: "mei-ling.chen@acme.test" });

  it("exports a team as JSON in the documented shape, and records the export", async () => {
    const before = rowsOf(
      await handle().db.execute(sql`select count(*)::int as n from audit_events where action = 'export.created'`),
    )[0]!.n as number;
    const { filename, ...d } = await getPlanningDataset(
      demo.alex,
      { scope: "team", teamId: demoTeamId("ml-platform"), format: "json" },
      { locale: "en" },
    );
    expect(filename).toBe(`skillgrid-ml-platform-${quarterOf(new Date())}`);
    expect(planningExportSchema.parse(JSON.parse(writeJson(d)))).toEqual(d);
    expect(d.people).toHaveLength(9);
    expect(d.ratings).toHaveLength(9 * 33);
    expect(d.priorities.length).toBeGreaterThan(0);
    expect(
      rowsOf(
        await handle().db.execute(sql`select count(*)::int as n from audit_events where action = 'export.created'`),
      )[0]!.n,
    ).toBe(before + 1);
  });

  it("explains each priority in the export's language, not English inside a zh-TW file", async () => {
    const zh = await getPlanningDataset(
      demo.alex,
      { scope: "team", teamId: demoTeamId("ml-platform"), format: "json" },
      { locale: "zh-TW" },
    );
    const en = await getPlanningDataset(
      demo.alex,
      { scope: "team", teamId: demoTeamId("ml-platform"), format: "json" },
      { locale: "en" },
    );
    expect(zh.priorities.length).toBeGreaterThan(0);
    for (const [i, p] of zh.priorities.entries()) {
      expect(p.explanation).toMatch(/[\u4e00-\u9fff]/);
      expect(p.explanation).not.toMatch(/\b(train|hire|needs|interested)\b/i);
      expect(en.priorities[i]!.explanation).toMatch(/\b(train|hire|interested|needs)\b/i);
      expect(en.priorities[i]!.explanation).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("writes an XLSX whose every matrix cell equals the database, read back with the library's reader", async () => {
    const { filename: _f, ...d } = await getPlanningDataset(
      demo.alex,
      { scope: "team", teamId: demoTeamId("ml-platform"), format: "xlsx" },
      { locale: "en" },
    );
    const { wb } = await exportedWorkbook(d);
    expect(wb.worksheets.map((w) => w.name)).toEqual(WORKBOOK_SHEETS);
    const matrix = wb.getWorksheet("Matrix")!;
    expect(matrix.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: MATRIX_HEADER_ROW });
    const header = rowValues(matrix, MATRIX_HEADER_ROW) as string[];
    expect(header.slice(0, 3)).toEqual(["team", "person", "email"]);
    // Brute force from the ratings table: effective = latest validated, else latest self.
    const all = rowsOf(
      await handle().db.execute(
        sql`select u.email, r.skill_key, r.rater_kind, r.proficiency, r.not_applicable from ratings r join users u on u.id = r.user_id order by r.rated_at, r.id`,
      ),
    );
    const latest = new Map<string, number | "n/a">();
    const validated = new Map<string, number | "n/a">();
    for (const r of all) {
      const v = r.not_applicable ? "n/a" : (r.proficiency as number);
      (r.rater_kind === "manager" ? validated : latest).set(`${r.email}|${r.skill_key}`, v);
    }
    let checked = 0;
    matrix.eachRow((row, n) => {
      if (n <= MATRIX_HEADER_ROW) return;
      const values = (row.values as unknown[]).slice(1);
      const email = values[2] as string;
      header.slice(3).forEach((skillKey, j) => {
        const key = `${email}|${skillKey}`;
        const expected = validated.get(key) ?? latest.get(key) ?? null;
        expect(values[3 + j] ?? null, key).toEqual(expected);
        checked++;
      });
    });
    expect(checked).toBe(9 * 33);
    // Numbers stay numbers, coloured on the heatmap's scale.
    const cell = matrix.getRow(MATRIX_HEADER_ROW + 1).getCell(4);
    if (typeof cell.value === "number")
      expect((cell.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toMatch(/^FF[0-9A-F]{6}$/);
  });

  it("the README sheet names exactly the workbook's sheets, and each sheet's columns in order", async () => {
    const { filename: _f, ...d } = await getPlanningDataset(
      demo.admin,
      { scope: "org", format: "xlsx" },
      { locale: "en" },
    );
    const { wb } = await exportedWorkbook(d);
    const documented = readmeSheets(wb);
    expect([...documented.keys()]).toEqual(wb.worksheets.map((w) => w.name));
    for (const ws of wb.worksheets.filter((w) => w.name !== "README")) {
      const columns = documented.get(ws.name)!;
      if (ws.name === "Matrix") {
        expect(rowValues(ws, MATRIX_HEADER_ROW)).toEqual([...columns.slice(0, 3), ...d.skills.map((s) => s.key)]);
        expect(columns.slice(3)).toEqual(["<skill key>"]);
      } else expect(rowValues(ws, 1), ws.name).toEqual(columns);
    }
  });

  it("heads the Matrix with skill names in the export's language, under level and category bands, in readable widths", async () => {
    const [team] = await handle()
      .db.select()
      .from(teams)
      .where(eq(teams.id, demoTeamId("ml-platform")));
    const names = await handle()
      .db.select({ key: skillsTable.key, en: skillsTable.nameEn, zh: skillsTable.nameZh })
      .from(skillsTable)
      .where(eq(skillsTable.frameworkVersionId, team!.frameworkVersionId));
    for (const locale of ["en", "zh-TW"] as const) {
      const { filename: _f, ...d } = await getPlanningDataset(
        demo.alex,
        { scope: "team", teamId: team!.id, format: "xlsx" },
        { locale },
      );
      const matrix = (await exportedWorkbook(d)).wb.getWorksheet("Matrix")!;
      const keys = rowValues(matrix, MATRIX_HEADER_ROW).slice(3) as string[];
      const expected = keys
        .map((k) => names.find((n) => n.key === k)!)
        .map((n) => (locale === "zh-TW" ? n.zh || n.en : n.en));
      expect(rowValues(matrix, 3).slice(3), locale).toEqual(expected);
      expect(rowValues(matrix, 1).slice(3)).toEqual(d.skills.map((s) => s.level));
      expect(rowValues(matrix, 2).slice(3)).toEqual(d.skills.map((s) => s.category));
      if (locale === "zh-TW") expect(expected.some((n) => /[\u4e00-\u9fff]/.test(n))).toBe(true);
      // Each band is one merged cell over its skills.
      const merges = (matrix.model as unknown as { merges: string[] }).merges;
      // Merged runs: consecutive skills with the same label, two or more long.
      const longRuns = (labels: string[]) => labels.filter((l, i) => l === labels[i - 1] && l !== labels[i - 2]).length;
      const bandMerges = (row: number) =>
        merges.filter((m) => new RegExp(`^[A-Z]+${row}:[A-Z]+${row}$`).test(m)).length;
      expect(bandMerges(1)).toBe(longRuns(d.skills.map((s) => s.level)));
      expect(bandMerges(2)).toBe(longRuns(d.skills.map((s) => `${s.level}/${s.category}`)));
      expect(bandMerges(1)).toBeGreaterThan(0);
      // Readable: the names column fits the longest name, skill columns share a width that wraps the names.
      const longest = Math.max(...d.people.map((p) => p.name.length));
      expect(matrix.getColumn(2).width).toBeGreaterThanOrEqual(Math.min(34, longest + 2));
      const widths = new Set(keys.map((_, j) => matrix.getColumn(4 + j).width));
      expect(widths.size).toBe(1);
      expect([...widths][0]).toBeGreaterThanOrEqual(14);
      expect(matrix.getCell(3, 4).alignment).toMatchObject({ wrapText: true });
    }
  });

  it("imported ratings are marked in every format, and formula-like notes reach every format neutralised", async () => {
    const db = handle().db;
    const teamId = demoTeamId("ml-platform");
    const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
    const exportNow = async () => {
      const { filename: _f, ...d } = await getPlanningDataset(
        demo.alex,
        { scope: "team", teamId, format: "csv" },
        { locale: "en" },
      );
      return d;
    };
    const before = await exportNow();
    const open = before.ratings.filter((r) => r.validated === null && r.self !== "na");
    // An admin imports a value for one member's skill (the member did not enter it).
    const target = open[0]!;
    const value = target.self === 4 ? 1 : 4;
    const applied = await importRatings(demo.admin, {
      mode: "apply",
      filename: "one-rating.csv",
      bytes: new TextEncoder().encode(
        toCsv([
          ["email", target.skillKey],
          [target.email, value],
        ]),
      ),
    });
    expect(applied.summary.changes).toBe(1);
    // Notes as the rating sheet will store them ("- led the migration"), on other cells: evidence by the member, comments by the lead.
    const notes = ["- led the migration", "=SUM(A1:A9)", "+1 shipped it", "@channel see the demo", "\tindented"];
    const noted = open.filter((r) => r.email !== target.email).slice(0, notes.length);
    const idOf = new Map(
      (await db.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]),
    );
    for (const [i, r] of noted.entries()) {
      const userId = idOf.get(r.email)!;
      const lead = i >= 3;
      await db.insert(ratings).values({
        userId,
        raterId: lead ? demo.alex.id : userId,
        raterKind: lead ? "manager" : "self",
        frameworkId: team!.frameworkId,
        skillKey: r.skillKey,
        proficiency: 2,
        ...(lead ? { comment: notes[i] } : { evidence: notes[i] }),
        quarter: quarterOf(new Date()),
      });
    }

    const d = await exportNow();
    const adminName = (await db.select({ name: users.name }).from(users).where(eq(users.id, demo.admin.id)))[0]!.name;
    const personName = d.people.find((p) => p.email === target.email)!.name;
    const imported = d.ratings.find((r) => r.email === target.email && r.skillKey === target.skillKey)!;
    expect(imported).toMatchObject({ self: value, effective: value, source: "imported", ratedBy: adminName });
    expect(d.ratings.filter((r) => r.source === "imported").length).toBe(
      before.ratings.filter((r) => r.source === "imported").length + 1,
    );

    // CSV: ratings.csv names the person and the skill, says imported and by whom; notes start with an apostrophe.
    const files = unzipSync(writeCsvZip(d));
    const ratingsCsv = strFromU8(files["ratings.csv"]!);
    const [header, ...rows] = parseCsv(ratingsCsv);
    expect(header).toEqual(RATINGS_COLUMNS);
    const skillName = d.skills.find((s) => s.key === target.skillKey)!.name;
    expect(rows.find((r) => r[1] === target.email && r[2] === target.skillKey)).toEqual([
      "ML Platform",
      target.email,
      target.skillKey,
      String(value),
      "",
      String(value),
      personName,
      skillName,
      "imported",
      adminName,
      "",
      "",
    ]);
    expect(new Set(rows.map((r) => r[8]))).toEqual(
      new Set(["self", "imported", "lead", ...(rows.some((r) => r[8] === "") ? [""] : [])]),
    );
    const csvNotes = rows.flatMap((r) => [r[10]!, r[11]!]);
    for (const note of notes) expect(csvNotes).toContain(`'${note}`);
    expect(ratingsCsv).not.toMatch(/(^|,)"?[=+\-@\t]/m);

    // XLSX: the notes in the Notes sheet; the imported Matrix cell is marked * (italic, dashed border).
    const { wb } = await exportedWorkbook(d);
    const xlsxNotes: unknown[] = [];
    wb.getWorksheet("Notes")!.eachRow((row, n) => {
      if (n > 1) xlsxNotes.push(row.getCell(11).value, row.getCell(12).value);
    });
    for (const note of notes) expect(xlsxNotes).toContain(`'${note}`);
    const matrix = wb.getWorksheet("Matrix")!;
    const column = (rowValues(matrix, MATRIX_HEADER_ROW) as string[]).indexOf(target.skillKey) + 1;
    let cell: ExcelJS.Cell | undefined;
    matrix.eachRow((row, n) => {
      if (n > MATRIX_HEADER_ROW && row.getCell(3).value === target.email) cell = row.getCell(column);
    });
    expect(cell!.value).toBe(value);
    expect(cell!.font?.italic).toBe(true);
    expect(cell!.border?.top?.style).toBe("mediumDashed");
    expect(cell!.numFmt).toBe('0"*"');

    // JSON is data, not a spreadsheet: the notes as written.
    const json = JSON.parse(writeJson(d)) as PlanningExport;
    expect(json.ratings.flatMap((r) => [r.evidence, r.leadComment])).toEqual(expect.arrayContaining(notes));
  });

  it("neutralises formulas in every text cell of CSV and XLSX", async () => {
    await handle()
      .db.update(teams)
      .set({ name: '=HYPERLINK("http://evil.example")' })
      .where(eq(teams.id, demoTeamId("data-engineering")));
    const { filename: _f, ...d } = await getPlanningDataset(
      demo.admin,
      { scope: "org", format: "csv" },
      { locale: "en" },
    );
    const files = unzipSync(writeCsvZip(d));
    expect(Object.keys(files).sort()).toEqual([
      "coverage.csv",
      "matrix.csv",
      "members.csv",
      "priorities.csv",
      "ratings.csv",
      "targets.csv",
    ]);
    const members = strFromU8(files["members.csv"]!);
    expect(members).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(members).not.toMatch(/(^|,)=HYPERLINK/m);
    const { wb } = await exportedWorkbook(d);
    const names = wb
      .getWorksheet("Members")!
      .getColumn(1)
      .values.filter((v): v is string => typeof v === "string");
    expect(names).toContain(`'=HYPERLINK("http://evil.example")`);
    await handle()
      .db.update(teams)
      .set({ name: "Data Engineering" })
      .where(eq(teams.id, demoTeamId("data-engineering")));
  });

  it("a closed quarter exports byte-identically before and after new ratings", async () => {
    const db = handle().db;
    const current = quarterOf(new Date());
    // Close the current cycle (opening it if the seed left it open), export, rate, export again.
    const [open] = await db.select().from(assessmentCycles).where(eq(assessmentCycles.quarter, current));
    const cycleId =
      open?.status === "open"
        ? open.id
        : (
            await openCycle(demo.admin, {
              quarter: current,
              startsOn: quarterStart(current).toISOString().slice(0, 10),
              endsOn: quarterEnd(current).toISOString().slice(0, 10),
            })
          ).id;
    await closeCycle(demo.admin, { cycleId });
    const exportNow = async () => {
      const { filename: _f, ...d } = await getPlanningDataset(
        demo.alex,
        { scope: "team", teamId: demoTeamId("ml-platform"), quarter: current, format: "csv" },
        { locale: "en" },
      );
      return { json: writeJson(d), csv: Buffer.from(writeCsvZip(d)), xlsx: await xlsxBytes(d) };
    };
    const first = await exportNow();
    // Zip entry times have a 2 s resolution: a later export must still match.
    await new Promise((r) => setTimeout(r, 2100));
    const frameworkId = (await db.select({ id: teams.frameworkId }).from(teams).limit(1))[0]!.id;
    const hana = demoUserId("hana.sato@acme.test");
    await db.insert(ratings).values({
      userId: hana,
      raterId: hana,
      raterKind: "self",
      frameworkId,
      skillKey: "environments-and-version-control.uses-git-for-version-control",
      proficiency: 0,
      quarter: current,
    });
    const second = await exportNow();
    expect(second.json).toBe(first.json);
    expect(second.csv.equals(first.csv)).toBe(true);
    expect(second.xlsx.equals(first.xlsx), "the XLSX file, not only its cells").toBe(true);
  });

  it("import: a dry run reports unknown people, skills and invalid values row by row, and writes nothing", async () => {
    const csv = toCsv([
      [
        "email",
        "environments-and-version-control.uses-git-for-version-control",
        "Can read loss/accuracy curves",
        "quantum computing",
      ],
      ["hana.sato@acme.test", 4, 3, 1],
      ["nobody@acme.test", 2, 2, 2],
      ["sofia.rossi@acme.test", "five", 2, ""],
    ]);
    const before = await tableFingerprint(handle().db);
    const result = await importRatings(demo.admin, {
      mode: "dry-run",
      filename: "matrix.csv",
      bytes: new TextEncoder().encode(csv),
    });
    expect(result.applied).toBe(false);
    expect(result.unknownColumns).toEqual(["quantum computing"]);
    expect(result.rows.map((r) => [r.line, r.status])).toEqual([
      [2, "ok"],
      [3, "unknown_person"],
      [4, "invalid"],
    ]);
    expect(result.rows[2]!.errors).toEqual([
      {
        column: "environments-and-version-control.uses-git-for-version-control",
        value: "five",
        message: "Use 0–4, n/a, or leave it empty.",
      },
    ]);
    expect(await tableFingerprint(handle().db)).toEqual(before);
  });

  it("import: applying writes history rows attributed to the importer, and re-importing changes nothing", async () => {
    const csv = toCsv([
      [
        "email",
        "environments-and-version-control.uses-git-for-version-control",
        "experiment-tracking-and-observation.can-read-loss-accuracy-curves",
      ],
      ["pei-shan.kuo@acme.test", 1, "n/a"],
      ["ravi.patel@acme.test", 4, 0],
    ]);
    const bytes = new TextEncoder().encode(csv);
    const applied = await importRatings(demo.admin, { mode: "apply", filename: "matrix.csv", bytes });
    expect(applied.applied).toBe(true);
    const rows = rowsOf(
      await handle().db.execute(
        sql`select u.email, r.skill_key, r.proficiency, r.not_applicable, r.rater_id from ratings r join users u on u.id = r.user_id where r.comment like 'Imported by % from matrix.csv' order by u.email, r.skill_key`,
      ),
    );
    const changed = applied.summary.changes;
    expect(rows.length).toBe(changed);
    expect(rows.every((r) => r.rater_id === demo.admin.id)).toBe(true);
    expect(
      rows.find((r) => r.email === "pei-shan.kuo@acme.test" && String(r.skill_key).startsWith("experiment")),
    ).toMatchObject({ not_applicable: true, proficiency: null });
    const before = await tableFingerprint(handle().db);
    const again = await importRatings(demo.admin, { mode: "apply", filename: "matrix.csv", bytes });
    expect(again).toMatchObject({ applied: false, summary: { changes: 0, unchanged: 4 } });
    expect(await tableFingerprint(handle().db)).toEqual(before);
  });

  it("import: a malformed file gets a clear error and writes nothing", async () => {
    const before = await tableFingerprint(handle().db);
    const cases: [string, string, RegExp][] = [
      ["bad.csv", 'email,x\n"unterminated', /malformed \(line 2: a quoted field is not closed\)/],
      ["noemail.csv", "name,skill\nA,1\n", /one called "email"/],
      [
        "twice.csv",
        "email,Can read loss/accuracy curves,can read  loss/accuracy curves\n",
        /^Columns 2 \(.+\) and 3 \(.+\) differ only in case or spacing/,
      ],
      ["data.txt", "email\n", /\.csv or \.xlsx/],
      ["broken.xlsx", "not a zip", /could not be read/],
    ];
    for (const [filename, content, message] of cases) {
      const error = await importRatings(demo.admin, {
        mode: "apply",
        filename,
        bytes: new TextEncoder().encode(content),
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "invalid", message: expect.stringMatching(message) });
    }
    expect(await tableFingerprint(handle().db)).toEqual(before);
  });

  it("import reads our own XLSX export back (round trip: nothing to change)", async () => {
    const { filename: _f, ...d } = await getPlanningDataset(
      demo.admin,
      { scope: "team", teamId: demoTeamId("applied-ml"), format: "xlsx" },
      { locale: "en" },
    );
    const bytes = new Uint8Array(await xlsxBytes(d));
    const result = await importRatings(demo.admin, { mode: "dry-run", filename: "export.xlsx", bytes });
    expect(result.unknownColumns).toEqual([]);
    expect(result.summary.invalidRows).toBe(0);
    expect(result.summary.people).toBe(9);
    // Effective values include lead validations, which differ from self where validated: those are the only changes.
    expect(result.summary.unchanged).toBeGreaterThan(200);
  });
});
