import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDenominator } from './denominator.ts';
import { EXCLUSIONS_BY_CONGRESS, type ExclusionCategory } from './exclusions.ts';
import { ruleSetFor } from './rule-sets.ts';
import { CONGRESS_KINDS, type CongressKind } from './types.ts';

const rules = ruleSetFor('2024');

describe('computeDenominator', () => {
  it('accepts the CLI contract: every category listed with 0', () => {
    const zeros = {
      temporarilyElsewhereAbsent: 0, exemptAbsent: 0, suspended: 0, prosecutedOrDetained: 0,
      absentWholeCongressWithReason: 0, convenerMembersAbsentWhole: 0, delegatesAbsentWholeNotReplaced: 0,
    };
    for (const congress of CONGRESS_KINDS) {
      const r = computeDenominator({ congress, summoned: 300, exclusions: zeros }, rules);
      expect(r.ok && r.value.denominator).toBe(300);
    }
  });

  it('refuses a non-zero category of another congress kind', () => {
    const r = computeDenominator({ congress: 'delegates', summoned: 300, exclusions: { exemptAbsent: 2 } }, rules);
    expect(r.ok ? 'ok' : r.error.code).toBe('EXCLUSION_NOT_FOR_CONGRESS_KIND');
    const m = computeDenominator({ congress: 'members', summoned: 300, exclusions: { delegatesAbsentWholeNotReplaced: 1 } }, rules);
    expect(m.ok ? 'ok' : m.error.code).toBe('EXCLUSION_NOT_FOR_CONGRESS_KIND');
  });

  it('refuses unknown categories, non-integers and an empty denominator', () => {
    const cases: [unknown, string][] = [
      [{ congress: 'members', summoned: 10, exclusions: { sick: 1 } }, 'UNKNOWN_EXCLUSION_CATEGORY'],
      [{ congress: 'members', summoned: 10.5 }, 'NOT_A_COUNT'],
      [{ congress: 'members', summoned: 10, exclusions: { suspended: -1 } }, 'NOT_A_COUNT'],
      [{ congress: 'members', summoned: 10, exclusions: { suspended: 4, absentWholeCongressWithReason: 6 } }, 'EXCLUSIONS_EXCEED_SUMMONED'],
    ];
    for (const [input, code] of cases) {
      const r = computeDenominator(input as never, rules);
      expect(r.ok ? 'ok' : r.error.code).toBe(code);
    }
  });

  it('labels every term in Vietnamese and keeps non-subtracted conference absentees visible', () => {
    const r = computeDenominator({ congress: 'conference', summoned: 18, exclusions: { absentWholeMeeting: 2, suspended: 1 } }, rules);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.denominator).toBe(17);
    const absent = r.value.terms.find((t) => t.category === 'absentWholeMeeting');
    expect(absent).toMatchObject({ count: 2, subtracted: false });
    expect(absent?.labelVi).toMatch(/vắng mặt/u);
    expect(r.value.summonedLabelVi).toBe('Tổng số ủy viên đương nhiệm');
  });

  it('property: D = summoned − Σ subtracted terms, and threshold is the least v with 2v > D', () => {
    const arb = fc
      .constantFrom(...CONGRESS_KINDS)
      .chain((congress: CongressKind) =>
        fc.record({
          congress: fc.constant(congress),
          summoned: fc.integer({ min: 1, max: 10_000 }),
          exclusions: fc.dictionary(
            fc.constantFrom(...EXCLUSIONS_BY_CONGRESS[congress]),
            fc.integer({ min: 0, max: 500 }),
          ) as fc.Arbitrary<Partial<Record<ExclusionCategory, number>>>,
        }),
      );
    fc.assert(
      fc.property(arb, (input) => {
        const subtract: readonly string[] =
          input.congress === 'conference' ? ['temporarilyElsewhereAbsent', 'suspended', 'prosecutedOrDetained'] : EXCLUSIONS_BY_CONGRESS[input.congress];
        const expected = input.summoned - Object.entries(input.exclusions).reduce((s, [k, n]) => s + (subtract.includes(k) ? (n ?? 0) : 0), 0);
        const r = computeDenominator(input, rules);
        if (expected < 1) {
          expect(r.ok ? 'ok' : r.error.code).toBe('EXCLUSIONS_EXCEED_SUMMONED');
          return;
        }
        if (!r.ok) throw new Error(r.error.code);
        expect(r.value.denominator).toBe(expected);
        expect(2 * r.value.threshold > expected && 2 * (r.value.threshold - 1) <= expected).toBe(true);
      }),
    );
  });
});
