// When reminders, digests, retries and batched emails are due: pure time logic
// the scheduler calls (issue 18). Calendar dates are "YYYY-MM-DD" strings in the
// org's time zone; instants are Dates. Only Intl knows the zone rules, so every
// wall-clock reading goes through it, and dates are counted on UTC midnights so
// that DST never makes a "day" 23 or 25 hours long.

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Is this an IANA time zone Intl knows ("Asia/Taipei", "UTC")? */
export function isValidTimeZone(tz: string): boolean {
  if (!tz) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

// Building a formatter is far slower than using one, and the scheduler asks about a handful of zones.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23", // "h23", not hour12: false, which some engines render midnight as "24"
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at instant `t`, as the UTC epoch milliseconds that read the same (whole seconds). */
function wallClockMs(t: number, timeZone: string): number {
  const n = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatterFor(timeZone).formatToParts(t))
    if (p.type in n) n[p.type as keyof typeof n] = Number(p.value);
  return Date.UTC(n.year, n.month - 1, n.day, n.hour, n.minute, n.second);
}

/** The wall-clock date (YYYY-MM-DD), weekday (0 = Sunday … 6) and hour (0–23) of `now` in the time zone (DST-correct, via Intl). */
export function zonedParts(
  now: Date,
  timeZone: string,
): { date: string; weekday: number; hour: number; minute: number } {
  const wall = new Date(wallClockMs(now.getTime(), timeZone));
  return {
    date: formatDate(wall),
    weekday: wall.getUTCDay(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
  };
}

/** The UTC instant at which the wall clock in `timeZone` reads `date` `hour`:00 (for a DST gap hour, the first instant after it; for an ambiguous hour, the earlier). */
export function zonedTimeToUtc(date: string, hour: number, timeZone: string): Date {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`Not an hour: ${hour}`);
  const wall = parseDate(date) + hour * HOUR_MS;
  // The offsets a day either side: the instant sought lies within ±14 h of `wall`, so between
  // them they cover the offset before and after any one transition near it.
  const offsets = [wall - DAY_MS, wall + DAY_MS].map((t) => wallClockMs(t, timeZone) - t);
  const exact = offsets.map((o) => wall - o).filter((t) => wallClockMs(t, timeZone) === wall);
  if (exact.length > 0) return new Date(Math.min(...exact)); // ambiguous: the earlier
  return new Date(firstInstantReading(wall, timeZone, wall - Math.max(...offsets), wall - Math.min(...offsets)));
}

/**
 * The first instant in (lo, hi] whose wall clock reads `wall` or later, when `lo` reads earlier and `hi` later:
 * inside a DST gap that is the transition itself. Binary search over whole seconds.
 */
function firstInstantReading(wall: number, timeZone: string, lo: number, hi: number): number {
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (wallClockMs(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Milliseconds at UTC midnight of a strict YYYY-MM-DD calendar date; throws on anything else (2026-02-30 too). */
export function parseDate(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (Number.isNaN(ms) || formatDate(new Date(ms)) !== date) throw new RangeError(`Not a date: ${date}`);
  return ms;
}

function formatDate(utcMidnight: Date): string {
  return utcMidnight.toISOString().slice(0, 10);
}

/** The calendar date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return formatDate(new Date(parseDate(date) + days * DAY_MS));
}

/** Days from date a to date b (YYYY-MM-DD, calendar days, may be negative). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseDate(b) - parseDate(a)) / DAY_MS);
}

/** The ISO-8601 week label of a calendar date, e.g. "2026-W49" (week-year, so 2027-01-01 may be "2026-W53"). */
export function isoWeekOf(date: string): string {
  const day = parseDate(date);
  const mondayBased = (new Date(day).getUTCDay() + 6) % 7;
  // A week belongs to the year its Thursday falls in; week 1 is the one holding the year's first Thursday.
  const thursday = new Date(day + (3 - mondayBased) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${String(year).padStart(4, "0")}-W${String(week).padStart(2, "0")}`;
}

/**
 * Which cycle reminder is due now. Reminders go out `daysBefore` days before the cycle's planned close (endsOn, a date in the org's zone), at or after sendHour on that day.
 * Returns the reminder to send: the smallest d in daysBefore whose moment (day endsOn − d, at sendHour) has come, with daysLeft = daysBetween(today, endsOn);
 * null when none has come yet, or when today is after endsOn (the cycle is past its planned close), or daysBefore is empty.
 * (If the server was down for the 7-day one and comes back at 2 days left, only the 2-day one is due: the caller keys by d, so each d is sent at most once.)
 */
export function dueReminder(input: {
  endsOn: string;
  daysBefore: number[];
  today: string;
  hour: number;
  sendHour: number;
}): { daysBefore: number; daysLeft: number } | null {
  const daysLeft = daysBetween(input.today, input.endsOn);
  if (daysLeft < 0) return null;
  const hasCome = (d: number) => daysLeft < d || (daysLeft === d && input.hour >= input.sendHour);
  const come = input.daysBefore.filter(hasCome);
  return come.length > 0 ? { daysBefore: Math.min(...come), daysLeft } : null;
}

/**
 * The weekly digest due now: the latest slot (weekday at hour:00 in timeZone) at or before now, if now is less than 24 h after it; else null.
 * `week` is the ISO week label of the slot's local date; `at` the slot's instant.
 */
export function dueDigest(
  now: Date,
  s: { timeZone: string; weekday: number; hour: number },
): { week: string; at: Date } | null {
  const local = zonedParts(now, s.timeZone);
  // This week's slot day (today or up to six days back); if its hour has not come yet, last week's.
  let date = addDays(local.date, -((local.weekday - s.weekday + 7) % 7));
  let at = zonedTimeToUtc(date, s.hour, s.timeZone);
  if (at.getTime() > now.getTime()) {
    date = addDays(date, -7);
    at = zonedTimeToUtc(date, s.hour, s.timeZone);
  }
  return now.getTime() - at.getTime() < DAY_MS ? { week: isoWeekOf(date), at } : null;
}

/** The outboxes' retry policy (email and webhooks): 30 s doubling to 1 h, given up after 8 attempts. */
export const DEFAULT_RETRY = { baseMs: 30_000, capMs: 3_600_000, maxAttempts: 8 };

/** The delay before retry `attempt` (1 = after the first failure): baseMs·2^(attempt−1) capped at capMs, with "equal jitter": half of it fixed, half random (random() in [0,1)). Never below baseMs/2, never above capMs. */
export function retryDelayMs(
  attempt: number,
  o: { baseMs: number; capMs: number },
  random: () => number = Math.random,
): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`Not a retry attempt: ${attempt}`);
  if (!(o.baseMs > 0) || !(o.capMs >= o.baseMs)) throw new RangeError("Retry needs 0 < baseMs ≤ capMs");
  // 2^(attempt−1) overflows to Infinity for huge attempts; the cap absorbs it.
  const ceiling = Math.min(o.capMs, o.baseMs * 2 ** (attempt - 1));
  // Clamp a misbehaving random() (NaN too) so the bounds hold whatever it returns.
  const r = Math.min(Math.max(random(), 0), 1) || 0;
  return ceiling / 2 + (ceiling / 2) * r;
}

/** When a batched "validation recorded" email may go: after the batch window from now, and no sooner than `gapMs` after the previous email to the same person was due. */
export function batchDueAt(now: Date, previousDueAt: Date | null, o: { windowMs: number; gapMs: number }): Date {
  const afterWindow = now.getTime() + o.windowMs;
  const afterGap = previousDueAt ? previousDueAt.getTime() + o.gapMs : -Infinity;
  return new Date(Math.max(afterWindow, afterGap));
}
