import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";

import type { NotificationKind, NotificationPayloads } from "./kinds";
import { cycleClosedEmail } from "./templates/cycle-closed";
import { cycleOpenedEmail } from "./templates/cycle-opened";
import { cycleReminderEmail } from "./templates/cycle-reminder";
import { emailContext, type EmailContext, type RenderContext } from "./templates/email-context";
import { leadDigestEmail } from "./templates/lead-digest";
import { validationRecordedEmail } from "./templates/validation-recorded";

type Template<K extends NotificationKind> = (
  payload: NotificationPayloads[K],
  c: EmailContext,
) => { subject: string; element: ReactElement };

const TEMPLATES: { [K in NotificationKind]: Template<K> } = {
  cycle_opened: cycleOpenedEmail,
  cycle_reminder: cycleReminderEmail,
  lead_digest: leadDigestEmail,
  validation_recorded: validationRecordedEmail,
  cycle_closed: cycleClosedEmail,
};

// html-to-text shouts headings and table headers in capitals by default; the emails read as sentences.
const PLAIN_TEXT = {
  selectors: [
    ...["h1", "h2"].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: '[data-text-format="dataTable"]', format: "dataTable", options: { uppercaseHeaderCells: false } },
  ],
};

/** One email of a kind, in the recipient's language: the subject, the HTML part and the plain-text part. */
export async function renderNotification<K extends NotificationKind>(
  kind: K,
  payload: NotificationPayloads[K],
  ctx: RenderContext,
): Promise<{ subject: string; html: string; text: string }> {
  const template = TEMPLATES[kind] as Template<K>;
  const { subject, element } = template(payload, emailContext(ctx));
  // Rendered once: the text part is made from the HTML (what render's plainText option does after a second render).
  const html = await render(element);
  const text = toPlainText(html, PLAIN_TEXT);
  // A subject is a header: a name with a line break in it must not start a new one.
  return { subject: subject.replace(/[\r\n\t]+/g, " ").trim(), html, text: text.trim() };
}
