import { countingError, type CountingError } from './errors.ts';
import { ceilDiv, isCount } from './integers.ts';
import type { RuleSet } from './rule-sets.ts';
import { fail, ok, type Result } from './types.ts';

// Quorum, Điều lệ Đảng 2011 Đ11 K6 (a hard rule since §8 item 3):
// "Đại hội chỉ hợp lệ khi có ít nhất hai phần ba số đại biểu hoặc đảng viên được triệu
// tập tham dự và có ít nhất hai phần ba số tổ chức đảng trực thuộc có đại biểu tham dự."
// The base is those SUMMONED, not the threshold denominator D. Compared on integers:
// 3 × present ≥ 2 × summoned (no 0.6666… anywhere).

export interface AttendanceInput {
  readonly summoned: number;
  readonly present: number;
  /** Only where the congress has directly subordinate party organisations. */
  readonly subordinateOrgs?: { readonly total: number; readonly withDelegatesPresent: number };
}

export const QUORUM_FAILURES = ['PRESENT_BELOW_TWO_THIRDS', 'SUBORDINATE_ORGS_BELOW_TWO_THIRDS'] as const;
export type QuorumFailure = (typeof QUORUM_FAILURES)[number];

export const QUORUM_FAILURE_MESSAGES: Readonly<Record<QuorumFailure, string>> = {
  PRESENT_BELOW_TWO_THIRDS: 'Số có mặt chưa đạt hai phần ba số được triệu tập.',
  SUBORDINATE_ORGS_BELOW_TWO_THIRDS: 'Số tổ chức đảng trực thuộc có đại biểu tham dự chưa đạt hai phần ba.',
};

export interface QuorumCheck {
  readonly ok: boolean;
  readonly summoned: number;
  readonly present: number;
  /** ceil(2/3 × summoned): the least attendance that satisfies the rule. */
  readonly presentNeeded: number;
  readonly subordinateOrgs: null | {
    readonly total: number;
    readonly withDelegatesPresent: number;
    readonly needed: number;
    readonly ok: boolean;
  };
  readonly failures: readonly QuorumFailure[];
  readonly source: string;
}

/** True iff part ≥ 2/3 of whole, on integers. */
export function atLeastTwoThirds(part: number, whole: number): boolean {
  return 3 * part >= 2 * whole;
}

export function checkQuorum(input: AttendanceInput, ruleSet: RuleSet): Result<QuorumCheck, CountingError> {
  const { summoned, present, subordinateOrgs } = input;
  if (!isCount(summoned)) return fail(countingError('NOT_A_COUNT', { field: 'summoned', value: summoned }));
  if (!isCount(present)) return fail(countingError('NOT_A_COUNT', { field: 'present', value: present }));
  if (summoned === 0) return fail(countingError('NO_ONE_SUMMONED'));
  if (present > summoned) return fail(countingError('PRESENT_EXCEEDS_SUMMONED', { present, summoned }));

  const failures: QuorumFailure[] = [];
  const presentOk = atLeastTwoThirds(present, summoned);
  if (!presentOk) failures.push('PRESENT_BELOW_TWO_THIRDS');

  let orgs: QuorumCheck['subordinateOrgs'] = null;
  // A chi bộ or a members' congress without subordinate organisations: condition (b)
  // does not apply (§8 item 3: "configure subordinate_orgs = 0 → skip").
  if (subordinateOrgs !== undefined && subordinateOrgs.total > 0) {
    const { total, withDelegatesPresent } = subordinateOrgs;
    if (!isCount(total)) return fail(countingError('NOT_A_COUNT', { field: 'subordinateOrgs.total', value: total }));
    if (!isCount(withDelegatesPresent)) {
      return fail(countingError('NOT_A_COUNT', { field: 'subordinateOrgs.withDelegatesPresent', value: withDelegatesPresent }));
    }
    if (withDelegatesPresent > total) return fail(countingError('ORGS_PRESENT_EXCEED_TOTAL', { withDelegatesPresent, total }));
    const orgsOk = atLeastTwoThirds(withDelegatesPresent, total);
    if (!orgsOk) failures.push('SUBORDINATE_ORGS_BELOW_TWO_THIRDS');
    orgs = { total, withDelegatesPresent, needed: ceilDiv(2 * total, 3), ok: orgsOk };
  } else if (subordinateOrgs !== undefined && !isCount(subordinateOrgs.total)) {
    return fail(countingError('NOT_A_COUNT', { field: 'subordinateOrgs.total', value: subordinateOrgs.total }));
  }

  return ok({
    ok: failures.length === 0,
    summoned,
    present,
    presentNeeded: ceilDiv(2 * summoned, 3),
    subordinateOrgs: orgs,
    failures,
    source: ruleSet.rules.quorum.source,
  });
}

export interface OpeningVerdict {
  /** May the congress open / may the round be held. */
  readonly allowed: boolean;
  /** A warning to show, when allowed despite a failed check. */
  readonly warning: QuorumFailure | null;
}

/**
 * Whether a congress may open (a failed quorum blocks it: only a recorded postponement
 * or re-summons is possible) or a ballot round may be held (re-check: the rule set's
 * `quorumRecheckEachRound`, a warning by default because the Charter speaks of the
 * congress' validity, not of each vote [U]).
 */
export function quorumVerdict(check: QuorumCheck, moment: 'congressOpening' | 'beforeRound', ruleSet: RuleSet): OpeningVerdict {
  if (check.ok) return { allowed: true, warning: null };
  const first = check.failures[0] ?? 'PRESENT_BELOW_TWO_THIRDS';
  if (moment === 'congressOpening' || ruleSet.rules.quorumRecheckEachRound.value === 'block') {
    return { allowed: false, warning: null };
  }
  return { allowed: true, warning: first };
}
