import { mkdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import type { AppLocale } from "@/lib/i18n/locales";
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationPayloads } from "@/lib/notifications/kinds";
import { renderNotification } from "@/lib/notifications/render";
import { isoWeekMonday } from "@/lib/notifications/templates/email-context";
import en from "@/messages/en.json";
import zhTW from "@/messages/zh-TW.json";

const APP_URL = "https://skills.example.com/";
const UNSUBSCRIBE = "https://skills.example.com/api/unsubscribe?token=abc123";
const LOCALES: AppLocale[] = ["en", "zh-TW"];
const skill = (en: string, zh: string) => ({ en, zh });

const PAYLOADS: NotificationPayloads = {
  cycle_opened: { quarter: "2027-Q1", endsOn: "2027-03-31", rated: 4, total: 33 },
  cycle_reminder: { quarter: "2027-Q1", endsOn: "2027-03-31", daysLeft: 7, rated: 0, total: 33 },
  lead_digest: {
    week: "2026-W49",
    quarter: "2026-Q4",
    readiness: { "target-1": 0.5 },
    teams: [
      {
        teamId: "team-ml",
        teamName: "ML Platform",
        notRated: [
          { userId: "u1", name: "Priya Nair" },
          { userId: "u2", name: "Chih-Hao Lee" },
        ],
        toDiscuss: [
          { userId: "u3", name: "Alex Wang", skill: skill("Model serving", "模型服務"), self: 1, validated: 3 },
        ],
        readinessDrops: [{ targetId: "target-1", subject: skill("Feature store", "特徵儲存"), from: 0.75, to: 0.5 }],
        newPlanItems: [
          { skill: skill("Kubernetes", "容器編排"), recommendation: "train_hire" },
          { skill: skill("Monitoring", "監控"), recommendation: "hire" },
        ],
      },
      {
        teamId: "team-data",
        teamName: "資料工程",
        notRated: [],
        toDiscuss: [],
        readinessDrops: [],
        newPlanItems: [{ skill: skill("Data quality", "資料品質"), recommendation: "train" }],
      },
    ],
  },
  validation_recorded: {
    items: [
      {
        skill: skill("Model serving", "模型服務"),
        proficiency: 3,
        comment: "做得很好，可以帶新人。",
        leadName: "Alex Wang",
        at: "2026-11-30T10:00:00Z",
      },
      {
        skill: skill("Monitoring", "監控"),
        proficiency: 2,
        comment: "再多累積一些實務經驗。",
        leadName: "Alex Wang",
        at: "2026-11-30T10:05:00Z",
      },
    ],
  },
  cycle_closed: {
    quarter: "2026-Q4",
    teams: [
      { teamId: "team-ml", teamName: "ML Platform", members: 8, rated: 6 },
      { teamId: "team-data", teamName: "資料工程", members: 5, rated: 5 },
      { teamId: "team-new", teamName: "Applied ML", members: 0, rated: 0 },
    ],
  },
};

/** Links each kind must carry, besides the footer's preferences and unsubscribe links. */
const LINKS: Record<NotificationKind, string[]> = {
  cycle_opened: ["https://skills.example.com/me"],
  cycle_reminder: ["https://skills.example.com/me"],
  lead_digest: ["https://skills.example.com/teams/team-ml", "https://skills.example.com/teams/team-data"],
  validation_recorded: ["https://skills.example.com/me"],
  cycle_closed: ["https://skills.example.com/org/cycles"],
};

/** Words a Chinese email may contain in Latin letters: the product, and names that come from the payload. */
const PAYLOAD_NAMES = ["ML Platform", "Applied ML", "Priya Nair", "Chih-Hao Lee", "Alex Wang", "Ada Lovelace"];

const renderFor = <K extends NotificationKind>(kind: K, locale: AppLocale, payload = PAYLOADS[kind]) =>
  renderNotification(kind, payload, {
    locale,
    appUrl: APP_URL,
    recipientName: "Ada Lovelace",
    unsubscribeUrl: UNSUBSCRIBE,
  });

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

function latinLeftIn(text: string): string[] {
  let rest = text
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\d{4}-Q[1-4]/g, " ")
    .replace(/Skillgrid/g, " ");
  for (const name of PAYLOAD_NAMES) rest = rest.split(name).join(" ");
  return rest.match(/[A-Za-z]+/g) ?? [];
}

describe.each(NOTIFICATION_KINDS)("the %s email", (kind) => {
  it.each(LOCALES)("in %s has a subject in its language, both parts and absolute links", async (locale) => {
    const email = await renderFor(kind, locale);
    expect(email.subject.trim()).not.toBe("");
    expect(hasChinese(email.subject)).toBe(locale === "zh-TW");
    for (const part of [email.html, email.text]) {
      for (const link of [...LINKS[kind], "https://skills.example.com/me/email"]) expect(part).toContain(link);
      expect(part).toContain(UNSUBSCRIBE.replace("&", "&amp;"));
      expect(part).not.toContain("skills.example.com//");
    }
    expect(email.html).not.toMatch(/<img/i);
    expect(email.html).not.toMatch(/<link|@import|url\(/i);
    expect(email.html).toContain(`lang="${locale}"`);
    expect(email.text).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(email.text).toContain("Ada Lovelace");
  });

  it("in zh-TW has no English beyond the product, quarters and names", async () => {
    const email = await renderFor(kind, "zh-TW");
    expect(latinLeftIn(email.subject)).toEqual([]);
    expect(latinLeftIn(email.text)).toEqual([]);
    expect(hasChinese(email.text)).toBe(true);
  });

  it("in English has no Chinese beyond names from the payload", async () => {
    const email = await renderFor(kind, "en");
    const comments = PAYLOADS.validation_recorded.items.map((item) => item.comment);
    const text = [...comments, "資料工程"].reduce((rest, name) => rest.split(name).join(" "), email.text);
    expect(hasChinese(text)).toBe(false);
  });
});

describe("email content", () => {
  it("escapes names in the HTML part", async () => {
    const payload = structuredClone(PAYLOADS.lead_digest);
    payload.teams[0]!.notRated[0]!.name = "<script>alert(1)</script>";
    payload.teams[0]!.teamName = '<b onmouseover="x()">Team</b>';
    const email = await renderFor("lead_digest", "en", payload);
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<b onmouseover");
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it.each(LOCALES)("greets without a name when the recipient has none (%s)", async (locale) => {
    const email = await renderNotification("cycle_opened", PAYLOADS.cycle_opened, {
      locale,
      appUrl: APP_URL,
      recipientName: " ",
      unsubscribeUrl: UNSUBSCRIBE,
    });
    const messages = locale === "en" ? en : zhTW;
    expect(email.text).toContain(messages.email.greetingNoName);
    expect(email.text).not.toMatch(/Hi ,|^ 您好/m);
  });

  it("keeps a line break in a name out of the subject", async () => {
    const email = await renderFor("validation_recorded", "en", {
      items: [{ ...PAYLOADS.validation_recorded.items[0]!, leadName: "Eve\r\nBcc: all@example.com" }],
    });
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it.each(LOCALES)("says nothing needs attention when every section of the digest is empty (%s)", async (locale) => {
    const empty = { ...PAYLOADS.lead_digest.teams[1]!, newPlanItems: [] };
    const email = await renderFor("lead_digest", locale, { ...PAYLOADS.lead_digest, teams: [empty] });
    const nothing = locale === "en" ? en.email.leadDigest.nothing : zhTW.email.leadDigest.nothing;
    expect(email.text).toContain(nothing);
    expect(email.html).toContain(nothing);
  });

  it("omits the empty sections of a digest", async () => {
    const email = await renderFor("lead_digest", "en");
    const dataTeam = email.text.slice(email.text.indexOf("資料工程"));
    expect(dataTeam).toContain("Data quality: train");
    expect(dataTeam).not.toContain(en.email.leadDigest.notRated);
    expect(email.text).toContain("Alex Wang — Model serving: self 1 vs validated 3");
    expect(email.text).toContain("Feature store: 75% → 50%");
    expect(email.text).toContain("Kubernetes: train & hire");
  });

  it("falls back to the other language when a roadmap name is missing in one", async () => {
    const items = [
      { ...PAYLOADS.validation_recorded.items[0]!, skill: skill("Feature stores", "") },
      { ...PAYLOADS.validation_recorded.items[1]!, skill: skill("", "特徵工程") },
    ];
    const zh = await renderFor("validation_recorded", "zh-TW", { items });
    const english = await renderFor("validation_recorded", "en", { items });
    expect(zh.text).toContain("Feature stores：驗證為等級 3");
    expect(zh.text).toContain("特徵工程：驗證為等級 2");
    expect(english.text).toContain("特徵工程: validated at level 2");
  });

  it("shows dates and completion in the recipient's language", async () => {
    expect((await renderFor("cycle_opened", "en")).text).toContain("March 31, 2027");
    expect((await renderFor("cycle_opened", "zh-TW")).text).toContain("2027年3月31日");
    expect((await renderFor("cycle_opened", "en")).text).toContain("4 of 33 skills rated this quarter");
    const closed = await renderFor("cycle_closed", "zh-TW");
    expect(closed.text).toContain("75%");
    expect(closed.text).toContain("—");
  });

  it("counts the days left in the reminder's subject", async () => {
    expect((await renderFor("cycle_reminder", "en")).subject).toBe("7 days left to rate your skills for 2027-Q1");
    const oneDay = { ...PAYLOADS.cycle_reminder, daysLeft: 1 };
    expect((await renderFor("cycle_reminder", "en", oneDay)).subject).toBe(
      "1 day left to rate your skills for 2027-Q1",
    );
    expect((await renderFor("cycle_reminder", "zh-TW")).subject).toBe("2027-Q1 技能自評只剩 7 天");
  });

  it("finds the Monday of an ISO week", () => {
    expect(isoWeekMonday("2026-W49")).toBe("2026-11-30");
    expect(isoWeekMonday("2027-W01")).toBe("2027-01-04");
    expect(isoWeekMonday("2026-W01")).toBe("2025-12-29");
    expect(isoWeekMonday("not a week")).toBeNull();
  });

  it("has the same email messages in both languages", () => {
    const keys = (value: object, prefix = ""): string[] =>
      Object.entries(value).flatMap(([key, child]) =>
        typeof child === "object" ? keys(child, `${prefix}${key}.`) : [`${prefix}${key}`],
      );
    expect(keys(zhTW.email)).toEqual(keys(en.email));
  });
});

// EMAIL_PREVIEW_DIR=/tmp/emails writes every email as HTML, for a look in a browser (scripts: see the report).
describe.runIf(process.env.EMAIL_PREVIEW_DIR)("email previews", () => {
  it("writes each kind in both languages", async () => {
    const dir = process.env.EMAIL_PREVIEW_DIR!;
    mkdirSync(dir, { recursive: true });
    for (const kind of NOTIFICATION_KINDS) {
      for (const locale of LOCALES) {
        const email = await renderFor(kind, locale);
        writeFileSync(`${dir}/${kind}.${locale}.html`, email.html);
        writeFileSync(`${dir}/${kind}.${locale}.txt`, `Subject: ${email.subject}\n\n${email.text}\n`);
      }
    }
  });
});
