import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { matchesValidationFilter, parseValidationFilter } from "@/components/rating/validation-filter";
import { ValidationFilters } from "@/components/rating/validation-filters";
import { ValidationRow } from "@/components/rating/validation-row";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound, viewerOrSignIn } from "@/lib/auth/page";
import { getMemberRatingSheet } from "@/lib/data/rating-sheet";
import { getAppLocale } from "@/lib/i18n/app-locale";

export const metadata: Metadata = { title: "Validate ratings" };
type Props = {
  params: Promise<{ teamId: string; userId: string }>;
  searchParams: Promise<{ show?: string | string[] }>;
};

export default async function MemberValidationPage({ params, searchParams }: Props) {
  const { teamId, userId } = await params;
  const basePath = `/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(userId)}`;
  const viewer = await viewerOrSignIn(basePath);
  const filter = parseValidationFilter((await searchParams).show);
  const locale = await getAppLocale();
  const t = await getTranslations("validate");
  const sheet = await orNotFound(getMemberRatingSheet(viewer, { teamId, userId }, { locale }));
  if (!sheet) notFound();
  const skills = sheet.levels.flatMap((l) => l.categories.flatMap((c) => c.skills));
  const levels = sheet.levels
    .map((l) => ({
      ...l,
      categories: l.categories
        .map((c) => ({ ...c, skills: c.skills.filter((s) => matchesValidationFilter(s, filter)) }))
        .filter((c) => c.skills.length > 0),
    }))
    .filter((l) => l.categories.length > 0);
  return (
    <div className="space-y-6">
      <BackLink href="/teams">{t("back")}</BackLink>
      <PageHeader title={t("title", { name: sheet.member.name })} description={t("intro")} />
      <ValidationFilters skills={skills} active={filter} basePath={basePath} />
      {levels.length === 0 && (
        <p className="rounded-lg border border-dashed border-border p-8 text-center text-muted-foreground">
          {t("empty")}
        </p>
      )}
      {levels.map((l) => (
        <section key={l.key} aria-labelledby={`lvl-${l.key}`} className="space-y-3">
          <h2 id={`lvl-${l.key}`} className="text-lg font-semibold tracking-tight">
            {l.name}
          </h2>
          {l.categories.map((c) => (
            <Card key={c.key} className="overflow-hidden">
              <h3 className="border-b border-border bg-muted px-4 py-2 text-sm font-medium">{c.name}</h3>
              <ul>
                {c.skills.map((s) => (
                  <ValidationRow
                    key={`${s.key}:${s.validated?.ratedAt ?? ""}`}
                    skill={s}
                    teamId={teamId}
                    userId={userId}
                  />
                ))}
              </ul>
            </Card>
          ))}
        </section>
      ))}
    </div>
  );
}
