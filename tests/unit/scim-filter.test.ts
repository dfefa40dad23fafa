import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { equalityLookup, matchesFilter, parseFilter, type ScimFilter } from "@/lib/scim/filter";

import { scimErrorOf } from "../support/scim-error-of";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

const user = {
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
  id: "2819c223-7f76-453a-919d-413861904646",
  externalId: "Bjensen-EXT",
  userName: "bjensen@example.com",
  name: { givenName: "Barbara", familyName: "Jensen", formatted: "Ms. Barbara J Jensen III" },
  displayName: "Babs Jensen",
  title: "Tour Guide",
  active: true,
  emails: [
    { value: "bjensen@example.com", type: "work", primary: true },
    { value: "babs@jensen.org", type: "home" },
  ],
  [ENTERPRISE]: { manager: { value: "26118915-6090-4610-87e4-49d8ca9f808d" }, employeeNumber: "701984" },
  meta: {
    resourceType: "User",
    created: "2010-01-23T04:56:22Z",
    lastModified: "2011-05-13T04:42:34Z",
    version: 'W/"3694e05e9dff591"',
  },
};

const group = {
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
  id: "e9e30dba-f08f-4109-8486-d5c6a331660a",
  displayName: "Tour Guides",
  members: [{ value: "2819c223-7f76-453a-919d-413861904646", display: "Babs Jensen" }, { value: "902c246b" }],
};

const matches = (filter: string, resource: Record<string, unknown> = user) =>
  matchesFilter(resource, parseFilter(filter));

describe("parseFilter builds the tree", () => {
  it("a simple equality with the canonical attribute name", () => {
    expect(parseFilter('userName eq "bjensen"')).toEqual({
      kind: "compare",
      op: "eq",
      attribute: "username",
      value: "bjensen",
    });
  });

  it("operators and keywords in any case", () => {
    expect(parseFilter('userName EQ "x"')).toEqual(parseFilter('username eq "x"'));
    expect(parseFilter("title PR")).toEqual({ kind: "present", attribute: "title" });
    expect(parseFilter('NOT (title Pr) AND userName Sw "a"')).toEqual(
      parseFilter('not (title pr) and userName sw "a"'),
    );
    expect(parseFilter("active eq True")).toMatchObject({ value: true });
  });

  it("strips the core User and Group URNs and keeps the enterprise extension as a prefix", () => {
    expect(parseFilter('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "x"')).toMatchObject({
      attribute: "username",
    });
    expect(parseFilter('urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq "x"')).toMatchObject({
      attribute: "displayname",
    });
    expect(parseFilter(`${ENTERPRISE}:manager.value eq "x"`)).toMatchObject({ attribute: "enterprise:manager.value" });
    expect(parseFilter(`${ENTERPRISE.toUpperCase()}:employeeNumber pr`)).toMatchObject({
      attribute: "enterprise:employeenumber",
    });
  });

  it("dotted sub-attributes are lowercased", () => {
    expect(parseFilter('name.givenName eq "B"')).toMatchObject({ attribute: "name.givenname" });
    expect(parseFilter('meta.lastModified gt "2011-05-13T04:42:34Z"')).toMatchObject({
      attribute: "meta.lastmodified",
      op: "gt",
    });
  });

  it("a value path with a sub-attribute becomes a compare with an element filter", () => {
    expect(parseFilter('emails[type eq "work"].value eq "a@b.c"')).toEqual({
      kind: "compare",
      op: "eq",
      attribute: "emails.value",
      value: "a@b.c",
      elementFilter: { kind: "compare", op: "eq", attribute: "type", value: "work" },
    });
    expect(parseFilter('emails[type eq "work"].value pr')).toMatchObject({
      kind: "present",
      attribute: "emails.value",
    });
  });

  it("a value path without a sub-attribute becomes has", () => {
    expect(parseFilter('emails[type eq "work" and value co "@example.com"]')).toEqual({
      kind: "has",
      attribute: "emails",
      filter: {
        kind: "and",
        left: { kind: "compare", op: "eq", attribute: "type", value: "work" },
        right: { kind: "compare", op: "co", attribute: "value", value: "@example.com" },
      },
    });
  });

  it("not binds tighter than and, and tighter than or", () => {
    const a = { kind: "present", attribute: "a" } as const;
    const b = { kind: "present", attribute: "b" } as const;
    const c = { kind: "present", attribute: "c" } as const;
    expect(parseFilter("a pr or b pr and c pr")).toEqual({
      kind: "or",
      left: a,
      right: { kind: "and", left: b, right: c },
    });
    expect(parseFilter("a pr and b pr or c pr")).toEqual({
      kind: "or",
      left: { kind: "and", left: a, right: b },
      right: c,
    });
    expect(parseFilter("(a pr or b pr) and c pr")).toEqual({
      kind: "and",
      left: { kind: "or", left: a, right: b },
      right: c,
    });
    expect(parseFilter("not (a pr) and b pr")).toEqual({ kind: "and", left: { kind: "not", filter: a }, right: b });
    expect(parseFilter("a pr and b pr and c pr")).toEqual({
      kind: "and",
      left: { kind: "and", left: a, right: b },
      right: c,
    });
  });

  it("literals: JSON string escapes, numbers, true, false, null", () => {
    expect(parseFilter(String.raw`title eq "say \"hi\" \u00e9\\"`)).toMatchObject({ value: 'say "hi" é\\' });
    expect(parseFilter("x gt -1.5e2")).toMatchObject({ value: -150 });
    expect(parseFilter("x eq 0")).toMatchObject({ value: 0 });
    expect(parseFilter("active eq false")).toMatchObject({ value: false });
    expect(parseFilter("title eq null")).toMatchObject({ value: null });
  });

  it("the RFC 7644 §3.4.2.2 examples all parse", () => {
    const examples = [
      'userName Eq "john"',
      'userName eq "bjensen"',
      'name.familyName co "O\'Malley"',
      'userName sw "J"',
      'urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"',
      "title pr",
      'meta.lastModified gt "2011-05-13T04:42:34Z"',
      'meta.lastModified ge "2011-05-13T04:42:34Z"',
      'meta.lastModified lt "2011-05-13T04:42:34Z"',
      'meta.lastModified le "2011-05-13T04:42:34Z"',
      'title pr and userType eq "Employee"',
      'title pr or userType eq "Intern"',
      'schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"',
      'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
      'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
      'userType eq "Employee" and (emails.type eq "work")',
      'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
      'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
    ];
    for (const example of examples) expect(() => parseFilter(example), example).not.toThrow();
  });

  it("accepts 2,000 characters and 20 levels of nesting", () => {
    const long = `title eq "${"x".repeat(2_000 - 'title eq ""'.length)}"`;
    expect(long).toHaveLength(2_000);
    expect(() => parseFilter(long)).not.toThrow();
    expect(() => parseFilter(`${"(".repeat(20)}title pr${")".repeat(20)}`)).not.toThrow();
  });
});

describe("parseFilter refuses malformed filters with invalidFilter", () => {
  const malformed = [
    "",
    "   ",
    "userName",
    "userName eq",
    'userName "x"',
    'userName equals "x"',
    "userName eq bjensen",
    "userName eq 'x'",
    'userName eq "unterminated',
    'userName eq "bad \\q escape"',
    'userName eq "x" and',
    'userName eq "x" or or title pr',
    'and userName eq "x"',
    '(userName eq "x"',
    'userName eq "x")',
    "()",
    'emails[type eq "work"',
    'emails[type eq "work"]]',
    "emails[]",
    'emails[type[value eq "x"] pr]',
    'emails[type eq "work"] eq "x"',
    'name.givenName[type eq "x"]',
    'emails[type eq "work"].value',
    "not title pr",
    'name.givenName.x eq "a"',
    '1abc eq "x"',
    'user@name eq "x"',
    'enterprise:manager eq "x"',
    'urn:ietf:params:scim:schemas:core:2.0:User eq "x"',
    `${ENTERPRISE} pr`,
    "active gt true",
    "title co null",
    "count co 3",
    "title lt false",
    'title eq "x" title pr',
    "title eq 01",
    "title eq .5",
    "title eq -",
    'x eq "\u0001"',
    "#",
    `title eq "${"x".repeat(2_000)}"`,
    `${"(".repeat(21)}title pr${")".repeat(21)}`,
    `${"not (".repeat(21)}title pr${")".repeat(21)}`,
  ];

  for (const text of malformed) {
    it(`refuses ${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)}`, () => {
      expect(scimErrorOf(() => parseFilter(text))).toBe("400 invalidFilter");
    });
  }

  it("says where the problem is", () => {
    expect(() => parseFilter('userName eq "x" title pr')).toThrow(/"title" at position 17/);
    expect(() => parseFilter("userName eq")).toThrow(/expected a value/);
    expect(() => parseFilter('userName is "x"')).toThrow(/expected an operator/);
  });

  it("a non-string input is an invalid filter, not a crash", () => {
    expect(scimErrorOf(() => parseFilter(undefined as unknown as string))).toBe("400 invalidFilter");
  });

  it("never throws anything but invalidFilter on random text (fast-check)", () => {
    const pieces = fc.constantFrom(
      "userName",
      "emails",
      "[",
      "]",
      "(",
      ")",
      ".value",
      " eq ",
      " pr",
      " and ",
      " or ",
      "not ",
      '"x"',
      '"',
      "\\",
      "1",
      "-",
      "true",
      ` ${ENTERPRISE}:`,
      " ",
    );
    const text = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.array(pieces, { maxLength: 30 }).map((p) => p.join("")),
    );
    fc.assert(
      fc.property(text, (t) => {
        const outcome = scimErrorOf(() => parseFilter(t));
        return outcome === "no error" || outcome === "400 invalidFilter";
      }),
      { seed: 20240611, numRuns: 3_000 },
    );
  });
});

describe("matchesFilter", () => {
  it("compares strings without case, except id, externalId and meta.version", () => {
    expect(matches('userName eq "BJENSEN@example.com"')).toBe(true);
    expect(matches('USERNAME eq "bjensen@example.com"')).toBe(true);
    expect(matches('name.familyName eq "jensen"')).toBe(true);
    expect(matches('externalId eq "bjensen-ext"')).toBe(false);
    expect(matches('externalId eq "Bjensen-EXT"')).toBe(true);
    expect(matches('id eq "2819C223-7F76-453A-919D-413861904646"')).toBe(false);
    expect(matches(`id eq "${user.id}"`)).toBe(true);
    expect(matches('meta.version eq "w/\\"3694E05E9DFF591\\""')).toBe(false);
    expect(matches('meta.version eq "W/\\"3694e05e9dff591\\""')).toBe(true);
  });

  it("co, sw and ew", () => {
    expect(matches('displayName co "JENS"')).toBe(true);
    expect(matches('displayName sw "babs"')).toBe(true);
    expect(matches('displayName ew "jensen"')).toBe(true);
    expect(matches('displayName ew "babs"')).toBe(false);
    expect(matches('externalId co "ext"')).toBe(false);
  });

  it("a multi-valued attribute matches when any element does", () => {
    expect(matches('emails.value eq "babs@jensen.org"')).toBe(true);
    expect(matches('emails co "jensen.org"')).toBe(true);
    expect(matches('emails.type eq "other"')).toBe(false);
    expect(matches('schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"')).toBe(true);
    expect(matches('members.value eq "902C246B"', group)).toBe(true);
    expect(matches('members eq "902c246b"', group)).toBe(true);
  });

  it("the element filter and the sub-attribute must hold on the same element", () => {
    expect(matches('emails[type eq "work"].value eq "bjensen@example.com"')).toBe(true);
    expect(matches('emails[type eq "work"].value eq "babs@jensen.org"')).toBe(false);
    expect(matches('emails[type eq "home" and value ew ".org"]')).toBe(true);
    expect(matches('emails[type eq "home" and value ew ".com"]')).toBe(false);
    expect(matches('emails[primary eq true].value sw "bjensen"')).toBe(true);
    expect(matches('emails[type eq "home"].primary pr')).toBe(false);
  });

  it("missing attributes: eq false, ne true, pr false, and eq null true", () => {
    expect(matches('nickName eq "x"')).toBe(false);
    expect(matches('nickName ne "x"')).toBe(true);
    expect(matches("nickName pr")).toBe(false);
    expect(matches("nickName eq null")).toBe(true);
    expect(matches("title eq null")).toBe(false);
    expect(matches("title ne null")).toBe(true);
    expect(matches('nickName gt "a"')).toBe(false);
    expect(matches('nickName co "a"')).toBe(false);
  });

  it("pr is false for empty strings, empty arrays and empty objects", () => {
    const sparse = { title: "", emails: [], name: {}, nickName: null };
    for (const attribute of ["title", "emails", "name", "nickName", "emails.value"]) {
      expect(matches(`${attribute} pr`, sparse), attribute).toBe(false);
    }
    expect(matches("title pr")).toBe(true);
    expect(matches("emails pr")).toBe(true);
    expect(matches("name pr")).toBe(true);
  });

  it("ne, not, and, or", () => {
    expect(matches('title ne "tour guide"')).toBe(false);
    expect(matches('title ne "Boss"')).toBe(true);
    expect(matches('not (title eq "Boss")')).toBe(true);
    expect(matches('title pr and userName sw "bj"')).toBe(true);
    expect(matches('title pr and userName sw "x"')).toBe(false);
    expect(matches('title eq "x" or userName sw "bj"')).toBe(true);
    expect(matches('userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")')).toBe(
      false,
    );
  });

  it("orders strings lexicographically without case and ISO dates by time", () => {
    expect(matches('userName gt "A"')).toBe(true);
    expect(matches('userName lt "C"')).toBe(true);
    expect(matches('userName ge "BJENSEN@example.com"')).toBe(true);
    expect(matches('userName le "bjensen@example.com"')).toBe(true);
    expect(matches('meta.lastModified gt "2011-05-13T04:42:33Z"')).toBe(true);
    expect(matches('meta.lastModified gt "2011-05-13T04:42:34Z"')).toBe(false);
    expect(matches('meta.lastModified ge "2011-05-13T04:42:34Z"')).toBe(true);
    // Same instant written with an offset and fractional seconds: compared by time, not text.
    expect(matches('meta.lastModified eq "2011-05-13T06:42:34.000+02:00"')).toBe(true);
    expect(matches('meta.lastModified lt "2011-05-13T05:00:00+02:00"')).toBe(false);
    expect(matches('meta.created lt "2011-01-01"')).toBe(true);
  });

  it("numbers compare as numbers; booleans with eq and ne", () => {
    const counted = { count: 10, active: false };
    expect(matches("count gt 9", counted)).toBe(true);
    expect(matches("count lt 9.5", counted)).toBe(false);
    expect(matches("count eq 10", counted)).toBe(true);
    expect(matches('count eq "10"', counted)).toBe(false);
    expect(matches("active eq true")).toBe(true);
    expect(matches("active eq false", counted)).toBe(true);
    expect(matches("active ne true", counted)).toBe(true);
    expect(matches('active eq "true"')).toBe(false);
  });

  it("reads the enterprise extension through its URN prefix", () => {
    expect(matches(`${ENTERPRISE}:manager.value eq "26118915-6090-4610-87e4-49d8ca9f808d"`)).toBe(true);
    expect(matches(`${ENTERPRISE}:employeeNumber eq "701984"`)).toBe(true);
    expect(matches(`${ENTERPRISE}:manager pr`)).toBe(true);
    expect(matches(`${ENTERPRISE}:manager pr`, { userName: "x" })).toBe(false);
    expect(matches('urn:ietf:params:scim:schemas:core:2.0:User:name.givenName eq "barbara"')).toBe(true);
  });

  it("reads attribute keys stored in any case", () => {
    expect(matches('username eq "x"', { UserName: "X" })).toBe(true);
  });

  it("a long chain of ands does not overflow", () => {
    const chain = Array.from({ length: 120 }, () => "title pr").join(" and ");
    expect(matches(chain)).toBe(true);
  });
});

describe("equalityLookup", () => {
  const lookup = (text: string) => equalityLookup(parseFilter(text));

  it("returns the indexed equalities", () => {
    expect(lookup('userName eq "Bjensen"')).toEqual({ attribute: "username", value: "Bjensen" });
    expect(lookup('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "b"')).toEqual({
      attribute: "username",
      value: "b",
    });
    expect(lookup('id eq "1"')).toEqual({ attribute: "id", value: "1" });
    expect(lookup('externalId eq "e"')).toEqual({ attribute: "externalid", value: "e" });
    expect(lookup('displayName eq "Tour Guides"')).toEqual({ attribute: "displayname", value: "Tour Guides" });
    expect(lookup('members.value eq "u1"')).toEqual({ attribute: "members.value", value: "u1" });
    expect(lookup('emails.value eq "a@b.c"')).toEqual({ attribute: "emails.value", value: "a@b.c" });
    expect(lookup('emails[type eq "work"].value eq "a@b.c"')).toEqual({ attribute: "emails.value", value: "a@b.c" });
  });

  it("returns null for everything else", () => {
    const others = [
      'userName ne "x"',
      'userName co "x"',
      "userName pr",
      "userName eq null",
      "externalId eq 5",
      'title eq "x"',
      'userName eq "a" and title pr',
      'userName eq "a" or userName eq "b"',
      'not (userName eq "a")',
      '(userName eq "a") and (userName eq "a")',
      'emails[value eq "a@b.c"]',
      'emails[primary eq true].value eq "a@b.c"',
      'emails[type eq "work" or type eq "home"].value eq "a@b.c"',
      'members[display eq "x"].value eq "u1"',
      `${ENTERPRISE}:manager.value eq "m"`,
    ];
    for (const text of others) expect(lookup(text), text).toBeNull();
  });

  it("accepts a tree built by hand", () => {
    const filter: ScimFilter = { kind: "compare", op: "eq", attribute: "username", value: "x" };
    expect(equalityLookup(filter)).toEqual({ attribute: "username", value: "x" });
  });
});
