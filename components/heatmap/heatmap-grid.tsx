"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type KeyboardEvent } from "react";

import { Card } from "@/components/ui/card";
import { UNRATED } from "@/lib/analytics/matrix";
import type { HeatmapDto } from "@/lib/data/heatmap";

import { cellInfo, describeValue } from "./cell-info";
import { headerHeight, type Geometry } from "./geometry";
import { HeatmapCanvasBody, HeatmapSvgBody } from "./heatmap-body";
import { HeatmapHeader } from "./heatmap-header";
import type { Model } from "./model";

const VIEW_HEIGHT = 640;

/**
 * The grid with its interaction: pointer hover and keyboard focus (arrow
 * keys, Home/End, PageUp/PageDown) both show the tooltip, and the focused
 * cell is announced to screen readers.
 */
export function HeatmapGrid({
  dto,
  model,
  geometry: g,
  grouped,
  collapsed,
  onToggleCategory,
}: {
  dto: HeatmapDto;
  model: Model;
  geometry: Geometry;
  grouped: boolean;
  collapsed: Set<number>;
  onToggleCategory: (category: number) => void;
}) {
  const t = useTranslations("heatmap");
  const tp = useTranslations("proficiency");
  const ti = useTranslations("me.interestLevels");
  const large = !g.glyphs;
  const [rawFocus, setFocus] = useState<{ r: number; c: number } | null>(null);
  // Filters can shrink the grid under the focused cell.
  const focus = rawFocus && rawFocus.r < model.rows.length && rawFocus.c < model.columns.length ? rawFocus : null;
  const [hover, setHover] = useState<{ r: number; c: number } | null>(null);
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const scrollTop = scroll.top;
  const scroller = useRef<HTMLDivElement>(null);
  const active = hover ?? focus;
  const headerRows = grouped ? 2 : 1;

  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      PageUp: [-10, 0],
      PageDown: [10, 0],
    };
    const cur = focus ?? { r: 0, c: 0 };
    let next = cur;
    if (keys[e.key]) next = { r: cur.r + keys[e.key]![0], c: cur.c + keys[e.key]![1] };
    else if (e.key === "Home") next = { r: cur.r, c: 0 };
    else if (e.key === "End") next = { r: cur.r, c: model.columns.length - 1 };
    else if (e.key === "Escape") return setFocus(null);
    else return;
    e.preventDefault();
    next = {
      r: Math.max(0, Math.min(model.rows.length - 1, next.r)),
      c: Math.max(0, Math.min(model.columns.length - 1, next.c)),
    };
    setHover(null);
    setFocus(next);
    const el = scroller.current;
    if (el) {
      const top = headerHeight(g) + next.r * g.ch;
      if (large) {
        if (next.r * g.ch < el.scrollTop) el.scrollTop = next.r * g.ch;
        else if ((next.r + 1) * g.ch > el.scrollTop + VIEW_HEIGHT) el.scrollTop = (next.r + 1) * g.ch - VIEW_HEIGHT;
      } else if (top < el.scrollTop || top > el.scrollTop + el.clientHeight - g.ch)
        el.scrollTop = top - el.clientHeight / 2;
      const left = g.labelWidth + next.c * g.cw;
      if (left + g.cw > el.scrollLeft + el.clientWidth || left < el.scrollLeft + g.labelWidth)
        el.scrollLeft = Math.max(0, left - el.clientWidth / 2);
    }
  };

  const info =
    active && model.rows[active.r] !== undefined && model.columns[active.c]
      ? cellInfo(dto, model.rows[active.r]!, model.columns[active.c]!, model.rollup)
      : null;
  const labels = { na: t("na"), none: t("tipNotYet") };
  const valueText = (v: number) => (v >= 0 ? `${v} ${tp(String(v) as "0")}` : describeValue(v, labels));
  const summary = info
    ? info.mean !== undefined
      ? `${info.member} · ${info.skill}: ${info.mean === null ? labels.none : info.mean.toFixed(1)}`
      : `${info.member} · ${info.skill}: ${t("tipSelf")} ${valueText(info.self)}, ` +
        `${t("tipValidated")} ${info.validated === UNRATED ? t("tipNone") : valueText(info.validated)}`
    : "";
  // Beside the cell: to its right in the left half of the grid, to its left otherwise.
  const cellLeft = active ? g.labelWidth + active.c * g.cw - scroll.left : 0;
  const tipX = active && active.c > model.columns.length / 2 ? cellLeft - 264 : cellLeft + g.cw + 8;
  const tipY = active ? headerHeight(g) + active.r * g.ch - scroll.top : 0;
  // What both bodies draw from: SVG for small grids, canvas for large ones.
  const body = { dto, model, geometry: g, headerRows, focus, onPointer: setHover };

  return (
    <div className="relative">
      <Card
        ref={scroller}
        tabIndex={0}
        role="grid"
        aria-label={t("gridLabel", { members: model.rows.length, skills: model.columns.length })}
        aria-describedby="heatmap-focus"
        // Header rows (categories when grouped, skills), then a row per person; the first column holds their names.
        aria-rowcount={headerRows + model.rows.length}
        aria-colcount={model.columns.length + 1}
        onKeyDown={move}
        // The grid itself, not a person's link inside it, takes the cell cursor.
        onFocus={(e) => e.target === e.currentTarget && setFocus((f) => f ?? { r: 0, c: 0 })}
        onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, left: e.currentTarget.scrollLeft })}
        className="overflow-auto focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring"
        style={large ? { maxHeight: VIEW_HEIGHT + headerHeight(g) } : { maxHeight: "80vh" }}
      >
        <div className="sticky top-0 z-10 bg-card">
          <HeatmapHeader
            dto={dto}
            columns={model.columns}
            geometry={g}
            grouped={grouped}
            collapsed={collapsed}
            onToggle={onToggleCategory}
            labels={{
              collapse: (name) => t("collapse", { name }),
              expand: (name) => t("expand", { name }),
              mean: (name) => t("categoryMean", { name }),
            }}
          />
        </div>
        {large ? (
          <div style={{ height: model.rows.length * g.ch, position: "relative" }}>
            <HeatmapCanvasBody
              {...body}
              scrollTop={scrollTop}
              viewHeight={Math.min(VIEW_HEIGHT, model.rows.length * g.ch)}
            />
          </div>
        ) : (
          <HeatmapSvgBody {...body} />
        )}
      </Card>
      <p id="heatmap-focus" className="sr-only" aria-live="polite">
        {focus ? summary : ""}
      </p>
      {info && (
        <div
          role="tooltip"
          className="pointer-events-none absolute z-20 w-64 rounded-md border border-border bg-card p-3 text-xs shadow-lg"
          style={{ left: Math.max(0, tipX), top: Math.max(0, tipY) }}
        >
          <p className="font-semibold">{info.member}</p>
          {dto.scope.kind === "org" && <p className="text-muted-foreground">{info.team}</p>}
          <p className="mt-1">{info.skill}</p>
          {info.mean !== undefined ? (
            <p className="mt-1 tabular-nums">{info.mean === null ? labels.none : info.mean.toFixed(2)}</p>
          ) : (
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
              <dt className="text-muted-foreground">{t("tipSelf")}</dt>
              <dd>{valueText(info.self)}</dd>
              <dt className="text-muted-foreground">{t("tipValidated")}</dt>
              <dd>{info.validated === UNRATED ? t("tipNone") : valueText(info.validated)}</dd>
              <dt className="text-muted-foreground">{t("tipInterest")}</dt>
              <dd>{info.interest === null ? t("tipNone") : ti(String(info.interest) as "0")}</dd>
              <dt className="text-muted-foreground">{t("tipRated")}</dt>
              <dd>{info.ratedQuarter ?? t("tipNone")}</dd>
            </dl>
          )}
        </div>
      )}
    </div>
  );
}
