import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

/** The look every text box and drop-down shares; `size` is the control's height. */
export const controlVariants = cva("rounded-md border border-border bg-card px-2 text-foreground disabled:opacity-50", {
  variants: {
    size: { default: "h-9 text-sm", sm: "h-8 text-sm", xs: "h-7 text-xs" },
  },
  defaultVariants: { size: "default" },
});

export type ControlSize = VariantProps<typeof controlVariants>["size"];

export function Input({ className, size, ...props }: Omit<ComponentProps<"input">, "size"> & { size?: ControlSize }) {
  return <input className={cn(controlVariants({ size }), className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  const look = "w-full rounded-md border border-border bg-card p-2 text-foreground";
  return <textarea className={cn(look, className)} {...props} />;
}
