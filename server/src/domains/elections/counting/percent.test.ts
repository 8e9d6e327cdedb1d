import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedToNumber, formatFixedVi, formatIntegerVi, formatPercentVi, percentOf, percentOfDenominator, percentToVietnameseWords } from './percent.ts';
import { resolveRuleSet, ruleSetFor } from './rule-sets.ts';

const rules = ruleSetFor('2024');

describe('Vietnamese number formatting', () => {
  it('agrees with Intl.NumberFormat("vi-VN") for integers and fixed decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 3 }), (scaled, decimals) => {
        const intl = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
        expect(formatFixedVi({ scaled, decimals })).toBe(intl.format(scaled / 10 ** decimals));
        expect(formatIntegerVi(scaled)).toBe(new Intl.NumberFormat('vi-VN').format(scaled));
      }),
    );
  });

  it('"1.234,5" and "66,67%"', () => {
    expect(formatFixedVi({ scaled: 12345, decimals: 1 })).toBe('1.234,5');
    expect(formatPercentVi({ scaled: 6667, decimals: 2 })).toBe('66,67%');
    expect(formatFixedVi({ scaled: 5, decimals: 2 })).toBe('0,05');
  });
});

describe('percent of D', () => {
  it('2 of 3 → 66,67 %; 250 of 280 → 89,29 % (the tally contract); 280 of 280 → 100,00 %', () => {
    expect(formatPercentVi(percentOfDenominator(2, 3, rules))).toBe('66,67%');
    expect(fixedToNumber(percentOfDenominator(250, 280, rules))).toBe(89.29);
    expect(formatPercentVi(percentOfDenominator(280, 280, rules))).toBe('100,00%');
  });

  it('property: exact rational rounding, equal to a BigInt oracle (half up by default)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d))), ([v, d]) => {
        const num = BigInt(v) * 10000n;
        const q = num / BigInt(d);
        const r = num % BigInt(d);
        const expected = 2n * r >= BigInt(d) ? q + 1n : q;
        expect(percentOfDenominator(v, d, rules).scaled).toBe(Number(expected));
      }),
    );
  });

  it('rounding and decimals are settings', () => {
    // 1/8 = 12.5 %: half up 13, half even 12, down 12 with 0 decimals
    expect([percentOf(1, 8, 0, 'halfUp').scaled, percentOf(1, 8, 0, 'halfEven').scaled, percentOf(1, 8, 0, 'down').scaled]).toEqual([13, 12, 12]);
    const oneDecimal = resolveRuleSet('2024', { percentDecimals: 1, percentRounding: 'down' });
    if (!oneDecimal.ok) throw new Error(oneDecimal.error.code);
    expect(formatPercentVi(percentOfDenominator(2, 3, oneDecimal.value))).toBe('66,6%');
  });

  it('never shows 50,00 % for a candidate below half unless rounding hides it: the decision does not use it', () => {
    // 49,996 % rounds to 50,00 %: the display rule is explicit, the threshold is 2 × votes > D
    expect(formatPercentVi(percentOf(12499, 25000, 2, 'halfUp'))).toBe('50,00%');
    expect(formatPercentVi(percentOf(12499, 25000, 2, 'down'))).toBe('49,99%');
  });

  it('in words for the minutes', () => {
    expect(percentToVietnameseWords({ scaled: 6667, decimals: 2 })).toBe('sáu mươi sáu phẩy sáu mươi bảy phần trăm');
  });
});
