// Attribute names as SCIM writes them (RFC 7643 §2.1, RFC 7644 §3.10): case-insensitive,
// optionally prefixed by their schema URN, with at most one level of sub-attribute.
// Shared by the filter parser and the PATCH engine so both read names the same way.

export const CORE_USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const CORE_GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const ENTERPRISE_USER_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

const CORE_SCHEMAS = [CORE_USER_SCHEMA, CORE_GROUP_SCHEMA].map((s) => s.toLowerCase());
const ENTERPRISE_PREFIX = "enterprise:";
const ATTRIBUTE_NAME = /^(?:[A-Za-z][A-Za-z0-9_-]*|\$ref)$/;

/** `schema` is null for core attributes (stored at the top level of the resource). */
export type AttributeRef = { schema: string | null; names: string[] };

/**
 * Reads "userName", "name.givenName", "urn:…:core:2.0:User:userName" or
 * "urn:…:enterprise:2.0:User:manager". The bare extension URN gives `names: []`
 * (the extension object itself). Returns null when the text is not a valid name.
 */
export function parseAttributeName(text: string): AttributeRef | null {
  const split = splitSchema(text);
  if (!split) return null;
  if (split.rest === "") return split.schema === ENTERPRISE_USER_SCHEMA ? { schema: split.schema, names: [] } : null;
  const names = split.rest.split(".");
  if (names.length > 2 || !names.every((n) => ATTRIBUTE_NAME.test(n))) return null;
  return { schema: split.schema, names };
}

function splitSchema(text: string): { schema: string | null; rest: string } | null {
  const lower = text.toLowerCase();
  const enterprise = ENTERPRISE_USER_SCHEMA.toLowerCase();
  if (lower === enterprise) return { schema: ENTERPRISE_USER_SCHEMA, rest: "" };
  if (lower.startsWith(`${enterprise}:`))
    return { schema: ENTERPRISE_USER_SCHEMA, rest: text.slice(enterprise.length + 1) };
  if (CORE_SCHEMAS.includes(lower)) return null;
  const core = CORE_SCHEMAS.find((s) => lower.startsWith(`${s}:`));
  if (core) return { schema: null, rest: text.slice(core.length + 1) };
  if (lower.startsWith("urn:")) {
    // Other extensions: attribute names cannot hold ":", so the last one ends the URN.
    const colon = text.lastIndexOf(":");
    return colon > 4 && colon < text.length - 1 ? { schema: text.slice(0, colon), rest: text.slice(colon + 1) } : null;
  }
  return text.includes(":") ? null : { schema: null, rest: text };
}

/** "name.givenname", "enterprise:manager.value", or "<lowercased urn>:<name>" for other extensions. */
export function canonicalAttribute(ref: AttributeRef): string {
  const names = ref.names.join(".").toLowerCase();
  if (ref.schema === null) return names;
  if (ref.schema === ENTERPRISE_USER_SCHEMA) return `${ENTERPRISE_PREFIX}${names}`;
  return `${ref.schema.toLowerCase()}:${names}`;
}

export function refFromCanonical(attribute: string): AttributeRef {
  if (attribute.startsWith(ENTERPRISE_PREFIX)) {
    return { schema: ENTERPRISE_USER_SCHEMA, names: attribute.slice(ENTERPRISE_PREFIX.length).split(".") };
  }
  if (attribute.startsWith("urn:")) {
    const colon = attribute.lastIndexOf(":");
    return { schema: attribute.slice(0, colon), names: attribute.slice(colon + 1).split(".") };
  }
  return { schema: null, names: attribute.split(".") };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The key of `obj` that names `name`, ignoring case, if there is one. */
export function findKey(obj: Record<string, unknown>, name: string): string | undefined {
  if (Object.hasOwn(obj, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === lower);
}

export function getAttribute(obj: Record<string, unknown>, name: string): unknown {
  const key = findKey(obj, name);
  return key === undefined ? undefined : obj[key];
}

const STANDARD_CASING = new Map(
  [
    "userName",
    "displayName",
    "externalId",
    "active",
    "emails",
    "name",
    "givenName",
    "familyName",
    "formatted",
    "title",
    "members",
    "manager",
    "value",
    "type",
    "primary",
    "display",
  ].map((n) => [n.toLowerCase(), n]),
);

/** The key to write `name` under: the existing key's casing, else the standard one, else as written. */
export function keyFor(obj: Record<string, unknown>, name: string): string {
  return findKey(obj, name) ?? STANDARD_CASING.get(name.toLowerCase()) ?? name;
}

/** The object holding the attributes of `schema`: the resource itself for core ones. */
export function schemaContainer(
  resource: Record<string, unknown>,
  schema: string | null,
  create: boolean,
): Record<string, unknown> | undefined {
  if (schema === null) return resource;
  const existing = getAttribute(resource, schema);
  if (isPlainObject(existing)) return existing;
  if (!create) return undefined;
  const container: Record<string, unknown> = {};
  resource[keyFor(resource, schema)] = container;
  return container;
}
