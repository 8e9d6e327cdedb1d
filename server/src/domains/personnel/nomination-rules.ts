/**
 * The nomination (introduction) process as a configurable sequence of conferences, each with a
 * pass rule applied to its votes per name (election-rules.md §2.6, §8 item 7). Two presets: the
 * 5-step appointment procedure of Decree 170/2025 Art. 33 [C1], and an unverified default for
 * committee introduction [U]. Pure: no I/O.
 */
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
