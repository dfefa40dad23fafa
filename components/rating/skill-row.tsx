import type { ReactNode } from "react";

import { cn } from "@/lib/utils";

/**
 * A skill's row in a rating list (self-rating sheet, lead validation): its name, which labels the row, with what is
 * known about it underneath (`children`), and the controls beside it on wide screens (`controls`, in `columns`).
 */
export function SkillRow({
  headingId,
  name,
  className,
  children,
  controls,
}: {
  headingId: string;
  name: string;
  /** Gap and grid columns of the row. */
  className: string;
  children: ReactNode;
  controls: ReactNode;
}) {
  return (
    <li className={cn("grid border-t border-border px-4 py-3 first:border-t-0", className)} aria-labelledby={headingId}>
      <div className="min-w-0 space-y-1">
        <p id={headingId} className="text-sm font-medium">
          {name}
        </p>
        {children}
      </div>
      {controls}
    </li>
  );
}
