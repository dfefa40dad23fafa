import { getTranslations } from "next-intl/server";

import type { SkillPageView } from "@/lib/data/skill-page";

import { RemoveResourceButton } from "./resource-form";

/** A skill's learning resources: the title opens the link in a new tab, then the note, who added it and when. */
export async function ResourceList({ resources }: { resources: SkillPageView["resources"] }) {
  const t = await getTranslations("skillPage");
  if (resources.length === 0) return <p className="mt-2 text-sm text-muted-foreground">{t("noResources")}</p>;
  return (
    <ul className="mt-3 space-y-3">
      {resources.map((r) => (
        <li
          key={r.id}
          className="flex flex-wrap items-start justify-between gap-2 border-t border-border pt-3 first:border-0 first:pt-0"
        >
          <div className="min-w-0">
            <a
              href={r.url}
              target="_blank"
              rel="noopener noreferrer"
              className="font-medium break-words text-primary hover:underline"
            >
              {r.title}
              <span className="sr-only"> {t("opensNewTab")}</span>
            </a>
            <p className="text-xs break-all text-muted-foreground">{r.url}</p>
            {r.note && <p className="mt-1 text-sm break-words whitespace-pre-line">{r.note}</p>}
            <p className="mt-1 text-xs text-muted-foreground">
              {t("addedBy", { name: r.createdByName, date: r.createdAt.slice(0, 10) })}
            </p>
          </div>
          {r.canRemove && <RemoveResourceButton id={r.id} title={r.title} />}
        </li>
      ))}
    </ul>
  );
}
