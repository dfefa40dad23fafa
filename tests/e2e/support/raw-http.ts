import http from "node:http";

export type RawResult = { status: number; ms: number; sentMb: number; body: string; headers: http.IncomingHttpHeaders };

/**
 * POSTs `mb` megabytes with Transfer-Encoding: chunked (no Content-Length),
 * as an attacker would, and stops sending as soon as the server answers.
 * `ms` is the time to the answer; `sentMb` how much had been sent by then.
 */
export function chunkedPost(url: string, mb: number, headers: Record<string, string> = {}): Promise<RawResult> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(url, { method: "POST", headers: { "transfer-encoding": "chunked", ...headers } });
    req.on("response", (res) => {
      answered = true;
      const ms = Date.now() - t0;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, ms, sentMb: sent / 2 ** 20, body, headers: res.headers });
        req.destroy();
      });
    });
    // The server may close the socket after answering; that is not a failure.
    req.on("error", (e) => (answered ? undefined : reject(e)));
    const chunk = Buffer.alloc(2 ** 20, "a");
    req.write(
      `--XX\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    );
    const pump = () => {
      while (!answered && sent < mb * 2 ** 20) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}
