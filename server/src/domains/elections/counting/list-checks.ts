import { ceilDiv, divRound, floorDiv, isCount } from './integers.ts';
import type { RuleSet } from './rule-sets.ts';
import type { CandidateId, ElectionKind } from './types.ts';

// Checks of a candidate list before it is approved and printed (R1.6, R1.9–R1.13).
// They return issues rather than throwing: the presidium shows them to the congress,
// which has the last word on its own list.

/** Elections whose list must exceed the seats and whose surplus is capped (190 Đ14 K1). */
export const SURPLUS_ELECTIONS = ['executiveCommittee', 'standingCommittee'] as const satisfies readonly ElectionKind[];

export interface SurplusLimits {
  readonly seats: number;
  /** Surplus the convening committee prepares: between these (inclusive). */
  readonly conveningMin: number;
  readonly conveningMax: number;
  /** The most surplus the congress may approve. */
  readonly congressMax: number;
  /** The 3–5-member rule applied (at most 1). */
  readonly smallBody: boolean;
  readonly rounding: RuleSet['rules']['surplusRounding']['value'];
}

function percentOf(percent: number, seats: number, direction: 'down' | 'up' | 'nearest'): number {
  const scaled = percent * seats; // hundredths of a person
  if (direction === 'down') return floorDiv(scaled, 100);
  if (direction === 'up') return ceilDiv(scaled, 100);
  return divRound(scaled, 100, 'halfUp');
}

/**
 * Surplus limits for a body of `seats` (R1.10, §8 item 9). The rounding of 10 %, 15 %
 * and 30 % to whole persons is not in any source: setting `surplusRounding`, default
 * "inward" (lower bound up, upper bounds down, at least 1 because the list must be
 * longer than the seats).
 */
export function surplusLimits(seats: number, ruleSet: RuleSet): SurplusLimits {
  const r = ruleSet.rules;
  const inward = r.surplusRounding.value === 'inward';
  const small = r.smallBodySurplus.value;
  const smallBody = seats >= small.minSeats && seats <= small.maxSeats;
  let congressMax = Math.max(1, percentOf(r.surplusMaxPercent.value, seats, inward ? 'down' : 'nearest'));
  if (smallBody) congressMax = Math.min(congressMax, small.maxSurplus);
  const conveningMin = Math.max(1, percentOf(r.conveningSurplusPercent.value.min, seats, inward ? 'up' : 'nearest'));
  let conveningMax = Math.max(1, percentOf(r.conveningSurplusPercent.value.max, seats, inward ? 'down' : 'nearest'));
  // "if min > max (small bodies), allow exactly min" (§8 item 9), never above the cap.
  conveningMax = Math.min(Math.max(conveningMax, conveningMin), congressMax);
  return { seats, conveningMin: Math.min(conveningMin, conveningMax), conveningMax, congressMax, smallBody, rounding: r.surplusRounding.value };
}

/**
 * A floor or self nominee enters the list only with the agreement of MORE than 30 % of
 * those present (190 Đ14 K3), on integers: 100 × approvals > 30 × present.
 */
export function floorNomineeAdmitted(approvals: number, present: number, ruleSet: RuleSet): boolean {
  return 100 * approvals > ruleSet.rules.floorNomineeMoreThanPercentOfPresent.value * present;
}

/**
 * The congress approves the election list by show of hands (R1.3: "biểu quyết thông qua").
 * Read here as more than half of those present agreeing, on integers: 2 × agree > present.
 */
export function listVoteApproves(agree: number, present: number): boolean {
  return 2 * agree > present;
}

/** The least number of approvals that admits a floor nominee. */
export function floorNomineeApprovalsNeeded(present: number, ruleSet: RuleSet): number {
  return floorDiv(ruleSet.rules.floorNomineeMoreThanPercentOfPresent.value * present, 100) + 1;
}

export const LIST_ISSUE_CODES = [
  'LIST_NOT_LONGER_THAN_SEATS',
  'LIST_SHORTER_THAN_SEATS',
  'SURPLUS_ABOVE_MAX',
  'CONVENING_SURPLUS_OUT_OF_RANGE',
  'DELEGATE_SURPLUS_ABOVE_MAX',
  'FLOOR_NOMINEE_NOT_ADMITTED',
  'COUNTING_COMMITTEE_MEMBER_ON_LIST',
  'DUPLICATE_ON_LIST',
] as const;
export type ListIssueCode = (typeof LIST_ISSUE_CODES)[number];

export const LIST_ISSUE_MESSAGES: Readonly<Record<ListIssueCode, string>> = {
  LIST_NOT_LONGER_THAN_SEATS: 'Số lượng ứng cử viên phải nhiều hơn số lượng cần bầu.',
  LIST_SHORTER_THAN_SEATS: 'Danh sách ít hơn số lượng cần bầu: không thể bầu đủ.',
  SURPLUS_ABOVE_MAX: 'Số dư vượt mức tối đa được phép.',
  CONVENING_SURPLUS_OUT_OF_RANGE: 'Số dư do cấp ủy triệu tập chuẩn bị phải từ 10% đến 15%.',
  DELEGATE_SURPLUS_ABOVE_MAX: 'Số dư bầu đại biểu vượt mức đã thiết lập.',
  FLOOR_NOMINEE_NOT_ADMITTED: 'Người ứng cử, được đề cử tại đại hội chưa được hơn 30% số có mặt đồng ý đưa vào danh sách.',
  COUNTING_COMMITTEE_MEMBER_ON_LIST: 'Thành viên ban kiểm phiếu không được có tên trong danh sách bầu cử.',
  DUPLICATE_ON_LIST: 'Một người có tên hai lần trong danh sách.',
};

export interface ListIssue {
  readonly code: ListIssueCode;
  readonly severity: 'error' | 'warning';
  readonly messageVi: string;
  readonly source: string;
  readonly candidates?: readonly CandidateId[];
  readonly details?: Readonly<Record<string, unknown>>;
}

function issue(
  code: ListIssueCode,
  severity: 'error' | 'warning',
  source: string,
  extra: { candidates?: readonly CandidateId[]; details?: Readonly<Record<string, unknown>> } = {},
): ListIssue {
  return { code, severity, messageVi: LIST_ISSUE_MESSAGES[code], source, ...extra };
}

function hasSurplusRules(kind: ElectionKind): boolean {
  return (SURPLUS_ELECTIONS as readonly ElectionKind[]).includes(kind);
}

/** The convening committee's own proposal: 10–15 % surplus (190 Đ14 K1). */
export function checkConveningProposal(
  kind: ElectionKind,
  seats: number,
  proposedCount: number,
  ruleSet: RuleSet,
): readonly ListIssue[] {
  if (!hasSurplusRules(kind) || !isCount(seats) || seats < 1) return [];
  const limits = surplusLimits(seats, ruleSet);
  const surplus = proposedCount - seats;
  if (surplus >= limits.conveningMin && surplus <= limits.conveningMax) return [];
  return [
    issue('CONVENING_SURPLUS_OUT_OF_RANGE', 'error', ruleSet.rules.conveningSurplusPercent.source, {
      details: { surplus, min: limits.conveningMin, max: limits.conveningMax, rounding: limits.rounding },
    }),
  ];
}

export const NOMINATION_SOURCES = ['conveningCommittee', 'floor', 'self'] as const;
export type NominationSource = (typeof NOMINATION_SOURCES)[number];

export interface ListCandidate {
  readonly id: CandidateId;
  readonly fullName: string;
  readonly nominatedBy: NominationSource;
  /** The recorded show-of-hands vote admitting a floor or self nominee. */
  readonly floorApproval?: { readonly approvals: number; readonly present: number };
}

export interface ElectionListInput {
  readonly kind: ElectionKind;
  readonly seats: number;
  readonly alternateSeats?: number;
  readonly candidates: readonly ListCandidate[];
  readonly countingCommittee: readonly CandidateId[];
}

/** Checks of the list put to the congress' vote (R1.6, R1.9–R1.10). */
export function checkElectionList(input: ElectionListInput, ruleSet: RuleSet): readonly ListIssue[] {
  const r = ruleSet.rules;
  const issues: ListIssue[] = [];
  const ids = input.candidates.map((c) => c.id);
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dupes.length > 0) issues.push(issue('DUPLICATE_ON_LIST', 'error', 'Kiểm tra dữ liệu nhập', { candidates: [...new Set(dupes)] }));

  const onCommittee = new Set(input.countingCommittee);
  const clash = ids.filter((id) => onCommittee.has(id));
  if (clash.length > 0) {
    issues.push(issue('COUNTING_COMMITTEE_MEMBER_ON_LIST', 'error', r.countingCommitteeNotOnList.source, { candidates: clash }));
  }

  const notAdmitted = input.candidates
    .filter((c) => c.nominatedBy !== 'conveningCommittee')
    .filter((c) => !c.floorApproval || !floorNomineeAdmitted(c.floorApproval.approvals, c.floorApproval.present, ruleSet))
    .map((c) => c.id);
  if (notAdmitted.length > 0) {
    issues.push(issue('FLOOR_NOMINEE_NOT_ADMITTED', 'error', r.floorNomineeMoreThanPercentOfPresent.source, { candidates: notAdmitted }));
  }

  const seatsToFill = input.seats + (input.alternateSeats ?? 0);
  const count = new Set(ids).size;
  if (hasSurplusRules(input.kind)) {
    const limits = surplusLimits(input.seats, ruleSet);
    if (count <= input.seats) {
      issues.push(issue('LIST_NOT_LONGER_THAN_SEATS', 'error', r.surplusMaxPercent.source, { details: { count, seats: input.seats } }));
    } else if (count - input.seats > limits.congressMax) {
      const source = limits.smallBody ? r.smallBodySurplus.source : r.surplusMaxPercent.source;
      issues.push(
        issue('SURPLUS_ABOVE_MAX', 'error', source, {
          details: { surplus: count - input.seats, max: limits.congressMax, rounding: limits.rounding },
        }),
      );
    }
  } else if (count < seatsToFill) {
    issues.push(issue('LIST_SHORTER_THAN_SEATS', 'warning', r.shortfall.source, { details: { count, seats: seatsToFill } }));
  }

  const delegateMax = r.delegateSurplusMaxPercent.value;
  if (input.kind === 'upperCongressDelegates' && delegateMax !== null) {
    const max = floorDiv(delegateMax * seatsToFill, 100);
    if (count - seatsToFill > max) {
      issues.push(issue('DELEGATE_SURPLUS_ABOVE_MAX', 'error', r.delegateSurplusMaxPercent.source, { details: { surplus: count - seatsToFill, max } }));
    }
  }
  return issues;
}

// --- Ballot order (R1.13) -------------------------------------------------------------

const VI = new Intl.Collator('vi');

/**
 * A Vietnamese full name is family name, middle name(s), given name: "Nguyễn Văn An"
 * → given "An", rest "Nguyễn Văn". Normalised to NFC so names typed with combining
 * accents compare equal to precomposed ones.
 */
export function splitVietnameseName(fullName: string): { readonly givenName: string; readonly rest: string } {
  const words = fullName.normalize('NFC').trim().split(/\s+/u).filter((w) => w !== '');
  const givenName = words.pop() ?? '';
  return { givenName, rest: words.join(' ') };
}

/** Compare by given name, then by the rest of the name ("xếp theo vần A, B, C" of the given name). */
export function compareForBallot(a: string, b: string): number {
  const x = splitVietnameseName(a);
  const y = splitVietnameseName(b);
  return VI.compare(x.givenName, y.givenName) || VI.compare(x.rest, y.rest);
}

/**
 * The order of the names on the ballot. Setting `ballotOrder` [U]: by given name then
 * the rest (default, R1.13 practice) or as entered. Equal names keep their input order
 * (the sort is stable); this is only the printing order and never decides an election.
 */
export function orderForBallot<T extends { readonly fullName: string }>(candidates: readonly T[], ruleSet: RuleSet): T[] {
  if (ruleSet.rules.ballotOrder.value === 'asEntered') return [...candidates];
  return [...candidates].sort((a, b) => compareForBallot(a.fullName, b.fullName));
}
