// Integer helpers. Every threshold comparison in this folder is done on integers
// (e.g. `2 * votes > D`), never on floating-point fractions: a congress must be able
// to check every figure by hand, and 2/3 or 30 % are not representable in binary.

/**
 * Upper bound for any count handled here. The whole Party has ~5.6 million members;
 * 10^9 leaves room while keeping `count * 10^6` inside Number.MAX_SAFE_INTEGER,
 * which the percentage arithmetic needs.
 */
export const MAX_COUNT = 1_000_000_000;

/** A non-negative safe integer not above MAX_COUNT. */
export function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= MAX_COUNT;
}

/** floor(a / b) for integers a >= 0, b > 0, exact (no division of non-multiples). */
export function floorDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

/** ceil(a / b) for integers a >= 0, b > 0. */
export function ceilDiv(a: number, b: number): number {
  return floorDiv(a + b - 1, b);
}

export const ROUNDING_MODES = ['halfUp', 'halfEven', 'down'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** a / b rounded to an integer with the given mode; a >= 0, b > 0 integers. */
export function divRound(a: number, b: number, mode: RoundingMode): number {
  const q = floorDiv(a, b);
  const r = a - q * b;
  if (mode === 'down' || r === 0) return q;
  const twice = 2 * r;
  if (twice > b) return q + 1;
  if (twice < b) return q;
  // exactly half
  if (mode === 'halfUp') return q + 1;
  return q % 2 === 0 ? q : q + 1;
}

/** True iff votes > denominator / 2, i.e. "quá một nửa" (Điều lệ Đ12 K3), exactly half is not enough. */
export function isMoreThanHalf(votes: number, denominator: number): boolean {
  return 2 * votes > denominator;
}

/** The least number of votes that is more than half of D: floor(D/2) + 1 (R1.20). */
export function leastVotesMoreThanHalf(denominator: number): number {
  return floorDiv(denominator, 2) + 1;
}
