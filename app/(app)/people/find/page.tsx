import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { FindFilters } from "@/components/people/find/find-filters";
import { FindResults } from "@/components/people/find/find-results";
import { RequirementPicker } from "@/components/people/find/requirement-picker";
import { buttonVariants } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { orStartAfresh, viewerOrSignIn } from "@/lib/auth/page";
import { getFindPeoplePage } from "@/lib/data/people";
import { getAppLocale } from "@/lib/i18n/app-locale";
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
  const { view, badLink } = await orStartAfresh((raw) => getFindPeoplePage(viewer, raw, { locale }), query);
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
      {badLink && <Notice>{t("badLink")}</Notice>}
      <RequirementPicker
        mode="find"
        skills={view.catalogue.skills}
        capabilities={view.catalogue.capabilities}
        needs={view.requirements}
      />
      {view.requirements.length > 0 && (
        <>
          <FindFilters tokens={tokens} teams={view.teams} levels={view.catalogue.levels} values={filters} />
          <FindResults rows={view.rows} total={view.total} needs={view.requirements} mayOpen={view.mayOpen ?? []} />
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
