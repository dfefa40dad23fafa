import { describe, expect, it } from "vitest";

import {
  categoryProfile,
  learningPath,
  readinessForLevel,
  transitionStepFor,
  type GrowthSkill,
} from "@/lib/analytics/growth";

const STEPS = [
  "Track experiments and model training with MLflow",
  "Package a model with Docker and deploy it to a local machine / VM",
  "Set up a simple CI/CD flow that deploys the model API automatically",
  "Connect it to Kubernetes and introduce traffic management and monitoring",
  "Turn multi-task / multi-model workflows into automated pipelines (Airflow, KFP)",
];

function skill(key: string, levelPosition: number, self: number | null, extra: Partial<GrowthSkill> = {}): GrowthSkill {
  return {
    key,
    name: key,
    textEn: key,
    categoryKey: `cat-${levelPosition}`,
    levelPosition,
    self: self === null ? null : { proficiency: self, notApplicable: false, interest: 0 },
    validated: null,
    ...extra,
  };
}

describe("readiness for a level", () => {
  it("is the share of that level's skills at proficiency ≥ 3, validated where present", () => {
    const skills = [
      skill("a", 1, 3),
      skill("b", 1, 4, { validated: { proficiency: 2, notApplicable: false } }), // lead says 2: not ready
      skill("c", 1, 1, { validated: { proficiency: 3, notApplicable: false } }), // lead says 3: ready
      skill("d", 1, null),
      skill("e", 0, 4), // other level: ignored
    ];
    expect(readinessForLevel(skills, 1)).toEqual({ levelPosition: 1, ready: 2, total: 4, share: 0.5 });
  });

  it("is zero for a level without skills", () => {
    expect(readinessForLevel([], 2)).toEqual({ levelPosition: 2, ready: 0, total: 0, share: 0 });
  });
});

describe("category profile", () => {
  it("averages self and validated per category and sets the target from the target level", () => {
    const skills = [
      skill("a", 0, 2, { categoryKey: "x" }),
      skill("b", 0, 4, { categoryKey: "x", validated: { proficiency: 3, notApplicable: false } }),
      skill("c", 1, null, { categoryKey: "y" }),
      skill("d", 2, 1, { categoryKey: "z", self: { proficiency: null, notApplicable: true, interest: 0 } }),
    ];
    const profile = categoryProfile(
      skills,
      [
        { key: "x", levelPosition: 0 },
        { key: "y", levelPosition: 1 },
        { key: "z", levelPosition: 2 },
      ],
      0,
    );
    expect(profile).toEqual([
      { categoryKey: "x", self: 3, validated: 3, target: 3 },
      { categoryKey: "y", self: null, validated: null, target: 1 },
      { categoryKey: "z", self: null, validated: null, target: 0 },
    ]);
  });
});

describe("learning path", () => {
  it("matches skills to transition-path steps by shared words", () => {
    expect(transitionStepFor("Uses TensorBoard and MLflow to record training runs", STEPS)).toBe(0);
    expect(transitionStepFor("Builds a stable deployment environment with Docker + Kubernetes", STEPS)).toBe(1);
    expect(transitionStepFor("Designs record-keeping for compliance", STEPS)).toBeNull();
  });

  it("orders by level, then interest, then the transition path, and skips what is already held", () => {
    const skills = [
      skill("held", 0, 3),
      skill("na", 0, null, { self: { proficiency: null, notApplicable: true, interest: 2 } }),
      skill("junior-gap", 0, 2),
      skill("mid-docker", 1, 1, { textEn: "Docker + Kubernetes deployment" }),
      skill("mid-eager", 1, 0, { self: { proficiency: 0, notApplicable: false, interest: 2 } }),
      skill("mid-mlflow", 1, 1, { textEn: "MLflow tracking" }),
      skill("senior", 2, 0, { self: { proficiency: 0, notApplicable: false, interest: 2 } }),
    ];
    const path = learningPath(skills, { currentLevelPosition: 0, transitionSteps: STEPS });
    expect(path.map((s) => s.key)).toEqual(["junior-gap", "mid-eager", "mid-mlflow", "mid-docker"]);
    expect(path[0]!.reasons).toEqual(["current_level"]);
    expect(path[1]!.reasons).toEqual(["next_level", "eager"]);
    expect(path[2]!.reasons).toContain("on_path");
  });

  it("honours the limit", () => {
    const skills = Array.from({ length: 20 }, (_, i) => skill(`s${String(i).padStart(2, "0")}`, 0, 0));
    expect(learningPath(skills, { currentLevelPosition: 0, transitionSteps: [], limit: 5 })).toHaveLength(5);
  });
});
