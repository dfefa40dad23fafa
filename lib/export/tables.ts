import type { PlanningExport } from "./schema";

// The export's tables, shared by CSV and XLSX so both say the same thing.
export type Table = { name: string; description: string; columns: { header: string; meaning: string }[]; rows: (string | number | null)[][] };

const v = (x: number | "na" | null) => (x === "na" ? "n/a" : x);

export function exportTables(d: PlanningExport): Table[] {
  const byPerson = new Map<string, Map<string, number | "na" | null>>();
  for (const r of d.ratings) {
    const key = `${r.team}|${r.email}`;
    (byPerson.get(key) ?? byPerson.set(key, new Map()).get(key)!).set(r.skillKey, r.effective);
  }
  return [
    {
      name: "matrix",
      description: "People × skills: effective proficiency (validated where present, else self).",
      columns: [
        { header: "team", meaning: "Team" },
        { header: "person", meaning: "Person's name" },
        { header: "email", meaning: "Person's email" },
        ...d.skills.map((s) => ({ header: s.key, meaning: `${s.name} (${s.level} · ${s.category}); 0–4, n/a = not applicable, empty = not rated` })),
      ],
      rows: d.people.map((p) => [p.team, p.name, p.email, ...d.skills.map((s) => v(byPerson.get(`${p.team}|${p.email}`)?.get(s.key) ?? null))]),
    },
    {
      name: "ratings",
      description: "One row per person × skill with self, validated and effective values.",
      columns: [
        { header: "team", meaning: "Team" },
        { header: "email", meaning: "Person's email" },
        { header: "skill_key", meaning: "Skill key (stable across roadmap versions)" },
        { header: "self", meaning: "Self rating 0–4, n/a, or empty" },
        { header: "validated", meaning: "Lead's validated rating 0–4, or empty" },
        { header: "effective", meaning: "Validated where present, else self" },
      ],
      rows: d.ratings.map((r) => [r.team, r.email, r.skillKey, v(r.self), v(r.validated), v(r.effective)]),
    },
    {
      name: "coverage",
      description: "Per skill: people at ≥ 3 and ≥ 4; risk = missing (nobody at ≥ 3) or single (one person).",
      columns: [
        { header: "team", meaning: "Team (empty for a team export)" },
        { header: "skill_key", meaning: "Skill key" },
        { header: "at_least_3", meaning: "People at ≥ 3 (independent)" },
        { header: "at_least_4", meaning: "People at ≥ 4 (teaches / sets direction)" },
        { header: "risk", meaning: "missing, single, or empty" },
      ],
      rows: d.coverage.map((c) => [c.team, c.skillKey, c.atLeast3, c.atLeast4, c.risk]),
    },
    {
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
      ],
      rows: d.targets.flatMap((t) => t.skills.map((s) => [t.team, t.name, t.kind, t.level, t.headcount, t.targetQuarter, Math.round(t.readiness * 1000) / 1000, s.skillKey, s.coverage, s.gap])),
    },
    {
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
      rows: d.priorities.map((p) => [p.team, p.rank, p.recommendation, p.skillName, p.target, p.gap, p.score, p.explanation, p.candidates.join("; ")]),
    },
    {
      name: "members",
      description: "People in scope.",
      columns: [
        { header: "team", meaning: "Team" },
        { header: "person", meaning: "Name" },
        { header: "email", meaning: "Email" },
        { header: "current_level", meaning: "Current level key" },
      ],
      rows: d.people.map((p) => [p.team, p.name, p.email, p.currentLevel]),
    },
  ];
}
