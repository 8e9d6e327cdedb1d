import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateStep, nominationPresets, planStepEdit, type StepEdit, twoThirdsPresent } from './nomination-rules.ts';

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

describe('editing the steps of a plan', () => {
  const current = nominationPresets['committee-default'].steps;
  const keep = (no: number, change: Partial<StepEdit> = {}): StepEdit => {
    const { no: _no, ...s } = current.find((x) => x.no === no)!;
    return { ...s, from: no, ...change };
  };
  const fresh: StepEdit = { from: null, name: 'Lấy ý kiến nơi cư trú', body: 'Chi bộ nơi cư trú', ballot: 'open', passRule: { kind: 'shareOfSummoned', share: 0.5 }, announced: true, quorumTwoThirds: false };

  it('adds, renames, removes and reorders steps not yet held, numbering them in order', () => {
    const r = planStepEdit(current, new Set(), [keep(2, { name: 'Ban Chấp hành giới thiệu' }), fresh, keep(1), keep(5, { passRule: { kind: 'shareOfSummoned', share: 0.6 } })]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.steps.map((s) => [s.no, s.name])).toEqual([
      [1, 'Ban Chấp hành giới thiệu'],
      [2, 'Lấy ý kiến nơi cư trú'],
      [3, 'Ban Thường vụ đề xuất danh sách'],
      [4, 'Ban Chấp hành biểu quyết danh sách bằng phiếu kín'],
    ]);
    expect(r.steps[3]!.passRule).toEqual({ kind: 'shareOfSummoned', share: 0.6 });
    expect(r.renumber).toEqual([]);
  });
  it('a held step cannot be removed nor counted differently; it may be renamed and moved, its votes following it', () => {
    const held = new Set([2]);
    const removed = planStepEdit(current, held, [keep(1), keep(3)]);
    expect(removed).toEqual({ ok: false, code: 'NOMINATION_STEP_HAS_VOTES', problems: [{ field: 'steps.2', code: 'STEP_HAS_VOTES', message: 'Bước 2 — Ban Chấp hành giới thiệu bằng phiếu kín đã ghi kết quả phiếu nên không xóa được.' }] });
    const stricter = planStepEdit(current, held, [keep(1), keep(2, { passRule: { kind: 'shareOfSummoned', share: 2 / 3 } })]);
    expect(stricter.ok === false && stricter.problems[0]!.message).toContain('không đổi được hình thức bỏ phiếu, ngưỡng đạt hay điều kiện 2/3');
    const moved = planStepEdit(current, held, [keep(2, { name: 'Ban Chấp hành giới thiệu (phiếu kín)' }), keep(1), keep(3)]);
    expect(moved.ok && moved.renumber).toEqual([{ from: 2, to: 1 }]);
    // The same rule with its keys in another order (as jsonb gives them back) is the same rule.
    const reordered = planStepEdit(current, held, [keep(1), keep(2, { passRule: JSON.parse('{"share":0.5,"kind":"shareOfSummoned"}') })]);
    expect(reordered.ok).toBe(true);
  });
  it('refuses an unknown or repeated step and a threshold outside (0 %, 100 %)', () => {
    const r = planStepEdit(current, new Set(), [keep(1), { ...keep(1) }, { ...fresh, from: 9 }, { ...fresh, passRule: { kind: 'shareOfSummoned', share: 1 } }]);
    expect(r.ok === false && r.code).toBe('NOMINATION_STEP_INVALID');
    expect(r.ok === false && r.problems.map((p) => p.code)).toEqual(['STEP_TWICE', 'STEP_UNKNOWN', 'SHARE_RANGE']);
  });
});
