import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RadarChart } from "@/components/charts/radar-chart";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { categoryProfile, type GrowthSkill, learningPath, readinessForLevel } from "@/lib/analytics/growth";
import { viewerOrSignIn } from "@/lib/auth/page";
import { getMyRatingSheet } from "@/lib/data/rating-sheet";
import { getAppLocale } from "@/lib/i18n/app-locale";

export const metadata: Metadata = { title: "My growth" };
const fmt = (v: number | null) => (v === null ? "—" : v.toFixed(1));

export default async function GrowthPage() {
  const viewer = await viewerOrSignIn("/me/growth");
  const locale = await getAppLocale();
  const t = await getTranslations("growth");
  const tp = await getTranslations("proficiency");
  const sheet = await getMyRatingSheet(viewer, { locale });
  if (!sheet) return <p className="text-muted-foreground">{(await getTranslations("me"))("noFramework")}</p>;

  const skills: GrowthSkill[] = sheet.levels.flatMap((l) =>
    l.categories.flatMap((c) =>
      c.skills.map((s) => ({
        key: s.key,
        name: s.name,
        textEn: s.nameEn,
        categoryKey: c.key,
        levelPosition: l.position,
        self: s.self,
        validated: s.validated,
      })),
    ),
  );
  const current = sheet.levels.find((l) => l.key === sheet.currentLevelKey) ?? sheet.levels[0]!;
  const next = sheet.levels.find((l) => l.position === current.position + 1) ?? null;
  const target = sheet.levels.find((l) => l.key === sheet.targetLevelKey) ?? next ?? current;
  const readiness = next ? readinessForLevel(skills, next.position) : null;
  const categories = sheet.levels.flatMap((l) => l.categories.map((c) => ({ key: c.key, name: c.name, levelPosition: l.position })));
  const profile = categoryProfile(skills, categories, target.position);
  const path = learningPath(skills, { currentLevelPosition: current.position, transitionSteps: sheet.transitionSteps.map((s) => s.textEn) });
  const stage = next ? sheet.growthTable[current.position] : sheet.growthTable.at(-1);

  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} description={t("intro")} />
      {!sheet.currentLevelKey && <p className="text-sm text-muted-foreground">{t("noLevel")}</p>}

      <section aria-labelledby="readiness-title" className="rounded-lg border border-border bg-card p-5 shadow-sm">
        {readiness && next ? (
          <>
            <h2 id="readiness-title" className="text-lg font-semibold">
              {t("readiness", { level: next.name })}
            </h2>
            <div className="mt-3 flex items-center gap-4">
              <p className="text-4xl font-semibold tabular-nums">{Math.round(readiness.share * 100)}%</p>
              <div className="flex-1">
                <div role="progressbar" aria-labelledby="readiness-title" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(readiness.share * 100)} className="h-3 overflow-hidden rounded-full bg-muted">
                  <div className="h-full rounded-full bg-[#35b779]" style={{ width: `${readiness.share * 100}%` }} />
                </div>
                <p className="mt-1 text-sm text-muted-foreground">{t("readinessDetail", { ready: readiness.ready, total: readiness.total })}</p>
              </div>
            </div>
          </>
        ) : (
          <h2 id="readiness-title" className="text-lg font-semibold">
            {t("atTop", { level: current.name })}
          </h2>
        )}
      </section>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section aria-labelledby="radar-title" className="rounded-lg border border-border bg-card p-5 shadow-sm">
          <h2 id="radar-title" className="text-lg font-semibold">
            {t("radar")}
          </h2>
          <RadarChart
            label={t("radar")}
            axes={categories.map((c) => c.name)}
            series={[
              { key: "target", label: t("target", { level: target.name }), color: "#6b7280", dash: "4 3", values: profile.map((p) => p.target) },
              { key: "self", label: t("legendSelf"), color: "#31688e", values: profile.map((p) => p.self) },
              { key: "validated", label: t("legendValidated"), color: "#b5770a", dash: "1 3", values: profile.map((p) => p.validated) },
            ]}
          />
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-muted-foreground">{t("radarTable")}</summary>
            <table className="mt-2 w-full text-left text-xs">
              <thead className="text-muted-foreground">
                <tr>
                  <th scope="col" className="py-1 pr-2 font-medium">{t("category")}</th>
                  <th scope="col" className="py-1 pr-2 font-medium">{t("selfMean")}</th>
                  <th scope="col" className="py-1 pr-2 font-medium">{t("validatedMean")}</th>
                  <th scope="col" className="py-1 font-medium">{t("target", { level: target.name })}</th>
                </tr>
              </thead>
              <tbody>
                {profile.map((p, i) => (
                  <tr key={p.categoryKey} className="border-t border-border">
                    <th scope="row" className="py-1 pr-2 font-normal">{categories[i]!.name}</th>
                    <td className="py-1 pr-2 tabular-nums">{fmt(p.self)}</td>
                    <td className="py-1 pr-2 tabular-nums">{fmt(p.validated)}</td>
                    <td className="py-1 tabular-nums">{p.target}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </section>

        <section aria-labelledby="path-title" className="rounded-lg border border-border bg-card p-5 shadow-sm">
          <h2 id="path-title" className="text-lg font-semibold">
            {t("path")}
          </h2>
          <p className="mt-1 text-sm text-muted-foreground">{t("pathIntro")}</p>
          {stage && (
            <p className="mt-3 rounded-md bg-muted p-3 text-sm">
              {t.rich("stage", { stage: stage.stage, focus: stage.focus, b: (chunks) => <span className="font-medium">{chunks}</span> })}
            </p>
          )}
          {path.length === 0 ? (
            <p className="mt-4 text-sm text-muted-foreground">{t("pathEmpty")}</p>
          ) : (
            <ol className="mt-4 space-y-3">
              {path.map((step, i) => (
                <li key={step.key} className="flex gap-3">
                  <span className="grid h-6 w-6 shrink-0 place-items-center rounded-full bg-primary text-xs font-semibold text-primary-foreground">{i + 1}</span>
                  <div className="min-w-0">
                    <p className="text-sm">{step.name}</p>
                    <div className="mt-1 flex flex-wrap gap-1">
                      <Badge variant="outline">
                        {step.current === null ? t("unrated") : t("now", { value: `${step.current} ${tp(String(step.current) as "0")}` })}
                      </Badge>
                      {step.reasons.map((r) => (
                        <Badge key={r} variant={r === "eager" ? "strong" : "default"}>
                          {t(`reasons.${r}`, { step: (step.transitionStep ?? 0) + 1 })}
                        </Badge>
                      ))}
                    </div>
                  </div>
                </li>
              ))}
            </ol>
          )}
          <Link href="/me" className="mt-4 inline-block text-sm text-primary hover:underline">
            ← {(await getTranslations("nav"))("me")}
          </Link>
        </section>
      </div>
    </div>
  );
}
