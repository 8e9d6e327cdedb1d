import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkEligibility, defaultReferenceMonth, type EligibilityInput, referenceMonthRule, referenceUnitOf } from './eligibility-rules.ts';
import { fromMonthIndex, monthIndex } from './retirement-rules.ts';

const base = (o: Partial<EligibilityInput>): EligibilityInput => ({ retirementMonth: '2029-03', referenceMonth: '2025-09', candidacy: 'reelection', post: 'committee', rules: '2025', ...o });

describe('worked example 13: age eligibility under CT 45 (election-rules.md §5)', () => {
  const ref = defaultReferenceMonth('2025', 1);
  it('the provincial reference month is 9/2025, the grassroots 4/2025', () => {
    expect(ref).toBe('2025-09');
    expect(defaultReferenceMonth('2025', 3)).toBe('2025-04');
  });
  it('last line: at commune-level congresses (xã, phường, đặc khu directly under the province) the reference month is 7/2025', () => {
    expect(defaultReferenceMonth('2025', 2, 'commune')).toBe('2025-07');
    expect(referenceMonthRule('2025', 2, 'commune')).toMatchObject({ month: '2025-07', confirmed: true, source: expect.stringContaining('xã, phường, đặc khu trực thuộc cấp tỉnh là tháng 7/2025') });
    // The rest of that level (cấp trên trực tiếp cơ sở, e.g. the Police) keeps 6/2025; 2020 has no commune month of its own.
    expect(defaultReferenceMonth('2025', 2)).toBe('2025-06');
    expect(defaultReferenceMonth('2020', 2, 'commune')).toBe('2020-06');
    // The same person, counted from 7/2025 instead of 9/2025: A (retires 3/2029) has 44 months, still short of 48.
    const a = checkEligibility(base({ retirementMonth: '2029-03', referenceMonth: defaultReferenceMonth('2025', 2, 'commune') }));
    expect(a).toMatchObject({ eligible: false, monthsLeft: 44, shortBy: 4 });
    expect(a.explanation).toContain('tính từ tháng 07/2025 còn 44 tháng công tác');
    // Retiring 7/2029: 48 months from 7/2025 (eligible), 46 from 9/2025 (not).
    expect(checkEligibility(base({ retirementMonth: '2029-07', referenceMonth: '2025-07' })).eligible).toBe(true);
    expect(checkEligibility(base({ retirementMonth: '2029-07', referenceMonth: ref })).eligible).toBe(false);
  });
  it('a commune is told by level, kind and name: directly under the province, territorial, "xã", "phường" or "đặc khu"', () => {
    expect(referenceUnitOf({ level: 2, kindCode: 'territorial', name: 'Đảng bộ phường Hà Lầm' })).toBe('commune');
    expect(referenceUnitOf({ level: 2, kindCode: 'territorial', name: 'Đảng bộ xã Quảng Tân' })).toBe('commune');
    expect(referenceUnitOf({ level: 2, kindCode: 'territorial', name: 'Đảng bộ đặc khu Vân Đồn' })).toBe('commune');
    expect(referenceUnitOf({ level: 2, kindCode: 'territorial', name: 'Đảng bộ huyện Đầm Hà' })).toBe('level');
    expect(referenceUnitOf({ level: 2, kindCode: 'armedForces', name: 'Đảng bộ xã Biên phòng' })).toBe('level');
    // A commune under a district (2020) is grassroots.
    expect(referenceUnitOf({ level: 3, kindCode: 'territorial', name: 'Đảng bộ xã Số 1.1' })).toBe('level');
  });
  it('A retires 3/2029: 42 months left, not eligible for re-election (< 48)', () => {
    const a = checkEligibility(base({ retirementMonth: '2029-03', referenceMonth: ref }));
    expect(a).toMatchObject({ eligible: false, monthsLeft: 42, monthsNeeded: 48, shortBy: 6 });
    expect(a.explanation).toBe('Nghỉ hưu tháng 03/2029; tính từ tháng 09/2025 còn 42 tháng công tác; tái cử cấp ủy viên cần ít nhất 48 tháng → không đủ điều kiện (thiếu 6 tháng).');
  });
  it('B retires 12/2029: 51 months, eligible for re-election but not as a first-time member', () => {
    expect(checkEligibility(base({ retirementMonth: '2029-12', referenceMonth: ref }))).toMatchObject({ eligible: true, monthsLeft: 51 });
    const first = checkEligibility(base({ retirementMonth: '2029-12', referenceMonth: ref, candidacy: 'firstTime' }));
    expect(first).toMatchObject({ eligible: false, monthsNeeded: 60, shortBy: 9, confirmed: false });
    expect(first.explanation).toContain('tham gia lần đầu cần ít nhất trọn 1 nhiệm kỳ 60 tháng');
  });
  it('C retires 11/2030: 62 months, eligible both ways', () => {
    expect(checkEligibility(base({ retirementMonth: '2030-11', referenceMonth: ref })).eligible).toBe(true);
    expect(checkEligibility(base({ retirementMonth: '2030-11', referenceMonth: ref, candidacy: 'firstTime' })).eligible).toBe(true);
  });
  it('A is still eligible as a deputy provincial secretary (42) and for a State or Front post (36)', () => {
    expect(checkEligibility(base({ post: 'deputyProvincialSecretary' }))).toMatchObject({ eligible: true, monthsNeeded: 42 });
    expect(checkEligibility(base({ post: 'stateFrontPost' }))).toMatchObject({ eligible: true, monthsNeeded: 36 });
    expect(checkEligibility(base({ retirementMonth: '2029-02', post: 'inspectionCommission' }))).toMatchObject({ eligible: false, monthsLeft: 41, monthsNeeded: 42 });
  });
});

describe('2020 rules: the published birth-month cutoffs come out of the same arithmetic', () => {
  // baothainguyen.vn 2020: re-election provincial men born from 3/1963 (retire at 60 → 3/2023), district from 12/1962.
  it('re-election to a provincial committee: born 3/1963 is the first eligible month (30 months from 9/2020)', () => {
    expect(checkEligibility(base({ rules: '2020', retirementMonth: '2023-03', referenceMonth: defaultReferenceMonth('2020', 1) }))).toMatchObject({ eligible: true, monthsLeft: 30 });
    expect(checkEligibility(base({ rules: '2020', retirementMonth: '2023-02', referenceMonth: defaultReferenceMonth('2020', 1) }))).toMatchObject({ eligible: false, shortBy: 1 });
  });
  it('re-election to a district committee: born 12/1962 (30 months from 6/2020); first time provincial: born 9/1965 (60 months)', () => {
    expect(checkEligibility(base({ rules: '2020', retirementMonth: '2022-12', referenceMonth: defaultReferenceMonth('2020', 2) })).monthsLeft).toBe(30);
    expect(checkEligibility(base({ rules: '2020', candidacy: 'firstTime', retirementMonth: '2025-09', referenceMonth: '2020-09' }))).toMatchObject({ eligible: true, monthsLeft: 60 });
    expect(checkEligibility(base({ rules: '2020', candidacy: 'firstTime', retirementMonth: '2025-08', referenceMonth: '2020-09' })).eligible).toBe(false);
  });
  it('someone already past retirement is told so', () => {
    expect(checkEligibility(base({ retirementMonth: '2025-05' })).explanation).toContain('đã quá tuổi nghỉ hưu 4 tháng');
  });
});

describe('properties', () => {
  const month = fc.integer({ min: 2000 * 12, max: 2060 * 12 }).map(fromMonthIndex);
  it('eligible exactly when months left reach the requirement; one more month never hurts', () => {
    fc.assert(
      fc.property(month, month, fc.constantFrom('reelection' as const, 'firstTime' as const), fc.constantFrom('2020' as const, '2025' as const), (ret, ref, candidacy, rules) => {
        const r = checkEligibility(base({ retirementMonth: ret, referenceMonth: ref, candidacy, rules }));
        expect(r.monthsLeft).toBe(monthIndex(ret) - monthIndex(ref));
        expect(r.eligible).toBe(r.monthsLeft >= r.monthsNeeded);
        expect(r.eligible || r.shortBy === r.monthsNeeded - r.monthsLeft).toBe(true);
        if (r.eligible) expect(checkEligibility(base({ retirementMonth: fromMonthIndex(monthIndex(ret) + 1), referenceMonth: ref, candidacy, rules })).eligible).toBe(true);
      }),
    );
  });
  it('first time never needs less than re-election', () => {
    fc.assert(
      fc.property(month, month, (ret, ref) => {
        const first = checkEligibility(base({ retirementMonth: ret, referenceMonth: ref, candidacy: 'firstTime' }));
        const again = checkEligibility(base({ retirementMonth: ret, referenceMonth: ref }));
        if (first.eligible) expect(again.eligible).toBe(true);
      }),
    );
  });
});
