import net, { type AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";

import { smtpTransport, smtpUrlOptions, type OutgoingMail } from "@/lib/notifications/mailer";

// The SMTP transport against real servers on loopback: what SMTP_URL says is
// what it does (TLS, credentials, options), it reuses a few connections, and
// no wait is unbounded.

const mail: OutgoingMail = {
  from: "skillgrid@acme.test",
  to: "someone@acme.test",
  subject: "Hello",
  text: "hi",
  html: "<p>hi</p>",
  headers: {},
  messageId: "<1@acme.test>",
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function server(
  options: SMTPServerOptions,
): Promise<{ port: number; received: string[]; connections: () => number }> {
  const received: string[] = [];
  let connections = 0;
  const srv = new SMTPServer({
    logger: false,
    ...options,
    onConnect: (_session, cb) => {
      connections++;
      cb();
    },
    onData(stream, session, cb) {
      stream.resume();
      stream.on("end", () => {
        received.push(session.user ?? "");
        cb();
      });
    },
  });
  srv.on("error", () => {}); // a client refusing the certificate drops the connection mid-handshake
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", () => resolve()));
  closers.push(() => new Promise((resolve) => srv.close(() => resolve())));
  const port = ((srv as unknown as { server: net.Server }).server.address() as AddressInfo).port;
  return { port, received, connections: () => connections };
}

describe("the SMTP transport", () => {
  it("reads SMTP_URL: host, port, TLS, credentials and options", () => {
    expect(
      smtpUrlOptions(
        "smtps://bot%40acme.test:p%40ss@mail.acme.test?name=skills.acme.test&tls.minVersion=TLSv1.2&pool=false",
      ),
    ).toEqual({
      host: "mail.acme.test",
      port: 465,
      secure: true,
      auth: { user: "bot@acme.test", pass: "p@ss" },
      name: "skills.acme.test",
      tls: { minVersion: "TLSv1.2" },
      pool: false,
    });
    expect(smtpUrlOptions("smtp://[::1]:2525")).toEqual({ host: "::1", port: 2525, secure: false });
    expect(smtpUrlOptions("smtp://mail.acme.test").port).toBe(587);
  });

  it("sends many messages over a few reused connections, quickly", async () => {
    const s = await server({ authOptional: true, disabledCommands: ["STARTTLS"] });
    const t = smtpTransport({ url: `smtp://127.0.0.1:${s.port}`, rejectUnauthorized: true, requireTLS: false });
    closers.push(async () => t.close());
    await Promise.all(Array.from({ length: 40 }, () => t.send(mail)));
    expect(s.received).toHaveLength(40);
    expect(s.connections()).toBeLessThanOrEqual(4);
  });

  it("logs in with the URL's credentials", async () => {
    const s = await server({
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      onAuth: (auth, _session, cb) =>
        auth.username === "bot@acme.test" && auth.password === "p@ss"
          ? cb(null, { user: auth.username })
          : cb(new Error("Invalid username or password")),
    });
    const good = smtpTransport({
      url: `smtp://bot%40acme.test:p%40ss@127.0.0.1:${s.port}`,
      rejectUnauthorized: true,
      requireTLS: false,
    });
    const bad = smtpTransport({
      url: `smtp://bot%40acme.test:nope@127.0.0.1:${s.port}`,
      rejectUnauthorized: true,
      requireTLS: false,
    });
    closers.push(async () => (good.close(), bad.close()));
    await good.send(mail);
    expect(s.received).toEqual(["bot@acme.test"]);
    await expect(bad.send(mail)).rejects.toMatchObject({ code: "EAUTH" });
  });

  it("smtps:// refuses a certificate that does not verify unless told to accept it", async () => {
    // smtp-server's built-in certificate is self-signed for localhost.
    const s = await server({ secure: true, authOptional: true });
    const strict = smtpTransport({ url: `smtps://127.0.0.1:${s.port}`, rejectUnauthorized: true, requireTLS: false });
    const lax = smtpTransport({ url: `smtps://127.0.0.1:${s.port}`, rejectUnauthorized: false, requireTLS: false });
    closers.push(async () => (strict.close(), lax.close()));
    await expect(strict.send(mail)).rejects.toThrow();
    expect(s.received).toHaveLength(0);
    await lax.send(mail);
    expect(s.received).toHaveLength(1);
  });

  it("SMTP_REQUIRE_TLS refuses a server that offers no STARTTLS", async () => {
    const s = await server({ authOptional: true, disabledCommands: ["STARTTLS"] });
    const t = smtpTransport({ url: `smtp://127.0.0.1:${s.port}`, rejectUnauthorized: true, requireTLS: true });
    closers.push(async () => t.close());
    await expect(t.send(mail)).rejects.toThrow();
    expect(s.received).toHaveLength(0);
  });

  it("more messages than connections to a server that is down: every one fails at once, none is left waiting", async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const t = smtpTransport({ url: `smtp://127.0.0.1:${port}`, rejectUnauthorized: true, requireTLS: false });
    closers.push(async () => t.close());
    const started = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.send(mail).then(
          () => "sent",
          () => "refused",
        ),
      ),
    );
    expect(outcomes).toEqual(Array(12).fill("refused"));
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("gives up on a server that accepts the connection and never answers, within the greeting timeout", async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", () => resolve()));
    const sockets = new Set<net.Socket>();
    silent.on("connection", (socket) => sockets.add(socket));
    closers.push(
      () =>
        new Promise((resolve) => {
          sockets.forEach((socket) => socket.destroy());
          silent.close(() => resolve());
        }),
    );
    const port = (silent.address() as AddressInfo).port;
    const t = smtpTransport({ url: `smtp://127.0.0.1:${port}`, rejectUnauthorized: true, requireTLS: false });
    closers.push(async () => t.close());
    const started = Date.now();
    await expect(t.send(mail)).rejects.toMatchObject({ code: "ETIMEDOUT" });
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);
});
