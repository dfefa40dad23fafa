import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

import { controlVariants, type ControlSize } from "./input";

export function Select({ className, size, ...props }: Omit<ComponentProps<"select">, "size"> & { size?: ControlSize }) {
  return <select className={cn(controlVariants({ size }), className)} {...props} />;
}

/** One <option> per named item; its value is the item's key unless `valueFor` says otherwise. */
export function NamedOptions<T extends { key: string; name: string }>({
  items,
  valueFor = (item) => item.key,
}: {
  items: readonly T[];
  valueFor?: (item: T) => string | number;
}) {
  return items.map((item) => (
    <option key={item.key} value={valueFor(item)}>
      {item.name}
    </option>
  ));
}
