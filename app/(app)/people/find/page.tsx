import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { FindFilters } from "@/components/people/find/find-filters";
import { FindResults } from "@/components/people/find/find-results";
import { RequirementPicker } from "@/components/people/find/requirement-picker";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound, viewerOrSignIn } from "@/lib/auth/page";
import type { Viewer } from "@/lib/auth/viewer";
import { findPeople } from "@/lib/data/people";
import { AppError } from "@/lib/errors";
import { getAppLocale } from "@/lib/i18n/app-locale";
import type { AppLocale } from "@/lib/i18n/locales";
import { canStaffProjects } from "@/lib/permissions";
import { needToken, paramsToQuery, queryWithTokens } from "@/lib/validations/people";

export const metadata: Metadata = { title: "Find people" };
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FindPeoplePage({ searchParams }: Props) {
  const viewer = await viewerOrSignIn("/people/find");
  const locale = await getAppLocale();
  const t = await getTranslations("findPeople");
  const ts = await getTranslations("staffing");
  const query = paramsToQuery(await searchParams);
  // A hand-edited or outdated link: say what is wrong and start afresh, rather than a blank page.
  const { view, badLink } = await searchOrStartAfresh(viewer, query, locale);
  const tokens = view.requirements.map(needToken);
  const filters = badLink ? {} : pickFilters(query);
  const csv = queryWithTokens(tokens, new URLSearchParams(filters));
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("intro")}>
        {canStaffProjects(viewer) && (
          <Link href="/people/staff" className={buttonVariants({ variant: "outline" })}>
            {ts("link")} →
          </Link>
        )}
        {view.rows.length > 0 && (
          <a href={`/api/people/find?${csv}`} className={buttonVariants({ variant: "outline" })} download>
            {t("exportCsv")}
          </a>
        )}
      </PageHeader>
      {badLink && (
        <p role="alert" className="rounded-lg border border-border bg-muted px-4 py-2 text-sm">
          {t("badLink")}
        </p>
      )}
      <RequirementPicker
        mode="find"
        skills={view.catalogue.skills}
        capabilities={view.catalogue.capabilities}
        needs={view.requirements}
      />
      {view.requirements.length > 0 && (
        <>
          <FindFilters tokens={tokens} teams={view.teams} levels={view.catalogue.levels} values={filters} />
          <FindResults rows={view.rows} total={view.total} needs={view.requirements} />
          <p className="text-xs text-muted-foreground">{t("scoreHelp")}</p>
        </>
      )}
    </div>
  );
}

function pickFilters(query: Record<string, string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ["team", "level", "validated", "fresh"]) if (typeof query[k] === "string") out[k] = query[k];
  return out;
}

async function searchOrStartAfresh(viewer: Viewer, query: Record<string, string | string[]>, locale: AppLocale) {
  try {
    return { view: await findPeople(viewer, query, { locale }), badLink: false };
  } catch (e) {
    // The caller was checked before the input: "invalid" means they may search, the link is wrong.
    if (e instanceof AppError && e.code === "invalid") {
      return { view: await orNotFound(findPeople(viewer, {}, { locale })), badLink: true };
    }
    return { view: await orNotFound(Promise.reject<never>(e)), badLink: false };
  }
}
