import { interpolateBrBG, scaleDiverging } from "d3";

import { palette, textColorOn, UNRATED_FILL } from "@/lib/charts/colors";

import { GridCell } from "./grid-parts";

// A members × categories grid of changes (−2 … +2), on a diverging scale
// centred on zero; each cell also says its value (colour is never the only
// cue), and unchanged or unknown cells stay blank.
const color = scaleDiverging(interpolateBrBG).domain([-2, 0, 2]).clamp(true);
const signed = (v: number) => `${v > 0 ? "+" : ""}${v.toFixed(1)}`;
const CELL_W = 44;
const CELL_H = 24;
const LABEL_W = 150;
const HEADER_H = 150;

type Props = {
  label: string;
  rows: string[];
  columns: string[];
  /** rows × columns, row-major; null: no value. */
  values: (number | null)[];
};

export function DeltaGrid({ label, rows, columns, values }: Props) {
  return (
    <svg
      width={LABEL_W + columns.length * CELL_W + 40}
      height={HEADER_H + rows.length * CELL_H}
      role="img"
      aria-label={label}
    >
      {columns.map((c, j) => (
        <text
          key={c}
          transform={`translate(${LABEL_W + j * CELL_W + CELL_W / 2},${HEADER_H - 4}) rotate(-50)`}
          className="fill-current text-[10px]"
        >
          {c.length > 26 ? `${c.slice(0, 25)}…` : c}
        </text>
      ))}
      {rows.map((m, i) => (
        <g key={`${m}-${i}`} transform={`translate(0,${HEADER_H + i * CELL_H})`}>
          <text x={LABEL_W - 6} y={CELL_H / 2 + 4} textAnchor="end" className="fill-current text-[11px]">
            {m}
          </text>
          {columns.map((c, j) => {
            const value = values[i * columns.length + j] ?? null;
            return (
              <GridCell
                key={c}
                x={LABEL_W + j * CELL_W}
                width={CELL_W}
                height={CELL_H}
                fill={value === null ? UNRATED_FILL : color(value)}
                title={`${m} · ${c}: ${value === null ? "—" : signed(value)}`}
                label={value === null || value === 0 ? null : signed(value)}
                empty={value === null}
                emptyBorder={palette.noValueBorder}
                textClassName="text-[10px] tabular-nums"
              />
            );
          })}
        </g>
      ))}
    </svg>
  );
}

/** The scale's key, −2 to +2, followed by what it means. */
export function DeltaLegend({ text }: { text: string }) {
  return (
    <p className="mt-2 flex items-center gap-2 text-xs text-muted-foreground">
      {[-2, -1, 0, 1, 2].map((v) => (
        <span
          key={v}
          className="grid h-5 w-9 place-items-center rounded tabular-nums"
          style={{ background: color(v), color: textColorOn(color(v)) }}
        >
          {v > 0 ? `+${v}` : v}
        </span>
      ))}
      {text}
    </p>
  );
}
