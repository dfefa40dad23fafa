// SCIM filters (RFC 7644 §3.4.2.2): a parser into a small tree, an in-memory matcher,
// and the one shape (`attr eq "string"`) the data layer can answer with an index.
// Every syntax problem becomes invalidFilter so an IdP gets a 400 it understands.

import {
  canonicalAttribute,
  getAttribute,
  isPlainObject,
  parseAttributeName,
  refFromCanonical,
} from "./attribute-path";
import { scimInvalidFilter } from "./errors";

type CompareOp = "eq" | "ne" | "co" | "sw" | "ew" | "gt" | "ge" | "lt" | "le";
type FilterValue = string | number | boolean | null;

export type ScimFilter =
  | { kind: "and" | "or"; left: ScimFilter; right: ScimFilter }
  | { kind: "not"; filter: ScimFilter }
  | { kind: "compare"; op: CompareOp; attribute: string; value: FilterValue; elementFilter?: ScimFilter }
  | { kind: "present"; attribute: string; elementFilter?: ScimFilter }
  | { kind: "has"; attribute: string; filter: ScimFilter };

const MAX_FILTER_LENGTH = 2_000;
const MAX_DEPTH = 20;
const COMPARE_OPS: readonly string[] = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"];
const ORDER_OPS: readonly string[] = ["gt", "ge", "lt", "le"];

// ---------------------------------------------------------------- tokens

type Token =
  | { type: "word" | "subattr"; text: string; pos: number }
  | { type: "string"; value: string; pos: number }
  | { type: "number"; value: number; pos: number }
  | { type: "(" | ")" | "[" | "]" | "end"; pos: number };

const SPACE = /\s+/y;
const WORD = /[A-Za-z][A-Za-z0-9_:.$-]*/y;
const SUBATTR = /\.(?:[A-Za-z][A-Za-z0-9_-]*|\$ref)/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function matchAt(pattern: RegExp, text: string, pos: number): string | null {
  pattern.lastIndex = pos;
  return pattern.exec(text)?.[0] ?? null;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const space = matchAt(SPACE, text, pos);
    if (space) {
      pos += space.length;
      continue;
    }
    const { token, length } = readToken(text, pos);
    tokens.push(token);
    pos += length;
  }
  tokens.push({ type: "end", pos });
  return tokens;
}

function readToken(text: string, pos: number): { token: Token; length: number } {
  const ch = text[pos];
  if (ch === "(" || ch === ")" || ch === "[" || ch === "]") return { token: { type: ch, pos }, length: 1 };
  if (ch === '"') return readString(text, pos);
  const number = matchAt(NUMBER, text, pos);
  if (number) return { token: { type: "number", value: Number(number), pos }, length: number.length };
  const word = matchAt(WORD, text, pos);
  if (word) return { token: { type: "word", text: word, pos }, length: word.length };
  const sub = matchAt(SUBATTR, text, pos);
  if (sub) return { token: { type: "subattr", text: sub.slice(1), pos }, length: sub.length };
  throw scimInvalidFilter(`Unexpected character ${JSON.stringify(ch)} at position ${pos + 1}.`);
}

function readString(text: string, start: number): { token: Token; length: number } {
  let end = start + 1;
  while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
  if (end >= text.length) throw scimInvalidFilter(`Unterminated string starting at position ${start + 1}.`);
  const literal = text.slice(start, end + 1);
  try {
    return { token: { type: "string", value: JSON.parse(literal) as string, pos: start }, length: literal.length };
  } catch {
    throw scimInvalidFilter(`Invalid string ${literal} at position ${start + 1}: use JSON escapes.`);
  }
}

function describe(token: Token): string {
  if (token.type === "end") return "the end of the filter";
  if (token.type === "word") return `"${token.text}" at position ${token.pos + 1}`;
  if (token.type === "subattr") return `".${token.text}" at position ${token.pos + 1}`;
  if (token.type === "string" || token.type === "number")
    return `${JSON.stringify(token.value)} at position ${token.pos + 1}`;
  return `"${token.type}" at position ${token.pos + 1}`;
}

// ---------------------------------------------------------------- parser

class FilterParser {
  private index = 0;
  private depth = 0;
  private inBrackets = false;

  constructor(private readonly tokens: Token[]) {}

  parseAll(): ScimFilter {
    const filter = this.parseOr();
    if (this.peek().type !== "end") throw this.unexpected('"and", "or" or the end of the filter');
    return filter;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    this.index += 1;
    return token;
  }

  private isKeyword(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.type === "word" && token.text.toLowerCase() === word;
  }

  private unexpected(expected: string): Error {
    return scimInvalidFilter(`Unexpected ${describe(this.peek())}: expected ${expected}.`);
  }

  private expect(type: "(" | ")" | "[" | "]"): void {
    if (this.peek().type !== type) throw this.unexpected(`"${type}"`);
    this.index += 1;
  }

  private nested<T>(parse: () => T): T {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) throw scimInvalidFilter(`The filter is nested deeper than ${MAX_DEPTH} levels.`);
    const result = parse();
    this.depth -= 1;
    return result;
  }

  private parseOr(): ScimFilter {
    let left = this.parseAnd();
    while (this.isKeyword("or")) {
      this.index += 1;
      left = { kind: "or", left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): ScimFilter {
    let left = this.parseUnary();
    while (this.isKeyword("and")) {
      this.index += 1;
      left = { kind: "and", left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): ScimFilter {
    const token = this.peek();
    if (token.type === "(") {
      return this.nested(() => {
        this.index += 1;
        const inner = this.parseOr();
        this.expect(")");
        return inner;
      });
    }
    if (this.isKeyword("not") && this.peek(1).type === "(") {
      this.index += 1; // the parenthesis that must follow counts the nesting
      return { kind: "not", filter: this.parseUnary() };
    }
    if (token.type === "word") return this.parseAttributeExpression();
    throw this.unexpected('an attribute name, "(" or "not"');
  }

  private parseAttributeExpression(): ScimFilter {
    const token = this.next() as Extract<Token, { text: string }>;
    const ref = parseAttributeName(token.text);
    if (!ref || ref.names.length === 0) throw scimInvalidFilter(`${describe(token)} is not a valid attribute name.`);
    if (this.peek().type !== "[") return this.parseComparison(canonicalAttribute(ref));
    if (this.inBrackets) throw scimInvalidFilter(`Value filters cannot be nested (${describe(token)}).`);
    if (ref.names.length !== 1)
      throw scimInvalidFilter(`A value filter needs a top-level attribute, not ${describe(token)}.`);
    return this.parseValuePath(canonicalAttribute(ref));
  }

  private parseValuePath(attribute: string): ScimFilter {
    const elementFilter = this.nested(() => {
      this.expect("[");
      this.inBrackets = true;
      const inner = this.parseOr();
      this.inBrackets = false;
      this.expect("]");
      return inner;
    });
    const sub = this.peek();
    if (sub.type !== "subattr") return { kind: "has", attribute, filter: elementFilter };
    this.index += 1;
    return this.parseComparison(`${attribute}.${sub.text.toLowerCase()}`, elementFilter);
  }

  private parseComparison(attribute: string, elementFilter?: ScimFilter): ScimFilter {
    const token = this.peek();
    const op = token.type === "word" ? token.text.toLowerCase() : "";
    const scope = elementFilter ? { elementFilter } : {};
    if (op === "pr") {
      this.index += 1;
      return { kind: "present", attribute, ...scope };
    }
    if (!COMPARE_OPS.includes(op)) throw this.unexpected("an operator (eq, ne, co, sw, ew, gt, ge, lt, le or pr)");
    this.index += 1;
    const value = this.parseValue();
    checkOperand(op as CompareOp, value);
    return { kind: "compare", op: op as CompareOp, attribute, value, ...scope };
  }

  private parseValue(): FilterValue {
    const token = this.peek();
    this.index += 1;
    if (token.type === "string" || token.type === "number") return token.value;
    const word = token.type === "word" ? token.text.toLowerCase() : "";
    if (word === "true" || word === "false") return word === "true";
    if (word === "null") return null;
    this.index -= 1;
    throw this.unexpected('a value (a "quoted string", a number, true, false or null)');
  }
}

function checkOperand(op: CompareOp, value: FilterValue): void {
  if (op === "eq" || op === "ne") return;
  const ok = ORDER_OPS.includes(op)
    ? typeof value === "string" || typeof value === "number"
    : typeof value === "string";
  if (!ok) throw scimInvalidFilter(`The operator "${op}" cannot compare with ${JSON.stringify(value)}.`);
}

export function parseFilter(text: string): ScimFilter {
  if (typeof text !== "string" || text.trim() === "") throw scimInvalidFilter("The filter is empty.");
  if (text.length > MAX_FILTER_LENGTH) {
    throw scimInvalidFilter(`The filter is longer than ${MAX_FILTER_LENGTH} characters.`);
  }
  return new FilterParser(tokenize(text)).parseAll();
}

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
