import http from "node:http";

/**
 * The HTTP server `next start` (or the standalone server.js) is listening
 * with. Next.js keeps it private; register() runs in the same process once
 * it listens. process._getActiveHandles() is undocumented but stable since
 * Node 0.x, and the listening server is the only way to reach it from here.
 */
export function findHttpServer(): http.Server | undefined {
  const handles = (process as unknown as { _getActiveHandles: () => unknown[] })._getActiveHandles();
  return handles.find((h): h is http.Server => h instanceof http.Server && h.listening);
}
