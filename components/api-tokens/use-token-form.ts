"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { useActionMessage } from "@/components/ui/use-action-message";
import type { ActionResult } from "@/lib/actions/result";
import { MAX_TOKEN_DAYS, type ApiScope } from "@/lib/api/scopes";
import { DEFAULT_TOKEN_DAYS } from "@/lib/validations/api-tokens";

/** The fields the data layer may name in its refusal; each has its own message in the reader's language. */
export type TokenField = "name" | "scopes" | "expiresInDays" | "teamIds";
const FIELDS: TokenField[] = ["name", "scopes", "expiresInDays", "teamIds"];

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/** Which field a refusal is about ("teamIds.0" is the team list). */
function fieldsOf(failure: Failure): TokenField[] {
  const keys = Object.keys(failure.fieldErrors ?? {}).map((k) => k.split(".")[0]);
  return FIELDS.filter((f) => keys.includes(f));
}

/**
 * What both token forms share: name, scopes and expiry, the submit with its
 * outcome worded in the reader's language (the data layer's messages are
 * English), and the new token, held only until the person says they copied it.
 */
export function useTokenForm(initialScopes: ApiScope[]) {
  const t = useTranslations("apiTokens");
  const router = useRouter();
  const [pending, start] = useTransition();
  const { message, show } = useActionMessage();
  const [name, setName] = useState("");
  const [days, setDays] = useState(String(DEFAULT_TOKEN_DAYS));
  const [scopes, setScopes] = useState<ApiScope[]>(initialScopes);
  const [errors, setErrors] = useState<TokenField[]>([]);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);

  const errorText = (field: TokenField) => t(`errors.${field}`, { max: MAX_TOKEN_DAYS });
  const failText = (failure: Failure) => {
    const [field] = fieldsOf(failure);
    if (field) return errorText(field);
    return t(failure.code === "unauthenticated" ? "errors.signedOut" : "errors.other");
  };

  const submit = (
    send: (common: {
      name: string;
      scopes: ApiScope[];
      expiresInDays: number | null;
    }) => Promise<ActionResult<{ token: string }>>,
  ) =>
    start(async () => {
      const r = await send({ name, scopes, expiresInDays: days.trim() === "" ? null : Number(days) });
      show(r, t("create.created"), failText);
      setErrors(r.ok ? [] : fieldsOf(r));
      if (!r.ok) return;
      setCreated({ name, token: r.data.token });
      setName("");
      setDays(String(DEFAULT_TOKEN_DAYS));
      setScopes(initialScopes);
      router.refresh();
    });

  const errorFor = (field: TokenField) => (errors.includes(field) ? errorText(field) : undefined);
  return {
    fields: { name, setName, days, setDays, scopes, setScopes, errorFor },
    pending,
    message,
    created,
    dismiss: () => setCreated(null),
    submit,
  };
}
