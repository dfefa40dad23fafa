// SCIM filters (RFC 7644 §3.4.2.2): the tree the parser (filter-parser.ts)
// builds, an in-memory matcher, and the one shape (`attr eq "string"`) the
// data layer can answer with an index.

import { canonicalAttribute, getAttribute, isPlainObject, refFromCanonical } from "./attribute-path";

export type CompareOp = "eq" | "ne" | "co" | "sw" | "ew" | "gt" | "ge" | "lt" | "le";
export type FilterValue = string | number | boolean | null;

export type ScimFilter =
  | { kind: "and" | "or"; left: ScimFilter; right: ScimFilter }
  | { kind: "not"; filter: ScimFilter }
  | { kind: "compare"; op: CompareOp; attribute: string; value: FilterValue; elementFilter?: ScimFilter }
  | { kind: "present"; attribute: string; elementFilter?: ScimFilter }
  | { kind: "has"; attribute: string; filter: ScimFilter };

export { parseFilter } from "./filter-parser";

// ---------------------------------------------------------------- matching

// RFC 7643 marks these caseExact; every other string attribute compares without case.
const CASE_EXACT = new Set(["id", "externalid", "meta.version"]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?)?$/;

export function matchesFilter(resource: Record<string, unknown>, filter: ScimFilter): boolean {
  switch (filter.kind) {
    case "and":
      return matchesFilter(resource, filter.left) && matchesFilter(resource, filter.right);
    case "or":
      return matchesFilter(resource, filter.left) || matchesFilter(resource, filter.right);
    case "not":
      return !matchesFilter(resource, filter.filter);
    case "has":
      return elementsAt(resource, filter.attribute, filter.filter).length > 0;
    case "present":
      return valuesAt(resource, filter.attribute, filter.elementFilter).some(isPresent);
    case "compare":
      return matchesComparison(resource, filter);
  }
}

/** Values, flattened across multi-valued attributes, at a canonical attribute path. */
function collect(node: unknown, names: string[]): unknown[] {
  if (Array.isArray(node)) return node.flatMap((n) => collect(n, names));
  if (node === undefined || node === null) return [];
  if (names.length === 0) return [node];
  return isPlainObject(node) ? collect(getAttribute(node, names[0] ?? ""), names.slice(1)) : [];
}

function rootOf(resource: Record<string, unknown>, schema: string | null): unknown {
  return schema === null ? resource : getAttribute(resource, schema);
}

function elementsAt(resource: Record<string, unknown>, attribute: string, filter: ScimFilter): unknown[] {
  const ref = refFromCanonical(attribute);
  return collect(rootOf(resource, ref.schema), ref.names).filter((e) => isPlainObject(e) && matchesFilter(e, filter));
}

function valuesAt(resource: Record<string, unknown>, attribute: string, elementFilter?: ScimFilter): unknown[] {
  const ref = refFromCanonical(attribute);
  if (!elementFilter) return collect(rootOf(resource, ref.schema), ref.names);
  const parent = canonicalAttribute({ schema: ref.schema, names: ref.names.slice(0, -1) });
  return elementsAt(resource, parent, elementFilter).flatMap((e) => collect(e, ref.names.slice(-1)));
}

function isPresent(value: unknown): boolean {
  if (value === "") return false;
  return !isPlainObject(value) || Object.values(value).some((v) => v !== null && v !== undefined && v !== "");
}

function matchesComparison(
  resource: Record<string, unknown>,
  filter: Extract<ScimFilter, { kind: "compare" }>,
): boolean {
  // A complex value compared directly stands for its "value" sub-attribute (members eq "id").
  const values = valuesAt(resource, filter.attribute, filter.elementFilter).map((v) =>
    isPlainObject(v) ? getAttribute(v, "value") : v,
  );
  const present = values.filter((v) => v !== undefined && v !== null);
  if (filter.value === null) return filter.op === "eq" ? present.length === 0 : present.length > 0;
  if (filter.op === "ne" && present.length === 0) return true;
  const caseExact = CASE_EXACT.has(filter.attribute);
  return present.some((v) => compareOne(v, filter.op, filter.value as string | number | boolean, caseExact));
}

function compareOne(actual: unknown, op: CompareOp, expected: string | number | boolean, caseExact: boolean): boolean {
  if (op === "co" || op === "sw" || op === "ew") return matchesSubstring(actual, op, expected as string, caseExact);
  const order = orderOf(actual, expected, caseExact);
  if (op === "eq") return order === 0;
  if (op === "ne") return order !== 0;
  if (order === null) return false;
  return { gt: order > 0, ge: order >= 0, lt: order < 0, le: order <= 0 }[op];
}

function matchesSubstring(actual: unknown, op: "co" | "sw" | "ew", expected: string, caseExact: boolean): boolean {
  if (typeof actual !== "string") return false;
  const [a, e] = caseExact ? [actual, expected] : [actual.toLowerCase(), expected.toLowerCase()];
  if (op === "co") return a.includes(e);
  return op === "sw" ? a.startsWith(e) : a.endsWith(e);
}

/** Sign of actual − expected, or null when they are not comparable. */
function orderOf(actual: unknown, expected: string | number | boolean, caseExact: boolean): number | null {
  if (typeof expected === "boolean") return actual === expected ? 0 : null;
  if (typeof expected === "number") return typeof actual === "number" ? Math.sign(actual - expected) : null;
  if (typeof actual !== "string") return null;
  if (ISO_DATE.test(actual) && ISO_DATE.test(expected)) {
    const [a, e] = [Date.parse(actual), Date.parse(expected)];
    if (Number.isFinite(a) && Number.isFinite(e)) return Math.sign(a - e);
  }
  const [a, e] = caseExact ? [actual, expected] : [actual.toLowerCase(), expected.toLowerCase()];
  return a === e ? 0 : a < e ? -1 : 1;
}

// ---------------------------------------------------------------- index lookups

const LOOKUP_ATTRIBUTES = new Set(["id", "username", "externalid", "emails.value", "displayname", "members.value"]);

/**
 * The equality the data layer can turn into SQL, or null. For
 * `emails[type eq "work"].value eq "x"` it returns emails.value = "x" only: a
 * superset, so callers still run matchesFilter on the rows it finds.
 */
export function equalityLookup(filter: ScimFilter): { attribute: string; value: string } | null {
  if (filter.kind !== "compare" || filter.op !== "eq" || typeof filter.value !== "string") return null;
  if (!LOOKUP_ATTRIBUTES.has(filter.attribute)) return null;
  if (filter.elementFilter && !(filter.attribute === "emails.value" && isTypeEquality(filter.elementFilter))) {
    return null;
  }
  return { attribute: filter.attribute, value: filter.value };
}

function isTypeEquality(filter: ScimFilter): boolean {
  return (
    filter.kind === "compare" && filter.op === "eq" && filter.attribute === "type" && typeof filter.value === "string"
  );
}
