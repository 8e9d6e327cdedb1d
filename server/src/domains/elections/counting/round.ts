import { countingError, type CountingError } from './errors.ts';
import { isCount } from './integers.ts';
import { decideRound, type PoolCounts, type PoolLists, type RoundDecision, type Threshold, type TieAtCutoff, type Tier } from './result.ts';
import type { RuleSet } from './rule-sets.ts';
import {
  fail,
  ok,
  type CandidateId,
  type CandidateVotes,
  type ElectionKind,
  type Pool,
  type PoolSeats,
  type Result,
} from './types.ts';

// The state of one election across its rounds, as pure transitions:
//
//   startElection ─▶ awaitingRound(first)
//   recordRoundVotes:
//     tie at a cut-off ─────────────▶ awaitingRound(tieBreak among the tied only)   Đ12 K3
//     tie again in the tie-break ───▶ awaitingCongressDecision(TIE_PERSISTS)         Đ12 K3
//     seats left, nobody eligible ──▶ awaitingCongressDecision(SEATS_REMAIN)         Đ12 K3, QĐ 294 11.4.1
//     chi bộ secretary, 3rd failure ▶ awaitingUpperAppointment                       QĐ 294 23.3
//     all seats filled ─────────────▶ closed
//   recordCongressDecision: repeatTieBreak | furtherRound(candidates) | stop
//
// A tie-break round is mandatory (no decision needed); any further round is the
// congress' decision, with the list it approves (remaining and/or new names).

export const ROUND_PURPOSES = ['first', 'tieBreak', 'further'] as const;
export type RoundPurpose = (typeof ROUND_PURPOSES)[number];

export interface ElectionSetup {
  readonly kind: ElectionKind;
  readonly seats: number;
  /** Alternates (đại biểu dự khuyết); only for delegates to the upper congress. */
  readonly alternateSeats?: number;
  /** First-round list, in ballot order. */
  readonly candidates: readonly CandidateId[];
  /** The threshold denominator D of the congress or conference (denominator.ts). */
  readonly denominator: number;
  readonly ruleSet: RuleSet;
}

export interface RoundPlan {
  readonly number: number;
  readonly purpose: RoundPurpose;
  /** Names on this round's ballot. */
  readonly candidates: readonly CandidateId[];
  /** Seats to fill in this round, in order (officials before alternates). */
  readonly pools: readonly PoolSeats[];
  /** The most names a ballot may keep in this round. */
  readonly ballotSeats: number;
  readonly threshold: Threshold;
}

export interface RoundRecord {
  readonly plan: RoundPlan;
  readonly votes: readonly CandidateVotes[];
  readonly decision: RoundDecision;
}

export type ElectionPhase =
  | { readonly kind: 'awaitingRound'; readonly round: RoundPlan }
  | {
      readonly kind: 'awaitingCongressDecision';
      readonly reason: 'TIE_PERSISTS';
      readonly tie: TieAtCutoff;
      readonly remaining: PoolCounts;
    }
  | { readonly kind: 'awaitingCongressDecision'; readonly reason: 'SEATS_REMAIN'; readonly remaining: PoolCounts }
  | {
      readonly kind: 'awaitingUpperAppointment';
      readonly reason: 'CELL_SECRETARY_NOT_ELECTED';
      readonly failedRounds: number;
      readonly source: string;
    }
  | { readonly kind: 'closed' };

export interface ElectionState {
  readonly setup: ElectionSetup;
  readonly rounds: readonly RoundRecord[];
  /** Placed so far, in order of election (round by round, highest votes first). */
  readonly elected: PoolLists;
  /** Seats the congress decided to leave empty. */
  readonly vacated: PoolCounts;
  /** Tiers ranked below a pending tie (see result.ts `carry`). */
  readonly carry: readonly Tier[];
  /** Pools waiting behind a pending tie. */
  readonly pendingPools: readonly PoolSeats[];
  readonly phase: ElectionPhase;
}

export type CongressDecision =
  | { readonly kind: 'repeatTieBreak' }
  | { readonly kind: 'furtherRound'; readonly candidates: readonly CandidateId[] }
  | { readonly kind: 'stop' };

const EMPTY_LISTS: PoolLists = { official: [], alternate: [] };
const ZERO: PoolCounts = { official: 0, alternate: 0 };

function totalSeats(setup: ElectionSetup): PoolCounts {
  return { official: setup.seats, alternate: setup.alternateSeats ?? 0 };
}

export function remainingSeats(state: Pick<ElectionState, 'setup' | 'elected' | 'vacated'>): PoolCounts {
  const total = totalSeats(state.setup);
  return {
    official: total.official - state.elected.official.length - state.vacated.official,
    alternate: total.alternate - state.elected.alternate.length - state.vacated.alternate,
  };
}

/** Pools of a first or further round, per the alternates rule of the rule set. */
function regularPlan(
  setup: ElectionSetup,
  remaining: PoolCounts,
  number: number,
  purpose: 'first' | 'further',
  candidates: readonly CandidateId[],
): RoundPlan {
  const rules = setup.ruleSet.rules;
  const separate = rules.alternateSelection.value === 'separateRound';
  const pools: PoolSeats[] = [];
  if (remaining.official > 0) pools.push({ pool: 'official', seats: remaining.official });
  // One combined list: officials first, the rest above half become alternates
  // (QĐ 294 mục 11.4.1). With separate rounds, alternates wait until officials are done.
  if (remaining.alternate > 0 && (!separate || remaining.official === 0)) {
    pools.push({ pool: 'alternate', seats: remaining.alternate });
  }
  const first = pools[0]?.seats ?? 0;
  const ballotSeats =
    rules.combinedListBallotKeeps.value === 'officialPlusAlternate'
      ? pools.reduce((s, p) => s + p.seats, 0)
      : first;
  return {
    number,
    purpose,
    candidates,
    pools,
    ballotSeats,
    threshold: { kind: 'moreThanHalf', denominator: setup.denominator },
  };
}

function tieBreakPlan(number: number, tie: TieAtCutoff, pendingPools: readonly PoolSeats[]): RoundPlan {
  return {
    number,
    purpose: 'tieBreak',
    candidates: tie.candidates,
    pools: [{ pool: tie.pool, seats: tie.seats }, ...pendingPools],
    // The voters choose among the tied for the seats of the tie only; the tied always
    // outnumber those seats, so the ballot always has a surplus (strike-out form).
    ballotSeats: tie.seats,
    // "lấy người có số phiếu cao hơn, không cần phải quá một nửa" (Đ12 K3).
    threshold: { kind: 'mostVotes' },
  };
}

function uniqueNonEmpty(ids: readonly CandidateId[]): CountingError | null {
  if (ids.length === 0) return countingError('NO_CANDIDATES');
  if (new Set(ids).size !== ids.length) return countingError('DUPLICATE_CANDIDATE');
  return null;
}

export function startElection(setup: ElectionSetup): Result<ElectionState, CountingError> {
  if (!isCount(setup.seats) || setup.seats < 1) return fail(countingError('NO_SEATS', { seats: setup.seats }));
  const alternates = setup.alternateSeats ?? 0;
  if (!isCount(alternates)) return fail(countingError('NOT_A_COUNT', { field: 'alternateSeats', value: alternates }));
  if (alternates > 0 && setup.kind !== 'upperCongressDelegates') {
    return fail(countingError('ALTERNATES_NOT_ALLOWED', { kind: setup.kind }));
  }
  if (!isCount(setup.denominator) || setup.denominator < 1) {
    return fail(countingError('NOT_A_COUNT', { field: 'denominator', value: setup.denominator }));
  }
  const listError = uniqueNonEmpty(setup.candidates);
  if (listError) return fail(listError);
  const base = { setup, rounds: [], elected: EMPTY_LISTS, vacated: ZERO, carry: [], pendingPools: [] };
  return ok({
    ...base,
    phase: { kind: 'awaitingRound', round: regularPlan(setup, remainingSeats(base), 1, 'first', setup.candidates) },
  });
}

function validateVotes(plan: RoundPlan, setup: ElectionSetup, votes: readonly CandidateVotes[], validBallots?: number): CountingError | null {
  const expected = new Set(plan.candidates);
  const seen = new Set<CandidateId>();
  for (const v of votes) {
    if (!expected.has(v.id) || seen.has(v.id)) return countingError('VOTES_MISMATCH_CANDIDATES', { candidate: v.id });
    seen.add(v.id);
    if (!isCount(v.votes)) return countingError('NOT_A_COUNT', { candidate: v.id, value: v.votes });
    // Every voter present is inside D (exclusions only remove absentees), so no
    // candidate can have more votes than D: more means the figures are wrong.
    if (v.votes > setup.denominator) return countingError('VOTES_EXCEED_DENOMINATOR', { candidate: v.id, votes: v.votes });
    if (validBallots !== undefined && v.votes > validBallots) {
      return countingError('VOTES_EXCEED_VALID_BALLOTS', { candidate: v.id, votes: v.votes, validBallots });
    }
  }
  if (seen.size !== expected.size) return countingError('VOTES_MISMATCH_CANDIDATES', { missing: plan.candidates.filter((c) => !seen.has(c)) });
  return null;
}

function appendLists(a: PoolLists, b: PoolLists): PoolLists {
  return { official: [...a.official, ...b.official], alternate: [...a.alternate, ...b.alternate] };
}

/** Regular rounds (first/further) in which nobody reached the threshold for the seat. */
function failedRegularRounds(rounds: readonly RoundRecord[]): number {
  return rounds.filter(
    (r) => r.plan.purpose !== 'tieBreak' && r.decision.filled.official.length === 0 && r.decision.tie === null,
  ).length;
}

function afterSeatsSettled(state: Omit<ElectionState, 'phase'>): ElectionState {
  const remaining = remainingSeats(state);
  if (remaining.official === 0 && remaining.alternate === 0) return { ...state, phase: { kind: 'closed' } };
  const max = state.setup.ruleSet.rules.cellSecretaryMaxFailedRounds;
  if (state.setup.kind === 'cellSecretary') {
    const failed = failedRegularRounds(state.rounds);
    if (failed >= max.value) {
      return {
        ...state,
        phase: { kind: 'awaitingUpperAppointment', reason: 'CELL_SECRETARY_NOT_ELECTED', failedRounds: failed, source: max.source },
      };
    }
  }
  return { ...state, phase: { kind: 'awaitingCongressDecision', reason: 'SEATS_REMAIN', remaining } };
}

/**
 * Record the votes of the round in progress. `validBallots`, when given, is checked as
 * an upper bound of every candidate's votes.
 */
export function recordRoundVotes(
  state: ElectionState,
  votes: readonly CandidateVotes[],
  validBallots?: number,
): Result<ElectionState, CountingError> {
  if (state.phase.kind !== 'awaitingRound') return fail(countingError('NOT_AWAITING_ROUND', { phase: state.phase.kind }));
  const plan = state.phase.round;
  const invalidVotes = validateVotes(plan, state.setup, votes, validBallots);
  if (invalidVotes) return fail(invalidVotes);

  // Keep the ballot order of the plan, whatever the order of `votes`.
  const byId = new Map(votes.map((v) => [v.id, v.votes]));
  const ordered = plan.candidates.map((id) => ({ id, votes: byId.get(id) ?? 0 }));
  const decision = decideRound({
    votes: ordered,
    pools: plan.pools,
    threshold: plan.threshold,
    ...(plan.purpose === 'tieBreak' ? { carry: state.carry } : {}),
  });
  const rounds = [...state.rounds, { plan, votes: ordered, decision }];
  const elected = appendLists(state.elected, decision.filled);
  const next = { ...state, rounds, elected, carry: decision.rest, pendingPools: decision.pendingPools };

  const tie = decision.tie;
  if (tie) {
    const firstPool = plan.pools[0]?.pool;
    const onThisBallot = tie.candidates.every((c) => plan.candidates.includes(c));
    // "Trường hợp bầu lại mà số phiếu vẫn ngang nhau, có bầu nữa hay không do đại hội
    // quyết định": the same cut-off tied again in a tie-break round.
    if (plan.purpose === 'tieBreak' && tie.pool === firstPool && onThisBallot) {
      return ok({
        ...next,
        phase: { kind: 'awaitingCongressDecision', reason: 'TIE_PERSISTS', tie, remaining: remainingSeats(next) },
      });
    }
    // A new tie at a cut-off: the tie-break round among the tied is mandatory.
    return ok({ ...next, phase: { kind: 'awaitingRound', round: tieBreakPlan(rounds.length + 1, tie, decision.pendingPools) } });
  }
  return ok(afterSeatsSettled({ ...next, carry: [], pendingPools: [] }));
}

function addPool(counts: PoolCounts, pool: Pool, n: number): PoolCounts {
  return { ...counts, [pool]: counts[pool] + n };
}

/** Record what the congress (conference) decided when the election could not finish by itself. */
export function recordCongressDecision(
  state: ElectionState,
  decision: CongressDecision,
): Result<ElectionState, CountingError> {
  const phase = state.phase;
  if (phase.kind !== 'awaitingCongressDecision') {
    return fail(countingError('NOT_AWAITING_DECISION', { phase: phase.kind }));
  }
  const number = state.rounds.length + 1;

  if (phase.reason === 'TIE_PERSISTS') {
    if (decision.kind === 'repeatTieBreak') {
      return ok({ ...state, phase: { kind: 'awaitingRound', round: tieBreakPlan(number, phase.tie, state.pendingPools) } });
    }
    if (decision.kind === 'stop') {
      // The tied seats stay empty. Alternates are only taken once the officials are
      // complete (QĐ 294 mục 11.4.1), so later pools are not filled from this ranking;
      // the congress may still hold a further round for them.
      const vacated = addPool(state.vacated, phase.tie.pool, phase.tie.seats);
      return ok(afterSeatsSettled({ ...state, vacated, carry: [], pendingPools: [] }));
    }
    return fail(countingError('DECISION_NOT_APPLICABLE', { reason: phase.reason, decision: decision.kind }));
  }

  // SEATS_REMAIN
  if (decision.kind === 'stop') {
    const remaining = remainingSeats(state);
    const vacated = {
      official: state.vacated.official + remaining.official,
      alternate: state.vacated.alternate + remaining.alternate,
    };
    return ok({ ...state, vacated, phase: { kind: 'closed' } });
  }
  if (decision.kind === 'furtherRound') {
    const listError = uniqueNonEmpty(decision.candidates);
    if (listError) return fail(listError);
    const already = new Set([...state.elected.official, ...state.elected.alternate]);
    const again = decision.candidates.find((c) => already.has(c));
    if (again !== undefined) return fail(countingError('CANDIDATE_ALREADY_ELECTED', { candidate: again }));
    return ok({
      ...state,
      phase: { kind: 'awaitingRound', round: regularPlan(state.setup, phase.remaining, number, 'further', decision.candidates) },
    });
  }
  return fail(countingError('DECISION_NOT_APPLICABLE', { reason: phase.reason, decision: decision.kind }));
}

/** How seats left empty are filled later, by kind of election. */
export const VACANCY_HANDLINGS = [
  'upperCommitteeSupplements',
  'supplementaryElectionOrAppointment',
  'delegationStaysSmaller',
  'upperCommitteeAppointsSecretary',
] as const;
export type VacancyHandling = (typeof VACANCY_HANDLINGS)[number];

export const VACANCY_HANDLING_INFO: Readonly<Record<VacancyHandling, { readonly messageVi: string; readonly source: string }>> = {
  upperCommitteeSupplements: {
    messageVi: 'Việc bổ sung cấp ủy viên thiếu do cấp ủy đề nghị, cấp ủy cấp trên trực tiếp quyết định.',
    source: 'Điều lệ Đảng 2011 Đ13 K2; QĐ 294-QĐ/TW mục 16.2',
  },
  supplementaryElectionOrAppointment: {
    messageVi: 'Bầu bổ sung tại hội nghị sau, hoặc cấp ủy cấp trên chỉ định khi thật cần thiết.',
    source: 'QĐ 190-QĐ/TW Đ28; HD 06-HD/TW 2025 mục 16.1',
  },
  delegationStaysSmaller: {
    messageVi: 'Đoàn đại biểu có ít hơn số được phân bổ; không được cử đại biểu dự khuyết thay thế phần thiếu.',
    source: 'QĐ 294-QĐ/TW mục 11.4.1 và 11.4.4 a',
  },
  upperCommitteeAppointsSecretary: {
    messageVi: 'Cấp ủy cấp trên chỉ định một đồng chí làm bí thư chi bộ.',
    source: 'QĐ 294-QĐ/TW mục 23.3–23.4',
  },
};

function vacancyHandlingFor(kind: ElectionKind): VacancyHandling {
  switch (kind) {
    case 'executiveCommittee':
      return 'upperCommitteeSupplements';
    case 'upperCongressDelegates':
      return 'delegationStaysSmaller';
    case 'cellSecretary':
      return 'upperCommitteeAppointsSecretary';
    default:
      return 'supplementaryElectionOrAppointment';
  }
}

export interface ElectionOutcome {
  /** Closed, or waiting for the upper committee's appointment: no more rounds. */
  readonly finished: boolean;
  readonly elected: readonly CandidateId[];
  readonly alternates: readonly CandidateId[];
  /** Seats left empty (by the congress' decision, or when an appointment is awaited). */
  readonly vacantSeats: PoolCounts;
  readonly upperAppointmentRequired: boolean;
  readonly vacancyHandling: VacancyHandling | null;
}

export function electionOutcome(state: ElectionState): ElectionOutcome {
  const awaitingAppointment = state.phase.kind === 'awaitingUpperAppointment';
  const finished = state.phase.kind === 'closed' || awaitingAppointment;
  const remaining = remainingSeats(state);
  const vacantSeats = awaitingAppointment
    ? { official: state.vacated.official + remaining.official, alternate: state.vacated.alternate + remaining.alternate }
    : state.vacated;
  const anyVacant = vacantSeats.official + vacantSeats.alternate > 0;
  return {
    finished,
    elected: state.elected.official,
    alternates: state.elected.alternate,
    vacantSeats,
    upperAppointmentRequired: awaitingAppointment,
    vacancyHandling: finished && anyVacant ? vacancyHandlingFor(state.setup.kind) : null,
  };
}
