import { countingError, type CountingError } from './errors.ts';
import { INVALID_REASON_INFO, type InvalidReason } from './invalid-reasons.ts';
import type { RuleSet } from './rule-sets.ts';
import { fail, ok, type CandidateId, type Result } from './types.ts';

// Ballot forms and the interpretation of one entered ballot (R1.14–R1.16, §8 item 2).

/**
 * - `strikeOut`: the list has a surplus (more names than names to keep); the voter strikes
 *   through the names not chosen (244 Đ17 K1 / 190 Đ15 K1).
 * - `agreeDisagree`: no surplus, several names: four columns (No., name, agree, disagree).
 * - `singleCandidate`: one name: X in exactly one of agree / disagree.
 */
export const BALLOT_FORMS = ['strikeOut', 'agreeDisagree', 'singleCandidate'] as const;
export type BallotForm = (typeof BALLOT_FORMS)[number];

/** The form printed for a list of `candidateCount` names where a voter keeps at most `seats`. */
export function ballotFormFor(candidateCount: number, seats: number): BallotForm {
  if (candidateCount > seats) return 'strikeOut';
  return candidateCount === 1 ? 'singleCandidate' : 'agreeDisagree';
}

export const MARKS = ['agree', 'disagree', 'both', 'none'] as const;
export type Mark = (typeof MARKS)[number];

/**
 * One ballot as entered by a typist (the shape of the `daihoi tally` input):
 * the struck names, the marks per name, or the counting committee's ruling that the
 * ballot is invalid. A name without a mark counts as `none`.
 */
export type BallotEntry =
  | { readonly kind: 'strike'; readonly struck: readonly CandidateId[] }
  | { readonly kind: 'marks'; readonly marks: Readonly<Record<CandidateId, Mark>> }
  | { readonly kind: 'invalid'; readonly reason: InvalidReason; readonly note?: string };

export type InterpretedBallot =
  | { readonly valid: true; readonly votesFor: readonly CandidateId[] }
  | {
      readonly valid: false;
      readonly reason: InvalidReason;
      /** `marks`: follows from the marks; `countingCommittee`: a ruling was entered. */
      readonly decidedBy: 'marks' | 'countingCommittee';
      readonly note?: string;
    };

export interface BallotContext {
  /** The names on the ballot of this round, in ballot order. */
  readonly candidates: readonly CandidateId[];
  /** The most names a voter may keep on this ballot ("số lượng cần bầu"). */
  readonly seats: number;
  readonly ruleSet: RuleSet;
}

/** Validity of a strike-out ballot from the number of names kept (R1.15). */
export function strikeOutValidity(kept: number, seats: number): 'valid' | 'KEEPS_TOO_MANY' | 'STRIKES_ALL' {
  if (kept === 0) return 'STRIKES_ALL'; // votes for nobody on a list with a surplus [C2]
  if (kept > seats) return 'KEEPS_TOO_MANY'; // "votes more than the specified number" [C1]
  return 'valid'; // "phiếu bầu đủ hoặc thiếu số lượng cần bầu" [C1]
}

function invalid(reason: InvalidReason): InterpretedBallot {
  return { valid: false, reason, decidedBy: 'marks' };
}

/** Names of the list, for membership tests; built once per round by the tally. */
export type ListIndex = ReadonlySet<CandidateId>;

function interpretStrike(struck: readonly CandidateId[], ctx: BallotContext, onList: ListIndex): Result<InterpretedBallot, CountingError> {
  const seen = new Set<CandidateId>();
  for (const id of struck) {
    if (!onList.has(id)) return fail(countingError('BALLOT_UNKNOWN_CANDIDATE', { candidate: id }));
    if (seen.has(id)) return fail(countingError('BALLOT_DUPLICATE_CANDIDATE', { candidate: id }));
    seen.add(id);
  }
  const kept = ctx.candidates.filter((id) => !seen.has(id));
  const validity = strikeOutValidity(kept.length, ctx.seats);
  return ok(validity === 'valid' ? { valid: true, votesFor: kept } : invalid(validity));
}

function interpretMarks(
  marks: Readonly<Record<CandidateId, Mark>>,
  form: 'agreeDisagree' | 'singleCandidate',
  ctx: BallotContext,
  onList: ListIndex,
): Result<InterpretedBallot, CountingError> {
  for (const [id, mark] of Object.entries(marks)) {
    if (!onList.has(id)) return fail(countingError('BALLOT_UNKNOWN_CANDIDATE', { candidate: id }));
    if (!(MARKS as readonly unknown[]).includes(mark)) {
      return fail(countingError('BALLOT_INVALID_MARK', { candidate: id, mark }));
    }
  }
  // Own keys only: a name such as "constructor" must not read Object.prototype.
  const markOf = (id: CandidateId): Mark => (Object.hasOwn(marks, id) ? (marks[id] ?? 'none') : 'none');

  if (form === 'singleCandidate') {
    const [only] = ctx.candidates;
    if (only === undefined) return fail(countingError('NO_CANDIDATES'));
    const m = markOf(only);
    if (m === 'agree') return ok({ valid: true, votesFor: [only] });
    if (m === 'disagree') return ok({ valid: true, votesFor: [] });
    // Both boxes or neither: the text only says X in one box is valid [U] → setting.
    return ok(
      ctx.ruleSet.rules.singleCandidateBothOrNone.value === 'invalid'
        ? invalid('SINGLE_CANDIDATE_BOTH_OR_NONE')
        : { valid: true, votesFor: [] },
    );
  }

  // No surplus: X in both or neither for a person → no vote for that person, the
  // ballot stays valid (244 Đ32 K1 / 190 Đ30 K1).
  if (
    ctx.ruleSet.rules.noSurplusBlankBallot.value === 'invalid' &&
    ctx.candidates.every((id) => markOf(id) === 'none')
  ) {
    return ok(invalid('BLANK_NO_SURPLUS'));
  }
  return ok({ valid: true, votesFor: ctx.candidates.filter((id) => markOf(id) === 'agree') });
}

/**
 * Interpret one entered ballot. An error means the entry itself is unreadable
 * (unknown name, wrong form…) and must be corrected; an invalid ballot is a normal
 * result with its reason.
 */
export function interpretBallot(entry: BallotEntry, ctx: BallotContext): Result<InterpretedBallot, CountingError> {
  return interpretIndexed(entry, ctx, new Set(ctx.candidates));
}

/** interpretBallot with the list's index built by the caller (the tally, once per round). */
export function interpretIndexed(
  entry: BallotEntry,
  ctx: BallotContext,
  onList: ListIndex,
): Result<InterpretedBallot, CountingError> {
  if (ctx.candidates.length === 0) return fail(countingError('NO_CANDIDATES'));
  const form = ballotFormFor(ctx.candidates.length, ctx.seats);
  switch (entry.kind) {
    case 'invalid': {
      if (!ctx.ruleSet.rules.invalidReasons.value.includes(entry.reason)) {
        return fail(countingError('BALLOT_REASON_NOT_IN_RULE_SET', { reason: entry.reason }));
      }
      const info = INVALID_REASON_INFO[entry.reason];
      const note = entry.note?.trim() ?? '';
      if (info.requiresNote && note === '') {
        return fail(countingError('BALLOT_RULING_NOTE_REQUIRED', { reason: entry.reason }));
      }
      return ok(
        note === ''
          ? { valid: false, reason: entry.reason, decidedBy: 'countingCommittee' }
          : { valid: false, reason: entry.reason, decidedBy: 'countingCommittee', note },
      );
    }
    case 'strike':
      if (form !== 'strikeOut') return fail(countingError('BALLOT_FORM_MISMATCH', { form, entry: entry.kind }));
      return interpretStrike(entry.struck, ctx, onList);
    case 'marks':
      if (form === 'strikeOut') return fail(countingError('BALLOT_FORM_MISMATCH', { form, entry: entry.kind }));
      return interpretMarks(entry.marks, form, ctx, onList);
  }
}
