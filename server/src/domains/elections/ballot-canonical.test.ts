import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalBallot } from './ballot-canonical.ts';

describe('canonical ballot', () => {
  it('ignores the order and repetition of typed numbers', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 20 }), (nums) => {
        const shuffled = [...nums].reverse().concat(nums.slice(0, 1));
        expect(canonicalBallot({ kind: 'strike', struck: shuffled })).toBe(canonicalBallot({ kind: 'strike', struck: nums }));
      }),
    );
  });
  it('tells different ballots apart', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 61, max: 90 }), (nums, extra) => {
        expect(canonicalBallot({ kind: 'strike', struck: [...nums, extra] })).not.toBe(canonicalBallot({ kind: 'strike', struck: nums }));
      }),
    );
    expect(canonicalBallot({ kind: 'invalid', reason: 'NOT_STAMPED' })).not.toBe(canonicalBallot({ kind: 'invalid', reason: 'NOT_ISSUED' }));
    expect(canonicalBallot({ kind: 'marks', marks: { '1': 'agree', '2': 'none' } })).toBe(canonicalBallot({ kind: 'marks', marks: { '1': 'agree' } }));
  });
});
