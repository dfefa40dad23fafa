import type { Recommendation } from "@/lib/analytics/gaps";
import { badgeColors, palette } from "@/lib/charts/colors";

// Colour and a glyph, so the recommendation never rests on colour alone.
const REC_STYLE = {
  train: badgeColors(palette.trainFill, palette.trainInk),
  hire: badgeColors(palette.hireFill, palette.hireInk),
  train_hire: badgeColors(palette.trainHireFill, palette.trainHireInk),
} as const;
const REC_ICON = { train: "▲", hire: "＋", train_hire: "▲＋" } as const;

export function RecommendationBadge({ recommendation, label }: { recommendation: Recommendation; label: string }) {
  return (
    <span
      className="rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap"
      style={REC_STYLE[recommendation]}
    >
      {REC_ICON[recommendation]} {label}
    </span>
  );
}
