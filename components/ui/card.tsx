import type { ComponentProps, ElementType } from "react";

import { cn } from "@/lib/utils";

type CardElement = "div" | "section" | "form" | "li" | "p";

/** A bordered card; `as` renders it as another element (a section, a form, a list item…). */
export function Card<T extends CardElement = "div">({ as, className, ...props }: { as?: T } & ComponentProps<T>) {
  // Each element takes its own props (a form's method…): too wide a union for TypeScript to check here.
  const Comp = (as ?? "div") as ElementType;
  return <Comp className={cn("rounded-lg border border-border bg-card shadow-sm", className)} {...(props as object)} />;
}

export function CardHeader({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("flex flex-col gap-1 p-5 pb-3", className)} {...props} />;
}

export function CardTitle({ className, ...props }: ComponentProps<"h3">) {
  return <h3 className={cn("text-base leading-snug font-semibold", className)} {...props} />;
}

export function CardDescription({ className, ...props }: ComponentProps<"p">) {
  return <p className={cn("text-sm text-muted-foreground", className)} {...props} />;
}

export function CardContent({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("p-5 pt-0", className)} {...props} />;
}
