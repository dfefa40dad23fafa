import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";

import { MLOPS_CAPABILITIES } from "@/db/seed/capabilities";
import { repeatedCategoryNames } from "@/lib/roadmap/checks";
import {
  FrameworkFileError,
  frameworkFromMarkdown,
  frameworkToJson,
  frameworkToMarkdown,
  fromRoadmap,
  parseFrameworkData,
  type FrameworkDocument,
} from "@/lib/roadmap/document";
import { parseBilingualRoadmap } from "@/lib/roadmap/pair";

const seed = (f: string) => readFileSync(path.join(__dirname, "../../db/seed", f), "utf8");
const mlops: FrameworkDocument = fromRoadmap(
  parseBilingualRoadmap(seed("mlops-roadmap.zh-TW.md"), seed("mlops-roadmap.en.md")),
  "mlops-engineer",
  MLOPS_CAPABILITIES.map((c) => ({
    key: c.key,
    name: c.name,
    description: c.description,
    importance: c.importance,
    skills: c.skills.map((s) => ({ key: s.key, level: s.proficiency })),
  })),
);

describe("framework files round-trip", () => {
  it("JSON → parse gives the identical framework", () => {
    expect(parseFrameworkData(frameworkToJson(mlops))).toEqual(mlops);
  });

  it("YAML → parse gives the identical framework", () => {
    expect(parseFrameworkData(stringify(mlops))).toEqual(mlops);
  });

  it("Markdown in both languages → parse and pair gives the identical roadmap (keys included)", () => {
    const again = fromRoadmap(
      parseBilingualRoadmap(frameworkToMarkdown(mlops, "zh"), frameworkToMarkdown(mlops, "en")),
      "mlops-engineer",
      mlops.capabilities,
    );
    expect(again).toEqual(mlops);
  });

  it("a single-language Markdown file fills both languages with its text", () => {
    const en = frameworkFromMarkdown(frameworkToMarkdown(mlops, "en"), "copy");
    expect(en.levels.map((l) => l.key)).toEqual(mlops.levels.map((l) => l.key));
    expect(en.levels[0]!.categories[0]!.skills[0]!.name).toEqual({
      en: mlops.levels[0]!.categories[0]!.skills[0]!.name.en,
      zh: mlops.levels[0]!.categories[0]!.skills[0]!.name.en,
    });
  });
});

describe("malformed framework files get errors naming the line", () => {
  const json = frameworkToJson(mlops);
  /** The FrameworkFileError that parsing this text throws. */
  const refusal = (text: string): FrameworkFileError => {
    try {
      parseFrameworkData(text);
    } catch (err) {
      if (err instanceof FrameworkFileError) return err;
      throw err;
    }
    throw new Error("expected the file to be refused");
  };

  it("reports JSON syntax errors with their line", () => {
    const broken = json.replace('"format": "skillgrid.framework",', '"format": "skillgrid.framework"');
    const e = refusal(broken);
    expect(e).toBeInstanceOf(FrameworkFileError);
    expect(e.errors[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it("reports a duplicate skill key at the duplicate's line", () => {
    const doc = structuredClone(mlops);
    doc.levels[1]!.categories[0]!.skills[0]!.key = doc.levels[0]!.categories[0]!.skills[0]!.key;
    const text = stringify(doc);
    const e = refusal(text);
    const dup = e.errors.find((x) => /is used twice/.test(x.message))!;
    expect(dup.path).toBe("levels.1.categories.0.skills.0.key");
    const line = text.split("\n")[dup.line! - 1]!;
    expect(line).toContain(doc.levels[0]!.categories[0]!.skills[0]!.key);
  });

  it("reports two categories with the same name in one level at the second one's line", () => {
    const doc = structuredClone(mlops);
    const [first, second] = doc.levels[0]!.categories;
    second!.name = { zh: first!.name.zh, en: ` ${first!.name.en.toUpperCase()} ` };
    const text = stringify(doc);
    const e = refusal(text);
    expect(e).toBeInstanceOf(FrameworkFileError);
    const dup = e.errors.find((x) => /same name/.test(x.message))!;
    expect(dup.path).toBe("levels.0.categories.1.name");
    expect(dup.line).not.toBeNull();
  });

  it("reports a category key used twice", () => {
    const doc = structuredClone(mlops);
    doc.levels[1]!.categories[0]!.key = doc.levels[0]!.categories[0]!.key;
    expect(() => parseFrameworkData(stringify(doc))).toThrow(/Category key '.+' is used twice/);
  });

  it("accepts, and reports, a category name repeated in another level", () => {
    const doc = structuredClone(mlops);
    doc.levels[2]!.categories[0]!.name = structuredClone(doc.levels[0]!.categories[0]!.name);
    const parsed = parseFrameworkData(stringify(doc));
    expect(repeatedCategoryNames(parsed)).toEqual([
      expect.objectContaining({
        name: doc.levels[0]!.categories[0]!.name.en,
        key: doc.levels[2]!.categories[0]!.key,
        level: doc.levels[2]!.name.en,
        firstLevel: doc.levels[0]!.name.en,
        line: null,
      }),
    ]);
  });

  it("refuses a single-language Markdown file that repeats a category name in one level", () => {
    expect(() => frameworkFromMarkdown("# R\n\n## Junior\n\n1. **SQL**\n   - a\n2. **SQL**\n   - b\n", "r")).toThrow(
      /line 7/,
    );
  });

  it.each([
    ["a missing title", (d: Record<string, unknown>) => delete d.title, /title/],
    [
      "an unknown capability skill",
      (d: FrameworkDocument) => (d.capabilities[0]!.skills[0]!.key = "no.such-skill"),
      /unknown skill 'no.such-skill'/,
    ],
    ["a bad key", (d: FrameworkDocument) => (d.levels[0]!.key = "Junior Level"), /Keys use/],
    [
      "four descriptors",
      (d: FrameworkDocument) =>
        (d.levels[0]!.categories[0]!.skills[0]!.descriptors = [1, 2, 3, 4].map(() => ({ zh: "x", en: "x" }))),
      /five points/,
    ],
    ["a level without categories", (d: FrameworkDocument) => (d.levels[2]!.categories = []), /at least one category/],
  ])("rejects %s", (_name, mutate, message) => {
    const doc = structuredClone(mlops) as FrameworkDocument & Record<string, unknown>;
    (mutate as (d: typeof doc) => void)(doc);
    expect(() => parseFrameworkData(stringify(doc))).toThrow(message);
    try {
      parseFrameworkData(stringify(doc));
    } catch (err) {
      expect((err as FrameworkFileError).errors.every((x) => x.line !== null)).toBe(true);
    }
  });
});
