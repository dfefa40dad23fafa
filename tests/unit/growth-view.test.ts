import { describe, expect, it } from "vitest";

import { growthSkills, growthView, type GrowthSheet } from "@/lib/analytics/growth";

// What the growth page shows, from the member's rating sheet (lib/analytics/growth.ts, growthView).
const rated = (proficiency: number, interest: number | null = null) => ({
  proficiency,
  notApplicable: false,
  interest,
  quarter: "2026-Q4",
});
const skill = (key: string, self: ReturnType<typeof rated> | null) => ({
  key,
  name: key.toUpperCase(),
  nameEn: `${key} in English`,
  self,
  validated: null,
});
const category = (key: string, skills: ReturnType<typeof skill>[]) => ({
  key,
  name: key[0]!.toUpperCase() + key.slice(1),
  skills,
});
const sheet = (over: Partial<GrowthSheet> = {}): GrowthSheet => ({
  levels: [
    { key: "junior", name: "Junior", position: 0, categories: [category("tools", [skill("git", rated(3))])] },
    {
      key: "senior",
      name: "Senior",
      position: 1,
      categories: [category("ops", [skill("k8s", rated(3)), skill("helm", rated(1, 2))])],
    },
    { key: "staff", name: "Staff", position: 2, categories: [category("lead", [skill("mentor", null)])] },
  ],
  currentLevelKey: "junior",
  targetLevelKey: null,
  growthTable: [
    { stage: "S1", focus: "F1" },
    { stage: "S2", focus: "F2" },
    { stage: "S3", focus: "F3" },
  ],
  transitionSteps: [],
  ...over,
});

describe("the sheet's skills for growth analytics", () => {
  it("carry their category and level, and the English name for matching the transition path", () => {
    expect(growthSkills(sheet().levels)[1]).toEqual({
      key: "k8s",
      name: "K8S",
      textEn: "k8s in English",
      categoryKey: "ops",
      levelPosition: 1,
      self: rated(3),
      validated: null,
    });
  });
});

describe("the growth view", () => {
  it("aims at the next level when no target is set: readiness, profile targets and the stage of that step", () => {
    const view = growthView(sheet());
    expect(view.current).toEqual({ name: "Junior", position: 0 });
    expect(view.next).toEqual({ name: "Senior", position: 1 });
    expect(view.target).toEqual({ name: "Senior", position: 1 });
    // Senior: k8s at 3 (ready), helm at 1 → 1 of 2.
    expect(view.readiness).toEqual({ levelPosition: 1, ready: 1, total: 2, share: 0.5 });
    // 3 up to the target level, 1 one level above it.
    expect(view.profile.map((p) => [p.categoryKey, p.self, p.target])).toEqual([
      ["tools", 3, 3],
      ["ops", 2, 3],
      ["lead", null, 1],
    ]);
    expect(view.categories.map((c) => c.name)).toEqual(["Tools", "Ops", "Lead"]);
    expect(view.stage).toEqual({ stage: "S1", focus: "F1" });
    // Only helm is below 3 within the next level (staff is two levels up).
    expect(view.path.map((s) => [s.key, s.reasons])).toEqual([["helm", ["next_level", "eager"]]]);
  });

  it("takes the member's target level when set, and the first level when none is set", () => {
    const view = growthView(sheet({ currentLevelKey: null, targetLevelKey: "staff" }));
    expect(view.current.name).toBe("Junior");
    expect(view.target).toEqual({ name: "Staff", position: 2 });
    expect(view.profile.map((p) => p.target)).toEqual([3, 3, 3]);
  });

  it("at the top level has no readiness and shows the growth table's last stage", () => {
    const view = growthView(sheet({ currentLevelKey: "staff" }));
    expect(view.next).toBeNull();
    expect(view.readiness).toBeNull();
    expect(view.target.name).toBe("Staff");
    expect(view.stage).toEqual({ stage: "S3", focus: "F3" });
  });
});
