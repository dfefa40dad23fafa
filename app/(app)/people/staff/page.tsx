import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { RequirementPicker } from "@/components/people/find/requirement-picker";
import { ProposalCard } from "@/components/people/staff/proposal-card";
import { SavePlanForm } from "@/components/people/staff/save-plan-form";
import { SavedPlans } from "@/components/people/staff/saved-plans";
import { StaffOptions } from "@/components/people/staff/staff-options";
import { buttonVariants } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { orStartAfresh, viewerOrSignIn } from "@/lib/auth/page";
import { listStaffingPlans, proposeProjectStaffing, staffingQueryString } from "@/lib/data/staffing";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { needToken, paramsToQuery } from "@/lib/validations/people";

export const metadata: Metadata = { title: "Staff a project" };
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StaffProjectPage({ searchParams }: Props) {
  const viewer = await viewerOrSignIn("/people/staff");
  const locale = await getAppLocale();
  const t = await getTranslations("staffing");
  const { view, badLink } = await orStartAfresh(
    (raw) => proposeProjectStaffing(viewer, raw, { locale }),
    paramsToQuery(await searchParams),
  );
  const plans = await listStaffingPlans(viewer);
  const tokens = view.requirements.map(needToken);
  const result = view.result;
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("intro")}>
        {result && (
          <a
            href={`/api/people/staff?${staffingQueryString(view.query)}`}
            className={buttonVariants({ variant: "outline" })}
            download
          >
            {t("exportCsv")}
          </a>
        )}
      </PageHeader>
      {badLink && <Notice>{t("badLink")}</Notice>}
      <RequirementPicker
        mode="staff"
        skills={view.catalogue.skills}
        capabilities={view.catalogue.capabilities}
        needs={view.requirements}
      />
      {result && (
        <>
          <StaffOptions
            tokens={tokens}
            teams={view.teams}
            exclude={view.query.exclude}
            max={view.query.max}
            allowHarm={view.query.harm === "1"}
          />
          <ProposalCard
            proposal={result.proposal}
            title={view.query.harm === "1" ? t("proposal") : t("proposalNoHarm")}
            titleId="proposal"
            testId="proposal"
          />
          {result.withHarm && (
            <ProposalCard
              proposal={result.withHarm}
              title={t("withHarmTitle")}
              titleId="proposal-with-harm"
              testId="proposal-with-harm"
            />
          )}
          <Section title={t("saveTitle")} titleId="save-plan" description={t("saveHint")} className="space-y-3">
            <SavePlanForm />
          </Section>
        </>
      )}
      <SavedPlans plans={plans} />
      <p className="text-xs text-muted-foreground">{t("howItWorks")}</p>
    </div>
  );
}
