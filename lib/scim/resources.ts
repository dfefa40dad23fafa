import { createHash } from "node:crypto";

import {
  ENTERPRISE_USER_SCHEMA as ENTERPRISE_SCHEMA,
  CORE_GROUP_SCHEMA as GROUP_SCHEMA,
  CORE_USER_SCHEMA as USER_SCHEMA,
} from "./attribute-path";

// How Skillgrid's people and groups look to an IdP (RFC 7643 §4): the JSON
// of a User or a Group, its version (ETag) and the `attributes` /
// `excludedAttributes` projection. Pure: rows in, JSON out.

// The schema URNs under the names resources use (one definition: attribute-path.ts).
export { ENTERPRISE_SCHEMA, GROUP_SCHEMA, USER_SCHEMA };
export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

export type ScimJson = Record<string, unknown>;

export type UserRow = {
  id: string;
  externalId: string | null;
  userName: string | null;
  email: string;
  name: string;
  givenName: string | null;
  familyName: string | null;
  title: string | null;
  disabled: boolean;
  managerId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type GroupRef = { id: string; displayName: string };
export type MemberRef = { id: string; name: string };
export type GroupRow = { id: string; externalId: string | null; displayName: string; createdAt: Date; updatedAt: Date };

/** Rows grouped by the resource they belong to (a user's groups, a group's members). */
export function groupedBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** A weak ETag over the resource's content: it changes exactly when what an IdP can read changes. */
export function versionOf(resource: ScimJson): string {
  const { meta: _meta, ...content } = resource;
  return `W/"${createHash("sha256").update(JSON.stringify(content)).digest("base64url").slice(0, 22)}"`;
}

function withMeta(resource: ScimJson, type: "User" | "Group", row: { createdAt: Date; updatedAt: Date }, base: string) {
  const meta = {
    resourceType: type,
    created: row.createdAt.toISOString(),
    lastModified: row.updatedAt.toISOString(),
    location: `${base}/${type}s/${resource.id as string}`,
    version: versionOf(resource),
  };
  return { ...resource, meta };
}

/** Everyone has a userName: the IdP's when it sent one, else the email they sign in with. */
export const userNameOf = (row: Pick<UserRow, "userName" | "email">) => row.userName ?? row.email;

export function toScimUser(row: UserRow, groups: GroupRef[], base: string): ScimJson {
  const resource: ScimJson = {
    schemas: row.managerId ? [USER_SCHEMA, ENTERPRISE_SCHEMA] : [USER_SCHEMA],
    id: row.id,
    ...(row.externalId !== null ? { externalId: row.externalId } : {}),
    userName: userNameOf(row),
    name: {
      formatted: row.name,
      ...(row.givenName !== null ? { givenName: row.givenName } : {}),
      ...(row.familyName !== null ? { familyName: row.familyName } : {}),
    },
    displayName: row.name,
    ...(row.title !== null ? { title: row.title } : {}),
    active: !row.disabled,
    emails: [{ value: row.email, type: "work", primary: true }],
    ...(row.managerId ? { [ENTERPRISE_SCHEMA]: { manager: { value: row.managerId } } } : {}),
    groups: groups.map((g) => ({ value: g.id, display: g.displayName, $ref: `${base}/Groups/${g.id}` })),
  };
  return withMeta(resource, "User", row, base);
}

export function toScimGroup(row: GroupRow, members: MemberRef[], base: string): ScimJson {
  const resource: ScimJson = {
    schemas: [GROUP_SCHEMA],
    id: row.id,
    ...(row.externalId !== null ? { externalId: row.externalId } : {}),
    displayName: row.displayName,
    members: members.map((m) => ({ value: m.id, display: m.name, $ref: `${base}/Users/${m.id}` })),
  };
  return withMeta(resource, "Group", row, base);
}

/** An attribute named in `attributes` / `excludedAttributes`: lowercase, with its sub-attribute if one was named. */
export type AttributeRef = { name: string; sub?: string };
export type Projection = { attributes?: AttributeRef[]; excludedAttributes?: AttributeRef[] };

/** Splits `attributes=a,b.c` into lowercase references, schema URN prefixes removed. */
export function parseAttributeList(value: string | null): AttributeRef[] | undefined {
  if (!value) return undefined;
  const refs = value
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean)
    .map(attributeRef);
  return refs.length ? refs : undefined;
}

function attributeRef(attr: string): AttributeRef {
  const lower = attr.toLowerCase();
  const enterprise = ENTERPRISE_SCHEMA.toLowerCase();
  if (lower.startsWith(enterprise)) return { name: enterprise };
  let path = lower;
  for (const schema of [USER_SCHEMA, GROUP_SCHEMA]) {
    const prefix = `${schema.toLowerCase()}:`;
    if (lower.startsWith(prefix)) path = lower.slice(prefix.length);
  }
  const [name, sub] = path.split(".");
  return sub ? { name: name!, sub } : { name: name! };
}

const ALWAYS = new Set(["id", "schemas"]);

/** Keeps (or drops) the named sub-attributes of a complex value, or of each element of a multi-valued one. */
function pickSubs(value: unknown, subs: Set<string>, keep: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => pickSubs(v, subs, keep));
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => subs.has(k.toLowerCase()) === keep));
}

/** For each top-level name: null = the whole attribute, else the sub-attributes named. */
function byName(refs: AttributeRef[]): Map<string, Set<string> | null> {
  const map = new Map<string, Set<string> | null>();
  for (const { name, sub } of refs) {
    if (!sub || map.get(name) === null) map.set(name, null);
    else map.set(name, (map.get(name) ?? new Set()).add(sub));
  }
  return map;
}

/**
 * RFC 7644 §3.4.2.5 and §3.10: `attributes` keeps only those (and id,
 * schemas), down to sub-attributes; `excludedAttributes` drops those.
 */
export function project(resource: ScimJson, { attributes, excludedAttributes }: Projection): ScimJson {
  if (!attributes && !excludedAttributes) return resource;
  const keep = attributes ? byName(attributes) : null;
  const drop = byName(excludedAttributes ?? []);
  const out: ScimJson = {};
  for (const [key, value] of Object.entries(resource)) {
    const k = key.toLowerCase();
    if (ALWAYS.has(k)) out[key] = value;
    else if (keep) {
      if (!keep.has(k)) continue;
      const subs = keep.get(k);
      out[key] = subs ? pickSubs(value, subs, true) : value;
    } else {
      const subs = drop.get(k);
      if (subs === null) continue;
      out[key] = subs ? pickSubs(value, subs, false) : value;
    }
  }
  return out;
}

export function listResponse(resources: ScimJson[], totalResults: number, startIndex: number): ScimJson {
  return {
    schemas: [LIST_SCHEMA],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
