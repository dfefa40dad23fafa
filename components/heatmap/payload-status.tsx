import type { ReactNode } from "react";

import { Card } from "@/components/ui/card";

/** Where a heatmap will be, while its data is on the way. */
export function PayloadLoading({ children }: { children: ReactNode }) {
  return (
    <Card as="p" className="p-6 text-sm text-muted-foreground" role="status">
      {children}
    </Card>
  );
}

export function PayloadFailed({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="text-sm text-danger">
      {children}
    </p>
  );
}
