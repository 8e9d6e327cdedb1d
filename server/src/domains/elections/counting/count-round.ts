import type { BallotEntry } from './ballot.ts';
import { computeDenominator, type Denominator, type DenominatorInput } from './denominator.ts';
import { countingError, type CountingError } from './errors.ts';
import { formatPercentVi, percentOfDenominator, type FixedDecimal } from './percent.ts';
import type { CandidateStatus, PoolCounts, RoundDecision, TieAtCutoff } from './result.ts';
import { recordRoundVotes, startElection, type ElectionState, type RoundPlan } from './round.ts';
import type { RuleSet } from './rule-sets.ts';
import { tallyBallots, type Tally, type TallyError } from './tally.ts';
import { fail, ok, type CandidateId, type ElectionKind, type Result } from './types.ts';

// Composition of the pieces for one round: ballots → tally → decision → next state.
// This is what `daihoi tally` and the results page need; it adds no rule of its own.

export interface CountedRound {
  readonly plan: RoundPlan;
  readonly tally: Tally;
  readonly decision: RoundDecision;
  readonly state: ElectionState;
}

/** Count the ballots of the round the election is waiting for. */
export function countRound(
  state: ElectionState,
  ballots: readonly BallotEntry[],
): Result<CountedRound, CountingError | TallyError> {
  if (state.phase.kind !== 'awaitingRound') {
    return fail(countingError('NOT_AWAITING_ROUND', { phase: state.phase.kind }));
  }
  const plan = state.phase.round;
  const tally = tallyBallots({ candidates: plan.candidates, seats: plan.ballotSeats, ballots, ruleSet: state.setup.ruleSet });
  if (!tally.ok) return tally;
  const next = recordRoundVotes(state, tally.value.votes, tally.value.valid);
  if (!next.ok) return next;
  const decision = next.value.rounds.at(-1)?.decision;
  if (!decision) return fail(countingError('NOT_AWAITING_ROUND'));
  return ok({ plan, tally: tally.value, decision, state: next.value });
}

export interface FirstRoundInput {
  readonly ruleSet: RuleSet;
  readonly congress: DenominatorInput;
  readonly kind: ElectionKind;
  readonly seats: number;
  readonly alternateSeats?: number;
  /** In ballot order. */
  readonly candidates: readonly CandidateId[];
  readonly ballots: readonly BallotEntry[];
}

export interface CandidateLine {
  readonly id: CandidateId;
  readonly votes: number;
  /** votes / D, rounded per the rule set (display only). */
  readonly percent: FixedDecimal;
  readonly percentText: string;
  readonly rank: number;
  readonly status: CandidateStatus;
}

export interface FirstRoundResult {
  readonly denominator: Denominator;
  /** The least number of votes that elects: floor(D/2) + 1. */
  readonly threshold: number;
  readonly ballots: Pick<Tally, 'collected' | 'valid' | 'invalid' | 'invalidReasons' | 'form'>;
  /** In ballot order. */
  readonly candidates: readonly CandidateLine[];
  readonly elected: readonly CandidateId[];
  readonly alternates: readonly CandidateId[];
  readonly unfilledSeats: PoolCounts;
  readonly tie: TieAtCutoff | null;
  /** To continue with a tie-break or further round. */
  readonly state: ElectionState;
}

/** Denominator, tally and decision of a first round, from raw inputs. */
export function countFirstRound(input: FirstRoundInput): Result<FirstRoundResult, CountingError | TallyError> {
  const d = computeDenominator(input.congress, input.ruleSet);
  if (!d.ok) return d;
  const started = startElection({
    kind: input.kind,
    seats: input.seats,
    ...(input.alternateSeats === undefined ? {} : { alternateSeats: input.alternateSeats }),
    candidates: input.candidates,
    denominator: d.value.denominator,
    ruleSet: input.ruleSet,
  });
  if (!started.ok) return started;
  const counted = countRound(started.value, input.ballots);
  if (!counted.ok) return counted;
  const { tally, decision, state } = counted.value;
  const D = d.value.denominator;
  return ok({
    denominator: d.value,
    threshold: d.value.threshold,
    ballots: {
      form: tally.form,
      collected: tally.collected,
      valid: tally.valid,
      invalid: tally.invalid,
      invalidReasons: tally.invalidReasons,
    },
    candidates: decision.candidates.map((c) => {
      const percent = percentOfDenominator(c.votes, D, input.ruleSet);
      return { id: c.id, votes: c.votes, percent, percentText: formatPercentVi(percent), rank: c.rank, status: c.status };
    }),
    elected: decision.filled.official,
    alternates: decision.filled.alternate,
    unfilledSeats: decision.unfilled,
    tie: decision.tie,
    state,
  });
}
