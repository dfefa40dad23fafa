import { describe, expect, it } from "vitest";

import { pairRoadmaps } from "@/lib/roadmap/pair";
import { parseRoadmapMarkdown } from "@/lib/roadmap/parse";

// A small roadmap in both languages, built from its parts so each test can change one.
function roadmap(parts: { summary?: string; skills?: string[]; table?: string[]; steps?: string[] }) {
  const lines = ["# T", "", "intro", parts.summary ?? "", "", "## Junior Engineer: learns", "", "1. **SQL Basics**"];
  for (const s of parts.skills ?? ["Writes joins", "Reads plans"]) lines.push(`   - ${s}`);
  if (parts.table) lines.push("", "## Growth", "", "| stage | focus |", "|---|---|", ...parts.table);
  if (parts.steps) lines.push("", "## Path", "", "how to move", ...parts.steps.map((s, i) => `${i + 1}. ${s}`));
  return parseRoadmapMarkdown(lines.join("\n"));
}

describe("pairing a zh-TW and an English roadmap", () => {
  it("takes keys from the English wording and texts from both documents", () => {
    const zh = roadmap({ summary: "- **初階**: 學習", skills: ["寫 join", "讀計畫"] });
    const en = roadmap({ summary: "- **Junior**: learns" });
    const doc = pairRoadmaps(zh, en);
    expect(doc.levels[0]).toMatchObject({ key: "junior", summary: { zh: "學習", en: "learns" } });
    expect(doc.levels[0]!.categories[0]!.key).toBe("sql-basics");
    expect(doc.levels[0]!.categories[0]!.skills.map((s) => s.key)).toEqual([
      "sql-basics.writes-joins",
      "sql-basics.reads-plans",
    ]);
    expect(doc.levels[0]!.categories[0]!.skills[0]!.name).toEqual({ zh: "寫 join", en: "Writes joins" });
  });

  it("gives two skills with the same English text distinct keys", () => {
    const doc = pairRoadmaps(roadmap({ skills: ["a", "b"] }), roadmap({ skills: ["Same", "Same"] }));
    expect(doc.levels[0]!.categories[0]!.skills.map((s) => s.key)).toEqual(["sql-basics.same", "sql-basics.same-2"]);
  });

  it("pairs the growth table row by row and the transition path step by step", () => {
    const zh = roadmap({ table: ["| 起步 | 工具 |"], steps: ["第一步"] });
    const en = roadmap({ table: ["| start | tools |"], steps: ["step one"] });
    const doc = pairRoadmaps(zh, en);
    expect(doc.growthTable).toEqual([{ stage: { zh: "起步", en: "start" }, focus: { zh: "工具", en: "tools" } }]);
    expect(doc.transitionPath?.steps).toEqual([{ zh: "第一步", en: "step one" }]);
  });

  it("refuses growth tables with different numbers of rows", () => {
    const zh = roadmap({ table: ["| a | b |", "| c | d |"] });
    const en = roadmap({ table: ["| a | b |"] });
    expect(() => pairRoadmaps(zh, en)).toThrow(/growth table rows: 2 in zh-TW .* but 1 in en/);
  });

  it("refuses a transition path that only one document has", () => {
    expect(() => pairRoadmaps(roadmap({ steps: ["one"] }), roadmap({}))).toThrow(
      /transition-path steps: 1 in zh-TW .* but 0 in en .*same structure/,
    );
  });
});
