import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";

import { earlierWithSameName, repeatedCategoryNames, type RepeatedCategory } from "./checks";
import { pairRoadmaps } from "./pair";
import { parseRoadmapMarkdown } from "./parse";
import { RoadmapParseError, type RoadmapDocument } from "./types";

// The framework interchange document (JSON and YAML): a roadmap with keys,
// both languages and platform capabilities. README "Framework files".
const bi = z.strictObject({ zh: z.string().max(2000), en: z.string().max(2000) });
const key = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,119}$/, { message: "Keys use a–z, 0–9, '.' and '-'." });
const skill = z.strictObject({
  key,
  name: bi,
  description: bi.optional(),
  descriptors: z.array(bi).length(5, { message: "Descriptors list the five points 0–4." }).optional(),
});
export const frameworkDocumentSchema = z
  .strictObject({
    format: z.literal("skillgrid.framework"),
    version: z.literal(1),
    key,
    title: bi,
    intro: bi.default({ zh: "", en: "" }),
    levels: z
      .array(
        z.strictObject({
          key,
          name: bi,
          tagline: bi.default({ zh: "", en: "" }),
          summary: bi.default({ zh: "", en: "" }),
          workStyle: bi.default({ zh: "", en: "" }),
          workStyleNote: bi.default({ zh: "", en: "" }),
          categories: z
            .array(
              z.strictObject({
                key,
                name: bi,
                skills: z.array(skill).min(1, { message: "A category needs at least one skill." }),
              }),
            )
            .min(1, { message: "A level needs at least one category." }),
        }),
      )
      .min(1, { message: "A framework needs at least one level." }),
    capabilities: z
      .array(
        z.strictObject({
          key,
          name: bi,
          description: bi.default({ zh: "", en: "" }),
          importance: z.int().min(1).max(3).default(2),
          skills: z.array(z.strictObject({ key, level: z.int().min(1).max(4) })).min(1),
        }),
      )
      .default([]),
    growthTable: z.array(z.strictObject({ stage: bi, focus: bi })).default([]),
    transitionPath: z
      .strictObject({ title: bi, intro: bi, steps: z.array(bi) })
      .nullable()
      .default(null),
    conclusion: bi.default({ zh: "", en: "" }),
  })
  .superRefine((doc, ctx) => {
    const categoryKeys = new Set<string>();
    doc.levels.forEach((l, li) => {
      l.categories.forEach((c, ci) => {
        if (categoryKeys.has(c.key))
          ctx.addIssue({
            code: "custom",
            message: `Category key '${c.key}' is used twice.`,
            path: ["levels", li, "categories", ci, "key"],
          });
        categoryKeys.add(c.key);
      });
      const firstEn = earlierWithSameName(l.categories.map((c) => c.name.en));
      const firstZh = earlierWithSameName(l.categories.map((c) => c.name.zh));
      l.categories.forEach((c, ci) => {
        const first = Math.max(firstEn[ci]!, firstZh[ci]!);
        if (first >= 0)
          ctx.addIssue({
            code: "custom",
            message: `Category '${c.name.en}' has the same name as category '${l.categories[first]!.key}' of this level; give each category of a level its own name.`,
            path: ["levels", li, "categories", ci, "name"],
          });
      });
    });
    const seen = new Set<string>();
    doc.levels.forEach((l, li) =>
      l.categories.forEach((c, ci) =>
        c.skills.forEach((s, si) => {
          if (seen.has(s.key))
            ctx.addIssue({
              code: "custom",
              message: `Skill key '${s.key}' is used twice.`,
              path: ["levels", li, "categories", ci, "skills", si, "key"],
            });
          seen.add(s.key);
        }),
      ),
    );
    doc.capabilities.forEach((c, i) =>
      c.skills.forEach((s, j) => {
        if (!seen.has(s.key))
          ctx.addIssue({
            code: "custom",
            message: `Capability '${c.key}' needs unknown skill '${s.key}'.`,
            path: ["capabilities", i, "skills", j, "key"],
          });
      }),
    );
  });
export type FrameworkDocument = z.infer<typeof frameworkDocumentSchema>;

export type DocumentError = { line: number | null; path: string; message: string };
export class FrameworkFileError extends Error {
  constructor(readonly errors: DocumentError[]) {
    super(
      errors.map((e) => `${e.line ? `line ${e.line}: ` : ""}${e.path ? `${e.path}: ` : ""}${e.message}`).join("\n"),
    );
  }
}

/** Parses JSON or YAML (JSON is read by the YAML parser too, so both errors name their line). */
export function parseFrameworkData(text: string): FrameworkDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    throw new FrameworkFileError(
      doc.errors.map((e) => ({
        line: lineCounter.linePos(e.pos[0]).line,
        path: "",
        message: e.message.split("\n")[0]!,
      })),
    );
  }
  const result = frameworkDocumentSchema.safeParse(doc.toJS());
  if (result.success) return result.data;
  throw new FrameworkFileError(
    result.error.issues.map((issue) => {
      let node: unknown = null;
      for (let n = issue.path.length; n >= 0 && !node; n--)
        node = doc.getIn(issue.path.slice(0, n) as (string | number)[], true);
      const range = (node as { range?: [number] } | null)?.range;
      return {
        line: range ? lineCounter.linePos(range[0]).line : null,
        path: issue.path.join("."),
        message: issue.message,
      };
    }),
  );
}

export function frameworkToJson(doc: FrameworkDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Markdown holds one language: the other gets the same text (translate it in the editor). */
export function frameworkFromMarkdown(markdown: string, key: string): FrameworkDocument {
  return readMarkdownFramework(markdown, key).doc;
}

/** The framework, plus what the import preview should point out: category names repeated across levels (with lines). */
export function readMarkdownFramework(
  markdown: string,
  key: string,
): { doc: FrameworkDocument; repeated: RepeatedCategory[] } {
  const parsed = parseRoadmapMarkdown(markdown);
  const doc = fromRoadmap(pairRoadmaps(parsed, parsed), key);
  return { doc, repeated: repeatedCategoryNames(doc, parsed) };
}

export function fromRoadmap(
  doc: RoadmapDocument,
  key: string,
  capabilities: FrameworkDocument["capabilities"] = [],
): FrameworkDocument {
  return frameworkDocumentSchema.parse({
    format: "skillgrid.framework",
    version: 1,
    key,
    title: doc.title,
    intro: doc.intro,
    levels: doc.levels,
    capabilities,
    growthTable: doc.growthTable,
    transitionPath: doc.transitionPath,
    conclusion: doc.conclusion,
  });
}

/** Writes the roadmap-Markdown format (one language), readable by parseRoadmapMarkdown. */
export function frameworkToMarkdown(doc: FrameworkDocument, lang: "zh" | "en"): string {
  const out: string[] = [`# ${doc.title[lang]}`, ""];
  if (doc.intro[lang]) out.push(doc.intro[lang], "");
  if (doc.levels.every((l) => l.summary[lang])) {
    for (const l of doc.levels) out.push(`- **${l.name[lang].split(/\s+/)[0]}**: ${l.summary[lang]}`);
    out.push("");
  }
  for (const l of doc.levels) {
    out.push("---", "", `## ${l.name[lang]}${l.tagline[lang] ? `: ${l.tagline[lang]}` : ""}`, "", "### Skills", "");
    l.categories.forEach((c, i) => {
      out.push(`${i + 1}. **${c.name[lang]}**`);
      for (const s of c.skills) out.push(`   - ${s.name[lang]}`);
      out.push("");
    });
    if (l.workStyle[lang]) {
      out.push("### Way of working", "", `> ${l.workStyle[lang]}`, "");
      if (l.workStyleNote[lang]) out.push(l.workStyleNote[lang], "");
    }
  }
  if (doc.growthTable.length) {
    out.push("---", "", "## Growth", "", "| Stage | Focus |", "|---|---|");
    for (const g of doc.growthTable) out.push(`| ${g.stage[lang]} | ${g.focus[lang]} |`);
    out.push("");
  }
  if (doc.transitionPath) {
    out.push("---", "", `## ${doc.transitionPath.title[lang]}`, "");
    if (doc.transitionPath.intro[lang]) out.push(doc.transitionPath.intro[lang], "");
    doc.transitionPath.steps.forEach((s, i) => out.push(`${i + 1}. ${s[lang]}`));
    out.push("");
  }
  if (doc.conclusion[lang]) out.push("---", "", "## Closing", "", doc.conclusion[lang], "");
  return out.join("\n");
}

export { RoadmapParseError };
