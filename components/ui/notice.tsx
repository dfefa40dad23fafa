import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

/** A muted band that tells the reader something about the page itself (announced as it appears). */
export function Notice({ className, ...props }: ComponentProps<"p">) {
  return (
    <p
      role="alert"
      className={cn("rounded-lg border border-border bg-muted px-4 py-2 text-sm", className)}
      {...props}
    />
  );
}
