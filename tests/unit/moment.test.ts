import { describe, expect, it } from "vitest";

import { asOfFor, quartersToPick } from "@/lib/analytics/moment";
import { quarterEnd } from "@/lib/quarters";

// The one moment a quarter's numbers are read at (db/queries/moment.ts reads it, lib/analytics/moment.ts decides it).
describe("the moment a quarter is read at", () => {
  const now = new Date("2026-11-30T08:00:00Z");
  const closedAt = new Date("2026-10-03T09:30:00Z");

  it("is a closed cycle's close time, even when it closed after the quarter's end", () => {
    expect(asOfFor("2026-Q3", "2026-Q4", now, [{ quarter: "2026-Q3", status: "closed", closedAt }])).toEqual(closedAt);
  });

  it("is a past quarter's last moment when no cycle closed it (open, planned, or none)", () => {
    expect(asOfFor("2026-Q2", "2026-Q4", now, [])).toEqual(quarterEnd("2026-Q2"));
    expect(asOfFor("2026-Q2", "2026-Q4", now, [{ quarter: "2026-Q2", status: "open", closedAt: null }])).toEqual(
      quarterEnd("2026-Q2"),
    );
  });

  it("is now for the current quarter, and its close once closed", () => {
    expect(asOfFor("2026-Q4", "2026-Q4", now, [{ quarter: "2026-Q4", status: "open", closedAt: null }])).toEqual(now);
    const early = new Date("2026-11-20T00:00:00Z");
    expect(asOfFor("2026-Q4", "2026-Q4", now, [{ quarter: "2026-Q4", status: "closed", closedAt: early }])).toEqual(
      early,
    );
  });

  it("offers every cycle's quarter and the last four, none in the future, oldest first", () => {
    const cycles = [
      { quarter: "2025-Q1", status: "closed", closedAt },
      { quarter: "2027-Q1", status: "planned", closedAt: null },
    ];
    expect(quartersToPick({ cycles, currentQuarter: "2026-Q4" })).toEqual([
      "2025-Q1",
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
    ]);
  });
});
