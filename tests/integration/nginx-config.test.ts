import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

// The reverse proxy shipped in docker-compose.yml, run for real (Debian's
// nginx) in front of a server that echoes the headers it receives: the app
// must see the Host the browser sent, never a client-supplied
// X-Forwarded-Host (Next.js trusts that header over Host when it compares a
// server action's Origin).

const NGINX = "/usr/sbin/nginx";
if (!existsSync(NGINX) && process.env.CI) throw new Error("nginx is missing: apt-get install -y nginx (.ci/run does)");

describe.skipIf(!existsSync(NGINX))("the shipped nginx configuration", () => {
  let echo: http.Server;
  let nginx: ChildProcess;
  let dir: string;
  let port: number;

  beforeAll(async () => {
    echo = http.createServer((req, res) => res.end(JSON.stringify(req.headers)));
    await new Promise<void>((r) => echo.listen(0, "127.0.0.1", r));
    port = await new Promise<number>((resolve) => {
      const probe = http.createServer().listen(0, "127.0.0.1", () => {
        const p = (probe.address() as AddressInfo).port;
        probe.close(() => resolve(p));
      });
    });
    const compose = parse(readFileSync(path.join(__dirname, "../../docker-compose.yml"), "utf8")) as {
      configs: { nginx: { content: string } };
    };
    const server = compose.configs.nginx.content
      .replaceAll("$$", "$") // compose's escape for a literal $
      .replace(/server app:3000;/, `server 127.0.0.1:${(echo.address() as AddressInfo).port};`)
      .replace(/listen 80;/, `listen 127.0.0.1:${port};`);
    dir = mkdtempSync(path.join(tmpdir(), "skillgrid-nginx-"));
    const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
      .map((t) => `${t}_temp_path ${dir}/${t};`)
      .join(" ");
    writeFileSync(
      path.join(dir, "nginx.conf"),
      `pid ${dir}/nginx.pid; error_log stderr; events {} http { access_log off; ${temp} ${server} }`,
    );
    nginx = spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    for (let i = 0; i < 100; i++) {
      const up = await fetch(`http://127.0.0.1:${port}/`).then(
        () => true,
        () => false,
      );
      if (up) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("nginx did not start");
  });

  afterAll(async () => {
    nginx?.kill("SIGTERM");
    await new Promise((r) => echo?.close(r));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("overwrites a client's X-Forwarded-Host with the Host it was sent, port included", async () => {
    const seen = await new Promise<Record<string, string>>((resolve, reject) => {
      http
        .get(
          {
            host: "127.0.0.1",
            port,
            path: "/",
            headers: { "x-forwarded-host": "evil.example", "x-request-id": "forged" },
          },
          (res) => {
            let body = "";
            res.on("data", (d) => (body += d));
            res.on("end", () => resolve(JSON.parse(body)));
          },
        )
        .on("error", reject);
    });
    expect(seen["host"]).toBe(`127.0.0.1:${port}`);
    expect(seen["x-forwarded-host"]).toBe(`127.0.0.1:${port}`);
    expect(seen["x-request-id"]).not.toBe("forged");
  });
});
