"use client";

import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type VisibilityState,
} from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { cellGlyph } from "@/lib/charts/colors";
import type { HeatmapDto } from "@/lib/data/heatmap";

import { personName, type Model } from "./model";

type Row = { row: number; name: string; team: string; values: number[] };

/** The heatmap's numbers as a table: the accessible alternative to the chart. */
export function HeatmapTable({ dto, model }: { dto: HeatmapDto; model: Model }) {
  const t = useTranslations("heatmap");
  const skills = useMemo(() => model.columns.flatMap((c) => (c.kind === "skill" ? [c.skill] : [])), [model.columns]);
  const data = useMemo<Row[]>(
    () =>
      model.rows.map((row) => ({
        row,
        name: personName(dto.members[row]!, t("leftSuffix")),
        team: dto.members[row]!.teamName,
        values: skills.map((s) => model.values[row * dto.skills.length + s]!),
      })),
    [model.rows, model.values, skills, dto, t],
  );
  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      { id: "name", accessorKey: "name", header: t("person"), enableHiding: false },
      ...(dto.scope.kind === "org" ? [{ id: "team", accessorKey: "team", header: t("team") } as ColumnDef<Row>] : []),
      ...skills.map((s, i): ColumnDef<Row> => ({
        id: dto.skills[s]!.key,
        accessorFn: (r) => r.values[i],
        header: dto.skills[s]!.name,
        meta: { category: dto.skills[s]!.categoryIndex },
        sortDescFirst: true,
        cell: (ctx) => cellGlyph(ctx.getValue() as number) || "·",
      })),
    ],
    [dto, skills, t],
  );
  const [sorting, setSorting] = useState<SortingState>([]);
  const [globalFilter, setGlobalFilter] = useState("");
  const [visibility, setVisibility] = useState<VisibilityState>({});
  // TanStack Table's API is not memoizable by the React Compiler; this component opts out.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter, columnVisibility: visibility },
    onSortingChange: setSorting,
    onGlobalFilterChange: setGlobalFilter,
    onColumnVisibilityChange: setVisibility,
    globalFilterFn: (row, _id, value: string) =>
      `${row.original.name} ${row.original.team}`.toLowerCase().includes(value.toLowerCase()),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageSize: 50 } },
  });
  const categoriesShown = [...new Set(skills.map((s) => dto.skills[s]!.categoryIndex))];
  const setCategory = (category: number, visible: boolean) =>
    setVisibility((v) => ({
      ...v,
      ...Object.fromEntries(
        skills.filter((s) => dto.skills[s]!.categoryIndex === category).map((s) => [dto.skills[s]!.key, visible]),
      ),
    }));

  return (
    <section aria-labelledby="table-title" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="table-title" className="font-semibold">
            {t("viewTable")}
          </h2>
          <p className="text-xs text-muted-foreground">{t("tableHint")}</p>
        </div>
        <Input
          size="sm"
          className="w-56"
          placeholder={t("memberPlaceholder")}
          aria-label={t("memberPlaceholder")}
          value={globalFilter}
          onChange={(e) => setGlobalFilter(e.target.value)}
        />
      </div>
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
        <legend className="mb-1 font-medium text-muted-foreground">{t("columns")}</legend>
        {categoriesShown.map((c) => {
          const keys = skills.filter((s) => dto.skills[s]!.categoryIndex === c).map((s) => dto.skills[s]!.key);
          const checked = keys.some((k) => visibility[k] !== false);
          return (
            <label key={c} className="flex items-center gap-1.5">
              <input type="checkbox" checked={checked} onChange={(e) => setCategory(c, e.target.checked)} />
              {dto.categories[c]!.name}
            </label>
          );
        })}
      </fieldset>
      <Card className="max-h-[70vh] overflow-auto">
        <table className="border-separate border-spacing-0 text-xs">
          <thead className="sticky top-0 z-20 bg-muted">
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h, i) => {
                  const sorted = h.column.getIsSorted();
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                      className={`border-b border-border px-2 py-2 text-left align-bottom font-medium ${i === 0 ? "sticky left-0 z-10 min-w-40 bg-muted" : "max-w-28 min-w-16"}`}
                    >
                      <button
                        type="button"
                        className="line-clamp-3 text-left hover:underline"
                        title={String(h.column.columnDef.header)}
                        onClick={h.column.getToggleSortingHandler()}
                      >
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((r) => (
              <tr key={r.id} className="hover:bg-muted/50">
                {r.getVisibleCells().map((c, i) =>
                  i === 0 ? (
                    <th
                      key={c.id}
                      scope="row"
                      className="sticky left-0 z-10 border-b border-border bg-card px-2 py-1.5 text-left font-normal"
                    >
                      {flexRender(c.column.columnDef.cell, c.getContext())}
                    </th>
                  ) : (
                    <td key={c.id} className="border-b border-border px-2 py-1.5 text-center tabular-nums">
                      {flexRender(c.column.columnDef.cell, c.getContext())}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {table.getRowModel().rows.length === 0 && <p className="p-4 text-sm text-muted-foreground">{t("noRows")}</p>}
      </Card>
      {table.getPageCount() > 1 && (
        <div className="flex items-center gap-2 text-xs">
          <Button
            size="sm"
            variant="outline"
            onClick={() => table.previousPage()}
            disabled={!table.getCanPreviousPage()}
          >
            ←
          </Button>
          <span className="tabular-nums">
            {table.getState().pagination.pageIndex + 1} / {table.getPageCount()}
          </span>
          <Button size="sm" variant="outline" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            →
          </Button>
        </div>
      )}
    </section>
  );
}
