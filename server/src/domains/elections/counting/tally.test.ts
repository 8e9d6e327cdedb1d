import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BallotEntry } from './ballot.ts';
import { ruleSetFor } from './rule-sets.ts';
import { tallyBallots } from './tally.ts';
import { ids } from './test-fixtures.ts';

const rules = ruleSetFor('2024');

/** A list with a surplus and random strike-out ballots (some invalid by marks or by ruling). */
const election = fc
  .integer({ min: 2, max: 12 })
  .chain((n) =>
    fc.record({
      candidates: fc.constant(ids(n)),
      seats: fc.integer({ min: 1, max: n - 1 }),
      ballots: fc.array(
        fc.oneof(
          { weight: 8, arbitrary: fc.subarray(ids(n)).map((struck): BallotEntry => ({ kind: 'strike', struck })) },
          { weight: 1, arbitrary: fc.constantFrom<BallotEntry>({ kind: 'invalid', reason: 'NOT_ISSUED' }, { kind: 'invalid', reason: 'NOT_STAMPED' }) },
        ),
        { maxLength: 80 },
      ),
    }),
  );

describe('tallyBallots', () => {
  it('property: the order of the ballots never changes the tally', () => {
    fc.assert(
      fc.property(
        election.chain((e) => fc.tuple(fc.constant(e), fc.shuffledSubarray(e.ballots, { minLength: e.ballots.length, maxLength: e.ballots.length }))),
        ([e, shuffled]) => {
          const a = tallyBallots({ ...e, ruleSet: rules });
          const b = tallyBallots({ ...e, ballots: shuffled, ruleSet: rules });
          expect(b).toEqual(a);
        },
      ),
    );
  });

  it('property: valid + invalid = collected; votes ≤ valid ballots; Σ votes ≤ valid × seats; votes match a direct count', () => {
    fc.assert(
      fc.property(election, (e) => {
        const r = tallyBallots({ ...e, ruleSet: rules });
        if (!r.ok) throw new Error(r.error.code);
        const t = r.value;
        expect(t.valid + t.invalid).toBe(t.collected);
        expect(t.collected).toBe(e.ballots.length);
        expect(Object.values(t.invalidReasons).reduce((s, n) => s + (n ?? 0), 0)).toBe(t.invalid);
        let sum = 0;
        for (const { id, votes } of t.votes) {
          expect(votes).toBeLessThanOrEqual(t.valid);
          sum += votes;
          // Direct count: ballots that keep this name and keep between 1 and `seats` names.
          const direct = e.ballots.filter(
            (b) => b.kind === 'strike' && !b.struck.includes(id) && e.candidates.length - b.struck.length <= e.seats,
          ).length;
          expect(votes).toBe(direct);
        }
        expect(sum).toBeLessThanOrEqual(t.valid * e.seats);
      }),
    );
  });

  it('reports every unreadable entry with its position, and counts nothing', () => {
    const r = tallyBallots({
      candidates: ids(3),
      seats: 2,
      ballots: [{ kind: 'strike', struck: ['c1'] }, { kind: 'strike', struck: ['zz'] }, { kind: 'marks', marks: {} }],
      ruleSet: rules,
    });
    expect(r.ok).toBe(false);
    if (r.ok || !('rows' in r.error)) throw new Error('expected row errors');
    expect(r.error.code).toBe('BALLOT_ENTRY_ERRORS');
    expect(r.error.rows.map((row) => [row.index, row.error.code])).toEqual([
      [1, 'BALLOT_UNKNOWN_CANDIDATE'],
      [2, 'BALLOT_FORM_MISMATCH'],
    ]);
  });

  it('refuses an empty or duplicated list and zero seats', () => {
    const codes = [
      tallyBallots({ candidates: [], seats: 1, ballots: [], ruleSet: rules }),
      tallyBallots({ candidates: ['a', 'a'], seats: 1, ballots: [], ruleSet: rules }),
      tallyBallots({ candidates: ['a', 'b'], seats: 0, ballots: [], ruleSet: rules }),
    ].map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes).toEqual(['NO_CANDIDATES', 'DUPLICATE_CANDIDATE', 'NO_SEATS']);
  });

  it('lists only the invalid reasons that occurred', () => {
    const r = tallyBallots({
      candidates: ids(3),
      seats: 1,
      ballots: [{ kind: 'strike', struck: [] }, { kind: 'strike', struck: ids(3) }, { kind: 'strike', struck: [] }],
      ruleSet: rules,
    });
    expect(r.ok && r.value.invalidReasons).toEqual({ KEEPS_TOO_MANY: 2, STRIKES_ALL: 1 });
  });
});
