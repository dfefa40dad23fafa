import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";

import { demoTeamId } from "../../db/seed/demo";
import { verifyWebhookSignature } from "../../lib/webhooks/signature";
import { signInAs } from "./sign-in";
import { expectNoAxeViolations } from "./support/axe";
import { screenshots } from "./support/screenshots";

// Webhooks (/org/webhooks): an admin registers an endpoint on a receiver this
// spec runs on loopback (the e2e server allows private targets:
// WEBHOOKS_ALLOW_PRIVATE=1 in playwright.config.ts), a target added and
// removed on Data Engineering's vision sends two signed events, and the
// admin sees them delivered and redelivers one. The target is removed again,
// so the team's vision ends as it began.

const ADMIN = "Mei-Ling Chen";
const TEAM = demoTeamId("data-engineering");

type Hit = { id: string; type: string; verified: boolean; data: Record<string, unknown> };

test.describe("webhooks", () => {
  test("an admin registers an endpoint, events arrive signed, and a delivery can be sent again", async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    let secret = "";
    const hits: Hit[] = [];
    const receiver = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (c: Buffer) => (raw += c.toString()));
      req.on("end", () => {
        const body = JSON.parse(raw) as Omit<Hit, "verified">;
        const verified = verifyWebhookSignature(secret, req.headers["skillgrid-signature"] as string, raw).ok;
        hits.push({ ...body, verified });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/skillgrid`;
    try {
      await signInAs(page, ADMIN, "/org");
      await page.getByRole("link", { name: "Webhooks" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

      // Register: URL, description, one event; the secret is shown once.
      await page.getByLabel("Endpoint URL").fill(url);
      await page.getByLabel("Description (optional)").fill("E2E receiver");
      await page.getByRole("checkbox", { name: /A team target is added or archived/ }).check();
      await page.getByRole("button", { name: "Add endpoint" }).click();
      await expect(page.getByText("Endpoint added. Copy its signing secret now")).toBeVisible();
      secret = await page.getByLabel("Signing secret").inputValue();
      expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      await page.getByRole("button", { name: "Done" }).click();
      await expect(page.getByLabel("Signing secret")).toHaveCount(0);
      const endpoint = page.getByRole("region", { name: url });
      await expect(endpoint).toContainText("E2E receiver");
      await expect(endpoint).toContainText("No events yet.");

      // An event through the UI: a target added, then removed.
      await page.goto(`/teams/${TEAM}/vision`);
      const form = page.getByRole("form", { name: "Add a target" });
      const name = (await form.getByLabel("Capability or skill").locator("option:checked").innerText()).trim();
      await form.getByLabel("People N").fill("1");
      await form.getByRole("button", { name: "Add target" }).click();
      await expect(page.getByText("Target added.")).toBeVisible();
      await page
        .getByRole("button", { name: `Remove target ${name}` })
        .last()
        .click();
      await expect.poll(() => hits.length, { timeout: 20_000 }).toBe(2);
      expect(hits.every((h) => h.verified && h.type === "target.changed")).toBe(true);
      expect(hits.map((h) => h.data.action).sort()).toEqual(["archived", "created"]);
      expect(new Set(hits.map((h) => h.data.targetId)).size).toBe(1);

      // The deliveries and their attempts; redeliver the first event.
      await page.goto("/org/webhooks");
      await expect(endpoint.getByText("Delivered", { exact: true })).toHaveCount(2);
      await expect(endpoint.getByText(/HTTP 204 · \d+ ms/)).toHaveCount(2);
      await expectNoAxeViolations(page, "/org/webhooks");
      await endpoint
        .getByRole("button", { name: /^Redeliver target\.changed/ })
        .first()
        .click();
      await expect(page.getByText("Queued to be sent again.")).toBeVisible();
      await expect.poll(() => hits.length, { timeout: 20_000 }).toBe(3);
      expect(hits[2]!.verified).toBe(true);
      expect(hits.slice(0, 2).map((h) => h.id)).toContain(hits[2]!.id); // the same event: receivers deduplicate on it
      await page.reload();
      await expect(endpoint.getByText(/HTTP 204 · \d+ ms/)).toHaveCount(3);

      await screenshots(page, context, baseURL!, [{ url: "/org/webhooks", name: "org-webhooks" }]);
      await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-TW", url: baseURL! }]);
      await page.goto("/org/webhooks");
      await expect(page.getByRole("heading", { level: 1, name: "Webhook" })).toBeVisible();
      await expect(page.getByText("已送達").first()).toBeVisible();
      await expectNoAxeViolations(page, "/org/webhooks zh-TW");
      await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);

      // Disabled: nothing more is sent to it.
      await page.goto("/org/webhooks");
      await endpoint.getByRole("button", { name: `Disable ${url}` }).click();
      await expect(page.getByText("Endpoint disabled: nothing more is sent to it.")).toBeVisible();
      await expect(endpoint.getByText("Disabled", { exact: true })).toBeVisible();
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
