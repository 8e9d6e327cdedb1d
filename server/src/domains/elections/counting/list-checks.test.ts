import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkConveningProposal,
  checkElectionList,
  compareForBallot,
  floorNomineeAdmitted,
  floorNomineeApprovalsNeeded,
  listVoteApproves,
  orderForBallot,
  splitVietnameseName,
  surplusLimits,
  type ListCandidate,
} from './list-checks.ts';
import { resolveRuleSet, ruleSetFor } from './rule-sets.ts';

const rules = ruleSetFor('2024');

describe('surplus limits (R1.10, §8 item 9)', () => {
  it('property: 1 ≤ conveningMin ≤ conveningMax ≤ congressMax, and "inward" never exceeds 30 % unless the minimum of 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), (seats) => {
        const l = surplusLimits(seats, rules);
        expect(1).toBeLessThanOrEqual(l.conveningMin);
        expect(l.conveningMin).toBeLessThanOrEqual(l.conveningMax);
        expect(l.conveningMax).toBeLessThanOrEqual(l.congressMax);
        if (l.congressMax > 1) expect(100 * l.congressMax).toBeLessThanOrEqual(30 * seats);
        expect(100 * (l.congressMax + 1)).toBeGreaterThan(30 * seats); // and it is the largest such
        if (l.conveningMin > 1) expect(100 * (l.conveningMin - 1)).toBeLessThan(10 * seats);
      }),
    );
  });

  it('bodies of 3–5 members: surplus at most 1 whatever the rounding', () => {
    const nearest = resolveRuleSet('2024', { surplusRounding: 'nearest' });
    if (!nearest.ok) throw new Error(nearest.error.code);
    for (const seats of [3, 4, 5]) {
      expect(surplusLimits(seats, rules).congressMax).toBe(1);
      expect(surplusLimits(seats, nearest.value).congressMax).toBe(1);
    }
    expect(surplusLimits(6, rules).congressMax).toBe(1); // floor(1.8)
    expect(surplusLimits(6, nearest.value).congressMax).toBe(2); // round(1.8)
  });

  it('a table of common sizes (inward rounding)', () => {
    const rows = [9, 15, 33, 55].map((s) => {
      const l = surplusLimits(s, rules);
      return [s, l.conveningMin, l.conveningMax, l.congressMax];
    });
    // 9: 0.9–1.35 → 1–1, 2.7 → 2; 15: 1.5–2.25 → 2–2, 4.5 → 4; 33: 3.3–4.95 → 4–4, 9.9 → 9; 55: 5.5–8.25 → 6–8, 16.5 → 16
    expect(rows).toEqual([
      [9, 1, 1, 2],
      [15, 2, 2, 4],
      [33, 4, 4, 9],
      [55, 6, 8, 16],
    ]);
  });

  it('applies only to committee and standing-committee lists', () => {
    expect(checkConveningProposal('inspectionCommission', 5, 5, rules)).toEqual([]);
    expect(checkConveningProposal('executiveCommittee', 55, 61, rules)).toEqual([]);
    expect(checkConveningProposal('executiveCommittee', 55, 60, rules)).toHaveLength(1);
  });
});

describe('floor nominees need more than 30 % of those present (190 Đ14 K3)', () => {
  it('property: admitted iff 10·approvals > 3·present, and approvalsNeeded is the least such', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }).chain((p) => fc.tuple(fc.integer({ min: 0, max: p }), fc.constant(p))), ([a, p]) => {
        expect(floorNomineeAdmitted(a, p, rules)).toBe(10n * BigInt(a) > 3n * BigInt(p));
        const need = floorNomineeApprovalsNeeded(p, rules);
        expect(floorNomineeAdmitted(need, p, rules)).toBe(true);
        expect(floorNomineeAdmitted(need - 1, p, rules)).toBe(false);
      }),
    );
  });

  it('exactly 30 % is not enough: 30 of 100 present', () => {
    expect(floorNomineeAdmitted(30, 100, rules)).toBe(false);
    expect(floorNomineeAdmitted(31, 100, rules)).toBe(true);
  });
});

describe('checkElectionList', () => {
  const base = (n: number): ListCandidate[] =>
    Array.from({ length: n }, (_, i) => ({ id: `c${i}`, fullName: `Người ${i}`, nominatedBy: 'conveningCommittee' }));

  it('a counting-committee member may not be on the list (190 Đ8 K1)', () => {
    const issues = checkElectionList({ kind: 'executiveCommittee', seats: 5, candidates: base(6), countingCommittee: ['c2', 'zz'] }, rules);
    expect(issues.map((i) => [i.code, i.candidates])).toEqual([['COUNTING_COMMITTEE_MEMBER_ON_LIST', ['c2']]]);
    expect(issues[0]?.source).toContain('Đ8');
  });

  it('floor nominees without a recorded > 30 % vote are not admitted', () => {
    const list: ListCandidate[] = [
      ...base(5),
      { id: 'f1', fullName: 'Sàn Một', nominatedBy: 'floor', floorApproval: { approvals: 85, present: 280 } },
      { id: 'f2', fullName: 'Sàn Hai', nominatedBy: 'self', floorApproval: { approvals: 84, present: 280 } },
      { id: 'f3', fullName: 'Sàn Ba', nominatedBy: 'floor' },
    ];
    const issues = checkElectionList({ kind: 'executiveCommittee', seats: 7, candidates: list, countingCommittee: [] }, rules);
    expect(issues.map((i) => [i.code, i.candidates])).toEqual([['FLOOR_NOMINEE_NOT_ADMITTED', ['f2', 'f3']]]);
  });

  it('the committee list must be longer than the seats; other lists only warn when too short', () => {
    expect(checkElectionList({ kind: 'executiveCommittee', seats: 6, candidates: base(6), countingCommittee: [] }, rules).map((i) => i.code)).toEqual([
      'LIST_NOT_LONGER_THAN_SEATS',
    ]);
    expect(checkElectionList({ kind: 'secretary', seats: 1, candidates: base(1), countingCommittee: [] }, rules)).toEqual([]);
    const short = checkElectionList({ kind: 'upperCongressDelegates', seats: 12, alternateSeats: 2, candidates: base(13), countingCommittee: [] }, rules);
    expect(short.map((i) => [i.code, i.severity])).toEqual([['LIST_SHORTER_THAN_SEATS', 'warning']]);
  });

  it('duplicates are reported; the delegate surplus cap applies only when set', () => {
    const dup = [...base(3), ...base(1)];
    expect(checkElectionList({ kind: 'secretary', seats: 1, candidates: dup, countingCommittee: [] }, rules).map((i) => i.code)).toEqual(['DUPLICATE_ON_LIST']);
    const capped = resolveRuleSet('2024', { delegateSurplusMaxPercent: 20 });
    if (!capped.ok) throw new Error(capped.error.code);
    const input = { kind: 'upperCongressDelegates' as const, seats: 10, candidates: base(13), countingCommittee: [] };
    expect(checkElectionList(input, rules)).toEqual([]);
    expect(checkElectionList(input, capped.value).map((i) => i.code)).toEqual(['DELEGATE_SURPLUS_ABOVE_MAX']);
  });
});

describe('ballot order (R1.13, Intl.Collator("vi"))', () => {
  it('splits a Vietnamese full name into given name and the rest', () => {
    expect(splitVietnameseName('  Nguyễn   Thị Minh  Khai ')).toEqual({ givenName: 'Khai', rest: 'Nguyễn Thị Minh' });
    expect(splitVietnameseName('Hùng')).toEqual({ givenName: 'Hùng', rest: '' });
  });

  it('orders by given name in the Vietnamese alphabet (a ă â … d đ …), then by the rest', () => {
    const names = ['Phạm Văn Đức', 'Trần Văn Bình', 'Nguyễn Thị An', 'Hoàng Dũng', 'Đỗ Ân', 'Vũ Thị Ánh', 'Lê Văn An', 'Bùi Ăn'];
    const ordered = orderForBallot(names.map((fullName) => ({ fullName })), rules).map((c) => c.fullName);
    // An (Lê before Nguyễn) < Ánh (tone is secondary) < Ăn < Ân < Bình < Dũng < Đức
    expect(ordered).toEqual(['Lê Văn An', 'Nguyễn Thị An', 'Vũ Thị Ánh', 'Bùi Ăn', 'Đỗ Ân', 'Trần Văn Bình', 'Hoàng Dũng', 'Phạm Văn Đức']);
  });

  it('the family name never outranks the given name', () => {
    expect(compareForBallot('An Văn Bình', 'Yên Thị An')).toBeGreaterThan(0);
  });

  it('names typed with combining accents (NFD) sort like precomposed ones', () => {
    expect(compareForBallot('Nguyễn Văn Đức'.normalize('NFD'), 'Nguyễn Văn Đức')).toBe(0);
  });

  it('property: the order is a permutation, sorted, and stable for equal names', () => {
    const pool = ['An', 'Ánh', 'Bình', 'Chi', 'Dũng', 'Đức', 'Hà', 'Lan'];
    const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm'];
    const person = fc.record({ family: fc.constantFrom(...family), given: fc.constantFrom(...pool), k: fc.nat() });
    fc.assert(
      fc.property(fc.array(person, { maxLength: 30 }), (ps) => {
        const input = ps.map((p, i) => ({ fullName: `${p.family} Văn ${p.given}`, i }));
        const out = orderForBallot(input, rules);
        expect([...out].map((c) => c.i).sort((a, b) => a - b)).toEqual(input.map((c) => c.i));
        for (let j = 1; j < out.length; j += 1) {
          const a = out[j - 1];
          const b = out[j];
          if (!a || !b) continue;
          const cmp = compareForBallot(a.fullName, b.fullName);
          expect(cmp).toBeLessThanOrEqual(0);
          if (cmp === 0) expect(a.i).toBeLessThan(b.i);
          // given names never decrease in the pool's Vietnamese order
          expect(pool.indexOf(splitVietnameseName(a.fullName).givenName)).toBeLessThanOrEqual(pool.indexOf(splitVietnameseName(b.fullName).givenName));
        }
      }),
    );
  });

  it('"asEntered" keeps the input order', () => {
    const asEntered = resolveRuleSet('2024', { ballotOrder: 'asEntered' });
    if (!asEntered.ok) throw new Error(asEntered.error.code);
    const input = [{ fullName: 'Z Bình' }, { fullName: 'A An' }];
    expect(orderForBallot(input, asEntered.value)).toEqual(input);
  });
});

describe('the congress approves the list by show of hands', () => {
  it('needs more than half of those present; exactly half is not enough', () => {
    expect(listVoteApproves(21, 40)).toBe(true);
    expect(listVoteApproves(20, 40)).toBe(false);
    fc.assert(fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (agree, present) => {
      expect(listVoteApproves(agree, present)).toBe(BigInt(agree) * 2n > BigInt(present));
    }));
  });
});
