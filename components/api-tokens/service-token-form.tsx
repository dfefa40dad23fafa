"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { createServiceTokenAction } from "@/lib/actions/api-tokens";
import { usableServiceScopes } from "@/lib/validations/api-tokens";

import { NewToken } from "./new-token";
import { ScopePicker } from "./scope-picker";
import { TokenNameAndExpiry } from "./token-fields";
import { useTokenForm } from "./use-token-form";

type Team = { id: string; name: string };

/** /org/api: a token for another system, acting for the whole org or, as their lead, for chosen teams. */
export function ServiceTokenForm({ teams, origin }: { teams: Team[]; origin: string }) {
  const t = useTranslations("apiTokens.create");
  const id = useId();
  const form = useTokenForm(["read"]);
  const { fields } = form;
  const [wholeOrg, setWholeOrg] = useState(true);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  // On some teams the token is a lead there, never an admin: the admin scope is not offered.
  const offered = usableServiceScopes(wholeOrg ? null : teamIds);
  const teamsError = fields.errorFor("teamIds");

  const chooseReach = (org: boolean) => {
    setWholeOrg(org);
    if (!org) fields.setScopes(fields.scopes.filter((s) => s !== "admin"));
  };
  const toggleTeam = (teamId: string, on: boolean) =>
    setTeamIds(teams.filter((x) => (x.id === teamId ? on : teamIds.includes(x.id))).map((x) => x.id));

  return (
    <div className="space-y-4">
      {form.created && <NewToken {...form.created} origin={origin} onDone={form.dismiss} />}
      <form
        className="space-y-4"
        aria-label={t("title")}
        onSubmit={(e) => {
          e.preventDefault();
          form.submit((common) => createServiceTokenAction({ ...common, teamIds: wholeOrg ? null : teamIds }));
        }}
      >
        <TokenNameAndExpiry fields={fields} nameHint={t("serviceNameHint")} />
        <fieldset className="space-y-2" aria-describedby={teamsError ? `${id}-error` : undefined}>
          <legend className="mb-1 text-xs text-muted-foreground">{t("reach")}</legend>
          {[true, false].map((org) => (
            <label key={String(org)} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={`${id}-reach`}
                className="size-4 accent-primary"
                checked={wholeOrg === org}
                onChange={() => chooseReach(org)}
              />
              {t(org ? "wholeOrg" : "someTeams")}
            </label>
          ))}
          {!wholeOrg && (
            <fieldset className="ms-6 grid gap-1 sm:grid-cols-2">
              <legend className="sr-only">{t("teams")}</legend>
              {teams.map((team) => (
                <label key={team.id} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-4 shrink-0 accent-primary"
                    checked={teamIds.includes(team.id)}
                    onChange={(e) => toggleTeam(team.id, e.target.checked)}
                  />
                  <span className="min-w-0 break-words">{team.name}</span>
                </label>
              ))}
            </fieldset>
          )}
          {teamsError && (
            <p id={`${id}-error`} role="alert" className="text-xs text-danger">
              {teamsError}
            </p>
          )}
        </fieldset>
        <ScopePicker
          offered={offered}
          selected={fields.scopes}
          onChange={fields.setScopes}
          explain="service"
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
