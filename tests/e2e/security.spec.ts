import { expect, test, type Browser } from "@playwright/test";

import { listeningPid, treeRssMb } from "../../scripts/lib/process-memory";
import { signInAs, signOut } from "./sign-in";
import { chunkedPost } from "./support/raw-http";

// Claims of the README's security section, checked from outside against the
// production build: what an attacker's crafted request gets, and what it
// costs the server.

const port = Number(process.env.E2E_PORT ?? 3210);
const base = `http://127.0.0.1:${port}`;
const foreign = "http://localhost:3199"; // another port of the same host: "same site" for SameSite=Lax
const GIT = "environments-and-version-control.uses-git-for-version-control";

async function sessionOf(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, name);
  await expect(page).not.toHaveURL(/\/signin/);
  const token = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
  return { context, page, cookie: `${token.name}=${token.value}` };
}

// Most tests sign in more than one person through the IdP.
test.describe.configure({ timeout: 90_000 });

test.describe("hostile requests", () => {
  test("a chunked 200 MB upload is refused before it is read, signed out, as a member and as an admin", async ({
    browser,
  }) => {
    const member = await sessionOf(browser, "Daniel Okafor");
    const admin = await sessionOf(browser, "Mei-Ling Chen");
    const pid = listeningPid(port);
    expect(pid, "the app server's process").not.toBeNull();
    const before = treeRssMb(pid!);
    const cases = [
      { who: "signed out", cookie: undefined, status: 401 },
      { who: "member", cookie: member.cookie, status: 403 },
      { who: "admin, over the 10 MB cap", cookie: admin.cookie, status: 413 },
    ];
    for (const c of cases) {
      const res = await chunkedPost(`${base}/api/import`, 200, {
        "content-type": "multipart/form-data; boundary=XX",
        origin: base,
        ...(c.cookie ? { cookie: c.cookie } : {}),
      });
      expect(res.status, c.who).toBe(c.status);
      expect(res.ms, `${c.who}: answered before the upload ended`).toBeLessThan(1000);
      expect(res.sentMb, c.who).toBeLessThan(200);
      expect(JSON.parse(res.body)).toHaveProperty("error");
    }
    // next-auth's own form posts are read under a 16 KB cap the same way.
    const auth = await chunkedPost(`${base}/api/auth/signout`, 50, {
      "content-type": "application/x-www-form-urlencoded",
      origin: base,
    });
    expect(auth.status, "next-auth post over its cap").toBe(413);
    expect(auth.sentMb).toBeLessThan(50);
    expect(treeRssMb(pid!) - before, "server memory growth (MB)").toBeLessThan(50);
  });

  test("a cross-site form cannot import in an admin's name; the same request from the app can", async ({
    browser,
    playwright,
  }) => {
    const admin = await sessionOf(browser, "Mei-Ling Chen");
    const api = await playwright.request.newContext({ baseURL: base });
    const value = String(Date.now() % 5);
    const multipart = (mode: string) => ({
      mode,
      file: {
        name: "m.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(`email,${GIT}\nwei-jie.lin@acme.test,${value}\n`),
      },
    });
    const forged: Record<string, string>[] = [
      { origin: foreign },
      { origin: "null" },
      { "sec-fetch-site": "same-site" },
      { referer: `${foreign}/evil.html` },
    ];
    for (const headers of forged) {
      const res = await api.post("/api/import", {
        multipart: multipart("apply"),
        headers: { cookie: admin.cookie, ...headers },
      });
      expect(res.status(), JSON.stringify(headers)).toBe(403);
      expect(await res.json()).toMatchObject({ code: "forbidden" });
    }
    // Nothing was applied: a dry run from the app itself still has the change to make.
    const dry = await api.post("/api/import", {
      multipart: multipart("dry-run"),
      headers: { cookie: admin.cookie, origin: base },
    });
    expect(dry.status()).toBe(200);
    const plan = await dry.json();
    const pending = JSON.stringify(plan);
    expect(pending).toContain("wei-jie.lin@acme.test");

    // Server actions: the same guard, a typed 403 instead of Next's 500.
    const action = await api.post("/me", {
      headers: {
        cookie: admin.cookie,
        origin: foreign,
        "next-action": "00".repeat(21),
        "content-type": "text/plain;charset=UTF-8",
      },
      data: "[]",
    });
    expect(action.status()).toBe(403);
    expect(await action.json()).toMatchObject({ ok: false, code: "forbidden" });
    await api.dispose();
  });

  test("server actions: an oversized field gets a typed error, an oversized or undeclared body a typed 413/411", async ({
    browser,
    playwright,
  }) => {
    const member = await sessionOf(browser, "Tomás Silva");
    // Capture a real autosave request (its action id and router state) from
    // the page: move the proficiency one step from wherever it is.
    const saved = member.page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
    const scale = member.page.getByRole("group", { name: /^Proficiency: Uses Git for version control/ });
    const checked = scale.locator("input:checked");
    if (await checked.count()) {
      const value = await checked.getAttribute("value");
      await checked.focus();
      await member.page.keyboard.press(value === "4" ? "ArrowLeft" : "ArrowRight");
    } else {
      await scale.getByText("Independent").click();
    }
    const request = await saved;
    const headers: Record<string, string> = { ...request.headers(), cookie: member.cookie, origin: base };
    const args = JSON.parse(request.postData()!) as [Record<string, unknown>];
    const withEvidence = (evidence: string) =>
      JSON.stringify([{ ...args[0], evidence, requestId: crypto.randomUUID() }]);
    const api = await playwright.request.newContext({ baseURL: base });

    const oneMb = await api.post("/me", { headers, data: withEvidence("a".repeat(1_000_000)) });
    // Within the body limit, the oversized note is refused by its own rule and the rest of the row is saved.
    expect(oneMb.status()).toBe(200);
    expect(await oneMb.text()).toContain('"noteRefused":{"problem":"too_long"');

    const fiveMb = await api.post("/me", { headers, data: withEvidence("a".repeat(5_000_000)) });
    expect(fiveMb.status()).toBe(413);
    expect(await fiveMb.json()).toMatchObject({ ok: false, code: "too_large" });

    const { "content-length": _length, ...chunkHeaders } = headers;
    const chunked = await chunkedPost(`${base}/me`, 20, chunkHeaders);
    expect(chunked.status).toBe(411);
    expect(chunked.ms).toBeLessThan(5000);
    await api.dispose();
  });

  test("an address that is not valid UTF-8 gets a 400 page or JSON, not a 500", async ({ page, browser, request }) => {
    const res = await page.goto("/teams/%ff%fe");
    expect(res!.status()).toBe(400);
    await expect(page.getByRole("heading", { level: 1, name: "This address could not be read" })).toBeVisible();
    const zh = await browser.newContext({ locale: "zh-TW" });
    const zhPage = await zh.newPage();
    expect((await zhPage.goto("/%ff"))!.status()).toBe(400);
    await expect(zhPage.getByRole("heading", { level: 1, name: "無法讀取這個網址" })).toBeVisible();
    await zhPage.setViewportSize({ width: 390, height: 844 });
    await zhPage.screenshot({ path: "tests/e2e/screenshots/bad-request-zh-TW-phone.png" });
    await zh.close();
    const api = await request.get("/api/teams/%ff%fe/heatmap");
    expect(api.status()).toBe(400);
    expect(await api.json()).toMatchObject({ code: "invalid" });
  });

  test("every 429 says when to retry", async ({ browser, playwright }) => {
    const admin = await sessionOf(browser, "Mei-Ling Chen");
    const api = await playwright.request.newContext({ baseURL: base, extraHTTPHeaders: { cookie: admin.cookie } });
    let limited = null;
    for (let i = 0; i < 12 && !limited; i++) {
      const res = await api.get("/api/audit/export");
      if (res.status() === 429) limited = res;
      else expect(res.status()).toBe(200);
    }
    expect(limited, "the audit export is rate-limited").not.toBeNull();
    expect(Number(limited!.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
    await api.dispose();
  });
});

test.describe("sessions end when they should", () => {
  test("a copied cookie is refused after its owner signs out", async ({ browser, playwright }) => {
    const member = await sessionOf(browser, "Lucas Martin");
    const api = await playwright.request.newContext({ baseURL: base, maxRedirects: 0 });
    const get = () => api.get("/me", { headers: { cookie: member.cookie }, maxRedirects: 0 });
    expect((await get()).status()).toBe(200);
    await signOut(member.page);
    const replay = await get();
    expect(replay.status()).toBe(307);
    expect(replay.headers()["location"]).toMatch(/\/signin/);
    await api.dispose();
  });

  test("'Sign out everywhere' ends the person's other sessions too", async ({ browser }) => {
    const laptop = await sessionOf(browser, "Ananya Rao");
    const phone = await sessionOf(browser, "Ananya Rao");
    await laptop.page.getByRole("button", { name: "Account menu" }).click();
    await laptop.page.getByRole("menuitem", { name: "Sign out everywhere" }).click();
    await expect(laptop.page.getByText("You have signed out.")).toBeVisible();
    await phone.page.goto("/me");
    await expect(phone.page).toHaveURL(/\/signin/);
  });
});
