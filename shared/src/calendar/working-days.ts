/**
 * Calendar dates (YYYY-MM-DD) and working days, as plain functions: no clock, no time zone.
 * A working day is Monday–Friday that is not a listed day off, or a Saturday listed as a
 * make-up working day (ngày làm bù). The holidays are data (holidays.ts), passed in.
 */
import type { HolidayYear } from './vietnam-holidays.ts';

export type IsoDate = string;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01, or null when the text is not a real calendar date. */
export function dayNumber(date: IsoDate): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / DAY_MS);
}

export function isIsoDate(date: unknown): date is IsoDate {
  return typeof date === 'string' && dayNumber(date) !== null;
}

function must(date: IsoDate): number {
  const n = dayNumber(date);
  if (n === null) throw new RangeError(`not a date: ${date}`);
  return n;
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** b − a in calendar days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return must(b) - must(a);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(must(date) + n);
}

/** 1 = Monday … 7 = Sunday. */
export function weekday(date: IsoDate): number {
  const n = must(date);
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);

export type WorkCalendar = {
  readonly off: ReadonlySet<IsoDate>;
  readonly workdays: ReadonlySet<IsoDate>;
  /** Years the data covers, and whether each is complete. */
  readonly years: ReadonlyMap<number, { complete: boolean; notes: readonly string[] }>;
};

export function buildCalendar(years: readonly HolidayYear[], extraOffDays: readonly IsoDate[] = []): WorkCalendar {
  const off = new Set<IsoDate>();
  const workdays = new Set<IsoDate>();
  const cover = new Map<number, { complete: boolean; notes: readonly string[] }>();
  for (const y of years) {
    for (const d of y.off) off.add(d.date);
    for (const w of y.workdays) workdays.add(w.date);
    cover.set(y.year, { complete: y.complete, notes: y.notes });
  }
  for (const d of extraOffDays) off.add(d);
  return { off, workdays, years: cover };
}

export function isWorkingDay(cal: WorkCalendar, date: IsoDate): boolean {
  if (cal.workdays.has(date)) return true;
  const wd = weekday(date);
  if (wd >= 6) return false;
  return !cal.off.has(date);
}

/** The n-th working day after `start` (the start day itself is not counted): worked example 16. */
export function addWorkingDays(cal: WorkCalendar, start: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('n must be a count');
  let day = must(start);
  let counted = 0;
  while (counted < n) {
    day += 1;
    if (isWorkingDay(cal, fromDayNumber(day))) counted += 1;
  }
  return fromDayNumber(day);
}

/** The n-th working day before `end` (the end day itself is not counted). */
export function subtractWorkingDays(cal: WorkCalendar, end: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('n must be a count');
  let day = must(end);
  let counted = 0;
  while (counted < n) {
    day -= 1;
    if (isWorkingDay(cal, fromDayNumber(day))) counted += 1;
  }
  return fromDayNumber(day);
}

/** Working days d with from ≤ d < to (0 when to ≤ from). */
export function workingDaysFrom(cal: WorkCalendar, from: IsoDate, to: IsoDate): number {
  const a = must(from);
  const b = must(to);
  let n = 0;
  for (let d = a; d < b; d++) if (isWorkingDay(cal, fromDayNumber(d))) n += 1;
  return n;
}

/** Years between two dates whose holiday data is missing or not confirmed: the UI says so. */
export function calendarGaps(cal: WorkCalendar, from: IsoDate, to: IsoDate): { year: number; missing: boolean; notes: readonly string[] }[] {
  const out: { year: number; missing: boolean; notes: readonly string[] }[] = [];
  const y0 = Number(minDate(from, to).slice(0, 4));
  const y1 = Number(maxDate(from, to).slice(0, 4));
  for (let y = y0; y <= y1; y++) {
    const c = cal.years.get(y);
    if (!c) out.push({ year: y, missing: true, notes: [] });
    else if (!c.complete) out.push({ year: y, missing: false, notes: c.notes });
  }
  return out;
}
