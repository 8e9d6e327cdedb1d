import { addWorkingDays as addOnCalendar, isIsoDate, weekday, type WorkCalendar } from '../../../../../shared/src/calendar/working-days.ts';
import { countingError, type CountingError } from './errors.ts';
import { fail, ok, type Result } from './types.ts';

// Deadlines that follow a closed election, on calendar dates (YYYY-MM-DD) with pure
// arithmetic: no clock, no time zone. The working-day calendar is an input (worked example 16).
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

function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

function parseIso(s: IsoDate): Civil | null {
  if (!isIsoDate(s)) return null;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

function formatIso({ y, m, d }: Civil): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): Result<number, CountingError> {
  if (!isIsoDate(date)) return fail(countingError('INVALID_DATE', { date }));
  return ok(weekday(date));
}

/**
 * The n-th working day after `start` (the start day itself is not counted), on the one
 * working-day calendar of the project (shared/src/calendar: weekends, dated holidays and
 * make-up Saturdays), wrapped in this folder's Result and error codes.
 */
export function addWorkingDays(start: IsoDate, n: number, calendar: WorkCalendar): Result<IsoDate, CountingError> {
  if (!isIsoDate(start)) return fail(countingError('INVALID_DATE', { date: start }));
  if (!Number.isSafeInteger(n) || n < 0) return fail(countingError('NOT_A_COUNT', { field: 'n', value: n }));
  return ok(addOnCalendar(calendar, start, n));
}

/** Same day `months` later, clamped to the month's last day (29/8 + 6 months → 28/2 in a common year). */
export function addMonthsClamped(date: IsoDate, months: number): Result<IsoDate, CountingError> {
  const c = parseIso(date);
  if (!c) return fail(countingError('INVALID_DATE', { date }));
  const index = c.y * 12 + (c.m - 1) + months;
  const y = Math.floor(index / 12);
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

export function resultDeadlines(closing: IsoDate, calendar: WorkCalendar): Result<ResultDeadlines, CountingError> {
  const complaints = addWorkingDays(closing, COMPLAINT_WORKING_DAYS, calendar);
  if (!complaints.ok) return complaints;
  const report = addWorkingDays(closing, REPORT_WORKING_DAYS, calendar);
  if (!report.ok) return report;
  const kept = addMonthsClamped(closing, BALLOT_RETENTION_MONTHS);
  if (!kept.ok) return kept;
  return ok({ complaintsUntil: complaints.value, reportDue: report.value, ballotsKeptUntil: kept.value });
}

/** The upper committee approves (chuẩn y) by (QĐ 294 mục 16.1.2), counted from receiving the report. */
export function approvalDue(reportReceived: IsoDate, calendar: WorkCalendar): Result<IsoDate, CountingError> {
  return addWorkingDays(reportReceived, APPROVAL_WORKING_DAYS, calendar);
}
