"use client";

import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { Input } from "@/components/ui/input";
import { useActionMessage } from "@/components/ui/use-action-message";
import { saveStaffingPlanAction } from "@/lib/actions/staffing";

/** Saves the proposal of the current URL's request under a name (the server computes it again). */
export function SavePlanForm() {
  const t = useTranslations("staffing");
  const params = useSearchParams();
  const [name, setName] = useState("");
  const [pending, start] = useTransition();
  const { message, show } = useActionMessage();
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await saveStaffingPlanAction({ name, query: params.toString() });
          show(result, t("saved"), (f) => (f.fieldErrors?.name ? t("nameRequired") : t("notSaved")));
          if (result.ok) setName("");
        });
      }}
    >
      <label className="space-y-1 text-xs text-muted-foreground">
        <span className="block">{t("planName")}</span>
        <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required className="w-64" />
      </label>
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
      <FormStatus message={message} />
    </form>
  );
}
