// Quarters are the unit of freshness and planning: "2026-Q4". Pure and in UTC
// so the server, the seed and the tests agree on boundaries.

export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;
export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

export function quarterOf(date: Date): Quarter {
  return `${date.getUTCFullYear()}-Q${(Math.floor(date.getUTCMonth() / 3) + 1) as 1 | 2 | 3 | 4}`;
}

export function parseQuarter(q: string): { year: number; q: 1 | 2 | 3 | 4 } {
  const m = QUARTER_PATTERN.exec(q);
  if (!m) throw new Error(`Not a quarter: ${q} (expected e.g. 2026-Q4)`);
  return { year: Number(m[1]), q: Number(m[2]) as 1 | 2 | 3 | 4 };
}

export function quarterStart(q: string): Date {
  const { year, q: n } = parseQuarter(q);
  return new Date(Date.UTC(year, (n - 1) * 3, 1));
}

/** The last instant of the quarter. */
export function quarterEnd(q: string): Date {
  const { year, q: n } = parseQuarter(q);
  return new Date(Date.UTC(year, n * 3, 1) - 1);
}

export function addQuarters(q: string, delta: number): Quarter {
  const { year, q: n } = parseQuarter(q);
  const index = year * 4 + (n - 1) + delta;
  return `${Math.floor(index / 4)}-Q${((index % 4) + 1) as 1 | 2 | 3 | 4}`;
}

/** The `count` quarters ending with `last`, oldest first. */
export function lastQuarters(last: string, count: number): Quarter[] {
  return Array.from({ length: count }, (_, i) => addQuarters(last, i - count + 1));
}
