import { getTranslations } from "next-intl/server";

import type { GrowthView } from "@/lib/analytics/growth";

/** Readiness for the next level as a share and a bar, or "at the top" on the last level. */
export async function ReadinessCard({ view }: { view: Pick<GrowthView, "readiness" | "next" | "current"> }) {
  const t = await getTranslations("growth");
  const { readiness, next } = view;
  if (!readiness || !next) {
    return (
      <section aria-labelledby="readiness-title" className="rounded-lg border border-border bg-card p-5 shadow-sm">
        <h2 id="readiness-title" className="text-lg font-semibold">
          {t("atTop", { level: view.current.name })}
        </h2>
      </section>
    );
  }
  const percent = Math.round(readiness.share * 100);
  return (
    <section aria-labelledby="readiness-title" className="rounded-lg border border-border bg-card p-5 shadow-sm">
      <h2 id="readiness-title" className="text-lg font-semibold">
        {t("readiness", { level: next.name })}
      </h2>
      <div className="mt-3 flex items-center gap-4">
        <p className="text-4xl font-semibold tabular-nums">{percent}%</p>
        <div className="flex-1">
          <div
            role="progressbar"
            aria-labelledby="readiness-title"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-3 overflow-hidden rounded-full bg-muted"
          >
            <div className="h-full rounded-full bg-[#35b779]" style={{ width: `${readiness.share * 100}%` }} />
          </div>
          <p className="mt-1 text-sm text-muted-foreground">
            {t("readinessDetail", { ready: readiness.ready, total: readiness.total })}
          </p>
        </div>
      </div>
    </section>
  );
}
