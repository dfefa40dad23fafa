import type { ReactNode } from "react";

import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";

import { Brand } from "./brand";

/** The card of the signed-out pages (sign in, refused) under the brand: a heading, a line of text, then `children`. */
export function AuthCard({ title, body, children }: { title: string; body: string; children: ReactNode }) {
  return (
    <>
      <Brand />
      <Card>
        <CardHeader>
          <h1 className="text-xl leading-snug font-semibold">{title}</h1>
          <CardDescription>{body}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">{children}</CardContent>
      </Card>
    </>
  );
}
