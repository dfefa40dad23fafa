import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

// A real SMTP server on loopback that keeps what it receives, for tests. It
// can be stopped and started again on the same port (the fault test), and
// told to refuse mail with a temporary error for a while.

export type ReceivedMail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Map<string, string>;
  /** X-Skillgrid-Notification: the outbox row it came from. */
  notificationId: string | null;
  messageId: string | null;
};

export type SmtpSink = {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** While on, every message is refused with 451 (a temporary failure). */
  refuse: (on: boolean) => void;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  waitFor: (count: number, timeoutMs?: number) => Promise<ReceivedMail[]>;
};

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let refusing = false;
  let server: SMTPServer | null = null;
  let boundPort = port;

  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      // Accept many connections at once: the worker's pool opens several.
      maxClients: 50,
      onData(stream, _session, callback) {
        if (refusing) {
          stream.resume();
          stream.on("end", () => callback(Object.assign(new Error("Try again later"), { responseCode: 451 })));
          return;
        }
        simpleParser(stream)
          .then((mail) => {
            // Each header as sent (unfolded), by lower-case name: mailparser's own parse turns List-* into objects.
            const headers = new Map<string, string>();
            for (const h of mail.headerLines)
              headers.set(
                h.key,
                h.line
                  .slice(h.line.indexOf(":") + 1)
                  .replace(/\r?\n[ \t]+/g, " ")
                  .trim(),
              );
            const raw = (name: string) => headers.get(name) ?? null;
            received.push({
              to: Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? ""),
              subject: mail.subject ?? "",
              html: typeof mail.html === "string" ? mail.html : "",
              text: mail.text ?? "",
              headers,
              notificationId: raw("x-skillgrid-notification"),
              messageId: mail.messageId ?? null,
            });
            callback();
          })
          .catch((e: Error) => callback(e));
      },
    });

  const start = () =>
    new Promise<void>((resolve, reject) => {
      server = create();
      server.on("error", () => {});
      // Replies go out at once: with Nagle's algorithm each SMTP round trip waits ~40 ms for a delayed ACK.
      (
        server as unknown as {
          server: { on: (e: string, f: (s: { setNoDelay: (v: boolean) => void }) => void) => void };
        }
      ).server.on("connection", (socket) => socket.setNoDelay(true));
      server.listen(boundPort, "127.0.0.1", () => {
        boundPort = (server as unknown as { server: { address: () => AddressInfo } }).server.address().port;
        resolve();
      });
      (server as unknown as { server: { once: (e: string, f: (err: Error) => void) => void } }).server.once(
        "error",
        reject,
      );
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      const s = server;
      server = null;
      s.close(() => resolve());
    });
  await start();
  const sink: SmtpSink = {
    get url() {
      return `smtp://127.0.0.1:${boundPort}`;
    },
    get port() {
      return boundPort;
    },
    received,
    refuse: (on) => {
      refusing = on;
    },
    stop,
    start,
    waitFor: async (count, timeoutMs = 20_000) => {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} emails, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return received;
    },
  };
  return sink;
}
