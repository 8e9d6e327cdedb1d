import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateStep, nominationPresets, twoThirdsPresent } from './nomination-rules.ts';

const nd170 = nominationPresets['nd170-appointment'];
const step = (no: number) => nd170.steps.find((s) => s.no === no)!;

describe('Decree 170/2025 Art. 33 thresholds', () => {
  it('step 2: the highest above 50 % of the summoned is chosen; others are not', () => {
    const r = evaluateStep(step(2), { summoned: 20, present: 18, votes: [{ personId: 1, votes: 11 }, { personId: 2, votes: 6 }] });
    expect(r.quorumMet).toBe(true);
    expect(r.perPerson.map((x) => x.passed)).toEqual([true, false]);
    expect(r.perPerson[0]!.text).toBe('11/20 = 55% — cao nhất và trên 50% — được lựa chọn');
  });
  it('step 2: nobody above 50 % → everyone with 30 % or more; nobody at 30 % → the process stops', () => {
    const r = evaluateStep(step(2), { summoned: 20, present: 20, votes: [{ personId: 1, votes: 10 }, { personId: 2, votes: 6 }, { personId: 3, votes: 4 }] });
    expect(r.perPerson.map((x) => x.passed)).toEqual([true, true, false]);
    const stop = evaluateStep(step(2), { summoned: 20, present: 20, votes: [{ personId: 1, votes: 5 }, { personId: 2, votes: 5 }] });
    expect(stop.stopped).toBe(true);
  });
  it('a conference with fewer than 2/3 present cannot decide', () => {
    const r = evaluateStep(step(5), { summoned: 9, present: 5, votes: [{ personId: 1, votes: 5 }] });
    expect(r).toMatchObject({ quorumMet: false, stopped: true, quorumText: 'Có mặt 5/9 (cần ít nhất 6)' });
    expect(r.perPerson[0]!.passed).toBe(false);
  });
  it('the committee-introduction default is flagged unconfirmed and needs more than half', () => {
    const def = nominationPresets['committee-default'];
    expect(def.confirmed).toBe(false);
    const r = evaluateStep(def.steps[1]!, { summoned: 30, present: 28, votes: [{ personId: 1, votes: 15 }, { personId: 2, votes: 16 }] });
    expect(r.perPerson.map((x) => x.passed)).toEqual([false, true]);
  });
});

describe('properties', () => {
  it('2/3 quorum in whole numbers matches the fraction', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (s, p) => {
        expect(twoThirdsPresent(p, s)).toBe(p / s >= 2 / 3 - 1e-12);
      }),
    );
  });
  it('"more than half" passes exactly when 2·votes > summoned', () => {
    const def = nominationPresets['committee-default'].steps[1]!;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(500), (summoned, v) => {
        const votes = Math.min(v, summoned);
        const r = evaluateStep(def, { summoned, present: summoned, votes: [{ personId: 1, votes }] });
        expect(r.perPerson[0]!.passed).toBe(2 * votes > summoned);
      }),
    );
  });
});
