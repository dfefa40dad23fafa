import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  addDays,
  batchDueAt,
  daysBetween,
  dueDigest,
  dueReminder,
  isoWeekOf,
  isValidTimeZone,
  retryDelayMs,
  zonedParts,
  zonedTimeToUtc,
} from "@/lib/notifications/schedule";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const utc = (iso: string) => new Date(iso);

// No DST (UTC, Taipei, Kathmandu at +5:45), hour DST at 02:00 / 01:00 (New York, London), half-hour DST (Lord Howe),
// DST at 02:45 (Chatham), DST at midnight (Santiago; São Paulo before 2019).
const ZONES = [
  "UTC",
  "Asia/Taipei",
  "Asia/Kathmandu",
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "America/Santiago",
  "America/Sao_Paulo",
];
// Transition days of those zones, so the generators hit gaps and repeated hours often.
const TRANSITION_DAYS = [
  "2026-03-08",
  "2026-11-01",
  "2026-03-29",
  "2026-10-25",
  "2026-04-05",
  "2026-10-04",
  "2026-09-27",
  "2026-04-04",
  "2026-09-06",
  "2018-11-04",
  "2018-02-17",
];

const dateArb = fc.oneof(
  fc.integer({ min: 0, max: 47_000 }).map((n) => new Date(Date.UTC(1971, 0, 1) + n * DAY).toISOString().slice(0, 10)),
  fc.constantFrom(...TRANSITION_DAYS),
);
const hourArb = fc.oneof(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 4 }));
const zoneArb = fc.constantFrom(...ZONES);

/** The wall clock reading of `t` in `tz` as UTC epoch ms (minute resolution), from zonedParts. */
function wallOf(t: number, tz: string): number {
  const p = zonedParts(new Date(t), tz);
  return Date.parse(`${p.date}T00:00:00Z`) + p.hour * HOUR + p.minute * MINUTE;
}

/** Every instant reading `date hour:00` in `tz`, found by trying each 15-minute offset from −12 h to +14 h. */
function instantsReading(date: string, hour: number, tz: string): number[] {
  const wall = Date.parse(`${date}T00:00:00Z`) + hour * HOUR;
  const found: number[] = [];
  for (let k = -48; k <= 56; k++) if (wallOf(wall - k * 15 * MINUTE, tz) === wall) found.push(wall - k * 15 * MINUTE);
  return found.sort((a, b) => a - b);
}

describe("time zones", () => {
  it("knows IANA zones and refuses anything else", () => {
    expect(isValidTimeZone("Asia/Taipei")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("America/New_York")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(isValidTimeZone("+08:00 or so")).toBe(false);
  });

  it("reads the wall clock in Taipei (UTC+8 all year)", () => {
    expect(zonedParts(utc("2026-11-30T01:00:00Z"), "Asia/Taipei")).toEqual({
      date: "2026-11-30",
      weekday: 1,
      hour: 9,
      minute: 0,
    });
    expect(zonedParts(utc("2026-12-31T16:30:00Z"), "Asia/Taipei")).toEqual({
      date: "2027-01-01",
      weekday: 5,
      hour: 0,
      minute: 30,
    });
  });

  it("reads the wall clock either side of New York's spring-forward and fall-back", () => {
    expect(zonedParts(utc("2026-03-08T06:59:00Z"), "America/New_York")).toMatchObject({ date: "2026-03-08", hour: 1 });
    expect(zonedParts(utc("2026-03-08T07:00:00Z"), "America/New_York")).toMatchObject({ hour: 3, minute: 0 });
    expect(zonedParts(utc("2026-11-01T05:30:00Z"), "America/New_York")).toMatchObject({ hour: 1, minute: 30 });
    expect(zonedParts(utc("2026-11-01T06:30:00Z"), "America/New_York")).toMatchObject({ hour: 1, minute: 30 });
    expect(zonedParts(utc("2026-11-01T07:00:00Z"), "America/New_York")).toMatchObject({ weekday: 0, hour: 2 });
  });

  it("turns a wall-clock hour into an instant", () => {
    expect(zonedTimeToUtc("2026-12-01", 9, "Asia/Taipei").toISOString()).toBe("2026-12-01T01:00:00.000Z");
    expect(zonedTimeToUtc("2027-01-01", 0, "Asia/Taipei").toISOString()).toBe("2026-12-31T16:00:00.000Z");
    expect(zonedTimeToUtc("2026-07-01", 9, "Europe/London").toISOString()).toBe("2026-07-01T08:00:00.000Z");
    expect(zonedTimeToUtc("2026-12-01", 9, "Europe/London").toISOString()).toBe("2026-12-01T09:00:00.000Z");
    expect(zonedTimeToUtc("2026-06-01", 9, "Asia/Kathmandu").toISOString()).toBe("2026-06-01T03:15:00.000Z");
  });

  it("maps New York's missing 02:00 to the first instant after the gap (03:00 EDT)", () => {
    expect(zonedTimeToUtc("2026-03-08", 1, "America/New_York").toISOString()).toBe("2026-03-08T06:00:00.000Z");
    expect(zonedTimeToUtc("2026-03-08", 2, "America/New_York").toISOString()).toBe("2026-03-08T07:00:00.000Z");
    expect(zonedTimeToUtc("2026-03-08", 3, "America/New_York").toISOString()).toBe("2026-03-08T07:00:00.000Z");
    expect(zonedTimeToUtc("2026-03-08", 9, "America/New_York").toISOString()).toBe("2026-03-08T13:00:00.000Z");
  });

  it("maps New York's repeated 01:00 to the earlier one (EDT)", () => {
    expect(zonedTimeToUtc("2026-11-01", 0, "America/New_York").toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(zonedTimeToUtc("2026-11-01", 1, "America/New_York").toISOString()).toBe("2026-11-01T05:00:00.000Z");
    expect(zonedTimeToUtc("2026-11-01", 2, "America/New_York").toISOString()).toBe("2026-11-01T07:00:00.000Z");
  });

  it("handles London's 01:00 transitions", () => {
    expect(zonedTimeToUtc("2026-03-29", 0, "Europe/London").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(zonedTimeToUtc("2026-03-29", 1, "Europe/London").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(zonedTimeToUtc("2026-03-29", 2, "Europe/London").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(zonedTimeToUtc("2026-10-25", 1, "Europe/London").toISOString()).toBe("2026-10-25T00:00:00.000Z");
    expect(zonedTimeToUtc("2026-10-25", 2, "Europe/London").toISOString()).toBe("2026-10-25T02:00:00.000Z");
  });

  it("survives a skipped day (Samoa jumped from 29 to 31 December 2011)", () => {
    // 2011-12-29 24:00 at UTC−10 became 2011-12-31 00:00 at UTC+14.
    expect(zonedTimeToUtc("2011-12-30", 12, "Pacific/Apia").toISOString()).toBe("2011-12-30T10:00:00.000Z");
    expect(zonedTimeToUtc("2011-12-31", 9, "Pacific/Apia").toISOString()).toBe("2011-12-30T19:00:00.000Z");
  });

  it("refuses malformed dates and hours", () => {
    expect(() => zonedTimeToUtc("2026-02-30", 9, "UTC")).toThrow(RangeError);
    expect(() => zonedTimeToUtc("2026-2-3", 9, "UTC")).toThrow(RangeError);
    expect(() => zonedTimeToUtc("2026-02-03", 24, "UTC")).toThrow(RangeError);
    expect(() => daysBetween("yesterday", "2026-01-01")).toThrow(RangeError);
  });

  it("property: an hour that exists round-trips, an ambiguous one is the earlier, a missing one is the gap's end", () => {
    fc.assert(
      fc.property(dateArb, hourArb, zoneArb, (date, hour, tz) => {
        const at = zonedTimeToUtc(date, hour, tz).getTime();
        const readings = instantsReading(date, hour, tz);
        if (readings.length > 0) {
          expect(at).toBe(readings[0]);
          expect(zonedParts(new Date(at), tz)).toMatchObject({ date, hour, minute: 0 });
        } else {
          const wall = Date.parse(`${date}T00:00:00Z`) + hour * HOUR;
          expect(wallOf(at, tz)).toBeGreaterThan(wall);
          expect(wallOf(at - MINUTE, tz)).toBeLessThan(wall);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("property: in zones without DST every hour round-trips", () => {
    fc.assert(
      fc.property(dateArb, hourArb, fc.constantFrom("UTC", "Asia/Taipei", "Asia/Kathmandu"), (date, hour, tz) => {
        expect(zonedParts(zonedTimeToUtc(date, hour, tz), tz)).toMatchObject({ date, hour, minute: 0 });
      }),
    );
  });
});

describe("calendar dates", () => {
  it("counts calendar days, across DST and leap days", () => {
    expect(daysBetween("2026-03-07", "2026-03-09")).toBe(2);
    expect(daysBetween("2026-11-02", "2026-10-31")).toBe(-2);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(addDays("2027-03-31", -7)).toBe("2027-03-24");
  });

  it("labels ISO weeks by their week-year", () => {
    expect(isoWeekOf("2026-11-30")).toBe("2026-W49");
    expect(isoWeekOf("2026-12-31")).toBe("2026-W53");
    expect(isoWeekOf("2027-01-01")).toBe("2026-W53");
    expect(isoWeekOf("2027-01-03")).toBe("2026-W53");
    expect(isoWeekOf("2027-01-04")).toBe("2027-W01");
    expect(isoWeekOf("2020-12-31")).toBe("2020-W53");
    expect(isoWeekOf("2021-01-03")).toBe("2020-W53");
    expect(isoWeekOf("2024-12-30")).toBe("2025-W01");
    expect(isoWeekOf("2026-01-01")).toBe("2026-W01");
  });

  it("property: the seven days from a Monday share one ISO week, the next Monday starts another", () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const monday = addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
        const label = isoWeekOf(monday);
        for (let i = 1; i < 7; i++) expect(isoWeekOf(addDays(monday, i))).toBe(label);
        expect(isoWeekOf(addDays(monday, 7))).not.toBe(label);
        expect(label).toMatch(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/);
      }),
    );
  });
});

describe("cycle reminders", () => {
  const q1 = { endsOn: "2027-03-31", daysBefore: [7, 2], sendHour: 9 };

  it("sends the 7-day and 2-day reminders of a cycle ending on the quarter's last day", () => {
    expect(dueReminder({ ...q1, today: "2027-03-23", hour: 23 })).toBeNull();
    expect(dueReminder({ ...q1, today: "2027-03-24", hour: 8 })).toBeNull();
    expect(dueReminder({ ...q1, today: "2027-03-24", hour: 9 })).toEqual({ daysBefore: 7, daysLeft: 7 });
    expect(dueReminder({ ...q1, today: "2027-03-28", hour: 23 })).toEqual({ daysBefore: 7, daysLeft: 3 });
    expect(dueReminder({ ...q1, today: "2027-03-29", hour: 8 })).toEqual({ daysBefore: 7, daysLeft: 2 });
    expect(dueReminder({ ...q1, today: "2027-03-29", hour: 9 })).toEqual({ daysBefore: 2, daysLeft: 2 });
    expect(dueReminder({ ...q1, today: "2027-03-31", hour: 0 })).toEqual({ daysBefore: 2, daysLeft: 0 });
    expect(dueReminder({ ...q1, today: "2027-04-01", hour: 9 })).toBeNull();
  });

  it("skips straight to the 2-day reminder after missing the 7-day one", () => {
    expect(dueReminder({ ...q1, today: "2027-03-29", hour: 15 })).toEqual({ daysBefore: 2, daysLeft: 2 });
  });

  it("sends nothing without reminder days, and a 0-day reminder on the closing day", () => {
    expect(dueReminder({ ...q1, daysBefore: [], today: "2027-03-30", hour: 12 })).toBeNull();
    expect(dueReminder({ ...q1, daysBefore: [0], today: "2027-03-30", hour: 12 })).toBeNull();
    expect(dueReminder({ ...q1, daysBefore: [0], today: "2027-03-31", hour: 9 })).toEqual({
      daysBefore: 0,
      daysLeft: 0,
    });
  });

  const cycleArb = fc.record({
    endsOn: dateArb,
    daysBefore: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 5 }),
    sendHour: fc.integer({ min: 0, max: 23 }),
  });

  it("property: agrees with comparing each reminder's moment to now, and never fires after the close", () => {
    fc.assert(
      fc.property(cycleArb, fc.integer({ min: -40, max: 5 }), fc.integer({ min: 0, max: 23 }), (c, offset, hour) => {
        const today = addDays(c.endsOn, offset);
        const got = dueReminder({ ...c, today, hour });
        const moment = (d: number) => [addDays(c.endsOn, -d), c.sendHour] as const;
        const come = c.daysBefore.filter((d) => {
          const [day, h] = moment(d);
          return day < today || (day === today && h <= hour);
        });
        if (offset > 0 || come.length === 0) {
          expect(got).toBeNull();
        } else {
          expect(got).toEqual({ daysBefore: Math.min(...come), daysLeft: Math.abs(offset) });
          expect(c.daysBefore).toContain(got?.daysBefore);
        }
      }),
    );
  });

  it("property: asked hourly, the reminder returned never goes back up, and stays due until the close", () => {
    fc.assert(
      fc.property(cycleArb, fc.integer({ min: 0, max: 35 }), (c, lead) => {
        let previous: number | null = null;
        for (let day = -lead; day <= 2; day++) {
          for (let hour = 0; hour < 24; hour++) {
            const got = dueReminder({ ...c, today: addDays(c.endsOn, day), hour });
            if (day > 0) expect(got).toBeNull();
            else if (previous !== null) expect(got?.daysBefore).toBeLessThanOrEqual(previous);
            if (got) previous = got.daysBefore;
          }
        }
      }),
    );
  });

  it("property: asked daily at sendHour, each reminder from the first day asked is sent on its own day", () => {
    fc.assert(
      fc.property(cycleArb, fc.integer({ min: 0, max: 35 }), (c, lead) => {
        const first = addDays(c.endsOn, -lead);
        const sent = new Set<number>();
        for (let day = first; day <= c.endsOn; day = addDays(day, 1)) {
          const got = dueReminder({ ...c, today: day, hour: c.sendHour });
          if (!got) continue;
          expect(c.daysBefore).toContain(got.daysBefore);
          sent.add(got.daysBefore);
          if (c.daysBefore.includes(daysBetween(day, c.endsOn))) expect(got.daysBefore).toBe(got.daysLeft);
        }
        for (const d of c.daysBefore) if (d <= lead) expect(sent).toContain(d);
      }),
    );
  });
});

describe("lead digest", () => {
  const taipeiMonday9 = { timeZone: "Asia/Taipei", weekday: 1, hour: 9 };

  it("is due for 24 hours from Monday 09:00 in Taipei", () => {
    expect(dueDigest(utc("2026-11-30T00:59:59Z"), taipeiMonday9)).toBeNull();
    expect(dueDigest(utc("2026-11-30T01:00:00Z"), taipeiMonday9)).toEqual({
      week: "2026-W49",
      at: utc("2026-11-30T01:00:00Z"),
    });
    expect(dueDigest(utc("2026-12-01T00:59:59Z"), taipeiMonday9)?.week).toBe("2026-W49");
    expect(dueDigest(utc("2026-12-01T01:00:00Z"), taipeiMonday9)).toBeNull();
  });

  it("labels a Sunday-night slot with the slot's week, even once the next week has begun", () => {
    const sunday23 = { timeZone: "Asia/Taipei", weekday: 0, hour: 23 };
    expect(dueDigest(utc("2027-01-04T02:00:00Z"), sunday23)).toEqual({
      week: "2026-W53",
      at: utc("2027-01-03T15:00:00Z"),
    });
  });

  it("moves with New York's clocks, and sends a slot in the missing hour at 03:00 EDT", () => {
    const sunday2 = { timeZone: "America/New_York", weekday: 0, hour: 2 };
    expect(dueDigest(utc("2026-03-01T08:00:00Z"), sunday2)?.at).toEqual(utc("2026-03-01T07:00:00Z"));
    expect(dueDigest(utc("2026-03-08T06:59:00Z"), sunday2)).toBeNull();
    expect(dueDigest(utc("2026-03-08T07:00:00Z"), sunday2)).toEqual({
      week: "2026-W10",
      at: utc("2026-03-08T07:00:00Z"),
    });
    expect(dueDigest(utc("2026-03-15T06:00:00Z"), sunday2)?.at).toEqual(utc("2026-03-15T06:00:00Z"));
    const monday9 = { timeZone: "America/New_York", weekday: 1, hour: 9 };
    expect(dueDigest(utc("2026-11-02T14:00:00Z"), monday9)?.at).toEqual(utc("2026-11-02T14:00:00Z"));
    expect(dueDigest(utc("2026-11-02T13:30:00Z"), monday9)).toBeNull();
  });

  it("sends the repeated 01:00 of New York's fall-back once, at the first", () => {
    const sunday1 = { timeZone: "America/New_York", weekday: 0, hour: 1 };
    expect(dueDigest(utc("2026-11-01T06:30:00Z"), sunday1)?.at).toEqual(utc("2026-11-01T05:00:00Z"));
  });

  const slotArb = fc.record({
    timeZone: zoneArb,
    weekday: fc.integer({ min: 0, max: 6 }),
    hour: hourArb,
  });
  const instantArb = fc.oneof(
    fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
    fc.integer({ min: Date.UTC(2026, 2, 1), max: Date.UTC(2026, 2, 31) }),
    fc.integer({ min: Date.UTC(2026, 9, 20), max: Date.UTC(2026, 10, 10) }),
  );

  it("property: the slot is at or before now, under 24 h ago, on the right weekday and hour", () => {
    fc.assert(
      fc.property(instantArb, slotArb, (t, s) => {
        const got = dueDigest(new Date(t), s);
        if (!got) return;
        const at = got.at.getTime();
        expect(at).toBeLessThanOrEqual(t);
        expect(t - at).toBeLessThan(DAY);
        const p = zonedParts(got.at, s.timeZone);
        expect(p.weekday).toBe(s.weekday);
        expect(got.week).toBe(isoWeekOf(p.date));
        if (p.hour !== s.hour || p.minute !== 0) {
          // Only when the slot's hour does not exist that day: `at` is the end of the gap.
          const wall = Date.parse(`${p.date}T00:00:00Z`) + s.hour * HOUR;
          expect(wallOf(at, s.timeZone)).toBeGreaterThan(wall);
          expect(wallOf(at - MINUTE, s.timeZone)).toBeLessThan(wall);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it("property: as now advances over three weeks, each week's digest is due for exactly one 24 h stretch", () => {
    const STEP = 20 * MINUTE;
    fc.assert(
      fc.property(instantArb, slotArb, (start, s) => {
        const samples: { t: number; at: number | null; week: string | null }[] = [];
        for (let t = start; t < start + 21 * DAY; t += STEP) {
          const got = dueDigest(new Date(t), s);
          samples.push({ t, at: got?.at.getTime() ?? null, week: got?.week ?? null });
        }
        const slots: number[] = [];
        const weeks = new Set<string>();
        samples.forEach(({ at, week }, i) => {
          if (at === null || week === null || samples[i - 1]?.week === week) return;
          expect(weeks).not.toContain(week); // a label comes back only if its stretch was interrupted
          weeks.add(week);
          slots.push(at);
        });
        for (const { t, at } of samples) expect(at).toBe(slots.find((a) => a <= t && t < a + DAY) ?? null);
        expect(slots.length).toBeGreaterThanOrEqual(2);
        expect(slots[0]).toBeLessThanOrEqual(start + 7 * DAY + HOUR);
        // A week apart, give or take a DST shift.
        for (const [i, a] of slots.slice(1).entries())
          expect(Math.abs(a - (slots[i] ?? NaN) - 7 * DAY)).toBeLessThanOrEqual(HOUR);
      }),
      { numRuns: 25 },
    );
  });
});

describe("retries", () => {
  const o = { baseMs: 1_000, capMs: 60_000 };

  it("doubles the fixed half per attempt, with the other half random, up to the cap", () => {
    expect(retryDelayMs(1, o, () => 0)).toBe(500);
    expect(retryDelayMs(1, o, () => 0.5)).toBe(750);
    expect(retryDelayMs(3, o, () => 0.5)).toBe(3_000);
    expect(retryDelayMs(6, o, () => 0)).toBe(16_000);
    expect(retryDelayMs(7, o, () => 0)).toBe(30_000);
    expect(retryDelayMs(50, o, () => 0.999)).toBeCloseTo(59_970);
    expect(retryDelayMs(5_000, o, () => 0)).toBe(30_000);
  });

  it("refuses nonsense attempts and options", () => {
    expect(() => retryDelayMs(0, o)).toThrow(RangeError);
    expect(() => retryDelayMs(1.5, o)).toThrow(RangeError);
    expect(() => retryDelayMs(1, { baseMs: 0, capMs: 10 })).toThrow(RangeError);
    expect(() => retryDelayMs(1, { baseMs: 100, capMs: 10 })).toThrow(RangeError);
  });

  const optionsArb = fc
    .record({ baseMs: fc.integer({ min: 1, max: 60_000 }), factor: fc.integer({ min: 1, max: 1_000 }) })
    .map(({ baseMs, factor }) => ({ baseMs, capMs: baseMs * factor }));
  const randomArb = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

  it("property: stays within [baseMs/2, capMs] and never shrinks from one attempt to the next", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000 }), optionsArb, randomArb, (attempt, opts, r) => {
        const delay = retryDelayMs(attempt, opts, () => r);
        expect(delay).toBeGreaterThanOrEqual(opts.baseMs / 2);
        expect(delay).toBeLessThanOrEqual(opts.capMs);
        expect(retryDelayMs(attempt + 1, opts, () => r)).toBeGreaterThanOrEqual(delay);
        expect(retryDelayMs(attempt, opts, () => 0)).toBe(Math.min(opts.capMs, opts.baseMs * 2 ** (attempt - 1)) / 2);
      }),
    );
  });

  it("property: the default random() keeps the bounds too", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), optionsArb, (attempt, opts) => {
        const delay = retryDelayMs(attempt, opts);
        expect(delay).toBeGreaterThanOrEqual(opts.baseMs / 2);
        expect(delay).toBeLessThanOrEqual(opts.capMs);
      }),
    );
  });
});

describe("batched validation emails", () => {
  const o = { windowMs: 5 * MINUTE, gapMs: HOUR };

  it("waits out the batch window, and an hour after the previous email", () => {
    expect(batchDueAt(utc("2026-11-30T10:00:00Z"), null, o)).toEqual(utc("2026-11-30T10:05:00Z"));
    expect(batchDueAt(utc("2026-11-30T10:00:00Z"), utc("2026-11-30T09:30:00Z"), o)).toEqual(
      utc("2026-11-30T10:30:00Z"),
    );
    expect(batchDueAt(utc("2026-11-30T10:00:00Z"), utc("2026-11-30T08:00:00Z"), o)).toEqual(
      utc("2026-11-30T10:05:00Z"),
    );
  });

  it("property: due no sooner than now + window and previous + gap, and no later than the later of them", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4e12 }),
        fc.option(fc.integer({ min: 0, max: 4e12 }), { nil: null }),
        fc.integer({ min: 0, max: DAY }),
        fc.integer({ min: 0, max: DAY }),
        (now, prev, windowMs, gapMs) => {
          const due = batchDueAt(new Date(now), prev === null ? null : new Date(prev), { windowMs, gapMs }).getTime();
          expect(due).toBeGreaterThanOrEqual(now + windowMs);
          if (prev !== null) expect(due).toBeGreaterThanOrEqual(prev + gapMs);
          expect(due).toBe(Math.max(now + windowMs, prev === null ? -Infinity : prev + gapMs));
        },
      ),
    );
  });
});
