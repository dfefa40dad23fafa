import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

import { controlVariants, type ControlSize } from "./input";

export function Select({ className, size, ...props }: Omit<ComponentProps<"select">, "size"> & { size?: ControlSize }) {
  return <select className={cn(controlVariants({ size }), className)} {...props} />;
}
