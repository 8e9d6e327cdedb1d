import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AllocationSettings,
  allocationTotals,
  applyEdits,
  checkSettings,
  computeAllocation,
  formulaSeats,
  totalsMismatch,
  XIII_NATIONAL_SETTINGS,
} from './allocation-rules.ts';

const xiii = XIII_NATIONAL_SETTINGS;

describe('Ex 12 — national allocation formula (XIII), election-rules.md §5', () => {
  it('230,500 members: 13 + 19 = 32, the remainder 2,500 adds nothing', () => {
    expect(formulaSeats(230_500, xiii)).toEqual({ base: 13, perQuota: 19, remainder: 2_500, remainderSeat: 0, seats: 32 });
  });
  it('54,100 members: 13 + 4 = 17, the remainder 6,100 ≥ 6,001 adds one → 18', () => {
    expect(formulaSeats(54_100, xiii)).toEqual({ base: 13, perQuota: 4, remainder: 6_100, remainderSeat: 1, seats: 18 });
  });
  it('the remainder threshold is inclusive at 6,001 and exclusive at 6,000', () => {
    expect(formulaSeats(12_000 + 6_001, xiii).seats).toBe(15);
    expect(formulaSeats(12_000 + 6_000, xiii).seats).toBe(14);
  });
  it('XIV: a merged province formed from 2 đảng bộ has a base of 24 — an extra 11 on the base of 13', () => {
    const [line] = computeAllocation([{ orgId: 1, fullMembers: 0, probationaryMembers: 0, extraSeats: 11 }], { ...xiii, remainderThreshold: null });
    expect(line!.seats).toBe(24);
  });
});

describe('allocation among organizations', () => {
  it('counts probationary members only when the setting says so', () => {
    const org = { orgId: 1, fullMembers: 11_000, probationaryMembers: 1_000 };
    expect(computeAllocation([org], xiii)[0]!.members).toBe(12_000);
    expect(computeAllocation([org], { ...xiii, countProbationary: false })[0]!.members).toBe(11_000);
  });

  it('an edited line needs a reason unless it equals the formula', () => {
    const lines = computeAllocation(
      [
        { orgId: 1, fullMembers: 230_500, probationaryMembers: 0 },
        { orgId: 2, fullMembers: 54_100, probationaryMembers: 0, extraSeats: 2 },
      ],
      xiii,
    );
    expect(applyEdits(lines, [{ orgId: 1, seats: 33 }]).issues.map((i) => i.code)).toEqual(['ALLOCATION_NEEDS_REASON']);
    const ok = applyEdits(lines, [{ orgId: 1, seats: 33, reason: 'Đơn vị có vị trí đặc biệt quan trọng' }, { orgId: 2, seats: 20, reason: '   ' }]);
    expect(ok.issues).toEqual([]);
    expect(ok.lines).toEqual([
      { orgId: 1, formulaSeats: 32, extraSeats: 0, seats: 33, adjustReason: 'Đơn vị có vị trí đặc biệt quan trọng' },
      { orgId: 2, formulaSeats: 18, extraSeats: 2, seats: 20, adjustReason: null },
    ]);
    expect(applyEdits(lines, [{ orgId: 99, seats: 1, reason: 'x' }]).issues[0]!.code).toBe('ALLOCATION_UNKNOWN_ORG');
  });

  it('totals that do not add up are named with the difference', () => {
    const t = allocationTotals([{ seats: 32 }, { seats: 18 }], { electedTotal: 52, exOfficio: 5, appointed: 1 });
    expect(t).toMatchObject({ allocated: 50, congressTotal: 56, difference: -2 });
    expect(totalsMismatch(t)).toContain('còn thiếu 2');
    expect(totalsMismatch(allocationTotals([{ seats: 53 }], { electedTotal: 52, exOfficio: 0, appointed: 0 }))).toContain('vượt');
    expect(totalsMismatch(allocationTotals([{ seats: 52 }], { electedTotal: 52, exOfficio: 0, appointed: 0 }))).toBeNull();
    expect(totalsMismatch(allocationTotals([{ seats: 52 }], { electedTotal: null, exOfficio: 0, appointed: 0 }))).toBeNull();
  });

  it('refuses settings that make no sense', () => {
    expect(checkSettings(xiii)).toEqual([]);
    expect(checkSettings({ ...xiii, membersPerSeat: 0 }).map((i) => i.field)).toEqual(['membersPerSeat']);
    expect(checkSettings({ ...xiii, remainderThreshold: 12_000 }).map((i) => i.code)).toEqual(['THRESHOLD_OUT_OF_RANGE']);
    expect(checkSettings({ ...xiii, basePerOrg: -1 }).map((i) => i.field)).toEqual(['basePerOrg']);
  });
});

const settingsArb: fc.Arbitrary<AllocationSettings> = fc
  .record({ basePerOrg: fc.integer({ min: 0, max: 30 }), membersPerSeat: fc.integer({ min: 1, max: 20_000 }), t: fc.option(fc.double({ min: 0, max: 1, noNaN: true })), countProbationary: fc.boolean() })
  .map(({ basePerOrg, membersPerSeat, t, countProbationary }) => ({
    basePerOrg,
    membersPerSeat,
    // A valid threshold lies in 1 … membersPerSeat − 1; with a quota of 1 there is no remainder to count.
    remainderThreshold: t === null || membersPerSeat === 1 ? null : 1 + Math.floor(t * (membersPerSeat - 2)),
    countProbationary,
  }));

describe('allocation properties', () => {
  it('generated settings are valid', () => {
    fc.assert(fc.property(settingsArb, (s) => checkSettings(s).length === 0));
  });

  it('seats = base + floor(members / quota) + remainder seat, and the terms recompose the members', () => {
    fc.assert(
      fc.property(settingsArb, fc.integer({ min: 0, max: 5_000_000 }), (s, m) => {
        const f = formulaSeats(m, s);
        expect(f.perQuota * s.membersPerSeat + f.remainder).toBe(m);
        expect(f.remainder).toBeLessThan(s.membersPerSeat);
        expect(f.seats).toBe(s.basePerOrg + f.perQuota + f.remainderSeat);
        expect(f.seats).toBeGreaterThanOrEqual(s.basePerOrg);
      }),
    );
  });

  it('more members never give fewer seats', () => {
    fc.assert(
      fc.property(settingsArb, fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 100_000 }), (s, m, more) => {
        expect(formulaSeats(m + more, s).seats).toBeGreaterThanOrEqual(formulaSeats(m, s).seats);
      }),
    );
  });

  it('the formula never gives more than one seat above the exact share, nor less than one below', () => {
    fc.assert(
      fc.property(settingsArb, fc.integer({ min: 0, max: 5_000_000 }), (s, m) => {
        const exact = s.basePerOrg + m / s.membersPerSeat;
        const seats = formulaSeats(m, s).seats;
        expect(seats).toBeGreaterThan(exact - 1);
        expect(seats).toBeLessThan(exact + 1);
      }),
    );
  });

  it('the congress total is the sum of the lines plus ex-officio and appointed, whatever the edits', () => {
    fc.assert(
      fc.property(
        settingsArb,
        fc.array(fc.record({ full: fc.integer({ min: 0, max: 300_000 }), prob: fc.integer({ min: 0, max: 10_000 }), extra: fc.integer({ min: 0, max: 5 }) }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 50 }),
        (s, orgs, exOfficio, appointed) => {
          const lines = computeAllocation(
            orgs.map((o, i) => ({ orgId: i + 1, fullMembers: o.full, probationaryMembers: o.prob, extraSeats: o.extra })),
            s,
          );
          const sum = lines.reduce((a, l) => a + l.seats, 0);
          const t = allocationTotals(lines, { electedTotal: sum, exOfficio, appointed });
          expect(t.congressTotal).toBe(sum + exOfficio + appointed);
          expect(totalsMismatch(t)).toBeNull();
          // One seat moved by hand without changing the total still adds up; one more does not.
          const edited = applyEdits(lines, [{ orgId: 1, seats: lines[0]!.seats + 1, reason: 'Điều chỉnh' }]).lines;
          expect(allocationTotals(edited, { electedTotal: sum, exOfficio, appointed }).difference).toBe(1);
        },
      ),
    );
  });
});
