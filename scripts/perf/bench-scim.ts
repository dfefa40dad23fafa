// The directory-sync scenario of `npm run bench` (issue 17): a directory of
// 2,000 people and 40 groups provisioned from empty through /scim/v2, the way
// Okta pushes it (look each person up by userName, create them; create each
// group with its members), then a full re-sync of the same directory, which
// must write nothing. Its own database and app instance on the bench's
// PostgreSQL, so the synthetic org of the other scenarios is not in the way.
import { createHash, randomBytes } from "node:crypto";
import postgres from "postgres";

import { startApp, type App } from "./harness";

const PEOPLE = 2000;
const GROUPS = 40;
/** Requests in flight at once: Okta's and Entra's provisioning agents send a few in parallel. */
const CONCURRENCY = 4;
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

type Send = (method: string, path: string, body?: unknown) => Promise<{ status: number; json: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Requests that got 429 and were sent again after Retry-After, as Okta and Entra do. */
let retried = 0;

function sender(app: App, token: string): Send {
  return async function send(method, path, body) {
    const response = await fetch(`${app.url}/scim/v2${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status === 429) {
      retried++;
      await new Promise((r) => setTimeout(r, Number(response.headers.get("retry-after") ?? 1) * 1000));
      return send(method, path, body);
    }
    if (response.status >= 400) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 200)}`);
    return { status: response.status, json: text ? JSON.parse(text) : null };
  };
}

/** Runs `work(i)` for i in [0, n) with `CONCURRENCY` in flight. */
async function pool(n: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < n) await work(next++);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
}

const person = (i: number) => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
  userName: `scim.person${i}@synthetic.test`,
  externalId: `00u${String(i).padStart(6, "0")}`,
  name: { givenName: `Person`, familyName: `No. ${i}` },
  emails: [{ value: `scim.person${i}@synthetic.test`, type: "work", primary: true }],
  title: i % 10 === 0 ? "Staff engineer" : "Engineer",
  active: true,
});

const byUserName = (i: number) => `/Users?filter=${encodeURIComponent(`userName eq "scim.person${i}@synthetic.test"`)}`;

async function provision(send: Send): Promise<string[]> {
  const ids: string[] = new Array(PEOPLE);
  await pool(PEOPLE, async (i) => {
    const found = await send("GET", byUserName(i));
    ids[i] = found.json.totalResults ? found.json.Resources[0].id : (await send("POST", "/Users", person(i))).json.id;
  });
  await pool(GROUPS, async (g) => {
    const members = ids.filter((_, i) => i % GROUPS === g).map((value) => ({ value }));
    const group = { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: `Group ${g}`, members };
    await send("POST", "/Groups", group);
  });
  return ids;
}

/** The same directory again: every person looked up and replaced, every group's members re-sent. */
async function resync(send: Send, ids: string[]): Promise<void> {
  await pool(PEOPLE, async (i) => {
    await send("GET", byUserName(i));
    await send("PUT", `/Users/${ids[i]}`, person(i));
  });
  const groups = (await send("GET", "/Groups?excludedAttributes=members&count=1000")).json.Resources;
  await pool(groups.length, async (k) => {
    const g = Number(String(groups[k].displayName).split(" ")[1]);
    const members = ids.filter((_, i) => i % GROUPS === g).map((value) => ({ value }));
    const patch = { schemas: [PATCH_OP], Operations: [{ op: "add", path: "members", value: members }] };
    await send("PATCH", `/Groups/${groups[k].id}`, patch);
  });
}

export type ScimFigures = {
  provisionSeconds: number;
  resyncSeconds: number;
  resyncWrites: number;
  people: number;
  groups: number;
  /** Requests refused with 429 (and sent again). */
  retried: number;
};

export async function measureScimProvisioning(serverUrl: string): Promise<ScimFigures> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const url = new URL(serverUrl);
  url.pathname = "/skillgrid_scim_bench";
  await admin.unsafe("drop database if exists skillgrid_scim_bench");
  await admin.unsafe("create database skillgrid_scim_bench");
  const app = await startApp(url.toString(), { ALLOWED_EMAIL_DOMAINS: "synthetic.test" });
  const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  try {
    const token = `sgscim_${randomBytes(32).toString("base64url")}`;
    const hash = createHash("sha256").update(token).digest("hex");
    await sql`insert into scim_tokens (name, token_hash, hint) values ('bench', ${hash}, ${token.slice(0, 11)})`;
    const send = sender(app, token);
    let started = performance.now();
    const ids = await provision(send);
    const provisionSeconds = (performance.now() - started) / 1000;
    const writes = async () => Number((await sql`select count(*)::int as n from audit_events`)[0]!.n);
    const before = await writes();
    started = performance.now();
    await resync(send, ids);
    const resyncSeconds = (performance.now() - started) / 1000;
    const [counts] =
      await sql`select (select count(*)::int from users) as people, (select count(*)::int from directory_groups) as groups`;
    return {
      provisionSeconds,
      resyncSeconds,
      resyncWrites: (await writes()) - before,
      people: counts!.people,
      groups: counts!.groups,
      retried,
    };
  } finally {
    await sql.end();
    await app.stop();
    await admin.end();
  }
}
