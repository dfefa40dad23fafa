"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { changeUserRoleAction, revokeSessionsAction, setUserAccessAction } from "@/lib/actions/org";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { UserDto } from "@/lib/data/users";
import { cn } from "@/lib/utils";

const ROLES = ["admin", "manager", "member"] as const;

export function PeopleTable({ people, viewerId }: { people: UserDto[]; viewerId: string }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  const run = (fn: () => Promise<{ ok: boolean; error?: string }>, done = t("people.saved")) =>
    startTransition(async () => {
      const result = await fn();
      setMessage(result.ok ? { kind: "ok", text: done } : { kind: "error", text: result.error ?? "" });
    });

  return (
    <div className="space-y-3">
      <p role="status" aria-live="polite" className={cn("min-h-5 text-sm", message?.kind === "error" ? "text-danger" : "text-muted-foreground")}>
        {message?.text}
      </p>
      <div className="overflow-x-auto rounded-lg border border-border bg-card shadow-sm">
        <table className="w-full text-left text-sm">
          <thead className="bg-muted text-muted-foreground">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">{t("people.name")}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t("people.teams")}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t("people.role")}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t("people.status")}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => {
              const self = p.id === viewerId;
              // Their ratings and validation page, through the first team of theirs the viewer may review.
              const team = p.teams.find((x) => x.reviewable);
              return (
                <tr key={p.id} className={cn("border-t border-border", p.disabled && "bg-muted/60 text-muted-foreground")}>
                  <th scope="row" className="px-4 py-2 font-normal">
                    {team ? (
                      <Link
                        href={`/teams/${team.id}/members/${p.id}`}
                        title={t("people.openRatings", { name: p.name })}
                        className="font-medium text-foreground underline decoration-border underline-offset-4 hover:decoration-foreground"
                      >
                        {p.name}
                      </Link>
                    ) : (
                      <span className="font-medium text-foreground">{p.name}</span>
                    )}
                    {self && <span className="ml-1 text-xs text-muted-foreground">({t("people.you")})</span>}
                    <span className="block text-xs text-muted-foreground">
                      {p.email} · {p.lastSignInAt ? `${t("people.lastSignIn")} ${p.lastSignInAt.slice(0, 10)}` : t("people.neverSignedIn")}
                    </span>
                  </th>
                  <td className="px-4 py-2">
                    <div className="flex flex-wrap gap-1">
                      {p.teams.map((team) => (
                        <Badge key={team.id} variant={team.isLead ? "strong" : "outline"}>
                          {team.name}
                          {team.isLead ? ` · ${t("me.leadBadge")}` : ""}
                        </Badge>
                      ))}
                    </div>
                  </td>
                  <td className="px-4 py-2">
                    <select
                      aria-label={t("people.roleFor", { name: p.name })}
                      className="h-8 rounded-md border border-border bg-card px-2"
                      value={p.role}
                      disabled={pending || self}
                      onChange={(e) => run(() => changeUserRoleAction({ userId: p.id, role: e.target.value as (typeof ROLES)[number] }))}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`roles.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="px-4 py-2">
                    <div className="flex flex-wrap items-center gap-2">
                      <span>{p.disabled ? t("people.disabled") : t("people.active")}</span>
                      {!self && (
                        <Button
                          size="sm"
                          variant="outline"
                          disabled={pending}
                          aria-label={`${p.disabled ? t("people.enable") : t("people.disable")} ${p.name}`}
                          onClick={() => run(() => setUserAccessAction({ userId: p.id, disabled: !p.disabled }))}
                        >
                          {p.disabled ? t("people.enable") : t("people.disable")}
                        </Button>
                      )}
                      {!self && !p.disabled && p.signedIn && (
                        <Button
                          size="sm"
                          variant="outline"
                          disabled={pending}
                          aria-label={t("people.signOutEverywhereFor", { name: p.name })}
                          onClick={() => run(() => revokeSessionsAction({ userId: p.id }), t("people.signedOutEverywhere", { name: p.name }))}
                        >
                          {t("people.signOutEverywhere")}
                        </Button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
