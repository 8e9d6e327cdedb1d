import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ballotFormOf, checkEntryShape } from './ballot-shape.ts';

describe('ballotFormOf', () => {
  it('strikes names only when the list has a surplus', () => {
    expect(ballotFormOf(41, 37)).toBe('strike');
    expect(ballotFormOf(37, 37)).toBe('agreeDisagree');
    expect(ballotFormOf(1, 1)).toBe('single');
  });
});

describe('checkEntryShape', () => {
  const strike41 = { size: 41, form: 'strike' as const };
  const noSurplus5 = { size: 5, form: 'agreeDisagree' as const };

  it('refuses agree/disagree marks on a strike-out ballot and strikes on a ballot without surplus', () => {
    expect(checkEntryShape({ kind: 'marks', marks: { '1': 'disagree' } }, strike41)?.code).toBe('BALLOT_WRONG_FORM');
    expect(checkEntryShape({ kind: 'strike', struck: [2] }, noSurplus5)?.code).toBe('BALLOT_WRONG_FORM');
    expect(checkEntryShape({ kind: 'strike', struck: [1] }, { size: 1, form: 'single' })?.code).toBe('BALLOT_WRONG_FORM');
  });

  it('names the numbers that are not on the ballot', () => {
    expect(checkEntryShape({ kind: 'strike', struck: [3, 42, 0] }, strike41)).toEqual({ code: 'BALLOT_UNKNOWN_CANDIDATE', message: expect.stringContaining('42, 0') });
    expect(checkEntryShape({ kind: 'marks', marks: { '6': 'both' } }, noSurplus5)?.code).toBe('BALLOT_UNKNOWN_CANDIDATE');
  });

  it('accepts an invalid ruling on any form', () => {
    for (const form of ['strike', 'agreeDisagree', 'single'] as const) expect(checkEntryShape({ kind: 'invalid', reason: 'NOT_STAMPED' }, { size: 3, form })).toBeNull();
  });

  it('accepts every strike entry whose numbers are on the list, and nothing else', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.array(fc.integer({ min: -5, max: 320 }), { maxLength: 30 }), (size, struck) => {
        const problem = checkEntryShape({ kind: 'strike', struck }, { size, form: 'strike' });
        const allOnList = struck.every((n) => n >= 1 && n <= size);
        expect(problem === null).toBe(allOnList);
      }),
    );
  });
});
