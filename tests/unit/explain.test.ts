import { describe, expect, it } from "vitest";

import { explainItem, parseReasonFacts, reasonFactsOf, type ReasonFacts } from "@/lib/analytics/explain";
import type { Candidate, PriorityItem } from "@/lib/analytics/gaps";

// A team needs three people at ≥ 2 on incident response and has one.
const candidate = (member: number, name: string, current: number, interest: number): Candidate => ({
  member,
  name,
  current,
  interest,
  alsoCloses: member,
});
const priority = (over: Partial<PriorityItem> = {}): PriorityItem => ({
  targetId: "target-ops",
  targetName: "On-call rota",
  skillKey: "ops.oncall",
  skillName: "Runs incident response",
  level: 2,
  headcount: 3,
  coverage: 1,
  gap: 2,
  risk: "single",
  targetQuarter: "2027-Q2",
  quartersLeft: 1,
  importance: 3,
  recommendation: "train",
  candidates: [candidate(4, "Ann", 1, 1), candidate(7, "Bo", 0, 2)],
  near: 2,
  score: 77,
  scoreParts: { gap: 27, importance: 30, urgency: 20, risk: 12 },
  ...over,
});
const need = "(needs 3 at ≥ 2 on Runs incident response, has 1)";

describe("explaining a priority item in English (explainItem)", () => {
  it("says nobody is near when hiring with no one within two points", () => {
    expect(explainItem(priority({ recommendation: "hire", candidates: [], near: 0 }))).toBe(
      `hire: nobody is within two points of level 2 on Runs incident response; 0 interested ${need}`,
    );
  });

  it("counts the people near the level when hiring because none of them is interested", () => {
    expect(explainItem(priority({ recommendation: "hire", candidates: [], near: 3 }))).toBe(
      `hire: 3 within two points of level 2 on Runs incident response but none interested ${need}`,
    );
  });

  it("names the interested people when training, marking the eager ones", () => {
    expect(explainItem(priority())).toBe(
      `train: 2 interested within two points can close the gap of 2 — Ann (1), Bo (0, eager) ${need}`,
    );
  });

  it("counts every interested person but names only the first three", () => {
    const candidates = [
      candidate(1, "Ann", 1, 1),
      candidate(2, "Bo", 0, 2),
      candidate(3, "Cy", 1, 1),
      candidate(5, "Di", 0, 2),
    ];
    const text = explainItem(priority({ candidates }));
    expect(text).toBe(
      `train: 4 interested within two points can close the gap of 2 — Ann (1), Bo (0, eager), Cy (1) ${need}`,
    );
    expect(text).not.toContain("Di");
  });

  it("hires what training cannot close", () => {
    const item = priority({
      recommendation: "train_hire",
      coverage: 0,
      gap: 3,
      candidates: [candidate(2, "Bo", 1, 1)],
    });
    expect(explainItem(item)).toBe(
      "train + hire: 1 interested within two points for a gap of 3 — Bo (1); hire 2 (needs 3 at ≥ 2 on Runs incident response, has 0)",
    );
  });
});

describe("the facts behind a reason (reasonFactsOf)", () => {
  it("keeps the skill's key, not its name, and no score, target or member index", () => {
    const facts = reasonFactsOf(priority({ recommendation: "hire", candidates: [], near: 1 }));
    expect(facts).toStrictEqual({
      recommendation: "hire",
      skillKey: "ops.oncall",
      level: 2,
      headcount: 3,
      coverage: 1,
      gap: 2,
      near: 1,
      candidates: [],
    });
  });

  it("copies each candidate's name, current level and interest only", () => {
    const item = priority();
    const facts = reasonFactsOf(item);
    expect(facts.candidates).toStrictEqual([
      { name: "Ann", current: 1, interest: 1 },
      { name: "Bo", current: 0, interest: 2 },
    ]);
    expect(facts.candidates[0]).not.toBe(item.candidates[0]);
  });

  it.each(["train", "hire", "train_hire"] as const)(
    "gives %s facts that read back unchanged from stored JSON",
    (recommendation) => {
      const facts = reasonFactsOf(priority({ recommendation }));
      expect(parseReasonFacts(JSON.parse(JSON.stringify(facts)))).toStrictEqual(facts);
    },
  );
});

describe("reading stored facts (parseReasonFacts)", () => {
  const stored = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    ...reasonFactsOf(priority()),
    ...over,
  });
  const withCandidate = (over: Record<string, unknown>) =>
    stored({ candidates: [{ name: "Ann", current: 1, interest: 1, ...over }] });

  it("accepts the edges of every range", () => {
    const edges: ReasonFacts = {
      recommendation: "train_hire",
      skillKey: "k".repeat(200),
      level: 4,
      headcount: 100_000,
      coverage: 0,
      gap: 100_000,
      near: 0,
      candidates: [
        { name: "", current: 0, interest: 0 },
        { name: "n".repeat(200), current: 4, interest: 2 },
      ],
    };
    expect(parseReasonFacts(edges)).toStrictEqual(edges);
    expect(parseReasonFacts(stored({ level: 0 }))).toStrictEqual(stored({ level: 0 }));
  });

  it("drops keys it does not know, at the top and in candidates", () => {
    const parsed = parseReasonFacts({
      ...stored(),
      skillName: "Runs incident response",
      candidates: [{ name: "Ann", current: 1, interest: 1, member: 4 }],
    });
    expect(parsed).toStrictEqual(stored({ candidates: [{ name: "Ann", current: 1, interest: 1 }] }));
  });

  it.each([
    ["nothing stored", undefined],
    ["a string", "train: 2 interested"],
    ["a number", 2],
    ["an array", [stored()]],
    ["an unknown recommendation", stored({ recommendation: "promote" })],
    ["an empty skill key", stored({ skillKey: "" })],
    ["a skill key over 200 characters", stored({ skillKey: "k".repeat(201) })],
    ["a level below 0", stored({ level: -1 })],
    ["a level above 4", stored({ level: 5 })],
    ["a fractional level", stored({ level: 2.5 })],
    ["a negative headcount", stored({ headcount: -1 })],
    ["a gap over 100,000", stored({ gap: 100_001 })],
    ["a count stored as text", stored({ coverage: "1" })],
    ["a fractional count", stored({ near: 1.5 })],
    ["no candidates", stored({ candidates: undefined })],
    ["a candidate above level 4", withCandidate({ current: 5 })],
    ["a candidate's interest above 2", withCandidate({ interest: 3 })],
    ["a candidate without a name", withCandidate({ name: undefined })],
    ["a candidate's name over 200 characters", withCandidate({ name: "n".repeat(201) })],
    [
      "over 1,000 candidates",
      stored({ candidates: Array.from({ length: 1001 }, () => ({ name: "Ann", current: 1, interest: 1 })) }),
    ],
  ])("treats %s as absent", (_, value) => {
    expect(parseReasonFacts(value)).toBeNull();
  });
});
