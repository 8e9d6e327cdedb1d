/**
 * The nomination (introduction) process as a configurable sequence of conferences, each with a
 * pass rule applied to its votes per name (election-rules.md §2.6, §8 item 7). Two presets: the
 * 5-step appointment procedure of Decree 170/2025 Art. 33 [C1], and an unverified default for
 * committee introduction [U]. Pure: no I/O.
 */
import { sameRule } from '../../../../shared/src/contracts/personnel.ts';
export type PassRule =
  /** No vote counted at this step (discussion, minutes). */
  | { kind: 'none' }
  /** Each name passes with more than `share` of the summoned (share 0.5 = "trên 50%"). */
  | { kind: 'shareOfSummoned'; share: number }
  /** ND 170 Art. 33: the highest above 50 % is chosen; if none, all with 30 % or more; if none, the process stops. */
  | { kind: 'highestOverHalfElseThirty' };

export type NominationStep = {
  no: number;
  name: string;
  body: string;
  ballot: 'secret' | 'open' | 'none';
  passRule: PassRule;
  announced: boolean;
  /** Conferences are held only with at least 2/3 of the summoned present. */
  quorumTwoThirds: boolean;
};

export type NominationProcess = { preset: string; label: string; source: string; confirmed: boolean; steps: NominationStep[] };

export const nominationPresets: Record<'nd170-appointment' | 'committee-default', NominationProcess> = {
  'nd170-appointment': {
    preset: 'nd170-appointment',
    label: 'Quy trình 5 bước bổ nhiệm (Nghị định 170/2025/NĐ-CP Điều 33)',
    source: 'Nghị định 170/2025/NĐ-CP Điều 33 khoản 2 (xaydungchinhsach, toàn văn) [C1]; tỷ lệ tính trên tổng số người được triệu tập',
    confirmed: true,
    steps: [
      { no: 1, name: 'Hội nghị tập thể lãnh đạo (lần 1)', body: 'Người đứng đầu, cấp phó của người đứng đầu', ballot: 'none', passRule: { kind: 'none' }, announced: true, quorumTwoThirds: true },
      {
        no: 2,
        name: 'Hội nghị tập thể lãnh đạo mở rộng',
        body: 'Tập thể lãnh đạo, Ban Thường vụ (hoặc cấp ủy) cùng cấp, người đứng đầu các đơn vị thuộc và trực thuộc',
        ballot: 'secret',
        passRule: { kind: 'highestOverHalfElseThirty' },
        announced: false,
        quorumTwoThirds: true,
      },
      { no: 3, name: 'Hội nghị tập thể lãnh đạo (lần 2)', body: 'Như bước 1', ballot: 'secret', passRule: { kind: 'highestOverHalfElseThirty' }, announced: true, quorumTwoThirds: true },
      { no: 4, name: 'Hội nghị cán bộ chủ chốt', body: 'Thành phần bước 2 và người đứng đầu các tổ chức chính trị - xã hội, cấp phó các đơn vị trực thuộc', ballot: 'secret', passRule: { kind: 'none' }, announced: false, quorumTwoThirds: true },
      { no: 5, name: 'Hội nghị tập thể lãnh đạo (lần 3)', body: 'Như bước 1, sau khi có ý kiến bằng văn bản của cấp ủy cùng cấp', ballot: 'secret', passRule: { kind: 'shareOfSummoned', share: 0.5 }, announced: true, quorumTwoThirds: true },
    ],
  },
  'committee-default': {
    preset: 'committee-default',
    label: 'Giới thiệu nhân sự cấp ủy — mặc định (chưa xác nhận)',
    source: 'election-rules.md §8 mục 7: chưa tra được phụ lục CT 45 / HD 27 về quy trình nhân sự cấp ủy — thay bằng văn bản chính thức khi có [U]',
    confirmed: false,
    steps: [
      { no: 1, name: 'Ban Thường vụ đề xuất danh sách', body: 'Ban Thường vụ cấp ủy khóa đương nhiệm', ballot: 'none', passRule: { kind: 'none' }, announced: true, quorumTwoThirds: true },
      { no: 2, name: 'Ban Chấp hành giới thiệu bằng phiếu kín', body: 'Ban Chấp hành đảng bộ khóa đương nhiệm', ballot: 'secret', passRule: { kind: 'shareOfSummoned', share: 0.5 }, announced: false, quorumTwoThirds: true },
      { no: 3, name: 'Hội nghị cán bộ chủ chốt giới thiệu', body: 'Cán bộ chủ chốt của đảng bộ', ballot: 'secret', passRule: { kind: 'shareOfSummoned', share: 0.5 }, announced: false, quorumTwoThirds: true },
      { no: 4, name: 'Ban Thường vụ tổng hợp', body: 'Ban Thường vụ cấp ủy khóa đương nhiệm', ballot: 'none', passRule: { kind: 'none' }, announced: false, quorumTwoThirds: true },
      { no: 5, name: 'Ban Chấp hành biểu quyết danh sách bằng phiếu kín', body: 'Ban Chấp hành đảng bộ khóa đương nhiệm', ballot: 'secret', passRule: { kind: 'shareOfSummoned', share: 0.5 }, announced: true, quorumTwoThirds: true },
    ],
  },
};

export type StepVotes = { summoned: number; present: number; votes: { personId: number; votes: number }[] };

export type StepOutcome = {
  quorumMet: boolean;
  /** "Có mặt 14/20 (cần ít nhất 14)" */
  quorumText: string;
  /** True when the rule picked nobody and the process cannot continue (ND 170: nobody reached 30 %). */
  stopped: boolean;
  perPerson: { personId: number; votes: number; share: number; passed: boolean; text: string }[];
};

/** At least 2/3 of the summoned, in whole numbers: 3·present ≥ 2·summoned. */
export const twoThirdsPresent = (present: number, summoned: number) => 3 * present >= 2 * summoned;

const pct = (votes: number, summoned: number) => `${((votes * 100) / summoned).toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;

export function evaluateStep(step: NominationStep, input: StepVotes): StepOutcome {
  const need = Math.ceil((2 * input.summoned) / 3);
  const quorumMet = !step.quorumTwoThirds || twoThirdsPresent(input.present, input.summoned);
  const quorumText = `Có mặt ${input.present}/${input.summoned}${step.quorumTwoThirds ? ` (cần ít nhất ${need})` : ''}`;
  const rule = step.passRule;
  const line = (personId: number, votes: number, passed: boolean, why: string) => ({
    personId,
    votes,
    share: votes / input.summoned,
    passed,
    text: `${votes}/${input.summoned} = ${pct(votes, input.summoned)} — ${why}`,
  });
  if (!quorumMet) {
    return { quorumMet, quorumText, stopped: true, perPerson: input.votes.map((v) => line(v.personId, v.votes, false, 'hội nghị không đủ 2/3 số được triệu tập')) };
  }
  if (rule.kind === 'none') {
    return { quorumMet, quorumText, stopped: false, perPerson: input.votes.map((v) => line(v.personId, v.votes, true, 'bước này không xét tỷ lệ')) };
  }
  if (rule.kind === 'shareOfSummoned') {
    const perPerson = input.votes.map((v) => {
      // "Trên 50%": strictly more than share·summoned, in whole numbers.
      const passed = v.votes * 10_000 > Math.round(rule.share * 10_000) * input.summoned;
      return line(v.personId, v.votes, passed, passed ? `trên ${rule.share * 100}% số được triệu tập` : `chưa trên ${rule.share * 100}% số được triệu tập`);
    });
    return { quorumMet, quorumText, stopped: perPerson.every((p) => !p.passed), perPerson };
  }
  const overHalf = input.votes.filter((v) => 2 * v.votes > input.summoned);
  const top = Math.max(0, ...input.votes.map((v) => v.votes));
  if (overHalf.length > 0) {
    // The highest above 50 %; two tied at the top are both put to the head of the body to choose.
    const perPerson = input.votes.map((v) =>
      line(v.personId, v.votes, v.votes === top && 2 * v.votes > input.summoned, v.votes === top ? 'cao nhất và trên 50% — được lựa chọn' : 'không cao nhất'),
    );
    return { quorumMet, quorumText, stopped: false, perPerson };
  }
  const perPerson = input.votes.map((v) => {
    const passed = 10 * v.votes >= 3 * input.summoned;
    return line(v.personId, v.votes, passed, passed ? 'không ai trên 50%; đạt từ 30% — được lựa chọn' : 'không ai trên 50%; dưới 30%');
  });
  return { quorumMet, quorumText, stopped: perPerson.every((p) => !p.passed), perPerson };
}

// ---- Editing the steps of a plan ----

/** A step as the editor sends it: `from` is the number it had (null for a new step); steps are renumbered in order. */
export type StepEdit = Omit<NominationStep, 'no'> & { from: number | null };
export type StepProblem = { field: string; code: string; message: string };

const stepTitle = (s: NominationStep) => `Bước ${s.no} — ${s.name}`;
const sameCounting = (a: NominationStep, b: NominationStep) => a.ballot === b.ballot && a.quorumTwoThirds === b.quorumTwoThirds && sameRule(a.passRule, b.passRule);

/**
 * A step whose votes are recorded must stay, counted the same way: removing it, or changing its
 * ballot, pass rule or 2/3 condition, would rewrite who passed after the vote.
 * `next` finds what becomes of each current step (undefined: removed).
 */
export function heldStepProblems(current: readonly NominationStep[], held: ReadonlySet<number>, next: (s: NominationStep) => NominationStep | undefined): StepProblem[] {
  const out: StepProblem[] = [];
  for (const s of current) {
    if (!held.has(s.no)) continue;
    const n = next(s);
    if (!n) out.push({ field: `steps.${s.no}`, code: 'STEP_HAS_VOTES', message: `${stepTitle(s)} đã ghi kết quả phiếu nên không xóa được.` });
    else if (!sameCounting(s, n)) out.push({ field: `steps.${s.no}`, code: 'STEP_HAS_VOTES', message: `${stepTitle(s)} đã ghi kết quả phiếu nên không đổi được hình thức bỏ phiếu, ngưỡng đạt hay điều kiện 2/3.` });
  }
  return out;
}

export type StepEditPlan =
  | { ok: true; steps: NominationStep[]; renumber: { from: number; to: number }[] }
  | { ok: false; code: 'NOMINATION_STEP_INVALID' | 'NOMINATION_STEP_HAS_VOTES'; problems: StepProblem[] };

/** Checks an edited list of steps against the current one and the steps already held; numbers the result 1, 2, 3… */
export function planStepEdit(current: readonly NominationStep[], held: ReadonlySet<number>, edits: readonly StepEdit[]): StepEditPlan {
  const byNo = new Map(current.map((s) => [s.no, s]));
  const invalid: StepProblem[] = [];
  const seen = new Set<number>();
  edits.forEach((e, i) => {
    if (e.passRule.kind === 'shareOfSummoned' && (e.passRule.share <= 0 || e.passRule.share >= 1))
      invalid.push({ field: `steps.${i}.passRule.share`, code: 'SHARE_RANGE', message: `Dòng ${i + 1}: tỷ lệ đạt phải lớn hơn 0% và nhỏ hơn 100%.` });
    if (e.from === null) return;
    if (!byNo.has(e.from)) invalid.push({ field: `steps.${i}.from`, code: 'STEP_UNKNOWN', message: `Dòng ${i + 1}: quy trình không có bước ${e.from}.` });
    else if (seen.has(e.from)) invalid.push({ field: `steps.${i}.from`, code: 'STEP_TWICE', message: `Dòng ${i + 1}: bước ${e.from} xuất hiện hai lần.` });
    seen.add(e.from);
  });
  if (invalid.length > 0) return { ok: false, code: 'NOMINATION_STEP_INVALID', problems: invalid };
  const steps: NominationStep[] = edits.map(({ from: _from, ...s }, i) => ({ ...s, no: i + 1 }));
  const newOf = new Map<number, NominationStep>();
  edits.forEach((e, i) => e.from !== null && newOf.set(e.from, steps[i]!));
  const problems = heldStepProblems(current, held, (s) => newOf.get(s.no));
  if (problems.length > 0) return { ok: false, code: 'NOMINATION_STEP_HAS_VOTES', problems };
  const renumber = [...newOf].filter(([from, s]) => held.has(from) && s.no !== from).map(([from, s]) => ({ from, to: s.no }));
  return { ok: true, steps, renumber };
}
