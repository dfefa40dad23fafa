import { describe, expect, it } from "vitest";

import { ratingProvenance } from "@/lib/export/provenance";

const member = { id: "u1", name: "Ana Lima" };
const admin = { id: "u9", name: "Mei Admin" };
const lead = { id: "u5", name: "Lee Lead" };

describe("who entered an effective rating", () => {
  it("a lead's validation wins, named", () => {
    expect(ratingProvenance({ userId: "u1", hasValidated: true, hasSelf: true, lead, self: admin })).toEqual({
      source: "lead",
      ratedBy: "Lee Lead",
    });
  });

  it("a self rating written by someone else (an import) is imported, by them", () => {
    expect(ratingProvenance({ userId: "u1", hasValidated: false, hasSelf: true, lead: null, self: admin })).toEqual({
      source: "imported",
      ratedBy: "Mei Admin",
    });
  });

  it("the member's own rating is self; nothing rated has no source", () => {
    expect(ratingProvenance({ userId: "u1", hasValidated: false, hasSelf: true, lead: null, self: member })).toEqual({
      source: "self",
      ratedBy: "Ana Lima",
    });
    expect(ratingProvenance({ userId: "u1", hasValidated: false, hasSelf: false, lead: null, self: member })).toEqual({
      source: null,
      ratedBy: null,
    });
  });
});
