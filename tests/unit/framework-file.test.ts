import { describe, expect, it } from "vitest";

import { documentCounts, fileProblems, problemLines } from "@/lib/import/framework-file";
import { FrameworkFileError, type FrameworkDocument } from "@/lib/roadmap/document";
import { RoadmapParseError } from "@/lib/roadmap/types";

describe("the problems a framework file preview lists", () => {
  it("names a Markdown parse error's line and reason", () => {
    expect(fileProblems(new RoadmapParseError(7, "a skill outside any category", "roadmap.md"))).toEqual([
      { line: 7, message: "a skill outside any category" },
    ]);
  });

  it("lists each JSON/YAML problem, prefixed with its path when it has one", () => {
    const e = new FrameworkFileError([
      { line: 3, path: "levels.0.key", message: "Required" },
      { line: null, path: "", message: "The file is empty." },
    ]);
    expect(fileProblems(e)).toEqual([
      { line: 3, message: "levels.0.key: Required" },
      { line: null, message: "The file is empty." },
    ]);
  });

  it("leaves any other error alone, so it is not shown as the file's fault", () => {
    expect(fileProblems(new Error("connection reset"))).toBeNull();
  });

  it("writes each problem as one line, naming the line when known", () => {
    expect(
      problemLines([
        { line: 3, message: "levels.0.key: Required" },
        { line: null, message: "The file is empty." },
      ]),
    ).toEqual(["line 3: levels.0.key: Required", "The file is empty."]);
  });
});

describe("how much a framework file holds", () => {
  it("counts levels, categories and skills across levels, and capabilities", () => {
    const skill = { key: "s" };
    const doc = {
      levels: [{ categories: [{ skills: [skill, skill] }, { skills: [skill] }] }, { categories: [{ skills: [] }] }],
      capabilities: [{ key: "c" }],
    } as unknown as FrameworkDocument;
    expect(documentCounts(doc)).toEqual({ levels: 2, categories: 3, skills: 3, capabilities: 1 });
  });
});
