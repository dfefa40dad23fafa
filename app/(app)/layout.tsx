import { redirect } from "next/navigation";
import type { ReactNode } from "react";

import { AppShell } from "@/components/shell/app-shell";
import { getViewer } from "@/lib/auth/viewer";

// The shell needs the viewer; each page still checks its own permission.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  return <AppShell viewer={viewer}>{children}</AppShell>;
}
