"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { cn } from "@/lib/utils";

import { activeHref } from "./nav-active";

export type ShellNavItem = { href: string; label: string };

/** The inline navigation of wide screens; phones get the same links from <MobileNav>. */
export function NavLinks({ items, label, className }: { items: ShellNavItem[]; label: string; className?: string }) {
  const active = activeHref(
    usePathname(),
    items.map((i) => i.href),
  );
  return (
    <nav aria-label={label} className={cn("items-center gap-1", className)}>
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.href === active ? "page" : undefined}
          className={cn(
            "rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap text-muted-foreground transition-colors hover:bg-muted hover:text-foreground",
            item.href === active && "bg-accent text-accent-foreground",
          )}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
