import type { ComponentProps, ReactNode } from "react";

import { cn } from "@/lib/utils";

import { Card } from "./card";

/** A card section named by its heading (aria-labelledby `titleId`), with an optional line under the heading. */
type SectionProps = ComponentProps<"section"> & {
  title: ReactNode;
  titleId: string;
  titleClassName?: string;
  description?: ReactNode;
};

export function Section({ title, titleId, titleClassName, description, className, children, ...props }: SectionProps) {
  const heading = (
    <h2 id={titleId} className={cn("font-semibold", titleClassName)}>
      {title}
    </h2>
  );
  return (
    <Card as="section" aria-labelledby={titleId} className={cn("p-4", className)} {...props}>
      {description ? (
        <div>
          {heading}
          <p className="text-xs text-muted-foreground">{description}</p>
        </div>
      ) : (
        heading
      )}
      {children}
    </Card>
  );
}
