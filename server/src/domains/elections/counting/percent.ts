import { divRound, floorDiv, type RoundingMode } from './integers.ts';
import { decimalToVietnameseWords, type VietnameseWordsOptions } from './numbers-in-words.ts';
import type { RuleSet } from './rule-sets.ts';

// Vote percentages over D and Vietnamese number formatting ("1.234,5", "66,67%").
// A percentage is a fixed-point integer (hundredths by default) computed exactly from
// votes and D; it is for display only and never decides who is elected.

export interface FixedDecimal {
  /** value × 10^decimals, an integer. */
  readonly scaled: number;
  readonly decimals: number;
}

/** votes / D × 100, rounded to the rule set's decimals with its rounding mode (settings). */
export function percentOfDenominator(votes: number, denominator: number, ruleSet: RuleSet): FixedDecimal {
  const decimals = ruleSet.rules.percentDecimals.value;
  return percentOf(votes, denominator, decimals, ruleSet.rules.percentRounding.value);
}

export function percentOf(part: number, whole: number, decimals: number, rounding: RoundingMode): FixedDecimal {
  if (!Number.isSafeInteger(whole) || whole <= 0) throw new RangeError(`whole must be a positive integer: ${whole}`);
  if (!Number.isSafeInteger(part) || part < 0) throw new RangeError(`part must be a non-negative integer: ${part}`);
  const numerator = part * 100 * 10 ** decimals;
  if (!Number.isSafeInteger(numerator)) throw new RangeError('percentage out of the exact integer range');
  return { scaled: divRound(numerator, whole, rounding), decimals };
}

/** A plain number for JSON (e.g. 89.29); not for comparisons. */
export function fixedToNumber(x: FixedDecimal): number {
  return x.scaled / 10 ** x.decimals;
}

/** 1234567 → "1.234.567". */
export function formatIntegerVi(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a safe integer: ${n}`);
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(n));
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return sign + groups.join('.');
}

/** { scaled: 12345, decimals: 1 } → "1.234,5" (thousands ".", decimals ","). */
export function formatFixedVi(x: FixedDecimal): string {
  const unit = 10 ** x.decimals;
  const negative = x.scaled < 0;
  const abs = Math.abs(x.scaled);
  const whole = floorDiv(abs, unit);
  const fraction = abs - whole * unit;
  const head = (negative ? '-' : '') + formatIntegerVi(whole);
  return x.decimals === 0 ? head : `${head},${String(fraction).padStart(x.decimals, '0')}`;
}

/** "66,67%". */
export function formatPercentVi(x: FixedDecimal): string {
  return `${formatFixedVi(x)}%`;
}

/** "sáu mươi sáu phẩy sáu mươi bảy phần trăm". */
export function percentToVietnameseWords(x: FixedDecimal, options: VietnameseWordsOptions = {}): string {
  return `${decimalToVietnameseWords(x.scaled, x.decimals, options)} phần trăm`;
}
