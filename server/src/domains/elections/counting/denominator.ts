import { countingError, type CountingError } from './errors.ts';
import {
  EXCLUSION_CATEGORIES,
  EXCLUSION_LABELS,
  EXCLUSIONS_BY_CONGRESS,
  SUMMONED_LABELS,
  type ExclusionCategory,
} from './exclusions.ts';
import { isCount, leastVotesMoreThanHalf } from './integers.ts';
import type { RuleSet } from './rule-sets.ts';
import { fail, ok, type CongressKind, type Result } from './types.ts';

// The threshold denominator D (R1.17–R1.20, QĐ 294 mục 9.3 in §9): those summoned minus
// the excluded categories of the congress kind. D is NOT the number of valid ballots,
// nor of ballots issued, nor of those present (worked example 1 is the bug to avoid).

export interface DenominatorInput {
  readonly congress: CongressKind;
  /** Members' congress: official members summoned; delegates': official delegates summoned;
   *  conference: incumbent members of the committee (ủy viên đương nhiệm). */
  readonly summoned: number;
  /** Counts per category; absent keys are 0. A category of another congress kind must be 0. */
  readonly exclusions?: Readonly<Partial<Record<ExclusionCategory, number>>>;
}

export interface DenominatorTerm {
  readonly category: ExclusionCategory;
  readonly count: number;
  readonly labelVi: string;
  /** False for a category recorded for the minutes but kept in D by the rule set. */
  readonly subtracted: boolean;
}

export interface Denominator {
  readonly congress: CongressKind;
  readonly summoned: number;
  readonly summonedLabelVi: string;
  readonly terms: readonly DenominatorTerm[];
  /** D: the base of "quá một nửa". */
  readonly denominator: number;
  /** The least number of votes that elects: floor(D/2) + 1. */
  readonly threshold: number;
  /** Source to cite next to D in the minutes. */
  readonly source: string;
  /** e.g. "280 = 300 − 4 − 16". */
  readonly formula: string;
}

function subtractedCategories(congress: CongressKind, ruleSet: RuleSet): readonly ExclusionCategory[] {
  switch (congress) {
    case 'members':
      return ruleSet.rules.membersDenominatorExclusions.value;
    case 'delegates':
      return ruleSet.rules.delegatesDenominatorExclusions.value;
    case 'conference':
      return ruleSet.rules.conferenceDenominatorExclusions.value;
  }
}

function sourceFor(congress: CongressKind, ruleSet: RuleSet): string {
  switch (congress) {
    case 'members':
      return ruleSet.rules.membersDenominatorExclusions.source;
    case 'delegates':
      return ruleSet.rules.delegatesDenominatorExclusions.source;
    case 'conference':
      return ruleSet.rules.conferenceDenominatorExclusions.source;
  }
}

export function computeDenominator(
  input: DenominatorInput,
  ruleSet: RuleSet,
): Result<Denominator, CountingError> {
  const { congress, summoned } = input;
  const exclusions = input.exclusions ?? {};
  if (!isCount(summoned)) return fail(countingError('NOT_A_COUNT', { field: 'summoned', value: summoned }));

  const allowed = EXCLUSIONS_BY_CONGRESS[congress];
  for (const [key, count] of Object.entries(exclusions)) {
    if (!(EXCLUSION_CATEGORIES as readonly string[]).includes(key)) {
      return fail(countingError('UNKNOWN_EXCLUSION_CATEGORY', { category: key }));
    }
    if (count === undefined) continue;
    if (!isCount(count)) return fail(countingError('NOT_A_COUNT', { field: key, value: count }));
    // A zero in a foreign category is harmless (the CLI contract lists all seven keys);
    // a non-zero one means the figures were entered for the wrong congress kind.
    if (count > 0 && !allowed.includes(key as ExclusionCategory)) {
      return fail(countingError('EXCLUSION_NOT_FOR_CONGRESS_KIND', { category: key, congress }));
    }
  }

  const subtract = subtractedCategories(congress, ruleSet);
  const terms: DenominatorTerm[] = allowed.map((category) => ({
    category,
    count: exclusions[category] ?? 0,
    labelVi: EXCLUSION_LABELS[congress][category] ?? category,
    subtracted: subtract.includes(category),
  }));
  const excluded = terms.reduce((sum, t) => sum + (t.subtracted ? t.count : 0), 0);
  const denominator = summoned - excluded;
  if (denominator < 1) {
    return fail(countingError('EXCLUSIONS_EXCEED_SUMMONED', { summoned, excluded }));
  }
  const shown = terms.filter((t) => t.subtracted && t.count > 0).map((t) => ` − ${t.count}`);
  return ok({
    congress,
    summoned,
    summonedLabelVi: SUMMONED_LABELS[congress],
    terms,
    denominator,
    threshold: leastVotesMoreThanHalf(denominator),
    source: sourceFor(congress, ruleSet),
    formula: `${denominator} = ${summoned}${shown.join('')}`,
  });
}
