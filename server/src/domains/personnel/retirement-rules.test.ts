import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ageOn, computeRetirement, formatAgeVi, monthIndex, retirementAgeMonths, retirementOf } from './retirement-rules.ts';

describe('Decree 135/2020 schedule (Appendix I rows)', () => {
  it('a man born 1/1961 retires at 60 years 3 months, in 4/2021', () => {
    const r = computeRetirement('1961-01-15', 'male');
    expect(r).toMatchObject({ month: '2021-04', date: '2021-04-30', ageMonths: 723, source: 'computed' });
    expect(formatAgeVi(r.ageMonths)).toBe('60 tuổi 3 tháng');
  });
  it('a man born 10/1961 would reach 60y3m in 2022, when the age is already 60y6m: he retires 4/2022', () => {
    expect(computeRetirement('1961-10-02', 'male')).toMatchObject({ month: '2022-04', ageMonths: 726 });
  });
  it('a woman born 1/1966 retires at 55 years 4 months, in 5/2021; one born 5/1980 at 60 in 5/2040', () => {
    expect(computeRetirement('1966-01-20', 'female')).toMatchObject({ month: '2021-05', ageMonths: 664 });
    expect(computeRetirement('1980-05-01', 'female')).toMatchObject({ month: '2040-05', ageMonths: 720 });
  });
  it('before 2021 the Labour Code 2012 ages apply (60 and 55)', () => {
    expect(computeRetirement('1960-06-30', 'male').month).toBe('2020-06');
    expect(computeRetirement('1965-06-30', 'female').month).toBe('2020-06');
  });
  it('an entered date wins over the schedule', () => {
    expect(retirementOf({ birthDate: '1970-01-01', gender: 'male', retirementDateEntered: '2028-06-30' })).toMatchObject({ month: '2028-06', source: 'entered' });
  });
  it('age counts whole years, the birthday included', () => {
    expect(ageOn('1980-09-15', '2020-09-14')).toBe(39);
    expect(ageOn('1980-09-15', '2020-09-15')).toBe(40);
  });
});

describe('properties of the schedule', () => {
  const birth = fc.date({ min: new Date('1940-01-01'), max: new Date('1995-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const gender = fc.constantFrom('male' as const, 'female' as const);
  it('the retirement month is the birth month plus the age of that very year', () => {
    fc.assert(
      fc.property(birth, gender, (b, g) => {
        const r = computeRetirement(b, g);
        expect(monthIndex(r.month) - monthIndex(b.slice(0, 7))).toBe(r.ageMonths);
        expect(r.ageMonths).toBe(retirementAgeMonths(g, Number(r.month.slice(0, 4))));
      }),
    );
  });
  it('born later never retires earlier', () => {
    fc.assert(
      fc.property(birth, birth, gender, (a, b, g) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        expect(computeRetirement(x, g).month <= computeRetirement(y, g).month).toBe(true);
      }),
    );
  });
});

describe('age on a day, by the calendar', () => {
  it('equals the age counted with dates: years passed, one less before the birthday', () => {
    const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (birth, on) => {
        const b = new Date(`${birth}T00:00:00Z`);
        const o = new Date(`${on}T00:00:00Z`);
        let age = o.getUTCFullYear() - b.getUTCFullYear();
        if (o.getUTCMonth() < b.getUTCMonth() || (o.getUTCMonth() === b.getUTCMonth() && o.getUTCDate() < b.getUTCDate())) age--;
        expect(ageOn(birth, on)).toBe(age);
      }),
    );
  });
});
