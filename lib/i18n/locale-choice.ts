import { z } from "zod";

import { LOCALES } from "./locales";

/** The language someone picks in the account menu (the server action's input, parsed again by the data layer). */
export const localeChoiceSchema = z.strictObject({
  locale: z.enum(LOCALES, { message: "Choose English or 繁體中文." }),
});
export type LocaleChoice = z.input<typeof localeChoiceSchema>;
