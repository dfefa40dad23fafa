"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { NamedOptions, Select } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useActionMessage } from "@/components/ui/use-action-message";
import {
  addTeamMemberAction,
  archiveTeamAction,
  removeTeamMemberAction,
  updateTeamAction,
  updateTeamMemberAction,
} from "@/lib/actions/teams";
import type { TeamSettingsDto } from "@/lib/data/team-admin";

type Result = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };
// The first field error says more than "Some fields are not valid."
const failText = (r: { error: string; fieldErrors?: Record<string, string[]> }) =>
  Object.values(r.fieldErrors ?? {})[0]?.[0] ?? r.error;

export function TeamSettings({ team }: { team: TeamSettingsDto }) {
  const t = useTranslations("teamAdmin");
  const router = useRouter();
  const [pending, start] = useTransition();
  const { message, setMessage, show } = useActionMessage();
  const [name, setName] = useState(team.name);
  const [description, setDescription] = useState(team.description);
  const [email, setEmail] = useState("");
  // A directory group owns this team's membership: people are added and removed in the IdP, not here.
  const byHand = !team.managedBy;

  const run = (
    fn: () => Promise<Result & { data?: unknown }>,
    okText: string,
    after?: (r: Result & { data?: unknown }) => void,
  ) =>
    start(async () => {
      const r = await fn();
      show(r, okText, failText);
      if (r.ok) {
        after?.(r);
        router.refresh();
      }
    });

  return (
    <div className="space-y-6">
      <FormStatus message={message} className="min-h-5" />
      <Card
        as="form"
        className="flex flex-wrap items-end gap-3 p-4"
        onSubmit={(e) => {
          e.preventDefault();
          run(
            () => updateTeamAction({ teamId: team.id, name, description, lockVersion: team.lockVersion }),
            t("saved"),
          );
        }}
      >
        <Field label={t("name")}>
          <Input className="w-56" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required />
        </Field>
        <Field label={t("description")} className="min-w-64 flex-1">
          <Input
            className="w-full"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            maxLength={300}
          />
        </Field>
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
        <Button
          type="button"
          variant="outline"
          disabled={pending}
          onClick={() =>
            window.confirm(t("archiveConfirm")) &&
            run(
              () => archiveTeamAction({ teamId: team.id }),
              t("saved"),
              () => router.push("/teams"),
            )
          }
        >
          {t("archive")}
        </Button>
      </Card>

      <Card as="section" aria-labelledby="members-title">
        <div className="flex flex-wrap items-end justify-between gap-3 border-b border-border p-4">
          <h2 id="members-title" className="font-semibold">
            {t("members")} ({team.members.length})
          </h2>
          {byHand && (
            <form
              className="flex items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                run(
                  () => addTeamMemberAction({ teamId: team.id, email }),
                  t("added"),
                  (r) => {
                    const data = r.data as { preProvisioned: boolean } | undefined;
                    if (data?.preProvisioned) setMessage({ ok: true, text: t("preProvisioned", { email }) });
                    setEmail("");
                  },
                );
              }}
            >
              <Field label={t("addMember")}>
                <Input
                  type="email"
                  className="w-64"
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                  required
                />
              </Field>
              <Button type="submit" disabled={pending}>
                {t("add")}
              </Button>
            </form>
          )}
        </div>
        {team.managedBy && (
          <Notice className="m-4" data-testid="team-managed-by">
            {t("managedBy", { group: team.managedBy.displayName })}
          </Notice>
        )}
        {team.members.length === 0 ? (
          byHand && <p className="p-4 text-sm text-muted-foreground">{t("noMembers")}</p>
        ) : (
          <div className="relative overflow-x-auto">
            <Table>
              <THead className="text-xs">
                <tr>
                  <Th>{t("name")}</Th>
                  <Th>{t("lead")}</Th>
                  <Th>{t("currentLevel")}</Th>
                  <Th>{t("targetLevel")}</Th>
                  {byHand && (
                    <Th>
                      <span className="sr-only">{t("remove")}</span>
                    </Th>
                  )}
                </tr>
              </THead>
              <TBody>
                {team.members.map((m) => (
                  <Tr key={m.id}>
                    <Th scope="row" className="font-normal">
                      <span className="font-medium">{m.name}</span>{" "}
                      {!m.signedIn && <Badge variant="outline">{t("invited")}</Badge>}
                      <span className="block text-xs text-muted-foreground">{m.email}</span>
                    </Th>
                    <Td>
                      <input
                        type="checkbox"
                        aria-label={t("leadFor", { name: m.name })}
                        checked={m.isLead}
                        disabled={pending}
                        onChange={(e) =>
                          run(
                            () => updateTeamMemberAction({ teamId: team.id, userId: m.id, isLead: e.target.checked }),
                            t("saved"),
                          )
                        }
                      />
                    </Td>
                    {(["currentLevelKey", "targetLevelKey"] as const).map((field) => (
                      <Td key={field}>
                        <Select
                          size="sm"
                          aria-label={t("levelFor", {
                            kind: field === "currentLevelKey" ? t("currentLevel") : t("targetLevel"),
                            name: m.name,
                          })}
                          value={m[field] ?? ""}
                          disabled={pending}
                          onChange={(e) =>
                            run(
                              () =>
                                updateTeamMemberAction({
                                  teamId: team.id,
                                  userId: m.id,
                                  [field]: e.target.value || null,
                                }),
                              t("saved"),
                            )
                          }
                        >
                          <option value="">{t("unset")}</option>
                          <NamedOptions items={team.levels} />
                        </Select>
                      </Td>
                    ))}
                    {byHand && (
                      <Td className="text-right">
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={t("removeFor", { name: m.name })}
                          disabled={pending}
                          onClick={() =>
                            run(() => removeTeamMemberAction({ teamId: team.id, userId: m.id }), t("saved"))
                          }
                        >
                          {t("remove")}
                        </Button>
                      </Td>
                    )}
                  </Tr>
                ))}
              </TBody>
            </Table>
          </div>
        )}
      </Card>
    </div>
  );
}
