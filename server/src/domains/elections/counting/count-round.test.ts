import { describe, expect, it } from 'vitest';
import { countFirstRound, countRound } from './count-round.ts';
import { fixedToNumber } from './percent.ts';
import { ruleSetFor } from './rule-sets.ts';
import { strikeBallotsFor } from './test-fixtures.ts';

const rules = ruleSetFor('2024');

describe('countFirstRound — the `daihoi tally` contract of issue 3', () => {
  it('reports D, the threshold, the ballots, votes and % of D, elected, unfilled and tie', () => {
    const votes = { c1: 250, c2: 200, c3: 141, c4: 140 };
    const r = countFirstRound({
      ruleSet: rules,
      congress: {
        congress: 'delegates',
        summoned: 300,
        exclusions: {
          temporarilyElsewhereAbsent: 0, exemptAbsent: 0, suspended: 0, prosecutedOrDetained: 0, absentWholeCongressWithReason: 0,
          convenerMembersAbsentWhole: 4, delegatesAbsentWholeNotReplaced: 16,
        },
      },
      kind: 'executiveCommittee',
      seats: 3,
      candidates: Object.keys(votes),
      ballots: [...strikeBallotsFor(Object.keys(votes), votes, 276, 3), { kind: 'strike', struck: [] }, { kind: 'invalid', reason: 'NOT_ISSUED' }],
    });
    if (!r.ok) throw new Error(r.error.code);
    const out = r.value;
    expect(out.denominator.denominator).toBe(280);
    expect(out.threshold).toBe(141);
    expect(out.ballots).toMatchObject({ collected: 278, valid: 276, invalid: 2, invalidReasons: { KEEPS_TOO_MANY: 1, NOT_ISSUED: 1 } });
    expect(out.candidates.map((c) => [c.id, c.votes, fixedToNumber(c.percent)])).toEqual([
      ['c1', 250, 89.29],
      ['c2', 200, 71.43],
      ['c3', 141, 50.36],
      ['c4', 140, 50],
    ]);
    expect(out.elected).toEqual(['c1', 'c2', 'c3']);
    expect(out.unfilledSeats).toEqual({ official: 0, alternate: 0 });
    expect(out.tie).toBeNull();
  });

  it('a foreign exclusion is an error', () => {
    const r = countFirstRound({
      ruleSet: rules,
      congress: { congress: 'delegates', summoned: 300, exclusions: { exemptAbsent: 1 } },
      kind: 'executiveCommittee',
      seats: 1,
      candidates: ['a', 'b'],
      ballots: [],
    });
    expect(r.ok ? 'ok' : r.error.code).toBe('EXCLUSION_NOT_FOR_CONGRESS_KIND');
  });

  it('reports a tie, then the tie-break round is counted from its own ballots', () => {
    const votes = { a: 8, b: 6, c: 6 };
    const first = countFirstRound({
      ruleSet: rules,
      congress: { congress: 'members', summoned: 10 },
      kind: 'executiveCommittee',
      seats: 2,
      candidates: ['a', 'b', 'c'],
      ballots: strikeBallotsFor(['a', 'b', 'c'], votes, 10, 2),
    });
    if (!first.ok) throw new Error(first.error.code);
    expect(first.value.elected).toEqual(['a']);
    expect(first.value.tie).toEqual({ pool: 'official', candidates: ['b', 'c'], seats: 1, votes: 6 });
    // Tie-break: 1 seat, ballots keep at most 1 name; 3 for c, 2 for b, 1 invalid (keeps both).
    const second = countRound(first.value.state, [
      { kind: 'strike', struck: ['b'] },
      { kind: 'strike', struck: ['b'] },
      { kind: 'strike', struck: ['b'] },
      { kind: 'strike', struck: ['c'] },
      { kind: 'strike', struck: ['c'] },
      { kind: 'strike', struck: [] },
    ]);
    if (!second.ok) throw new Error(second.error.code);
    expect(second.value.tally).toMatchObject({ valid: 5, invalid: 1 });
    expect(second.value.state.elected.official).toEqual(['a', 'c']);
    expect(second.value.state.phase.kind).toBe('closed');
    const again = countRound(second.value.state, []);
    expect(again.ok ? 'ok' : again.error.code).toBe('NOT_AWAITING_ROUND');
  });
});
