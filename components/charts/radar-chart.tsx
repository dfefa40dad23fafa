import { lineRadial, scaleLinear } from "d3";

import { estimateTextWidth, wrapText } from "@/lib/charts/text-width";

const FONT = 12;
const LINE = 15;
/** Category names wrap onto three lines of at most this many px; longer ones are shortened, the full name in a <title>. */
const LABEL_WIDTH = 120;
const PAD = 4;

/** A category's label beside its axis end (x, y): its lines, anchor and the box it covers. */
function axisLabel(axis: string, title: string, [x, y]: readonly [number, number]) {
  const anchor = Math.abs(x) < 8 ? "middle" : x > 0 ? "start" : "end";
  const { lines } = wrapText(axis, LABEL_WIDTH, FONT, 3);
  const width = Math.max(...lines.map((l) => estimateTextWidth(l, FONT)));
  const x0 = anchor === "start" ? x : anchor === "end" ? x - width : x - width / 2;
  // Above the circle the lines grow upwards, below it downwards, beside it around the axis end.
  const height = lines.length * LINE;
  const y0 = y < -8 ? y - height + LINE / 2 : y > 8 ? y - LINE / 2 : y - height / 2;
  return { axis, title, x, anchor, lines, box: { x0, x1: x0 + width, y0, y1: y0 + height } } as const;
}

export type RadarSeries = { key: string; label: string; color: string; dash?: string; values: (number | null)[] };

/**
 * A radar chart of categories on the 0–4 scale. D3 computes the geometry;
 * React draws it. Series differ in colour and in line style (dashes), so
 * colour is never the only cue; a table of the same numbers sits beside it.
 */
export function RadarChart({
  axes,
  series,
  size = 400,
  label,
}: {
  axes: string[];
  series: RadarSeries[];
  size?: number;
  label: string;
}) {
  // Phones show numbers at the axes and the names in a numbered list below:
  // names around the circle would shrink with it to an unreadable size.
  return (
    <figure className="space-y-2">
      <RadarSvg axes={axes} series={series} size={size} label={label} className="hidden sm:block" />
      <RadarSvg
        axes={axes.map((_, i) => String(i + 1))}
        titles={axes}
        series={series}
        size={size}
        label={label}
        className="sm:hidden"
      />
      <ol className="grid list-inside list-decimal gap-x-4 text-xs text-muted-foreground sm:hidden">
        {axes.map((axis) => (
          <li key={axis}>{axis}</li>
        ))}
      </ol>
      <RadarLegend series={series} />
    </figure>
  );
}

function RadarSvg({
  axes,
  titles = axes,
  series,
  size,
  label,
  className,
}: {
  axes: string[];
  titles?: string[];
  series: RadarSeries[];
  size: number;
  label: string;
  className: string;
}) {
  const radius = size / 2 - 40;
  const r = scaleLinear().domain([0, 4]).range([0, radius]);
  const angle = (i: number) => (i / axes.length) * 2 * Math.PI;
  const line = lineRadial<number>()
    .angle((_, i) => angle(i))
    .radius((v) => r(v));
  const point = (i: number, v: number) => [Math.sin(angle(i)) * r(v), -Math.cos(angle(i)) * r(v)] as const;
  const labels = axes.map((axis, i) => axisLabel(axis, titles[i]!, point(i, 4.55)));
  // The view box grows to hold the longest labels, so none is cut at an edge.
  const left = Math.min(-radius, ...labels.map((l) => l.box.x0)) - PAD;
  const right = Math.max(radius, ...labels.map((l) => l.box.x1)) + PAD;
  const top = Math.min(-radius, ...labels.map((l) => l.box.y0)) - PAD;
  const bottom = Math.max(radius, ...labels.map((l) => l.box.y1)) + PAD;

  return (
    <svg
      viewBox={`${left} ${top} ${right - left} ${bottom - top}`}
      className={`mx-auto w-full ${className}`}
      style={{ maxWidth: right - left }}
      role="img"
      aria-label={label}
    >
      <g>
        {[1, 2, 3, 4].map((ring) => (
          <circle key={ring} r={r(ring)} fill="none" stroke="currentColor" strokeOpacity={ring === 3 ? 0.35 : 0.12} />
        ))}
        {labels.map((l, i) => {
          const [x, y] = point(i, 4);
          return (
            <g key={l.axis}>
              <line x1={0} y1={0} x2={x} y2={y} stroke="currentColor" strokeOpacity={0.12} />
              <text
                textAnchor={l.anchor}
                dominantBaseline="central"
                className="fill-current text-[12px] text-muted-foreground"
              >
                {l.title !== l.lines.join(" ") && <title>{l.title}</title>}
                {l.lines.map((text, k) => (
                  <tspan key={k} x={l.x} y={l.box.y0 + LINE * (k + 0.5)}>
                    {text}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
        {[1, 2, 3, 4].map((ring) => (
          <text key={ring} x={3} y={-r(ring) - 2} className="fill-current text-[9px] text-muted-foreground">
            {ring}
          </text>
        ))}
        {series.map((s) => {
          const values = s.values.map((v) => v ?? 0);
          // A series with gaps (e.g. a lead validated only some categories)
          // is drawn as points only: a line through 0 would misreport it.
          const complete = s.values.every((v) => v !== null);
          return (
            <g key={s.key}>
              {complete && (
                <path
                  d={`${line(values) ?? ""}Z`}
                  fill={s.color}
                  fillOpacity={s.dash ? 0 : 0.12}
                  stroke={s.color}
                  strokeWidth={2}
                  strokeDasharray={s.dash}
                />
              )}
              {s.values.map((v, i) => {
                if (v === null) return null;
                const [x, y] = point(i, v);
                return complete ? (
                  <circle key={i} cx={x} cy={y} r={2.5} fill={s.color} />
                ) : (
                  <rect
                    key={i}
                    x={x - 3.5}
                    y={y - 3.5}
                    width={7}
                    height={7}
                    fill={s.color}
                    stroke="white"
                    strokeWidth={1}
                  />
                );
              })}
            </g>
          );
        })}
      </g>
    </svg>
  );
}

/** Series differ by line style as well as colour. */
function RadarLegend({ series }: { series: RadarSeries[] }) {
  return (
    <figcaption className="flex flex-wrap justify-center gap-4 text-xs text-muted-foreground">
      {series.map((s) => (
        <span key={s.key} className="flex items-center gap-1.5">
          <svg width="24" height="8" aria-hidden>
            {s.values.every((v) => v !== null) ? (
              <line x1="0" x2="24" y1="4" y2="4" stroke={s.color} strokeWidth="2" strokeDasharray={s.dash} />
            ) : (
              <rect x="8" y="0" width="8" height="8" fill={s.color} />
            )}
          </svg>
          {s.label}
        </span>
      ))}
    </figcaption>
  );
}
