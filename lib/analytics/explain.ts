import type { PriorityItem } from "./gaps";

/**
 * A plain-English sentence for a priority item, stored with accepted plan
 * items and used in exports. The UI renders the same facts in the viewer's
 * language from the structured item.
 */
export function explainItem(item: PriorityItem): string {
  const interested = item.candidates.length;
  const who = item.candidates
    .slice(0, 3)
    .map((c) => `${c.name} (${c.current}${c.interest === 2 ? ", eager" : ""})`)
    .join(", ");
  const need = `needs ${item.headcount} at ≥ ${item.level} on ${item.skillName}, has ${item.coverage}`;
  if (item.recommendation === "hire") {
    return item.near === 0
      ? `hire: nobody is within two points of level ${item.level} on ${item.skillName}; 0 interested (${need})`
      : `hire: ${item.near} within two points of level ${item.level} on ${item.skillName} but none interested (${need})`;
  }
  if (item.recommendation === "train") return `train: ${interested} interested within two points can close the gap of ${item.gap} — ${who} (${need})`;
  return `train + hire: ${interested} interested within two points for a gap of ${item.gap} — ${who}; hire ${item.gap - interested} (${need})`;
}
