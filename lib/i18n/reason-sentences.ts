import type { ReasonFacts } from "@/lib/analytics/explain";

/**
 * The part of next-intl's translator these sentences need: the "vision"
 * namespace from useTranslations (client or server component) or
 * getTranslations (async server component).
 */
export type VisionTranslator = (key: string, values?: Record<string, string | number>) => string;

/** Why train, hire or both, in the viewer's language. */
export function reasonSentence(t: VisionTranslator, f: ReasonFacts): string {
  const count = f.candidates.length;
  if (f.recommendation === "hire") return t("reason.hire", { near: f.near, level: f.level, gap: f.gap });
  if (f.recommendation === "train") return t("reason.train", { count, level: f.level, gap: f.gap });
  return t("reason.train_hire", { count, level: f.level, gap: f.gap, hire: Math.max(0, f.gap - count) });
}

/** "Needs 2 people at ≥ 3, has 0." */
export function needSentence(t: VisionTranslator, f: Pick<ReasonFacts, "headcount" | "level" | "coverage">): string {
  return t("reason.need", { headcount: f.headcount, level: f.level, coverage: f.coverage });
}

/** The reason, then what the target needs (sentences are joined without a space in Chinese). */
export function reasonWithNeed(t: VisionTranslator, f: ReasonFacts): string {
  return t("reason.joined", { reason: reasonSentence(t, f), need: needSentence(t, f) });
}

/** ["Cy (now 1, eager)", "Bo (now 2)"]: the people who could be trained. */
export function candidateList(t: VisionTranslator, f: Pick<ReasonFacts, "candidates">): string[] {
  return f.candidates.map((c) =>
    t("reason.candidate", { name: c.name, current: c.current, eager: c.interest === 2 ? "yes" : "no" }),
  );
}
