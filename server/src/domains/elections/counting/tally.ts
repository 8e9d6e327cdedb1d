import { ballotFormFor, interpretIndexed, type BallotEntry, type BallotForm } from './ballot.ts';
import { countingError, type CountingError } from './errors.ts';
import { INVALID_REASONS, type InvalidReason } from './invalid-reasons.ts';
import type { RuleSet } from './rule-sets.ts';
import { fail, ok, type CandidateId, type CandidateVotes, type Result } from './types.ts';

// Counting the ballots of one round: interpreted ballots → votes per candidate.
// The tally never depends on the order of the ballots (a sum per candidate).

export interface TallyInput {
  /** Names on the ballot, in ballot order. */
  readonly candidates: readonly CandidateId[];
  /** The most names a voter may keep. */
  readonly seats: number;
  readonly ballots: readonly BallotEntry[];
  readonly ruleSet: RuleSet;
}

export interface Tally {
  readonly form: BallotForm;
  /** Ballots collected (phiếu thu vào) = valid + invalid. */
  readonly collected: number;
  readonly valid: number;
  readonly invalid: number;
  /** Invalid ballots per reason; only reasons that occurred, in catalogue order. */
  readonly invalidReasons: Readonly<Partial<Record<InvalidReason, number>>>;
  /** Votes per candidate, in ballot order. */
  readonly votes: readonly CandidateVotes[];
}

export interface BallotRowError {
  /** Position of the ballot in the input (0-based). */
  readonly index: number;
  readonly error: CountingError;
}

export interface TallyError extends CountingError {
  readonly rows: readonly BallotRowError[];
}

export function tallyBallots(input: TallyInput): Result<Tally, CountingError | TallyError> {
  const { candidates, seats, ballots, ruleSet } = input;
  if (candidates.length === 0) return fail(countingError('NO_CANDIDATES'));
  if (new Set(candidates).size !== candidates.length) return fail(countingError('DUPLICATE_CANDIDATE'));
  if (!Number.isSafeInteger(seats) || seats < 1) return fail(countingError('NO_SEATS', { seats }));

  const votes = new Map<CandidateId, number>(candidates.map((id) => [id, 0]));
  const reasons = new Map<InvalidReason, number>();
  const rows: BallotRowError[] = [];
  let valid = 0;
  let invalid = 0;

  const ctx = { candidates, seats, ruleSet };
  const onList = new Set(candidates);
  ballots.forEach((entry, index) => {
    const r = interpretIndexed(entry, ctx, onList);
    if (!r.ok) {
      rows.push({ index, error: r.error });
      return;
    }
    const b = r.value;
    if (b.valid) {
      valid += 1;
      for (const id of b.votesFor) votes.set(id, (votes.get(id) ?? 0) + 1);
    } else {
      invalid += 1;
      reasons.set(b.reason, (reasons.get(b.reason) ?? 0) + 1);
    }
  });

  // Bulk operations report every bad row, not only the first (conventions §6).
  if (rows.length > 0) {
    return fail({ ...countingError('BALLOT_ENTRY_ERRORS', { count: rows.length }), rows });
  }

  const invalidReasons: Partial<Record<InvalidReason, number>> = {};
  for (const reason of INVALID_REASONS) {
    const n = reasons.get(reason);
    if (n !== undefined) invalidReasons[reason] = n;
  }

  return ok({
    form: ballotFormFor(candidates.length, seats),
    collected: valid + invalid,
    valid,
    invalid,
    invalidReasons,
    votes: candidates.map((id) => ({ id, votes: votes.get(id) ?? 0 })),
  });
}
