import { describe, expect, it } from "vitest";

import { ScimError } from "@/lib/scim/errors";
import { applyPatch, parsePatchRequest, PATCH_OP_SCHEMA, type PatchOp } from "@/lib/scim/patch";

import { scimErrorOf } from "../support/scim-error-of";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

function makeUser(): Record<string, unknown> {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
    id: "u-1",
    externalId: "ext-1",
    userName: "bjensen@example.com",
    name: { givenName: "Barbara", familyName: "Jensen", formatted: "Barbara Jensen" },
    displayName: "Babs Jensen",
    title: "Tour Guide",
    active: true,
    emails: [
      { value: "bjensen@example.com", type: "work", primary: true },
      { value: "babs@jensen.org", type: "home" },
    ],
    [ENTERPRISE]: { manager: { value: "m-1", displayName: "Old Boss" } },
    meta: { resourceType: "User", lastModified: "2011-05-13T04:42:34Z", version: 'W/"1"' },
  };
}

function makeGroup(): Record<string, unknown> {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
    id: "g-1",
    displayName: "Tour Guides",
    members: [{ value: "id1", display: "One" }, { value: "id2" }],
    meta: { resourceType: "Group" },
  };
}

/** The request as an IdP sends it, parsed then applied, as the route will. */
function patch(resource: Record<string, unknown>, ...operations: unknown[]) {
  return applyPatch(resource, parsePatchRequest({ schemas: [PATCH_OP_SCHEMA], Operations: operations }));
}

describe("parsePatchRequest", () => {
  it("lowercases the op in any case and keeps path and value", () => {
    const ops = parsePatchRequest({
      schemas: [PATCH_OP_SCHEMA],
      Operations: [
        { op: "Add", path: "title", value: "x" },
        { op: "REPLACE", value: { active: false } },
        { op: "remove", path: "title" },
      ],
    });
    expect(ops).toEqual([
      { op: "add", path: "title", value: "x" },
      { op: "replace", value: { active: false } },
      { op: "remove", path: "title" },
    ]);
  });

  it("reads the message attributes without regard to case", () => {
    const ops = parsePatchRequest({ Schemas: [PATCH_OP_SCHEMA.toUpperCase()], operations: [{ OP: "add", Value: {} }] });
    expect(ops).toEqual([{ op: "add", value: {} }]);
  });

  it("keeps a null value (it clears the attribute)", () => {
    expect(
      parsePatchRequest({ schemas: [PATCH_OP_SCHEMA], Operations: [{ op: "replace", path: "title", value: null }] }),
    ).toEqual([{ op: "replace", path: "title", value: null }]);
  });

  const refusals: [string, unknown, string][] = [
    ["a body that is not an object", [], "400 invalidSyntax"],
    ["a null body", null, "400 invalidSyntax"],
    ["no schemas", { Operations: [{ op: "add", value: {} }] }, "400 invalidSyntax"],
    ["the wrong schema", { schemas: ["urn:x"], Operations: [{ op: "add", value: {} }] }, "400 invalidSyntax"],
    ["schemas not an array", { schemas: PATCH_OP_SCHEMA, Operations: [{ op: "add", value: {} }] }, "400 invalidSyntax"],
    ["no Operations", { schemas: [PATCH_OP_SCHEMA] }, "400 invalidSyntax"],
    ["empty Operations", { schemas: [PATCH_OP_SCHEMA], Operations: [] }, "400 invalidSyntax"],
    ["Operations not an array", { schemas: [PATCH_OP_SCHEMA], Operations: { op: "add" } }, "400 invalidSyntax"],
    [
      "1,001 operations",
      { schemas: [PATCH_OP_SCHEMA], Operations: Array.from({ length: 1_001 }, () => ({ op: "add", value: {} })) },
      "400 invalidSyntax",
    ],
    ["an operation that is not an object", { schemas: [PATCH_OP_SCHEMA], Operations: ["add"] }, "400 invalidSyntax"],
    ["an unknown op", { schemas: [PATCH_OP_SCHEMA], Operations: [{ op: "move", path: "a" }] }, "400 invalidSyntax"],
    ["a missing op", { schemas: [PATCH_OP_SCHEMA], Operations: [{ path: "a", value: 1 }] }, "400 invalidSyntax"],
    ["remove without a path", { schemas: [PATCH_OP_SCHEMA], Operations: [{ op: "Remove" }] }, "400 noTarget"],
    [
      "add without a value",
      { schemas: [PATCH_OP_SCHEMA], Operations: [{ op: "add", path: "title" }] },
      "400 invalidValue",
    ],
    ["replace without a value", { schemas: [PATCH_OP_SCHEMA], Operations: [{ op: "replace" }] }, "400 invalidValue"],
    [
      "a path that is not a string",
      { schemas: [PATCH_OP_SCHEMA], Operations: [{ op: "remove", path: 3 }] },
      "400 invalidPath",
    ],
    [
      "a path that does not parse",
      { schemas: [PATCH_OP_SCHEMA], Operations: [{ op: "remove", path: "a b" }] },
      "400 invalidPath",
    ],
  ];
  for (const [what, body, expected] of refusals) {
    it(`refuses ${what}`, () => expect(scimErrorOf(() => parsePatchRequest(body))).toBe(expected));
  }

  it("accepts exactly 1,000 operations", () => {
    const body = {
      schemas: [PATCH_OP_SCHEMA],
      Operations: Array.from({ length: 1_000 }, () => ({ op: "add", value: {} })),
    };
    expect(parsePatchRequest(body)).toHaveLength(1_000);
  });
});

describe("applyPatch basics", () => {
  it("returns a new object and leaves the input and the operations untouched", () => {
    const user = makeUser();
    const before = structuredClone(user);
    const ops: PatchOp[] = [
      { op: "add", path: "emails", value: [{ value: "new@x.org", type: "other" }] },
      { op: "replace", path: 'emails[type eq "other"].display', value: "New" },
      { op: "replace", path: "name.givenName", value: "Barb" },
    ];
    const opsBefore = structuredClone(ops);
    const next = applyPatch(user, ops);
    expect(next).not.toBe(user);
    expect(user).toEqual(before);
    expect(ops).toEqual(opsBefore);
    expect(next.emails).toContainEqual({ value: "new@x.org", type: "other", display: "New" });
  });

  it("is all or nothing: a failing operation throws and the input is unchanged", () => {
    const user = makeUser();
    const before = structuredClone(user);
    expect(() =>
      applyPatch(user, [
        { op: "replace", path: "title", value: "Boss" },
        { op: "replace", path: "id", value: "other" },
      ]),
    ).toThrow(ScimError);
    expect(user).toEqual(before);
  });

  it("refuses to change id or meta (mutability) and never touches schemas", () => {
    expect(scimErrorOf(() => patch(makeUser(), { op: "replace", path: "id", value: "x" }))).toBe("400 mutability");
    expect(scimErrorOf(() => patch(makeUser(), { op: "remove", path: "id" }))).toBe("400 mutability");
    expect(scimErrorOf(() => patch(makeUser(), { op: "replace", path: "meta.version", value: "x" }))).toBe(
      "400 mutability",
    );
    expect(scimErrorOf(() => patch(makeUser(), { op: "replace", value: { meta: {} } }))).toBe("400 mutability");
    expect(scimErrorOf(() => patch(makeUser(), { op: "replace", value: { ID: "x" } }))).toBe("400 mutability");
    const user = makeUser();
    expect(patch(user, { op: "replace", value: { schemas: ["x"] } }).schemas).toEqual(user.schemas);
    expect(patch(user, { op: "remove", path: "schemas" }).schemas).toEqual(user.schemas);
  });

  it("refuses a path that does not parse with invalidPath", () => {
    const bad = [
      "",
      "a b",
      "name.givenName.x",
      "emails[type eq]",
      'emails[type eq "w"',
      'emails[type eq "w"]x',
      'emails[type eq "w"].',
      "a:b",
      "1abc",
      'emails[type eq "w"].a.b',
      'name.givenName[type eq "w"]',
      'emails[x[y eq "1"]]',
      'emails[x[y eq "1"].z eq "2"]',
    ];
    for (const path of bad) {
      expect(
        scimErrorOf(() => applyPatch(makeUser(), [{ op: "remove", path }])),
        path,
      ).toBe("400 invalidPath");
    }
    expect(scimErrorOf(() => patch(makeUser(), { op: "replace", value: { "not valid": 1 } }))).toBe("400 invalidPath");
  });

  it("add or replace without a path needs an object value", () => {
    expect(scimErrorOf(() => applyPatch(makeUser(), [{ op: "replace", value: "x" }]))).toBe("400 invalidValue");
    expect(scimErrorOf(() => applyPatch(makeUser(), [{ op: "add", value: [1] }]))).toBe("400 invalidValue");
    expect(scimErrorOf(() => applyPatch(makeUser(), [{ op: "remove" }]))).toBe("400 noTarget");
  });
});

describe("add", () => {
  it("sets a simple attribute", () => {
    expect(patch(makeUser(), { op: "add", path: "nickName", value: "Babs" }).nickName).toBe("Babs");
  });

  it("appends to a multi-valued attribute, one element or many, skipping ones already there", () => {
    const group = patch(makeGroup(), { op: "add", path: "members", value: [{ value: "id2" }, { value: "id3" }] });
    expect(group.members).toEqual([{ value: "id1", display: "One" }, { value: "id2" }, { value: "id3" }]);
    const one = patch(makeGroup(), { op: "add", path: "members", value: { value: "id4" } });
    expect(one.members).toHaveLength(3);
    const user = patch(makeUser(), {
      op: "add",
      path: "emails",
      value: { value: "BJENSEN@example.com", type: "other" },
    });
    expect(user.emails).toHaveLength(2);
  });

  it("deep-compares elements of other multi-valued attributes", () => {
    const user = { ...makeUser(), phoneNumbers: [{ value: "555", type: "work" }] };
    const next = patch(user, {
      op: "add",
      path: "phoneNumbers",
      value: [
        { value: "555", type: "work" },
        { value: "555", type: "home" },
      ],
    });
    expect(next.phoneNumbers).toEqual([
      { value: "555", type: "work" },
      { value: "555", type: "home" },
    ]);
  });

  it("creates a multi-valued attribute as an array", () => {
    const next = patch({ id: "g", displayName: "G" }, { op: "add", path: "members", value: { value: "id1" } });
    expect(next.members).toEqual([{ value: "id1" }]);
  });

  it("merges sub-attributes into a complex attribute", () => {
    const next = patch(makeUser(), { op: "add", path: "name", value: { middleName: "J", GivenName: "Barb" } });
    expect(next.name).toEqual({
      givenName: "Barb",
      familyName: "Jensen",
      formatted: "Barbara Jensen",
      middleName: "J",
    });
  });

  it("RFC 7644 §3.5.2.1: add without a path", () => {
    const next = patch(makeUser(), {
      op: "add",
      value: {
        emails: [
          { value: "babs@jensen.org", type: "home" },
          { value: "b@x.org", type: "other" },
        ],
        nickname: "Babs",
      },
    });
    expect(next.emails).toHaveLength(3);
    expect(next.nickname).toBe("Babs");
  });

  it("RFC 7644 §3.5.2.1: add a member", () => {
    const next = patch(makeGroup(), {
      op: "add",
      path: "members",
      value: [{ display: "Babs Jensen", $ref: "https://example.com/v2/Users/2819c223", value: "2819c223" }],
    });
    expect(next.members).toHaveLength(3);
  });
});

describe("replace", () => {
  it("sets a simple attribute and replaces a whole array", () => {
    const next = patch(makeUser(), { op: "replace", path: "emails", value: [{ value: "only@x.org", type: "work" }] });
    expect(next.emails).toEqual([{ value: "only@x.org", type: "work" }]);
    expect(patch(makeUser(), { op: "replace", path: "title", value: "Boss" }).title).toBe("Boss");
  });

  it("RFC 7644 §3.5.2.3: replace without a path replaces emails and sets nickname", () => {
    const next = patch(makeUser(), {
      op: "replace",
      value: { emails: [{ value: "bjensen@example.com", type: "work", primary: true }], nickname: "Babs" },
    });
    expect(next.emails).toEqual([{ value: "bjensen@example.com", type: "work", primary: true }]);
    expect(next.nickname).toBe("Babs");
  });

  it("RFC 7644 §3.5.2.3: replace on a complex attribute leaves unnamed sub-attributes", () => {
    const next = patch(makeUser(), { op: "replace", path: "name", value: { familyName: "Smith" } });
    expect(next.name).toEqual({ givenName: "Barbara", familyName: "Smith", formatted: "Barbara Jensen" });
  });

  it("RFC 7644 §3.5.2.3: replace a filtered element and a sub-attribute of it", () => {
    const address = { type: "work", streetAddress: "911 Universal City Plaza", locality: "Hollywood" };
    const user = {
      ...makeUser(),
      addresses: [{ type: "work", streetAddress: "1 Old St", country: "US" }, { type: "home" }],
    };
    const whole = patch(user, { op: "replace", path: 'addresses[type eq "work"]', value: address });
    expect(whole.addresses).toEqual([address, { type: "home" }]);
    const sub = patch(user, {
      op: "replace",
      path: 'addresses[type eq "work"].streetAddress',
      value: "1010 Broadway Ave",
    });
    expect(sub.addresses).toEqual([
      { type: "work", streetAddress: "1010 Broadway Ave", country: "US" },
      { type: "home" },
    ]);
  });

  it("replaces within every matching element only", () => {
    const next = patch(makeGroup(), { op: "replace", path: 'members[value eq "id2"].display', value: "Two" });
    expect(next.members).toEqual([
      { value: "id1", display: "One" },
      { value: "id2", display: "Two" },
    ]);
  });

  it("a filtered path that matches nothing creates the typed email Entra asks for", () => {
    const user = { ...makeUser(), emails: [{ value: "babs@jensen.org", type: "home" }] };
    const next = patch(user, { op: "replace", path: 'emails[type eq "work"].value', value: "w@x.org" });
    expect(next.emails).toEqual([
      { value: "babs@jensen.org", type: "home" },
      { type: "work", value: "w@x.org" },
    ]);
    const bare = patch(
      { id: "u", userName: "u" },
      { op: "replace", path: 'emails[type eq "work"].value', value: "w@x.org" },
    );
    expect(bare.emails).toEqual([{ type: "work", value: "w@x.org" }]);
  });

  it("other filtered paths that match nothing are noTarget", () => {
    const cases = [
      { op: "replace", path: 'members[value eq "nobody"].display', value: "x" },
      { op: "replace", path: 'members[value eq "nobody"]', value: { value: "x" } },
      { op: "replace", path: 'emails[type eq "work"]', value: { value: "x" } },
      { op: "replace", path: "emails[primary eq true].value", value: "x" },
    ];
    for (const op of cases)
      expect(
        scimErrorOf(() => patch(makeGroup(), op)),
        op.path,
      ).toBe("400 noTarget");
  });

  it("setting null clears the attribute", () => {
    expect(patch(makeUser(), { op: "replace", path: "title", value: null })).not.toHaveProperty("title");
    expect(patch(makeUser(), { op: "replace", value: { title: null } })).not.toHaveProperty("title");
  });
});

describe("remove", () => {
  it("RFC 7644 §3.5.2.2: removes one member by filter, or all members", () => {
    expect(patch(makeGroup(), { op: "remove", path: 'members[value eq "id1"]' }).members).toEqual([{ value: "id2" }]);
    expect(patch(makeGroup(), { op: "remove", path: "members" })).not.toHaveProperty("members");
  });

  it("removes the members listed in the value (Azure form)", () => {
    const next = patch(makeGroup(), { op: "remove", path: "members", value: [{ value: "id1" }, { value: "nobody" }] });
    expect(next.members).toEqual([{ value: "id2" }]);
  });

  it("removes a plain attribute and a sub-attribute", () => {
    expect(patch(makeUser(), { op: "remove", path: "title" })).not.toHaveProperty("title");
    expect(patch(makeUser(), { op: "remove", path: "name.formatted" }).name).toEqual({
      givenName: "Barbara",
      familyName: "Jensen",
    });
    const next = patch(makeUser(), { op: "remove", path: 'emails[type eq "work"].primary' });
    expect(next.emails).toEqual([
      { value: "bjensen@example.com", type: "work" },
      { value: "babs@jensen.org", type: "home" },
    ]);
  });

  it("a missing target or a filter that matches nothing is a no-op", () => {
    const user = makeUser();
    expect(patch(user, { op: "remove", path: "nickName" })).toEqual(user);
    expect(patch(user, { op: "remove", path: 'x509Certificates[value eq "c"]' })).toEqual(user);
    expect(patch(user, { op: "remove", path: 'emails[type eq "other"]' })).toEqual(user);
    expect(patch(user, { op: "remove", path: "urn:example:ext:1.0:User:thing" })).toEqual(user);
    expect(patch(makeGroup(), { op: "remove", path: 'members[value eq "nobody"]' })).toEqual(makeGroup());
  });
});

describe("names, casing and extensions", () => {
  it("writes to the existing key whatever case the path uses", () => {
    const next = patch(
      makeUser(),
      { op: "replace", path: "DisplayName", value: "B" },
      { op: "replace", path: "NAME.GIVENNAME", value: "Barb" },
    );
    expect(next.displayName).toBe("B");
    expect(next).not.toHaveProperty("DisplayName");
    expect((next.name as Record<string, unknown>).givenName).toBe("Barb");
  });

  it("uses standard casing for well-known new attributes, else the name as written", () => {
    const next = patch(
      { id: "u" },
      {
        op: "add",
        value: { USERNAME: "u", displayname: "D", Emails: [{ value: "a@b.c" }], nickName: "n", "name.GIVENNAME": "g" },
      },
    );
    expect(next).toEqual({
      id: "u",
      userName: "u",
      displayName: "D",
      emails: [{ value: "a@b.c" }],
      nickName: "n",
      name: { givenName: "g" },
    });
  });

  it("understands core URN paths", () => {
    const next = patch(makeUser(), {
      op: "replace",
      path: "urn:ietf:params:scim:schemas:core:2.0:User:name.familyName",
      value: "J",
    });
    expect((next.name as Record<string, unknown>).familyName).toBe("J");
    const group = patch(makeGroup(), {
      op: "replace",
      value: { "urn:ietf:params:scim:schemas:core:2.0:Group:displayName": "G" },
    });
    expect(group.displayName).toBe("G");
  });

  it("sets extension attributes by URN path, by URN key or inside the extension object", () => {
    const byPath = patch({ id: "u" }, { op: "add", path: `${ENTERPRISE}:department`, value: "Ops" });
    expect(byPath).toEqual({ id: "u", [ENTERPRISE]: { department: "Ops" } });
    const byKey = patch({ id: "u" }, { op: "replace", value: { [`${ENTERPRISE}:department`]: "Ops" } });
    expect(byKey).toEqual(byPath);
    const byObject = patch(makeUser(), {
      op: "replace",
      value: { [ENTERPRISE]: { department: "Ops", manager: "m-2" } },
    });
    expect(byObject[ENTERPRISE]).toEqual({ manager: { value: "m-2" }, department: "Ops" });
  });
});

describe("manager", () => {
  const managerOf = (r: Record<string, unknown>) => (r[ENTERPRISE] as Record<string, unknown> | undefined)?.manager;

  it("a bare id or a {value} object both become {value}, replacing the old manager whole", () => {
    expect(managerOf(patch(makeUser(), { op: "Add", path: `${ENTERPRISE}:manager`, value: "m-2" }))).toEqual({
      value: "m-2",
    });
    expect(
      managerOf(patch(makeUser(), { op: "replace", path: `${ENTERPRISE}:manager`, value: { value: "m-3" } })),
    ).toEqual({ value: "m-3" });
    expect(managerOf(patch({ id: "u" }, { op: "add", value: { [`${ENTERPRISE}:manager`]: "m-4" } }))).toEqual({
      value: "m-4",
    });
  });

  it('removing it, or setting it to "", null or {value: ""}, clears it', () => {
    const clears = [
      { op: "remove", path: `${ENTERPRISE}:manager` },
      { op: "replace", path: `${ENTERPRISE}:manager`, value: "" },
      { op: "replace", path: `${ENTERPRISE}:manager`, value: null },
      { op: "replace", path: `${ENTERPRISE}:manager`, value: { value: "" } },
      { op: "replace", path: `${ENTERPRISE}:manager.value`, value: "" },
      { op: "Remove", path: `${ENTERPRISE}:manager`, value: [{ value: "m-1" }] },
    ];
    for (const op of clears) {
      const next = patch(makeUser(), op);
      expect(managerOf(next), JSON.stringify(op)).toBeUndefined();
      // An extension with nothing left in it is dropped rather than kept empty.
      expect(next, JSON.stringify(op)).not.toHaveProperty([ENTERPRISE]);
    }
  });

  it("sets manager.value directly", () => {
    expect(managerOf(patch({ id: "u" }, { op: "add", path: `${ENTERPRISE}:manager.value`, value: "m-5" }))).toEqual({
      value: "m-5",
    });
  });
});

describe("what Okta sends", () => {
  it("deactivates a user with a no-path replace", () => {
    const body = { schemas: [PATCH_OP_SCHEMA], Operations: [{ op: "replace", value: { active: false } }] };
    expect(applyPatch(makeUser(), parsePatchRequest(body)).active).toBe(false);
  });

  it("removes a group member by filter", () => {
    expect(patch(makeGroup(), { op: "remove", path: 'members[value eq "id1"]' }).members).toEqual([{ value: "id2" }]);
  });

  it("adds group members", () => {
    const next = patch(makeGroup(), { op: "add", path: "members", value: [{ value: "id3", display: "Three" }] });
    expect(next.members).toContainEqual({ value: "id3", display: "Three" });
  });

  it("renames a group with the unchanged id inside the value", () => {
    const next = patch(makeGroup(), { op: "replace", value: { id: "g-1", displayName: "new" } });
    expect(next).toEqual({ ...makeGroup(), displayName: "new" });
    expect(scimErrorOf(() => patch(makeGroup(), { op: "replace", value: { id: "g-2", displayName: "new" } }))).toBe(
      "400 mutability",
    );
  });
});

describe("what Microsoft Entra ID sends", () => {
  it('deactivates with active as the string "False", and reactivates with "True"', () => {
    const off = patch(makeUser(), { op: "Replace", path: "active", value: "False" });
    expect(off.active).toBe(false);
    expect(patch(off, { op: "Replace", path: "active", value: "True" }).active).toBe(true);
    expect(patch(off, { op: "Replace", value: { active: "true" } }).active).toBe(true);
    expect(scimErrorOf(() => patch(off, { op: "Replace", path: "active", value: "yes" }))).toBe("400 invalidValue");
  });

  it("adds the work email with a filtered path, updating it when it exists", () => {
    const op = { op: "Add", path: 'emails[type eq "work"].value', value: "x@y" };
    const next = patch(makeUser(), op);
    expect(next.emails).toEqual([
      { value: "x@y", type: "work", primary: true },
      { value: "babs@jensen.org", type: "home" },
    ]);
    expect(patch({ id: "u" }, op).emails).toEqual([{ type: "work", value: "x@y" }]);
  });

  it("replaces the given name by dotted path", () => {
    const next = patch(makeUser(), { op: "Replace", path: "name.givenName", value: "A" });
    expect(next.name).toEqual({ givenName: "A", familyName: "Jensen", formatted: "Barbara Jensen" });
  });

  it("adds several attributes in one no-path value with dotted keys", () => {
    const next = patch(makeUser(), { op: "Add", value: { displayName: "x", "name.givenName": "y" } });
    expect(next.displayName).toBe("x");
    expect((next.name as Record<string, unknown>).givenName).toBe("y");
  });

  it("adds and removes group members with value arrays", () => {
    const added = patch({ ...makeGroup(), members: [] }, { op: "Add", path: "members", value: [{ value: "id1" }] });
    expect(added.members).toEqual([{ value: "id1" }]);
    const removed = patch(added, { op: "Remove", path: "members", value: [{ value: "id1" }] });
    expect(removed.members).toEqual([]);
  });

  it("sets the manager with a bare id", () => {
    const next = patch({ id: "u" }, { op: "Add", path: `${ENTERPRISE}:manager`, value: "m-9" });
    expect(next[ENTERPRISE]).toEqual({ manager: { value: "m-9" } });
  });
});
