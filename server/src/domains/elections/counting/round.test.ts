import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveRuleSet, ruleSetFor, type RuleSet } from './rule-sets.ts';
import {
  electionOutcome,
  recordCongressDecision,
  recordRoundVotes,
  remainingSeats,
  startElection,
  type CongressDecision,
  type ElectionSetup,
  type ElectionState,
} from './round.ts';
import type { CandidateVotes, Result } from './types.ts';

const rules = ruleSetFor('2024');

function value<T>(r: Result<T, { code: string }>): T {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}
function code<T>(r: Result<T, { code: string }>): string {
  return r.ok ? 'ok' : r.error.code;
}
function v(entries: Record<string, number>): CandidateVotes[] {
  return Object.entries(entries).map(([id, votes]) => ({ id, votes }));
}
function start(setup: Partial<ElectionSetup> & Pick<ElectionSetup, 'candidates'>): ElectionState {
  return value(startElection({ kind: 'executiveCommittee', seats: 1, denominator: 10, ruleSet: rules, ...setup }));
}

describe('startElection', () => {
  it('plans a first round with every candidate and the threshold over D', () => {
    const s = start({ candidates: ['a', 'b', 'c'], seats: 2, denominator: 20 });
    expect(s.phase).toEqual({
      kind: 'awaitingRound',
      round: {
        number: 1,
        purpose: 'first',
        candidates: ['a', 'b', 'c'],
        pools: [{ pool: 'official', seats: 2 }],
        ballotSeats: 2,
        threshold: { kind: 'moreThanHalf', denominator: 20 },
      },
    });
  });

  it('refuses bad setups', () => {
    const base: ElectionSetup = { kind: 'executiveCommittee', seats: 1, denominator: 10, ruleSet: rules, candidates: ['a'] };
    expect(code(startElection({ ...base, seats: 0 }))).toBe('NO_SEATS');
    expect(code(startElection({ ...base, candidates: [] }))).toBe('NO_CANDIDATES');
    expect(code(startElection({ ...base, candidates: ['a', 'a'] }))).toBe('DUPLICATE_CANDIDATE');
    expect(code(startElection({ ...base, alternateSeats: 2 }))).toBe('ALTERNATES_NOT_ALLOWED');
    expect(code(startElection({ ...base, denominator: 0 }))).toBe('NOT_A_COUNT');
  });
});

describe('recordRoundVotes — input checks', () => {
  const s = start({ candidates: ['a', 'b'], denominator: 10 });
  it('needs the votes of exactly the candidates of the round', () => {
    expect(code(recordRoundVotes(s, v({ a: 3 })))).toBe('VOTES_MISMATCH_CANDIDATES');
    expect(code(recordRoundVotes(s, v({ a: 3, b: 2, z: 1 })))).toBe('VOTES_MISMATCH_CANDIDATES');
    expect(code(recordRoundVotes(s, [...v({ a: 3, b: 2 }), { id: 'a', votes: 1 }]))).toBe('VOTES_MISMATCH_CANDIDATES');
  });
  it('refuses impossible figures', () => {
    expect(code(recordRoundVotes(s, v({ a: 11, b: 0 })))).toBe('VOTES_EXCEED_DENOMINATOR');
    expect(code(recordRoundVotes(s, v({ a: 8, b: 0 }), 7))).toBe('VOTES_EXCEED_VALID_BALLOTS');
    expect(code(recordRoundVotes(s, v({ a: -1, b: 0 })))).toBe('NOT_A_COUNT');
  });
  it('refuses votes when no round is open, and decisions when none is awaited', () => {
    const closed = value(recordRoundVotes(s, v({ a: 6, b: 4 })));
    expect(closed.phase.kind).toBe('closed');
    expect(code(recordRoundVotes(closed, v({ a: 6, b: 4 })))).toBe('NOT_AWAITING_ROUND');
    expect(code(recordCongressDecision(s, { kind: 'stop' }))).toBe('NOT_AWAITING_DECISION');
  });
  it('keeps the ballot order whatever the order of the votes', () => {
    const r = value(recordRoundVotes(s, v({ b: 4, a: 6 })));
    expect(r.rounds[0]?.votes.map((x) => x.id)).toEqual(['a', 'b']);
  });
});

describe('ties across rounds', () => {
  const setup = { kind: 'upperCongressDelegates' as const, seats: 2, alternateSeats: 2, candidates: ['a', 'P', 'Q', 'R', 'S'], denominator: 10 };

  it('an official tie holds the alternates back; after the tie-break the loser is the first alternate', () => {
    const s1 = value(recordRoundVotes(start(setup), v({ a: 9, P: 8, Q: 8, R: 7, S: 2 })));
    expect(s1.elected).toEqual({ official: ['a'], alternate: [] });
    expect(s1.rounds[0]?.decision.candidates.find((c) => c.id === 'R')?.status).toBe('awaitingTieBreak');
    expect(s1.phase).toMatchObject({ kind: 'awaitingRound', round: { purpose: 'tieBreak', candidates: ['P', 'Q'], ballotSeats: 1 } });
    const s2 = value(recordRoundVotes(s1, v({ P: 3, Q: 5 })));
    expect(s2.elected).toEqual({ official: ['a', 'Q'], alternate: ['P', 'R'] });
    expect(s2.phase.kind).toBe('closed');
  });

  it('a new tie at the alternates’ cut-off after a tie-break is a new mandatory tie-break, not a congress decision', () => {
    const s1 = value(recordRoundVotes(start({ ...setup, alternateSeats: 1 }), v({ a: 9, P: 8, Q: 8, R: 8, S: 2 })));
    expect(s1.phase).toMatchObject({ round: { purpose: 'tieBreak', candidates: ['P', 'Q', 'R'], pools: [{ pool: 'official', seats: 1 }, { pool: 'alternate', seats: 1 }] } });
    const s2 = value(recordRoundVotes(s1, v({ P: 5, Q: 2, R: 2 })));
    expect(s2.elected.official).toEqual(['a', 'P']);
    expect(s2.phase).toMatchObject({ kind: 'awaitingRound', round: { purpose: 'tieBreak', candidates: ['Q', 'R'], pools: [{ pool: 'alternate', seats: 1 }] } });
  });

  it('the congress may stop a persisting tie: the seat stays empty, alternates wait for its decision', () => {
    const s1 = value(recordRoundVotes(start(setup), v({ a: 9, P: 8, Q: 8, R: 7, S: 2 })));
    const s2 = value(recordRoundVotes(s1, v({ P: 4, Q: 4 })));
    expect(s2.phase).toMatchObject({ kind: 'awaitingCongressDecision', reason: 'TIE_PERSISTS' });
    expect(code(recordCongressDecision(s2, { kind: 'furtherRound', candidates: ['P'] }))).toBe('DECISION_NOT_APPLICABLE');
    const s3 = value(recordCongressDecision(s2, { kind: 'stop' }));
    expect(s3.vacated).toEqual({ official: 1, alternate: 0 });
    expect(s3.phase).toMatchObject({ reason: 'SEATS_REMAIN', remaining: { official: 0, alternate: 2 } });
    const s4 = value(recordCongressDecision(s3, { kind: 'furtherRound', candidates: ['P', 'Q', 'R'] }));
    expect(s4.phase).toMatchObject({ round: { purpose: 'further', pools: [{ pool: 'alternate', seats: 2 }] } });
  });

  it('a further round may not list someone already elected, and repeatTieBreak needs a tie', () => {
    const s1 = value(recordRoundVotes(start({ candidates: ['a', 'b', 'c'], seats: 2, denominator: 10 }), v({ a: 6, b: 2, c: 1 })));
    expect(code(recordCongressDecision(s1, { kind: 'furtherRound', candidates: ['a', 'b'] }))).toBe('CANDIDATE_ALREADY_ELECTED');
    expect(code(recordCongressDecision(s1, { kind: 'furtherRound', candidates: [] }))).toBe('NO_CANDIDATES');
    expect(code(recordCongressDecision(s1, { kind: 'repeatTieBreak' }))).toBe('DECISION_NOT_APPLICABLE');
  });
});

describe('chi bộ secretary: three failed rounds → the upper committee appoints (QĐ 294 mục 23.3)', () => {
  const fail1 = v({ x: 4, y: 3 }); // D = 9, T = 5
  function failOnce(s: ElectionState): ElectionState {
    const r = value(recordRoundVotes(s, fail1));
    return r.phase.kind === 'awaitingCongressDecision' ? value(recordCongressDecision(r, { kind: 'furtherRound', candidates: ['x', 'y'] })) : r;
  }

  it('after the third failure, no further round: an appointment is required', () => {
    let s = start({ kind: 'cellSecretary', candidates: ['x', 'y'], denominator: 9 });
    s = failOnce(failOnce(s));
    expect(s.phase.kind).toBe('awaitingRound');
    s = value(recordRoundVotes(s, fail1));
    expect(s.phase).toMatchObject({ kind: 'awaitingUpperAppointment', failedRounds: 3 });
    expect(electionOutcome(s)).toMatchObject({
      finished: true,
      upperAppointmentRequired: true,
      vacantSeats: { official: 1 },
      vacancyHandling: 'upperCommitteeAppointsSecretary',
    });
  });

  it('a success in the third round closes the election normally', () => {
    let s = start({ kind: 'cellSecretary', candidates: ['x', 'y'], denominator: 9 });
    s = failOnce(failOnce(s));
    s = value(recordRoundVotes(s, v({ x: 5, y: 4 })));
    expect(electionOutcome(s)).toMatchObject({ finished: true, elected: ['x'], upperAppointmentRequired: false, vacancyHandling: null });
  });

  it('other secretaries are not limited to three rounds', () => {
    let s = start({ kind: 'secretary', candidates: ['x', 'y'], denominator: 9 });
    s = failOnce(failOnce(s));
    s = value(recordRoundVotes(s, fail1));
    expect(s.phase).toMatchObject({ kind: 'awaitingCongressDecision', reason: 'SEATS_REMAIN' });
  });
});

describe('alternates in a separate round (QĐ 244 setting)', () => {
  it('officials first; alternates only after the officials are done', () => {
    const separate = value(resolveRuleSet('2014', { alternateSelection: 'separateRound' }));
    const s0 = value(
      startElection({ kind: 'upperCongressDelegates', seats: 2, alternateSeats: 1, candidates: ['a', 'b', 'c', 'd'], denominator: 10, ruleSet: separate }),
    );
    expect(s0.phase).toMatchObject({ round: { pools: [{ pool: 'official', seats: 2 }], ballotSeats: 2 } });
    const s1 = value(recordRoundVotes(s0, v({ a: 9, b: 8, c: 7, d: 1 })));
    expect(s1.elected).toEqual({ official: ['a', 'b'], alternate: [] });
    expect(s1.phase).toMatchObject({ reason: 'SEATS_REMAIN', remaining: { official: 0, alternate: 1 } });
  });
});

// Random walks through whole elections: the invariants hold after every step.
const setupArb = fc.record({
  kind: fc.constantFrom('executiveCommittee', 'upperCongressDelegates', 'cellSecretary') as fc.Arbitrary<ElectionSetup['kind']>,
  seats: fc.integer({ min: 1, max: 5 }),
  alternates: fc.integer({ min: 0, max: 3 }),
  n: fc.integer({ min: 1, max: 9 }),
  D: fc.integer({ min: 1, max: 12 }),
  ruleSet: fc.constantFrom<RuleSet>(rules, ruleSetFor('2014')),
});

function checkInvariants(s: ElectionState): void {
  const all = [...s.elected.official, ...s.elected.alternate];
  expect(new Set(all).size).toBe(all.length);
  const rem = remainingSeats(s);
  expect(rem.official).toBeGreaterThanOrEqual(0);
  expect(rem.alternate).toBeGreaterThanOrEqual(0);
  if (s.phase.kind === 'closed') expect(rem).toEqual({ official: 0, alternate: 0 });
  if (s.phase.kind === 'awaitingRound') {
    const plan = s.phase.round;
    for (const c of plan.candidates) expect(all).not.toContain(c);
    expect(plan.ballotSeats).toBeGreaterThan(0);
    if (plan.purpose === 'tieBreak') expect(plan.candidates.length).toBeGreaterThan(plan.pools[0]?.seats ?? 0);
  }
  if (s.setup.kind === 'cellSecretary') {
    const failed = s.rounds.filter((r) => r.plan.purpose !== 'tieBreak' && r.decision.filled.official.length === 0 && !r.decision.tie).length;
    expect(failed).toBeLessThanOrEqual(3);
    if (failed === 3) expect(s.phase.kind).toBe('awaitingUpperAppointment');
  }
  // Regular rounds elect only above half of D.
  for (const r of s.rounds) {
    if (r.plan.threshold.kind !== 'moreThanHalf') continue;
    for (const id of [...r.decision.filled.official, ...r.decision.filled.alternate]) {
      const votes = r.votes.find((x) => x.id === id)?.votes;
      if (votes !== undefined) expect(2 * votes).toBeGreaterThan(s.setup.denominator);
    }
  }
}

describe('property: random elections', () => {
  it('keep their invariants round after round and always finish or wait for someone', () => {
    fc.assert(
      fc.property(setupArb, fc.infiniteStream(fc.nat({ max: 1_000_000 })), (cfg, stream) => {
        const seats = cfg.kind === 'cellSecretary' ? 1 : cfg.seats;
        const names = Array.from({ length: cfg.n }, (_, i) => `c${i}`);
        let s = value(
          startElection({
            kind: cfg.kind,
            seats,
            alternateSeats: cfg.kind === 'upperCongressDelegates' ? cfg.alternates : 0,
            candidates: names,
            denominator: cfg.D,
            ruleSet: cfg.ruleSet,
          }),
        );
        const it = stream[Symbol.iterator]();
        const next = (m: number) => (it.next().value as number) % m;
        let extra = 0;
        for (let step = 0; step < 25; step += 1) {
          checkInvariants(s);
          const phase = s.phase;
          if (phase.kind === 'awaitingRound') {
            const votes = phase.round.candidates.map((id) => ({ id, votes: next(cfg.D + 1) }));
            s = value(recordRoundVotes(s, votes));
          } else if (phase.kind === 'awaitingCongressDecision') {
            const elected = new Set([...s.elected.official, ...s.elected.alternate]);
            const pool = [...names, ...Array.from({ length: extra }, (_, i) => `new${i}`)].filter((c) => !elected.has(c));
            let decision: CongressDecision = { kind: 'stop' };
            const choice = next(3);
            if (phase.reason === 'TIE_PERSISTS' && choice > 0) decision = { kind: 'repeatTieBreak' };
            if (phase.reason === 'SEATS_REMAIN' && choice > 0) {
              extra += 1;
              decision = { kind: 'furtherRound', candidates: [...pool, `new${extra - 1}`] };
            }
            s = value(recordCongressDecision(s, decision));
          } else break;
        }
        checkInvariants(s);
        const out = electionOutcome(s);
        expect(out.elected.length + (out.finished ? out.vacantSeats.official : 0)).toBeLessThanOrEqual(seats);
      }),
      { numRuns: 300 },
    );
  });
});
