import { expect } from "@playwright/test";

// The e2e mail server's inbox (MailDev's REST API, started by
// playwright.config.ts): what the app really sent over SMTP.

export type InboxMail = {
  id: string;
  subject: string;
  html: string;
  text: string;
  to: { address: string; name: string }[];
  headers: Record<string, string>;
};

const inboxUrl = () => {
  const url = process.env.E2E_MAIL_WEB_URL;
  if (!url) throw new Error("E2E_MAIL_WEB_URL is not set (playwright.config.ts sets it)");
  return url;
};

export async function allMail(): Promise<InboxMail[]> {
  const res = await fetch(`${inboxUrl()}/email`);
  expect(res.ok).toBe(true);
  return (await res.json()) as InboxMail[];
}

/** Emails to `address` whose X-Skillgrid-Kind is `kind`. */
export async function mailTo(address: string, kind: string): Promise<InboxMail[]> {
  return (await allMail()).filter(
    (m) => m.to.some((t) => t.address === address) && m.headers["x-skillgrid-kind"] === kind,
  );
}

/** Waits for the first email to `address` of `kind` (the worker polls every 300 ms; a big org takes longer). */
export async function waitForMail(address: string, kind: string, timeoutMs = 120_000): Promise<InboxMail> {
  let found: InboxMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailTo(address, kind))[0];
        return !!found;
      },
      { timeout: timeoutMs, intervals: [500] },
    )
    .toBe(true);
  return found!;
}

/** The first absolute link in a text part that starts with `prefix`. */
export function linkIn(text: string, prefix: string): string {
  const match = text.match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^\\s\\])>"]*`));
  if (!match) throw new Error(`no link starting with ${prefix} in:\n${text}`);
  return match[0];
}
