import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";

import type { NotificationKind } from "../kinds";
import type { EmailContext } from "./email-context";

// Latin system fonts first, then the Traditional Chinese ones each platform ships: no web fonts to download.
const FONTS =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang TC", "Noto Sans TC", "Microsoft JhengHei", sans-serif';

export const COLORS = { text: "#1f2937", muted: "#4b5563", border: "#e5e7eb", primary: "#33469a", page: "#f3f4f6" };

export const styles = {
  text: { fontSize: "16px", lineHeight: "24px", color: COLORS.text, margin: "0 0 16px" },
  subheading: { fontSize: "15px", lineHeight: "22px", fontWeight: 600, color: COLORS.text, margin: "16px 0 4px" },
  list: { margin: "0 0 12px", paddingLeft: "20px", fontSize: "15px", lineHeight: "22px", color: COLORS.text },
  link: { color: COLORS.primary, textDecoration: "underline" },
  button: {
    display: "inline-block",
    backgroundColor: COLORS.primary,
    color: "#ffffff",
    fontSize: "16px",
    fontWeight: 600,
    lineHeight: "24px",
    padding: "10px 20px",
    borderRadius: "6px",
    textDecoration: "none",
  },
} satisfies Record<string, CSSProperties>;

/** The frame of every email: the product name, a greeting, the content and why the recipient gets it. */
export function EmailLayout(props: {
  c: EmailContext;
  kind: NotificationKind;
  preview: string;
  heading: string;
  children: ReactNode;
}) {
  const { c } = props;
  return (
    <Html lang={c.locale} dir="ltr">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={{ backgroundColor: COLORS.page, fontFamily: FONTS, margin: 0, padding: "16px 8px" }}>
        <Container style={{ maxWidth: "560px", margin: "0 auto" }}>
          <Text style={{ fontSize: "18px", fontWeight: 700, color: COLORS.primary, margin: "8px 16px 12px" }}>
            {c.t("brand")}
          </Text>
          <Section
            style={{
              backgroundColor: "#ffffff",
              border: `1px solid ${COLORS.border}`,
              borderRadius: "8px",
              padding: "24px 20px",
            }}
          >
            <Heading as="h1" style={{ fontSize: "22px", lineHeight: "30px", color: COLORS.text, margin: "0 0 16px" }}>
              {props.heading}
            </Heading>
            <Text style={styles.text}>
              {c.recipientName.trim() ? c.t("greeting", { name: c.recipientName }) : c.t("greetingNoName")}
            </Text>
            {props.children}
          </Section>
          <EmailFooter c={c} kind={props.kind} />
        </Container>
      </Body>
    </Html>
  );
}

function EmailFooter({ c, kind }: { c: EmailContext; kind: NotificationKind }) {
  const small = { fontSize: "13px", lineHeight: "20px", color: COLORS.muted, margin: "0 0 8px" };
  return (
    <Section style={{ padding: "8px 16px" }}>
      <Hr style={{ borderColor: COLORS.border, margin: "8px 0 12px" }} />
      <Text style={small}>{c.t(`footer.why.${kind}`)}</Text>
      <Text style={small}>
        <Link href={c.link("/me/email")} style={{ ...styles.link, color: COLORS.muted }}>
          {c.t("footer.preferences")}
        </Link>
        {" · "}
        <Link href={c.unsubscribeUrl} style={{ ...styles.link, color: COLORS.muted }}>
          {c.t("footer.unsubscribe")}
        </Link>
      </Text>
    </Section>
  );
}

/** The one call to action of an email. */
export function EmailAction({ href, label }: { href: string; label: string }) {
  return (
    <Section style={{ margin: "8px 0 4px" }}>
      <Button href={href} style={styles.button}>
        {label}
      </Button>
    </Section>
  );
}
