// `daihoi tally` as a function: the mapping between the file contract of issue 3 and the
// engine, the error messages, and the worked examples of election-rules.md §5 (as
// corrected by §8/§9) run through the command's own entry point. Expected figures come
// from the rules document, not from the engine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countFirstRound,
  percentOfDenominator,
  ruleSetFor,
  type FixedDecimal,
  type FirstRoundResult,
} from '../domains/elections/counting/index.ts';
import {
  electionKindFor,
  fieldPath,
  presentResult,
  runTallyCli,
  tallyFromText,
  tallyInputSchema,
  toBallotEntry,
  toFirstRoundInput,
  type TallyInput,
  type TallyIo,
  type TallyOutcome,
  type TallyOutput,
} from './tally.ts';

// ---------------------------------------------------------------- builders

type Ballot = TallyInput['ballots'][number];

function candidates(ids: readonly string[]) {
  return ids.map((id) => ({ id, name: `Ứng viên ${id}` }));
}

/**
 * Strike-out ballots giving exactly `votes[id]` votes over `valid` ballots: the kept names
 * are dealt cyclically, so each ballot keeps ⌊total/valid⌋ or ⌈total/valid⌉ names.
 */
function ballotsGiving(ids: readonly string[], votes: Readonly<Record<string, number>>, valid: number, seats: number): Ballot[] {
  const kept = Array.from({ length: valid }, () => new Set<string>());
  let p = 0;
  for (const id of ids) {
    for (let k = 0; k < (votes[id] ?? 0); k += 1) {
      kept[p]!.add(id);
      p = (p + 1) % valid;
    }
  }
  if (kept.some((s) => s.size === 0 || s.size > seats)) throw new Error('test data: these votes do not fit valid ballots');
  return kept.map((s) => ({ strike: ids.filter((id) => !s.has(id)) }));
}

function times<T>(n: number, x: T): T[] {
  return Array.from({ length: n }, () => x);
}

function base(over: Partial<TallyInput> = {}): TallyInput {
  return {
    regulation: '2024',
    congress: 'members',
    summoned: 10,
    seats: 1,
    candidates: candidates(['a', 'b']),
    ballots: [{ strike: ['b'] }],
    ...over,
  };
}

function run(input: unknown): TallyOutcome {
  return tallyFromText(JSON.stringify(input));
}

function ok(input: unknown): TallyOutput {
  const r = run(input);
  if (r.exitCode !== 0) throw new Error(`expected a result, got ${JSON.stringify(r.output)}`);
  return r.output;
}

function err(input: unknown): { code: string; message: string } {
  const r = run(input);
  if (r.exitCode !== 2) throw new Error(`expected an error, got ${JSON.stringify(r.output)}`);
  return r.output.error;
}

function votesOf(out: TallyOutput): Record<string, number> {
  return Object.fromEntries(out.candidates.map((c) => [c.id, c.votes]));
}

// ---------------------------------------------------------------- mapping

describe('mapping the file contract onto the engine', () => {
  it('one ballot entry per shape', () => {
    expect(toBallotEntry({ strike: ['c3'] })).toEqual({ kind: 'strike', struck: ['c3'] });
    expect(toBallotEntry({ marks: { c1: 'both' } })).toEqual({ kind: 'marks', marks: { c1: 'both' } });
    expect(toBallotEntry({ invalid: 'NOT_ISSUED' })).toEqual({ kind: 'invalid', reason: 'NOT_ISSUED' });
    expect(toBallotEntry({ invalid: 'OTHER_COMMITTEE_RULING', note: 'rách' })).toEqual({
      kind: 'invalid',
      reason: 'OTHER_COMMITTEE_RULING',
      note: 'rách',
    });
  });

  it('alternate seats make it an election of delegates to the upper congress; otherwise a committee election', () => {
    expect(electionKindFor({ alternateSeats: 2 })).toBe('upperCongressDelegates');
    expect(electionKindFor({ alternateSeats: 0 })).toBe('executiveCommittee');
    expect(electionKindFor({})).toBe('executiveCommittee');
  });

  it('regulation → rule set, congress → denominator input, candidates → ids in ballot order', () => {
    const fr = toFirstRoundInput(base({ regulation: '2014', congress: 'delegates', summoned: 300, exclusions: { convenerMembersAbsentWhole: 4 }, seats: 17, alternateSeats: 0 }));
    expect(fr.ruleSet.regulation).toBe('2014');
    expect(fr.congress).toEqual({ congress: 'delegates', summoned: 300, exclusions: { convenerMembersAbsentWhole: 4 } });
    expect(fr).toMatchObject({ kind: 'executiveCommittee', seats: 17, alternateSeats: 0, candidates: ['a', 'b'] });
    expect(toFirstRoundInput(base()).congress.exclusions).toEqual({});
  });

  it('presents exactly the keys of the issue, in its order, with percent as a plain number', () => {
    const engine = countFirstRound(toFirstRoundInput(base({ summoned: 7, ballots: times(5, { strike: ['b'] }) })));
    if (!engine.ok) throw new Error(engine.error.code);
    const out = presentResult(engine.value);
    expect(Object.keys(out)).toEqual(['denominator', 'threshold', 'ballots', 'candidates', 'elected', 'alternates', 'unfilledSeats', 'tie']);
    expect(Object.keys(out.ballots)).toEqual(['collected', 'valid', 'invalid', 'invalidReasons']);
    expect(out.candidates).toEqual([
      { id: 'a', votes: 5, percent: 71.43 },
      { id: 'b', votes: 0, percent: 0 },
    ]);
    expect(JSON.stringify(out.candidates[0])).toBe('{"id":"a","votes":5,"percent":71.43}');
  });

  it('the figure of the issue: 250 of D = 280 is 89.29 %, printed as 89.29', () => {
    const out = ok(base({ summoned: 280, ballots: [...times(250, { strike: ['b'] }), ...times(29, { strike: ['a'] })] }));
    expect(out.candidates[0]).toEqual({ id: 'a', votes: 250, percent: 89.29 });
    expect(JSON.stringify(out)).toContain('"percent":89.29');
    expect(JSON.stringify(out)).not.toMatch(/\d\.\d{3,}/);
  });

  it('unfilled seats add official and alternate pools; a tie keeps only the tied ids and the seats', () => {
    const fake = {
      denominator: { denominator: 10 },
      threshold: 6,
      ballots: { form: 'strikeOut', collected: 0, valid: 0, invalid: 0, invalidReasons: {} },
      candidates: [],
      elected: [],
      alternates: [],
      unfilledSeats: { official: 1, alternate: 2 },
      tie: { pool: 'official', candidates: ['x', 'y'], seats: 1, votes: 7 },
    } as unknown as FirstRoundResult;
    const out = presentResult(fake);
    expect(out.unfilledSeats).toBe(3);
    expect(out.tie).toEqual({ candidates: ['x', 'y'], seats: 1 });
  });

  it('field paths as a reader of the file sees them', () => {
    expect(fieldPath(['ballots', 3, 'strike', 0])).toBe('ballots[3].strike[0]');
    expect(fieldPath(['exclusions', 'suspended'])).toBe('exclusions.suspended');
    expect(fieldPath([])).toBe('(gốc tệp)');
  });

  it('property: percent is votes / D × 100 rounded half-up to 2 decimals, with no floating garbage', () => {
    const rules = ruleSetFor('2024');
    const fake = (percent: FixedDecimal) =>
      ({
        denominator: { denominator: 1 },
        threshold: 1,
        ballots: { form: 'strikeOut', collected: 0, valid: 0, invalid: 0, invalidReasons: {} },
        candidates: [{ id: 'a', votes: 0, percent, percentText: '', rank: 1, status: 'belowThreshold' }],
        elected: [],
        alternates: [],
        unfilledSeats: { official: 0, alternate: 0 },
        tie: null,
      }) as unknown as FirstRoundResult;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.nat(), (D, v) => {
        const votes = v % (D + 1);
        const halfUp = Math.floor((votes * 10_000 * 2 + D) / (2 * D)); // exact integers
        const p = presentResult(fake(percentOfDenominator(votes, D, rules))).candidates[0]!.percent;
        expect(String(p)).toMatch(/^\d+(\.\d{1,2})?$/);
        expect(Math.round(p * 100)).toBe(halfUp);
      }),
    );
  });
});

// ---------------------------------------------------------------- schema

describe('the input schema is strict and its messages name the field', () => {
  it('accepts the contract of the issue, all seven exclusion keys included', () => {
    const input = base({
      congress: 'delegates',
      summoned: 300,
      exclusions: {
        temporarilyElsewhereAbsent: 0, exemptAbsent: 0, suspended: 0, prosecutedOrDetained: 0, absentWholeCongressWithReason: 0,
        convenerMembersAbsentWhole: 0, delegatesAbsentWholeNotReplaced: 0,
      },
      alternateSeats: 0,
      ballots: [{ strike: ['b'] }, { invalid: 'NOT_ISSUED' }],
    });
    expect(tallyInputSchema.safeParse(input).success).toBe(true);
    expect(ok(input).denominator).toBe(300);
  });

  it('unknown keys are errors at every level', () => {
    const top = err({ ...base(), kind: 'x' });
    expect(top.code).toBe('INVALID_INPUT');
    expect(top.message).toContain('kind: khóa không có trong định dạng đầu vào');
    expect(err(base({ exclusions: { sick: 1 } as never })).message).toContain('exclusions.sick');
    expect(err(base({ candidates: [{ id: 'a', name: 'A', age: 40 } as never, { id: 'b', name: 'B' }] })).message).toContain('candidates[0].age');
    expect(err(base({ ballots: [{ strike: [], extra: 1 } as never] })).message).toContain('ballots[0].extra (phiếu thứ 1)');
  });

  it('wrong types and values say what was expected', () => {
    const e = err({ ...base(), regulation: '2020', summoned: 10.5, seats: -1 });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('regulation: phải là một trong: "2014", "2024"');
    expect(e.message).toContain('summoned: phải là số nguyên');
    expect(e.message).toContain('seats: phải ≥ 0');
    expect(err({ ...base(), candidates: undefined }).message).toContain('candidates: thiếu (bắt buộc)');
    expect(err(base({ ballots: [{ marks: { a: 'yes' } } as never] })).message).toContain('ballots[0].marks.a (phiếu thứ 1): phải là một trong: "agree", "disagree", "both", "none"');
    expect(err(base({ ballots: [{ invalid: 'TORN' } as never] })).message).toContain('ballots[0].invalid');
    expect(err(base({ candidates: [{ id: 'a', name: '  ' }] })).message).toContain('candidates[0].name: không được để trống');
  });

  it('a ballot is exactly one of strike, marks, invalid; a note goes with invalid only', () => {
    expect(err(base({ ballots: [{}] })).message).toContain('ballots[0] (phiếu thứ 1): phiếu phải có đúng một trong các khóa strike, marks, invalid');
    expect(err(base({ ballots: [{ strike: [], invalid: 'NOT_ISSUED' }] })).message).toContain('đang có strike, invalid');
    expect(err(base({ ballots: [{ strike: [], note: 'x' }] })).message).toContain('ballots[0].note');
  });

  it('not JSON, or JSON of the wrong shape', () => {
    expect(run('x').exitCode).toBe(2);
    expect(tallyFromText('{bad').output).toMatchObject({ error: { code: 'INVALID_JSON' } });
    expect(tallyFromText('[]').output).toMatchObject({ error: { code: 'INVALID_INPUT', message: expect.stringContaining('(gốc tệp)') } });
  });

  it('a "__proto__" key anywhere is refused (it would vanish silently when copied)', () => {
    const text = JSON.stringify(base()).replace('"ballots":[{"strike":["b"]}]', '"ballots":[{"marks":{"__proto__":"agree"}}]');
    expect(text).toContain('__proto__');
    expect(tallyFromText(text).output).toMatchObject({ error: { code: 'INVALID_INPUT', message: expect.stringContaining('__proto__') } });
    const escaped = text.replace('__proto__', '\\u005f_proto__');
    expect(escaped).toContain('"\\u005f_proto__"');
    expect(tallyFromText(escaped).output).toMatchObject({ error: { code: 'INVALID_INPUT' } });
  });

  it('a UTF-8 byte-order mark (files saved by Windows tools) is accepted', () => {
    expect(tallyFromText(`\uFEFF${JSON.stringify(base())}`).exitCode).toBe(0);
  });

  it('lists at most 10 problems, then how many more', () => {
    const e = err(base({ ballots: times(13, {}) }));
    expect(e.message).toContain('ballots[9]');
    expect(e.message).not.toContain('ballots[10]');
    expect(e.message).toContain('… và 3 lỗi khác');
  });
});

// ---------------------------------------------------------------- engine errors

describe('engine errors keep their stable code and say where they are', () => {
  it('a ballot striking an unknown candidate: its code, its index', () => {
    const e = err(base({ ballots: [{ strike: ['b'] }, { strike: ['z'] }] }));
    expect(e.code).toBe('BALLOT_UNKNOWN_CANDIDATE');
    expect(e.message).toBe('1 phiếu nhập không đọc được: ballots[1] (phiếu thứ 2): Phiếu nhập có người không có trong danh sách bầu cử (mã "z").');
  });

  it('several kinds of bad ballots: BALLOT_ENTRY_ERRORS listing each', () => {
    const e = err(base({ ballots: [{ strike: ['z'] }, { strike: ['a', 'a'] }, { marks: { a: 'agree' } }] }));
    expect(e.code).toBe('BALLOT_ENTRY_ERRORS');
    expect(e.message).toContain('3 phiếu nhập');
    expect(e.message).toContain('ballots[0] (phiếu thứ 1)');
    expect(e.message).toContain('ballots[1] (phiếu thứ 2): Phiếu nhập ghi một người hai lần (mã "a")');
    expect(e.message).toContain('ballots[2] (phiếu thứ 3): Cách nhập phiếu không khớp');
    expect(e.message).toContain('gạch tên ("strike")');
  });

  it('an exclusion of another congress kind (non-zero) is an error naming the field', () => {
    const e = err(base({ exclusions: { convenerMembersAbsentWhole: 1 } }));
    expect(e.code).toBe('EXCLUSION_NOT_FOR_CONGRESS_KIND');
    expect(e.message).toMatch(/^exclusions\.convenerMembersAbsentWhole: /);
    expect(err(base({ congress: 'delegates', summoned: 300, exclusions: { exemptAbsent: 2 } })).code).toBe('EXCLUSION_NOT_FOR_CONGRESS_KIND');
    expect(err(base({ congress: 'conference', summoned: 18, exclusions: { absentWholeCongressWithReason: 1 } })).code).toBe('EXCLUSION_NOT_FOR_CONGRESS_KIND');
  });

  it('other setup errors name their field', () => {
    expect(err(base({ seats: 0 }))).toMatchObject({ code: 'NO_SEATS', message: expect.stringMatching(/^seats: /) });
    expect(err(base({ candidates: [] }))).toMatchObject({ code: 'NO_CANDIDATES', message: expect.stringMatching(/^candidates: /) });
    expect(err(base({ candidates: candidates(['a', 'b', 'a']) }))).toMatchObject({
      code: 'DUPLICATE_CANDIDATE',
      message: expect.stringContaining('candidates[2].id ("a" đã có ở candidates[0])'),
    });
    expect(err(base({ summoned: 5, exclusions: { suspended: 5 } }))).toMatchObject({
      code: 'EXCLUSIONS_EXCEED_SUMMONED',
      message: expect.stringContaining('triệu tập 5, trừ 5'),
    });
    expect(err(base({ regulation: '2014', ballots: [{ invalid: 'CASE_ADDED_BY_QD190', note: 'x' }] })).code).toBe('BALLOT_REASON_NOT_IN_RULE_SET');
    expect(err(base({ ballots: [{ invalid: 'OTHER_COMMITTEE_RULING' }] })).code).toBe('BALLOT_RULING_NOTE_REQUIRED');
    expect(ok(base({ ballots: [{ invalid: 'OTHER_COMMITTEE_RULING', note: 'phiếu rách đôi' }] })).ballots.invalidReasons).toEqual({ OTHER_COMMITTEE_RULING: 1 });
  });

  it('more votes than D means the figures are wrong', () => {
    const e = err(base({ summoned: 2, ballots: times(3, { strike: ['b'] }) }));
    expect(e.code).toBe('VOTES_EXCEED_DENOMINATOR');
    expect(e.message).toContain('mã "a"');
  });
});

// ---------------------------------------------------------------- the worked examples of §5

const EX1_VOTES: Record<string, number> = {
  A: 270, B: 265, C: 262, D: 258, E: 250, F: 247, G: 240, H: 233, I: 228, K: 221,
  L: 215, M: 204, N: 198, O: 186, P: 175, Q: 163, R: 152, S: 147, T: 140, U: 120,
};
const EX1_IDS = Object.keys(EX1_VOTES);
const DELEGATES_280 = {
  congress: 'delegates' as const,
  summoned: 300,
  exclusions: { convenerMembersAbsentWhole: 4, delegatesAbsentWholeNotReplaced: 16 },
};

describe('§5 worked examples through `daihoi tally`', () => {
  it('Ex 1: D = 280, T = 141; 279 collected = 276 valid + 3 invalid; A…R elected; S outranked; T (140) not elected', () => {
    const out = ok({
      regulation: '2024',
      ...DELEGATES_280,
      seats: 17,
      alternateSeats: 0,
      candidates: candidates(EX1_IDS),
      ballots: [...ballotsGiving(EX1_IDS, EX1_VOTES, 276, 17), { strike: ['A', 'B'] }, { strike: ['A', 'B'] }, { invalid: 'NOT_ISSUED' }],
    });
    expect(out.denominator).toBe(280);
    expect(out.threshold).toBe(141);
    expect(out.ballots).toEqual({ collected: 279, valid: 276, invalid: 3, invalidReasons: { KEEPS_TOO_MANY: 2, NOT_ISSUED: 1 } });
    expect(votesOf(out)).toEqual(EX1_VOTES);
    expect(out.elected).toEqual(EX1_IDS.slice(0, 17));
    expect(out.elected).not.toContain('S');
    expect(out.elected).not.toContain('T'); // 140 > 276/2 but not > 280/2
    expect(out.candidates.find((c) => c.id === 'A')?.percent).toBe(96.43);
    expect(out.candidates.find((c) => c.id === 'T')?.percent).toBe(50);
    expect(out).toMatchObject({ alternates: [], unfilledSeats: 0, tie: null });
  });

  it('Ex 2: chi bộ of 11, one absent with an approved reason → D = 10, T = 6; 5 votes do not elect, 6 do', () => {
    const ids = ['a', 'b', 'c'];
    const out = ok({
      regulation: '2024',
      congress: 'members',
      summoned: 11,
      exclusions: { absentWholeCongressWithReason: 1 },
      seats: 2,
      candidates: candidates(ids),
      ballots: ballotsGiving(ids, { a: 6, b: 5, c: 4 }, 10, 2),
    });
    expect([out.denominator, out.threshold]).toEqual([10, 6]);
    expect(out.candidates).toEqual([
      { id: 'a', votes: 6, percent: 60 },
      { id: 'b', votes: 5, percent: 50 },
      { id: 'c', votes: 4, percent: 40 },
    ]);
    expect(out.elected).toEqual(['a']);
    expect(out.unfilledSeats).toBe(1);
  });

  it('Ex 3: members congress of 180 with exclusions → D = 180 − 4 − 2 − 1 − 1 − 6 = 166, T = 84 (160 present)', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const out = ok({
      regulation: '2024',
      congress: 'members',
      summoned: 180,
      exclusions: { temporarilyElsewhereAbsent: 4, exemptAbsent: 2, suspended: 1, prosecutedOrDetained: 1, absentWholeCongressWithReason: 6 },
      seats: 3,
      candidates: candidates(ids),
      ballots: ballotsGiving(ids, { a: 150, b: 84, c: 83, d: 20 }, 160, 3),
    });
    expect([out.denominator, out.threshold]).toEqual([166, 84]);
    expect(out.elected).toEqual(['a', 'b']);
    expect(out.unfilledSeats).toBe(1);
  });

  it('Ex 4: D = 280 — 140 votes do not elect, 141 do', () => {
    const ids = ['x', 'y', 'z'];
    const out = ok({ regulation: '2024', ...DELEGATES_280, seats: 2, candidates: candidates(ids), ballots: ballotsGiving(ids, { x: 141, y: 140, z: 50 }, 280, 2) });
    expect(out.elected).toEqual(['x']);
    expect(out.candidates.map((c) => c.percent)).toEqual([50.36, 50, 17.86]);
    expect(out.unfilledSeats).toBe(1);
  });

  it('Ex 5: 20 names, 17 seats — strike all / keep 18 invalid, keep 10 valid, not stamped / not issued / written-in invalid', () => {
    const out = ok({
      regulation: '2024',
      ...DELEGATES_280,
      seats: 17,
      candidates: candidates(EX1_IDS),
      ballots: [
        { strike: EX1_IDS }, // (a)
        { strike: ['A', 'B'] }, // (b) keeps 18
        { strike: EX1_IDS.slice(10) }, // (c) keeps 10
        { invalid: 'NOT_STAMPED' }, // (d)
        { invalid: 'NOT_ISSUED' }, // (d)
        { invalid: 'WRITTEN_IN_NAME' }, // (e) [U], the committee's ruling
      ],
    });
    expect(out.ballots).toEqual({
      collected: 6,
      valid: 1,
      invalid: 5,
      invalidReasons: { KEEPS_TOO_MANY: 1, STRIKES_ALL: 1, NOT_ISSUED: 1, NOT_STAMPED: 1, WRITTEN_IN_NAME: 1 },
    });
    expect(out.candidates.filter((c) => c.votes === 1).map((c) => c.id)).toEqual(EX1_IDS.slice(0, 10));
    expect(out.denominator).toBe(280); // invalid ballots never change D
  });

  describe('Ex 6: conference of 18, 2 absent all meeting → D = 18 (absent stay in D), T = 10; single candidate', () => {
    const conference = (extraAgree: number) => ({
      regulation: '2024',
      congress: 'conference',
      summoned: 18,
      exclusions: { absentWholeMeeting: 2 },
      seats: 1,
      candidates: candidates(['s']),
      ballots: [
        ...times(9 + extraAgree, { marks: { s: 'agree' } }),
        ...times(5, { marks: { s: 'disagree' } }),
        { marks: { s: 'both' } },
        { marks: {} },
      ],
    });

    it('9 agree do not elect although 9 > 16/2 present; both/neither on a single-name ballot is invalid by default (§8 item 2)', () => {
      const out = ok(conference(0));
      expect([out.denominator, out.threshold]).toEqual([18, 10]);
      expect(out.ballots).toEqual({ collected: 16, valid: 14, invalid: 2, invalidReasons: { SINGLE_CANDIDATE_BOTH_OR_NONE: 2 } });
      expect(out.candidates).toEqual([{ id: 's', votes: 9, percent: 50 }]);
      expect(out).toMatchObject({ elected: [], unfilledSeats: 1, tie: null });
    });

    it('10 agree elect', () => {
      expect(ok(conference(1)).elected).toEqual(['s']);
    });

    it('on a several-name list without surplus, both/neither for a person keeps the ballot valid with no vote for them', () => {
      const out = ok({
        ...conference(0),
        seats: 2,
        candidates: candidates(['s', 't']),
        ballots: [{ marks: { s: 'agree', t: 'both' } }, { marks: { s: 'none', t: 'agree' } }, { marks: {} }],
      });
      expect(out.ballots).toMatchObject({ collected: 3, valid: 3, invalid: 0 });
      expect(votesOf(out)).toEqual({ s: 1, t: 1 });
    });
  });

  it('Ex 7: delegates to the upper congress, 12 seats, D = 250, T = 126 — 10 pass, 2 seats remain', () => {
    const votes: Record<string, number> = {
      d1: 240, d2: 230, d3: 220, d4: 210, d5: 200, d6: 190, d7: 180, d8: 170, d9: 150, d10: 126, d11: 125, d12: 110, d13: 90, d14: 60,
    };
    const ids = Object.keys(votes);
    const out = ok({
      regulation: '2024',
      congress: 'delegates',
      summoned: 250,
      seats: 12,
      candidates: candidates(ids),
      ballots: ballotsGiving(ids, votes, 250, 12),
    });
    expect(out.threshold).toBe(126);
    expect(out.elected).toEqual(ids.slice(0, 10));
    expect(out.unfilledSeats).toBe(2);
  });

  describe('Ex 8: 12 official + 2 alternates on one list (§9, QĐ 294 mục 11.4.1), T = 126', () => {
    const ids = Array.from({ length: 16 }, (_, i) => `p${i + 1}`);
    const setup = { regulation: '2024', congress: 'delegates', summoned: 250, seats: 12, alternateSeats: 2, candidates: candidates(ids) };
    const file = (v: readonly number[]) => ({
      ...setup,
      ballots: ballotsGiving(ids, Object.fromEntries(ids.map((id, i) => [id, v[i] ?? 0])), 250, 14),
    });

    it('the top 12 are officials; ranks 13–14 above half are the alternates in vote order', () => {
      const out = ok(file([240, 235, 230, 225, 220, 215, 210, 205, 200, 195, 190, 185, 140, 150, 100, 125]));
      expect(out.elected).toEqual(ids.slice(0, 12));
      expect(out.alternates).toEqual(['p14', 'p13']);
      expect(out.unfilledSeats).toBe(0);
    });

    it('fewer than 12 above half: no alternate before the officials are complete; 1 + 2 seats unfilled', () => {
      const out = ok(file(ids.map((_, i) => (i < 11 ? 200 - i : 120 - i))));
      expect(out.elected).toHaveLength(11);
      expect(out.alternates).toEqual([]);
      expect(out.unfilledSeats).toBe(3);
    });

    it('a tie at the alternates\' cut-off is reported like any other: nobody in it placed', () => {
      const four = ['a', 'b', 'c', 'd'];
      const out = ok({
        regulation: '2024',
        congress: 'delegates',
        summoned: 10,
        seats: 2,
        alternateSeats: 1,
        candidates: candidates(four),
        ballots: ballotsGiving(four, { a: 9, b: 8, c: 6, d: 6 }, 10, 3),
      });
      expect(out).toMatchObject({ elected: ['a', 'b'], alternates: [], unfilledSeats: 0, tie: { candidates: ['c', 'd'], seats: 1 } });
    });

    it('a ballot of the combined list may keep 14 names, not 15', () => {
      const out = ok({ ...setup, ballots: [{ strike: ids.slice(15) }, { strike: ids.slice(14) }] }); // keeps 15, keeps 14
      expect(out.ballots).toMatchObject({ valid: 1, invalid: 1, invalidReasons: { KEEPS_TOO_MANY: 1 } });
    });
  });

  it('Ex 9: P and Q tie at 150 (≥ 141) for seat 17 — neither elected, a tie for 1 seat; never by age or alphabet', () => {
    const clear = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i + 1}`, 260 - i]));
    const votes = { ...clear, P: 150, Q: 150, Z: 100 };
    const ids = Object.keys(votes);
    const out = ok({ regulation: '2024', ...DELEGATES_280, seats: 17, candidates: candidates(ids), ballots: ballotsGiving(ids, votes, 276, 17) });
    expect(out.elected).toEqual(Object.keys(clear));
    expect(out.tie).toEqual({ candidates: ['P', 'Q'], seats: 1 });
    expect(out.unfilledSeats).toBe(0);
  });

  it('Ex 9 (last line): tied below T is no tie to break — neither elected, the seat is unfilled', () => {
    const clear = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i + 1}`, 260 - i]));
    const votes = { ...clear, P: 140, Q: 140, Z: 100 };
    const ids = Object.keys(votes);
    const out = ok({ regulation: '2024', ...DELEGATES_280, seats: 17, candidates: candidates(ids), ballots: ballotsGiving(ids, votes, 276, 17) });
    expect(out.tie).toBeNull();
    expect(out.elected).toHaveLength(16);
    expect(out.unfilledSeats).toBe(1);
  });

  it('Ex 10: 15 seats, 18 candidates, T = 141 — 13 pass, 2 seats unfilled', () => {
    const ids = Array.from({ length: 18 }, (_, i) => `m${i + 1}`);
    const votes = Object.fromEntries(ids.map((id, i) => [id, i < 13 ? 250 - i : 140 - i]));
    const out = ok({ regulation: '2014', ...DELEGATES_280, seats: 15, candidates: candidates(ids), ballots: ballotsGiving(ids, votes, 276, 15) });
    expect(out.elected).toEqual(ids.slice(0, 13));
    expect(out).toMatchObject({ unfilledSeats: 2, tie: null });
  });

  // Ex 11–16 are not about counting ballots (surplus arithmetic, allocation, age, deadlines,
  // quorum, complaint windows): the engine's worked-examples.test.ts covers them.

  it('property: the order of the ballots never changes the output', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const ballots: Ballot[] = [...ballotsGiving(ids, { a: 7, b: 6, c: 6, d: 2 }, 10, 3), { invalid: 'NOT_STAMPED' }, { strike: ids }];
    const file = { regulation: '2024', congress: 'members', summoned: 11, seats: 2, candidates: candidates(ids) };
    const expected = ok({ ...file, ballots });
    fc.assert(fc.property(fc.shuffledSubarray(ballots, { minLength: ballots.length }), (shuffled) => {
      expect(ok({ ...file, ballots: shuffled })).toEqual(expected);
    }));
  });
});

// ---------------------------------------------------------------- the command with fake I/O

function fakeIo(files: Record<string, string>, stdin = ''): TallyIo & { written: string[] } {
  const written: string[] = [];
  return {
    written,
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    readStdin: async () => stdin,
    write: async (text) => {
      written.push(text);
    },
  };
}

describe('runTallyCli', () => {
  it('a file: result JSON on stdout, exit 0', async () => {
    const io = fakeIo({ 'in.json': JSON.stringify(base()) });
    expect(await runTallyCli(['in.json'], io)).toBe(0);
    expect(JSON.parse(io.written.join(''))).toMatchObject({ denominator: 10, elected: [] });
    expect(io.written.join('').endsWith('}\n')).toBe(true);
  });

  it('"-" reads stdin', async () => {
    const io = fakeIo({}, JSON.stringify(base({ ballots: times(6, { strike: ['b'] }) })));
    expect(await runTallyCli(['-'], io)).toBe(0);
    expect(JSON.parse(io.written.join(''))).toMatchObject({ elected: ['a'] });
  });

  it('a missing file, no file or two files: JSON error, exit 2', async () => {
    const io = fakeIo({});
    expect(await runTallyCli(['nope.json'], io)).toBe(2);
    expect(JSON.parse(io.written.join(''))).toEqual({ error: { code: 'FILE_UNREADABLE', message: 'Không đọc được tệp "nope.json": không tồn tại' } });
    for (const args of [[], ['a.json', 'b.json']]) {
      const io2 = fakeIo({});
      expect(await runTallyCli(args, io2)).toBe(2);
      expect(JSON.parse(io2.written.join(''))).toMatchObject({ error: { code: 'USAGE' } });
    }
  });

  it('--help prints the usage, exit 0', async () => {
    const io = fakeIo({});
    expect(await runTallyCli(['--help'], io)).toBe(0);
    expect(io.written.join('')).toContain('daihoi tally TEP.json');
  });
});
