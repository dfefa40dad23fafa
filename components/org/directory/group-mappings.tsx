"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { Select } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useActionMessage } from "@/components/ui/use-action-message";
import { setGroupMappingAction } from "@/lib/actions/directory";
import type { DirectoryGroupDto } from "@/lib/data/directory";

type Team = { id: string; name: string; groupId: string | null };
type Role = "admin" | "manager";

/** Each directory group pushed by the IdP, and what it does here: a team's members, a role, or nothing. */
export function GroupMappings({ groups, teams }: { groups: DirectoryGroupDto[]; teams: Team[] }) {
  const t = useTranslations("directory.groups");
  const { message, show } = useActionMessage();
  if (groups.length === 0) return <p className="text-sm text-muted-foreground">{t("none")}</p>;
  return (
    <div className="space-y-2">
      <div className="relative overflow-x-auto">
        <Table className="min-w-[36rem]">
          <THead plain>
            <tr>
              <Th plain>{t("name")}</Th>
              <Th plain>{t("members")}</Th>
              <Th plain>{t("team")}</Th>
              <Th plain>{t("role")}</Th>
              <Th plain>
                <span className="sr-only">{t("save")}</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {groups.map((g) => (
              // Keyed by the saved mapping, so a row starts from what the server holds after each save.
              <GroupRow key={`${g.id}:${g.teamId}:${g.role}`} group={g} teams={teams} onResult={show} />
            ))}
          </TBody>
        </Table>
      </div>
      <FormStatus message={message} />
    </div>
  );
}

function GroupRow({
  group,
  teams,
  onResult,
}: {
  group: DirectoryGroupDto;
  teams: Team[];
  onResult: ReturnType<typeof useActionMessage>["show"];
}) {
  const t = useTranslations("directory.groups");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [teamId, setTeamId] = useState(group.teamId ?? "");
  const [role, setRole] = useState<Role | "">(group.role ?? "");
  const changed = teamId !== (group.teamId ?? "") || role !== (group.role ?? "");
  const save = () =>
    start(async () => {
      const r = await setGroupMappingAction({ groupId: group.id, teamId: teamId || null, role: role || null });
      onResult(r, t("saved", { name: group.displayName }));
      if (r.ok) router.refresh();
    });
  return (
    <Tr>
      <Th plain scope="row" className="min-w-40 py-2 font-medium break-words">
        {group.displayName}
      </Th>
      <Td plain className="tabular-nums">
        {group.memberCount}
      </Td>
      <Td plain>
        <Select
          size="sm"
          className="max-w-56"
          aria-label={t("teamFor", { name: group.displayName })}
          value={teamId}
          disabled={pending}
          onChange={(e) => setTeamId(e.target.value)}
        >
          <option value="">{t("noTeam")}</option>
          {teams.map((team) => {
            // One group per team: a team another group manages cannot be chosen here.
            const taken = !!team.groupId && team.groupId !== group.id;
            return (
              <option key={team.id} value={team.id} disabled={taken}>
                {taken ? t("teamTaken", { team: team.name }) : team.name}
              </option>
            );
          })}
        </Select>
      </Td>
      <Td plain>
        <Select
          size="sm"
          aria-label={t("roleFor", { name: group.displayName })}
          value={role}
          disabled={pending}
          onChange={(e) => setRole(e.target.value as Role | "")}
        >
          <option value="">{t("noRole")}</option>
          <option value="manager">{t("manager")}</option>
          <option value="admin">{t("admin")}</option>
        </Select>
      </Td>
      <Td plain className="pe-0 text-right">
        <Button
          size="sm"
          variant={changed ? "default" : "outline"}
          disabled={pending || !changed}
          aria-label={t("saveFor", { name: group.displayName })}
          onClick={save}
        >
          {t("save")}
        </Button>
      </Td>
    </Tr>
  );
}
