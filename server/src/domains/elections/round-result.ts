import {
  type CongressDecision,
  type CountedRound,
  type Denominator,
  electionOutcome,
  fixedToNumber,
  formatPercentVi,
  percentOfDenominator,
  type RoundPurpose,
  type RuleSet,
} from './counting/index.ts';

/** What happened, in order: each counted round with its votes, and each decision of the congress. */
export type HistoryItem =
  | { type: 'round'; number: number; purpose: RoundPurpose; valid: number; votes: { id: string; votes: number }[]; result: StoredResult }
  | { type: 'decision'; decision: CongressDecision; by: string; at: string };

/** One counted round as the results page, the projector and the minutes show it. */
export type StoredResult = {
  round: number;
  purpose: RoundPurpose;
  denominator: number;
  threshold: number;
  formula: string;
  source: string;
  ballots: { collected: number; valid: number; invalid: number; invalidReasons: Record<string, number> };
  candidates: { ballotNo: number; fullName: string; votes: number; percent: number; percentText: string; status: string; rank: number }[];
  elected: number[];
  alternates: number[];
  unfilledSeats: { official: number; alternate: number };
  tie: { ballotNos: number[]; seats: number } | null;
  /** Across all rounds so far. */
  outcome: { elected: number[]; alternates: number[]; vacantSeats: { official: number; alternate: number }; finished: boolean; upperAppointmentRequired: boolean };
  present: number;
  ballotsIssued: number;
};

/**
 * Shapes a counted round for storage and display. Pure: the engine decided everything;
 * this only names candidates (ids are first-round ballot numbers) and formats percentages of D.
 */
export function presentRound(
  counted: CountedRound,
  den: Denominator,
  ruleSet: RuleSet,
  nameOf: (ballotNo: number) => string,
  attendance: { present: number; ballotsIssued: number },
): StoredResult {
  const { tally, decision, plan, state } = counted;
  const D = den.denominator;
  const outcome = electionOutcome(state);
  return {
    round: plan.number,
    purpose: plan.purpose,
    denominator: D,
    threshold: den.threshold,
    formula: den.formula,
    source: den.source,
    ballots: { collected: tally.collected, valid: tally.valid, invalid: tally.invalid, invalidReasons: { ...tally.invalidReasons } },
    candidates: decision.candidates.map((c) => {
      const percent = percentOfDenominator(c.votes, D, ruleSet);
      return {
        ballotNo: Number(c.id),
        fullName: nameOf(Number(c.id)),
        votes: c.votes,
        percent: fixedToNumber(percent),
        percentText: formatPercentVi(percent),
        status: c.status,
        rank: c.rank,
      };
    }),
    elected: decision.filled.official.map(Number),
    alternates: decision.filled.alternate.map(Number),
    unfilledSeats: { official: decision.unfilled.official, alternate: decision.unfilled.alternate },
    tie: decision.tie ? { ballotNos: decision.tie.candidates.map(Number), seats: decision.tie.seats } : null,
    outcome: {
      elected: outcome.elected.map(Number),
      alternates: outcome.alternates.map(Number),
      vacantSeats: outcome.vacantSeats,
      finished: outcome.finished,
      upperAppointmentRequired: outcome.upperAppointmentRequired,
    },
    present: attendance.present,
    ballotsIssued: attendance.ballotsIssued,
  };
}
