"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { addTeamMemberAction, archiveTeamAction, removeTeamMemberAction, updateTeamAction, updateTeamMemberAction } from "@/lib/actions/teams";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { TeamSettingsDto } from "@/lib/data/team-admin";

type Result = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };
const input = "h-9 rounded-md border border-border bg-card px-2 text-sm";

export function TeamSettings({ team }: { team: TeamSettingsDto }) {
  const t = useTranslations("teamAdmin");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [name, setName] = useState(team.name);
  const [description, setDescription] = useState(team.description);
  const [email, setEmail] = useState("");

  const run = (fn: () => Promise<Result & { data?: unknown }>, okText: string, after?: (r: Result & { data?: unknown }) => void) =>
    start(async () => {
      const r = await fn();
      setMessage(r.ok ? { ok: true, text: okText } : { ok: false, text: Object.values(r.fieldErrors ?? {})[0]?.[0] ?? r.error });
      if (r.ok) {
        after?.(r);
        router.refresh();
      }
    });

  return (
    <div className="space-y-6">
      <p role="status" aria-live="polite" className={`min-h-5 text-sm ${message?.ok === false ? "text-danger" : "text-muted-foreground"}`}>
        {message?.text}
      </p>
      <form
        className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-card p-4 shadow-sm"
        onSubmit={(e) => {
          e.preventDefault();
          run(() => updateTeamAction({ teamId: team.id, name, description, lockVersion: team.lockVersion }), t("saved"));
        }}
      >
        <label className="space-y-1 text-xs text-muted-foreground">
          <span className="block">{t("name")}</span>
          <input className={`${input} w-56 text-foreground`} value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required />
        </label>
        <label className="min-w-64 flex-1 space-y-1 text-xs text-muted-foreground">
          <span className="block">{t("description")}</span>
          <input className={`${input} w-full text-foreground`} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={300} />
        </label>
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
        <Button
          type="button"
          variant="outline"
          disabled={pending}
          onClick={() => window.confirm(t("archiveConfirm")) && run(() => archiveTeamAction({ teamId: team.id }), t("saved"), () => router.push("/teams"))}
        >
          {t("archive")}
        </Button>
      </form>

      <section aria-labelledby="members-title" className="rounded-lg border border-border bg-card shadow-sm">
        <div className="flex flex-wrap items-end justify-between gap-3 border-b border-border p-4">
          <h2 id="members-title" className="font-semibold">
            {t("members")} ({team.members.length})
          </h2>
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
            <label className="space-y-1 text-xs text-muted-foreground">
              <span className="block">{t("addMember")}</span>
              <input type="email" className={`${input} w-64 text-foreground`} value={email} onChange={(e) => setEmail(e.target.value)} required />
            </label>
            <Button type="submit" disabled={pending}>
              {t("add")}
            </Button>
          </form>
        </div>
        <table className="w-full text-left text-sm">
          <thead className="bg-muted text-xs text-muted-foreground">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">{t("name")}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t("lead")}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t("currentLevel")}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t("targetLevel")}</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">{t("remove")}</span></th>
            </tr>
          </thead>
          <tbody>
            {team.members.map((m) => (
              <tr key={m.id} className="border-t border-border">
                <th scope="row" className="px-4 py-2 font-normal">
                  <span className="font-medium">{m.name}</span> {!m.signedIn && <Badge variant="outline">invited</Badge>}
                  <span className="block text-xs text-muted-foreground">{m.email}</span>
                </th>
                <td className="px-4 py-2">
                  <input
                    type="checkbox"
                    aria-label={t("leadFor", { name: m.name })}
                    checked={m.isLead}
                    disabled={pending}
                    onChange={(e) => run(() => updateTeamMemberAction({ teamId: team.id, userId: m.id, isLead: e.target.checked }), t("saved"))}
                  />
                </td>
                {(["currentLevelKey", "targetLevelKey"] as const).map((field) => (
                  <td key={field} className="px-4 py-2">
                    <select
                      className={`${input} h-8`}
                      aria-label={t("levelFor", { kind: field === "currentLevelKey" ? t("currentLevel") : t("targetLevel"), name: m.name })}
                      value={m[field] ?? ""}
                      disabled={pending}
                      onChange={(e) => run(() => updateTeamMemberAction({ teamId: team.id, userId: m.id, [field]: e.target.value || null }), t("saved"))}
                    >
                      <option value="">{t("unset")}</option>
                      {team.levels.map((l) => (
                        <option key={l.key} value={l.key}>
                          {l.name}
                        </option>
                      ))}
                    </select>
                  </td>
                ))}
                <td className="px-4 py-2 text-right">
                  <Button size="sm" variant="ghost" aria-label={t("removeFor", { name: m.name })} disabled={pending} onClick={() => run(() => removeTeamMemberAction({ teamId: team.id, userId: m.id }), t("saved"))}>
                    {t("remove")}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
