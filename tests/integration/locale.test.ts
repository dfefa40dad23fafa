import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";

import { auditEvents, users } from "@/db/schema";
import { demoUserId } from "@/db/seed/demo";
import { admitSignIn } from "@/lib/auth/admit";
import { viewerFromSessionToken } from "@/lib/auth/viewer";
import { getChosenLocale, setMyLocale } from "@/lib/data/locale-preference";
import { AppError } from "@/lib/errors";
import { chooseLocale, type AppLocale } from "@/lib/i18n/locales";

import { seedDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { configureAuthEnv, sessionTokenFor, TEST_ISSUER } from "./support/session";

/*
 * The language of a request (lib/i18n/request.ts): the locale cookie, else the language the signed-in person chose
 * in the account menu (stored on the server, so a new browser gets it too), else Accept-Language, else
 * DEFAULT_LOCALE. Callers are resolved from a session token, as requests are.
 */

const EMMA = "emma.schmidt@acme.test"; // seeded with locale "en"
const WEI_JIE = "wei-jie.lin@acme.test"; // seeded with locale "zh-TW" (as an IdP's locale claim would set it)

describeOnEachEngine("the language of a request", ({ handle }) => {
  const viewerOf = async (email: string | null) =>
    viewerFromSessionToken(email ? await sessionTokenFor(demoUserId(email)) : undefined);
  /** What lib/i18n/request.ts resolves for a request with this cookie, person and Accept-Language. */
  const resolve = (input: { cookie?: string; email: string | null; acceptLanguage?: string; fallback?: AppLocale }) =>
    chooseLocale({
      cookie: input.cookie,
      chosen: async () => getChosenLocale(await viewerOf(input.email)),
      acceptLanguage: input.acceptLanguage ?? null,
      fallback: input.fallback ?? "en",
    });

  beforeAll(async () => {
    configureAuthEnv();
    await seedDemoOrg(handle());
  });

  it("a new browser (no cookie) gets the language the person chose, whatever the browser asks for", async () => {
    expect(await resolve({ email: EMMA, acceptLanguage: "en-US,en;q=0.9" })).toBe("en");
    await setMyLocale(await viewerOf(EMMA), { locale: "zh-TW" });
    expect(await resolve({ email: EMMA, acceptLanguage: "en-US,en;q=0.9" })).toBe("zh-TW");
    expect(await resolve({ email: EMMA })).toBe("zh-TW");
    // The cookie is this browser's own choice and still wins.
    expect(await resolve({ cookie: "en", email: EMMA, acceptLanguage: "zh-TW" })).toBe("en");
    // Signed out, nobody's choice applies.
    expect(await resolve({ email: null, acceptLanguage: "en-US" })).toBe("en");
  });

  it("the choice survives the next sign-in, whose identity provider sends another locale", async () => {
    await setMyLocale(await viewerOf(EMMA), { locale: "zh-TW" });
    const admitted = await admitSignIn({
      issuer: TEST_ISSUER,
      subject: "emma",
      email: EMMA,
      emailVerified: true,
      name: "Emma Schmidt",
      locale: "en",
    });
    expect(admitted).toMatchObject({ ok: true });
    expect(await resolve({ email: EMMA, acceptLanguage: "en-US" })).toBe("zh-TW");
    // English chosen on purpose is kept too, even when the browser and the default say Chinese.
    await setMyLocale(await viewerOf(EMMA), { locale: "en" });
    expect(await resolve({ email: EMMA, acceptLanguage: "zh-TW,zh;q=0.9", fallback: "zh-TW" })).toBe("en");
  });

  it("without a choice, Accept-Language and then DEFAULT_LOCALE decide, as before", async () => {
    expect(await resolve({ email: WEI_JIE, acceptLanguage: "en-US,en;q=0.9" })).toBe("en");
    expect(await resolve({ email: WEI_JIE, acceptLanguage: "zh-TW" })).toBe("zh-TW");
    expect(await resolve({ email: WEI_JIE, acceptLanguage: "fr-FR", fallback: "zh-TW" })).toBe("zh-TW");
    expect(await resolve({ email: WEI_JIE, fallback: "en" })).toBe("en");
  });

  it("a database that cannot answer leaves the language to the browser, so error pages still render", async () => {
    const failing = () => Promise.reject(new Error("connection refused"));
    expect(await chooseLocale({ chosen: failing, acceptLanguage: "zh-TW", fallback: "en" })).toBe("zh-TW");
  });

  it("storing a choice is audited in the same transaction, and refuses anything but en and zh-TW", async () => {
    const viewer = await viewerOf(EMMA);
    await setMyLocale(viewer, { locale: "zh-TW" });
    const [row] = await handle()
      .db.select({ locale: users.locale })
      .from(users)
      .where(eq(users.id, demoUserId(EMMA)));
    expect(row!.locale).toBe("zh-TW");
    const audited = await handle()
      .db.select({ actorId: auditEvents.actorId, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "user.locale_chosen"), eq(auditEvents.entityId, demoUserId(EMMA))));
    expect(audited.at(-1)).toEqual({ actorId: demoUserId(EMMA), after: { locale: "zh-TW" } });

    for (const bad of [{ locale: "fr" }, { locale: "zh-TW", userId: demoUserId(WEI_JIE) }, "zh-TW", null]) {
      await expect(setMyLocale(viewer, bad)).rejects.toMatchObject({ code: "invalid" });
    }
    await expect(setMyLocale(null, { locale: "en" })).rejects.toBeInstanceOf(AppError);
    // Someone else's choice is never read for this person.
    expect(await getChosenLocale(await viewerOf(WEI_JIE))).toBeNull();
  });
});
