import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import { explainItem, parseReasonFacts, reasonFactsOf, type ReasonFacts } from "@/lib/analytics/explain";
import type { PriorityItem } from "@/lib/analytics/gaps";
import { planItemStatus } from "@/lib/analytics/plan-status";
import {
  candidateList,
  needSentence,
  reasonSentence,
  reasonWithNeed,
  type VisionTranslator,
} from "@/lib/i18n/reason-sentences";

const messages = (locale: string) =>
  JSON.parse(readFileSync(path.join(__dirname, "../../messages", `${locale}.json`), "utf8"));
const translator = (locale: "en" | "zh-TW"): VisionTranslator =>
  createTranslator({ locale, messages: messages(locale), namespace: "vision" });

const item: PriorityItem = {
  targetId: "t1",
  targetName: "Governance",
  skillKey: "gov.records",
  skillName: "Designs record keeping",
  level: 3,
  headcount: 2,
  coverage: 0,
  gap: 2,
  risk: "missing",
  targetQuarter: "2027-Q1",
  quartersLeft: 2,
  importance: 2,
  recommendation: "train_hire",
  candidates: [{ member: 2, name: "Cy", current: 1, interest: 2, alsoCloses: 0 }],
  near: 2,
  score: 92,
  scoreParts: { gap: 40, importance: 20, urgency: 12, risk: 20 },
};

const facts = (over: Partial<ReasonFacts> = {}): ReasonFacts => ({ ...reasonFactsOf(item), ...over });
const VARIANTS: ReasonFacts[] = [
  facts({ recommendation: "hire", candidates: [], near: 0, gap: 1 }),
  facts({ recommendation: "hire", candidates: [], near: 1 }),
  facts({ recommendation: "hire", candidates: [], near: 3 }),
  facts({ recommendation: "train", gap: 1 }),
  facts({
    recommendation: "train",
    gap: 2,
    candidates: [
      { name: "Cy", current: 1, interest: 1 },
      { name: "Bo", current: 2, interest: 2 },
    ],
  }),
  facts(),
  facts({ headcount: 1, coverage: 1 }),
];

describe("plan item reasons as facts", () => {
  it("keeps codes, numbers and names, never sentences", () => {
    expect(reasonFactsOf(item)).toEqual({
      recommendation: "train_hire",
      skillKey: "gov.records",
      level: 3,
      headcount: 2,
      coverage: 0,
      gap: 2,
      near: 2,
      candidates: [{ name: "Cy", current: 1, interest: 2 }],
    });
    expect(JSON.stringify(reasonFactsOf(item))).not.toContain(item.skillName);
  });

  it("reads stored facts back, and anything else as absent (the stored text is shown instead)", () => {
    expect(parseReasonFacts(JSON.parse(JSON.stringify(facts())))).toEqual(facts());
    expect(parseReasonFacts(null)).toBeNull();
    expect(parseReasonFacts({ recommendation: "hire" })).toBeNull();
    expect(parseReasonFacts({ ...facts(), level: 9 })).toBeNull();
  });

  it("renders in English with plurals", () => {
    const t = translator("en");
    expect(VARIANTS.map((f) => reasonSentence(t, f))).toEqual([
      "Nobody is within two points of level 3: hire 1 person.",
      "1 person is within two points of level 3 but not interested: hire 2 people.",
      "3 people are within two points of level 3, none of them interested: hire 2 people.",
      "1 interested person within two points of level 3 can close the gap of 1.",
      "2 interested people within two points of level 3 can close the gap of 2.",
      "1 interested person within two points of level 3 for a gap of 2: train 1, hire 1.",
      "1 interested person within two points of level 3 for a gap of 2: train 1, hire 1.",
    ]);
    expect(needSentence(t, facts())).toBe("Needs 2 people at ≥ 3, has 0.");
    expect(needSentence(t, facts({ headcount: 1, coverage: 1 }))).toBe("Needs 1 person at ≥ 3, has 1.");
    expect(candidateList(t, VARIANTS[4]!)).toEqual(["Cy (now 1)", "Bo (now 2, eager)"]);
    expect(reasonWithNeed(t, VARIANTS[0]!)).toBe(
      "Nobody is within two points of level 3: hire 1 person. Needs 2 people at ≥ 3, has 0.",
    );
  });

  it("renders in Traditional Chinese with no English but people's names", () => {
    const t = translator("zh-TW");
    for (const f of VARIANTS) {
      const text = [reasonSentence(t, f), needSentence(t, f), ...candidateList(t, f)].join(" ");
      const withoutNames = f.candidates.reduce((s, c) => s.replaceAll(c.name, ""), text);
      expect(withoutNames, text).not.toMatch(/[A-Za-z]/);
      expect(text).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(reasonWithNeed(t, VARIANTS[0]!)).toBe(
      "沒有人距等級 3 在兩級以內：需招募 1 人。需要 2 人達 ≥ 3，目前 0 人。",
    );
    expect(candidateList(t, VARIANTS[4]!)).toEqual(["Cy（目前 1）", "Bo（目前 2，渴望成長）"]);
  });

  it("keeps the English text for the export and the stored column", () => {
    expect(explainItem(item)).toMatch(
      /^train \+ hire: 1 interested within two points for a gap of 2 — Cy \(1, eager\); hire 1/,
    );
  });
});

describe("plan item status, computed from today's analysis", () => {
  const requirement = (gap: number) => ({ targetId: "t1", skillKey: "gov.records", gap });
  it("is open while the gap remains, resolved once it has closed", () => {
    expect(planItemStatus({ targetId: "t1", skillKey: "gov.records" }, [requirement(1)])).toBe("open");
    expect(planItemStatus({ targetId: "t1", skillKey: "gov.records" }, [requirement(0)])).toBe("resolved");
  });
  it("says so when the target (or the skill in it) is gone", () => {
    expect(planItemStatus({ targetId: "t1", skillKey: "gov.other" }, [requirement(0)])).toBe("target_removed");
    expect(planItemStatus({ targetId: null, skillKey: "gov.records" }, [requirement(0)])).toBe("target_removed");
  });
});
