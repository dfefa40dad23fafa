// A deliberately unfair load balancer for the two-instance test: every GET
// and HEAD goes to the first app instance and everything else (server-action
// POSTs, the sign-in form posts) to the second, so each page rendered by one
// instance submits its actions to the other. It passes the Host header
// through, as a real proxy would, and names the instance that answered in
// `x-skillgrid-instance`.
import http from "node:http";

const port = Number(process.env.SPLIT_PROXY_PORT);
const [reads, writes] = (process.env.SPLIT_PROXY_UPSTREAMS ?? "").split(",").map((u) => new URL(u.trim()));
if (!port || !reads || !writes)
  throw new Error("SPLIT_PROXY_PORT and SPLIT_PROXY_UPSTREAMS=readUrl,writeUrl are required");

http
  .createServer((req, res) => {
    const target = req.method === "GET" || req.method === "HEAD" ? reads : writes;
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-skillgrid-instance": target.port });
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  })
  .listen(port, "127.0.0.1", () =>
    console.log(`split-proxy on ${port}: reads → ${reads.port}, writes → ${writes.port}`),
  );
