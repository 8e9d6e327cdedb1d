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
  /**
   * ND 170 Art. 33 steps 2 and 3: the highest above 50 % is chosen; if none, all with 30 % or more;
   * if none, the process stops. `differsFromStep` (step 3): a nominee other than the one chosen at
   * that earlier step needs at least 2/3 of the summoned.
   */
  | { kind: 'highestOverHalfElseThirty'; differsFromStep?: number }
  /** ND 170 Art. 33 step 5: the single highest above 50 %; two tied at 50 % or more → the head of the body chooses. */
  | { kind: 'highestOverHalfTieToHead' };

export type NominationStep = {
  no: number;
  name: string;
  body: string;
  ballot: 'secret' | 'open' | 'none';
  passRule: PassRule;
  announced: boolean;
  /** Conferences are held only with at least 2/3 of the summoned present. */
  quorumTwoThirds: boolean;
  /** Where the step and its pass rule come from (decree, article, step). */
  source?: string;
};

export type NominationProcess = { preset: string; label: string; source: string; confirmed: boolean; steps: NominationStep[] };

const ND170 = 'Nghị định 170/2025/NĐ-CP Điều 33 khoản 2';
/** The sources of the ND 170 pass rules, quoted in the outcome texts. */
export const nd170Sources = {
  thirdStepNewNominee: `${ND170}, bước 3: "Người được lựa chọn phải được tối thiểu 2/3 tổng số thành viên tập thể lãnh đạo giới thiệu" (nếu khác bước 2) [C1]`,
  fifthStepTie: `${ND170}, bước 5: "Trường hợp có 02 người có số phiếu ngang nhau đều đạt 50% số phiếu giới thiệu thì người đứng đầu xem xét, lựa chọn" [C1]`,
} as const;

export const nominationPresets: Record<'nd170-appointment' | 'committee-default', NominationProcess> = {
  'nd170-appointment': {
    preset: 'nd170-appointment',
    label: 'Quy trình 5 bước bổ nhiệm (Nghị định 170/2025/NĐ-CP Điều 33)',
    source: `${ND170} (xaydungchinhsach, toàn văn) [C1]; tỷ lệ tính trên tổng số người được triệu tập`,
    confirmed: true,
    steps: [
      {
        no: 1,
        name: 'Hội nghị tập thể lãnh đạo (lần 1)',
        body: 'Người đứng đầu, cấp phó của người đứng đầu',
        ballot: 'none',
        passRule: { kind: 'none' },
        announced: true,
        quorumTwoThirds: true,
        source: `${ND170}, bước 1: thảo luận, thống nhất danh sách nhân sự đủ điều kiện [C1]`,
      },
      {
        no: 2,
        name: 'Hội nghị tập thể lãnh đạo mở rộng',
        body: 'Tập thể lãnh đạo, Ban Thường vụ (hoặc cấp ủy) cùng cấp, người đứng đầu các đơn vị thuộc và trực thuộc',
        ballot: 'secret',
        passRule: { kind: 'highestOverHalfElseThirty' },
        announced: false,
        quorumTwoThirds: true,
        source: `${ND170}, bước 2: người cao nhất trên 50% được lựa chọn; không ai trên 50% thì chọn người từ 30% trở lên; không ai đạt 30% thì dừng; không công bố kết quả [C1]`,
      },
      {
        no: 3,
        name: 'Hội nghị tập thể lãnh đạo (lần 2)',
        body: 'Như bước 1',
        ballot: 'secret',
        passRule: { kind: 'highestOverHalfElseThirty', differsFromStep: 2 },
        announced: true,
        quorumTwoThirds: true,
        source: `${ND170}, bước 3: như bước 2; người được lựa chọn khác bước 2 phải được tối thiểu 2/3 tổng số thành viên tập thể lãnh đạo giới thiệu; công bố kết quả [C1]`,
      },
      {
        no: 4,
        name: 'Hội nghị cán bộ chủ chốt',
        body: 'Thành phần bước 2 và người đứng đầu các tổ chức chính trị - xã hội, cấp phó các đơn vị trực thuộc',
        ballot: 'secret',
        passRule: { kind: 'none' },
        announced: false,
        quorumTwoThirds: true,
        source: `${ND170}, bước 4: ghi hoặc tích phiếu giới thiệu, không xét tỷ lệ, không công bố kết quả [C1]`,
      },
      {
        no: 5,
        name: 'Hội nghị tập thể lãnh đạo (lần 3)',
        body: 'Như bước 1, sau khi có ý kiến bằng văn bản của cấp ủy cùng cấp',
        ballot: 'secret',
        passRule: { kind: 'highestOverHalfTieToHead' },
        announced: true,
        quorumTwoThirds: true,
        source: `${ND170}, bước 5: người cao nhất trên 50% được lựa chọn đề nghị bổ nhiệm; 02 người ngang phiếu đều đạt 50% thì người đứng đầu xem xét, lựa chọn [C1]`,
      },
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

/** The head of the body's choice between names tied at the top (ND 170 step 5), and who made it. */
export type HeadChoice = { personId: number; chosenBy: string };

export type StepVotes = { summoned: number; present: number; votes: { personId: number; votes: number }[] };

export type StepOutcome = {
  quorumMet: boolean;
  /** "Có mặt 14/20 (cần ít nhất 14)" */
  quorumText: string;
  /** True when the rule picked nobody and the process cannot continue (ND 170: nobody reached 30 %). */
  stopped: boolean;
  /** Names tied at the top that the head of the body must choose between (empty otherwise). */
  tied: number[];
  /** A tie is waiting for the head's choice: nobody passes until it is recorded. */
  awaitingChoice: boolean;
  perPerson: { personId: number; votes: number; share: number; passed: boolean; text: string }[];
};

/** What the earlier steps decided, for rules that look back (ND 170 step 3 against step 2). */
export type StepContext = {
  /** Who passed a step already recorded; undefined when that step has no recorded votes. */
  passedAt?: (stepNo: number) => ReadonlySet<number> | undefined;
  headChoice?: HeadChoice | null;
};

/** At least 2/3 of the summoned, in whole numbers: 3·present ≥ 2·summoned. */
export const twoThirdsPresent = (present: number, summoned: number) => 3 * present >= 2 * summoned;

const pct = (votes: number, summoned: number) => `${((votes * 100) / summoned).toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;

export function evaluateStep(step: NominationStep, input: StepVotes, ctx: StepContext = {}): StepOutcome {
  const need = Math.ceil((2 * input.summoned) / 3);
  const quorumMet = !step.quorumTwoThirds || twoThirdsPresent(input.present, input.summoned);
  const quorumText = `Có mặt ${input.present}/${input.summoned}${step.quorumTwoThirds ? ` (cần ít nhất ${need})` : ''}`;
  const rule = step.passRule;
  const plain = { quorumMet, quorumText, tied: [] as number[], awaitingChoice: false };
  const line = (personId: number, votes: number, passed: boolean, why: string) => ({
    personId,
    votes,
    share: votes / input.summoned,
    passed,
    text: `${votes}/${input.summoned} = ${pct(votes, input.summoned)} — ${why}`,
  });
  if (!quorumMet) {
    return { ...plain, stopped: true, perPerson: input.votes.map((v) => line(v.personId, v.votes, false, 'hội nghị không đủ 2/3 số được triệu tập')) };
  }
  if (rule.kind === 'none') {
    return { ...plain, stopped: false, perPerson: input.votes.map((v) => line(v.personId, v.votes, true, 'bước này không xét tỷ lệ')) };
  }
  if (rule.kind === 'shareOfSummoned') {
    const perPerson = input.votes.map((v) => {
      // "Trên 50%": strictly more than share·summoned, in whole numbers.
      const passed = v.votes * 10_000 > Math.round(rule.share * 10_000) * input.summoned;
      return line(v.personId, v.votes, passed, passed ? `trên ${rule.share * 100}% số được triệu tập` : `chưa trên ${rule.share * 100}% số được triệu tập`);
    });
    return { ...plain, stopped: perPerson.every((p) => !p.passed), perPerson };
  }
  const top = Math.max(0, ...input.votes.map((v) => v.votes));
  const leaders = input.votes.filter((v) => v.votes === top && top > 0).map((v) => v.personId);
  if (rule.kind === 'highestOverHalfTieToHead') return tieToHead(input, top, leaders, ctx.headChoice ?? null, plain, line);
  const overHalf = input.votes.filter((v) => 2 * v.votes > input.summoned);
  let perPerson: StepOutcome['perPerson'];
  if (overHalf.length > 0) {
    // The highest above 50 % (with one name per ballot only one can be above half).
    perPerson = input.votes.map((v) =>
      line(v.personId, v.votes, v.votes === top && 2 * v.votes > input.summoned, v.votes === top ? 'cao nhất và trên 50% — được lựa chọn' : 'không cao nhất'),
    );
  } else {
    perPerson = input.votes.map((v) => {
      const passed = 10 * v.votes >= 3 * input.summoned;
      return line(v.personId, v.votes, passed, passed ? 'không ai trên 50%; đạt từ 30% — được lựa chọn' : 'không ai trên 50%; dưới 30%');
    });
  }
  if (rule.differsFromStep !== undefined) perPerson = applyDiffersFrom(rule.differsFromStep, input, perPerson, ctx, line);
  return { ...plain, stopped: perPerson.every((p) => !p.passed), perPerson };
}

type Line = (personId: number, votes: number, passed: boolean, why: string) => StepOutcome['perPerson'][number];

/** ND 170 step 3: someone chosen here who was not chosen at the earlier step needs at least 2/3 of the summoned. */
function applyDiffersFrom(ref: number, input: StepVotes, perPerson: StepOutcome['perPerson'], ctx: StepContext, line: Line): StepOutcome['perPerson'] {
  const earlier = ctx.passedAt?.(ref);
  const need = Math.ceil((2 * input.summoned) / 3);
  return perPerson.map((p) => {
    if (!p.passed) return p;
    if (earlier?.has(p.personId)) return { ...p, text: `${p.text}; cùng người được lựa chọn ở bước ${ref}` };
    const enough = 3 * p.votes >= 2 * input.summoned;
    const why = earlier ? `khác người được lựa chọn ở bước ${ref}` : `bước ${ref} chưa ghi kết quả`;
    return enough
      ? line(p.personId, p.votes, true, `${why}, đạt tối thiểu 2/3 (cần ${need}) — được lựa chọn`)
      : line(p.personId, p.votes, false, `${why} nên phải đạt tối thiểu 2/3 tổng số được triệu tập (cần ${need}) — không được lựa chọn`);
  });
}

/** ND 170 step 5: the single highest above 50 % is chosen; names tied at the top with 50 % or more go to the head of the body. */
function tieToHead(
  input: StepVotes,
  top: number,
  leaders: number[],
  choice: HeadChoice | null,
  plain: Pick<StepOutcome, 'quorumMet' | 'quorumText' | 'tied' | 'awaitingChoice'>,
  line: Line,
): StepOutcome {
  if (leaders.length === 1 && 2 * top > input.summoned) {
    return { ...plain, stopped: false, perPerson: input.votes.map((v) => line(v.personId, v.votes, v.votes === top, v.votes === top ? 'cao nhất và trên 50% — được lựa chọn đề nghị bổ nhiệm' : 'không cao nhất')) };
  }
  if (leaders.length >= 2 && 2 * top >= input.summoned) {
    const chosen = choice && leaders.includes(choice.personId) ? choice : null;
    const perPerson = input.votes.map((v) => {
      if (v.votes !== top) return line(v.personId, v.votes, false, 'không cao nhất');
      if (!chosen) return line(v.personId, v.votes, false, `ngang phiếu, cùng đạt 50% — chờ người đứng đầu xem xét, lựa chọn`);
      return chosen.personId === v.personId
        ? line(v.personId, v.votes, true, `ngang phiếu, cùng đạt 50% — người đứng đầu (${chosen.chosenBy}) lựa chọn`)
        : line(v.personId, v.votes, false, `ngang phiếu, cùng đạt 50% — người đứng đầu (${chosen.chosenBy}) lựa chọn người khác`);
    });
    return { ...plain, tied: leaders, awaitingChoice: !chosen, stopped: false, perPerson };
  }
  return { ...plain, stopped: true, perPerson: input.votes.map((v) => line(v.personId, v.votes, false, 'không có người cao nhất trên 50% — không được lựa chọn')) };
}

/** A step's recorded votes, as stored. */
export type StepResult = StepVotes & { no: number; headChoice?: HeadChoice | null };

/**
 * Every recorded step in order, each evaluated with what the earlier ones decided (step 3 looks at
 * step 2). Steps without a definition (removed) are skipped.
 */
export function evaluateProcess(steps: readonly NominationStep[], results: readonly StepResult[]): Map<number, StepOutcome> {
  const out = new Map<number, StepOutcome>();
  const passed = new Map<number, Set<number>>();
  for (const r of [...results].sort((a, b) => a.no - b.no)) {
    const def = steps.find((s) => s.no === r.no);
    if (!def) continue;
    const o = evaluateStep(def, r, { passedAt: (no) => passed.get(no), headChoice: r.headChoice ?? null });
    passed.set(r.no, new Set(o.perPerson.filter((p) => p.passed).map((p) => p.personId)));
    out.set(r.no, o);
  }
  return out;
}

/**
 * Whether a head's choice may be recorded with these votes: only between names tied at the top
 * of a step whose rule puts the tie to the head (ND 170 step 5).
 */
export function headChoiceProblem(step: NominationStep, input: StepVotes, choice: HeadChoice): string | null {
  if (step.passRule.kind !== 'highestOverHalfTieToHead') return `Bước ${step.no} không có lựa chọn của người đứng đầu.`;
  const o = evaluateStep(step, input);
  if (o.tied.length === 0) return 'Không có hai người ngang phiếu cùng đạt 50% để người đứng đầu lựa chọn.';
  if (!o.tied.includes(choice.personId)) return 'Người đứng đầu chỉ lựa chọn trong số những người ngang phiếu cao nhất.';
  return null;
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

/** Steps given whole (a plan's own list): a rule that looks back must name an earlier step of the list. */
export function stepReferenceProblems(steps: readonly NominationStep[]): StepProblem[] {
  const nos = new Set(steps.map((s) => s.no));
  return steps.flatMap((s, i) => {
    const ref = s.passRule.kind === 'highestOverHalfElseThirty' ? s.passRule.differsFromStep : undefined;
    if (ref === undefined || (nos.has(ref) && ref < s.no)) return [];
    return [{ field: `nominationSteps.${i}.passRule.differsFromStep`, code: 'STEP_REFERENCE', message: `${stepTitle(s)}: bước đối chiếu (bước ${ref}) phải là một bước đứng trước.` }];
  });
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
  // A rule that looks back (ND 170 step 3) names an earlier step by its current number: it must stay, before it.
  const newNo = new Map<number, number>();
  edits.forEach((e, i) => e.from !== null && newNo.set(e.from, i + 1));
  edits.forEach((e, i) => {
    const ref = e.passRule.kind === 'highestOverHalfElseThirty' ? e.passRule.differsFromStep : undefined;
    if (ref === undefined) return;
    const to = newNo.get(ref);
    if (to === undefined) invalid.push({ field: `steps.${i}.passRule.differsFromStep`, code: 'STEP_REFERENCE', message: `Dòng ${i + 1}: bước ${ref} mà bước này đối chiếu không còn trong quy trình.` });
    else if (to >= i + 1) invalid.push({ field: `steps.${i}.passRule.differsFromStep`, code: 'STEP_REFERENCE', message: `Dòng ${i + 1}: bước đối chiếu (bước ${ref}) phải đứng trước bước này.` });
  });
  if (invalid.length > 0) return { ok: false, code: 'NOMINATION_STEP_INVALID', problems: invalid };
  // As edited (references in the current numbering, to compare held steps), then renumbered.
  const asEdited: NominationStep[] = edits.map(({ from: _from, ...s }, i) => ({ ...s, no: i + 1 }));
  const steps: NominationStep[] = asEdited.map((s) =>
    s.passRule.kind === 'highestOverHalfElseThirty' && s.passRule.differsFromStep !== undefined ? { ...s, passRule: { ...s.passRule, differsFromStep: newNo.get(s.passRule.differsFromStep)! } } : s,
  );
  const newOf = new Map<number, NominationStep>();
  edits.forEach((e, i) => e.from !== null && newOf.set(e.from, asEdited[i]!));
  const problems = heldStepProblems(current, held, (s) => newOf.get(s.no));
  if (problems.length > 0) return { ok: false, code: 'NOMINATION_STEP_HAS_VOTES', problems };
  const renumber = [...newOf].filter(([from, s]) => held.has(from) && s.no !== from).map(([from, s]) => ({ from, to: s.no }));
  return { ok: true, steps, renumber };
}
