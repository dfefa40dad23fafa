import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";

import { demoTeamId, demoUserId } from "@/db/seed/demo";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { getMemberRatingSheet, getMyRatingSheet } from "@/lib/data/rating-sheet";
import { confirmStaleRatings, saveSelfRating, validateRating } from "@/lib/data/ratings";
import { AppError } from "@/lib/errors";

import { seedDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { rowsOf, tableFingerprint } from "./support/fingerprint";

const GIT = "environments-and-version-control.uses-git-for-version-control";
const CURVES = "experiment-tracking-and-observation.can-read-loss-accuracy-curves";

describeOnEachEngine("self-rating and validation", ({ handle }) => {
  let hana: Viewer;
  let sofia: Viewer;
  let alex: Viewer; // leads ML Platform (Hana's and Sofia's team)
  let priya: Viewer; // leads Applied ML
  const count = async (table: string, where = sql`true`) =>
    rowsOf(await handle().db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`))[0]!
      .n as number;

  beforeAll(async () => {
    await seedDemoOrg(handle());
    const load = async (n: string) => (await loadViewer(demoUserId(`${n}@acme.test`)))!;
    hana = await load("hana.sato");
    sofia = await load("sofia.rossi");
    alex = await load("alex.wang");
    priya = await load("priya.nair");
  });

  it("each rating change appends exactly one history row and one audit event", async () => {
    const ratingsBefore = await count("ratings");
    const auditBefore = await count("audit_events");
    const saved = await saveSelfRating(hana, {
      skillKey: GIT,
      value: 4,
      interest: 2,
      evidence: "https://git.acme.test/pr/7",
      requestId: randomUUID(),
    });
    expect(saved).toMatchObject({ skillKey: GIT, proficiency: 4, interest: 2, notApplicable: false });
    expect(await count("ratings")).toBe(ratingsBefore + 1);
    expect(await count("audit_events")).toBe(auditBefore + 1);
    const [audit] = rowsOf(
      await handle().db.execute(
        sql`select action, actor_id, entity_id, before, after from audit_events order by id desc limit 1`,
      ),
    );
    expect(audit).toMatchObject({ action: "rating.self_saved", actor_id: hana.id, entity_id: `${hana.id}:${GIT}` });
    expect((audit!.after as { proficiency: number }).proficiency).toBe(4);
    expect(audit!.before).not.toBeNull();
  });

  it("a retried save (same request id) writes nothing twice", async () => {
    const requestId = randomUUID();
    const input = { skillKey: GIT, value: "na" as const, interest: 0, evidence: null, requestId };
    const first = await saveSelfRating(hana, input);
    const before = await tableFingerprint(handle().db);
    const again = await saveSelfRating(hana, input);
    expect(again).toEqual(first);
    expect(first).toMatchObject({ proficiency: null, notApplicable: true });
    expect(await tableFingerprint(handle().db)).toEqual(before);
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ["proficiency above the scale", { value: 5 }, /value/],
    ["a negative proficiency", { value: -1 }, /value/],
    ["a fractional proficiency", { value: 2.5 }, /value/],
    ["interest out of range", { interest: 3 }, /interest/],
    ["an unknown skill", { skillKey: "no-such.skill" }, /skillKey/],
    ["a skill key with SQL in it", { skillKey: "x'; drop table ratings; --" }, /skillKey/],
    ["someone else's user id", { userId: "00000000-0000-4000-8000-000000000001" }, /_|userId/],
    ["a note that is not text", { evidence: 42 }, /evidence/],
    ["a missing request id", { requestId: undefined }, /requestId/],
  ];
  it.each(bad)("rejects %s with a clear error and writes nothing", async (_name, patch, field) => {
    const before = await tableFingerprint(handle().db);
    const input = { skillKey: GIT, value: 3, interest: 1, evidence: null, requestId: randomUUID(), ...patch };
    const error = await saveSelfRating(hana, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid");
    expect(Object.keys((error as AppError).fieldErrors ?? {}).join(",")).toMatch(field);
    expect(await tableFingerprint(handle().db)).toEqual(before);
  });

  // A note the server cannot take must not cost the rating made on the same row: the
  // proficiency and interest are stored, the last stored note is kept, and the answer
  // says which rule the note broke (the page shows that next to the note).
  const refusedNotes: [string, string, string][] = [
    ["an overlong note", "x".repeat(1001), "too_long"],
    ["a script in the note", "<script>alert(1)</script>", "markup"],
    ["an HTML image in the note", 'nice <img src=x onerror="alert(1)">', "markup"],
    ["a note with a control character", "talk\u0007 at meetup", "control"],
    ["a note with a direction override", "talk \u202Egnp.exe", "bidi"],
    ["a note with invalid Unicode", "broken \ud800 text", "unicode"],
  ];
  it.each(refusedNotes)(
    "stores the proficiency and interest when %s is refused, and keeps the last note",
    async (_name, evidence, problem) => {
      const kept = await saveSelfRating(hana, {
        skillKey: CURVES,
        value: 4,
        interest: 1,
        evidence: "Kept note",
        requestId: randomUUID(),
      });
      const saved = await saveSelfRating(hana, {
        skillKey: CURVES,
        value: 3,
        interest: 2,
        evidence,
        requestId: randomUUID(),
      });
      expect(saved).toMatchObject({ proficiency: 3, interest: 2, evidence: "Kept note", noteRefused: { problem } });
      expect(saved.noteRefused!.message).not.toBe("");
      const row = (await getMyRatingSheet(hana, { locale: "en" }))!.levels
        .flatMap((l) => l.categories.flatMap((c) => c.skills))
        .find((s) => s.key === CURVES)!;
      expect(row.self).toMatchObject({ proficiency: 3, interest: 2, evidence: "Kept note", ratedAt: saved.ratedAt });
      expect(kept.noteRefused).toBeNull();
      const [audit] = rowsOf(
        await handle().db.execute(sql`select action, after from audit_events order by id desc limit 1`),
      );
      expect(audit).toMatchObject({
        action: "rating.self_saved",
        after: expect.objectContaining({ proficiency: 3, evidence: "Kept note" }),
      });
    },
  );

  it("a retried save whose note was refused writes once and reports the note again", async () => {
    const input = { skillKey: CURVES, value: 1, interest: 0, evidence: "<b>talk</b>", requestId: randomUUID() };
    const first = await saveSelfRating(hana, input);
    const before = await tableFingerprint(handle().db);
    const again = await saveSelfRating(hana, input);
    expect(again).toEqual(first);
    expect(again.noteRefused).toMatchObject({ problem: "markup" });
    expect(await tableFingerprint(handle().db)).toEqual(before);
  });

  it("stores notes that start like a formula exactly as written", async () => {
    for (const evidence of [
      "- led the migration",
      "+1 from the team",
      "=)",
      "+44 talk at meetup",
      "@here demo day",
      '=HYPERLINK("http://evil.example","click")',
    ]) {
      const saved = await saveSelfRating(hana, {
        skillKey: CURVES,
        value: 2,
        interest: 1,
        evidence,
        requestId: randomUUID(),
      });
      expect(saved).toMatchObject({ evidence, noteRefused: null });
    }
    const comment = "- pair on the rollout first";
    await expect(
      validateRating(alex, {
        teamId: demoTeamId("ml-platform"),
        userId: hana.id,
        skillKey: CURVES,
        proficiency: 2,
        comment,
        requestId: randomUUID(),
      }),
    ).resolves.toMatchObject({ comment });
  });

  it("keeps a plain note, trimmed, as text", async () => {
    const saved = await saveSelfRating(hana, {
      skillKey: CURVES,
      value: 2,
      interest: 1,
      evidence: "  Read the docs; 2 < 3 & 4 > 1  ",
      requestId: randomUUID(),
    });
    expect(saved.evidence).toBe("Read the docs; 2 < 3 & 4 > 1");
  });

  it("confirms stale ratings unchanged in one action, recording a new history row for each", async () => {
    const sheet = (await getMyRatingSheet(sofia, { locale: "en" }))!;
    const stale = sheet.levels.flatMap((l) => l.categories.flatMap((c) => c.skills)).filter((s) => s.stale);
    const before = await count("ratings", sql`user_id = ${sofia.id}`);
    const auditBefore = await count("audit_events");
    const { confirmed } = await confirmStaleRatings(sofia, {});
    expect(confirmed.sort()).toEqual(stale.map((s) => s.key).sort());
    expect(await count("ratings", sql`user_id = ${sofia.id}`)).toBe(before + stale.length);
    expect(await count("audit_events")).toBe(auditBefore + (stale.length ? 1 : 0));
    const after = (await getMyRatingSheet(sofia, { locale: "en" }))!;
    const all = after.levels.flatMap((l) => l.categories.flatMap((c) => c.skills));
    expect(all.filter((s) => s.stale)).toEqual([]);
    // Values are unchanged.
    for (const s of stale) expect(all.find((a) => a.key === s.key)!.self!.proficiency).toBe(s.self!.proficiency);
    expect(await confirmStaleRatings(sofia, {})).toEqual({ confirmed: [] });
  });

  it("a lead validates a member of their team, and a two-point difference is flagged for both", async () => {
    await saveSelfRating(sofia, { skillKey: GIT, value: 4, interest: 1, evidence: null, requestId: randomUUID() });
    const result = await validateRating(alex, {
      teamId: demoTeamId("ml-platform"),
      userId: sofia.id,
      skillKey: GIT,
      proficiency: 2,
      comment: "Let's pair on rebase workflows",
      requestId: randomUUID(),
    });
    expect(result).toMatchObject({ proficiency: 2, comment: "Let's pair on rebase workflows" });
    const mine = (await getMyRatingSheet(sofia, { locale: "en" }))!;
    const skill = mine.levels.flatMap((l) => l.categories.flatMap((c) => c.skills)).find((s) => s.key === GIT)!;
    expect(skill).toMatchObject({
      discrepancy: true,
      validated: expect.objectContaining({ proficiency: 2, raterName: "Alex Wang" }),
    });
    const leadView = (await getMemberRatingSheet(
      alex,
      { teamId: demoTeamId("ml-platform"), userId: sofia.id },
      { locale: "en" },
    ))!;
    expect(
      leadView.levels.flatMap((l) => l.categories.flatMap((c) => c.skills)).find((s) => s.key === GIT)!.discrepancy,
    ).toBe(true);
  });

  it("a manager cannot validate someone outside their teams, whichever team id they send", async () => {
    const before = await tableFingerprint(handle().db);
    for (const teamId of [demoTeamId("applied-ml"), demoTeamId("ml-platform")]) {
      const error = await validateRating(priya, {
        teamId,
        userId: sofia.id,
        skillKey: GIT,
        proficiency: 0,
        comment: null,
        requestId: randomUUID(),
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "forbidden" });
    }
    await expect(
      getMemberRatingSheet(priya, { teamId: demoTeamId("applied-ml"), userId: sofia.id }, { locale: "en" }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await tableFingerprint(handle().db)).toEqual(before);
  });

  it("a member cannot write another member's rating, neither as self nor as validation", async () => {
    const before = await tableFingerprint(handle().db);
    await expect(
      saveSelfRating(hana, {
        userId: sofia.id,
        skillKey: GIT,
        value: 0,
        interest: 0,
        evidence: null,
        requestId: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(
      validateRating(hana, {
        teamId: demoTeamId("ml-platform"),
        userId: sofia.id,
        skillKey: GIT,
        proficiency: 0,
        comment: null,
        requestId: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await tableFingerprint(handle().db)).toEqual(before);
  });

  it("a lead cannot validate their own ratings", async () => {
    await expect(
      validateRating(alex, {
        teamId: demoTeamId("ml-platform"),
        userId: alex.id,
        skillKey: GIT,
        proficiency: 4,
        comment: null,
        requestId: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
