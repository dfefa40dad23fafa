"use client";

import { useTranslations } from "next-intl";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { MAX_TOKEN_DAYS } from "@/lib/api/scopes";

import type { useTokenForm } from "./use-token-form";

type Fields = ReturnType<typeof useTokenForm>["fields"];

/** The name and the expiry, the same on both token forms. */
export function TokenNameAndExpiry({ fields, nameHint }: { fields: Fields; nameHint: string }) {
  const t = useTranslations("apiTokens.create");
  return (
    <div className="flex flex-wrap items-start gap-3">
      <Field label={t("name")} hint={nameHint} error={fields.errorFor("name")} className="min-w-56 flex-1 sm:flex-none">
        <Input
          className="w-full sm:w-64"
          value={fields.name}
          onChange={(e) => fields.setName(e.target.value)}
          maxLength={80}
          required
        />
      </Field>
      <Field
        label={t("expiresInDays")}
        hint={t("expiresHint", { max: MAX_TOKEN_DAYS })}
        error={fields.errorFor("expiresInDays")}
        className="w-56"
      >
        <Input
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_TOKEN_DAYS}
          step={1}
          className="w-32"
          value={fields.days}
          onChange={(e) => fields.setDays(e.target.value)}
        />
      </Field>
    </div>
  );
}
