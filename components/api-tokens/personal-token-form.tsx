"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { createPersonalTokenAction } from "@/lib/actions/api-tokens";
import type { ApiScope } from "@/lib/api/scopes";

import { NewToken } from "./new-token";
import { ScopePicker } from "./scope-picker";
import { TokenNameAndExpiry } from "./token-fields";
import { useTokenForm } from "./use-token-form";

/** /me/api: a token that acts as the person, offering only the scopes that can do something for them. */
export function PersonalTokenForm({ offered, origin }: { offered: ApiScope[]; origin: string }) {
  const t = useTranslations("apiTokens.create");
  const form = useTokenForm(["read"]);
  const { fields } = form;
  return (
    <div className="space-y-4">
      {form.created && <NewToken {...form.created} origin={origin} onDone={form.dismiss} />}
      <form
        className="space-y-4"
        aria-label={t("title")}
        onSubmit={(e) => {
          e.preventDefault();
          form.submit((common) => createPersonalTokenAction(common));
        }}
      >
        <TokenNameAndExpiry fields={fields} nameHint={t("nameHint")} />
        <ScopePicker
          offered={offered}
          selected={fields.scopes}
          onChange={fields.setScopes}
          explain="personal"
          error={fields.errorFor("scopes")}
        />
        <Button type="submit" disabled={form.pending}>
          {t("submit")}
        </Button>
      </form>
      <FormStatus message={form.message} className="min-h-5" />
    </div>
  );
}
