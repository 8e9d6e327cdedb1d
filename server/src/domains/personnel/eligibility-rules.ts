/**
 * Age eligibility for a committee (election-rules.md §2.3, §8 item 8): months of service left
 * between the campaign's reference month (the month congresses of the level begin) and the
 * month of retirement, against the minimum for the kind of candidacy. Pure: no I/O.
 */
import { foldVietnamese } from '../../../../shared/src/text.ts';
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

/**
 * Which reference month a congress' unit takes: its level's, or (2025) the commune's — a đảng bộ
 * of a xã, phường or đặc khu directly under the province, which in the 2025 pilot is the level
 * directly above the grassroots (QĐ 294; election-rules.md §8 mục 11) but starts its congress in 7/2025.
 */
export const referenceUnits = ['level', 'commune'] as const;
export type ReferenceUnit = (typeof referenceUnits)[number];

export type ReferenceMonthRule = { level: number; unit: ReferenceUnit; month: YearMonth; label: string; source: string; confirmed: boolean };

/** The month age is counted from, per level (1 = province, 2 = level above the grassroots, 3 = grassroots) and unit. */
export const referenceMonths: Record<EligibilityRuleSet, ReferenceMonthRule[]> = {
  '2020': [
    { level: 1, unit: 'level', month: '2020-09', label: 'Đảng bộ tỉnh', source: 'Suy ra từ mốc năm sinh tỉnh ủy 2020 (baothainguyen.vn …-3678373) [C2]', confirmed: true },
    { level: 2, unit: 'level', month: '2020-06', label: 'Đảng bộ cấp huyện', source: 'Suy ra từ mốc năm sinh huyện ủy 2020 (baothainguyen.vn …-3678373) [C2]', confirmed: true },
    { level: 3, unit: 'level', month: '2020-04', label: 'Cấp cơ sở', source: 'Theo thời điểm bắt đầu đại hội cơ sở (CT 35/2019) [U]', confirmed: false },
  ],
  '2025': [
    { level: 1, unit: 'level', month: '2025-09', label: 'Cấp trực thuộc Trung ương', source: 'CT 45-CT/TW: cấp trực thuộc Trung ương tháng 9/2025 [C2]', confirmed: true },
    {
      level: 2,
      unit: 'level',
      month: '2025-06',
      label: 'Cấp trên trực tiếp cơ sở',
      source: 'CT 45-CT/TW: cấp trên trực tiếp cơ sở (gồm cả đảng bộ trực thuộc Đảng ủy Công an Trung ương) tháng 6/2025 [C2]',
      confirmed: true,
    },
    {
      level: 2,
      unit: 'commune',
      month: '2025-07',
      label: 'Đảng bộ xã, phường, đặc khu trực thuộc tỉnh',
      source: 'CT 45-CT/TW: đảng bộ các xã, phường, đặc khu trực thuộc cấp tỉnh là tháng 7/2025 [C2]',
      confirmed: true,
    },
    { level: 3, unit: 'level', month: '2025-04', label: 'Cấp cơ sở', source: 'CT 45-CT/TW: cấp cơ sở tháng 4/2025 [C2]', confirmed: true },
  ],
};

/** CT 45: age for leadership posts of People's Councils and Committees is counted at 3/2026. */
export const STATE_REFERENCE_MONTH_2025: YearMonth = '2026-03';

/** The rule of a level and unit; a unit without its own rule takes its level's. */
export function referenceMonthRule(rules: EligibilityRuleSet, level: number, unit: ReferenceUnit = 'level'): ReferenceMonthRule {
  const list = referenceMonths[rules];
  const exact = list.find((r) => r.level === level && r.unit === unit) ?? list.find((r) => r.level === level && r.unit === 'level');
  if (exact) return exact;
  // Below grassroots (cells) the grassroots month applies; above the province, the province's.
  const levels = list.filter((r) => r.unit === 'level');
  return level > 3 ? levels[levels.length - 1]! : levels[0]!;
}

export function defaultReferenceMonth(rules: EligibilityRuleSet, level: number, unit: ReferenceUnit = 'level'): YearMonth {
  return referenceMonthRule(rules, level, unit).month;
}

/**
 * A territorial đảng bộ of a xã, phường or đặc khu placed directly under the province (the level
 * above the grassroots): told by its level, kind and name, since the tree keeps no separate type.
 * A commune under a district (2020) is grassroots (level 3) and is not one.
 */
export function referenceUnitOf(org: { level: number; kindCode: string; name: string }): ReferenceUnit {
  if (org.level !== 2 || org.kindCode !== 'territorial') return 'level';
  return /^(dang bo |dang uy )?(xa|phuong|dac khu) /.test(foldVietnamese(org.name)) ? 'commune' : 'level';
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
