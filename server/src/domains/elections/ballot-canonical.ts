import type { BallotEntryInput } from '../../../../shared/src/contracts/elections.ts';

/** One string per meaning: two teams agree iff their canonical forms are equal (order of typing ignored). */
export function canonicalBallot(e: BallotEntryInput): string {
  switch (e.kind) {
    case 'strike':
      return `S:${[...new Set(e.struck)].sort((a, b) => a - b).join(',')}`;
    case 'marks':
      return `M:${Object.entries(e.marks)
        .filter(([, m]) => m !== 'none')
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([k, m]) => `${Number(k)}=${m}`)
        .join(',')}`;
    case 'invalid':
      return `I:${e.reason}`;
  }
}
