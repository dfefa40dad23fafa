import net from "node:net";
import { expect, test, type Page } from "@playwright/test";

import { DEMO_PEOPLE } from "../../db/seed/demo-people";
import { actionId, demoSessionCookie, startOwnServer, type OwnServer } from "./support/own-server";

// Admission control (lib/server/admission.ts) on the production server, with
// limits small enough to reach on purpose: one request at a time, 8 waiting,
// for 3 s (arrivals are refused at once while the first in line has waited
// over 200 ms, the default). A request is kept "running" for as long as the test likes by
// announcing a server action's body and not sending it (Next.js waits for the
// body while the request holds its slot), so nothing here depends on timing.
const LIMITS = { ADMISSION_CONCURRENCY: "1", ADMISSION_QUEUE: "8", ADMISSION_QUEUE_TIMEOUT_MS: "3000" };
const METRICS_TOKEN = "overload-metrics-token";
const SKILL = { name: "Uses Git for version control", proficiency: "Proficiency" };

let server: OwnServer;
let cookie: string;

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startOwnServer({ ...LIMITS, METRICS_TOKEN });
  const member = DEMO_PEOPLE.find((p) => p.role === "member")!;
  cookie = await demoSessionCookie(member.email);
});
test.afterAll(async () => {
  await server?.dispose();
});

/** A server action whose body never comes: it holds the one slot until released. */
async function holdTheSlot(): Promise<{ release: () => void }> {
  // The slot is free first (a hold just released may still be counted until its connection closes).
  await expect
    .poll(async () => (await metric("skillgrid_admission_requests")).running ?? 0, { timeout: 10_000 })
    .toBe(0);
  const { hostname, port } = new URL(server.url);
  const socket = net.connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  socket.on("error", () => {});
  socket.write(
    [
      "POST /me HTTP/1.1",
      `Host: ${hostname}:${port}`,
      `Origin: ${server.url}`,
      `Cookie: ${cookie}`,
      `Next-Action: ${actionId("lib/actions/ratings.ts", "saveMyRatingAction")}`,
      "Content-Type: text/plain;charset=UTF-8",
      "Content-Length: 1000",
      "",
      '[{"skillKey"',
    ].join("\r\n"),
  );
  // Admitted once the gate counts it as running (the metrics are not behind the gate).
  await expect.poll(async () => (await metric("skillgrid_admission_requests")).running, { timeout: 10_000 }).toBe(1);
  return { release: () => socket.destroy() };
}

/** One metric's values by label value, from the Prometheus endpoint. */
async function metric(name: string): Promise<Record<string, number>> {
  const text = await (
    await fetch(`${server.url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();
  const values: Record<string, number> = {};
  for (const m of text.matchAll(new RegExp(`^${name}\\{\\w+="(\\w+)"\\} (\\d+)`, "gm"))) {
    values[m[1]!] = Number(m[2]);
  }
  return values;
}

const refusalCounts = () => metric("skillgrid_overload_refusals_total");

test("past its limits the server refuses at once with 503 + Retry-After, in each caller's error shape; probes still answer", async () => {
  const before = await refusalCounts();
  const hold = await holdTheSlot();
  try {
    // Eight wait for the slot (the queue's size); everything after them is refused on arrival.
    const waiting = Array.from({ length: 8 }, () => fetch(`${server.url}/signin`));
    await expect.poll(async () => (await metric("skillgrid_admission_requests")).waiting).toBe(8);
    const page = await fetch(`${server.url}/signin`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("1");
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain("Skillgrid is busy");
    expect(html).toContain("目前忙碌中");

    const action = await fetch(`${server.url}/me`, {
      method: "POST",
      headers: {
        origin: server.url,
        cookie,
        "next-action": actionId("lib/actions/ratings.ts", "saveMyRatingAction"),
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
      },
      body: "[]",
    });
    expect(action.status).toBe(503);
    expect(action.headers.get("retry-after")).toBe("1");
    expect(await action.json()).toEqual({ ok: false, code: "unavailable", error: expect.stringContaining("busy") });

    const api = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: "Bearer sgp_whatever" } });
    expect(api.status).toBe(503);
    expect(await api.json()).toEqual({ error: { code: "unavailable", message: expect.stringContaining("busy") } });

    const scim = await fetch(`${server.url}/scim/v2/Users`);
    expect(scim.status).toBe(503);
    expect((await scim.json()) as unknown).toMatchObject({ status: "503" });

    // Liveness, readiness and metrics are not behind the gate: a busy server is not a dead one.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);

    // Those that waited longer than 3 s are refused too (their answer would come too late to be worth it).
    const waited = await Promise.all(waiting);
    expect(waited.map((r) => r.status)).toEqual(Array(8).fill(503));
    expect(waited.every((r) => r.headers.get("retry-after") === "1")).toBe(true);
    const after = await refusalCounts();
    // Refused on arrival: the queue was full, and its first had waited too long.
    const onArrival = (c: Record<string, number>) => (c.queue_full ?? 0) + (c.backlog ?? 0);
    expect(onArrival(after) - onArrival(before)).toBeGreaterThanOrEqual(4);
    expect((after.queue_timeout ?? 0) - (before.queue_timeout ?? 0)).toBeGreaterThanOrEqual(8);
  } finally {
    hold.release();
  }
  // Once the slot is free, requests are served again, and a waiting one gets its turn.
  const hold2 = await holdTheSlot();
  const queued = fetch(`${server.url}/signin`);
  await expect.poll(async () => (await metric("skillgrid_admission_requests")).waiting).toBe(1);
  hold2.release();
  expect((await queued).status).toBe(200);
});

const scale = (page: Page) => page.getByRole("group", { name: `${SKILL.proficiency}: ${SKILL.name}` });
const row = (page: Page) => page.getByRole("listitem").filter({ has: page.getByText(SKILL.name, { exact: true }) });

test("an autosave refused as busy is kept, retried by itself, and lands once the server has room", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const [name, value] = cookie.split(/=(.*)/s);
  await context.addCookies([{ name: name!, value: value!, url: server.url }]);
  const page = await context.newPage();
  await page.goto(`${server.url}/me`);
  await expect(scale(page)).toBeVisible();
  const current = await scale(page).locator("input:checked").getAttribute("value");
  const next = current === "2" ? "3" : "2";

  const hold = await holdTheSlot();
  let released = false;
  try {
    await scale(page)
      .locator("label")
      .filter({ has: page.locator(`input[value="${next}"]`) })
      .click();
    // Refused (it waited 3 s for the slot): the change stays on screen, pending, and is retried.
    await expect(row(page).getByRole("status")).toHaveText(/Not saved yet: .*Retrying…/, { timeout: 10_000 });
    expect(await scale(page).locator("input:checked").getAttribute("value")).toBe(next);
    hold.release();
    released = true;
    await expect(row(page).getByRole("status")).toHaveText("Saved", { timeout: 30_000 });
  } finally {
    if (!released) hold.release();
  }
  await page.reload();
  await expect(scale(page).locator("input:checked")).toHaveAttribute("value", next);
  await context.close();
});
