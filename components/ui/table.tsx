import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

import { Card } from "./card";

/** The card a wide table scrolls inside, sideways on a phone. */
export function TableCard({ className, ...props }: ComponentProps<"div">) {
  return <Card className={cn("overflow-x-auto", className)} {...props} />;
}

export function Table({ className, ...props }: ComponentProps<"table">) {
  return <table className={cn("w-full text-left text-sm", className)} {...props} />;
}

/** Column headings: a muted band in a card table, small muted text in a `plain` one (inside a card of its own). */
export function THead({ className, plain = false, ...props }: ComponentProps<"thead"> & { plain?: boolean }) {
  const look = plain ? "text-xs text-muted-foreground" : "bg-muted text-muted-foreground";
  return <thead className={cn(look, className)} {...props} />;
}

export function TBody(props: ComponentProps<"tbody">) {
  return <tbody {...props} />;
}

export function Tr({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("border-t border-border", className)} {...props} />;
}

// A `plain` table's cells sit flush left under the card's title, with room between columns.
const cell = (plain: boolean) => (plain ? "py-1.5 pe-3" : "px-4 py-2");

/** A heading cell: a column's (the default) or, with scope="row", a row's. */
export function Th({ className, plain = false, scope = "col", ...props }: ComponentProps<"th"> & { plain?: boolean }) {
  return <th scope={scope} className={cn(cell(plain), "font-medium", className)} {...props} />;
}

export function Td({ className, plain = false, ...props }: ComponentProps<"td"> & { plain?: boolean }) {
  return <td className={cn(cell(plain), className)} {...props} />;
}
