/* eslint-disable @typescript-eslint/no-explicit-any -- SCIM resources are open JSON documents checked field by field. */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";

// The request sequences Okta and Microsoft Entra ID send to a SCIM 2.0 service
// provider, replayed against /scim/v2 and checked against Skillgrid's contract.
// Engine-neutral: a scenario only talks through `send`, so vitest (in-process,
// tests/integration/scim-conformance.test.ts) and Playwright (over HTTP) can
// both run the same list. Each scenario creates its own people and groups,
// named with ctx.unique, so they run independently on a database that already
// holds demo people. ctx.domain must be one of the org's allowed email domains
// (and allowed domains must be configured: one scenario sends an email outside them).
//
// Sources for the payload shapes (cited by short name below):
// - [okta-runscope] Okta "SCIM 2.0 SPEC Test" Runscope suite (developer.okta.com/standards/SCIM/SCIMFiles/,
//   "Okta-SCIM-20-SPEC-Test.json"): test connection, filter, create, duplicate, random id.
// - [okta-ref] developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20 ("Okta and SCIM Version 2.0").
// - [entra-tutorial] learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups
//   ("User operations" / "Group operations" request-response examples).
// - [entra-compat] learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
//   (capitalised ops, "False" strings, path-less value objects, members Remove with value arrays).
// - [entra-qa-add] learn.microsoft.com/answers/questions/1684621 (Entra sends "Add" on emails[type eq "work"].value).
// - [entra-qa-disabled] learn.microsoft.com/answers/questions/2238842 (validator: disabled users stay listed by filter).
// - [rfc7643], [rfc7644]: the RFCs themselves.

export type ScimResponse = { status: number; header(name: string): string | null; json: any };
export type ScimSend = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<ScimResponse>;
export type ScimContext = { unique: string; domain: string };
export type ScimScenario = {
  name: string;
  idp: "okta" | "entra" | "rfc";
  run: (send: ScimSend, ctx: ScimContext) => Promise<void>;
};

export const SCIM = {
  user: "urn:ietf:params:scim:schemas:core:2.0:User",
  enterprise: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
  group: "urn:ietf:params:scim:schemas:core:2.0:Group",
  patchOp: "urn:ietf:params:scim:api:messages:2.0:PatchOp",
  list: "urn:ietf:params:scim:api:messages:2.0:ListResponse",
  error: "urn:ietf:params:scim:api:messages:2.0:Error",
  spConfig: "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
} as const;

const MANAGER_PATH = `${SCIM.enterprise}:manager`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WEAK_ETAG = /^W\/".+"$/;

// ---------------------------------------------------------------- checks

const show = (res: ScimResponse) => `${res.status} ${JSON.stringify(res.json)}`;

export function expectStatus(res: ScimResponse, status: number, what: string): void {
  assert.equal(res.status, status, `${what}: expected ${status}, got ${show(res)}`);
  if (status !== 204) {
    assert.match(res.header("content-type") ?? "", /^application\/scim\+json(;|$)/, `${what}: content-type`);
  }
}

/** A SCIM error body (RFC 7644 §3.12); scimType null: must be absent (404s); undefined: not checked. */
export function expectError(
  res: ScimResponse,
  status: number,
  scimType: string | null | undefined,
  what: string,
): void {
  expectStatus(res, status, what);
  assert.deepEqual(res.json?.schemas, [SCIM.error], `${what}: error schemas`);
  assert.equal(res.json.status, String(status), `${what}: status is the code as a string`);
  assert.equal(typeof res.json.detail, "string", `${what}: detail`);
  if (scimType === null) assert.equal(res.json.scimType, undefined, `${what}: no scimType`);
  else if (scimType !== undefined) assert.equal(res.json.scimType, scimType, `${what}: scimType`);
}

/** A ListResponse; returns its Resources ([] when the server omits an empty list). */
export function expectList(res: ScimResponse, what: string, totalResults?: number): any[] {
  expectStatus(res, 200, what);
  const body = res.json;
  assert.deepEqual(body.schemas, [SCIM.list], `${what}: ListResponse schemas`);
  for (const key of ["totalResults", "startIndex", "itemsPerPage"]) {
    assert.equal(typeof body[key], "number", `${what}: ${key} is a number`);
  }
  if (totalResults !== undefined) assert.equal(body.totalResults, totalResults, `${what}: totalResults ${show(res)}`);
  const resources = body.Resources ?? [];
  assert.ok(Array.isArray(resources), `${what}: Resources is an array`);
  assert.equal(body.itemsPerPage, resources.length, `${what}: itemsPerPage = Resources.length`);
  return resources;
}

function expectMeta(resource: any, resourceType: "User" | "Group", what: string): void {
  const base = resourceType === "User" ? "Users" : "Groups";
  assert.match(resource.id ?? "", UUID, `${what}: id is a uuid`);
  assert.equal(resource.meta?.resourceType, resourceType, `${what}: meta.resourceType`);
  assert.ok(!Number.isNaN(Date.parse(resource.meta.created)), `${what}: meta.created`);
  assert.ok(!Number.isNaN(Date.parse(resource.meta.lastModified)), `${what}: meta.lastModified`);
  assert.ok(String(resource.meta.location).endsWith(`/scim/v2/${base}/${resource.id}`), `${what}: meta.location`);
  assert.match(resource.meta.version ?? "", WEAK_ETAG, `${what}: meta.version is a weak ETag`);
}

/** A user resource as the contract shapes it; `expected` lists the fields to compare exactly. */
export function expectUser(user: any, expected: Record<string, unknown>, what: string): void {
  expectMeta(user, "User", what);
  assert.ok(user.schemas?.includes(SCIM.user), `${what}: core User schema`);
  for (const [key, value] of Object.entries(expected)) assert.deepEqual(user[key], value, `${what}: ${key}`);
  if (user.emails !== undefined) {
    assert.equal(user.emails.length, 1, `${what}: exactly one email`);
    assert.equal(user.emails[0].type, "work", `${what}: email type`);
    assert.equal(user.emails[0].primary, true, `${what}: email primary`);
  }
}

/** Status, ETag and Location of a write that returns the user; meta.version must equal the ETag header. */
function expectUserWrite(res: ScimResponse, status: number, what: string): any {
  expectStatus(res, status, what);
  assert.equal(res.json.meta?.version, res.header("etag"), `${what}: meta.version equals the ETag header`);
  if (status === 201) {
    assert.ok(res.header("location")?.endsWith(`/scim/v2/Users/${res.json.id}`), `${what}: Location header`);
  }
  return res.json;
}

// ---------------------------------------------------------------- requests

export const patchOp = (...Operations: unknown[]) => ({ schemas: [SCIM.patchOp], Operations });
const withQuery = (base: string, params: Record<string, string | number>) =>
  `${base}?${Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join("&")}`;

async function createUser(send: ScimSend, body: unknown, what: string): Promise<any> {
  return expectUserWrite(await send("POST", "/Users", body), 201, what);
}

async function getUser(send: ScimSend, id: string, what: string): Promise<any> {
  const res = await send("GET", `/Users/${id}`);
  expectStatus(res, 200, what);
  assert.equal(res.json.meta?.version, res.header("etag"), `${what}: meta.version equals the ETag header`);
  return res.json;
}

async function patchUser(send: ScimSend, id: string, body: unknown, what: string): Promise<any> {
  return expectUserWrite(await send("PATCH", `/Users/${id}`, body), 200, what);
}

async function usersWhere(send: ScimSend, filter: string, what: string, total?: number): Promise<any[]> {
  return expectList(await send("GET", withQuery("/Users", { filter })), what, total);
}

async function createGroup(send: ScimSend, body: unknown, what: string): Promise<any> {
  const res = await send("POST", "/Groups", body);
  expectStatus(res, 201, what);
  expectMeta(res.json, "Group", what);
  return res.json;
}

async function groupMemberIds(send: ScimSend, id: string, what: string): Promise<string[]> {
  const res = await send("GET", `/Groups/${id}`);
  expectStatus(res, 200, what);
  return (res.json.members ?? []).map((m: { value: string }) => m.value).sort();
}

/** A user's groups as {value, display} ($ref, which RFC 7643 §4.1.2 allows, is not compared). */
async function userGroups(send: ScimSend, id: string, what: string): Promise<{ value: string; display: string }[]> {
  const groups = (await getUser(send, id, what)).groups ?? [];
  return groups.map((g: { value: string; display: string }) => ({ value: g.value, display: g.display }));
}

async function userGroupIds(send: ScimSend, id: string, what: string): Promise<string[]> {
  return ((await getUser(send, id, what)).groups ?? []).map((g: { value: string }) => g.value).sort();
}

// ---------------------------------------------------------------- payloads

const email = (ctx: ScimContext, local: string) => `${local}-${ctx.unique}@${ctx.domain}`;

/** [okta-ref] "Create the User": Okta sends password, locale and an empty groups array too. */
export function oktaUser(ctx: ScimContext, local: string, extra: Record<string, unknown> = {}) {
  return {
    schemas: [SCIM.user],
    userName: email(ctx, local),
    name: { givenName: "Okta", familyName: `${local} ${ctx.unique}` },
    emails: [{ primary: true, value: email(ctx, local), type: "work" }],
    displayName: `Okta ${local} ${ctx.unique}`,
    locale: "en-US",
    externalId: `00u${ctx.unique}${local}`.replace(/[^a-z0-9]/gi, ""),
    groups: [],
    password: "1mz050nq",
    active: true,
    ...extra,
  };
}

/** [entra-tutorial] "Create User": enterprise schema listed, meta.resourceType sent, roles empty. */
export function entraUser(ctx: ScimContext, local: string, extra: Record<string, unknown> = {}) {
  return {
    schemas: [SCIM.user, SCIM.enterprise],
    externalId: randomUUID(),
    userName: email(ctx, local),
    active: true,
    emails: [{ primary: true, type: "work", value: email(ctx, local) }],
    meta: { resourceType: "User" },
    name: { formatted: `Entra ${local}`, familyName: `${local} ${ctx.unique}`, givenName: "Entra" },
    roles: [],
    [SCIM.enterprise]: { employeeNumber: "100009", department: "Human Resources" },
    ...extra,
  };
}

// ---------------------------------------------------------------- Okta

async function oktaTestConnection(send: ScimSend, ctx: ScimContext) {
  await createUser(send, oktaUser(ctx, "okta-conn"), "seed user");
  // [okta-runscope] "Required Test: Test Users endpoint": GET /Users?count=1&startIndex=1.
  const res = await send("GET", "/Users?count=1&startIndex=1");
  const [first] = expectList(res, "test connection");
  assert.equal(res.json.itemsPerPage, 1);
  assert.equal(res.json.startIndex, 1);
  assert.ok(res.json.totalResults >= 1);
  for (const key of ["id", "userName", "active"]) assert.notEqual(first[key], undefined, `Resources[0].${key}`);
  assert.ok(first.emails?.[0]?.value, "Resources[0].emails[0].value");
}

async function oktaUnknownUserLookup(send: ScimSend, ctx: ScimContext) {
  // [okta-ref] "Determine if the User object exists": filter + startIndex=1&count=100; none → totalResults 0.
  const filter = `userName eq "${email(ctx, "nobody")}"`;
  expectList(await send("GET", withQuery("/Users", { filter, startIndex: 1, count: 100 })), "lookup", 0);
}

async function oktaCreateAndRead(send: ScimSend, ctx: ScimContext) {
  const body = oktaUser(ctx, "okta-create", { title: "Engineer" });
  const created = await createUser(send, body, "create");
  expectUser(
    created,
    {
      schemas: [SCIM.user],
      userName: body.userName,
      externalId: body.externalId,
      displayName: body.displayName,
      title: "Engineer",
      active: true,
      emails: [{ value: body.userName, type: "work", primary: true }],
    },
    "created",
  );
  assert.equal(created.name.givenName, "Okta");
  assert.equal(created.name.familyName, body.name.familyName);
  assert.equal(typeof created.name.formatted, "string");
  assert.equal(created.password, undefined, "password is never returned");
  const read = await getUser(send, created.id, "GET by id");
  assert.deepEqual({ ...read, meta: undefined }, { ...created, meta: undefined });
  // [okta-runscope] "Username Case Sensitivity Check": the same user found with a differently cased userName.
  const filter = `userName eq "${body.userName.toUpperCase()}"`;
  const [found] = expectList(await send("GET", withQuery("/Users", { filter, startIndex: 1, count: 100 })), "ci", 1);
  assert.equal(found.id, created.id);
}

async function oktaDuplicateUser(send: ScimSend, ctx: ScimContext) {
  const body = oktaUser(ctx, "okta-dup");
  await createUser(send, body, "first create");
  // [okta-runscope] "Expect failure when recreating user with same values" → 409.
  expectError(await send("POST", "/Users", body), 409, "uniqueness", "same userName");
  const shouting = { ...body, userName: body.userName.toUpperCase(), externalId: "other" };
  expectError(await send("POST", "/Users", shouting), 409, "uniqueness", "userName differing in case");
  await usersWhere(send, `userName eq "${body.userName}"`, "still one", 1);
}

async function oktaRandomIdIs404(send: ScimSend) {
  // [okta-runscope] "Required Test: Fetch user with random ID" → 404.
  expectError(await send("GET", `/Users/${randomUUID()}`), 404, null, "random id");
  expectError(await send("GET", `/Users/010101`), 404, null, "malformed id");
  expectError(await send("GET", `/Groups/${randomUUID()}`), 404, null, "random group id");
}

async function oktaPutProfileUpdate(send: ScimSend, ctx: ScimContext) {
  const created = await createUser(send, oktaUser(ctx, "okta-put", { title: "Engineer" }), "create");
  // [okta-ref] "Update a specific User (PUT)": Okta sends the whole user back, read-only parts included.
  const { title: _dropped, ...withoutTitle } = created;
  const body = { ...withoutTitle, name: { givenName: "Renamed", familyName: "Person" }, displayName: "Renamed Person" };
  const res = await send("PUT", `/Users/${created.id}`, body);
  const updated = expectUserWrite(res, 200, "PUT");
  expectUser(updated, { id: created.id, userName: created.userName, displayName: "Renamed Person" }, "after PUT");
  assert.equal(updated.name.givenName, "Renamed");
  assert.equal(updated.name.familyName, "Person");
  assert.equal(updated.title ?? null, null, "PUT replaces: an omitted title is cleared");
  assert.notEqual(updated.meta.version, created.meta.version, "a write changes the version");
  assert.equal((await getUser(send, created.id, "GET after PUT")).name.givenName, "Renamed");
}

async function oktaDeactivateReactivate(send: ScimSend, ctx: ScimContext) {
  const created = await createUser(send, oktaUser(ctx, "okta-deact"), "create");
  // [okta-ref] "Update a specific User (PATCH)": path-less replace with {active:false}; 200 with the user.
  const off = await patchUser(send, created.id, patchOp({ op: "replace", value: { active: false } }), "deactivate");
  assert.equal(off.active, false);
  assert.equal((await getUser(send, created.id, "GET deactivated")).active, false);
  const [listed] = await usersWhere(send, `userName eq "${created.userName}"`, "deactivated still listed", 1);
  assert.equal(listed.active, false);
  const on = await patchUser(send, created.id, patchOp({ op: "replace", value: { active: true } }), "reactivate");
  assert.equal(on.active, true);
}

async function oktaPagination(send: ScimSend, ctx: ScimContext) {
  for (const n of [1, 2, 3]) await createUser(send, oktaUser(ctx, `okta-page${n}`), `create ${n}`);
  // [okta-ref] imports page with startIndex/count; here restricted to this scenario's users.
  const filter = `userName sw "okta-page" and userName co "${ctx.unique}"`;
  const page1 = await send("GET", withQuery("/Users", { filter, startIndex: 1, count: 2 }));
  const first = expectList(page1, "page 1", 3);
  assert.equal(first.length, 2);
  const page2 = await send("GET", withQuery("/Users", { filter, startIndex: 3, count: 2 }));
  const second = expectList(page2, "page 2", 3);
  assert.equal(page2.json.startIndex, 3);
  assert.equal(second.length, 1);
  const ids = new Set([...first, ...second].map((u) => u.id));
  assert.equal(ids.size, 3, "pages do not overlap");
  const again = expectList(await send("GET", withQuery("/Users", { filter, startIndex: 1, count: 2 })), "again", 3);
  assert.deepEqual(
    again.map((u) => u.id),
    first.map((u) => u.id),
    "ordering is stable",
  );
}

async function oktaGroupPush(send: ScimSend, ctx: ScimContext) {
  const alice = await createUser(send, oktaUser(ctx, "okta-gp-a"), "user");
  const displayName = `Okta Push ${ctx.unique}`;
  // [okta-ref] "Create Groups" (Group Push): core Group schema, displayName, members (may be empty).
  const group = await createGroup(send, { schemas: [SCIM.group], displayName, members: [] }, "push group");
  assert.equal(group.displayName, displayName);
  assert.deepEqual(group.members ?? [], []);
  // [okta-ref] "Retrieve Groups": GET /Groups?filter=displayName eq "..."&startIndex=1&count=100.
  const lookup = withQuery("/Groups", { filter: `displayName eq "${displayName}"`, startIndex: 1, count: 100 });
  const [found] = expectList(await send("GET", lookup), "group lookup", 1);
  assert.equal(found.id, group.id);
  // [okta-ref] "Update Group membership": add with value objects carrying display.
  const add = patchOp({ op: "add", path: "members", value: [{ value: alice.id, display: alice.userName }] });
  expectStatus(await send("PATCH", `/Groups/${group.id}`, add), 204, "add member");
  const read = await send("GET", `/Groups/${group.id}`);
  expectStatus(read, 200, "GET group");
  assert.equal(read.json.members.length, 1);
  const [member] = read.json.members;
  assert.equal(member.value, alice.id);
  assert.equal(typeof member.display, "string");
  assert.ok(String(member.$ref).endsWith(`/scim/v2/Users/${alice.id}`), "member $ref");
  assert.deepEqual(await userGroups(send, alice.id, "user after add"), [{ value: group.id, display: displayName }]);
}

async function oktaGroupRenameAndRemoveMember(send: ScimSend, ctx: ScimContext) {
  const [a, b] = [
    await createUser(send, oktaUser(ctx, "okta-gr-a"), "user a"),
    await createUser(send, oktaUser(ctx, "okta-gr-b"), "user b"),
  ];
  const members = [{ value: a.id }, { value: b.id }];
  const group = await createGroup(send, { schemas: [SCIM.group], displayName: `Okta ${ctx.unique}`, members }, "group");
  assert.deepEqual(group.members.map((m: { value: string }) => m.value).sort(), [a.id, b.id].sort());
  // [okta-ref] "Update a specific Group name": path-less replace whose value carries id and displayName.
  const renamed = `Okta Renamed ${ctx.unique}`;
  const rename = patchOp({ op: "replace", value: { id: group.id, displayName: renamed } });
  const res = await send("PATCH", `/Groups/${group.id}`, rename);
  expectStatus(res, 204, "rename");
  assert.equal(res.json, undefined, "204 has no body");
  assert.equal((await send("GET", `/Groups/${group.id}`)).json.displayName, renamed);
  // [okta-ref] "Update Group membership": remove with a value filter in the path.
  const remove = patchOp({ op: "remove", path: `members[value eq "${a.id}"]` });
  expectStatus(await send("PATCH", `/Groups/${group.id}`, remove), 204, "remove member");
  assert.deepEqual(await groupMemberIds(send, group.id, "after remove"), [b.id]);
  assert.deepEqual(await userGroupIds(send, a.id, "removed user"), []);
  assert.deepEqual(await userGroups(send, b.id, "kept user"), [{ value: group.id, display: renamed }]);
}

async function oktaGroupDelete(send: ScimSend, ctx: ScimContext) {
  const a = await createUser(send, oktaUser(ctx, "okta-gd"), "user");
  const group = await createGroup(
    send,
    { schemas: [SCIM.group], displayName: `Okta Del ${ctx.unique}`, members: [{ value: a.id }] },
    "group",
  );
  // [okta-ref] "Delete a specific Group": DELETE → 204; the group is gone.
  expectStatus(await send("DELETE", `/Groups/${group.id}`), 204, "delete group");
  expectError(await send("GET", `/Groups/${group.id}`), 404, null, "deleted group");
  expectError(await send("DELETE", `/Groups/${group.id}`), 404, null, "delete twice");
  assert.deepEqual(await userGroupIds(send, a.id, "member of a deleted group"), []);
  expectList(await send("GET", withQuery("/Groups", { filter: `displayName eq "${group.displayName}"` })), "gone", 0);
}

// ---------------------------------------------------------------- Entra

async function entraTestConnection(send: ScimSend) {
  // [entra-tutorial] "Get User by query - Zero results": test connection filters on a random guid.
  expectList(await send("GET", withQuery("/Users", { filter: `userName eq "${randomUUID()}"` })), "test conn", 0);
}

async function entraCreateSequence(send: ScimSend, ctx: ScimContext) {
  const body = entraUser(ctx, "entra-create", { displayName: "Ellen Reckert", title: "Manager" });
  // [entra-tutorial] Entra looks the user up first, with "+" for spaces and %40 for "@" in the query.
  const query = `/Users?filter=userName+eq+"${encodeURIComponent(body.userName)}"`;
  expectList(await send("GET", query), "lookup before create", 0);
  const created = await createUser(send, body, "create");
  expectUser(
    created,
    { schemas: [SCIM.user], userName: body.userName, externalId: body.externalId, active: true, title: "Manager" },
    "created",
  );
  assert.deepEqual(created.emails, [{ value: body.userName, type: "work", primary: true }]);
  assert.equal(created.displayName, "Ellen Reckert");
  const [found] = expectList(await send("GET", query), "lookup after create", 1);
  assert.equal(found.id, created.id);
  // Entra also matches on externalId ([entra-tutorial] matching attributes).
  const [byExternal] = await usersWhere(send, `externalId eq "${body.externalId}"`, "by externalId", 1);
  assert.equal(byExternal.id, created.id);
}

async function entraPatchMultiValued(send: ScimSend, ctx: ScimContext) {
  const created = await createUser(send, entraUser(ctx, "entra-mv"), "create");
  const newEmail = email(ctx, "entra-mv-renamed");
  // [entra-tutorial] "Update User [Multi-valued properties]": capitalised Replace, filtered email path.
  const body = patchOp(
    { op: "Replace", path: 'emails[type eq "work"].value', value: newEmail },
    { op: "Replace", path: "name.familyName", value: "updatedFamilyName" },
  );
  const updated = await patchUser(send, created.id, body, "replace email and family name");
  assert.deepEqual(updated.emails, [{ value: newEmail, type: "work", primary: true }]);
  assert.equal(updated.name.familyName, "updatedFamilyName");
  assert.equal(updated.name.givenName, "Entra", "other name parts kept");
  const [found] = await usersWhere(send, `emails[type eq "work"].value eq "${newEmail}"`, "by new email", 1);
  assert.equal(found.id, created.id);
}

async function entraPatchAddEmail(send: ScimSend, ctx: ScimContext) {
  const created = await createUser(send, entraUser(ctx, "entra-add"), "create");
  const newEmail = email(ctx, "entra-add-changed");
  // [entra-qa-add] Entra sends "Add" (not Replace) on the work email path when the email changes.
  const body = patchOp(
    { op: "Replace", path: "title", value: "tester" },
    { op: "Add", path: 'emails[type eq "work"].value', value: newEmail },
  );
  const updated = await patchUser(send, created.id, body, "Add on email path");
  assert.equal(updated.title, "tester");
  assert.deepEqual(updated.emails, [{ value: newEmail, type: "work", primary: true }]);
}

async function entraDisableWithStrings(send: ScimSend, ctx: ScimContext) {
  const created = await createUser(send, entraUser(ctx, "entra-off"), "create");
  // [entra-compat] the scim job sent booleans as strings: {"op":"Replace","path":"active","value":"False"}.
  const off = await patchUser(send, created.id, patchOp({ op: "Replace", path: "active", value: "False" }), "False");
  assert.equal(off.active, false);
  // [entra-qa-disabled] the validator reads a disabled user back through a userName filter.
  const [listed] = await usersWhere(send, `userName eq "${created.userName}"`, "disabled still listed", 1);
  assert.equal(listed.active, false);
  const on = await patchUser(send, created.id, patchOp({ op: "Replace", path: "active", value: "True" }), "True");
  assert.equal(on.active, true);
  // [entra-tutorial] "Disable User" with a real boolean.
  const off2 = await patchUser(send, created.id, patchOp({ op: "Replace", path: "active", value: false }), "false");
  assert.equal(off2.active, false);
}

async function entraPathlessValueObject(send: ScimSend, ctx: ScimContext) {
  const created = await createUser(send, entraUser(ctx, "entra-np"), "create");
  const newEmail = email(ctx, "entra-np-new");
  // [entra-compat] "Requests to replace multiple attributes" (fixed form): one path-less op whose
  // value keys are attribute paths, filters and extension URNs included.
  const body = patchOp({
    op: "replace",
    value: {
      displayName: "Pvlo Gtfd",
      [`emails[type eq "work"].value`]: newEmail,
      "name.givenName": "Gtfd",
      "name.familyName": "Pkqf",
      externalId: `ext-${ctx.unique}`,
      [`${SCIM.enterprise}:employeeNumber`]: "Eqpj",
      active: false,
    },
  });
  const updated = await patchUser(send, created.id, body, "path-less replace");
  expectUser(
    updated,
    { displayName: "Pvlo Gtfd", externalId: `ext-${ctx.unique}`, active: false, schemas: [SCIM.user] },
    "after",
  );
  assert.deepEqual(updated.emails, [{ value: newEmail, type: "work", primary: true }]);
  assert.equal(updated.name.givenName, "Gtfd");
  assert.equal(updated.name.familyName, "Pkqf");
}

async function entraManager(send: ScimSend, ctx: ScimContext) {
  const boss = await createUser(send, entraUser(ctx, "entra-boss"), "manager");
  const report = await createUser(send, entraUser(ctx, "entra-report"), "report");
  // [entra-compat] manager added with the bare manager id as value (not {value: id}).
  const add = patchOp({ op: "Add", path: MANAGER_PATH, value: boss.id });
  const withManager = await patchUser(send, report.id, add, "add manager");
  assert.deepEqual([...withManager.schemas].sort(), [SCIM.enterprise, SCIM.user].sort(), "enterprise schema listed");
  assert.equal(withManager[SCIM.enterprise]?.manager?.value, boss.id);
  assert.equal((await getUser(send, report.id, "GET report"))[SCIM.enterprise]?.manager?.value, boss.id);
  // [rfc7644] §3.5.2.2 remove by path (what the fixed scim job sends).
  const removed = await patchUser(send, report.id, patchOp({ op: "Remove", path: MANAGER_PATH }), "remove manager");
  assert.deepEqual(removed.schemas, [SCIM.user]);
  assert.equal(removed[SCIM.enterprise]?.manager, undefined);
}

async function entraRenameUserName(send: ScimSend, ctx: ScimContext) {
  const created = await createUser(send, entraUser(ctx, "entra-un"), "create");
  const renamed = email(ctx, "entra-un-renamed");
  // [entra-tutorial] "Update User [Single-valued properties]": Replace userName.
  const updated = await patchUser(send, created.id, patchOp({ op: "Replace", path: "userName", value: renamed }), "un");
  assert.equal(updated.userName, renamed);
  await usersWhere(send, `userName eq "${created.userName}"`, "old userName", 0);
  const [found] = await usersWhere(send, `userName eq "${renamed}"`, "new userName", 1);
  assert.equal(found.id, created.id);
}

async function entraDeleteAndRecreate(send: ScimSend, ctx: ScimContext) {
  const body = entraUser(ctx, "entra-del");
  const created = await createUser(send, body, "create");
  // [entra-tutorial] "Delete User": DELETE → 204 with no body.
  const res = await send("DELETE", `/Users/${created.id}`);
  expectStatus(res, 204, "delete");
  assert.equal(res.json, undefined);
  expectError(await send("GET", `/Users/${created.id}`), 404, null, "GET deleted");
  expectError(await send("PUT", `/Users/${created.id}`, body), 404, null, "PUT deleted");
  const disable = patchOp({ op: "Replace", path: "active", value: false });
  expectError(await send("PATCH", `/Users/${created.id}`, disable), 404, null, "PATCH deleted");
  expectError(await send("DELETE", `/Users/${created.id}`), 404, null, "DELETE deleted");
  await usersWhere(send, `userName eq "${body.userName}"`, "not listed", 0);
  const again = await createUser(send, { ...body, externalId: randomUUID() }, "recreate");
  assert.equal(again.active, true);
  assert.equal(again.userName, body.userName);
}

async function entraGroupLookupAndRename(send: ScimSend, ctx: ScimContext) {
  const displayName = `Entra Group ${ctx.unique}`;
  // [entra-tutorial] "Create Group": Entra lists a Microsoft schema beside the core one, and meta.
  const adSchema = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
  const externalId = randomUUID();
  const body = { externalId, displayName, meta: { resourceType: "Group" }, schemas: [SCIM.group, adSchema] };
  const group = await createGroup(send, body, "create group");
  assert.equal(group.externalId, externalId);
  // [entra-tutorial] "Get Group by displayName" and "Get Group" both exclude members.
  const path = `/Groups?excludedAttributes=members&filter=${encodeURIComponent(`displayName eq "${displayName}"`)}`;
  const [found] = expectList(await send("GET", path), "by displayName", 1);
  assert.equal(found.id, group.id);
  assert.equal(found.members, undefined, "members excluded");
  const single = await send("GET", `/Groups/${group.id}?excludedAttributes=members`);
  expectStatus(single, 200, "GET group");
  assert.equal(single.json.members, undefined);
  // [entra-tutorial] "Update Group [Non-member attributes]": Replace displayName → 204.
  const renamed = `Entra Renamed ${ctx.unique}`;
  const rename = patchOp({ op: "Replace", path: "displayName", value: renamed });
  expectStatus(await send("PATCH", `/Groups/${group.id}`, rename), 204, "rename");
  assert.equal((await send("GET", `/Groups/${group.id}`)).json.displayName, renamed);
  await expectGroupsWhere(send, `externalId eq "${externalId}"`, [group.id], "by externalId");
}

async function expectGroupsWhere(send: ScimSend, filter: string, ids: string[], what: string) {
  const found = expectList(await send("GET", withQuery("/Groups", { filter })), what, ids.length);
  assert.deepEqual(found.map((g) => g.id).sort(), [...ids].sort(), what);
}

async function entraGroupMembers(send: ScimSend, ctx: ScimContext) {
  const [a, b] = [
    await createUser(send, entraUser(ctx, "entra-gm-a"), "user a"),
    await createUser(send, entraUser(ctx, "entra-gm-b"), "user b"),
  ];
  const group = await createGroup(send, { schemas: [SCIM.group], displayName: `Entra M ${ctx.unique}` }, "group");
  // [entra-tutorial] "Update Group [Add Members]": Add with a value array ($ref null).
  const add = patchOp({
    op: "Add",
    path: "members",
    value: [
      { $ref: null, value: a.id },
      { $ref: null, value: b.id },
    ],
  });
  expectStatus(await send("PATCH", `/Groups/${group.id}`, add), 204, "add members");
  assert.deepEqual(await groupMemberIds(send, group.id, "after add"), [a.id, b.id].sort());
  await expectGroupsWhere(send, `members[value eq "${a.id}"]`, [group.id], "groups of a");
  // [entra-tutorial] / [entra-compat] "Update Group [Remove Members]": Remove with a value array, no filter.
  const remove = patchOp({ op: "Remove", path: "members", value: [{ $ref: null, value: a.id }] });
  expectStatus(await send("PATCH", `/Groups/${group.id}`, remove), 204, "remove member");
  assert.deepEqual(await groupMemberIds(send, group.id, "after remove"), [b.id]);
  assert.deepEqual(await userGroupIds(send, a.id, "a"), []);
  assert.deepEqual(await userGroupIds(send, b.id, "b"), [group.id]);
  await expectGroupsWhere(send, `members[value eq "${a.id}"]`, [], "a in no group");
}

export const oktaScenarios: ScimScenario[] = [
  { name: "okta: test connection lists one user with the fields Okta reads", idp: "okta", run: oktaTestConnection },
  { name: "okta: looking up an unknown userName finds nothing", idp: "okta", run: oktaUnknownUserLookup },
  { name: "okta: create user, read it by id and by userName in any case", idp: "okta", run: oktaCreateAndRead },
  { name: "okta: a duplicate userName (any case) is refused with 409", idp: "okta", run: oktaDuplicateUser },
  { name: "okta: a random or malformed id is 404", idp: "okta", run: oktaRandomIdIs404 },
  { name: "okta: PUT replaces the profile", idp: "okta", run: oktaPutProfileUpdate },
  { name: "okta: deactivate and reactivate with path-less replace", idp: "okta", run: oktaDeactivateReactivate },
  { name: "okta: import pages with startIndex and count", idp: "okta", run: oktaPagination },
  { name: "okta: group push creates a group and adds a member", idp: "okta", run: oktaGroupPush },
  { name: "okta: group rename and member remove by value filter", idp: "okta", run: oktaGroupRenameAndRemoveMember },
  { name: "okta: deleting a pushed group", idp: "okta", run: oktaGroupDelete },
];

export const entraScenarios: ScimScenario[] = [
  { name: "entra: test connection with a random guid finds nothing", idp: "entra", run: entraTestConnection },
  { name: "entra: lookup, create with enterprise attributes, lookup again", idp: "entra", run: entraCreateSequence },
  { name: "entra: Replace the work email and family name", idp: "entra", run: entraPatchMultiValued },
  { name: "entra: Add on the work email path changes it", idp: "entra", run: entraPatchAddEmail },
  { name: "entra: disable and enable with string booleans", idp: "entra", run: entraDisableWithStrings },
  { name: "entra: path-less replace with attribute-path keys", idp: "entra", run: entraPathlessValueObject },
  { name: "entra: manager added as a bare id, then removed", idp: "entra", run: entraManager },
  { name: "entra: Replace userName", idp: "entra", run: entraRenameUserName },
  { name: "entra: delete, then everything on that id is 404; recreate", idp: "entra", run: entraDeleteAndRecreate },
  { name: "entra: group lookup without members, rename", idp: "entra", run: entraGroupLookupAndRename },
  { name: "entra: group members Add and Remove with value arrays", idp: "entra", run: entraGroupMembers },
];

// ---------------------------------------------------------------- RFC 7643 / 7644

async function rfcServiceProviderConfig(send: ScimSend) {
  // [rfc7643] §5; the values are Skillgrid's.
  const res = await send("GET", "/ServiceProviderConfig");
  expectStatus(res, 200, "ServiceProviderConfig");
  const config = res.json;
  assert.ok(config.schemas?.includes(SCIM.spConfig));
  assert.equal(config.patch?.supported, true);
  assert.equal(config.filter?.supported, true);
  assert.equal(config.filter?.maxResults, 1000);
  assert.equal(config.etag?.supported, true);
  assert.equal(config.bulk?.supported, false);
  assert.equal(config.sort?.supported, false);
  assert.equal(config.changePassword?.supported, false);
  assert.ok(
    config.authenticationSchemes?.some((s: { type: string }) => s.type === "oauthbearertoken"),
    "oauthbearertoken scheme",
  );
}

async function rfcResourceTypesAndSchemas(send: ScimSend) {
  // [rfc7644] §4: /ResourceTypes and /Schemas are ListResponses; single entries by id.
  const types = expectList(await send("GET", "/ResourceTypes"), "ResourceTypes");
  const user = types.find((t) => t.id === "User" || t.name === "User");
  const group = types.find((t) => t.id === "Group" || t.name === "Group");
  assert.ok(user && group, "User and Group resource types");
  assert.equal(user.endpoint, "/Users");
  assert.equal(user.schema, SCIM.user);
  assert.ok(
    user.schemaExtensions?.some((e: { schema: string }) => e.schema === SCIM.enterprise),
    "enterprise ext",
  );
  assert.equal(group.endpoint, "/Groups");
  assert.equal(group.schema, SCIM.group);
  const schemas = expectList(await send("GET", "/Schemas"), "Schemas");
  const ids = schemas.map((s) => s.id);
  for (const urn of [SCIM.user, SCIM.group, SCIM.enterprise]) assert.ok(ids.includes(urn), `schema ${urn}`);
  const single = await send("GET", `/Schemas/${SCIM.enterprise}`);
  expectStatus(single, 200, "one schema");
  assert.equal(single.json.id, SCIM.enterprise);
  assert.ok(Array.isArray(single.json.attributes), "schema attributes");
  const userType = await send("GET", "/ResourceTypes/User");
  expectStatus(userType, 200, "one resource type");
  assert.equal(userType.json.name, "User");
  expectError(await send("GET", "/Schemas/urn:example:nothing"), 404, null, "unknown schema");
}

async function rfcMalformedBodies(send: ScimSend, ctx: ScimContext) {
  const body = oktaUser(ctx, "rfc-json");
  // [rfc7644] §3.12: unparseable JSON is invalidSyntax; nothing is written.
  expectError(await send("POST", "/Users", '{"userName": "x",'), 400, "invalidSyntax", "broken JSON");
  expectError(await send("POST", "/Users", "[]"), 400, undefined, "array body");
  const created = await createUser(send, body, "create");
  const patch = '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[';
  expectError(await send("PATCH", `/Users/${created.id}`, patch), 400, "invalidSyntax", "broken PATCH");
  // application/json is accepted as well as application/scim+json ([rfc7644] §3.1).
  const plain = oktaUser(ctx, "rfc-plain-json");
  const res = await send("POST", "/Users", JSON.stringify(plain), { "content-type": "application/json" });
  expectUserWrite(res, 201, "application/json body");
  await usersWhere(send, `userName co "rfc-json-${ctx.unique}"`, "only the good create", 1);
}

async function rfcBadFilters(send: ScimSend) {
  // [rfc7644] §3.4.2.2: a filter that does not parse is 400 invalidFilter.
  const bad = [
    "userName eq",
    'userName xx "a"',
    '(userName eq "a"',
    'emails[type eq "work".value eq "a"',
    'userName eq "a" and',
    "not",
  ];
  for (const filter of bad) {
    expectError(await send("GET", withQuery("/Users", { filter })), 400, "invalidFilter", `filter ${filter}`);
  }
  expectError(await send("GET", withQuery("/Groups", { filter: "displayName eq" })), 400, "invalidFilter", "group");
}

async function rfcFilterGrammar(send: ScimSend, ctx: ScimContext) {
  const ana = await createUser(send, oktaUser(ctx, "rfc-flt-ana", { title: "Engineer" }), "ana");
  const bo = await createUser(send, oktaUser(ctx, "rfc-flt-bo"), "bo");
  const mine = `userName co "${ctx.unique}" and userName sw "rfc-flt"`;
  const expectIds = async (filter: string, ids: string[]) => {
    const found = await usersWhere(send, filter, filter, ids.length);
    assert.deepEqual(found.map((u) => u.id).sort(), [...ids].sort(), filter);
  };
  // [rfc7644] §3.4.2.2 operators, grouping, precedence and value paths.
  await expectIds(`userName eq "${ana.userName.toUpperCase()}"`, [ana.id]);
  await expectIds(mine, [ana.id, bo.id]);
  await expectIds(`${mine} and title pr`, [ana.id]);
  await expectIds(`${mine} and not (title eq "Engineer")`, [bo.id]);
  await expectIds(`(userName eq "${ana.userName}" or userName eq "${bo.userName}") and active eq true`, [
    ana.id,
    bo.id,
  ]);
  await expectIds(`emails[type eq "work"].value eq "${bo.emails[0].value}"`, [bo.id]);
  await expectIds(`emails[type eq "work" and value co "rfc-flt-ana-${ctx.unique}"]`, [ana.id]);
  await expectIds(`externalId eq "${ana.externalId}"`, [ana.id]);
  await expectIds(`${mine} and name.familyName co "bo"`, [bo.id]);
  await expectIds(`USERNAME Eq "${bo.userName}"`, [bo.id]);
}

async function rfcPagingParameters(send: ScimSend, ctx: ScimContext) {
  for (const n of [1, 2]) await createUser(send, oktaUser(ctx, `rfc-pg${n}`), `create ${n}`);
  const filter = `userName co "${ctx.unique}"`;
  // [rfc7644] §3.4.2.4: count=0 returns only totalResults; startIndex < 1 is 1; count is capped.
  const zero = await send("GET", withQuery("/Users", { filter, count: 0 }));
  assert.equal(expectList(zero, "count=0", 2).length, 0);
  const fromZero = await send("GET", withQuery("/Users", { filter, startIndex: 0, count: 1 }));
  const [first] = expectList(fromZero, "startIndex=0", 2);
  assert.equal(fromZero.json.startIndex, 1);
  const [same] = expectList(await send("GET", withQuery("/Users", { filter, startIndex: 1, count: 1 })), "si=1", 2);
  assert.equal(first.id, same.id);
  const negative = await send("GET", withQuery("/Users", { filter, startIndex: -5 }));
  assert.equal(expectList(negative, "startIndex<0", 2).length, 2);
  const huge = await send("GET", withQuery("/Users", { count: 5000 }));
  assert.ok(expectList(huge, "count=5000").length <= 1000, "count capped at 1000");
  const defaults = await send("GET", "/Users");
  assert.ok(expectList(defaults, "defaults").length <= 100, "default count is 100");
  assert.equal(defaults.json.startIndex, 1);
}

async function rfcAttributeSelection(send: ScimSend, ctx: ScimContext) {
  const created = await createUser(send, oktaUser(ctx, "rfc-attrs", { title: "Engineer" }), "create");
  const filter = `userName eq "${created.userName}"`;
  // [rfc7644] §3.4.2.5 / §3.9: id and schemas are always returned.
  const [only] = expectList(await send("GET", withQuery("/Users", { filter, attributes: "userName" })), "attrs", 1);
  assert.equal(only.id, created.id);
  assert.deepEqual(only.schemas, [SCIM.user]);
  assert.equal(only.userName, created.userName);
  for (const key of ["name", "emails", "title", "active", "displayName"]) assert.equal(only[key], undefined, key);
  const excluded = await send("GET", withQuery("/Users", { filter, excludedAttributes: "emails,name" }));
  const [rest] = expectList(excluded, "excludedAttributes", 1);
  assert.equal(rest.emails, undefined);
  assert.equal(rest.name, undefined);
  assert.equal(rest.title, "Engineer");
  const noId = await send("GET", `/Users/${created.id}?excludedAttributes=id,schemas`);
  assert.equal(noId.json.id, created.id, "id cannot be excluded");
  assert.deepEqual(noId.json.schemas, [SCIM.user]);
  // [rfc7644] §3.10: a sub-attribute is named in full ("name.givenName") and only it is returned.
  const sub = await send("GET", `/Users/${created.id}?attributes=name.givenName,emails`);
  expectStatus(sub, 200, "sub-attribute selection");
  assert.equal(sub.json.name?.givenName, "Okta");
  assert.equal(sub.json.name?.familyName, undefined);
  assert.equal(sub.json.emails?.[0]?.value, created.userName);
}

async function rfcEtags(send: ScimSend, ctx: ScimContext) {
  const created = await createUser(send, oktaUser(ctx, "rfc-etag"), "create");
  const stale = created.meta.version;
  const current = (await patchUser(send, created.id, patchOp({ op: "replace", path: "title", value: "A" }), "v2")).meta
    .version;
  assert.notEqual(current, stale);
  // [rfc7644] §3.14: If-Match with a stale version is 412 and writes nothing.
  const ifStale = { "if-match": stale };
  const put = { ...oktaUser(ctx, "rfc-etag"), title: "B" };
  expectError(await send("PUT", `/Users/${created.id}`, put, ifStale), 412, null, "stale PUT");
  const patchB = patchOp({ op: "replace", path: "title", value: "B" });
  expectError(await send("PATCH", `/Users/${created.id}`, patchB, ifStale), 412, null, "stale PATCH");
  expectError(await send("DELETE", `/Users/${created.id}`, undefined, ifStale), 412, null, "stale DELETE");
  const after = await getUser(send, created.id, "unchanged");
  assert.equal(after.title, "A");
  assert.equal(after.meta.version, current);
  const ok = await send("PATCH", `/Users/${created.id}`, patchB, { "if-match": current });
  const next = expectUserWrite(ok, 200, "matching PATCH").meta.version;
  const putOk = expectUserWrite(await send("PUT", `/Users/${created.id}`, put, { "if-match": next }), 200, "PUT");
  expectStatus(await send("DELETE", `/Users/${created.id}`, undefined, { "if-match": putOk.meta.version }), 204, "del");
}

async function rfcEmailRules(send: ScimSend, ctx: ScimContext) {
  const userName = email(ctx, "rfc-mail");
  // Skillgrid: an email outside the allowed domains, or no usable email, is invalidValue; nothing is written.
  const outside = oktaUser(ctx, "rfc-mail", { emails: [{ value: `rfc-mail-${ctx.unique}@elsewhere.invalid` }] });
  expectError(await send("POST", "/Users", outside), 400, "invalidValue", "email outside allowed domains");
  const noEmail = oktaUser(ctx, "rfc-mail", { userName: `rfc-mail-${ctx.unique}`, emails: [] });
  expectError(await send("POST", "/Users", noEmail), 400, "invalidValue", "no usable email");
  await usersWhere(send, `userName co "rfc-mail-${ctx.unique}"`, "nothing written", 0);
  // The userName stands in when it is an email.
  const { emails: _none, ...fromUserName } = oktaUser(ctx, "rfc-mail");
  const created = await createUser(send, fromUserName, "email from userName");
  assert.deepEqual(created.emails, [{ value: userName, type: "work", primary: true }]);
  // One email kept: primary first, then work, then the first one sent.
  const [home, work] = [email(ctx, "rfc-mail-home"), email(ctx, "rfc-mail-work")];
  const emails = [
    { value: home, type: "home" },
    { value: work, type: "work" },
  ];
  const byType = await createUser(send, oktaUser(ctx, "rfc-mail-2", { emails }), "work over first");
  assert.deepEqual(byType.emails, [{ value: work, type: "work", primary: true }]);
  const primaryHome = [
    { value: home, type: "home", primary: true },
    { value: work, type: "work" },
  ];
  const byPrimary = await createUser(send, oktaUser(ctx, "rfc-mail-3", { emails: primaryHome }), "primary");
  assert.deepEqual(byPrimary.emails, [{ value: home, type: "work", primary: true }]);
  const patch = patchOp({ op: "replace", path: "emails", value: [{ value: "x@elsewhere.invalid", primary: true }] });
  expectError(await send("PATCH", `/Users/${created.id}`, patch), 400, "invalidValue", "PATCH to outside domain");
  assert.equal((await getUser(send, created.id, "unchanged")).emails[0].value, userName);
}

async function rfcUnknownAttributesIgnored(send: ScimSend, ctx: ScimContext) {
  // [rfc7643] §4.1.2 / Entra default mappings: attributes Skillgrid does not keep are accepted and dropped.
  const body = entraUser(ctx, "rfc-extra", {
    nickName: "Babs",
    preferredLanguage: "zh-TW",
    phoneNumbers: [{ type: "work", value: "+886 2 1234 5678" }],
    addresses: [{ type: "work", formatted: "1 Main St", country: "TW" }],
    [SCIM.enterprise]: { employeeNumber: "701984", department: "Tour Operations", costCenter: "4130" },
  });
  const created = await createUser(send, body, "create with extras");
  for (const key of ["phoneNumbers", "addresses", "preferredLanguage", "nickName", "password", "roles"]) {
    assert.equal(created[key], undefined, `${key} is not kept`);
  }
  assert.deepEqual(created.schemas, [SCIM.user], "no enterprise schema without a manager");
  const patch = patchOp(
    { op: "Add", path: 'phoneNumbers[type eq "mobile"].value', value: "+886 912 345 678" },
    { op: "Replace", path: `${SCIM.enterprise}:department`, value: "Sales" },
    { op: "Replace", path: "title", value: "Lead" },
  );
  const updated = await patchUser(send, created.id, patch, "PATCH with ignored paths");
  assert.equal(updated.title, "Lead");
  assert.equal(updated.phoneNumbers, undefined);
}

async function rfcGroupRules(send: ScimSend, ctx: ScimContext) {
  const a = await createUser(send, oktaUser(ctx, "rfc-grp"), "user");
  const displayName = `RFC Group ${ctx.unique}`;
  const group = await createGroup(send, { schemas: [SCIM.group], displayName, externalId: `g-${ctx.unique}` }, "g");
  // Skillgrid: group names are unique case-insensitively.
  const dup = { schemas: [SCIM.group], displayName: displayName.toUpperCase() };
  expectError(await send("POST", "/Groups", dup), 409, "uniqueness", "duplicate group name");
  // An unknown member is invalidValue, and the whole PATCH is refused.
  const bad = patchOp(
    { op: "add", path: "members", value: [{ value: a.id }] },
    { op: "add", path: "members", value: [{ value: randomUUID() }] },
  );
  expectError(await send("PATCH", `/Groups/${group.id}`, bad), 400, "invalidValue", "unknown member");
  const malformed = patchOp({ op: "add", path: "members", value: [{ value: "not-a-uuid" }] });
  expectError(await send("PATCH", `/Groups/${group.id}`, malformed), 400, "invalidValue", "malformed member");
  assert.deepEqual(await groupMemberIds(send, group.id, "nothing written"), []);
  // [rfc7644] §3.5.1: PUT replaces displayName, externalId and members; 200 with the group.
  const put = { schemas: [SCIM.group], displayName: `RFC Put ${ctx.unique}`, members: [{ value: a.id }] };
  const res = await send("PUT", `/Groups/${group.id}`, put);
  expectStatus(res, 200, "PUT group");
  expectMeta(res.json, "Group", "PUT group");
  assert.equal(res.json.displayName, put.displayName);
  assert.equal(res.json.externalId ?? null, null, "PUT without externalId clears it");
  assert.deepEqual(
    res.json.members.map((m: { value: string }) => m.value),
    [a.id],
  );
  assert.deepEqual(await userGroups(send, a.id, "member"), [{ value: group.id, display: put.displayName }]);
  // [rfc7644] §3.5.2.3: replace members with an empty list empties the group.
  const empty = patchOp({ op: "replace", path: "members", value: [] });
  expectStatus(await send("PATCH", `/Groups/${group.id}`, empty), 204, "replace members");
  assert.deepEqual(await userGroupIds(send, a.id, "after emptying"), []);
}

async function rfcUnsupportedEndpoints(send: ScimSend, ctx: ScimContext) {
  const created = await createUser(send, oktaUser(ctx, "rfc-405"), "create");
  // [rfc7644] §3.2: methods a resource does not support are 405.
  const notAllowed: [string, string][] = [
    ["DELETE", "/Users"],
    ["PUT", "/Users"],
    ["POST", `/Users/${created.id}`],
    ["PATCH", "/Groups"],
    ["POST", "/ServiceProviderConfig"],
  ];
  for (const [method, path] of notAllowed) {
    const res = await send(method, path, method === "DELETE" ? undefined : {});
    assert.equal(res.status, 405, `${method} ${path}: ${show(res)}`);
  }
  expectStatus(await send("GET", `/Users/${created.id}`), 200, "user untouched");
  // [rfc7644] §3.7 bulk is off (and IdPs POST to it), §3.11 /Me is not offered: 501 or 404, SCIM error body.
  const unsupported: [string, string][] = [
    ["GET", "/Me"],
    ["GET", "/Nothing"],
    ["POST", "/Bulk"],
  ];
  for (const [method, path] of unsupported) {
    const res = await send(method, path, method === "POST" ? { schemas: [] } : undefined);
    assert.ok([404, 501].includes(res.status), `${method} ${path}: ${show(res)}`);
    expectError(res, res.status, undefined, `${method} ${path}`);
  }
}

async function rfcHeaders(send: ScimSend, ctx: ScimContext) {
  const created = await createUser(send, oktaUser(ctx, "rfc-hdr"), "create");
  // [rfc7644] §3.14: the ETag header of GET equals meta.version and changes on every write.
  const read = await send("GET", `/Users/${created.id}`);
  assert.equal(read.header("etag"), created.meta.version);
  const patched = await patchUser(send, created.id, patchOp({ op: "replace", path: "title", value: "X" }), "write");
  assert.ok(Date.parse(patched.meta.lastModified) >= Date.parse(created.meta.lastModified));
  assert.equal(patched.meta.created, created.meta.created);
  assert.notEqual(patched.meta.version, created.meta.version);
  // [rfc7644] §3.5.2: Operations holds "one or more" operations; an empty list is refused.
  expectError(await send("PATCH", `/Users/${created.id}`, patchOp()), 400, undefined, "no operations");
  // Unknown ops and paths are refused too ([rfc7644] §3.5.2).
  const move = patchOp({ op: "move", path: "title", value: "Y" });
  expectError(await send("PATCH", `/Users/${created.id}`, move), 400, undefined, "op");
  assert.equal((await getUser(send, created.id, "after refusals")).title, "X");
}

export const rfcScenarios: ScimScenario[] = [
  { name: "rfc: ServiceProviderConfig advertises what Skillgrid does", idp: "rfc", run: rfcServiceProviderConfig },
  { name: "rfc: ResourceTypes and Schemas, as lists and one by one", idp: "rfc", run: rfcResourceTypesAndSchemas },
  { name: "rfc: broken JSON is invalidSyntax; application/json works", idp: "rfc", run: rfcMalformedBodies },
  { name: "rfc: filters that do not parse are invalidFilter", idp: "rfc", run: rfcBadFilters },
  { name: "rfc: filter operators, grouping and value paths", idp: "rfc", run: rfcFilterGrammar },
  { name: "rfc: count, startIndex and their limits", idp: "rfc", run: rfcPagingParameters },
  { name: "rfc: attributes and excludedAttributes", idp: "rfc", run: rfcAttributeSelection },
  { name: "rfc: If-Match with a stale ETag is 412 and writes nothing", idp: "rfc", run: rfcEtags },
  { name: "rfc: email domain rules and which email is kept", idp: "rfc", run: rfcEmailRules },
  { name: "rfc: unknown attributes are accepted and ignored", idp: "rfc", run: rfcUnknownAttributesIgnored },
  { name: "rfc: group uniqueness, unknown members, PUT", idp: "rfc", run: rfcGroupRules },
  { name: "rfc: unsupported endpoints and methods", idp: "rfc", run: rfcUnsupportedEndpoints },
  { name: "rfc: ETag and meta move with each write; bad PATCH refused", idp: "rfc", run: rfcHeaders },
];

export const scimScenarios: ScimScenario[] = [...oktaScenarios, ...entraScenarios, ...rfcScenarios];
