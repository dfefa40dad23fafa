import Link from "next/link";
import type { ComponentProps } from "react";

/** The quiet "← parent" link above a page's header. */
export function BackLink({ href, children }: { href: ComponentProps<typeof Link>["href"]; children: string }) {
  return (
    <Link href={href} className="text-sm text-muted-foreground hover:text-foreground">
      ← {children}
    </Link>
  );
}
