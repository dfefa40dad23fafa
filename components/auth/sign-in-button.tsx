"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

import { Button } from "@/components/ui/button";

export function SignInButton({
  providerId,
  label,
  callbackUrl,
}: {
  providerId: string;
  label: string;
  callbackUrl: string;
}) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      className="w-full"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn(providerId, { callbackUrl }).finally(() => setPending(false));
      }}
    >
      {label}
    </Button>
  );
}
