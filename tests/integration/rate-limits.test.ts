import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { useDbHandle } from "@/db/client";
import { seedDatabase } from "@/db/seed";
import { demoTeamId } from "@/db/seed/demo";
import { admitSignIn } from "@/lib/auth/admit";
import type { Viewer } from "@/lib/auth/viewer";
import { getPlanningDataset } from "@/lib/data/exports";
import { LIMITS } from "@/lib/data/rate-limit";
import { describeOnEachEngine } from "./engines";
import { rowsOf } from "./fingerprint";
import { configureAuthEnv, TEST_ISSUER } from "./session";
import { demoViewer } from "./demo";

describeOnEachEngine("abuse limits", ({ handle }) => {
  let alex: Viewer;
  let priya: Viewer;
  beforeAll(async () => {
    useDbHandle(handle());
    configureAuthEnv();
    await seedDatabase(handle().db, { demo: true });
    alex = await demoViewer("alex.wang@acme.test");
    priya = await demoViewer("priya.nair@acme.test");
  });

  it("limits exports per person per minute, counted in the database", async () => {
    const input = { scope: "team", teamId: demoTeamId("ml-platform"), format: "json" };
    for (let i = 0; i < LIMITS.export.limit; i++) await getPlanningDataset(alex, input, { locale: "en" });
    await expect(getPlanningDataset(alex, input, { locale: "en" })).rejects.toMatchObject({ code: "rate_limited" });
    const [row] = rowsOf(await handle().db.execute(sql`select count from rate_limits where key = ${`export:${alex.id}`}`));
    expect(row!.count).toBe(LIMITS.export.limit + 1);
  });

  it("refuses exports of another team's data before counting anything", async () => {
    await expect(getPlanningDataset(priya, { scope: "team", teamId: demoTeamId("ml-platform"), format: "csv" }, { locale: "en" })).rejects.toMatchObject({ code: "forbidden" });
    expect(rowsOf(await handle().db.execute(sql`select count(*)::int as n from rate_limits where key = ${`export:${priya.id}`}`))[0]!.n).toBe(0);
  });

  it("limits sign-in attempts per identity", async () => {
    const claims = { issuer: TEST_ISSUER, subject: "sub-busy", email: "busy.bee@acme.test", emailVerified: true, name: "Busy" };
    for (let i = 0; i < LIMITS.signIn.limit; i++) expect((await admitSignIn(claims)).ok).toBe(true);
    expect(await admitSignIn(claims)).toEqual({ ok: false, reason: "rate_limited" });
  });
});
