// Public API of the pure counting domain (elections/counting). Other code imports only
// from here. Nothing in this folder performs I/O or reads the clock.

export type {
  CandidateId,
  CandidateVotes,
  Confidence,
  CongressKind,
  ElectionKind,
  Pool,
  PoolSeats,
  RegulationVersion,
  Result,
} from './types.ts';
export { CONFIDENCE_LEVELS, CONGRESS_KINDS, ELECTION_KINDS, POOLS, REGULATION_VERSIONS } from './types.ts';

export type { CountingError, CountingErrorCode } from './errors.ts';
export { COUNTING_ERROR_CODES, COUNTING_ERROR_MESSAGES } from './errors.ts';

export type { RoundingMode } from './integers.ts';
export { ROUNDING_MODES, isMoreThanHalf, leastVotesMoreThanHalf } from './integers.ts';

export type {
  AlternateSelection,
  BallotOrder,
  RuleEntries,
  RuleEntry,
  RuleId,
  RuleSet,
  RuleValues,
  SettingOverrides,
  SurplusRounding,
} from './rule-sets.ts';
export { isRegulationVersion, resolveRuleSet, ruleSetFor, unconfirmedEntries } from './rule-sets.ts';

export type { ConferenceExclusion, ExclusionCategory } from './exclusions.ts';
export { EXCLUSION_CATEGORIES, EXCLUSION_LABELS, EXCLUSIONS_BY_CONGRESS, SUMMONED_LABELS } from './exclusions.ts';

export type { Denominator, DenominatorInput, DenominatorTerm } from './denominator.ts';
export { computeDenominator } from './denominator.ts';

export type { InvalidReason, InvalidReasonInfo } from './invalid-reasons.ts';
export { INVALID_REASON_INFO, INVALID_REASONS, invalidReasonsFor } from './invalid-reasons.ts';

export type { BallotContext, BallotEntry, BallotForm, InterpretedBallot, Mark } from './ballot.ts';
export { BALLOT_FORMS, MARKS, ballotFormFor, interpretBallot, strikeOutValidity } from './ballot.ts';

export type { BallotRowError, Tally, TallyError, TallyInput } from './tally.ts';
export { tallyBallots } from './tally.ts';

export type {
  CandidateStatus,
  DecideRoundInput,
  Placement,
  PoolCounts,
  PoolLists,
  RankedCandidate,
  RoundDecision,
  Threshold,
  TieAtCutoff,
  Tier,
} from './result.ts';
export { CANDIDATE_STATUSES, decideRound, placeTiers, rankTiers } from './result.ts';

export type {
  CongressDecision,
  ElectionOutcome,
  ElectionPhase,
  ElectionSetup,
  ElectionState,
  RoundPlan,
  RoundPurpose,
  RoundRecord,
  VacancyHandling,
} from './round.ts';
export {
  ROUND_PURPOSES,
  VACANCY_HANDLING_INFO,
  VACANCY_HANDLINGS,
  electionOutcome,
  recordCongressDecision,
  recordRoundVotes,
  remainingSeats,
  startElection,
} from './round.ts';

export type { CandidateLine, CountedRound, FirstRoundInput, FirstRoundResult } from './count-round.ts';
export { countFirstRound, countRound } from './count-round.ts';

export type { AttendanceInput, OpeningVerdict, QuorumCheck, QuorumFailure } from './quorum.ts';
export { QUORUM_FAILURE_MESSAGES, QUORUM_FAILURES, atLeastTwoThirds, checkQuorum, quorumVerdict } from './quorum.ts';

export type { ElectionListInput, ListCandidate, ListIssue, ListIssueCode, NominationSource, SurplusLimits } from './list-checks.ts';
export {
  LIST_ISSUE_CODES,
  LIST_ISSUE_MESSAGES,
  NOMINATION_SOURCES,
  SURPLUS_ELECTIONS,
  checkConveningProposal,
  checkElectionList,
  compareForBallot,
  floorNomineeAdmitted,
  floorNomineeApprovalsNeeded,
  listVoteApproves,
  orderForBallot,
  splitVietnameseName,
  surplusLimits,
} from './list-checks.ts';

export type { VietnameseWordsOptions } from './numbers-in-words.ts';
export { decimalToVietnameseWords, numberToVietnameseWords } from './numbers-in-words.ts';

export type { FixedDecimal } from './percent.ts';
export {
  fixedToNumber,
  formatFixedVi,
  formatIntegerVi,
  formatPercentVi,
  percentOf,
  percentOfDenominator,
  percentToVietnameseWords,
} from './percent.ts';

export type { IsoDate, ResultDeadlines } from './result-deadlines.ts';
export {
  APPROVAL_WORKING_DAYS,
  BALLOT_RETENTION_MONTHS,
  COMPLAINT_WORKING_DAYS,
  REPORT_WORKING_DAYS,
  addMonthsClamped,
  addWorkingDays,
  approvalDue,
  isoWeekday,
  resultDeadlines,
} from './result-deadlines.ts';
