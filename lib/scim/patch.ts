// SCIM PATCH (RFC 7644 §3.5.2) as Okta and Microsoft Entra ID actually send it:
// capitalised ops, no-path values keyed by dotted or URN paths, booleans as strings,
// filtered paths that must create the element they name. Pure: returns a new resource.

import {
  ENTERPRISE_USER_SCHEMA,
  findKey,
  getAttribute,
  isPlainObject,
  keyFor,
  parseAttributeName,
  schemaContainer,
  type AttributeRef,
} from "./attribute-path";
import {
  ScimError,
  scimInvalidPath,
  scimInvalidSyntax,
  scimInvalidValue,
  scimMutability,
  scimNoTarget,
} from "./errors";
import { matchesFilter, parseFilter, type ScimFilter } from "./filter";

export type PatchOp = { op: "add" | "replace" | "remove"; path?: string; value?: unknown };
export const PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

const MAX_OPERATIONS = 1_000;
const OPS: readonly string[] = ["add", "replace", "remove"];

// ---------------------------------------------------------------- request

export function parsePatchRequest(body: unknown): PatchOp[] {
  if (!isPlainObject(body)) throw scimInvalidSyntax("The PATCH body must be a JSON object.");
  const schemas = getAttribute(body, "schemas");
  const schema = PATCH_OP_SCHEMA.toLowerCase();
  if (!Array.isArray(schemas) || !schemas.some((s) => typeof s === "string" && s.toLowerCase() === schema)) {
    throw scimInvalidSyntax(`"schemas" must contain "${PATCH_OP_SCHEMA}".`);
  }
  const operations = getAttribute(body, "Operations");
  if (!Array.isArray(operations) || operations.length === 0) {
    throw scimInvalidSyntax('"Operations" must be a non-empty array.');
  }
  if (operations.length > MAX_OPERATIONS) {
    throw scimInvalidSyntax(`A PATCH may hold at most ${MAX_OPERATIONS} operations.`);
  }
  return operations.map(parseOperation);
}

function parseOperation(raw: unknown, index: number): PatchOp {
  const where = `Operation ${index + 1}`;
  if (!isPlainObject(raw)) throw scimInvalidSyntax(`${where} must be an object.`);
  const name = getAttribute(raw, "op");
  const op = typeof name === "string" ? name.toLowerCase() : "";
  if (!OPS.includes(op)) throw scimInvalidSyntax(`${where}: "op" must be add, replace or remove.`);
  const path = getAttribute(raw, "path") ?? undefined;
  if (path !== undefined && typeof path !== "string") throw scimInvalidPath(`${where}: "path" must be a string.`);
  if (path !== undefined) parsePatchPath(path);
  const value = getAttribute(raw, "value");
  if (op === "remove" && path === undefined) throw scimNoTarget(`${where}: remove needs a "path".`);
  if (op !== "remove" && value === undefined) throw scimInvalidValue(`${where}: ${op} needs a "value".`);
  return {
    op: op as PatchOp["op"],
    ...(path !== undefined ? { path } : {}),
    ...(value !== undefined ? { value } : {}),
  };
}

// ---------------------------------------------------------------- paths

type PatchPath = { text: string; ref: AttributeRef; filter?: ScimFilter; sub?: string };

const VALUE_PATH = /^([^[\]]+)\[(.*)\](?:\.([^.[\]]+))?$/s;

function parsePatchPath(text: string): PatchPath {
  const valuePath = VALUE_PATH.exec(text);
  const ref = parseAttributeName(valuePath ? (valuePath[1] as string) : text);
  if (!ref) throw scimInvalidPath(`"${text}" is not a valid attribute path.`);
  if (!valuePath) return { text, ref };
  if (ref.names.length !== 1) throw scimInvalidPath(`"${text}": a value filter needs a top-level attribute.`);
  const sub = valuePath[3];
  if (sub !== undefined && parseAttributeName(sub)?.names.length !== 1) {
    throw scimInvalidPath(`"${text}": "${sub}" is not a valid sub-attribute.`);
  }
  return { text, ref, filter: parseElementFilter(text, valuePath[2] as string), ...(sub !== undefined ? { sub } : {}) };
}

function parseElementFilter(path: string, text: string): ScimFilter {
  try {
    const filter = parseFilter(text);
    if (hasValuePath(filter)) {
      throw scimInvalidPath(`"${path}": value filters cannot be nested.`);
    }
    return filter;
  } catch (e) {
    if (e instanceof ScimError && e.scimType === "invalidFilter") throw scimInvalidPath(`"${path}": ${e.detail}`);
    throw e;
  }
}

function hasValuePath(filter: ScimFilter): boolean {
  switch (filter.kind) {
    case "and":
    case "or":
      return hasValuePath(filter.left) || hasValuePath(filter.right);
    case "not":
      return hasValuePath(filter.filter);
    case "has":
      return true;
    default:
      return filter.elementFilter !== undefined;
  }
}

// ---------------------------------------------------------------- apply

type Op = PatchOp["op"];

const MULTI_VALUED = new Set([
  "emails",
  "phonenumbers",
  "ims",
  "photos",
  "addresses",
  "groups",
  "entitlements",
  "roles",
  "x509certificates",
  "members",
]);
// Elements of these are the same element when their `value` (an address, a user id) is.
const SAME_BY_VALUE = new Set(["emails", "members"]);

export function applyPatch<T extends Record<string, unknown>>(resource: T, ops: PatchOp[]): T {
  const next = structuredClone(resource) as Record<string, unknown>;
  // Cloned too, so values placed in the result never alias the caller's request.
  for (const op of structuredClone(ops)) applyOperation(next, op);
  return next as T;
}

function applyOperation(resource: Record<string, unknown>, { op, path, value }: PatchOp): void {
  if (path !== undefined) return applyAtPath(resource, op, parsePatchPath(path), value);
  if (op === "remove") throw scimNoTarget("remove needs a path.");
  // No path: each key of the value is a path of its own (Okta and Entra both send these).
  if (!isPlainObject(value)) throw scimInvalidValue(`${op} without a path needs an object value.`);
  for (const [key, v] of Object.entries(value)) applyAtPath(resource, op, parsePatchPath(key), v);
}

function applyAtPath(resource: Record<string, unknown>, op: Op, path: PatchPath, value: unknown): void {
  if (isIgnored(resource, op, path, value)) return;
  const { ref } = path;
  if (ref.names.length === 0) return applyToExtension(resource, op, ref.schema as string, value);
  const coerced = coerceValue(ref, value);
  // Setting null (or an empty manager) unassigns the attribute (RFC 7643 §2.5).
  if (op === "remove" || coerced === null) {
    if (path.filter) applyFiltered(resource, "remove", path, undefined);
    else removeAttribute(resource, ref, op === "remove" ? value : undefined);
  } else if (path.filter) {
    applyFiltered(resource, op, path, coerced);
  } else {
    setAttribute(resource, op, ref, coerced);
  }
  tidyExtension(resource, ref);
}

/** id, meta and schemas are the server's: schemas and an unchanged id are skipped, the rest refused. */
function isIgnored(resource: Record<string, unknown>, op: Op, path: PatchPath, value: unknown): boolean {
  if (path.ref.schema !== null) return false;
  const name = firstName(path.ref);
  if (name === "schemas") return true;
  if (name === "meta") throw scimMutability("meta is read-only.");
  if (name !== "id") return false;
  // Okta echoes the group's unchanged id inside a no-path replace value.
  const unchanged = op !== "remove" && path.ref.names.length === 1 && !path.filter && value === resource.id;
  if (unchanged) return true;
  throw scimMutability("id is read-only.");
}

function firstName(ref: AttributeRef): string {
  return (ref.names[0] ?? "").toLowerCase();
}

function isManager(ref: AttributeRef): boolean {
  return ref.schema === ENTERPRISE_USER_SCHEMA && firstName(ref) === "manager";
}

function coerceValue(ref: AttributeRef, value: unknown): unknown {
  const single = ref.names.length === 1;
  if (single && ref.schema === null && firstName(ref) === "active") return toBoolean(value);
  if (single && isManager(ref)) return toManager(value);
  return value;
}

/** Entra sends "True"/"False" for active. */
function toBoolean(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const lower = value.toLowerCase();
  if (lower === "true" || lower === "false") return lower === "true";
  throw scimInvalidValue(`"active" must be true or false, not ${JSON.stringify(value)}.`);
}

/** Entra sends the manager as a bare id; "" or {value: ""} clears it. */
function toManager(value: unknown): unknown {
  if (value === "" || value === null) return null;
  if (typeof value === "string") return { value };
  if (isPlainObject(value)) {
    const id = getAttribute(value, "value");
    if (id === "" || id === null) return null;
  }
  return value;
}

function applyToExtension(resource: Record<string, unknown>, op: Op, schema: string, value: unknown): void {
  if (op === "remove" || value === null) {
    const key = findKey(resource, schema);
    if (key !== undefined) delete resource[key];
    return;
  }
  if (!isPlainObject(value)) throw scimInvalidValue(`"${schema}" needs an object value.`);
  for (const [key, v] of Object.entries(value)) applyAtPath(resource, op, parsePatchPath(`${schema}:${key}`), v);
}

/** An extension left without a manager id or without attributes is dropped, not kept empty. */
function tidyExtension(resource: Record<string, unknown>, ref: AttributeRef): void {
  if (ref.schema === null) return;
  const container = schemaContainer(resource, ref.schema, false);
  if (!container) return;
  const managerKey = findKey(container, "manager");
  const manager = managerKey === undefined ? undefined : container[managerKey];
  if (managerKey !== undefined && isManager(ref) && (!isPlainObject(manager) || !getAttribute(manager, "value"))) {
    delete container[managerKey];
  }
  if (Object.keys(container).length === 0) delete resource[findKey(resource, ref.schema) as string];
}

function setAttribute(resource: Record<string, unknown>, op: Op, ref: AttributeRef, value: unknown): void {
  const container = schemaContainer(resource, ref.schema, true) as Record<string, unknown>;
  const [name = "", sub] = ref.names;
  if (sub === undefined) return setMember(container, name, op, value);
  const parentKey = keyFor(container, name);
  const parent = container[parentKey] ?? (container[parentKey] = {});
  if (Array.isArray(parent)) {
    // "emails.value" without a filter means every element.
    const elements = elementsOf(parent);
    if (elements.length === 0) throw scimNoTarget(`"${name}" has no elements to set "${sub}" on.`);
    for (const element of elements) setMember(element, sub, op, value);
    return;
  }
  if (!isPlainObject(parent)) throw scimInvalidPath(`"${name}" has no sub-attributes.`);
  setMember(parent, sub, op, value);
}

function setMember(obj: Record<string, unknown>, name: string, op: Op, value: unknown): void {
  const key = keyFor(obj, name);
  const current = obj[key];
  const lower = name.toLowerCase();
  const multiValued =
    Array.isArray(current) || (current === undefined && (MULTI_VALUED.has(lower) || Array.isArray(value)));
  if (op === "add" && multiValued) {
    obj[key] = appendUnique(Array.isArray(current) ? current : [], value, SAME_BY_VALUE.has(lower));
  } else if (isPlainObject(current) && isPlainObject(value) && lower !== "manager") {
    // RFC 7644 §3.5.2.1/3: sub-attributes not named are left unchanged. A manager is a
    // reference, so a new one replaces the old (its displayName belongs to the old id).
    obj[key] = mergeObject(current, value);
  } else {
    obj[key] = value;
  }
}

function mergeObject(current: Record<string, unknown>, value: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...current };
  for (const [name, v] of Object.entries(value)) {
    const key = keyFor(merged, name);
    if (v === null) delete merged[key];
    else merged[key] = v;
  }
  return merged;
}

function appendUnique(current: unknown[], value: unknown, byValue: boolean): unknown[] {
  const result = [...current];
  for (const item of Array.isArray(value) ? value : [value]) {
    if (!result.some((e) => sameElement(e, item, byValue))) result.push(item);
  }
  return result;
}

function sameElement(a: unknown, b: unknown, byValue: boolean): boolean {
  if (byValue && isPlainObject(a) && isPlainObject(b)) {
    const [va, vb] = [getAttribute(a, "value"), getAttribute(b, "value")];
    if (typeof va === "string" && typeof vb === "string") return va.toLowerCase() === vb.toLowerCase();
  }
  return deepEqual(a, b);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}

function elementsOf(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter(isPlainObject);
  return isPlainObject(value) ? [value] : [];
}

function removeAttribute(resource: Record<string, unknown>, ref: AttributeRef, selector: unknown): void {
  const container = schemaContainer(resource, ref.schema, false);
  const [name = "", sub] = ref.names;
  const key = container && findKey(container, name);
  if (!container || key === undefined) return;
  const current = container[key];
  if (sub !== undefined) {
    for (const element of elementsOf(current)) deleteKey(element, sub);
  } else if (Array.isArray(current) && selector !== undefined && selector !== null) {
    // Entra: {"op":"Remove","path":"members","value":[{"value":"id"}]} removes just those.
    const selected = Array.isArray(selector) ? selector : [selector];
    container[key] = current.filter((e) => !selected.some((s) => sameElement(e, s, true)));
  } else {
    delete container[key];
  }
}

function deleteKey(obj: Record<string, unknown>, name: string): void {
  const key = findKey(obj, name);
  if (key !== undefined) delete obj[key];
}

function applyFiltered(resource: Record<string, unknown>, op: Op, path: PatchPath, value: unknown): void {
  const { ref, sub } = path;
  const filter = path.filter as ScimFilter;
  const container = schemaContainer(resource, ref.schema, op !== "remove");
  if (!container) return;
  const key = keyFor(container, ref.names[0] ?? "");
  const matching = elementsOf(container[key]).filter((e) => matchesFilter(e, filter));
  if (op === "remove") return removeMatching(container, key, matching, sub);
  if (matching.length === 0) return createTypedElement(container, key, path, value);
  for (const element of matching) updateElement(element, op, sub, value);
}

function removeMatching(container: Record<string, unknown>, key: string, matching: object[], sub?: string): void {
  if (matching.length === 0) return;
  const current = container[key];
  if (sub !== undefined) {
    for (const element of matching as Record<string, unknown>[]) deleteKey(element, sub);
  } else if (Array.isArray(current)) {
    container[key] = current.filter((e) => !matching.includes(e));
  } else {
    delete container[key];
  }
}

function updateElement(element: Record<string, unknown>, op: Op, sub: string | undefined, value: unknown): void {
  if (sub !== undefined) {
    element[keyFor(element, sub)] = value;
    return;
  }
  if (!isPlainObject(value)) throw scimInvalidValue("A filtered path without a sub-attribute needs an object value.");
  const merged = mergeObject(op === "replace" ? {} : element, value);
  for (const key of Object.keys(element)) delete element[key];
  Object.assign(element, merged);
}

/** Entra replaces `emails[type eq "work"].value` on a user with no work email: that creates it. */
function createTypedElement(container: Record<string, unknown>, key: string, path: PatchPath, value: unknown): void {
  const { filter, sub } = path;
  const current = container[key];
  const typed = filter?.kind === "compare" && filter.op === "eq" && filter.attribute === "type";
  if (
    !typed ||
    typeof filter.value !== "string" ||
    sub === undefined ||
    (current !== undefined && !Array.isArray(current))
  ) {
    throw scimNoTarget(`No element matches the filter in "${path.text}".`);
  }
  container[key] = [...(current ?? []), { type: filter.value, [keyFor({}, sub)]: value }];
}
