// The people scenarios of `npm run bench` (issue 16): find people, staffing
// proposals and skill pages across the synthetic org. Run last: they add
// team targets (so a proposal weighs real home-team harm), which the
// heatmap scenarios before them do not have.
import autocannon from "autocannon";

import { repeat, type Bench } from "./bench-scenarios";

/** Three skill targets per team (2 people at ≥ 3), through SQL as an import would write them. */
async function addTeamTargets({ sql, fx }: Bench): Promise<number> {
  const rows = await sql`
    insert into team_targets (team_id, kind, skill_key, required_proficiency, required_headcount, target_quarter)
    select t.id, 'skill', k.key, 3, 2, '2027-Q4'
    from teams t cross join lateral (select unnest(${fx.skillKeys.slice(0, 6)}::text[]) as key offset (abs(hashtext(t.id::text)) % 3) limit 3) k
    where t.archived_at is null returning id`;
  return rows.length;
}

export async function measurePeople(b: Bench) {
  b.phase("people");
  const [fw] = await b.sql`select key from frameworks where id = ${b.fx.frameworkId}`;
  const ref = (k: string) => `${fw!.key as string}/${k}`;
  const findUrl = `/api/people/find?${b.fx.skillKeys
    .slice(10, 15)
    .map((k) => `r=${ref(k)}~3`)
    .join("&")}`;
  const targets = await addTeamTargets(b);
  const staffUrl = `/api/people/staff?${b.fx.skillKeys
    .slice(0, 6)
    .map((k) => `r=${ref(k)}~3~2`)
    .join("&")}`;
  const skillUrl = `/skills/${encodeURIComponent(b.fx.skillKeys[3]!)}`;
  for (let i = 0; i < 5; i++) {
    await b.get(findUrl, b.leadCookie);
    await b.get(staffUrl, b.adminCookie);
    await b.get(skillUrl, b.leadCookie);
  }
  const find = await repeat(200, async () => (await b.get(findUrl, b.leadCookie)).ms);
  const cannon = await autocannon({
    url: `${b.app.url}${findUrl}`,
    connections: 10,
    duration: 10,
    headers: { cookie: b.leadCookie },
  });
  // Right after a write (a rater saves), the cached result is stale: each of these rebuilds it.
  const afterWrite = (url: string) =>
    repeat(40, async () => {
      await b.saveOne(2, Math.floor(Math.random() * 1000));
      return (await b.get(url, b.leadCookie)).ms;
    });
  const findMiss = await afterWrite(findUrl);
  const staff = await repeat(40, async () => (await b.get(staffUrl, b.adminCookie)).ms);
  const skillPage = await repeat(60, async () => (await b.get(skillUrl, b.leadCookie)).ms);
  const skillMiss = await afterWrite(skillUrl);
  const findErrors = cannon.errors + cannon.non2xx;
  return { find, findMiss, findRps: cannon.requests.average, findErrors, staff, skillPage, skillMiss, targets };
}
