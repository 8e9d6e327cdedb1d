// Shared vocabulary of the counting domain. Pure: no I/O, no clock, no randomness.

/** A candidate's stable id (the caller's key, e.g. a personnel id). */
export type CandidateId = string;

/**
 * Kinds of congress that define the threshold denominator D.
 * The values are those of the `daihoi tally` input contract (issue 3):
 * `members` = đại hội đảng viên, `delegates` = đại hội đại biểu,
 * `conference` = hội nghị BCH/BTV/UBKT (first meeting of the new committee, bầu bổ sung…).
 */
export const CONGRESS_KINDS = ['members', 'delegates', 'conference'] as const;
export type CongressKind = (typeof CONGRESS_KINDS)[number];

/**
 * What is being elected. Each election has its own rounds (issue 3).
 * `cellSecretary` is separate because a chi bộ that fails three times to elect its
 * secretary gets one appointed by the upper committee (QĐ 294 mục 23.3).
 */
export const ELECTION_KINDS = [
  'executiveCommittee',
  'standingCommittee',
  'secretary',
  'deputySecretary',
  'inspectionCommission',
  'inspectionChair',
  'inspectionDeputyChair',
  'upperCongressDelegates',
  'cellSecretary',
] as const;
export type ElectionKind = (typeof ELECTION_KINDS)[number];

/** Seat pools: delegates to the upper congress have officials then alternates (one list). */
export const POOLS = ['official', 'alternate'] as const;
export type Pool = (typeof POOLS)[number];

export interface PoolSeats {
  readonly pool: Pool;
  readonly seats: number;
}

export interface CandidateVotes {
  readonly id: CandidateId;
  readonly votes: number;
}

export type Result<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/**
 * Election regulation in force for a campaign: QĐ 244-QĐ/TW (9/6/2014) or
 * QĐ 190-QĐ/TW (10/10/2024). Article numbers differ between them, so every rule
 * records its source per version (election-rules.md §0.1).
 */
export const REGULATION_VERSIONS = ['2014', '2024'] as const;
export type RegulationVersion = (typeof REGULATION_VERSIONS)[number];

/** Confidence tags of election-rules.md §0: C1 exact text, C2 secondary, U not found. */
export const CONFIDENCE_LEVELS = ['C1', 'C2', 'U'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];
