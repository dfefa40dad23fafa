"use server";

import { z } from "zod";

import { setMyLocale } from "@/lib/data/locale-preference";
import { signOutEverywhere } from "@/lib/data/users";
import { localeChoiceSchema } from "@/lib/i18n/locale-choice";

import { action } from "./action";

export const signOutEverywhereAction = action(z.void(), (viewer) => signOutEverywhere(viewer), { reply: () => null });
// The account menu's language switch: stored for the person, so a new browser opens in it too. Revalidating
// re-renders the page in the same response, in the language of the cookie the menu has just set.
export const setMyLocaleAction = action(localeChoiceSchema, setMyLocale, { revalidate: ["/", "layout"] });
