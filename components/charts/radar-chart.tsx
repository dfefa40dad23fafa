import { lineRadial, scaleLinear } from "d3";

export type RadarSeries = { key: string; label: string; color: string; dash?: string; values: (number | null)[] };

/**
 * A radar chart of categories on the 0–4 scale. D3 computes the geometry;
 * React draws it. Series differ in colour and in line style (dashes), so
 * colour is never the only cue; a table of the same numbers sits beside it.
 */
export function RadarChart({ axes, series, size = 400, label }: { axes: string[]; series: RadarSeries[]; size?: number; label: string }) {
  // Room around the circle for category labels, so none is clipped.
  const labelSpace = 125;
  const radius = size / 2 - 40;
  const center = size / 2;
  const r = scaleLinear().domain([0, 4]).range([0, radius]);
  const angle = (i: number) => (i / axes.length) * 2 * Math.PI;
  const line = lineRadial<number>()
    .angle((_, i) => angle(i))
    .radius((v) => r(v));
  const point = (i: number, v: number) => [Math.sin(angle(i)) * r(v), -Math.cos(angle(i)) * r(v)] as const;

  return (
    <figure className="space-y-2">
      <svg viewBox={`${-labelSpace} -10 ${size + 2 * labelSpace} ${size + 20}`} className="mx-auto w-full max-w-[600px]" role="img" aria-label={label}>
        <g transform={`translate(${center},${center})`}>
          {[1, 2, 3, 4].map((ring) => (
            <circle key={ring} r={r(ring)} fill="none" stroke="currentColor" strokeOpacity={ring === 3 ? 0.35 : 0.12} />
          ))}
          {axes.map((axis, i) => {
            const [x, y] = point(i, 4);
            const [lx, ly] = point(i, 4.55);
            const anchor = Math.abs(lx) < 8 ? "middle" : lx > 0 ? "start" : "end";
            return (
              <g key={axis}>
                <line x1={0} y1={0} x2={x} y2={y} stroke="currentColor" strokeOpacity={0.12} />
                <text x={lx} y={ly} textAnchor={anchor} dominantBaseline="middle" className="fill-current text-[12px] text-muted-foreground">
                  <title>{axis}</title>
                  {axis.length > 20 ? `${axis.slice(0, 19)}…` : axis}
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
                {complete && <path
                  d={`${line(values) ?? ""}Z`}
                  fill={s.color}
                  fillOpacity={s.dash ? 0 : 0.12}
                  stroke={s.color}
                  strokeWidth={2}
                  strokeDasharray={s.dash}
                />}
                {s.values.map((v, i) => {
                  if (v === null) return null;
                  const [x, y] = point(i, v);
                  return complete ? (
                    <circle key={i} cx={x} cy={y} r={2.5} fill={s.color} />
                  ) : (
                    <rect key={i} x={x - 3.5} y={y - 3.5} width={7} height={7} fill={s.color} stroke="white" strokeWidth={1} />
                  );
                })}
              </g>
            );
          })}
        </g>
      </svg>
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
    </figure>
  );
}
