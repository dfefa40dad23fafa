import { Section, Text } from "@react-email/components";

import type { ValidationRecordedPayload } from "../kinds";
import type { EmailContext } from "./email-context";
import { COLORS, EmailAction, EmailLayout, styles } from "./email-layout";

export function validationRecordedEmail(p: ValidationRecordedPayload, c: EmailContext) {
  const leads = c.list([...new Set(p.items.map((item) => item.leadName))]);
  const first = p.items[0];
  const subject = c.t("validationRecorded.subject", {
    lead: leads,
    count: p.items.length,
    skill: first ? c.name(first.skill) : "",
  });
  const element = (
    <EmailLayout
      c={c}
      kind="validation_recorded"
      heading={subject}
      preview={c.t("validationRecorded.preview", { count: p.items.length })}
    >
      <Text style={styles.text}>{c.t("validationRecorded.intro", { count: p.items.length })}</Text>
      {p.items.map((item, index) => (
        <Section
          key={index}
          style={{ borderLeft: `3px solid ${COLORS.border}`, padding: "0 0 0 12px", margin: "0 0 16px" }}
        >
          <Text style={{ ...styles.text, fontWeight: 600, margin: "0 0 4px" }}>
            {c.t("validationRecorded.item", {
              skill: c.name(item.skill),
              level: c.t("level", { level: item.proficiency }),
            })}
          </Text>
          {item.comment.trim() && (
            <Text style={{ ...styles.text, margin: "0 0 4px", whiteSpace: "pre-line" }}>{item.comment}</Text>
          )}
          <Text style={{ ...styles.text, color: COLORS.muted, fontSize: "14px", margin: 0 }}>
            {c.t("validationRecorded.by", { name: item.leadName })}
          </Text>
        </Section>
      ))}
      <EmailAction href={c.link("/me")} label={c.t("validationRecorded.action")} />
    </EmailLayout>
  );
  return { subject, element };
}
