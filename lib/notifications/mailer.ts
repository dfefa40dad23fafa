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
  const transporter = nodemailer.createTransport({
    url: o.url,
    pool: true,
    maxConnections: 4,
    maxMessages: 500,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    requireTLS: o.requireTLS,
    tls: { rejectUnauthorized: o.rejectUnauthorized },
  });
  return {
    send: async (mail) => {
      await transporter.sendMail(mail);
    },
    close: () => transporter.close(),
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
