import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";

import { demoTeamId } from "@/db/seed/demo";
import { getTeamHeatmap } from "@/lib/data/heatmap";
import { importRatings } from "@/lib/data/import";
import { getMemberRatingSheet, getMyRatingSheet, type RatingSheetDto } from "@/lib/data/rating-sheet";
import { confirmStaleRatings, saveSelfRating } from "@/lib/data/ratings";

import { useDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { rowsOf } from "./support/fingerprint";

const GIT = "environments-and-version-control.uses-git-for-version-control";
const CURVES = "experiment-tracking-and-observation.can-read-loss-accuracy-curves";
const skillsOf = (sheet: RatingSheetDto) => sheet.levels.flatMap((l) => l.categories.flatMap((c) => c.skills));
const skillOf = (sheet: RatingSheetDto, key: string) => skillsOf(sheet).find((s) => s.key === key)!;

// An imported rating is a ratings row with rater_kind 'self' whose rater_id is
// the importer, not the member (lib/data/import.ts). It shows as the member's
// current self value, marked as imported, but it is not their own assessment:
// it does not count as "rated this quarter" until they confirm or change it.
describeOnEachEngine("imported ratings", ({ handle }) => {
  const demo = useDemoOrg(handle, {
    admin: "mei-ling.chen@acme.test",
    omar: "omar.haddad@acme.test",
    alex: "alex.wang@acme.test",
  });

  const importFor = async (email: string, cells: Record<string, string>) => {
    const csv = [["email", ...Object.keys(cells)].join(","), [email, ...Object.values(cells)].join(",")].join("\n");
    const result = await importRatings(demo.admin, {
      mode: "apply",
      filename: "matrix.csv",
      bytes: new TextEncoder().encode(csv),
    });
    expect(result.applied).toBe(true);
  };

  it("an import writes self-kind rows rated by the importer, not by the member", async () => {
    const before = (await getMyRatingSheet(demo.omar, { locale: "en" }))!;
    const current = skillOf(before, GIT).self;
    const value = current?.proficiency === 1 ? "2" : "1";
    await importFor("omar.haddad@acme.test", { [GIT]: value });
    const [row] = rowsOf(
      await handle().db.execute(
        sql`select rater_kind, rater_id, user_id from ratings where user_id = ${demo.omar.id} and skill_key = ${GIT} order by rated_at desc, id desc limit 1`,
      ),
    );
    expect(row).toMatchObject({ rater_kind: "self", rater_id: demo.admin.id, user_id: demo.omar.id });

    const after = (await getMyRatingSheet(demo.omar, { locale: "en" }))!;
    const git = skillOf(after, GIT);
    expect(git.self).toMatchObject({
      proficiency: Number(value),
      imported: { by: "Mei-Ling Chen", at: expect.any(String) },
    });
    expect(git.history.at(-1)).toMatchObject({ kind: "self", imported: true, proficiency: Number(value) });
    // Not the member's own assessment of this quarter.
    const wasRatedThisQuarter = current?.quarter === before.currentQuarter && !current.imported;
    expect(after.progress.rated).toBe(before.progress.rated - (wasRatedThisQuarter ? 1 : 0));
    expect(after.progress.rated).toBe(
      skillsOf(after).filter((s) => s.self && !s.self.imported && s.self.quarter === after.currentQuarter).length,
    );
    expect(git.stale).toBe(true); // waits for the member's confirmation, like a stale rating

    // Nor on the team page's progress for the lead: the same count as the member's own page.
    const team = await getTeamHeatmap(demo.alex, { teamId: demoTeamId("ml-platform") }, { locale: "en" });
    expect(team.selfRatedThisQuarter?.[team.members.findIndex((m) => m.id === demo.omar.id)]).toBe(
      after.progress.rated,
    );

    // The lead's validation page shows it as imported too.
    const lead = (await getMemberRatingSheet(
      demo.alex,
      { teamId: demoTeamId("ml-platform"), userId: demo.omar.id },
      { locale: "en" },
    ))!;
    expect(skillOf(lead, GIT).self).toMatchObject({ imported: { by: "Mei-Ling Chen" } });
  });

  it("the member's own ratings are never marked as imported", async () => {
    const sheet = (await getMyRatingSheet(demo.omar, { locale: "en" }))!;
    const own = skillsOf(sheet).filter((s) => s.self && s.key !== GIT);
    expect(own.length).toBeGreaterThan(0);
    for (const s of own) expect(s.self!.imported).toBeNull();
  });

  it("confirming an imported value makes it the member's own rating of this quarter", async () => {
    const before = (await getMyRatingSheet(demo.omar, { locale: "en" }))!;
    const imported = skillOf(before, GIT).self!;
    const { confirmed } = await confirmStaleRatings(demo.omar, { skillKeys: [GIT] });
    expect(confirmed).toEqual([GIT]);
    const after = (await getMyRatingSheet(demo.omar, { locale: "en" }))!;
    expect(skillOf(after, GIT).self).toMatchObject({
      proficiency: imported.proficiency,
      imported: null,
      quarter: after.currentQuarter,
    });
    expect(after.progress.rated).toBe(before.progress.rated + 1);
  });

  it("changing an imported value makes it the member's own, and 'confirm all' includes imported values", async () => {
    await importFor("omar.haddad@acme.test", { [GIT]: "4", [CURVES]: "n/a" });
    const sheet = (await getMyRatingSheet(demo.omar, { locale: "en" }))!;
    expect(skillOf(sheet, GIT).self!.imported).not.toBeNull();
    expect(skillOf(sheet, CURVES).self!.imported).not.toBeNull();
    await saveSelfRating(demo.omar, { skillKey: GIT, value: 3, interest: 1, evidence: null, requestId: randomUUID() });
    const { confirmed } = await confirmStaleRatings(demo.omar, {});
    expect(confirmed).toContain(CURVES);
    expect(confirmed).not.toContain(GIT);
    const after = (await getMyRatingSheet(demo.omar, { locale: "en" }))!;
    expect(skillsOf(after).filter((s) => s.self?.imported)).toEqual([]);
    expect(after.progress.rated).toBe(after.progress.total - after.progress.unrated);
  });
});
