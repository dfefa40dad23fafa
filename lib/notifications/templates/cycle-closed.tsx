import { Text } from "@react-email/components";
import type { CSSProperties } from "react";

import type { CycleClosedPayload } from "../kinds";
import type { EmailContext } from "./email-context";
import { COLORS, EmailAction, EmailLayout, styles } from "./email-layout";

const cell: CSSProperties = {
  padding: "6px 8px",
  borderBottom: `1px solid ${COLORS.border}`,
  fontSize: "15px",
  lineHeight: "22px",
};
const number: CSSProperties = { ...cell, textAlign: "right", whiteSpace: "nowrap" };

export function cycleClosedEmail(p: CycleClosedPayload, c: EmailContext) {
  const subject = c.t("cycleClosed.subject", { quarter: p.quarter });
  const share = (rated: number, members: number) => (members > 0 ? c.percent(rated / members) : "—");
  const totals = p.teams.reduce(
    (sum, team) => ({ members: sum.members + team.members, rated: sum.rated + team.rated }),
    {
      members: 0,
      rated: 0,
    },
  );
  const element = (
    <EmailLayout
      c={c}
      kind="cycle_closed"
      heading={subject}
      preview={c.t("cycleClosed.preview", { quarter: p.quarter })}
    >
      <Text style={styles.text}>{c.t("cycleClosed.intro", { quarter: p.quarter })}</Text>
      {p.teams.length === 0 ? (
        <Text style={styles.text}>{c.t("cycleClosed.noTeams")}</Text>
      ) : (
        <table
          data-text-format="dataTable"
          role="presentation"
          cellPadding={0}
          cellSpacing={0}
          style={{ width: "100%", borderCollapse: "collapse", color: COLORS.text, margin: "0 0 16px" }}
        >
          <thead>
            <tr>
              <th style={{ ...cell, textAlign: "left" }}>{c.t("cycleClosed.team")}</th>
              <th style={number}>{c.t("cycleClosed.members")}</th>
              <th style={number}>{c.t("cycleClosed.rated")}</th>
              <th style={number}>{c.t("cycleClosed.completion")}</th>
            </tr>
          </thead>
          <tbody>
            {p.teams.map((team) => (
              <tr key={team.teamId}>
                <td style={cell}>{team.teamName}</td>
                <td style={number}>{team.members}</td>
                <td style={number}>{team.rated}</td>
                <td style={number}>{share(team.rated, team.members)}</td>
              </tr>
            ))}
            <tr>
              <td style={{ ...cell, fontWeight: 600 }}>{c.t("cycleClosed.total")}</td>
              <td style={{ ...number, fontWeight: 600 }}>{totals.members}</td>
              <td style={{ ...number, fontWeight: 600 }}>{totals.rated}</td>
              <td style={{ ...number, fontWeight: 600 }}>{share(totals.rated, totals.members)}</td>
            </tr>
          </tbody>
        </table>
      )}
      <EmailAction href={c.link("/org/cycles")} label={c.t("cycleClosed.action")} />
    </EmailLayout>
  );
  return { subject, element };
}
