// The people scenarios of `npm run bench` (issue 16): find people, staffing
// proposals and skill pages across the synthetic org. Run after every
// heatmap round: they add team targets (so a proposal weighs real home-team
// harm), which the heatmap scenarios before them do not have.
import autocannon from "autocannon";

import { repeat, ROUNDS, type Bench } from "./bench-scenarios";

/** Three skill targets per team (2 people at ≥ 3), through SQL as an import would write them. */
async function addTeamTargets({ sql, fx }: Bench): Promise<number> {
  const rows = await sql`
    insert into team_targets (team_id, kind, skill_key, required_proficiency, required_headcount, target_quarter)
    select t.id, 'skill', k.key, 3, 2, '2027-Q4'
    from teams t cross join lateral (select unnest(${fx.skillKeys.slice(0, 6)}::text[]) as key offset (abs(hashtext(t.id::text)) % 3) limit 3) k
    where t.archived_at is null returning id`;
  return rows.length;
}

/**
 * Set up once (targets, warm-up), then ROUNDS rounds of the latency figures;
 * the throughput run is round 1's alone.
 */
export async function measurePeople(b: Bench) {
  b.phase("people");
  const [fw] = await b.sql`select key from frameworks where id = ${b.fx.frameworkId}`;
  const ref = (k: string) => `${fw!.key as string}/${k}`;
  const urls = {
    find: `/api/people/find?${b.fx.skillKeys
      .slice(10, 15)
      .map((k) => `r=${ref(k)}~3`)
      .join("&")}`,
    staff: `/api/people/staff?${b.fx.skillKeys
      .slice(0, 6)
      .map((k) => `r=${ref(k)}~3~2`)
      .join("&")}`,
    skill: `/skills/${encodeURIComponent(b.fx.skillKeys[3]!)}`,
  };
  const targets = await addTeamTargets(b);
  for (let i = 0; i < 5; i++) {
    await b.get(urls.find, b.leadCookie);
    await b.get(urls.staff, b.adminCookie);
    await b.get(urls.skill, b.leadCookie);
  }
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await peopleRound(b, urls, r === 0));
  const { findRps, findErrors } = rounds[0]!.throughput!;
  return { rounds, findRps, findErrors, targets };
}
export type PeopleRound = Awaited<ReturnType<typeof peopleRound>>;

/** One round; the first also measures throughput, between the cached reads and the ones after a write. */
async function peopleRound(b: Bench, urls: { find: string; staff: string; skill: string }, first: boolean) {
  const { reps } = b;
  const find = await repeat(reps.find, async () => (await b.get(urls.find, b.leadCookie)).ms);
  const throughput = first ? await findThroughput(b, urls.find) : null;
  // Right after a write (a rater saves), the cached result is stale: each of these rebuilds it.
  const afterWrite = (url: string, n: number) =>
    repeat(n, async () => {
      await b.saveOne(2, Math.floor(Math.random() * 1000));
      return (await b.get(url, b.leadCookie)).ms;
    });
  const findMiss = await afterWrite(urls.find, reps.findMiss);
  const staff = await repeat(reps.staff, async () => (await b.get(urls.staff, b.adminCookie)).ms);
  const skillPage = await repeat(reps.skillPage, async () => (await b.get(urls.skill, b.leadCookie)).ms);
  const skillMiss = await afterWrite(urls.skill, reps.skillMiss);
  return { find, findMiss, staff, skillPage, skillMiss, throughput };
}

async function findThroughput(b: Bench, url: string) {
  const cannon = await autocannon({
    url: `${b.app.url}${url}`,
    connections: 10,
    duration: 10,
    headers: { cookie: b.leadCookie },
  });
  return { findRps: cannon.requests.average, findErrors: cannon.errors + cannon.non2xx };
}
