"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, toActionResult } from "@/lib/actions/result";
import { getViewer } from "@/lib/auth/viewer";
import { setMyLocale } from "@/lib/data/locale-preference";
import type { LocaleChoice } from "@/lib/i18n/locale-choice";
import type { AppLocale } from "@/lib/i18n/locales";

// The account menu's language switch: stored for the person, so a new browser opens in it too. Revalidating
// re-renders the page in the same response, in the language of the cookie the menu has just set.
export async function setMyLocaleAction(input: LocaleChoice): Promise<ActionResult<{ locale: AppLocale }>> {
  const result = await toActionResult(async () => setMyLocale(await getViewer(), input));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
