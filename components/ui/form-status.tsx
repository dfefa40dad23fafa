import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

import type { ActionMessage } from "./use-action-message";

/**
 * Where a form's outcome is announced (a polite live region, so it is always
 * in the page): muted when it went through, red when it did not.
 */
export function FormStatus({
  message,
  className,
  as: Tag = "p",
  ...props
}: ComponentProps<"p"> & {
  message: ActionMessage | null;
  as?: "p" | "span";
}) {
  return (
    <Tag
      role="status"
      aria-live="polite"
      className={cn("text-sm", message?.ok === false ? "text-danger" : "text-muted-foreground", className)}
      {...props}
    >
      {message?.text}
    </Tag>
  );
}
