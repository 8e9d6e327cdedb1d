import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideRound, type RoundDecision } from './result.ts';
import type { CandidateVotes, PoolSeats } from './types.ts';

// A closed-form oracle, per candidate, independent of the tier-walking code:
// among the eligible, let above = #strictly more votes, equal = #same votes (incl. self).
//   official  iff above + equal ≤ S
//   tied (official) iff above < S < above + equal
//   with no official tie: alternate iff above ≥ S and above + equal ≤ S + A,
//                         tied (alternate) iff S ≤ above < S + A < above + equal
function oracle(votes: readonly CandidateVotes[], S: number, A: number, eligible: (v: number) => boolean) {
  const el = votes.filter((c) => eligible(c.votes));
  const pos = (c: CandidateVotes) => ({
    above: el.filter((o) => o.votes > c.votes).length,
    equal: el.filter((o) => o.votes === c.votes).length,
  });
  const officialTie = el.some((c) => {
    const { above, equal } = pos(c);
    return above < S && S < above + equal;
  });
  const status = new Map<string, string>();
  for (const c of votes) {
    if (!eligible(c.votes)) {
      status.set(c.id, 'belowThreshold');
      continue;
    }
    const { above, equal } = pos(c);
    if (above + equal <= S) status.set(c.id, 'elected');
    else if (above < S) status.set(c.id, 'tied');
    else if (officialTie) status.set(c.id, A > 0 ? 'awaitingTieBreak' : 'outranked');
    else if (above + equal <= S + A) status.set(c.id, 'alternate');
    else if (above < S + A) status.set(c.id, 'tied');
    else status.set(c.id, 'outranked');
  }
  return status;
}

const scenario = fc
  .record({
    D: fc.integer({ min: 1, max: 40 }),
    n: fc.integer({ min: 1, max: 20 }),
    S: fc.integer({ min: 1, max: 12 }),
    A: fc.integer({ min: 0, max: 4 }),
  })
  .chain(({ D, n, S, A }) =>
    fc.record({
      D: fc.constant(D),
      S: fc.constant(S),
      A: fc.constant(A),
      votes: fc.array(fc.integer({ min: 0, max: D }), { minLength: n, maxLength: n }).map((vs) => vs.map((votes, i) => ({ id: `c${i}`, votes }))),
    }),
  );

function pools(S: number, A: number): PoolSeats[] {
  return [
    { pool: 'official', seats: S },
    { pool: 'alternate', seats: A },
  ];
}

function decide(votes: readonly CandidateVotes[], S: number, A: number, D: number): RoundDecision {
  return decideRound({ votes, pools: pools(S, A), threshold: { kind: 'moreThanHalf', denominator: D } });
}

describe('decideRound — properties (Điều lệ Đ12 K3)', () => {
  it('matches the closed-form oracle for every candidate', () => {
    fc.assert(
      fc.property(scenario, ({ D, S, A, votes }) => {
        const d = decide(votes, S, A, D);
        const expected = oracle(votes, S, A, (v) => 2 * v > D);
        for (const c of d.candidates) expect(c.status, c.id).toBe(expected.get(c.id));
      }),
      { numRuns: 500 },
    );
  });

  it('never elects more than the seats, and nobody with 2 × votes ≤ D', () => {
    fc.assert(
      fc.property(scenario, ({ D, S, A, votes }) => {
        const d = decide(votes, S, A, D);
        expect(d.filled.official.length).toBeLessThanOrEqual(S);
        expect(d.filled.alternate.length).toBeLessThanOrEqual(A);
        const byId = new Map(votes.map((c) => [c.id, c.votes]));
        for (const id of [...d.filled.official, ...d.filled.alternate]) {
          expect(2 * (byId.get(id) ?? 0)).toBeGreaterThan(D);
          expect(byId.get(id) ?? 0).toBeGreaterThanOrEqual(d.leastVotesToWin ?? 0);
        }
      }),
    );
  });

  it('equal votes always get the same status (never age, alphabet or list order)', () => {
    fc.assert(
      fc.property(scenario, ({ D, S, A, votes }) => {
        const d = decide(votes, S, A, D);
        for (const a of d.candidates) for (const b of d.candidates) if (a.votes === b.votes) expect(a.status).toBe(b.status);
      }),
    );
  });

  it('a candidate with more votes than an elected one is elected', () => {
    fc.assert(
      fc.property(scenario, ({ D, S, A, votes }) => {
        const d = decide(votes, S, A, D);
        const elected = d.candidates.filter((c) => c.status === 'elected');
        for (const c of d.candidates) if (elected.some((e) => c.votes > e.votes)) expect(c.status).toBe('elected');
      }),
    );
  });

  it('a tie at the cut-off is never resolved automatically', () => {
    fc.assert(
      fc.property(scenario, ({ D, S, A, votes }) => {
        const d = decide(votes, S, A, D);
        if (!d.tie) return;
        const byId = new Map(votes.map((c) => [c.id, c.votes]));
        const tiedVotes = new Set(d.tie.candidates.map((id) => byId.get(id)));
        expect(tiedVotes.size).toBe(1);
        expect(d.tie.candidates.length).toBeGreaterThan(d.tie.seats);
        expect(d.tie.seats).toBeGreaterThan(0);
        for (const id of d.tie.candidates) {
          expect(d.filled.official).not.toContain(id);
          expect(d.filled.alternate).not.toContain(id);
        }
        for (const id of d.filled[d.tie.pool]) expect(byId.get(id) ?? 0).toBeGreaterThan(d.tie.votes);
        // every candidate with those votes is in the tie
        expect(votes.filter((c) => c.votes === d.tie?.votes).length).toBe(d.tie.candidates.length);
      }),
    );
  });

  it('adding one vote to an elected candidate never un-elects them', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ D, S, A, votes }, pick) => {
        const d = decide(votes, S, A, D);
        const elected = d.filled.official;
        if (elected.length === 0) return;
        const id = elected[pick % elected.length] as string;
        const more = votes.map((c) => (c.id === id ? { ...c, votes: c.votes + 1 } : c));
        expect(decide(more, S, A, D).filled.official).toContain(id);
      }),
    );
  });

  it('the input order of the candidates does not change who is elected', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s.votes, { minLength: s.votes.length, maxLength: s.votes.length }))),
        ([{ D, S, A, votes }, shuffled]) => {
          const a = decide(votes, S, A, D);
          const b = decide(shuffled, S, A, D);
          const sorted = (xs: readonly string[]) => [...xs].sort();
          expect(sorted(b.filled.official)).toEqual(sorted(a.filled.official));
          expect(sorted(b.filled.alternate)).toEqual(sorted(a.filled.alternate));
          expect(sorted(b.tie?.candidates ?? [])).toEqual(sorted(a.tie?.candidates ?? []));
          expect(b.unfilled).toEqual(a.unfilled);
        },
      ),
    );
  });

  it('too few above the threshold: every eligible is elected and the rest are reported unfilled', () => {
    fc.assert(
      fc.property(scenario, ({ D, S, votes }) => {
        const d = decide(votes, S, 0, D);
        const eligible = votes.filter((c) => 2 * c.votes > D).length;
        if (eligible <= S) {
          expect(d.filled.official.length).toBe(eligible);
          expect(d.unfilled.official).toBe(S - eligible);
          expect(d.tie).toBeNull();
        } else {
          expect(d.unfilled.official).toBe(0);
        }
      }),
    );
  });
});

describe('decideRound — tie-break rounds', () => {
  it('the most votes win without needing more than half', () => {
    const d = decideRound({
      votes: [
        { id: 'P', votes: 3 },
        { id: 'Q', votes: 1 },
      ],
      pools: [{ pool: 'official', seats: 1 }],
      threshold: { kind: 'mostVotes' },
    });
    expect(d.filled.official).toEqual(['P']);
    expect(d.leastVotesToWin).toBeNull();
  });

  it('carried tiers fill the alternates after the tied candidates', () => {
    const d = decideRound({
      votes: [
        { id: 'P', votes: 5 },
        { id: 'Q', votes: 2 },
      ],
      pools: [
        { pool: 'official', seats: 1 },
        { pool: 'alternate', seats: 2 },
      ],
      threshold: { kind: 'mostVotes' },
      carry: [{ votes: 150, candidates: ['R'] }],
    });
    expect(d.filled).toEqual({ official: ['P'], alternate: ['Q', 'R'] });
  });
});
