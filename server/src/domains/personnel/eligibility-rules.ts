/**
 * Age eligibility for a committee (election-rules.md §2.3, §8 item 8): months of service left
 * between the campaign's reference month (the month congresses of the level begin) and the
 * month of retirement, against the minimum for the kind of candidacy. Pure: no I/O.
 */
import { formatMonthVi, monthIndex, type YearMonth } from './retirement-rules.ts';

export const eligibilityRuleSets = ['2020', '2025'] as const;
export type EligibilityRuleSet = (typeof eligibilityRuleSets)[number];

export const candidacies = ['reelection', 'firstTime'] as const;
export type Candidacy = (typeof candidacies)[number];

/** What the person is proposed for: the minimum differs for a few posts (CT 45). */
export const postKinds = ['committee', 'deputyProvincialSecretary', 'inspectionCommission', 'stateFrontPost'] as const;
export type PostKind = (typeof postKinds)[number];

export const postKindLabels: Record<PostKind, string> = {
  committee: 'Cấp ủy viên',
  deputyProvincialSecretary: 'Phó Bí thư Tỉnh ủy, Thành ủy',
  inspectionCommission: 'Ủy ban Kiểm tra',
  stateFrontPost: 'Chức danh lãnh đạo chính quyền, Mặt trận',
};

export type Requirement = { months: number; source: string; confirmed: boolean };

/** Months needed for re-election, by rule set and post. */
export const reelectionMonths: Record<EligibilityRuleSet, Record<PostKind, Requirement>> = {
  '2020': {
    committee: { months: 30, source: 'CT 35-CT/TW 2019 (laodong.vn …-1498508.ldo: "trước đây là 30 tháng") [C2]', confirmed: true },
    deputyProvincialSecretary: { months: 30, source: 'Như cấp ủy viên (CT 35/2019 không có ngoại lệ riêng được tra) [U]', confirmed: false },
    inspectionCommission: { months: 24, source: 'CT 45-CT/TW: "tăng … từ 24 tháng thành 42 tháng" [C2]', confirmed: true },
    stateFrontPost: { months: 30, source: 'Như cấp ủy viên (chưa tra được quy định riêng năm 2020) [U]', confirmed: false },
  },
  '2025': {
    committee: { months: 48, source: 'CT 45-CT/TW ngày 14/4/2025 (xaydungchinhsach.chinhphu.vn) [C2]', confirmed: true },
    deputyProvincialSecretary: { months: 42, source: 'CT 45-CT/TW, Phụ lục 2: phó bí thư tỉnh ủy, thành ủy ≥ 42 tháng [C2]', confirmed: true },
    inspectionCommission: { months: 42, source: 'CT 45-CT/TW: UBKT tái cử từ 24 lên 42 tháng (chờ hướng dẫn của UBKTTW) [C2]', confirmed: true },
    stateFrontPost: { months: 36, source: 'CT 45-CT/TW: tái cử chức danh chính quyền, Mặt trận ≥ 36 tháng tại thời điểm bầu cử của tổ chức đó [C2]', confirmed: true },
  },
};

/** "Trọn 1 nhiệm kỳ" read as five years: the directives do not say it in months. */
export const DEFAULT_TERM_MONTHS = 60;
export const TERM_MONTHS_SOURCE = 'CT 35/2019, CT 45/2025: "còn thời gian công tác ít nhất trọn 1 nhiệm kỳ" — hiểu là 60 tháng [U]';

/** The month age is counted from, per level (1 = province, 2 = district, 3 = grassroots). */
export const referenceMonths: Record<EligibilityRuleSet, { level: number; month: YearMonth; source: string; confirmed: boolean }[]> = {
  '2020': [
    { level: 1, month: '2020-09', source: 'Suy ra từ mốc năm sinh tỉnh ủy 2020 (baothainguyen.vn …-3678373) [C2]', confirmed: true },
    { level: 2, month: '2020-06', source: 'Suy ra từ mốc năm sinh huyện ủy 2020 (baothainguyen.vn …-3678373) [C2]', confirmed: true },
    { level: 3, month: '2020-04', source: 'Theo thời điểm bắt đầu đại hội cơ sở (CT 35/2019) [U]', confirmed: false },
  ],
  '2025': [
    { level: 1, month: '2025-09', source: 'CT 45-CT/TW: cấp trực thuộc Trung ương tháng 9/2025 [C2]', confirmed: true },
    { level: 2, month: '2025-06', source: 'CT 45-CT/TW: cấp trên trực tiếp cơ sở tháng 6/2025 (xã, phường trực thuộc tỉnh: 7/2025) [C2]', confirmed: true },
    { level: 3, month: '2025-04', source: 'CT 45-CT/TW: cấp cơ sở tháng 4/2025 [C2]', confirmed: true },
  ],
};

/** CT 45: age for leadership posts of People's Councils and Committees is counted at 3/2026. */
export const STATE_REFERENCE_MONTH_2025: YearMonth = '2026-03';

export function defaultReferenceMonth(rules: EligibilityRuleSet, level: number): YearMonth {
  const list = referenceMonths[rules];
  const exact = list.find((r) => r.level === level);
  if (exact) return exact.month;
  // Below grassroots (cells) the grassroots month applies; above the province, the province's.
  return (level > 3 ? list[list.length - 1]! : list[0]!).month;
}

export type EligibilityInput = {
  retirementMonth: YearMonth;
  referenceMonth: YearMonth;
  candidacy: Candidacy;
  post: PostKind;
  rules: EligibilityRuleSet;
  termMonths?: number;
};

export type Eligibility = {
  eligible: boolean;
  monthsLeft: number;
  monthsNeeded: number;
  shortBy: number;
  /** The arithmetic in Vietnamese, for the screen and the error message. */
  explanation: string;
  source: string;
  confirmed: boolean;
};

export function requirementFor(candidacy: Candidacy, post: PostKind, rules: EligibilityRuleSet, termMonths = DEFAULT_TERM_MONTHS): Requirement {
  if (candidacy === 'firstTime') return { months: termMonths, source: TERM_MONTHS_SOURCE, confirmed: false };
  return reelectionMonths[rules][post];
}

export function checkEligibility(input: EligibilityInput): Eligibility {
  const req = requirementFor(input.candidacy, input.post, input.rules, input.termMonths);
  const monthsLeft = monthIndex(input.retirementMonth) - monthIndex(input.referenceMonth);
  const eligible = monthsLeft >= req.months;
  const shortBy = eligible ? 0 : req.months - monthsLeft;
  const what = input.candidacy === 'firstTime' ? 'tham gia lần đầu cần ít nhất trọn 1 nhiệm kỳ' : `tái cử ${postKindLabels[input.post].toLowerCase()} cần ít nhất`;
  const left =
    monthsLeft >= 0
      ? `còn ${monthsLeft} tháng công tác`
      : `đã quá tuổi nghỉ hưu ${-monthsLeft} tháng`;
  const explanation =
    `Nghỉ hưu tháng ${formatMonthVi(input.retirementMonth)}; tính từ tháng ${formatMonthVi(input.referenceMonth)} ${left}; ` +
    `${what} ${req.months} tháng → ${eligible ? 'đủ điều kiện' : `không đủ điều kiện (thiếu ${shortBy} tháng)`}.`;
  return { eligible, monthsLeft, monthsNeeded: req.months, shortBy, explanation, source: req.source, confirmed: req.confirmed };
}
