import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";

import { getEnv, resetEnvCache } from "@/lib/env";
import { trackRequests } from "@/lib/server/drain";
import { createShutdown } from "@/lib/server/shutdown";

import { restoreEnvAfterEach } from "../support/env";

type Reply = { status: number; connection: string | undefined };

function get(agent: http.Agent, url: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
      })
      .on("error", reject);
  });
}

async function listen(handler: http.RequestListener): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe("draining an HTTP server", () => {
  it("answers the requests in flight with Connection: close, then closes without waiting for the deadline", async () => {
    const held: http.ServerResponse[] = [];
    const { server, url } = await listen((req, res) => (req.url === "/hold" ? void held.push(res) : res.end("ok")));
    const requests = trackRequests(server);
    const agents = Array.from({ length: 8 }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
    // Eight keep-alive connections, each then busy with a request the server holds.
    await Promise.all(agents.map((agent) => get(agent, url)));
    const pending = agents.map((agent) => get(agent, `${url}/hold`));
    while (requests.inFlight() < 8) await new Promise((r) => setTimeout(r, 5));

    const drained = requests.drain(5_000);
    for (const res of held) res.end("done");
    const replies = await Promise.all(pending);
    const result = await drained;
    expect(replies).toEqual(Array.from({ length: 8 }, () => ({ status: 200, connection: "close" })));
    expect(result).toMatchObject({ drained: true, cut: 0 });
    expect(result.ms).toBeLessThan(1_000);
    expect(server.listening).toBe(false);
    // No new connection is accepted.
    await expect(get(agents[0]!, url)).rejects.toThrow(/ECONNREFUSED/);
    agents.forEach((agent) => agent.destroy());
  });

  it("closes a connection whose response had already started as soon as that response ends", async () => {
    let streaming: http.ServerResponse | undefined;
    const { server, url } = await listen((_req, res) => {
      res.writeHead(200);
      res.write("first part");
      streaming = res;
    });
    const requests = trackRequests(server);
    const agent = new http.Agent({ keepAlive: true });
    const reply = new Promise<Reply>((resolve) =>
      http.get(url, { agent }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
      }),
    );
    while (!streaming) await new Promise((r) => setTimeout(r, 5));
    const drained = requests.drain(5_000);
    await new Promise((r) => setTimeout(r, 50));
    streaming.end();
    // Its headers went out before the drain, so they say keep-alive; the server closes it anyway.
    expect(await reply).toEqual({ status: 200, connection: "keep-alive" });
    const result = await drained;
    expect(result).toMatchObject({ drained: true, cut: 0 });
    expect(result.ms).toBeLessThan(1_000); // not Node's 5 s keep-alive timeout
    agent.destroy();
  });

  it("closes idle keep-alive connections at once", async () => {
    const { server, url } = await listen((_req, res) => res.end("ok"));
    const requests = trackRequests(server);
    const agent = new http.Agent({ keepAlive: true });
    await Promise.all([get(agent, url), get(agent, url), get(agent, url)]);
    const result = await requests.drain(5_000);
    agent.destroy();
    expect(result).toMatchObject({ drained: true, cut: 0 });
    expect(result.ms).toBeLessThan(500);
  });

  it("cuts a request still running at the deadline", async () => {
    const { server, url } = await listen(() => {}); // never answers
    const requests = trackRequests(server);
    const agent = new http.Agent({ keepAlive: true });
    const pending = get(agent, url).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 100));
    expect(requests.inFlight()).toBe(1);
    const result = await requests.drain(200);
    expect(result).toMatchObject({ drained: false, cut: 1 });
    expect(await pending).toBeInstanceOf(Error);
    agent.destroy();
  });
});

describe("the shutdown sequence", () => {
  const fakeLog = (lines: string[]) => ({
    info: (_: object, msg: string) => void lines.push(msg),
    warn: (_: object, msg: string) => void lines.push(msg),
    error: (_: object, msg: string) => void lines.push(msg),
  });

  it("drains, then closes the database, then exits 0; a second signal changes nothing", async () => {
    const events: string[] = [];
    const lines: string[] = [];
    let release = () => {};
    const shutdown = createShutdown({
      requests: {
        inFlight: () => 3,
        drain: async () => {
          events.push("drain started");
          await new Promise<void>((r) => (release = r));
          events.push("drained");
          return { drained: true, cut: 0, ms: 5 };
        },
      },
      timeoutMs: 1_000,
      startup: Promise.resolve(),
      closeDatabase: async () => void events.push("database closed"),
      log: fakeLog(lines),
      exit: (code) => void events.push(`exit ${code}`),
    });
    const first = shutdown("SIGTERM");
    const second = shutdown("SIGINT");
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual(["drain started"]);
    release();
    await Promise.all([first, second]);
    expect(events).toEqual(["drain started", "drained", "database closed", "exit 0"]);
    expect(lines).toEqual([
      "shutdown: started",
      "shutdown: already in progress, signal ignored",
      "shutdown: requests drained",
      "shutdown: complete",
    ]);
  });

  it("waits for start-up (migrations) before closing the database", async () => {
    const events: string[] = [];
    let finishStartup = () => {};
    const startup = new Promise<void>((r) => (finishStartup = r)).then(() => void events.push("startup done"));
    const done = createShutdown({
      requests: { inFlight: () => 0, drain: async () => ({ drained: true, cut: 0, ms: 0 }) },
      timeoutMs: 5_000,
      startup,
      closeDatabase: async () => void events.push("database closed"),
      log: fakeLog([]),
      exit: (code) => void events.push(`exit ${code}`),
    })("SIGTERM");
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual([]);
    finishStartup();
    await done;
    expect(events).toEqual(["startup done", "database closed", "exit 0"]);
  });

  it("exits 1 when the database does not close cleanly", async () => {
    const codes: number[] = [];
    const lines: string[] = [];
    await createShutdown({
      requests: { inFlight: () => 0, drain: async () => ({ drained: false, cut: 2, ms: 10 }) },
      timeoutMs: 10,
      startup: Promise.resolve(),
      closeDatabase: async () => {
        throw new Error("disk gone");
      },
      log: fakeLog(lines),
      exit: (code) => void codes.push(code),
    })("SIGTERM");
    expect(codes).toEqual([1]);
    expect(lines).toContain("shutdown: deadline reached, cut the connections still open");
    expect(lines).toContain("shutdown: closing the database failed");
  });
});

describe("SHUTDOWN_TIMEOUT_SECONDS", () => {
  restoreEnvAfterEach();

  it("defaults to 10 seconds and accepts fractions", () => {
    delete process.env.SHUTDOWN_TIMEOUT_SECONDS;
    resetEnvCache();
    expect(getEnv().SHUTDOWN_TIMEOUT_SECONDS).toBe(10);
    process.env.SHUTDOWN_TIMEOUT_SECONDS = "2.5";
    resetEnvCache();
    expect(getEnv().SHUTDOWN_TIMEOUT_SECONDS).toBe(2.5);
  });

  it.each(["-1", "soon", "86400"])("refuses %s", (value) => {
    process.env.SHUTDOWN_TIMEOUT_SECONDS = value;
    resetEnvCache();
    expect(() => getEnv()).toThrow(/SHUTDOWN_TIMEOUT_SECONDS/);
  });
});
