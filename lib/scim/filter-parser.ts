// The SCIM filter grammar (RFC 7644 §3.4.2.2) into the tree of filter.ts:
// tokens, then a recursive-descent parser (not > and > or). Every syntax
// problem becomes invalidFilter, so an IdP gets a 400 it understands.

import { canonicalAttribute, parseAttributeName } from "./attribute-path";
import { scimInvalidFilter } from "./errors";
import type { CompareOp, FilterValue, ScimFilter } from "./filter";

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
