import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, buildCalendar, calendarGaps, dayNumber, isWorkingDay, subtractWorkingDays, weekday, workingDaysFrom } from './working-days.ts';
import { HOLIDAY_DATA_YEARS, vietnamHolidays } from './vietnam-holidays.ts';

const cal = buildCalendar(vietnamHolidays);
const bare = buildCalendar([]);

// Oracle with the JavaScript Date in UTC, day by day (tests only).
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
function oracleIsWorking(date: string, off: Set<string>, work: Set<string>) {
  if (work.has(date)) return true;
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6 && !off.has(date);
}
const dateArb = fc.integer({ min: Date.UTC(2018, 0, 1), max: Date.UTC(2027, 11, 31) }).map((t) => iso(t - (t % 86_400_000)));

describe('holiday data (2019–2026)', () => {
  it('covers every year from 2019 to 2026, each with Tết and Hùng Kings (or its compensatory day)', () => {
    const years = vietnamHolidays.map((y) => y.year);
    expect(years).toEqual(Array.from({ length: HOLIDAY_DATA_YEARS.to - HOLIDAY_DATA_YEARS.from + 1 }, (_, i) => HOLIDAY_DATA_YEARS.from + i));
    for (const y of vietnamHolidays) {
      expect(y.off.filter((d) => d.name === 'Tết Nguyên đán')).toHaveLength(5);
      expect(y.off.some((d) => d.name.includes('Hùng Vương')) || y.year === 2023).toBe(true);
      expect(y.sources.length).toBeGreaterThan(0);
    }
  });

  it('lists real dates only: days off are Monday–Friday, make-up days are Saturdays, no duplicates', () => {
    const seen = new Set<string>();
    for (const y of vietnamHolidays) {
      for (const d of y.off) {
        expect(dayNumber(d.date), d.date).not.toBeNull();
        expect(weekday(d.date), `${d.date} ${d.name}`).toBeLessThanOrEqual(5);
        expect(seen.has(d.date)).toBe(false);
        seen.add(d.date);
      }
      for (const w of y.workdays) expect(weekday(w.date), w.date).toBe(6);
    }
  });

  it('knows the documented Tết weeks and swapped days', () => {
    expect(isWorkingDay(cal, '2020-01-23')).toBe(false); // 29 Tết Canh Tý
    expect(isWorkingDay(cal, '2020-01-30')).toBe(true);
    expect(isWorkingDay(cal, '2025-05-02')).toBe(false); // swapped
    expect(isWorkingDay(cal, '2025-04-26')).toBe(true); // Saturday worked instead
    expect(isWorkingDay(cal, '2024-05-04')).toBe(true);
    expect(isWorkingDay(cal, '2025-04-07')).toBe(false); // Hùng Kings 2025
    expect(isWorkingDay(cal, '2026-04-27')).toBe(false); // compensatory for Sunday 26/4/2026
  });

  it('says which years are missing or not fully confirmed', () => {
    expect(calendarGaps(cal, '2025-01-01', '2025-12-31')).toEqual([]);
    expect(calendarGaps(cal, '2026-08-01', '2027-01-10').map((g) => [g.year, g.missing])).toEqual([
      [2026, false],
      [2027, true],
    ]);
  });
});

describe('working days', () => {
  it('worked example 16: complaints for 15 working days after Friday 29/8/2025 → Tuesday 23/9/2025', () => {
    expect(addWorkingDays(cal, '2025-08-29', 15)).toBe('2025-09-23');
    // Without the 1–2/9 National Day holidays the deadline would be two working days earlier.
    expect(addWorkingDays(bare, '2025-08-29', 15)).toBe('2025-09-19');
  });

  it('counts back over holidays: 30 working days before Friday 10/10/2025 is Wednesday 27/8/2025', () => {
    expect(subtractWorkingDays(cal, '2025-10-10', 30)).toBe('2025-08-27');
    expect(subtractWorkingDays(bare, '2025-10-10', 30)).toBe('2025-08-29');
    expect(workingDaysFrom(cal, '2025-08-27', '2025-10-10')).toBe(30);
    expect(workingDaysFrom(cal, '2025-08-28', '2025-10-10')).toBe(29);
  });

  it('counts a make-up Saturday as a working day', () => {
    // Friday 25/4/2025 + 1 working day = Saturday 26/4/2025 (worked in exchange for 2/5).
    expect(addWorkingDays(cal, '2025-04-25', 1)).toBe('2025-04-26');
    // Tuesday 29/4 + 1: 30/4, 1/5, 2/5 off, weekend → Monday 5/5/2025.
    expect(addWorkingDays(cal, '2025-04-29', 1)).toBe('2025-05-05');
  });

  it('property: addWorkingDays and subtractWorkingDays agree with a day-by-day oracle and with each other', () => {
    const off = new Set(vietnamHolidays.flatMap((y) => y.off.map((d) => d.date)));
    const work = new Set(vietnamHolidays.flatMap((y) => y.workdays.map((d) => d.date)));
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 45 }), (start, n) => {
        let t = Date.parse(`${start}T00:00:00Z`);
        let counted = 0;
        while (counted < n) {
          t += 86_400_000;
          if (oracleIsWorking(iso(t), off, work)) counted += 1;
        }
        const forward = addWorkingDays(cal, start, n);
        expect(forward).toBe(iso(t));
        // Counting back n from the result lands on the start, or on the last working day before it.
        const back = subtractWorkingDays(cal, forward, n);
        expect(back <= start).toBe(true);
        expect(workingDaysFrom(cal, back, forward)).toBe(n);
        if (isWorkingDay(cal, start) && n > 0) expect(back).toBe(start);
      }),
    );
  });

  it('addDays and weekday agree with Date', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -400, max: 400 }), (d, n) => {
        expect(addDays(d, n)).toBe(iso(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000));
        expect(weekday(d) % 7).toBe(new Date(`${d}T00:00:00Z`).getUTCDay());
      }),
    );
  });
});
