import { isMoreThanHalf, leastVotesMoreThanHalf } from './integers.ts';
import type { CandidateId, CandidateVotes, Pool, PoolSeats } from './types.ts';

// Who is elected from the votes of one round (Điều lệ Đảng 2011 Đ12 K3; §8 item 1, §9).
//
// 1. Eligible: more than half of D (2 × votes > D) in a regular round; everybody in a
//    tie-break round, where the most votes win "không cần phải quá một nửa".
// 2. Eligible candidates are grouped into tiers of equal votes, highest first.
// 3. Pools are filled in order (officials, then alternates: QĐ 294 mục 11.4.1) with whole
//    tiers. A tier larger than the seats left in a pool is a TIE AT THE CUT-OFF: nobody in
//    it is elected, a tie-break round among exactly those candidates is required, and
//    later pools wait for it. Equal votes therefore always get equal treatment: nobody is
//    ever chosen by age, alphabet or list position.
// 4. Seats left when the eligible run out are unfilled; whether to vote again is the
//    congress' decision (Đ12 K3 last sentence).

export type Threshold =
  | { readonly kind: 'moreThanHalf'; readonly denominator: number }
  | { readonly kind: 'mostVotes' };

/** Candidates with the same number of votes; they share one rank. */
export interface Tier {
  readonly votes: number;
  readonly candidates: readonly CandidateId[];
}

export interface TieAtCutoff {
  readonly pool: Pool;
  /** Exactly the tied candidates: the ballot of the tie-break round lists only them. */
  readonly candidates: readonly CandidateId[];
  /** Seats of `pool` still to fill among them (fewer than the tied candidates). */
  readonly seats: number;
  readonly votes: number;
}

export type PoolCounts = { readonly [P in Pool]: number };
export type PoolLists = { readonly [P in Pool]: readonly CandidateId[] };

export interface Placement {
  readonly filled: PoolLists;
  readonly unfilled: PoolCounts;
  readonly tie: TieAtCutoff | null;
  /** Pools after the tie's pool, not processed (they depend on the tie-break). */
  readonly pendingPools: readonly PoolSeats[];
  /** Tiers not placed: after the tied tier when there is a tie, otherwise the outranked. */
  readonly rest: readonly Tier[];
}

/** Eligible candidates grouped by votes, highest first; within a tier, input order. */
export function rankTiers(votes: readonly CandidateVotes[], threshold: Threshold): Tier[] {
  const eligible =
    threshold.kind === 'moreThanHalf' ? votes.filter((c) => isMoreThanHalf(c.votes, threshold.denominator)) : votes;
  const byVotes = new Map<number, CandidateId[]>();
  for (const c of eligible) {
    const tier = byVotes.get(c.votes);
    if (tier) tier.push(c.id);
    else byVotes.set(c.votes, [c.id]);
  }
  return [...byVotes.entries()].sort(([a], [b]) => b - a).map(([v, candidates]) => ({ votes: v, candidates }));
}

/** Fill the pools in order with whole tiers; stop at the first tie at a cut-off. */
export function placeTiers(tiers: readonly Tier[], pools: readonly PoolSeats[]): Placement {
  const filled: Record<Pool, CandidateId[]> = { official: [], alternate: [] };
  const unfilled: Record<Pool, number> = { official: 0, alternate: 0 };
  let t = 0;
  const active = pools.filter((p) => p.seats > 0);
  for (let p = 0; p < active.length; p += 1) {
    const { pool, seats } = active[p] as PoolSeats;
    let left = seats;
    while (left > 0 && t < tiers.length) {
      const tier = tiers[t] as Tier;
      if (tier.candidates.length > left) {
        return {
          filled,
          unfilled,
          tie: { pool, candidates: tier.candidates, seats: left, votes: tier.votes },
          pendingPools: active.slice(p + 1),
          rest: tiers.slice(t + 1),
        };
      }
      filled[pool].push(...tier.candidates);
      left -= tier.candidates.length;
      t += 1;
    }
    unfilled[pool] += left;
  }
  return { filled, unfilled, tie: null, pendingPools: [], rest: tiers.slice(t) };
}

export const CANDIDATE_STATUSES = [
  'elected',
  'alternate',
  'tied',
  'awaitingTieBreak',
  'outranked',
  'belowThreshold',
] as const;
/**
 * - `elected` / `alternate`: placed in the official / alternate pool.
 * - `tied`: in the tie at the cut-off; goes to the tie-break round.
 * - `awaitingTieBreak`: eligible, below the tie, and a later pool (alternates) waits for it.
 * - `outranked`: eligible but no seat left (e.g. S in worked example 1).
 * - `belowThreshold`: 2 × votes ≤ D.
 */
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

export interface RankedCandidate {
  readonly id: CandidateId;
  readonly votes: number;
  /** 1 + the number of candidates with strictly more votes (equal votes, equal rank). */
  readonly rank: number;
  readonly status: CandidateStatus;
}

export interface RoundDecision extends Placement {
  readonly threshold: Threshold;
  /** The least number of votes that elects in a regular round (floor(D/2) + 1); null in a tie-break round. */
  readonly leastVotesToWin: number | null;
  /** Every candidate in input (ballot) order with its rank and status. */
  readonly candidates: readonly RankedCandidate[];
}

export interface DecideRoundInput {
  readonly votes: readonly CandidateVotes[];
  readonly pools: readonly PoolSeats[];
  readonly threshold: Threshold;
  /**
   * Tie-break rounds only: the tiers that ranked below the tie in the earlier round.
   * They keep their place after the tied candidates (who had more votes than them),
   * so the alternates' pool can be filled once the tie is broken.
   */
  readonly carry?: readonly Tier[];
}

export function decideRound(input: DecideRoundInput): RoundDecision {
  const { votes, pools, threshold } = input;
  const tiers = [...rankTiers(votes, threshold), ...(input.carry ?? [])];
  const placement = placeTiers(tiers, pools);

  const status = new Map<CandidateId, CandidateStatus>();
  for (const id of placement.filled.official) status.set(id, 'elected');
  for (const id of placement.filled.alternate) status.set(id, 'alternate');
  for (const id of placement.tie?.candidates ?? []) status.set(id, 'tied');
  const waiting = placement.tie !== null && placement.pendingPools.some((p) => p.seats > 0);
  for (const tier of placement.rest) {
    for (const id of tier.candidates) status.set(id, waiting ? 'awaitingTieBreak' : 'outranked');
  }

  const candidates = votes.map((c) => ({
    id: c.id,
    votes: c.votes,
    rank: 1 + votes.filter((o) => o.votes > c.votes).length,
    status: status.get(c.id) ?? 'belowThreshold',
  }));

  return {
    ...placement,
    threshold,
    leastVotesToWin: threshold.kind === 'moreThanHalf' ? leastVotesMoreThanHalf(threshold.denominator) : null,
    candidates,
  };
}
