import type { SVGProps } from "react";

import { textColorOn } from "@/lib/charts/colors";
import { estimateTextWidth, fitText } from "@/lib/charts/text-width";

// The pieces the SVG grid charts (vision gaps, heatmap roll-up, trends deltas) share: a cell that prints its value,
// a label shortened to fit with its full text in a <title>, and column heads slanted up above the grid.

type Fitted = ReturnType<typeof fitText>;

/** A label as fitted by fitText; when shortened, the full text is its tooltip. */
export function FittedText({ full, shown, ...props }: { full: string; shown: Fitted } & SVGProps<SVGTextElement>) {
  return (
    <text {...props}>
      {shown.truncated && <title>{full}</title>}
      {shown.text}
    </text>
  );
}

/**
 * Column heads slanted up at `angle`° over columns `cellWidth` wide starting at `left`: each fitted to `maxWidth`,
 * and the header height and chart width (`pad` below the heads, room right of the last one) they need.
 */
export function slantedHeads(
  names: readonly string[],
  {
    angle,
    fontSize,
    maxWidth,
    left,
    cellWidth,
    pad,
  }: SlantLayout & { fontSize: number; maxWidth: number; pad: number },
) {
  const heads = names.map((name) => fitText(name, maxWidth, fontSize));
  const [sin, cos] = [Math.sin((angle * Math.PI) / 180), Math.cos((angle * Math.PI) / 180)];
  const widths = heads.map((h) => estimateTextWidth(h.text, fontSize));
  const header = Math.ceil(Math.max(40, ...widths.map((w) => w * sin + fontSize * cos)) + pad);
  const width = Math.ceil(
    Math.max(
      left + names.length * cellWidth,
      ...widths.map((w, i) => left + i * cellWidth + cellWidth / 2 + w * cos + fontSize * sin),
    ) + 4,
  );
  return { heads, header, width };
}

type SlantLayout = { angle: number; left: number; cellWidth: number };

/** The heads laid out by slantedHeads, their baselines at `y`. */
export function SlantedHeads({
  columns,
  heads,
  y,
  angle,
  left,
  cellWidth,
  className,
}: SlantLayout & { columns: readonly { key: string; name: string }[]; heads: Fitted[]; y: number; className: string }) {
  return columns.map((column, i) => (
    <FittedText
      key={column.key}
      full={column.name}
      shown={heads[i]!}
      transform={`translate(${left + i * cellWidth + cellWidth / 2},${y}) rotate(-${angle})`}
      className={className}
    />
  ));
}

/**
 * One cell of a grid chart at `x`: a rounded box in `fill` with `label` printed on it (colour is never the only
 * cue) and `title` as its tooltip. A cell with no value gets `emptyBorder` (dashed when asked) instead of a label.
 */
export function GridCell({
  x,
  width,
  height,
  fill,
  title,
  label,
  empty,
  emptyBorder,
  dashed = false,
  rx = 3,
  textClassName,
}: {
  x: number;
  width: number;
  height: number;
  fill: string;
  title: string;
  /** Printed on the cell; null prints nothing. */
  label: string | null;
  empty: boolean;
  emptyBorder: string;
  dashed?: boolean;
  rx?: number;
  /** Size and weight of the printed label. */
  textClassName: string;
}) {
  return (
    <g transform={`translate(${x},0)`}>
      <title>{title}</title>
      <rect
        x={1}
        y={1}
        width={width - 2}
        height={height - 2}
        rx={rx}
        fill={fill}
        stroke={empty ? emptyBorder : "none"}
        strokeDasharray={empty && dashed ? "2 2" : undefined}
      />
      {label !== null && (
        <text
          x={width / 2}
          y={height / 2 + 1}
          textAnchor="middle"
          dominantBaseline="middle"
          fill={textColorOn(fill)}
          className={textClassName}
        >
          {label}
        </text>
      )}
    </g>
  );
}
