"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormStatus } from "@/components/ui/form-status";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useActionMessage } from "@/components/ui/use-action-message";
import { revokeApiTokenAction } from "@/lib/actions/api-tokens";
import type { ApiTokenDto } from "@/lib/data/api-tokens";
import { tokenStatus } from "@/lib/token-status";

/**
 * API tokens: which is which (name, first characters), what each may do,
 * when it was last used, and a way to cut one off. `everyone` adds the
 * columns an admin needs to tell people's tokens apart (/org/api).
 */
export function TokenTable({ tokens, now, everyone }: { tokens: ApiTokenDto[]; now: number; everyone?: boolean }) {
  const t = useTranslations("apiTokens.tokens");
  const ts = useTranslations("apiTokens.scope");
  const te = useTranslations("apiTokens.errors");
  const format = useFormatter();
  const router = useRouter();
  const [pending, start] = useTransition();
  const { message, show } = useActionMessage();
  const [confirming, setConfirming] = useState<ApiTokenDto | null>(null);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

  const revoke = (token: ApiTokenDto) =>
    start(async () => {
      const r = await revokeApiTokenAction({ tokenId: token.id });
      setConfirming(null);
      show(r, t("revoked", { name: token.name }), (f) =>
        te(f.code === "not_found" ? "notFound" : f.code === "unauthenticated" ? "signedOut" : "other"),
      );
      if (r.ok) router.refresh();
    });

  if (tokens.length === 0) return <p className="text-sm text-muted-foreground">{t("none")}</p>;
  return (
    <div className="space-y-2">
      <div className="relative overflow-x-auto">
        <Table className={everyone ? "min-w-[56rem]" : "min-w-[44rem]"}>
          <THead plain>
            <tr>
              <Th plain>{t("name")}</Th>
              {everyone && <Th plain>{t("owner")}</Th>}
              {everyone && <Th plain>{t("reach")}</Th>}
              <Th plain>{t("scopes")}</Th>
              <Th plain>{t("lastUsed")}</Th>
              <Th plain>{t("expires")}</Th>
              <Th plain>{t("status")}</Th>
              <Th plain>
                <span className="sr-only">{t("revoke")}</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {tokens.map((token) => {
              const status = tokenStatus(token, now);
              return (
                <Tr key={token.id}>
                  <Th plain scope="row" className="min-w-32 py-2 font-medium break-words">
                    {token.name}
                    <code className="block text-xs font-normal text-muted-foreground">{token.hint}…</code>
                  </Th>
                  {everyone && (
                    <Td plain className="text-sm">
                      {token.owner.name}
                      <span className="block text-xs text-muted-foreground">{t(token.kind)}</span>
                    </Td>
                  )}
                  {everyone && (
                    <Td plain className="text-xs">
                      {token.kind === "personal"
                        ? t("asOwner")
                        : token.teams
                          ? token.teams.map((x) => x.name).join(t("listSeparator"))
                          : t("wholeOrg")}
                    </Td>
                  )}
                  <Td plain className="text-xs">
                    {token.scopes.map((s) => ts(s)).join(t("listSeparator"))}
                  </Td>
                  <Td plain className="text-xs whitespace-nowrap">
                    {token.lastUsedAt ? when(token.lastUsedAt) : t("never")}
                  </Td>
                  <Td plain className="text-xs whitespace-nowrap">
                    {token.expiresAt ? when(token.expiresAt) : t("noExpiry")}
                  </Td>
                  <Td plain>
                    <Badge variant={status === "active" ? "strong" : "outline"}>{t(`state.${status}`)}</Badge>
                  </Td>
                  <Td plain className="pe-0 text-right">
                    {status !== "revoked" && (
                      <Button
                        size="sm"
                        variant="outline"
                        disabled={pending}
                        aria-label={t("revokeFor", { name: token.name })}
                        onClick={() => setConfirming(token)}
                      >
                        {t("revoke")}
                      </Button>
                    )}
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      </div>
      <FormStatus message={message} />
      {confirming && (
        <ConfirmDialog
          title={t("confirm.title", { name: confirming.name })}
          confirmLabel={t("confirm.confirm")}
          cancelLabel={t("confirm.cancel")}
          pending={pending}
          danger
          onCancel={() => setConfirming(null)}
          onConfirm={() => revoke(confirming)}
        >
          <p>{t("confirm.body")}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
