import { Text } from "@react-email/components";

import type { CycleOpenedPayload } from "../kinds";
import type { EmailContext } from "./email-context";
import { EmailAction, EmailLayout, styles } from "./email-layout";

export function cycleOpenedEmail(p: CycleOpenedPayload, c: EmailContext) {
  const date = c.date(p.endsOn);
  const subject = c.t("cycleOpened.subject", { quarter: p.quarter });
  const element = (
    <EmailLayout
      c={c}
      kind="cycle_opened"
      heading={subject}
      preview={c.t("cycleOpened.preview", { quarter: p.quarter, date })}
    >
      <Text style={styles.text}>{c.t("cycleOpened.body", { quarter: p.quarter })}</Text>
      <Text style={{ ...styles.text, fontWeight: 600 }}>
        {c.t("cycleOpened.progress", { rated: p.rated, total: p.total })}
      </Text>
      <Text style={styles.text}>{c.t("cycleOpened.closes", { date })}</Text>
      <EmailAction href={c.link("/me")} label={c.t("cycleOpened.action")} />
    </EmailLayout>
  );
  return { subject, element };
}
