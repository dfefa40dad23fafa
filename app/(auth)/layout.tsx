import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="grid min-h-screen place-items-center bg-muted px-4 py-12">
      <div className="w-full max-w-md">{children}</div>
    </main>
  );
}
