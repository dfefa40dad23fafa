import type { PlanningExport } from "./schema";

// The export's tables, shared by CSV and XLSX so both say the same thing
// (the XLSX shows the matrix its own way and keeps only the ratings rows with a note).
// New columns are appended, so consumers that read columns by position keep working.
export type Table = {
  name: string;
  description: string;
  columns: { header: string; meaning: string }[];
  rows: (string | number | null)[][];
};

type Rating = PlanningExport["ratings"][number];

export const valueText = (x: number | "na" | null) => (x === "na" ? "n/a" : x);
const v = valueText;

/** Each person's ratings by skill key, keyed by `team|email` (a person in two teams has a row in each). */
export function ratingsByPerson(d: PlanningExport): Map<string, Map<string, Rating>> {
  const byPerson = new Map<string, Map<string, Rating>>();
  for (const r of d.ratings) {
    const key = `${r.team}|${r.email}`;
    (byPerson.get(key) ?? byPerson.set(key, new Map()).get(key)!).set(r.skillKey, r);
  }
  return byPerson;
}

const skillNames = (d: PlanningExport) => new Map(d.skills.map((s) => [s.key, s.name]));

function matrixTable(d: PlanningExport): Table {
  const byPerson = ratingsByPerson(d);
  return {
    name: "matrix",
    description: "People × skills: effective proficiency (validated where present, else self).",
    columns: [
      { header: "team", meaning: "Team" },
      { header: "person", meaning: "Person's name" },
      { header: "email", meaning: "Person's email" },
      ...d.skills.map((s) => ({
        header: s.key,
        meaning: `${s.name} (${s.level} · ${s.category}); 0–4, n/a = not applicable, empty = not rated`,
      })),
    ],
    rows: d.people.map((p) => [
      p.team,
      p.name,
      p.email,
      ...d.skills.map((s) => v(byPerson.get(`${p.team}|${p.email}`)?.get(s.key)?.effective ?? null)),
    ]),
  };
}

function ratingsTable(d: PlanningExport, rows = d.ratings): Table {
  const personName = new Map(d.people.map((p) => [`${p.team}|${p.email}`, p.name]));
  const skillName = skillNames(d);
  return {
    name: "ratings",
    description:
      "One row per person × skill with self, validated and effective values, who entered them, and their notes.",
    columns: [
      { header: "team", meaning: "Team name" },
      { header: "email", meaning: "Person's email (identifies the person)" },
      { header: "skill_key", meaning: "Skill key (stable across roadmap versions)" },
      { header: "self", meaning: "Self rating 0–4, n/a, or empty" },
      { header: "validated", meaning: "Lead's validated rating 0–4, or empty" },
      { header: "effective", meaning: "Validated where present, else self" },
      { header: "person", meaning: "Person's name" },
      { header: "skill", meaning: "Skill name" },
      {
        header: "source",
        meaning:
          "Who entered the effective rating: lead, self, or imported (a self rating entered by someone else through an import); empty when not rated",
      },
      {
        header: "rated_by",
        meaning: "Name of whoever entered the effective rating (the importer for imported ratings)",
      },
      { header: "evidence", meaning: "The person's note with their latest self rating" },
      { header: "lead_comment", meaning: "The lead's comment with their latest validation" },
    ],
    rows: rows.map((r) => [
      r.team,
      r.email,
      r.skillKey,
      v(r.self),
      v(r.validated),
      v(r.effective),
      personName.get(`${r.team}|${r.email}`) ?? null,
      skillName.get(r.skillKey) ?? null,
      r.source,
      r.ratedBy,
      r.evidence,
      r.leadComment,
    ]),
  };
}

/**
 * The ratings table's rows that carry a note (the member's evidence or the
 * lead's comment), same columns. The XLSX holds these instead of every row:
 * one row per person × skill would multiply an org workbook's size and
 * writing time, and its Matrix already shows the values.
 */
function notesTable(d: PlanningExport): Table {
  return {
    ...ratingsTable(
      d,
      d.ratings.filter((r) => r.evidence !== null || r.leadComment !== null),
    ),
    name: "notes",
    description:
      "The rows of the ratings table (ratings.csv in the CSV export) that carry a note, with the same columns.",
  };
}

function coverageTable(d: PlanningExport): Table {
  const skillName = skillNames(d);
  return {
    name: "coverage",
    description: "Per skill: people at ≥ 3 and ≥ 4; risk = missing (nobody at ≥ 3) or single (one person).",
    columns: [
      { header: "team", meaning: "Team (empty for a team export)" },
      { header: "skill_key", meaning: "Skill key" },
      { header: "at_least_3", meaning: "People at ≥ 3 (independent)" },
      { header: "at_least_4", meaning: "People at ≥ 4 (teaches / sets direction)" },
      { header: "risk", meaning: "missing, single, or empty" },
      { header: "skill", meaning: "Skill name" },
    ],
    rows: d.coverage.map((c) => [
      c.team,
      c.skillKey,
      c.atLeast3,
      c.atLeast4,
      c.risk,
      skillName.get(c.skillKey) ?? null,
    ]),
  };
}

function targetsTable(d: PlanningExport): Table {
  const skillName = skillNames(d);
  return {
    name: "targets",
    description: "Platform vision targets and their gaps: N people needed at ≥ L per skill.",
    columns: [
      { header: "team", meaning: "Team" },
      { header: "target", meaning: "Capability or skill" },
      { header: "kind", meaning: "capability or skill" },
      { header: "level", meaning: "Required level L" },
      { header: "headcount", meaning: "Required people N" },
      { header: "by_quarter", meaning: "Target quarter" },
      { header: "readiness", meaning: "Σ min(coverage, N) / Σ N, 0–1" },
      { header: "skill_key", meaning: "One of the target's skills" },
      { header: "coverage", meaning: "People at ≥ L on that skill" },
      { header: "gap", meaning: "max(0, N − coverage)" },
      { header: "skill", meaning: "Skill name" },
    ],
    rows: d.targets.flatMap((t) =>
      t.skills.map((s) => [
        t.team,
        t.name,
        t.kind,
        t.level,
        t.headcount,
        t.targetQuarter,
        Math.round(t.readiness * 1000) / 1000,
        s.skillKey,
        s.coverage,
        s.gap,
        skillName.get(s.skillKey) ?? null,
      ]),
    ),
  };
}

function prioritiesTable(d: PlanningExport): Table {
  return {
    name: "priorities",
    description: "Ranked hire-or-train items with their explanations.",
    columns: [
      { header: "team", meaning: "Team" },
      { header: "rank", meaning: "1 = highest priority in the team" },
      { header: "recommendation", meaning: "train, hire or train_hire" },
      { header: "skill", meaning: "Skill" },
      { header: "target", meaning: "Target it belongs to" },
      { header: "gap", meaning: "People missing at the level" },
      { header: "score", meaning: "40 × gap/N + 10 × importance + urgency + risk" },
      { header: "explanation", meaning: "Why" },
      { header: "candidates", meaning: "Training candidates, closest first" },
    ],
    rows: d.priorities.map((p) => [
      p.team,
      p.rank,
      p.recommendation,
      p.skillName,
      p.target,
      p.gap,
      p.score,
      p.explanation,
      p.candidates.join("; "),
    ]),
  };
}

function membersTable(d: PlanningExport): Table {
  return {
    name: "members",
    description: "People in scope.",
    columns: [
      { header: "team", meaning: "Team" },
      { header: "person", meaning: "Name" },
      { header: "email", meaning: "Email" },
      { header: "current_level", meaning: "Current level key" },
    ],
    rows: d.people.map((p) => [p.team, p.name, p.email, p.currentLevel]),
  };
}

/** The CSV export's tables, one file each. */
export function exportTables(d: PlanningExport): Table[] {
  return [matrixTable(d), ratingsTable(d), coverageTable(d), targetsTable(d), prioritiesTable(d), membersTable(d)];
}

/** The XLSX's table sheets, after its README and Matrix (lib/export/xlsx-matrix.ts). */
export function workbookTables(d: PlanningExport): Table[] {
  return [notesTable(d), coverageTable(d), targetsTable(d), prioritiesTable(d), membersTable(d)];
}
