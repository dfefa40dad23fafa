"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useTransition } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { Select } from "@/components/ui/select";
import { Table, TableCard, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useActionMessage } from "@/components/ui/use-action-message";
import { changeUserRoleAction, revokeSessionsAction, setUserAccessAction } from "@/lib/actions/org";
import type { UserDto } from "@/lib/data/users";
import { cn } from "@/lib/utils";

const ROLES = ["admin", "manager", "member"] as const;

export function PeopleTable({ people, viewerId }: { people: UserDto[]; viewerId: string }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const { message, show } = useActionMessage();

  const run = (fn: () => Promise<{ ok: true } | { ok: false; error: string }>, done = t("people.saved")) =>
    startTransition(async () => show(await fn(), done));

  return (
    <div className="space-y-3">
      <FormStatus message={message} className="min-h-5" />
      <TableCard>
        <Table>
          <THead>
            <tr>
              <Th>{t("people.name")}</Th>
              <Th>{t("people.teams")}</Th>
              <Th>{t("people.role")}</Th>
              <Th>{t("people.status")}</Th>
            </tr>
          </THead>
          <TBody>
            {people.map((p) => {
              const self = p.id === viewerId;
              return (
                <Tr key={p.id} className={cn(p.disabled && "bg-muted/60 text-muted-foreground")}>
                  <Th scope="row" className="font-normal">
                    {/* Their person page (which links on to validation); a disabled person has none. */}
                    {!p.disabled ? (
                      <Link
                        href={`/people/${p.id}`}
                        title={t("person.open", { name: p.name })}
                        className="font-medium text-foreground underline decoration-border underline-offset-4 hover:decoration-foreground"
                      >
                        {p.name}
                      </Link>
                    ) : (
                      <span className="font-medium text-foreground">{p.name}</span>
                    )}
                    {self && <span className="ml-1 text-xs text-muted-foreground">({t("people.you")})</span>}
                    <span className="block text-xs text-muted-foreground">
                      {p.email} ·{" "}
                      {p.lastSignInAt
                        ? `${t("people.lastSignIn")} ${p.lastSignInAt.slice(0, 10)}`
                        : t("people.neverSignedIn")}
                    </span>
                  </Th>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      {p.teams.map((team) => (
                        <Badge key={team.id} variant={team.isLead ? "strong" : "outline"}>
                          {team.name}
                          {team.isLead ? ` · ${t("me.leadBadge")}` : ""}
                        </Badge>
                      ))}
                    </div>
                  </Td>
                  <Td>
                    <Select
                      size="sm"
                      aria-label={t("people.roleFor", { name: p.name })}
                      value={p.role}
                      disabled={pending || self}
                      onChange={(e) =>
                        run(() =>
                          changeUserRoleAction({ userId: p.id, role: e.target.value as (typeof ROLES)[number] }),
                        )
                      }
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`roles.${r}`)}
                        </option>
                      ))}
                    </Select>
                  </Td>
                  <Td>
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
                          onClick={() =>
                            run(
                              () => revokeSessionsAction({ userId: p.id }),
                              t("people.signedOutEverywhere", { name: p.name }),
                            )
                          }
                        >
                          {t("people.signOutEverywhere")}
                        </Button>
                      )}
                    </div>
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      </TableCard>
    </div>
  );
}
