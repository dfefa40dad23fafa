import { useLocale, useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { PublishedDocDto } from "@/lib/data/framework-admin";
import type { AppLocale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/pick";

/** The published version, read-only: what a new draft will start from. */
export function PublishedPreview({ published }: { published: PublishedDocDto }) {
  const t = useTranslations("frameworks.drafts");
  const ta = useTranslations("frameworkAdmin");
  const locale = useLocale() as AppLocale;
  const name = (n: { zh: string; en: string }) => pick(locale, n.zh, n.en);
  const retired = new Set(published.retired);
  return (
    <section aria-labelledby="published-title" className="space-y-4">
      <h2 id="published-title" className="text-lg font-semibold">
        {t("readOnly", { version: published.version })}
      </h2>
      {published.doc.levels.map((l) => (
        <section key={l.key} aria-label={name(l.name)} className="space-y-3">
          <h3 className="font-semibold">{name(l.name)}</h3>
          <div className="grid gap-3 md:grid-cols-2">
            {l.categories.map((c) => (
              <Card key={c.key} className="overflow-hidden">
                <h4 className="flex items-center justify-between gap-2 bg-muted px-3 py-2 text-sm font-medium">
                  {name(c.name)} <Badge variant="outline">{c.skills.length}</Badge>
                </h4>
                <ul className="divide-y divide-border">
                  {c.skills.map((s) => (
                    <li
                      key={s.key}
                      className={`flex items-start justify-between gap-2 px-3 py-2 text-sm ${retired.has(s.key) ? "text-muted-foreground" : ""}`}
                    >
                      <span>{name(s.name)}</span>
                      {retired.has(s.key) && <Badge variant="outline">{ta("retired")}</Badge>}
                    </li>
                  ))}
                </ul>
              </Card>
            ))}
          </div>
        </section>
      ))}
    </section>
  );
}
