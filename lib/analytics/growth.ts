import { countedProficiency, effectiveRating, type RatingValue } from "./ratings";

// Pure growth analytics for one member: readiness for the next level, the
// category profile behind the radar chart, and a suggested learning path.

export const READY_AT = 3; // "does it independently"

export type GrowthSkill = {
  key: string;
  name: string;
  /** English text, used to match the transition path's steps. */
  textEn: string;
  categoryKey: string;
  levelPosition: number;
  self: (RatingValue & { interest: number | null }) | null;
  validated: RatingValue | null;
};

export type Readiness = { levelPosition: number; ready: number; total: number; share: number };

/** Share of a level's skills held at proficiency ≥ 3 (validated where present, else self). */
export function readinessForLevel(skills: GrowthSkill[], levelPosition: number): Readiness {
  const level = skills.filter((s) => s.levelPosition === levelPosition);
  const ready = level.filter((s) => (countedProficiency(effectiveRating(s.self, s.validated)) ?? 0) >= READY_AT).length;
  return { levelPosition, ready, total: level.length, share: level.length ? ready / level.length : 0 };
}

export type CategoryProfile = {
  categoryKey: string;
  self: number | null;
  validated: number | null;
  target: number;
};

/**
 * Mean proficiency per category, self and validated, next to what the target
 * level expects: 3 for categories at or below the target level, 1 ("aware")
 * one level above it, 0 beyond.
 */
export function categoryProfile(
  skills: GrowthSkill[],
  categories: { key: string; levelPosition: number }[],
  targetLevelPosition: number,
): CategoryProfile[] {
  const mean = (values: (number | null)[]) => {
    const xs = values.filter((v): v is number => v !== null);
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
  };
  return categories.map((c) => {
    const inCategory = skills.filter((s) => s.categoryKey === c.key);
    const gap = c.levelPosition - targetLevelPosition;
    return {
      categoryKey: c.key,
      self: mean(inCategory.map((s) => countedProficiency(s.self))),
      validated: mean(inCategory.map((s) => countedProficiency(s.validated))),
      target: gap <= 0 ? READY_AT : gap === 1 ? 1 : 0,
    };
  });
}

const STOP = new Set([
  "the",
  "and",
  "for",
  "with",
  "into",
  "from",
  "that",
  "this",
  "your",
  "can",
  "use",
  "uses",
  "using",
  "such",
  "as",
  "to",
  "of",
  "a",
  "an",
  "or",
  "in",
  "on",
  "it",
  "its",
  "is",
  "are",
  "be",
  "at",
  "by",
  "so",
  "how",
  "while",
  "keeps",
  "simple",
  // Words nearly every MLOps skill shares: matching on them says nothing.
  "model",
  "models",
  "training",
  "train",
  "data",
  "process",
  "flow",
  "automatically",
  "local",
  "machine",
  "api",
  "new",
  "management",
  "introduce",
  "design",
  "designs",
]);
const tokens = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .replace(/[^a-z0-9/+ ]+/g, " ")
      .split(/[\s/]+/)
      .filter((w) => w.length >= 3 && !STOP.has(w)),
  );

/**
 * The first transition-path step that talks about the same things as a skill
 * (shared significant words such as "mlflow", "docker", "kubernetes"), or
 * null when none does.
 */
export function transitionStepFor(skillTextEn: string, steps: string[]): number | null {
  const words = tokens(skillTextEn);
  let best: { index: number; score: number } | null = null;
  steps.forEach((step, index) => {
    let score = 0;
    for (const w of tokens(step)) if (words.has(w)) score++;
    if (score > 0 && (!best || score > best.score)) best = { index, score };
  });
  return best ? (best as { index: number }).index : null;
}

export type LearningStep = {
  key: string;
  name: string;
  current: number | null;
  interest: number | null;
  levelPosition: number;
  transitionStep: number | null;
  reasons: ("next_level" | "current_level" | "below_level" | "eager" | "interested" | "on_path")[];
};

/**
 * Next skills to work on: not yet at 3 and not "not applicable"; skills of
 * the levels the member is growing through first (current, then next, in the
 * growth table's order), then stated interest (eager before interested),
 * then the transition path's order, then the smallest gap.
 */
export function learningPath(
  skills: GrowthSkill[],
  {
    currentLevelPosition,
    transitionSteps,
    limit = 8,
  }: { currentLevelPosition: number; transitionSteps: string[]; limit?: number },
): LearningStep[] {
  const candidates = skills
    .filter((s) => {
      const eff = effectiveRating(s.self, s.validated);
      return (
        !eff?.notApplicable && (countedProficiency(eff) ?? 0) < READY_AT && s.levelPosition <= currentLevelPosition + 1
      );
    })
    .map((s) => {
      const current = countedProficiency(effectiveRating(s.self, s.validated));
      const interest = s.self?.interest ?? null;
      const transitionStep = transitionStepFor(s.textEn, transitionSteps);
      const reasons: LearningStep["reasons"] = [
        s.levelPosition < currentLevelPosition
          ? "below_level"
          : s.levelPosition === currentLevelPosition
            ? "current_level"
            : "next_level",
      ];
      if (interest === 2) reasons.push("eager");
      else if (interest === 1) reasons.push("interested");
      if (transitionStep !== null) reasons.push("on_path");
      return { key: s.key, name: s.name, current, interest, levelPosition: s.levelPosition, transitionStep, reasons };
    });
  return candidates
    .sort(
      (a, b) =>
        a.levelPosition - b.levelPosition ||
        (b.interest ?? 0) - (a.interest ?? 0) ||
        (a.transitionStep ?? 99) - (b.transitionStep ?? 99) ||
        (b.current ?? 0) - (a.current ?? 0) ||
        a.key.localeCompare(b.key),
    )
    .slice(0, limit);
}

type SheetLevel = {
  key: string;
  name: string;
  position: number;
  categories: {
    key: string;
    name: string;
    skills: (Pick<GrowthSkill, "key" | "name" | "self" | "validated"> & { nameEn: string })[];
  }[];
};
/** What the growth page needs of a rating sheet (lib/analytics/rating-sheet.ts). */
export type GrowthSheet = {
  levels: SheetLevel[];
  currentLevelKey: string | null;
  targetLevelKey: string | null;
  growthTable: { stage: string; focus: string }[];
  transitionSteps: { text: string; textEn: string }[];
};
export type GrowthView = {
  /** The member's level (the first one when none is set), the next one (null at the top), and the one aimed at. */
  current: { name: string; position: number };
  next: { name: string; position: number } | null;
  target: { name: string; position: number };
  readiness: Readiness | null;
  categories: { key: string; name: string; levelPosition: number }[];
  /** One entry per category, in the same order. */
  profile: CategoryProfile[];
  path: LearningStep[];
  /** The growth table's row for the step from the current level (the last row at the top). */
  stage: { stage: string; focus: string } | null;
};

/** The sheet's skills as growth analytics reads them, in roadmap order. */
export function growthSkills(levels: SheetLevel[]): GrowthSkill[] {
  return levels.flatMap((l) =>
    l.categories.flatMap((c) =>
      c.skills.map((s) => ({
        key: s.key,
        name: s.name,
        textEn: s.nameEn,
        categoryKey: c.key,
        levelPosition: l.position,
        self: s.self,
        validated: s.validated,
      })),
    ),
  );
}

/**
 * Everything the growth page shows, from the member's rating sheet: the
 * target is the member's target level, else the next one, else the current.
 */
export function growthView(sheet: GrowthSheet): GrowthView {
  const { levels } = sheet;
  const skills = growthSkills(levels);
  const current = levels.find((l) => l.key === sheet.currentLevelKey) ?? levels[0]!;
  const next = levels.find((l) => l.position === current.position + 1) ?? null;
  const target = levels.find((l) => l.key === sheet.targetLevelKey) ?? next ?? current;
  const categories = levels.flatMap((l) =>
    l.categories.map((c) => ({ key: c.key, name: c.name, levelPosition: l.position })),
  );
  const transitionSteps = sheet.transitionSteps.map((s) => s.textEn);
  const level = (l: SheetLevel) => ({ name: l.name, position: l.position });
  return {
    current: level(current),
    next: next && level(next),
    target: level(target),
    readiness: next ? readinessForLevel(skills, next.position) : null,
    categories,
    profile: categoryProfile(skills, categories, target.position),
    path: learningPath(skills, { currentLevelPosition: current.position, transitionSteps }),
    stage: (next ? sheet.growthTable[current.position] : sheet.growthTable.at(-1)) ?? null,
  };
}
