import { expect, test } from "@playwright/test";

import { signInAs } from "./sign-in";

// Two real instances of the app on one PostgreSQL behind a proxy that sends
// every GET to the first and every POST to the second (see
// tests/e2e/support/split-proxy.mjs and playwright.config.ts).
const replicaURL = process.env.E2E_REPLICA_URL;
const [READS, WRITES] = ["3221", "3222"];
const SKILL = "Uses Git for version control";

test.describe("two app instances behave as one", () => {
  test.skip(!replicaURL, "needs PostgreSQL (E2E_DATABASE_URL): PGlite cannot be shared by two processes");
  test.use({ baseURL: replicaURL });

  test("signed in through one instance, pages from one submit server actions to the other", async ({ page }) => {
    const served: { method: string; url: string; instance: string | null; action: boolean }[] = [];
    page.on("response", async (r) => {
      served.push({
        method: r.request().method(),
        url: r.url(),
        instance: r.headers()["x-skillgrid-instance"] ?? null,
        action: !!(await r.request().headerValue("next-action")),
      });
    });

    // The sign-in form posts to the write instance; the OIDC callback lands on the read instance.
    await signInAs(page, "Priya Nair", "/me");
    await expect(page).toHaveURL(/\/me$/);
    expect(served.some((r) => r.method === "POST" && r.url.includes("/api/auth/signin") && r.instance === WRITES)).toBe(
      true,
    );
    expect(served.some((r) => r.method === "GET" && r.url.includes("/api/auth/callback") && r.instance === READS)).toBe(
      true,
    );

    // The page came from the read instance; the autosave action goes to the write instance.
    const scale = page.getByRole("group", { name: `Proficiency: ${SKILL}` });
    const before = Number(await scale.locator("input:checked").getAttribute("value"));
    const after = before >= 4 ? before - 1 : before + 1;
    await scale.locator("input:checked").focus();
    await page.keyboard.press(before >= 4 ? "ArrowLeft" : "ArrowRight");
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toHaveCount(1);
    const actions = served.filter((r) => r.action);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((r) => r.instance === WRITES)).toBe(true);

    // Reading it back (from the read instance) shows what the other one wrote.
    await page.reload();
    await expect(page.getByRole("group", { name: `Proficiency: ${SKILL}` }).locator("input:checked")).toHaveAttribute(
      "value",
      String(after),
    );
    expect(
      served.filter((r) => r.method === "GET" && new URL(r.url).pathname === "/me").every((r) => r.instance === READS),
    ).toBe(true);
  });

  test("one session on both instances, and one export rate limit across them", async ({ page }) => {
    await signInAs(page, "Priya Nair", "/teams");
    const href = await page.getByRole("link", { name: "Applied ML" }).first().getAttribute("href");
    const teamId = href!.split("/").filter(Boolean)[1]!;
    // The session cookie is for the host, so each instance can be asked directly.
    const direct = (port: string) => `http://127.0.0.1:${port}/api/export?scope=team&teamId=${teamId}&format=json`;

    // Stay inside one fixed one-minute window.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 45_000) await page.waitForTimeout(60_500 - intoMinute);

    const statuses: Record<string, number[]> = { [READS]: [], [WRITES]: [] };
    for (let i = 0; i < 31; i++) {
      const port = i % 2 === 0 ? READS : WRITES;
      const response = await page.request.get(direct(port), { maxRedirects: 0 });
      statuses[port]!.push(response.status());
      if (response.status() === 429) break;
    }
    // Signed in on both (a 401/redirect would show here), and the limit of
    // 30 per minute is shared: the 31st export overall is refused, whichever
    // instance gets it, even though neither instance alone served 30.
    expect(statuses[READS]!.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(statuses[WRITES]!.filter((s) => s === 200).length).toBeGreaterThan(0);
    const all = [...statuses[READS]!, ...statuses[WRITES]!];
    expect(all.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(all.filter((s) => s === 429)).toHaveLength(1);
    expect(all.filter((s) => s === 200).length).toBeLessThanOrEqual(30);
    expect(
      Math.max(statuses[READS]!.filter((s) => s === 200).length, statuses[WRITES]!.filter((s) => s === 200).length),
    ).toBeLessThan(30);
  });
});
