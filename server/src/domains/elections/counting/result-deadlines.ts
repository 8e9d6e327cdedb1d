import { countingError, type CountingError } from './errors.ts';
import { floorDiv } from './integers.ts';
import { fail, ok, type Result } from './types.ts';

// Deadlines that follow a closed election, on calendar dates (YYYY-MM-DD) with pure
// integer arithmetic: no clock, no time zone. The holiday calendar is an input
// (worked example 16), weekends are Saturday and Sunday.
//   - complaints: 15 working days from the closing day (QĐ 190 Đ33 K1)
//   - results reported upward: 7 working days from closing (QĐ 294 mục 16.1.1)
//   - approval (chuẩn y): 15 working days from receiving the report (QĐ 294 mục 16.1.2)
//   - ballots kept sealed at least 6 months (QĐ 190 Đ35)

export type IsoDate = string;

interface Civil {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian), day 0 = 1970-01-01.
function daysFromCivil({ y, m, d }: Civil): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = floorDiv(yy >= 0 ? yy : yy - 399, 400);
  const yoe = yy - era * 400;
  const doy = floorDiv(153 * (m + (m > 2 ? -3 : 9)) + 2, 5) + d - 1;
  const doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z0: number): Civil {
  const z = z0 + 719468;
  const era = floorDiv(z >= 0 ? z : z - 146096, 146097);
  const doe = z - era * 146097;
  const yoe = floorDiv(doe - floorDiv(doe, 1460) + floorDiv(doe, 36524) - floorDiv(doe, 146096), 365);
  const doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100));
  const mp = floorDiv(5 * doy + 2, 153);
  const d = doy - floorDiv(153 * mp + 2, 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

function parseIso(s: IsoDate): Civil | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(s);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

function formatIso({ y, m, d }: Civil): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(date: IsoDate): Result<number, CountingError> {
  const c = parseIso(date);
  if (!c) return fail(countingError('INVALID_DATE', { date }));
  return ok((((daysFromCivil(c) + 3) % 7) + 7) % 7 + 1);
}

/** The n-th working day after `start` (the start day itself is not counted). */
export function addWorkingDays(start: IsoDate, n: number, holidays: readonly IsoDate[]): Result<IsoDate, CountingError> {
  const c = parseIso(start);
  if (!c) return fail(countingError('INVALID_DATE', { date: start }));
  if (!Number.isSafeInteger(n) || n < 0) return fail(countingError('NOT_A_COUNT', { field: 'n', value: n }));
  const off = new Set<number>();
  for (const h of holidays) {
    const hc = parseIso(h);
    if (!hc) return fail(countingError('INVALID_DATE', { date: h }));
    off.add(daysFromCivil(hc));
  }
  let day = daysFromCivil(c);
  let counted = 0;
  while (counted < n) {
    day += 1;
    const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday … 6 = Sunday
    if (weekday < 5 && !off.has(day)) counted += 1;
  }
  return ok(formatIso(civilFromDays(day)));
}

/** Same day `months` later, clamped to the month's last day (29/8 + 6 months → 28/2 in a common year). */
export function addMonthsClamped(date: IsoDate, months: number): Result<IsoDate, CountingError> {
  const c = parseIso(date);
  if (!c) return fail(countingError('INVALID_DATE', { date }));
  const index = c.y * 12 + (c.m - 1) + months;
  const y = floorDiv(index, 12);
  const m = index - y * 12 + 1;
  return ok(formatIso({ y, m, d: Math.min(c.d, daysInMonth(y, m)) }));
}

export const COMPLAINT_WORKING_DAYS = 15;
export const REPORT_WORKING_DAYS = 7;
export const APPROVAL_WORKING_DAYS = 15;
export const BALLOT_RETENTION_MONTHS = 6;

export interface ResultDeadlines {
  /** Last day to file a complaint about the election (QĐ 190 Đ33 K1). */
  readonly complaintsUntil: IsoDate;
  /** The new committee reports the minutes upward by (QĐ 294 mục 16.1.1). */
  readonly reportDue: IsoDate;
  /** Sealed ballots are kept at least until (QĐ 190 Đ35). */
  readonly ballotsKeptUntil: IsoDate;
}

export function resultDeadlines(closing: IsoDate, holidays: readonly IsoDate[]): Result<ResultDeadlines, CountingError> {
  const complaints = addWorkingDays(closing, COMPLAINT_WORKING_DAYS, holidays);
  if (!complaints.ok) return complaints;
  const report = addWorkingDays(closing, REPORT_WORKING_DAYS, holidays);
  if (!report.ok) return report;
  const kept = addMonthsClamped(closing, BALLOT_RETENTION_MONTHS);
  if (!kept.ok) return kept;
  return ok({ complaintsUntil: complaints.value, reportDue: report.value, ballotsKeptUntil: kept.value });
}

/** The upper committee approves (chuẩn y) by (QĐ 294 mục 16.1.2), counted from receiving the report. */
export function approvalDue(reportReceived: IsoDate, holidays: readonly IsoDate[]): Result<IsoDate, CountingError> {
  return addWorkingDays(reportReceived, APPROVAL_WORKING_DAYS, holidays);
}
