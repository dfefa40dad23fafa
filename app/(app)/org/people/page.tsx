import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { PeopleTable } from "@/components/people/people-table";
import { PageHeader } from "@/components/ui/page-header";
import { viewerWithCapability } from "@/lib/auth/page";
import { listUsers } from "@/lib/data/users";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const viewer = await viewerWithCapability("/org/people", "user:manage");
  const t = await getTranslations("people");
  const people = await listUsers(viewer);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <PeopleTable people={people} viewerId={viewer.id} />
    </div>
  );
}
