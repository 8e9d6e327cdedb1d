import { buildCalendar } from '../../../../../shared/src/calendar/working-days.ts';
// The worked examples of election-rules.md §5, each cited by number, run through the
// public API. Where §8/§9 corrected an example, the test follows the correction and
// says so. Expected figures come from the rules document, not from this code.
import { describe, expect, it } from 'vitest';
import {
  INVALID_REASON_INFO,
  checkConveningProposal,
  checkElectionList,
  checkQuorum,
  computeDenominator,
  countFirstRound,
  decideRound,
  electionOutcome,
  floorNomineeAdmitted,
  floorNomineeApprovalsNeeded,
  interpretBallot,
  quorumVerdict,
  recordCongressDecision,
  recordRoundVotes,
  resolveRuleSet,
  resultDeadlines,
  ruleSetFor,
  startElection,
  surplusLimits,
  tallyBallots,
  type BallotEntry,
  type CandidateVotes,
  type ElectionState,
  type ListCandidate,
  type Result,
} from './index.ts';
import { marksBallot, strikeBallotsFor, times } from './test-fixtures.ts';

const rules = ruleSetFor('2024');

function value<T>(r: Result<T, unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

function votesOf(entries: Record<string, number>): CandidateVotes[] {
  return Object.entries(entries).map(([id, votes]) => ({ id, votes }));
}

// Ex 1 data: 20 candidates (no "J" in the Vietnamese alphabet), 17 seats.
const EX1_VOTES: Record<string, number> = {
  A: 270, B: 265, C: 262, D: 258, E: 250, F: 247, G: 240, H: 233, I: 228, K: 221,
  L: 215, M: 204, N: 198, O: 186, P: 175, Q: 163, R: 152, S: 147, T: 140, U: 120,
};
const EX1_IDS = Object.keys(EX1_VOTES);

describe('Ex 1 — delegate congress, more winners than seats (R1.14–R1.21)', () => {
  const twoStruck = (): BallotEntry => ({ kind: 'strike', struck: ['A', 'B'] }); // keeps 18 > 17
  const ballots: BallotEntry[] = [
    ...strikeBallotsFor(EX1_IDS, EX1_VOTES, 276, 17),
    twoStruck(),
    twoStruck(),
    { kind: 'invalid', reason: 'NOT_ISSUED' },
  ];
  const result = value(
    countFirstRound({
      ruleSet: rules,
      congress: {
        congress: 'delegates',
        summoned: 300,
        exclusions: { convenerMembersAbsentWhole: 4, delegatesAbsentWholeNotReplaced: 16 },
      },
      kind: 'executiveCommittee',
      seats: 17,
      candidates: EX1_IDS,
      ballots,
    }),
  );

  it('D = 300 − 4 − 16 = 280 and T = 141', () => {
    expect(result.denominator.denominator).toBe(280);
    expect(result.threshold).toBe(141);
  });

  it('collected 279 = valid 276 + invalid 3', () => {
    expect(result.ballots).toMatchObject({ collected: 279, valid: 276, invalid: 3 });
    expect(result.ballots.invalidReasons).toEqual({ KEEPS_TOO_MANY: 2, NOT_ISSUED: 1 });
  });

  it('counts every candidate exactly', () => {
    expect(Object.fromEntries(result.candidates.map((c) => [c.id, c.votes]))).toEqual(EX1_VOTES);
  });

  it('elects the top 17 (A…R); S passed the threshold but ranks 18th', () => {
    expect(result.elected).toEqual(EX1_IDS.slice(0, 17));
    expect(result.candidates.find((c) => c.id === 'S')?.status).toBe('outranked');
    expect(result.tie).toBeNull();
    expect(result.unfilledSeats.official).toBe(0);
  });

  it('does not elect T = 140 although 140 > 276/2: the base is D, never the valid ballots', () => {
    expect(2 * 140).toBeGreaterThan(276);
    expect(result.candidates.find((c) => c.id === 'T')?.status).toBe('belowThreshold');
  });

  it('the list of 20 for 17 seats is within the 30 % surplus (3 = 17.6 %)', () => {
    const list: ListCandidate[] = EX1_IDS.map((id) => ({ id, fullName: id, nominatedBy: 'conveningCommittee' }));
    expect(checkElectionList({ kind: 'executiveCommittee', seats: 17, candidates: list, countingCommittee: [] }, rules)).toEqual([]);
  });

  it('shows percentages over D: A = 270/280 = 96,43 %', () => {
    expect(result.candidates[0]?.percentText).toBe('96,43%');
  });
});

describe('Ex 2 — chi bộ, exactly half (R1.19, official Q&A)', () => {
  const d = value(
    computeDenominator({ congress: 'members', summoned: 11, exclusions: { absentWholeCongressWithReason: 1 } }, rules),
  );

  it('D = 10, T = 6', () => {
    expect(d.denominator).toBe(10);
    expect(d.threshold).toBe(6);
  });

  it.each([
    [5, 'belowThreshold'],
    [6, 'elected'],
  ] as const)('a candidate with %i of 10 present is %s', (agree, status) => {
    const ballots = [...times(agree, marksBallot({ x: 'agree' })), ...times(10 - agree, marksBallot({ x: 'disagree' }))];
    const r = value(
      countFirstRound({
        ruleSet: rules,
        congress: { congress: 'members', summoned: 11, exclusions: { absentWholeCongressWithReason: 1 } },
        kind: 'cellSecretary',
        seats: 1,
        candidates: ['x'],
        ballots,
      }),
    );
    expect(r.candidates[0]?.status).toBe(status);
  });
});

describe('Ex 3 — members congress with exclusions (R1.17, R1.20)', () => {
  const d = value(
    computeDenominator(
      {
        congress: 'members',
        summoned: 180,
        exclusions: {
          temporarilyElsewhereAbsent: 4,
          exemptAbsent: 2, // 3 exempted, 1 attends and votes: only the 2 absent are excluded
          suspended: 1,
          prosecutedOrDetained: 1,
          absentWholeCongressWithReason: 6,
        },
      },
      rules,
    ),
  );

  it('D = 180 − 4 − 2 − 1 − 1 − 6 = 166, T = 84', () => {
    expect(d.denominator).toBe(166);
    expect(d.threshold).toBe(84);
    expect(d.formula).toBe('166 = 180 − 4 − 2 − 1 − 1 − 6');
  });

  it('with 160 present a candidate still needs 84 votes', () => {
    const decision = decideRound({
      votes: votesOf({ a: 84, b: 83 }),
      pools: [{ pool: 'official', seats: 2 }],
      threshold: { kind: 'moreThanHalf', denominator: d.denominator },
    });
    expect(decision.filled.official).toEqual(['a']);
    expect(2 * 83).toBeGreaterThan(160); // more than half of those present, still not elected
  });
});

describe('Ex 4 — exactly half at a delegate congress', () => {
  it.each([
    [140, false],
    [141, true],
  ])('D = 280: %i votes elected = %s', (votes, elected) => {
    const decision = decideRound({
      votes: votesOf({ a: votes }),
      pools: [{ pool: 'official', seats: 1 }],
      threshold: { kind: 'moreThanHalf', denominator: 280 },
    });
    expect(decision.filled.official.includes('a')).toBe(elected);
  });
});

describe('Ex 5 — ballot validity, 20 names, 17 seats (R1.15)', () => {
  const ctx = { candidates: EX1_IDS, seats: 17, ruleSet: rules };
  const strike = (n: number): BallotEntry => ({ kind: 'strike', struck: EX1_IDS.slice(0, n) });

  it('(a) striking all 20 names is invalid', () => {
    expect(value(interpretBallot(strike(20), ctx))).toMatchObject({ valid: false, reason: 'STRIKES_ALL' });
  });
  it('(b) striking only 2 (keeps 18 > 17) is invalid', () => {
    expect(value(interpretBallot(strike(2), ctx))).toMatchObject({ valid: false, reason: 'KEEPS_TOO_MANY' });
  });
  it('(c) striking 10 (keeps 10 < 17) is valid with 10 votes', () => {
    const b = value(interpretBallot(strike(10), ctx));
    expect(b.valid && b.votesFor).toEqual(EX1_IDS.slice(10));
  });
  it('(d) not stamped / not issued by the counting committee is invalid', () => {
    for (const reason of ['NOT_STAMPED', 'NOT_ISSUED'] as const) {
      expect(value(interpretBallot({ kind: 'invalid', reason }, ctx))).toMatchObject({
        valid: false,
        reason,
        decidedBy: 'countingCommittee',
      });
    }
  });
  it('(e) a written-in name is invalid by the committee ruling, flagged unconfirmed [U]', () => {
    expect(value(interpretBallot({ kind: 'invalid', reason: 'WRITTEN_IN_NAME' }, ctx)).valid).toBe(false);
    expect(INVALID_REASON_INFO.WRITTEN_IN_NAME.unconfirmed).toBe(true);
  });
  it('counting flow: invalid ballots deny votes to everyone but do not change D', () => {
    const t = value(tallyBallots({ ...ctx, ballots: [strike(10), strike(2), strike(20), { kind: 'invalid', reason: 'NOT_ISSUED' }] }));
    expect(t.collected).toBe(t.valid + t.invalid);
    expect([t.valid, t.invalid]).toEqual([1, 3]);
  });
});

describe('Ex 6 — no-surplus ballot, first meeting electing the secretary (R1.14, R1.16, §9 mục 9.3.3)', () => {
  const conference = { congress: 'conference' as const, summoned: 18, exclusions: { absentWholeMeeting: 2 } };
  const ballots = [
    ...times(9, marksBallot({ s: 'agree' })),
    ...times(5, marksBallot({ s: 'disagree' })),
    marksBallot({ s: 'both' }),
    marksBallot({ s: 'none' }),
  ];
  const count = (ruleSet = rules, agreeExtra = 0) =>
    value(
      countFirstRound({
        ruleSet,
        congress: conference,
        kind: 'secretary',
        seats: 1,
        candidates: ['s'],
        ballots: [...ballots, ...times(agreeExtra, marksBallot({ s: 'agree' }))],
      }),
    );

  it('D = 18 incumbent members (absent members stay in D by default), T = 10', () => {
    const r = count();
    expect(r.denominator.denominator).toBe(18);
    expect(r.threshold).toBe(10);
  });

  it('9 agree votes do not elect, although 9 > 16/2 present and > half of the valid ballots', () => {
    const r = count();
    expect(r.candidates[0]).toMatchObject({ votes: 9, status: 'belowThreshold' });
    expect(r.elected).toEqual([]);
  });

  it('§8 item 2 default: X in both or neither box on a single-candidate list is invalid [U]', () => {
    expect(count().ballots).toMatchObject({ collected: 16, valid: 14, invalid: 2 });
  });

  it('with the setting "validNoVote" all 16 ballots are valid, as Ex 6 states', () => {
    const lenient = value(resolveRuleSet('2024', { singleCandidateBothOrNone: 'validNoVote' }));
    expect(count(lenient).ballots).toMatchObject({ collected: 16, valid: 16, invalid: 0 });
    expect(count(lenient).candidates[0]?.votes).toBe(9);
  });

  it('with 10 agrees the candidate is elected', () => {
    expect(count(rules, 1).elected).toEqual(['s']);
  });

  it('if absent members were excluded (setting), D = 16 and T = 9', () => {
    const excluding = value(
      resolveRuleSet('2024', {
        conferenceDenominatorExclusions: ['temporarilyElsewhereAbsent', 'suspended', 'prosecutedOrDetained', 'absentWholeMeeting'],
      }),
    );
    const r = count(excluding);
    expect(r.threshold).toBe(9);
    expect(r.elected).toEqual(['s']);
  });
});

function start(setup: Parameters<typeof startElection>[0]): ElectionState {
  return value(startElection(setup));
}

describe('Ex 7 — delegates to the upper congress, too few pass (R1.23)', () => {
  const round1 = votesOf({
    d1: 240, d2: 230, d3: 220, d4: 210, d5: 200, d6: 190, d7: 180, d8: 170, d9: 150, d10: 126,
    d11: 125, d12: 110, d13: 90, d14: 60,
  });
  const s0 = start({ kind: 'upperCongressDelegates', seats: 12, candidates: round1.map((v) => v.id), denominator: 250, ruleSet: rules });

  it('round 1: 10 reach ≥ 126 → 10 elected, 2 seats remain; 125 is not more than half of 250', () => {
    const s1 = value(recordRoundVotes(s0, round1));
    expect(s1.elected.official).toHaveLength(10);
    expect(s1.elected.official).not.toContain('d11');
    expect(s1.phase).toEqual({ kind: 'awaitingCongressDecision', reason: 'SEATS_REMAIN', remaining: { official: 2, alternate: 0 } });
  });

  it('the congress decides a round 2 with a new name; it elects 1; then it stops: the delegation has 11', () => {
    const s1 = value(recordRoundVotes(s0, round1));
    const s2 = value(recordCongressDecision(s1, { kind: 'furtherRound', candidates: ['d11', 'd12', 'new1'] }));
    expect(s2.phase).toMatchObject({ kind: 'awaitingRound', round: { purpose: 'further', pools: [{ pool: 'official', seats: 2 }] } });
    const s3 = value(recordRoundVotes(s2, votesOf({ d11: 130, d12: 100, new1: 120 })));
    expect(s3.elected.official).toHaveLength(11);
    expect(s3.phase).toMatchObject({ reason: 'SEATS_REMAIN', remaining: { official: 1 } });
    const s4 = value(recordCongressDecision(s3, { kind: 'stop' }));
    const outcome = electionOutcome(s4);
    expect(outcome.elected).toHaveLength(11);
    expect(outcome.vacantSeats.official).toBe(1);
    expect(outcome.vacancyHandling).toBe('delegationStaysSmaller');
  });
});

describe('Ex 8 — official and alternate delegates on one list (R1.30–R1.31, §9 QĐ 294 mục 11.4.1)', () => {
  const names = Array.from({ length: 16 }, (_, i) => `p${i + 1}`);
  const setup = { kind: 'upperCongressDelegates' as const, seats: 12, alternateSeats: 2, candidates: names, denominator: 250, ruleSet: rules };

  it('a ballot may keep 14 names (12 + 2, setting combinedListBallotKeeps)', () => {
    const s = start(setup);
    expect(s.phase.kind === 'awaitingRound' && s.phase.round.ballotSeats).toBe(14);
  });

  it('the top 12 ≥ 126 are officials, ranks 13–14 ≥ 126 are the alternates in vote order', () => {
    const votes = names.map((id, i) => ({ id, votes: [240, 235, 230, 225, 220, 215, 210, 205, 200, 195, 190, 185, 140, 150, 100, 125][i] ?? 0 }));
    const s = value(recordRoundVotes(start(setup), votes));
    expect(s.elected.official).toEqual(names.slice(0, 12));
    expect(s.elected.alternate).toEqual(['p14', 'p13']); // 150 before 140
    expect(s.phase.kind).toBe('closed');
  });

  it('if fewer than 12 reach 126, no alternate is elected before the officials are complete', () => {
    const votes = names.map((id, i) => ({ id, votes: i < 11 ? 200 - i : 120 - i }));
    const s = value(recordRoundVotes(start(setup), votes));
    expect(s.elected.official).toHaveLength(11);
    expect(s.elected.alternate).toEqual([]);
    expect(s.phase).toMatchObject({ reason: 'SEATS_REMAIN', remaining: { official: 1, alternate: 2 } });
  });
});

describe('Ex 9 — tie at the last seat (R1.22 as corrected by §8 item 1, Charter Đ12 K3)', () => {
  const clear = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i + 1}`, 260 - i]));
  const names = [...Object.keys(clear), 'P', 'Q', 'Z'];
  const s0 = start({ kind: 'executiveCommittee', seats: 17, candidates: names, denominator: 280, ruleSet: rules });
  const s1 = value(recordRoundVotes(s0, votesOf({ ...clear, P: 150, Q: 150, Z: 100 })));

  it('P and Q (150 each, ≥ 141) tie for seat 17: neither is elected, a tie-break round among P and Q only', () => {
    expect(s1.elected.official).toHaveLength(16);
    expect(s1.elected.official).not.toContain('P');
    expect(s1.phase).toMatchObject({
      kind: 'awaitingRound',
      round: { purpose: 'tieBreak', candidates: ['P', 'Q'], pools: [{ pool: 'official', seats: 1 }], threshold: { kind: 'mostVotes' } },
    });
  });

  it('the tie-break winner does not need ≥ T: P 140, Q 139 → P elected although 140 < 141', () => {
    const s2 = value(recordRoundVotes(s1, votesOf({ P: 140, Q: 139 })));
    expect(s2.elected.official).toContain('P');
    expect(s2.elected.official).not.toContain('Q');
    expect(s2.phase.kind).toBe('closed');
  });

  it('tied again in the tie-break: the congress decides whether to vote again (never age or alphabet)', () => {
    const s2 = value(recordRoundVotes(s1, votesOf({ P: 140, Q: 140 })));
    expect(s2.phase).toMatchObject({ kind: 'awaitingCongressDecision', reason: 'TIE_PERSISTS' });
    const again = value(recordCongressDecision(s2, { kind: 'repeatTieBreak' }));
    expect(again.phase).toMatchObject({ kind: 'awaitingRound', round: { purpose: 'tieBreak', candidates: ['P', 'Q'] } });
  });

  it('tied candidates below T are not tie-broken: neither is elected (Ex 10 applies)', () => {
    const s = value(recordRoundVotes(s0, votesOf({ ...clear, P: 140, Q: 140, Z: 100 })));
    expect(s.elected.official).toHaveLength(16);
    expect(s.phase).toMatchObject({ kind: 'awaitingCongressDecision', reason: 'SEATS_REMAIN', remaining: { official: 1 } });
  });
});

describe('Ex 10 — committee election, too few pass (R1.23 as confirmed by §8 item 6)', () => {
  const names = Array.from({ length: 18 }, (_, i) => `m${i + 1}`);
  const votes = names.map((id, i) => ({ id, votes: i < 13 ? 250 - i : 140 - i }));
  const s1 = value(recordRoundVotes(start({ kind: 'executiveCommittee', seats: 15, candidates: names, denominator: 280, ruleSet: rules }), votes));

  it('13 reach ≥ 141 → 13 elected; the congress decides about the 2 vacancies', () => {
    expect(s1.elected.official).toEqual(names.slice(0, 13));
    expect(s1.phase).toMatchObject({ reason: 'SEATS_REMAIN', remaining: { official: 2 } });
  });

  it('stop: the seats are filled later by the upper committee (Charter Đ13 K2)', () => {
    const outcome = electionOutcome(value(recordCongressDecision(s1, { kind: 'stop' })));
    expect(outcome).toMatchObject({ finished: true, vacantSeats: { official: 2 }, vacancyHandling: 'upperCommitteeSupplements' });
  });

  it('another round for the 2 seats with the remaining candidates and a new name', () => {
    const s2 = value(recordCongressDecision(s1, { kind: 'furtherRound', candidates: [...names.slice(13), 'new'] }));
    expect(s2.phase).toMatchObject({ round: { purpose: 'further', pools: [{ pool: 'official', seats: 2 }], ballotSeats: 2 } });
  });
});

describe('Ex 11 — surplus arithmetic (R1.10, rounding [U] default "inward")', () => {
  it('17 seats: the convening committee prepares 2 extra (10–15 % = 1.7–2.55)', () => {
    expect(surplusLimits(17, rules)).toMatchObject({ conveningMin: 2, conveningMax: 2 });
    expect(checkConveningProposal('executiveCommittee', 17, 19, rules)).toEqual([]);
    expect(checkConveningProposal('executiveCommittee', 17, 20, rules).map((i) => i.code)).toEqual(['CONVENING_SURPLUS_OUT_OF_RANGE']);
  });

  it('17 seats: at most 5 extra (30 % = 5.1, rounded down) → 22 candidates', () => {
    const list = (n: number): ListCandidate[] => Array.from({ length: n }, (_, i) => ({ id: `x${i}`, fullName: `X ${i}`, nominatedBy: 'conveningCommittee' }));
    expect(checkElectionList({ kind: 'executiveCommittee', seats: 17, candidates: list(22), countingCommittee: [] }, rules)).toEqual([]);
    expect(
      checkElectionList({ kind: 'executiveCommittee', seats: 17, candidates: list(23), countingCommittee: [] }, rules).map((i) => i.code),
    ).toEqual(['SURPLUS_ABOVE_MAX']);
  });

  it('a floor nominee with 280 present needs more than 84 (30 %): 85', () => {
    expect(floorNomineeApprovalsNeeded(280, rules)).toBe(85);
    expect(floorNomineeAdmitted(84, 280, rules)).toBe(false);
    expect(floorNomineeAdmitted(85, 280, rules)).toBe(true);
  });

  it('a 5-member standing committee: surplus at most 1 → at most 6 candidates', () => {
    expect(surplusLimits(5, rules).congressMax).toBe(1);
    const list = (n: number): ListCandidate[] => Array.from({ length: n }, (_, i) => ({ id: `y${i}`, fullName: `Y ${i}`, nominatedBy: 'conveningCommittee' }));
    expect(checkElectionList({ kind: 'standingCommittee', seats: 5, candidates: list(6), countingCommittee: [] }, rules)).toEqual([]);
    expect(
      checkElectionList({ kind: 'standingCommittee', seats: 5, candidates: list(7), countingCommittee: [] }, rules).map((i) => i.code),
    ).toEqual(['SURPLUS_ABOVE_MAX']);
  });
});

// Ex 12–14 are rules of other domains (delegate allocation, personnel age rules, campaign
// deadlines); nothing in the counting domain computes them. Their tests live with their rules:
// Ex 12 server/src/domains/delegates/allocation-rules.test.ts,
// Ex 13 server/src/domains/personnel/eligibility-rules.test.ts,
// Ex 14 server/src/domains/campaigns/schedule-rules.test.ts.

describe('Ex 15 — quorum check (Charter Đ11 K6, a hard rule since §8 item 3)', () => {
  it('summoned 300: 199 present is not valid and the congress cannot open; 200 is', () => {
    const low = value(checkQuorum({ summoned: 300, present: 199 }, rules));
    expect(low.ok).toBe(false);
    expect(low.presentNeeded).toBe(200);
    expect(quorumVerdict(low, 'congressOpening', rules).allowed).toBe(false);
    expect(value(checkQuorum({ summoned: 300, present: 200 }, rules)).ok).toBe(true);
  });

  it('a district congress with 45 subordinate organisations needs delegates from at least 30', () => {
    const at = (n: number) => value(checkQuorum({ summoned: 300, present: 280, subordinateOrgs: { total: 45, withDelegatesPresent: n } }, rules));
    expect(at(29)).toMatchObject({ ok: false, failures: ['SUBORDINATE_ORGS_BELOW_TWO_THIRDS'] });
    expect(at(30).ok).toBe(true);
    expect(at(30).subordinateOrgs?.needed).toBe(30);
  });

  it('the quorum does not affect D', () => {
    const d = value(computeDenominator({ congress: 'delegates', summoned: 300 }, rules));
    expect(d.denominator).toBe(300);
  });
});

describe('Ex 16 — complaint and archive windows (R1.24)', () => {
  const r = value(resultDeadlines('2025-08-29', buildCalendar([], ['2025-09-01', '2025-09-02'])));
  it('closing Friday 29/8/2025: complaints accepted until Tuesday 23/9/2025', () => {
    expect(r.complaintsUntil).toBe('2025-09-23');
  });
  it('ballots kept sealed until at least 28/2/2026', () => {
    expect(r.ballotsKeptUntil).toBe('2026-02-28');
  });
});
