import { Text } from "@react-email/components";

import type { CycleReminderPayload } from "../kinds";
import type { EmailContext } from "./email-context";
import { EmailAction, EmailLayout, styles } from "./email-layout";

export function cycleReminderEmail(p: CycleReminderPayload, c: EmailContext) {
  const date = c.date(p.endsOn);
  const subject = c.t("cycleReminder.subject", { quarter: p.quarter, daysLeft: p.daysLeft });
  const element = (
    <EmailLayout
      c={c}
      kind="cycle_reminder"
      heading={subject}
      preview={c.t("cycleReminder.preview", { quarter: p.quarter, date })}
    >
      <Text style={styles.text}>{c.t("cycleReminder.body", { quarter: p.quarter, date })}</Text>
      <Text style={{ ...styles.text, fontWeight: 600 }}>
        {c.t("cycleOpened.progress", { rated: p.rated, total: p.total })}
      </Text>
      <EmailAction href={c.link("/me")} label={c.t("cycleReminder.action")} />
    </EmailLayout>
  );
  return { subject, element };
}
