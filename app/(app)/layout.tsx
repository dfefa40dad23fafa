import { redirect } from "next/navigation";
import type { ReactNode } from "react";

import { AppShell } from "@/components/shell/app-shell";
import { getViewer } from "@/lib/auth/viewer";
import { getOrgSettings } from "@/lib/data/settings";

// The shell needs the viewer; each page still checks its own permission.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  // Some entries depend on org settings (members may search people only when the org allows it).
  const settings = await getOrgSettings(viewer);
  return (
    <AppShell viewer={viewer} settings={settings}>
      {children}
    </AppShell>
  );
}
