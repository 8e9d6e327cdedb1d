import type { CongressKind } from './types.ts';

// Categories subtracted from those summoned to get the threshold denominator D
// (R1.17–R1.20; QĐ 294 mục 9.3.1–9.3.3 in §9). Names follow the `daihoi tally` input.
export const EXCLUSION_CATEGORIES = [
  'temporarilyElsewhereAbsent',
  'exemptAbsent',
  'suspended',
  'prosecutedOrDetained',
  'absentWholeCongressWithReason',
  'convenerMembersAbsentWhole',
  'delegatesAbsentWholeNotReplaced',
  'absentWholeMeeting',
] as const;
export type ExclusionCategory = (typeof EXCLUSION_CATEGORIES)[number];

export const MEMBERS_EXCLUSIONS = [
  'temporarilyElsewhereAbsent',
  'exemptAbsent',
  'suspended',
  'prosecutedOrDetained',
  'absentWholeCongressWithReason',
] as const satisfies readonly ExclusionCategory[];

export const DELEGATES_EXCLUSIONS = [
  'convenerMembersAbsentWhole',
  'delegatesAbsentWholeNotReplaced',
] as const satisfies readonly ExclusionCategory[];

/**
 * Categories that may be entered for a committee conference. Which of them are
 * subtracted is the setting `conferenceDenominatorExclusions` (see rule-sets.ts):
 * `absentWholeMeeting` is accepted so the minutes can show it, but by default it
 * stays in D (QĐ 294 mục 9.3.3; worked example 6 keeps D = 18 with 2 absent).
 */
export const CONFERENCE_EXCLUSIONS = [
  'temporarilyElsewhereAbsent',
  'suspended',
  'prosecutedOrDetained',
  'absentWholeMeeting',
] as const satisfies readonly ExclusionCategory[];
export type ConferenceExclusion = (typeof CONFERENCE_EXCLUSIONS)[number];

export const EXCLUSIONS_BY_CONGRESS: Readonly<Record<CongressKind, readonly ExclusionCategory[]>> = {
  members: MEMBERS_EXCLUSIONS,
  delegates: DELEGATES_EXCLUSIONS,
  conference: CONFERENCE_EXCLUSIONS,
};

/** Vietnamese label of "those summoned" per congress kind, for the minutes. */
export const SUMMONED_LABELS: Readonly<Record<CongressKind, string>> = {
  members: 'Tổng số đảng viên chính thức được triệu tập',
  delegates: 'Tổng số đại biểu chính thức được triệu tập',
  conference: 'Tổng số ủy viên đương nhiệm',
};

/** Vietnamese labels, worded after the regulation text, per congress kind. */
export const EXCLUSION_LABELS: Readonly<Record<CongressKind, Partial<Record<ExclusionCategory, string>>>> = {
  members: {
    temporarilyElsewhereAbsent:
      'Đảng viên đã được giới thiệu sinh hoạt tạm thời ở đảng bộ khác, không có mặt ở đại hội',
    exemptAbsent: 'Đảng viên đã được miễn công tác và sinh hoạt đảng, không có mặt ở đại hội',
    suspended: 'Đảng viên bị đình chỉ sinh hoạt đảng',
    prosecutedOrDetained: 'Đảng viên bị khởi tố, truy tố, tạm giam',
    absentWholeCongressWithReason:
      'Đảng viên chính thức vắng mặt suốt thời gian đại hội có lý do chính đáng được cấp ủy triệu tập đại hội đồng ý',
  },
  delegates: {
    convenerMembersAbsentWhole: 'Cấp ủy viên cấp triệu tập đại hội vắng mặt suốt thời gian đại hội',
    delegatesAbsentWholeNotReplaced:
      'Đại biểu chính thức vắng mặt suốt thời gian đại hội không có đại biểu dự khuyết thay thế',
  },
  conference: {
    temporarilyElsewhereAbsent: 'Ủy viên đã chuyển sinh hoạt đảng tạm thời, không có mặt tại hội nghị',
    suspended: 'Ủy viên đang bị đình chỉ sinh hoạt',
    prosecutedOrDetained: 'Ủy viên bị khởi tố, truy tố, tạm giam',
    absentWholeMeeting: 'Ủy viên vắng mặt suốt thời gian hội nghị (lý do khác)',
  },
};
