import { NOT_APPLICABLE, UNRATED, valuesFor } from "@/lib/analytics/matrix";
import { cellGlyph, NA_FILL, palette, proficiencyColor, textColorOn } from "@/lib/charts/colors";
import type { HeatmapDto } from "@/lib/data/heatmap";

/** A print-friendly heatmap: numbered skill columns (names listed below), values printed in cells. */
export function StaticHeatmap({ dto, label: caption }: { dto: HeatmapDto; label: string }) {
  const values = valuesFor(dto, "effective");
  const cw = 17;
  const ch = 17;
  const label = 130;
  const header = 18;
  return (
    <figure className="space-y-2">
      <svg
        width={label + dto.skills.length * cw}
        height={header + dto.members.length * ch}
        className="max-w-full"
        role="img"
        aria-label={caption}
      >
        {dto.skills.map((s, j) => (
          <text key={s.key} x={label + j * cw + cw / 2} y={12} textAnchor="middle" className="fill-current text-[8px]">
            {j + 1}
          </text>
        ))}
        {dto.members.map((m, i) => (
          <g key={`${m.id}-${i}`} transform={`translate(0,${header + i * ch})`}>
            <text x={label - 4} y={ch / 2 + 3} textAnchor="end" className="fill-current text-[9px]">
              {m.name}
            </text>
            {dto.skills.map((s, j) => {
              const v = values[i * dto.skills.length + j]!;
              const fill = v === NOT_APPLICABLE ? NA_FILL : proficiencyColor(v);
              return (
                <g key={s.key} transform={`translate(${label + j * cw},0)`}>
                  <rect
                    x={0.5}
                    y={0.5}
                    width={cw - 1}
                    height={ch - 1}
                    fill={fill}
                    stroke={v === UNRATED ? palette.emptyBorder : "none"}
                    strokeDasharray={v === UNRATED ? "2 2" : undefined}
                  />
                  <text
                    x={cw / 2}
                    y={ch / 2 + 3}
                    textAnchor="middle"
                    fill={v === NOT_APPLICABLE ? palette.naInk : textColorOn(fill)}
                    className="text-[8px]"
                  >
                    {cellGlyph(v)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <figcaption>
        <ol className="columns-2 gap-6 text-[10px] leading-tight">
          {dto.skills.map((s, j) => (
            <li key={s.key}>
              <span className="tabular-nums">{j + 1}.</span> {s.name}
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
