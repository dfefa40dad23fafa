import type { Recommendation } from "@/lib/analytics/gaps";

// Colour and a glyph, so the recommendation never rests on colour alone.
const REC_STYLE = { train: "bg-[#d9f0d3] text-[#1b5e20] border-[#1b5e20]", hire: "bg-[#fde0c5] text-[#7f3b08] border-[#7f3b08]", train_hire: "bg-[#e7d4e8] text-[#40004b] border-[#40004b]" } as const;
const REC_ICON = { train: "▲", hire: "＋", train_hire: "▲＋" } as const;

export function RecommendationBadge({ recommendation, label }: { recommendation: Recommendation; label: string }) {
  return (
    <span className={`whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-semibold ${REC_STYLE[recommendation]}`}>
      {REC_ICON[recommendation]} {label}
    </span>
  );
}
