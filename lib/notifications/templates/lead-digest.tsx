import { Heading, Link, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

import type { DigestTeam, LeadDigestPayload } from "../kinds";
import { isoWeekMonday, type EmailContext } from "./email-context";
import { COLORS, EmailLayout, styles } from "./email-layout";

export function leadDigestEmail(p: LeadDigestPayload, c: EmailContext) {
  const monday = isoWeekMonday(p.week);
  const subject = c.t("leadDigest.subject", { date: monday ? c.date(monday) : p.week });
  const teams = p.teams.filter(hasNews);
  const element = (
    <EmailLayout c={c} kind="lead_digest" heading={subject} preview={c.t("leadDigest.preview", { quarter: p.quarter })}>
      {teams.length === 0 ? (
        <Text style={styles.text}>{c.t("leadDigest.nothing")}</Text>
      ) : (
        <>
          <Text style={styles.text}>{c.t("leadDigest.intro", { quarter: p.quarter })}</Text>
          {teams.map((team) => (
            <DigestTeamSection key={team.teamId} team={team} c={c} />
          ))}
        </>
      )}
    </EmailLayout>
  );
  return { subject, element };
}

function hasNews(team: DigestTeam): boolean {
  return team.notRated.length + team.toDiscuss.length + team.readinessDrops.length + team.newPlanItems.length > 0;
}

function DigestTeamSection({ team, c }: { team: DigestTeam; c: EmailContext }) {
  const href = c.link(`/teams/${encodeURIComponent(team.teamId)}`);
  return (
    <Section style={{ borderTop: `1px solid ${COLORS.border}`, padding: "12px 0 0", margin: "8px 0 0" }}>
      <Heading as="h2" style={{ fontSize: "18px", lineHeight: "26px", color: COLORS.text, margin: "0 0 4px" }}>
        {team.teamName}
      </Heading>
      {team.notRated.length > 0 && (
        <Part title={c.t("leadDigest.notRated")}>
          <Text style={{ ...styles.list, paddingLeft: 0 }}>{c.list(team.notRated.map((person) => person.name))}</Text>
        </Part>
      )}
      {team.toDiscuss.length > 0 && (
        <Part title={c.t("leadDigest.toDiscuss")}>
          <Items
            items={team.toDiscuss.map((row) =>
              c.t("leadDigest.discussItem", {
                name: row.name,
                skill: c.name(row.skill),
                self: row.self,
                validated: row.validated,
              }),
            )}
          />
        </Part>
      )}
      {team.readinessDrops.length > 0 && (
        <Part title={c.t("leadDigest.readinessDrops")}>
          <Items
            items={team.readinessDrops.map((drop) =>
              c.t("leadDigest.dropItem", {
                subject: c.name(drop.subject),
                from: c.percent(drop.from),
                to: c.percent(drop.to),
              }),
            )}
          />
        </Part>
      )}
      {team.newPlanItems.length > 0 && (
        <Part title={c.t("leadDigest.newPlanItems")}>
          <Items
            items={team.newPlanItems.map((item) =>
              c.t("leadDigest.planItem", {
                skill: c.name(item.skill),
                recommendation: c.t(`leadDigest.rec.${item.recommendation}`),
              }),
            )}
          />
        </Part>
      )}
      <Text style={{ ...styles.text, margin: "4px 0 8px" }}>
        <Link href={href} style={styles.link}>
          {c.t("leadDigest.openTeam", { team: team.teamName })}
        </Link>
      </Text>
    </Section>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Text style={styles.subheading}>{title}</Text>
      {children}
    </>
  );
}

function Items({ items }: { items: string[] }) {
  return (
    <ul style={styles.list}>
      {items.map((item, index) => (
        <li key={index} style={{ margin: "0 0 4px" }}>
          {item}
        </li>
      ))}
    </ul>
  );
}
