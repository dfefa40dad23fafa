import { interpolateBrBG, scaleDiverging } from "d3";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { textColorOn } from "@/lib/charts/colors";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound, viewerOrSignIn } from "@/lib/auth/page";
import { getTeamTrends } from "@/lib/data/trends";
import { getAppLocale } from "@/lib/i18n/app-locale";

export const metadata: Metadata = { title: "Trends" };
type Props = { params: Promise<{ teamId: string }> };

const color = scaleDiverging(interpolateBrBG).domain([-2, 0, 2]).clamp(true);
const signed = (v: number) => `${v > 0 ? "+" : ""}${v.toFixed(1)}`;

export default async function TrendsPage({ params }: Props) {
  const { teamId } = await params;
  const viewer = await viewerOrSignIn(`/teams/${encodeURIComponent(teamId)}/trends`);
  const locale = await getAppLocale();
  const t = await getTranslations("trends");
  const trends = await orNotFound(getTeamTrends(viewer, { teamId }, { locale }));
  const [prev, last] = trends.quarters.slice(-2);
  const cw = 44;
  const ch = 24;
  const label = 150;
  const header = 150;
  return (
    <div className="space-y-6">
      <Link href={`/teams/${trends.team.id}`} className="text-sm text-muted-foreground hover:text-foreground">
        ← {trends.team.name}
      </Link>
      <PageHeader title={t("title", { team: trends.team.name })} description={t("intro")} />
      <section aria-labelledby="delta-title" className="rounded-lg border border-border bg-card p-5 shadow-sm">
        <h2 id="delta-title" className="font-semibold">{t("delta", { from: prev!, to: last! })}</h2>
        <p className="text-xs text-muted-foreground">{t("deltaHint")}</p>
        <div className="mt-2 overflow-x-auto">
          <svg width={label + trends.categories.length * cw + 40} height={header + trends.members.length * ch} role="img" aria-label={t("delta", { from: prev!, to: last! })}>
            {trends.categories.map((c, j) => (
              <text key={c} transform={`translate(${label + j * cw + cw / 2},${header - 4}) rotate(-50)`} className="fill-current text-[10px]">
                {c.length > 26 ? `${c.slice(0, 25)}…` : c}
              </text>
            ))}
            {trends.members.map((m, i) => (
              <g key={`${m}-${i}`} transform={`translate(0,${header + i * ch})`}>
                <text x={label - 6} y={ch / 2 + 4} textAnchor="end" className="fill-current text-[11px]">{m}</text>
                {trends.categories.map((c, j) => {
                  const v = trends.delta[i * trends.categories.length + j] ?? null;
                  const fill = v === null ? "#ffffff" : color(v);
                  return (
                    <g key={c} transform={`translate(${label + j * cw},0)`}>
                      <title>{`${m} · ${c}: ${v === null ? "—" : signed(v)}`}</title>
                      <rect x={1} y={1} width={cw - 2} height={ch - 2} rx={3} fill={fill} stroke={v === null ? "#e5e7eb" : "none"} />
                      {v !== null && v !== 0 && (
                        <text x={cw / 2} y={ch / 2 + 4} textAnchor="middle" fill={textColorOn(fill)} className="text-[10px] tabular-nums">
                          {signed(v)}
                        </text>
                      )}
                    </g>
                  );
                })}
              </g>
            ))}
          </svg>
        </div>
        <p className="mt-2 flex items-center gap-2 text-xs text-muted-foreground">
          {[-2, -1, 0, 1, 2].map((v) => (
            <span key={v} className="grid h-5 w-9 place-items-center rounded tabular-nums" style={{ background: color(v), color: textColorOn(color(v)) }}>
              {v > 0 ? `+${v}` : v}
            </span>
          ))}
          {t("legend")}
        </p>
      </section>
      <section aria-labelledby="ready-title" className="rounded-lg border border-border bg-card p-5 shadow-sm">
        <h2 id="ready-title" className="font-semibold">{t("readiness")}</h2>
        <table className="mt-2 text-left text-sm">
          <thead className="text-xs text-muted-foreground">
            <tr>
              <th scope="col" className="pr-6">{t("member")}</th>
              {trends.quarters.map((q) => (
                <th key={q} scope="col" className="pr-4">{q}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trends.members.map((m, i) => (
              <tr key={`${m}-${i}`} className="border-t border-border">
                <th scope="row" className="pr-6 font-normal">{m}</th>
                {trends.readiness[i]!.map((v, q) => (
                  <td key={q} className="pr-4 tabular-nums">
                    {v === null ? "—" : `${Math.round(v * 100)}%`}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-xs text-muted-foreground">{t("coverageLink")} <Link className="text-primary hover:underline" href={`/teams/${trends.team.id}/vision`}>→</Link></p>
      </section>
    </div>
  );
}
