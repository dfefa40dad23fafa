"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

import { setMyLocaleAction, signOutEverywhereAction } from "@/lib/actions/account";
import { isLocale, LOCALE_LABELS, LOCALES, type AppLocale } from "@/lib/i18n/locales";
import { setLocaleCookie } from "@/lib/i18n/set-locale-cookie";

export function UserMenu({
  name,
  email,
  roleLabel,
  locale,
  labels,
}: {
  name: string;
  email: string;
  roleLabel: string;
  locale: AppLocale;
  labels: { menu: string; signOut: string; signOutEverywhere: string; signedInAs: string; language: string };
}) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const initials = name
    .split(/\s+/)
    .map((p) => p[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={labels.menu}
        className="flex items-center gap-2 rounded-full border border-border bg-card py-1 pr-3 pl-1 text-sm hover:bg-muted"
      >
        <span
          aria-hidden
          className="grid h-7 w-7 place-items-center rounded-full bg-primary text-xs font-semibold text-primary-foreground"
        >
          {initials}
        </span>
        <span className="hidden max-w-40 truncate sm:inline">{name}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          collisionPadding={8}
          className="z-50 max-w-[calc(100vw-1rem)] min-w-60 rounded-lg border border-border bg-card p-1 shadow-lg"
        >
          <div className="px-3 py-2">
            <p className="text-xs text-muted-foreground">{labels.signedInAs}</p>
            <p className="truncate text-sm font-medium">{name}</p>
            <p className="truncate text-xs text-muted-foreground">{email}</p>
            <p className="mt-1 inline-block rounded-full bg-accent px-2 py-0.5 text-xs text-accent-foreground">
              {roleLabel}
            </p>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Label className="px-3 pt-2 pb-1 text-xs text-muted-foreground">
            {labels.language}
          </DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={locale}
            onValueChange={(value) => {
              if (!isLocale(value)) return;
              setLocaleCookie(value);
              startTransition(async () => {
                // Stored for the person as well, so a new browser opens in this language; a stored choice comes
                // back with the page re-rendered. This browser's cookie already switched it, so when saving
                // fails (or the request does) the page is only refreshed: the other browsers just miss the choice.
                const saved = await setMyLocaleAction({ locale: value }).catch(() => null);
                if (!saved?.ok) router.refresh();
              });
            }}
          >
            {LOCALES.map((l) => (
              <DropdownMenu.RadioItem
                key={l}
                value={l}
                lang={l}
                className="flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm outline-none data-[highlighted]:bg-muted"
              >
                <span aria-hidden className="w-3 text-primary">
                  <DropdownMenu.ItemIndicator>✓</DropdownMenu.ItemIndicator>
                </span>
                {LOCALE_LABELS[l]}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Item
            className="cursor-pointer rounded-md px-3 py-2 text-sm outline-none data-[highlighted]:bg-muted"
            onSelect={() => void signOut({ callbackUrl: "/signin?signedOut=1" })}
          >
            {labels.signOut}
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className="cursor-pointer rounded-md px-3 py-2 text-sm outline-none data-[highlighted]:bg-muted"
            onSelect={async () => {
              // Ends every session (other browsers, a copied cookie), then this one.
              await signOutEverywhereAction();
              await signOut({ callbackUrl: "/signin?signedOut=1" });
            }}
          >
            {labels.signOutEverywhere}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
