import { describe, expect, it } from "vitest";

import { addQuarters, lastQuarters, parseQuarter, quarterEnd, quarterOf, quarterStart } from "@/lib/quarters";

describe("quarters", () => {
  it("names the quarter a moment falls in, in UTC", () => {
    expect(quarterOf(new Date("2026-11-26T12:00:00Z"))).toBe("2026-Q4");
    expect(quarterOf(new Date("2026-01-01T00:00:00Z"))).toBe("2026-Q1");
    expect(quarterOf(new Date("2026-03-31T23:59:59.999Z"))).toBe("2026-Q1");
    expect(quarterOf(new Date("2026-04-01T00:00:00Z"))).toBe("2026-Q2");
  });

  it("knows where a quarter starts and ends", () => {
    expect(quarterStart("2026-Q4").toISOString()).toBe("2026-10-01T00:00:00.000Z");
    expect(quarterEnd("2026-Q4").toISOString()).toBe("2026-12-31T23:59:59.999Z");
    expect(quarterEnd("2027-Q1").toISOString()).toBe("2027-03-31T23:59:59.999Z");
  });

  it("steps across year boundaries", () => {
    expect(addQuarters("2026-Q4", 1)).toBe("2027-Q1");
    expect(addQuarters("2026-Q1", -1)).toBe("2025-Q4");
    expect(addQuarters("2026-Q2", 6)).toBe("2027-Q4");
    expect(lastQuarters("2026-Q2", 4)).toEqual(["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]);
  });

  it("rejects strings that are not quarters", () => {
    expect(() => parseQuarter("2026-Q5")).toThrow(/Not a quarter/);
    expect(() => parseQuarter("Q1-2026")).toThrow(/Not a quarter/);
  });
});
