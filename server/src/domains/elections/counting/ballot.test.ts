import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballotFormFor, interpretBallot, strikeOutValidity, type BallotEntry, type Mark } from './ballot.ts';
import { resolveRuleSet, ruleSetFor } from './rule-sets.ts';
import { ids } from './test-fixtures.ts';

const rules = ruleSetFor('2024');

describe('ballot forms (244 Đ17 K1 / 190 Đ15 K1)', () => {
  it('surplus → strike-out; no surplus → agree/disagree; one name → single candidate', () => {
    expect(ballotFormFor(20, 17)).toBe('strikeOut');
    expect(ballotFormFor(2, 1)).toBe('strikeOut');
    expect(ballotFormFor(17, 17)).toBe('agreeDisagree');
    expect(ballotFormFor(3, 5)).toBe('agreeDisagree');
    expect(ballotFormFor(1, 1)).toBe('singleCandidate');
  });

  it('refuses an entry of the wrong form', () => {
    const r1 = interpretBallot({ kind: 'marks', marks: { c1: 'agree' } }, { candidates: ids(3), seats: 2, ruleSet: rules });
    expect(r1.ok ? 'ok' : r1.error.code).toBe('BALLOT_FORM_MISMATCH');
    const r2 = interpretBallot({ kind: 'strike', struck: [] }, { candidates: ids(3), seats: 3, ruleSet: rules });
    expect(r2.ok ? 'ok' : r2.error.code).toBe('BALLOT_FORM_MISMATCH');
  });
});

describe('strike-out ballots (R1.15)', () => {
  it('property: valid iff 0 < kept ≤ seats, and the votes are exactly the names kept', () => {
    const arb = fc
      .integer({ min: 2, max: 30 })
      .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n - 1 }), fc.subarray(ids(n))));
    fc.assert(
      fc.property(arb, ([n, seats, struck]) => {
        const list = ids(n);
        const r = interpretBallot({ kind: 'strike', struck }, { candidates: list, seats, ruleSet: rules });
        if (!r.ok) throw new Error(r.error.code);
        const kept = list.filter((c) => !struck.includes(c));
        expect(r.value.valid).toBe(kept.length > 0 && kept.length <= seats);
        if (r.value.valid) expect([...r.value.votesFor].sort()).toEqual([...kept].sort());
        else expect(r.value.reason).toBe(kept.length === 0 ? 'STRIKES_ALL' : 'KEEPS_TOO_MANY');
      }),
    );
  });

  it('strikeOutValidity boundaries', () => {
    expect([strikeOutValidity(0, 17), strikeOutValidity(1, 17), strikeOutValidity(17, 17), strikeOutValidity(18, 17)]).toEqual([
      'STRIKES_ALL', 'valid', 'valid', 'KEEPS_TOO_MANY',
    ]);
  });

  it('refuses unknown and repeated names (entry errors, not invalid ballots)', () => {
    const ctx = { candidates: ids(5), seats: 3, ruleSet: rules };
    const a = interpretBallot({ kind: 'strike', struck: ['c9'] }, ctx);
    const b = interpretBallot({ kind: 'strike', struck: ['c1', 'c1'] }, ctx);
    expect([a.ok ? 'ok' : a.error.code, b.ok ? 'ok' : b.error.code]).toEqual(['BALLOT_UNKNOWN_CANDIDATE', 'BALLOT_DUPLICATE_CANDIDATE']);
  });
});

describe('agree/disagree ballots without surplus (244 Đ32 K1 / 190 Đ30 K1)', () => {
  const list = ids(3);
  const ctx = { candidates: list, seats: 3, ruleSet: rules };

  it('both or neither for a person: the ballot stays valid, no vote for that person', () => {
    const r = interpretBallot({ kind: 'marks', marks: { c1: 'agree', c2: 'both', c3: 'none' } }, ctx);
    expect(r.ok && r.value).toEqual({ valid: true, votesFor: ['c1'] });
  });

  it('property: a valid ballot whose votes are exactly the "agree" marks', () => {
    const mark = fc.constantFrom<Mark>('agree', 'disagree', 'both', 'none');
    fc.assert(
      fc.property(fc.tuple(mark, mark, mark), (ms) => {
        const marks = { c1: ms[0], c2: ms[1], c3: ms[2] };
        const r = interpretBallot({ kind: 'marks', marks }, ctx);
        if (!r.ok) throw new Error(r.error.code);
        expect(r.value).toEqual({ valid: true, votesFor: list.filter((_, i) => ms[i] === 'agree') });
      }),
    );
  });

  it('a blank ballot is valid by default, invalid with the setting', () => {
    const blank: BallotEntry = { kind: 'marks', marks: {} };
    expect(interpretBallot(blank, ctx)).toMatchObject({ ok: true, value: { valid: true, votesFor: [] } });
    const strict = resolveRuleSet('2024', { noSurplusBlankBallot: 'invalid' });
    if (!strict.ok) throw new Error(strict.error.code);
    expect(interpretBallot(blank, { ...ctx, ruleSet: strict.value })).toMatchObject({ ok: true, value: { valid: false, reason: 'BLANK_NO_SURPLUS' } });
  });

  it('an unmarked name that is also an Object.prototype key ("toString", "constructor") counts as no mark', () => {
    const strict = resolveRuleSet('2024', { noSurplusBlankBallot: 'invalid' });
    if (!strict.ok) throw new Error(strict.error.code);
    const blank: BallotEntry = { kind: 'marks', marks: {} };
    expect(interpretBallot(blank, { candidates: ['toString', 'b'], seats: 2, ruleSet: strict.value })).toMatchObject({
      ok: true,
      value: { valid: false, reason: 'BLANK_NO_SURPLUS' },
    });
    expect(interpretBallot({ kind: 'marks', marks: { constructor: 'agree' as Mark } }, { candidates: ['constructor'], seats: 1, ruleSet: rules })).toMatchObject({
      ok: true,
      value: { valid: true, votesFor: ['constructor'] },
    });
  });

  it('refuses marks outside the list or unknown marks', () => {
    const a = interpretBallot({ kind: 'marks', marks: { c7: 'agree' } }, ctx);
    const b = interpretBallot({ kind: 'marks', marks: { c1: 'yes' as Mark } }, ctx);
    expect([a.ok ? 'ok' : a.error.code, b.ok ? 'ok' : b.error.code]).toEqual(['BALLOT_UNKNOWN_CANDIDATE', 'BALLOT_INVALID_MARK']);
  });
});

describe('single candidate', () => {
  const ctx = { candidates: ['s'], seats: 1, ruleSet: rules };
  it.each([
    ['agree', { valid: true, votesFor: ['s'] }],
    ['disagree', { valid: true, votesFor: [] }],
    ['both', { valid: false, reason: 'SINGLE_CANDIDATE_BOTH_OR_NONE' }],
    ['none', { valid: false, reason: 'SINGLE_CANDIDATE_BOTH_OR_NONE' }],
  ] as const)('%s', (mark, expected) => {
    expect(interpretBallot({ kind: 'marks', marks: { s: mark } }, ctx)).toMatchObject({ ok: true, value: expected });
  });
});

describe('counting-committee rulings', () => {
  const ctx = { candidates: ids(4), seats: 3, ruleSet: rules };

  it('records the reason and the note', () => {
    const r = interpretBallot({ kind: 'invalid', reason: 'OTHER_COMMITTEE_RULING', note: ' rách đôi ' }, ctx);
    expect(r.ok && r.value).toEqual({ valid: false, reason: 'OTHER_COMMITTEE_RULING', decidedBy: 'countingCommittee', note: 'rách đôi' });
  });

  it('requires a note where the reason says so', () => {
    const r = interpretBallot({ kind: 'invalid', reason: 'OTHER_COMMITTEE_RULING', note: '  ' }, ctx);
    expect(r.ok ? 'ok' : r.error.code).toBe('BALLOT_RULING_NOTE_REQUIRED');
  });

  it('refuses the 190-only case under QĐ 244', () => {
    const r = interpretBallot({ kind: 'invalid', reason: 'CASE_ADDED_BY_QD190', note: 'x' }, { ...ctx, ruleSet: ruleSetFor('2014') });
    expect(r.ok ? 'ok' : r.error.code).toBe('BALLOT_REASON_NOT_IN_RULE_SET');
  });
});
