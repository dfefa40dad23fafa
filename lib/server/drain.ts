import type { Server, ServerResponse } from "node:http";

export type DrainResult = {
  /** Every connection ended by itself before the deadline. */
  drained: boolean;
  /** Requests still being answered at the deadline, whose connections were cut. */
  cut: number;
  ms: number;
};

export type RequestTracker = {
  inFlight: () => number;
  drain: (timeoutMs: number) => Promise<DrainResult>;
};

/**
 * Follows the requests an HTTP server is answering so that it can stop
 * gracefully. `server.close()` alone never finishes while keep-alive clients
 * keep sending: each connection stays busy, and Node does not tell clients to
 * hang up. drain() stops accepting connections, puts `Connection: close` on
 * every response that has not started (and on any request that still arrives
 * on an open connection), closes each connection as soon as it falls idle,
 * and at the deadline cuts whatever is left.
 */
export function trackRequests(server: Server): RequestTracker {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  const sayClose = (res: ServerResponse) => {
    // Node then ends the connection after this response (res._last).
    if (!res.headersSent) res.setHeader("connection", "close");
  };
  // First in line, before Next.js's handler writes anything.
  server.prependListener("request", (_req, res: ServerResponse) => {
    inFlight.add(res);
    if (draining) sayClose(res);
    res.once("close", () => {
      inFlight.delete(res);
      // A response whose headers went out before drain() kept its connection
      // open: it is idle now, so close it before the client reuses it.
      if (draining) server.closeIdleConnections();
    });
  });

  return {
    inFlight: () => inFlight.size,
    drain: (timeoutMs) => {
      const started = Date.now();
      draining = true;
      inFlight.forEach(sayClose);
      return new Promise((resolve) => {
        let done = false;
        const finish = (result: Omit<DrainResult, "ms">) => {
          if (done) return;
          done = true;
          resolve({ ...result, ms: Date.now() - started });
        };
        const deadline = setTimeout(() => {
          const cut = inFlight.size;
          server.closeAllConnections();
          finish({ drained: false, cut });
        }, timeoutMs);
        // Stops listening; calls back once every connection has ended.
        server.close(() => {
          clearTimeout(deadline);
          finish({ drained: true, cut: 0 });
        });
        server.closeIdleConnections();
      });
    },
  };
}
