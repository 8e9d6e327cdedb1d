import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../../../../shared/src/calendar/working-days.ts';
import { addMonthsClamped, addWorkingDays as addWorkingDaysOn, approvalDue, isoWeekday, resultDeadlines } from './result-deadlines.ts';

/** Days off as a calendar: the tests speak in holiday lists. */
const cal = (off: readonly string[]) => buildCalendar([], off);
const addWorkingDays = (start: string, n: number, off: readonly string[]) => addWorkingDaysOn(start, n, cal(off));

// The oracle uses the JavaScript Date in UTC (allowed in tests; the code itself is pure arithmetic).
function isoOf(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}
function oracleAddWorkingDays(start: string, n: number, holidays: readonly string[]): string {
  let t = Date.parse(`${start}T00:00:00Z`);
  let counted = 0;
  while (counted < n) {
    t += 86_400_000;
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6 && !holidays.includes(isoOf(t))) counted += 1;
  }
  return isoOf(t);
}

const dateArb = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 11, 31) }).map((t) => isoOf(t - (t % 86_400_000)));

describe('calendar arithmetic', () => {
  it('weekdays of known dates', () => {
    expect([isoWeekday('2025-08-29'), isoWeekday('1970-01-01'), isoWeekday('2000-02-29'), isoWeekday('2026-01-19')].map((r) => r.ok && r.value)).toEqual([5, 4, 2, 1]);
  });

  it('property: addWorkingDays equals a day-by-day Date oracle', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 40 }), fc.array(dateArb, { maxLength: 5 }), (start, n, holidays) => {
        const r = addWorkingDays(start, n, holidays);
        expect(r.ok && r.value).toBe(oracleAddWorkingDays(start, n, holidays));
      }),
    );
  });

  it('property: addMonthsClamped keeps the day or clamps to the month end', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 24 }), (date, months) => {
        const r = addMonthsClamped(date, months);
        if (!r.ok) throw new Error(r.error.code);
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        const target = new Date(Date.UTC(y, m - 1 + months, 1));
        const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
        expect(r.value).toBe(isoOf(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, last))));
      }),
    );
  });

  it('refuses impossible dates', () => {
    expect(addWorkingDays('2025-02-29', 1, []).ok).toBe(false);
    expect(addWorkingDays('2024-02-29', 1, []).ok).toBe(true);
    expect(addMonthsClamped('29/08/2025', 6).ok).toBe(false);
  });
});

describe('deadlines after the election', () => {
  it('report within 7 working days, approval within 15 working days of the report (QĐ 294 mục 16.1)', () => {
    const r = resultDeadlines('2025-08-29', cal(['2025-09-01', '2025-09-02']));
    expect(r.ok && r.value.reportDue).toBe('2025-09-11');
    const a = approvalDue('2025-09-11', cal([]));
    expect(a.ok && a.value).toBe('2025-10-02');
  });
});
