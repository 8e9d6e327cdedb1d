import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateProcess, evaluateStep, headChoiceProblem, nd170Sources, nominationPresets, planStepEdit, type StepEdit, stepReferenceProblems, twoThirdsPresent } from './nomination-rules.ts';

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

describe('Decree 170/2025 Art. 33 as the decree has it (election-rules.md §8 item 7)', () => {
  it('the preset carries each rule with its source: step 3 looks back at step 2, step 5 puts a tie to the head', () => {
    expect(step(3).passRule).toEqual({ kind: 'highestOverHalfElseThirty', differsFromStep: 2 });
    expect(step(5).passRule).toEqual({ kind: 'highestOverHalfTieToHead' });
    for (const s of nd170.steps) expect(s.source).toContain(`Nghị định 170/2025/NĐ-CP Điều 33 khoản 2, bước ${s.no}`);
    expect(nd170Sources.thirdStepNewNominee).toContain('tối thiểu 2/3 tổng số thành viên tập thể lãnh đạo');
    expect(nd170Sources.fifthStepTie).toContain('người đứng đầu xem xét, lựa chọn');
  });

  // Step 2: 20 summoned, A chosen with 11 (55 %). Step 3: the leadership of 6.
  const step2 = { no: 2, summoned: 20, present: 18, votes: [{ personId: 1, votes: 11 }, { personId: 2, votes: 6 }] };
  const third = (a: number, b: number) => evaluateProcess(nd170.steps, [step2, { no: 3, summoned: 6, present: 6, votes: [{ personId: 1, votes: a }, { personId: 2, votes: b }] }]).get(3)!;

  it('step 3: the nominee of step 2 is chosen above 50 % as before', () => {
    const r = third(4, 2);
    expect(r.perPerson.map((p) => p.passed)).toEqual([true, false]);
    expect(r.perPerson[0]!.text).toBe('4/6 = 66,67% — cao nhất và trên 50% — được lựa chọn; cùng người được lựa chọn ở bước 2');
  });
  it('step 3: someone other than step 2\'s nominee needs at least 2/3 of the leadership — 3/6 above half is not enough', () => {
    // B: 4 of 6 is above half but the rule asks 2/3 — exactly 4: chosen.
    const enough = third(2, 4);
    expect(enough.perPerson.map((p) => p.passed)).toEqual([false, true]);
    expect(enough.perPerson[1]!.text).toBe('4/6 = 66,67% — khác người được lựa chọn ở bước 2, đạt tối thiểu 2/3 (cần 4) — được lựa chọn');
    // Leadership of 7: B has 4 (57 %), the highest above half, yet below 2/3 (needs 5): nobody is chosen.
    const short = evaluateProcess(nd170.steps, [step2, { no: 3, summoned: 7, present: 7, votes: [{ personId: 1, votes: 3 }, { personId: 2, votes: 4 }] }]).get(3)!;
    expect(short.perPerson.map((p) => p.passed)).toEqual([false, false]);
    expect(short.stopped).toBe(true);
    expect(short.perPerson[1]!.text).toBe('4/7 = 57,14% — khác người được lựa chọn ở bước 2 nên phải đạt tối thiểu 2/3 tổng số được triệu tập (cần 5) — không được lựa chọn');
  });
  it('step 3 without recorded votes of step 2: every nominee is held to 2/3, and says why', () => {
    const r = evaluateStep(step(3), { summoned: 7, present: 7, votes: [{ personId: 1, votes: 4 }] });
    expect(r.perPerson[0]).toMatchObject({ passed: false, text: expect.stringContaining('bước 2 chưa ghi kết quả nên phải đạt tối thiểu 2/3') });
  });
  it('step 5: only the single highest above 50 % is chosen (the earlier preset passed everyone above 50 %)', () => {
    const r = evaluateStep(step(5), { summoned: 5, present: 5, votes: [{ personId: 1, votes: 3 }, { personId: 2, votes: 2 }] });
    expect(r.perPerson.map((p) => p.passed)).toEqual([true, false]);
    expect(r.perPerson[0]!.text).toBe('3/5 = 60% — cao nhất và trên 50% — được lựa chọn đề nghị bổ nhiệm');
    // Two above half (a ballot that approves each name): still only the highest; tied there, the head chooses.
    const both = evaluateStep(step(5), { summoned: 5, present: 5, votes: [{ personId: 1, votes: 4 }, { personId: 2, votes: 3 }] });
    expect(both.perPerson.map((p) => p.passed)).toEqual([true, false]);
    expect(evaluateStep(step(5), { summoned: 5, present: 5, votes: [{ personId: 1, votes: 3 }, { personId: 2, votes: 3 }] })).toMatchObject({ tied: [1, 2], awaitingChoice: true });
    // Exactly half for one, less for the other: nobody above 50 %, the process stops.
    const half = evaluateStep(step(5), { summoned: 4, present: 4, votes: [{ personId: 1, votes: 2 }, { personId: 2, votes: 1 }] });
    expect(half).toMatchObject({ stopped: true, awaitingChoice: false });
    expect(half.perPerson.every((p) => !p.passed)).toBe(true);
  });
  it('step 5: two tied at 50 % wait for the head of the body, whose choice (and who made it) decides', () => {
    const votes = { summoned: 4, present: 4, votes: [{ personId: 1, votes: 2 }, { personId: 2, votes: 2 }] };
    const waiting = evaluateStep(step(5), votes);
    expect(waiting).toMatchObject({ tied: [1, 2], awaitingChoice: true, stopped: false });
    expect(waiting.perPerson.map((p) => p.passed)).toEqual([false, false]);
    expect(waiting.perPerson[0]!.text).toBe('2/4 = 50% — ngang phiếu, cùng đạt 50% — chờ người đứng đầu xem xét, lựa chọn');
    const chosen = evaluateStep(step(5), votes, { headChoice: { personId: 2, chosenBy: 'Đồng chí Giám đốc Sở' } });
    expect(chosen).toMatchObject({ tied: [1, 2], awaitingChoice: false });
    expect(chosen.perPerson.map((p) => p.passed)).toEqual([false, true]);
    expect(chosen.perPerson[1]!.text).toBe('2/4 = 50% — ngang phiếu, cùng đạt 50% — người đứng đầu (Đồng chí Giám đốc Sở) lựa chọn');
    // The same choice replayed through the whole process.
    expect(evaluateProcess(nd170.steps, [{ no: 5, ...votes, headChoice: { personId: 1, chosenBy: 'X' } }]).get(5)!.perPerson.map((p) => p.passed)).toEqual([true, false]);
  });
  it('a head\'s choice is refused where there is no tie, outside the tied names, or on another rule', () => {
    const tie = { summoned: 4, present: 4, votes: [{ personId: 1, votes: 2 }, { personId: 2, votes: 2 }, { personId: 3, votes: 0 }] };
    expect(headChoiceProblem(step(5), tie, { personId: 1, chosenBy: 'X' })).toBeNull();
    expect(headChoiceProblem(step(5), tie, { personId: 3, chosenBy: 'X' })).toBe('Người đứng đầu chỉ lựa chọn trong số những người ngang phiếu cao nhất.');
    expect(headChoiceProblem(step(5), { summoned: 5, present: 5, votes: [{ personId: 1, votes: 3 }] }, { personId: 1, chosenBy: 'X' })).toBe('Không có hai người ngang phiếu cùng đạt 50% để người đứng đầu lựa chọn.');
    expect(headChoiceProblem(step(2), tie, { personId: 1, chosenBy: 'X' })).toBe('Bước 2 không có lựa chọn của người đứng đầu.');
  });
  it('editing: the step looked back at follows its renumbering, and must stay before', () => {
    const keep = (no: number): StepEdit => {
      const { no: _no, ...s } = nd170.steps.find((x) => x.no === no)!;
      return { ...s, from: no };
    };
    const dropped = planStepEdit(nd170.steps, new Set([3]), [keep(2), keep(3), keep(4), keep(5)]);
    expect(dropped.ok && dropped.steps.map((s) => s.passRule)).toEqual([{ kind: 'highestOverHalfElseThirty' }, { kind: 'highestOverHalfElseThirty', differsFromStep: 1 }, { kind: 'none' }, { kind: 'highestOverHalfTieToHead' }]);
    // The held step 3 is counted the same way although its reference now reads 1.
    expect(dropped.ok && dropped.renumber).toEqual([{ from: 3, to: 2 }]);
    const gone = planStepEdit(nd170.steps, new Set(), [keep(1), keep(3), keep(4), keep(5)]);
    expect(gone.ok === false && gone.problems).toEqual([{ field: 'steps.1.passRule.differsFromStep', code: 'STEP_REFERENCE', message: 'Dòng 2: bước 2 mà bước này đối chiếu không còn trong quy trình.' }]);
    const after = planStepEdit(nd170.steps, new Set(), [keep(1), keep(3), keep(2), keep(4), keep(5)]);
    expect(after.ok === false && after.problems[0]!.message).toBe('Dòng 2: bước đối chiếu (bước 2) phải đứng trước bước này.');
    expect(stepReferenceProblems(nd170.steps)).toEqual([]);
    expect(stepReferenceProblems([{ ...step(3), no: 1 }]).map((p) => p.code)).toEqual(['STEP_REFERENCE']);
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
