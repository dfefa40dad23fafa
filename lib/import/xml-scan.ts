// A small streaming XML tokenizer for the few SpreadsheetML parts the import
// reads. It keeps only the unfinished tail of its input, refuses DTDs (so no
// entity can expand), knows XML's five entities and character references,
// and drops namespace prefixes from element and attribute names.

/** Messages complete the sentence "The XLSX file could not be read (…)". */
export class XmlSyntaxError extends Error {}

export type XmlEvents = {
  open?(name: string, attributes: string, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
};

/** Longest tag or text run held while waiting for its end: Excel's longest cell text (32,767 characters) escaped, with room to spare. */
const MAX_PENDING_CHARS = 256 * 1024;
/** Input is scanned in batches of at least this many characters, so an unfinished tag is not rescanned for every small chunk. */
const BATCH_CHARS = 64 * 1024;

export function createXmlScanner(events: XmlEvents): { write(chunk: string): void; end(): void } {
  let pending = "";
  let unscanned = 0;
  const scan = (final: boolean) => {
    const rest = scanComplete(pending, events, final);
    if (final && rest.trim() !== "") throw new XmlSyntaxError("the XML ends inside a tag");
    if (rest.length > MAX_PENDING_CHARS) throw new XmlSyntaxError("an XML tag or text is too long");
    pending = rest;
    unscanned = 0;
  };
  return {
    write(chunk) {
      pending += chunk;
      unscanned += chunk.length;
      if (unscanned >= BATCH_CHARS) scan(false);
    },
    end: () => scan(true),
  };
}

/** Emits every complete token in `s` and returns the unfinished tail. */
function scanComplete(s: string, events: XmlEvents, final: boolean): string {
  let i = 0;
  for (;;) {
    const lt = s.indexOf("<", i);
    if (lt === -1) {
      if (final && i < s.length) events.text?.(decodeXml(s.slice(i)));
      return final ? "" : s.slice(i);
    }
    if (lt > i) events.text?.(decodeXml(s.slice(i, lt)));
    i = lt;
    const end = tokenEnd(s, i);
    if (end === -1) return s.slice(i);
    const token = s.slice(i, end);
    i = end;
    if (token.startsWith("<?") || token.startsWith("<!--")) continue;
    if (token.startsWith("<![CDATA[")) events.text?.(token.slice(9, -3));
    else if (token.startsWith("<!")) throw new XmlSyntaxError("it contains a DTD, which is not accepted");
    else if (token.startsWith("</")) events.close?.(localName(token.slice(2, -1).trim()));
    else {
      const selfClosing = token.endsWith("/>");
      const body = token.slice(1, selfClosing ? -2 : -1);
      const space = body.search(/\s/);
      const name = space === -1 ? body : body.slice(0, space);
      if (!name) throw new XmlSyntaxError("an XML tag has no name");
      events.open?.(localName(name), space === -1 ? "" : body.slice(space), selfClosing);
    }
  }
}

/** Index just past the token starting at `from` (a "<"), or -1 if it is not complete yet. */
function tokenEnd(s: string, from: number): number {
  const closer = s.startsWith("<!--", from)
    ? "-->"
    : s.startsWith("<![CDATA[", from)
      ? "]]>"
      : s.startsWith("<?", from)
        ? "?>"
        : null;
  if (closer) {
    const at = s.indexOf(closer, from);
    return at === -1 ? -1 : at + closer.length;
  }
  // Attribute values may contain ">": skip over quoted runs.
  let quote = 0;
  for (let i = from + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i + 1;
  }
  return -1;
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

const attributePatterns = new Map<string, RegExp>();
/** An attribute's decoded value by local name (`r:id` is found as "id"), or undefined. */
export function attribute(attributes: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern)
    attributePatterns.set(
      name,
      (pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)),
    );
  const m = pattern.exec(attributes);
  return m ? decodeXml(m[1] ?? m[2] ?? "") : undefined;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (all, ref: string) => {
    if (ref[0] !== "#") return ENTITIES[ref]!;
    const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0x10ffff ? all : String.fromCodePoint(code);
  });
}
