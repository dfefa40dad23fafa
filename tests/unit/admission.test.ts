import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";

import { bypassesAdmission, installAdmission, type AdmissionLimits } from "@/lib/server/admission";

// The gate on a real node:http server whose handler answers only when the
// test says so: what runs, waits and is refused is decided by the counts,
// never by timing.
let server: http.Server | undefined;
afterEach(async () => {
  const s = server;
  server = undefined;
  if (!s) return;
  s.closeAllConnections();
  await new Promise((r) => s.close(r));
});

async function gatedServer(limits: AdmissionLimits) {
  const pending: http.ServerResponse[] = [];
  const refusals: string[] = [];
  server = http.createServer((req, res) => {
    if (req.url === "/api/health") return res.end("ok");
    pending.push(res);
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  const gate = installAdmission(server, limits, { onRefused: (reason) => refusals.push(reason) })!;
  const { port } = server.address() as AddressInfo;
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; retryAfter?: string; type?: string; body: string }>((resolve, reject) => {
      const agent = new http.Agent({ keepAlive: false });
      http
        .get(`http://127.0.0.1:${port}${path}`, { agent, headers }, (res) => {
          let body = "";
          res.on("data", (d) => (body += d));
          res.on("end", () =>
            resolve({
              status: res.statusCode!,
              retryAfter: res.headers["retry-after"],
              type: res.headers["content-type"],
              body,
            }),
          );
        })
        .on("error", reject);
    });
  const until = async (ok: () => boolean) => {
    while (!ok()) await new Promise((r) => setTimeout(r, 5));
  };
  return { gate, pending, refusals, get, until };
}

describe("admission control", () => {
  it("runs up to the limit, queues up to the queue's size in order, refuses the rest at once with 503", async () => {
    const { gate, pending, refusals, get, until } = await gatedServer({
      concurrency: 2,
      queue: 2,
      queueTimeoutMs: 60_000,
      shedAfterMs: 60_000,
    });
    const answers = ["/a", "/b", "/c", "/d"].map((p) => get(p));
    await until(() => gate.inFlight() === 2 && gate.waiting() === 2);
    expect(pending).toHaveLength(2);

    const refused = await get("/e", { accept: "application/json" });
    expect(refused).toMatchObject({ status: 503, retryAfter: "1", type: "application/json" });
    expect(JSON.parse(refused.body)).toEqual({ ok: false, code: "unavailable", error: expect.any(String) });
    expect(refusals).toEqual(["queue_full"]);
    // Probes are not behind the gate.
    expect((await get("/api/health")).body).toBe("ok");

    // A slot frees: the first in the queue runs (first in, first out).
    pending.shift()!.end("a");
    await until(() => pending.length === 2);
    expect(gate.waiting()).toBe(1);
    for (const res of pending.splice(0)) res.end("done");
    await until(() => pending.length === 1);
    pending.shift()!.end("d");
    expect((await Promise.all(answers)).map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(gate.inFlight()).toBe(0);
  });

  it("refuses a request that waited longer than the queue's timeout", async () => {
    const { gate, pending, refusals, get, until } = await gatedServer({
      concurrency: 1,
      queue: 5,
      queueTimeoutMs: 50,
      shedAfterMs: 60_000,
    });
    const first = get("/a");
    await until(() => gate.inFlight() === 1);
    const late = await get("/b", { accept: "text/html" });
    expect(late).toMatchObject({ status: 503, retryAfter: "1", type: "text/html; charset=utf-8" });
    expect(late.body).toContain("Skillgrid is busy");
    expect(refusals).toEqual(["queue_timeout"]);
    expect(gate.waiting()).toBe(0);
    pending.shift()!.end();
    expect((await first).status).toBe(200);
  });

  it("gives the place of a client that hung up while waiting to the next one", async () => {
    const { gate, pending, get, until } = await gatedServer({
      concurrency: 1,
      queue: 1,
      queueTimeoutMs: 60_000,
      shedAfterMs: 60_000,
    });
    const first = get("/a");
    await until(() => gate.inFlight() === 1);
    const { port } = server!.address() as AddressInfo;
    const quitter = http.get(`http://127.0.0.1:${port}/quit`);
    quitter.on("error", () => {});
    await until(() => gate.waiting() === 1);
    quitter.destroy();
    await until(() => gate.waiting() === 0);
    const next = get("/next");
    await until(() => gate.waiting() === 1);
    pending.shift()!.end();
    await until(() => pending.length === 1);
    pending.shift()!.end();
    expect([(await first).status, (await next).status]).toEqual([200, 200]);
  });

  it("answers in the shape of each caller's other errors", async () => {
    const { gate, pending, get, until } = await gatedServer({
      concurrency: 1,
      queue: 0,
      queueTimeoutMs: 1000,
      shedAfterMs: 60_000,
    });
    const first = get("/a");
    await until(() => gate.inFlight() === 1);
    const api = await get("/api/v1/me");
    expect(JSON.parse(api.body)).toEqual({ error: { code: "unavailable", message: expect.any(String) } });
    const scim = await get("/scim/v2/Users");
    expect(scim.type).toBe("application/scim+json");
    expect(JSON.parse(scim.body)).toMatchObject({ status: "503" });
    // A server action asks for text/html too; it gets the typed JSON its autosave retries.
    const action = await get("/me", { accept: "text/html, text/x-component", "next-action": "abc" });
    expect(JSON.parse(action.body)).toMatchObject({ code: "unavailable" });
    pending.shift()!.end();
    await first;
  });

  it("refuses arrivals at once while the first in line has waited too long, and queues them again once it moves", async () => {
    const { gate, pending, refusals, get, until } = await gatedServer({
      concurrency: 1,
      queue: 10,
      queueTimeoutMs: 60_000,
      shedAfterMs: 40,
    });
    const first = get("/a");
    await until(() => gate.inFlight() === 1);
    // A fresh queue takes a newcomer: its head has not waited yet.
    const second = get("/b");
    await until(() => gate.waiting() === 1);
    await new Promise((r) => setTimeout(r, 80));
    const shed = await get("/c");
    expect(shed).toMatchObject({ status: 503, retryAfter: "1" });
    expect(refusals).toEqual(["backlog"]);
    // The line moves: the queue is fresh again and takes the next one.
    pending.shift()!.end();
    await until(() => pending.length === 1 && gate.waiting() === 0);
    const third = get("/d");
    await until(() => gate.waiting() === 1);
    for (const res of pending.splice(0)) res.end();
    await until(() => pending.length === 1);
    pending.shift()!.end();
    expect([(await first).status, (await second).status, (await third).status]).toEqual([200, 200, 200]);
  });

  it("lets probes and static files through", () => {
    expect(bypassesAdmission("/api/health")).toBe(true);
    expect(bypassesAdmission("/api/ready?x=1")).toBe(true);
    expect(bypassesAdmission("/_next/static/chunks/a.js")).toBe(true);
    expect(bypassesAdmission("/api/healthz")).toBe(false);
    expect(bypassesAdmission("/me")).toBe(false);
    expect(bypassesAdmission("/_next/data/x.json")).toBe(false);
  });
});
