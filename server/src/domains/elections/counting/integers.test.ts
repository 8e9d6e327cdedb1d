import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ceilDiv, divRound, floorDiv, isCount, isMoreThanHalf, leastVotesMoreThanHalf, MAX_COUNT } from './integers.ts';

// Oracles use BigInt rationals, a different representation from the code under test.
function bigRound(a: bigint, b: bigint, mode: 'halfUp' | 'halfEven' | 'down'): bigint {
  const q = a / b;
  const r = a % b;
  if (mode === 'down' || r === 0n) return q;
  if (2n * r > b) return q + 1n;
  if (2n * r < b) return q;
  return mode === 'halfUp' ? q + 1n : q % 2n === 0n ? q : q + 1n;
}

const nat = fc.integer({ min: 0, max: 2 ** 40 });
const pos = fc.integer({ min: 1, max: 2 ** 40 });

describe('integer division', () => {
  it('floorDiv and ceilDiv agree with BigInt', () => {
    fc.assert(
      fc.property(nat, pos, (a, b) => {
        expect(floorDiv(a, b)).toBe(Number(BigInt(a) / BigInt(b)));
        expect(ceilDiv(a, b)).toBe(Number((BigInt(a) + BigInt(b) - 1n) / BigInt(b)));
      }),
    );
  });

  it('divRound agrees with a BigInt oracle in every mode', () => {
    fc.assert(
      fc.property(nat, pos, fc.constantFrom('halfUp', 'halfEven', 'down') as fc.Arbitrary<'halfUp' | 'halfEven' | 'down'>, (a, b, mode) => {
        expect(divRound(a, b, mode)).toBe(Number(bigRound(BigInt(a), BigInt(b), mode)));
      }),
    );
  });

  it('rounds exact halves as documented', () => {
    expect([divRound(5, 2, 'halfUp'), divRound(5, 2, 'halfEven'), divRound(5, 2, 'down')]).toEqual([3, 2, 2]);
    expect(divRound(7, 2, 'halfEven')).toBe(4);
  });
});

describe('more than half (Điều lệ Đ12 K3)', () => {
  it('exactly half is not more than half', () => {
    expect(isMoreThanHalf(140, 280)).toBe(false);
    expect(isMoreThanHalf(141, 280)).toBe(true);
    expect(isMoreThanHalf(5, 10)).toBe(false);
    expect(isMoreThanHalf(6, 11)).toBe(true);
  });

  it('leastVotesMoreThanHalf is the least v with v > D/2', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_COUNT }), (d) => {
        const t = leastVotesMoreThanHalf(d);
        expect(BigInt(t) * 2n > BigInt(d)).toBe(true);
        expect(BigInt(t - 1) * 2n > BigInt(d)).toBe(false);
      }),
    );
  });
});

describe('isCount', () => {
  it('accepts non-negative safe integers up to MAX_COUNT only', () => {
    expect([0, 1, MAX_COUNT].every(isCount)).toBe(true);
    expect([-1, 1.5, MAX_COUNT + 1, Number.NaN, '3', null].some(isCount)).toBe(false);
  });
});
