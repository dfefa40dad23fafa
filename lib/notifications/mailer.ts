import net from "node:net";
import tls from "node:tls";
import nodemailer from "nodemailer";

// Sending over SMTP. One pooled transport per process: a few connections
// reused across messages, so a burst of 2,000 emails does not open 2,000
// connections. Every wait is bounded, so a server that hangs fails the
// attempt (it is retried later) instead of holding a worker forever.

export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** Stable per notification: a receiving server can tell a resend of the same email. */
  messageId: string;
};

export type MailTransport = {
  send: (mail: OutgoingMail) => Promise<void>;
  close: () => void;
};

export type SmtpOptions = { url: string; rejectUnauthorized: boolean; requireTLS: boolean };

export function smtpTransport(o: SmtpOptions): MailTransport {
  const fromUrl = smtpUrlOptions(o.url);
  const transporter = nodemailer.createTransport({
    ...fromUrl,
    getSocket: connectWithoutDelay(fromUrl, o.rejectUnauthorized),
    pool: true,
    maxConnections: 4,
    maxMessages: 500,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    requireTLS: o.requireTLS || fromUrl.requireTLS === true,
    tls: { ...fromUrl.tls, rejectUnauthorized: o.rejectUnauthorized },
  });
  return {
    send: async (mail) => {
      await transporter.sendMail(mail);
    },
    close: () => transporter.close(),
  };
}

type UrlOptions = {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
  tls?: Record<string, unknown>;
  [option: string]: unknown;
};

/**
 * SMTP_URL as transport options. Parsed here, not handed to nodemailer as
 * `url`: given a `url`, createTransport builds its options from the URL alone
 * and drops every other one (the pool, the timeouts, TLS settings). Query
 * parameters become options (`?name=skillgrid.example.com&tls.minVersion=TLSv1.2`);
 * "true", "false" and numbers are read as such.
 */
export function smtpUrlOptions(smtpUrl: string): UrlOptions {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  const options: UrlOptions = {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
  };
  if (url.username) options.auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
  for (const [key, raw] of url.searchParams) {
    const value = raw === "true" ? true : raw === "false" ? false : /^\d+$/.test(raw) ? Number(raw) : raw;
    if (key.startsWith("tls.")) options.tls = { ...options.tls, [key.slice(4)]: value };
    else if (!["host", "port", "secure", "auth"].includes(key)) options[key] = value;
  }
  return options;
}

type SocketCallback = (err: Error | null, socket?: { connection: net.Socket; secured?: boolean }) => void;

/**
 * Opens the SMTP connection itself, with Nagle's algorithm off. nodemailer
 * writes a message in several small writes; with Nagle on, each waits for the
 * server's delayed ACK (~40 ms), which made every message take ~44 ms on one
 * connection instead of ~2 ms. smtps:// connects with TLS from the start
 * (certificate checked unless SMTP_TLS_REJECT_UNAUTHORIZED=0); smtp:// is
 * upgraded by STARTTLS afterwards as usual.
 *
 * The socket is handed over at once, still connecting: a refused or failed
 * connection then surfaces as the connection's own error, which the pool
 * handles (an error passed to this callback instead leaves the messages
 * queued behind it waiting forever), and the greeting timeout bounds a
 * server that never answers.
 */
function connectWithoutDelay({ host, port, secure, tls: tlsOptions }: UrlOptions, rejectUnauthorized: boolean) {
  return (_options: unknown, callback: SocketCallback) => {
    const socket = secure
      ? tls.connect({
          ...tlsOptions,
          host,
          port,
          servername: net.isIP(host) ? undefined : host,
          rejectUnauthorized,
        })
      : net.connect({ host, port });
    socket.setNoDelay(true);
    callback(null, { connection: socket, secured: secure });
  };
}

/**
 * What went wrong, for the outbox and the log: the SMTP reply code and the
 * library's error code, never the server's text (it may echo addresses).
 */
export function describeMailError(e: unknown): string {
  const err = e as { code?: unknown; responseCode?: unknown; command?: unknown };
  const parts = [
    typeof err?.code === "string" ? err.code : null,
    typeof err?.responseCode === "number" ? `SMTP ${err.responseCode}` : null,
    typeof err?.command === "string" ? `during ${err.command.split(" ")[0]}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" ") : "The mail server could not be reached.";
}

/** A reply the server will keep giving (5xx other than "try later"): retrying the same message will not help. */
export function isPermanentMailError(e: unknown): boolean {
  const code = (e as { responseCode?: unknown })?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}
