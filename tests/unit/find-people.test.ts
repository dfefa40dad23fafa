import { describe, expect, it } from "vitest";

import { findPeople, matchesQuery, type FindPerson, type SkillRating } from "@/lib/analytics/find-people";

const Q = "2026-Q4";
const person = (id: string, teamId = "t1", levelKey: string | null = "mid"): FindPerson => ({
  id,
  name: id,
  teams: [{ id: teamId, name: teamId }],
  levelKey,
  levelName: levelKey,
});
const rating = (
  userId: string,
  skillKey: string,
  raterKind: "self" | "manager",
  proficiency: number,
  extra: Partial<SkillRating> = {},
): SkillRating => ({
  userId,
  frameworkId: "f",
  skillKey,
  raterKind,
  proficiency,
  notApplicable: false,
  interest: raterKind === "self" ? 0 : null,
  quarter: Q,
  ...extra,
});
const req = (skillKey: string, level: number, interested = false) => ({
  frameworkId: "f",
  skillKey,
  level,
  interested,
});
const none = { onlyValidated: false, onlyThisQuarter: false };

describe("find people: the match score", () => {
  it("scores met 1, one below ½, self × 0.8, stale × 0.75, not interested × ½, averaged (worked by hand)", () => {
    const { rows } = findPeople({
      people: [person("ana"), person("ben"), person("cy"), person("dee")],
      ratings: [
        // ana: validated 3 on a (met, 1), self 3 on b this quarter (met, 0.8) → (1 + 0.8) / 2 = 90
        rating("ana", "a", "manager", 3),
        rating("ana", "b", "self", 3),
        // ben: validated 2 on a (one below, 0.5), stale self 4 on b (0.8 × 0.75 = 0.6) → 55
        rating("ben", "a", "manager", 2),
        rating("ben", "b", "self", 4, { quarter: "2026-Q2" }),
        // cy: validated 1 on a (0); nothing on b → 0, not listed
        rating("cy", "a", "manager", 1),
        // dee: validated 4 on a (1), self 3 on b (0.8) but a's self says not interested: interest is not asked → 90
        rating("dee", "a", "self", 0, { interest: 0 }),
        rating("dee", "a", "manager", 4),
        rating("dee", "b", "self", 3),
      ],
      requirements: [req("a", 3), req("b", 3)],
      filters: none,
      currentQuarter: Q,
    });
    expect(rows.map((r) => [r.person.id, r.score, r.met])).toEqual([
      ["ana", 90, 2],
      ["dee", 90, 2],
      ["ben", 55, 1],
    ]);
    expect(rows[2]!.cells[1]).toMatchObject({ value: 4, source: "self", stale: true, met: true });
  });

  it("halves the credit of someone not interested where interest is asked, and does not count them as meeting it", () => {
    const { rows } = findPeople({
      people: [person("ana"), person("ben")],
      ratings: [
        rating("ana", "a", "manager", 3),
        rating("ana", "a", "self", 3, { interest: 2 }),
        rating("ben", "a", "manager", 3),
      ],
      requirements: [req("a", 3, true)],
      filters: none,
      currentQuarter: Q,
    });
    expect(rows.map((r) => [r.person.id, r.score, r.met])).toEqual([
      ["ana", 100, 1],
      ["ben", 50, 0],
    ]);
  });

  it("marks 'ready with training' when every unmet skill is 1–2 below and interested", () => {
    const { rows } = findPeople({
      people: [person("ana"), person("ben")],
      ratings: [
        rating("ana", "a", "self", 1, { interest: 1 }), // 2 below, interested → trainable (score 0, still listed)
        rating("ben", "a", "self", 0, { interest: 2 }), // 3 below → not trainable, score 0 → not listed
      ],
      requirements: [req("a", 3)],
      filters: none,
      currentQuarter: Q,
    });
    expect(rows.map((r) => [r.person.id, r.score, r.readyWithTraining])).toEqual([["ana", 0, true]]);
  });

  it("applies team, level, only-validated and only-this-quarter filters", () => {
    const input = {
      people: [person("ana", "t1", "mid"), person("ben", "t2", "senior")],
      ratings: [rating("ana", "a", "self", 3), rating("ben", "a", "manager", 3, { quarter: "2026-Q1" })],
      requirements: [req("a", 3)],
      currentQuarter: Q,
    };
    const ids = (filters: Parameters<typeof findPeople>[0]["filters"]) =>
      findPeople({ ...input, filters }).rows.map((r) => r.person.id);
    expect(ids(none)).toEqual(["ana", "ben"]);
    expect(ids({ ...none, teamId: "t2" })).toEqual(["ben"]);
    expect(ids({ ...none, levelKey: "mid" })).toEqual(["ana"]);
    expect(ids({ ...none, onlyValidated: true })).toEqual(["ben"]);
    expect(ids({ ...none, onlyThisQuarter: true })).toEqual(["ana"]);
  });

  it("matches typed words anywhere in either language, ignoring case and hyphens", () => {
    expect(matchesQuery("Uses advanced model-serving solutions such as KFServing", "model serving")).toBe(true);
    expect(matchesQuery("使用 Kubernetes 部署模型", "kubernetes")).toBe(true);
    expect(matchesQuery("熟悉 MLflow", "mlflow 熟悉")).toBe(true);
    expect(matchesQuery("Designs serving architectures", "model serving")).toBe(false);
    expect(matchesQuery("anything", "   ")).toBe(false);
  });
});
