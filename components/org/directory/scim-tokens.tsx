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
import { revokeScimTokenAction } from "@/lib/actions/directory";
import type { ScimTokenDto } from "@/lib/data/scim-tokens";
import { tokenStatus } from "@/lib/token-status";

/** The IdP connections' tokens: which is which (by name and first characters), when used, and a way to cut one off. */
export function ScimTokens({ tokens, now }: { tokens: ScimTokenDto[]; now: number }) {
  const t = useTranslations("directory.tokens");
  const format = useFormatter();
  const router = useRouter();
  const [pending, start] = useTransition();
  const { message, show } = useActionMessage();
  const [confirming, setConfirming] = useState<ScimTokenDto | null>(null);
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : "—";

  const revoke = (token: ScimTokenDto) =>
    start(async () => {
      const r = await revokeScimTokenAction({ tokenId: token.id });
      setConfirming(null);
      show(r, t("revoked", { name: token.name }));
      if (r.ok) router.refresh();
    });

  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold">{t("title")}</h3>
      {tokens.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("none")}</p>
      ) : (
        <div className="relative overflow-x-auto">
          <Table className="min-w-[40rem]">
            <THead plain>
              <tr>
                <Th plain>{t("name")}</Th>
                <Th plain>{t("hint")}</Th>
                <Th plain>{t("created")}</Th>
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
                    </Th>
                    <Td plain>
                      <code className="text-xs whitespace-nowrap">{token.hint}…</code>
                    </Td>
                    <Td plain className="text-xs whitespace-nowrap">
                      {when(token.createdAt)}
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
      )}
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
