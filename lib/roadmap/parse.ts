import { earlierWithSameName } from "./checks";
import { splitOnColon, stripEmphasis, stripLeadingSymbols } from "./text";
import {
  RoadmapParseError,
  type ParsedCategory,
  type ParsedGrowthRow,
  type ParsedLevel,
  type ParsedLevelSummary,
  type ParsedRoadmap,
  type ParsedTransitionPath,
} from "./types";

/*
 * The roadmap-Markdown format (the seed roadmap is written in it):
 *   # Title
 *   intro paragraph, then one bullet per level: "- ✅ **Junior**: summary"
 *   ## <Level name>: <tagline>        one section per level, containing
 *     1. **Category**                 numbered bold items (categories)
 *        - skill                      their bullets (skills)
 *     > "quote"                       the level's way of working, then a note
 *   ## <anything> with a | table |    growth table (stage | focus)
 *   ## <anything> with "1. step"      transition path (intro + numbered steps)
 *   ## <anything else>                closing words
 * Section kinds are recognised by their content, not their wording, so the
 * same parser reads any language.
 */

type Line = { n: number; text: string };
type Section = { heading: Line; body: Line[] };

const H1 = /^#\s+(.+)$/;
const H2 = /^##\s+(.+)$/;
const H3 = /^###\s+(.+)$/;
const NUMBERED = /^(\s*)\d+[.)]\s+(.*)$/;
const BULLET = /^(\s*)[-*+]\s+(.*)$/;
const BOLD_ONLY = /^\*\*([^*]+)\*\*\s*$/;
const RULE = /^\s*(-{3,}|\*{3,}|_{3,})\s*$/;

export function parseRoadmapMarkdown(markdown: string, source?: string): ParsedRoadmap {
  const fail: Fail = (line, reason) => {
    throw new RoadmapParseError(line, reason, source);
  };
  const lines: Line[] = markdown
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((text, i) => ({ n: i + 1, text }));
  const { title, preamble, sections } = splitSections(lines, fail);
  const { intro, levelSummaries } = parsePreamble(preamble, fail);
  const result: ParsedRoadmap = {
    title: stripLeadingSymbols(stripEmphasis(title.text)),
    intro,
    levelSummaries,
    levels: [],
    growthTable: [],
    growthTableHeader: null,
    transitionPath: null,
    conclusion: "",
  };
  readSections(result, sections, fail);
  assertLevels(result, title.n, fail);
  return result;
}

type Fail = (line: number, reason: string) => never;

/** The title, the lines before the first '## ' section, and the sections. */
function splitSections(lines: Line[], fail: Fail): { title: Line; preamble: Line[]; sections: Section[] } {
  const titleLine = lines.find((l) => l.text.trim() !== "");
  if (!titleLine) return fail(1, "the document is empty");
  const titleMatch = H1.exec(titleLine.text.trim());
  if (!titleMatch) return fail(titleLine.n, "expected the roadmap title as a '# ' heading");

  const preamble: Line[] = [];
  const sections: Section[] = [];
  for (const line of lines.slice(lines.indexOf(titleLine) + 1)) {
    const h2 = H2.exec(line.text.trim());
    if (h2) sections.push({ heading: line, body: [] });
    else if (H1.test(line.text.trim())) fail(line.n, "only one '# ' title is allowed; use '## ' for sections");
    else (sections.at(-1)?.body ?? preamble).push(line);
  }
  return { title: { n: titleLine.n, text: titleMatch[1]! }, preamble, sections };
}

/** Each section by its content: a level, the growth table, the transition path, or closing words. */
function readSections(result: ParsedRoadmap, sections: Section[], fail: Fail): void {
  const closing: string[] = [];
  for (const section of sections) {
    const body = section.body.filter((l) => !RULE.test(l.text));
    // Bullets only belong in levels (as skills), so a section with bullets is a level too.
    const isLevel = body.some((l) => H3.test(l.text.trim()) || isCategoryLine(l.text) || BULLET.test(l.text));
    const isTable = body.some((l) => l.text.trim().startsWith("|"));
    const isPath = body.some((l) => NUMBERED.test(l.text));
    if (isLevel) result.levels.push(parseLevel(section.heading, body, fail));
    else if (isTable) {
      if (result.growthTable.length) fail(section.heading.n, "only one growth table section is allowed");
      const table = parseTable(body, fail);
      result.growthTable = table.rows;
      result.growthTableHeader = table.header;
    } else if (isPath) {
      if (result.transitionPath) fail(section.heading.n, "only one numbered transition-path section is allowed");
      result.transitionPath = parsePath(section.heading, body, fail);
    } else {
      const text = paragraphText(body);
      if (text) closing.push(text);
    }
  }
  result.conclusion = closing.join("\n\n");
}

function assertLevels(result: ParsedRoadmap, titleLine: number, fail: Fail): void {
  const { levels, levelSummaries } = result;
  if (levels.length === 0) {
    fail(titleLine, "no levels found: each level is a '## ' section with numbered bold categories ('1. **Name**')");
  }
  if (levelSummaries.length > 0 && levelSummaries.length !== levels.length) {
    fail(
      levelSummaries[0]!.line,
      `the introduction lists ${levelSummaries.length} level summaries but the document has ${levels.length} levels`,
    );
  }
}

function isCategoryLine(text: string): boolean {
  const m = NUMBERED.exec(text);
  return !!m && m[1]!.length === 0 && m[2]!.trim().startsWith("**");
}

function paragraphText(body: Line[]): string {
  return body
    .map((l) => l.text.trim())
    .filter((t) => t !== "" && !RULE.test(t))
    .map(stripEmphasis)
    .join("\n");
}

function parsePreamble(preamble: Line[], fail: Fail): { intro: string; levelSummaries: ParsedLevelSummary[] } {
  const introLines: string[] = [];
  const levelSummaries: ParsedLevelSummary[] = [];
  for (const line of preamble) {
    const t = line.text.trim();
    if (!t || RULE.test(t)) continue;
    const bullet = BULLET.exec(line.text);
    if (bullet) {
      const body = stripLeadingSymbols(bullet[2]!);
      const m = /^\*\*(.+?)\*\*\s*[:：]\s*(.+)$/u.exec(body);
      if (!m) fail(line.n, "a level summary bullet must look like '- **Level**: summary'");
      levelSummaries.push({ line: line.n, name: m![1]!.trim(), text: stripEmphasis(m![2]!) });
    } else introLines.push(stripEmphasis(t));
  }
  return { intro: introLines.join("\n"), levelSummaries };
}

function parseLevel(heading: Line, body: Line[], fail: Fail): ParsedLevel {
  const [name, tagline] = splitOnColon(stripLeadingSymbols(stripEmphasis(H2.exec(heading.text.trim())![1]!)));
  if (!name) fail(heading.n, "a level heading needs a name");
  const level: ParsedLevel = { line: heading.n, name, tagline, workStyle: "", workStyleNote: "", categories: [] };
  const notes: string[] = [];
  let current: ParsedCategory | null = null;

  for (const line of body) {
    const t = line.text.trim();
    if (!t || H3.test(t)) {
      if (H3.test(t)) current = null;
      continue;
    }
    const numbered = NUMBERED.exec(line.text);
    const bullet = BULLET.exec(line.text);
    if (numbered && numbered[1]!.length === 0) {
      const bold = BOLD_ONLY.exec(numbered[2]!.trim());
      if (!bold) fail(line.n, `expected a numbered bold category like '1. **Name**', got '${t}'`);
      current = { line: line.n, name: bold![1]!.trim(), skills: [] };
      level.categories.push(current);
    } else if (bullet) {
      if (!current) fail(line.n, `skill bullet '${t}' is not under a numbered bold category`);
      const text = stripEmphasis(bullet![2]!);
      if (!text) fail(line.n, "a skill bullet is empty");
      current!.skills.push({ line: line.n, text });
    } else if (t.startsWith(">")) {
      const quote = t.replace(/^>\s*/, "").trim();
      level.workStyle = level.workStyle ? `${level.workStyle}\n${quote}` : quote;
    } else {
      notes.push(stripEmphasis(t));
    }
  }
  level.workStyleNote = notes.join("\n");
  if (level.categories.length === 0) {
    fail(heading.n, `level '${name}' has no numbered bold categories ('1. **Name**')`);
  }
  for (const c of level.categories) {
    if (c.skills.length === 0) fail(c.line, `category '${c.name}' has no skill bullets`);
  }
  // Two categories of one name would get keys differing only by a "-2" suffix: name each category once per level.
  earlierWithSameName(level.categories.map((c) => c.name)).forEach((first, i) => {
    const c = level.categories[i]!;
    if (first >= 0)
      fail(
        c.line,
        `category '${c.name}' is already in level '${name}' (line ${level.categories[first]!.line}); give each category of a level its own name`,
      );
  });
  return level;
}

function splitRow(text: string): string[] {
  return text
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => stripEmphasis(c.trim()));
}

function parseTable(body: Line[], fail: Fail): { header: [string, string]; rows: ParsedGrowthRow[] } {
  const tableLines = body.filter((l) => l.text.trim().startsWith("|"));
  const header = splitRow(tableLines[0]!.text);
  if (header.length !== 2)
    fail(tableLines[0]!.n, `the growth table needs exactly 2 columns (stage | focus), found ${header.length}`);
  const rows: ParsedGrowthRow[] = [];
  for (const line of tableLines.slice(1)) {
    const cells = splitRow(line.text);
    if (cells.every((c) => /^:?-{2,}:?$/.test(c))) continue;
    if (cells.length !== 2) fail(line.n, `a growth table row needs 2 cells, found ${cells.length}`);
    rows.push({ line: line.n, stage: cells[0]!, focus: cells[1]! });
  }
  if (rows.length === 0) fail(tableLines[0]!.n, "the growth table has no rows");
  return { header: [header[0]!, header[1]!], rows };
}

function parsePath(heading: Line, body: Line[], fail: Fail): ParsedTransitionPath {
  const intro: string[] = [];
  const steps: ParsedTransitionPath["steps"] = [];
  for (const line of body) {
    const t = line.text.trim();
    if (!t) continue;
    const numbered = NUMBERED.exec(line.text);
    if (numbered) {
      const text = stripEmphasis(numbered[2]!);
      if (!text) fail(line.n, "a transition-path step is empty");
      steps.push({ line: line.n, text });
    } else if (steps.length === 0) intro.push(stripEmphasis(t));
    else fail(line.n, "text after the numbered steps of a transition path is not allowed");
  }
  const title = stripLeadingSymbols(stripEmphasis(H2.exec(heading.text.trim())![1]!));
  return { line: heading.n, title, intro: intro.join("\n"), steps };
}
