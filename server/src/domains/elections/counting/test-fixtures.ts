// Builders for tests (conventions §11). Not exported from index.ts.
import type { BallotEntry, Mark } from './ballot.ts';
import type { CandidateId } from './types.ts';

/** Candidate ids "A", "B", … or "c1", "c2", … */
export function ids(n: number, prefix = 'c'): CandidateId[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
}

/**
 * Strike-out ballots that give exactly `votes[id]` votes to each candidate over `valid`
 * ballots. Votes are dealt cyclically over the ballots, so ballot loads differ by at most
 * one and no ballot holds a name twice; the caller checks that every load stays within
 * 1..seats (it does when ceil(total/valid) ≤ seats and total ≥ valid).
 */
export function strikeBallotsFor(
  candidates: readonly CandidateId[],
  votes: Readonly<Record<CandidateId, number>>,
  valid: number,
  seats?: number,
): BallotEntry[] {
  const kept: Set<CandidateId>[] = Array.from({ length: valid }, () => new Set());
  let p = 0;
  for (const id of candidates) {
    const v = votes[id] ?? 0;
    if (v > valid) throw new Error(`${id}: ${v} votes > ${valid} ballots`);
    for (let k = 0; k < v; k += 1) {
      (kept[p] as Set<CandidateId>).add(id);
      p = (p + 1) % valid;
    }
  }
  if (seats !== undefined && kept.some((set) => set.size === 0 || set.size > seats)) {
    throw new Error('these votes cannot be cast on valid ballots of this size');
  }
  return kept.map((set) => ({ kind: 'strike', struck: candidates.filter((id) => !set.has(id)) }));
}

/** Marks ballots (no surplus) from per-ballot mark lists. */
export function marksBallot(marks: Readonly<Record<CandidateId, Mark>>): BallotEntry {
  return { kind: 'marks', marks };
}

/** `n` copies of a ballot. */
export function times(n: number, b: BallotEntry): BallotEntry[] {
  return Array.from({ length: n }, () => b);
}
