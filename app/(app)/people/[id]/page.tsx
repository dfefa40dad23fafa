import type { Metadata } from "next";

import { DeparturePanel } from "@/components/people/person/departure-panel";
import { PersonHistory, PersonInterests } from "@/components/people/person/person-activity";
import { PersonHeader } from "@/components/people/person/person-header";
import { PersonMatrix } from "@/components/people/person/person-matrix";
import { orNotFound, viewerOrSignIn } from "@/lib/auth/page";
import { getPersonPage } from "@/lib/data/person";
import { getAppLocale } from "@/lib/i18n/app-locale";

export const metadata: Metadata = { title: "Person" };
type Props = { params: Promise<{ id: string }> };

export default async function PersonPage({ params }: Props) {
  const { id } = await params;
  const viewer = await viewerOrSignIn(`/people/${encodeURIComponent(id)}`);
  const locale = await getAppLocale();
  const page = await orNotFound(getPersonPage(viewer, { id }, { locale }));
  return (
    <div className="space-y-6">
      <PersonHeader page={page} />
      {page.impact && <DeparturePanel name={page.person.name} teams={page.impact} />}
      <div className="grid gap-4 md:grid-cols-2 [&>*]:min-w-0">
        <PersonHistory recent={page.recent} />
        <PersonInterests interests={page.interests} />
      </div>
      <PersonMatrix sheet={page.sheet} />
    </div>
  );
}
