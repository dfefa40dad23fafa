import { redirect } from "next/navigation";

import { viewerOrSignIn } from "@/lib/auth/page";
import { HOME_BY_ROLE } from "@/lib/permissions";

// Everyone starts where they work: members at their self-rating, managers at
// their teams, admins at the organisation.
export default async function HomePage() {
  const viewer = await viewerOrSignIn("/");
  redirect(HOME_BY_ROLE[viewer.role]);
}
