import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslations } from "next-intl/server";
import { PeopleTable } from "@/components/people/people-table";
import { viewerOrSignIn } from "@/lib/auth/page";
import { listUsers } from "@/lib/data/users";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const viewer = await viewerOrSignIn("/org/people");
  if (!can(viewer, "user:manage")) notFound();
  const t = await getTranslations("people");
  const people = await listUsers(viewer);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <PeopleTable people={people} viewerId={viewer.id} />
    </div>
  );
}
