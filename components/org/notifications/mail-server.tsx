import { getTranslations } from "next-intl/server";

import { Badge } from "@/components/ui/badge";
import type { DeliveryDto } from "@/lib/data/notifications";

/** Whether this server sends email, through which server (never its credentials) and from which address. */
export async function MailServer({ mail }: { mail: DeliveryDto["mail"] }) {
  const t = await getTranslations("notifications.server");
  return (
    <div className="space-y-1 text-sm" data-testid="mail-server">
      {mail.enabled ? (
        <>
          <p className="flex flex-wrap items-center gap-2">
            <Badge variant="strong" aria-hidden>
              ✓
            </Badge>
            <span>{t("on", { server: mail.server ?? "" })}</span>
          </p>
          <p className="text-muted-foreground">{t("from", { from: mail.from })}</p>
        </>
      ) : (
        <>
          <p className="font-medium">{t("off")}</p>
          <p className="text-muted-foreground">{t("readme")}</p>
        </>
      )}
    </div>
  );
}
