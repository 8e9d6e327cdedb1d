import type { Confidence, RegulationVersion } from './types.ts';

// Why a ballot is invalid (phiếu không hợp lệ). The counting committee has the final
// word on every invalid ballot (QĐ 190 Đ8 K2, QĐ 294 mục 12.4.2 b), so each invalid
// ballot carries one of these codes. Codes are stable: they appear in the minutes, in
// the `daihoi tally` output (`invalidReasons`) and in the entry log.
export const INVALID_REASONS = [
  'KEEPS_TOO_MANY',
  'STRIKES_ALL',
  'SINGLE_CANDIDATE_BOTH_OR_NONE',
  'BLANK_NO_SURPLUS',
  'NOT_ISSUED',
  'NOT_STAMPED',
  'WRITTEN_IN_NAME',
  'EXTRA_CONTENT_OR_MARK',
  'CASE_ADDED_BY_QD190',
  'OTHER_COMMITTEE_RULING',
] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];

export interface InvalidReasonInfo {
  /** Text for the minutes and the entry screen. */
  readonly messageVi: string;
  readonly source: string;
  readonly confidence: Confidence;
  /** Shown as "chưa xác nhận" in the UI. */
  readonly unconfirmed: boolean;
  /** True when the code follows from the marks themselves (no ruling needed). */
  readonly derivedFromMarks: boolean;
  /** The committee must write the reason down (free text) with this code. */
  readonly requiresNote: boolean;
  /** Regulations under which the code exists. */
  readonly versions: readonly RegulationVersion[];
}

const BOTH = ['2014', '2024'] as const;

export const INVALID_REASON_INFO: Readonly<Record<InvalidReason, InvalidReasonInfo>> = {
  KEEPS_TOO_MANY: {
    messageVi: 'Phiếu để lại nhiều tên hơn số lượng cần bầu',
    source: 'QĐ 244-QĐ/TW Đ17 K2; QĐ 190-QĐ/TW Đ15 K2 ("votes more than the specified number")',
    confidence: 'C1',
    unconfirmed: false,
    derivedFromMarks: true,
    requiresNote: false,
    versions: BOTH,
  },
  STRIKES_ALL: {
    messageVi: 'Phiếu gạch tên tất cả những người trong danh sách bầu cử',
    source: 'QĐ 244-QĐ/TW Đ17 K2 (bản tiếng Anh bị cắt: "cast no vote for anyone on the multi-voting list")',
    confidence: 'C2',
    unconfirmed: false,
    derivedFromMarks: true,
    requiresNote: false,
    versions: BOTH,
  },
  SINGLE_CANDIDATE_BOTH_OR_NONE: {
    messageVi: 'Danh sách một người: đánh dấu cả hai ô hoặc không đánh dấu ô nào',
    source:
      'QĐ 244 Đ17 K2 / QĐ 190 Đ15 K2 chỉ nói phiếu hợp lệ khi đánh dấu X vào một trong hai ô; trường hợp còn lại chưa tra được văn bản',
    confidence: 'U',
    unconfirmed: true,
    derivedFromMarks: true,
    requiresNote: false,
    versions: BOTH,
  },
  BLANK_NO_SURPLUS: {
    messageVi: 'Phiếu không có số dư nhưng không đánh dấu ô nào cho bất kỳ ai',
    source:
      'Chỉ áp dụng khi thiết lập noSurplusBlankBallot = "invalid"; QĐ 190 Đ30 K1 coi phiếu vẫn hợp lệ (mặc định)',
    confidence: 'U',
    unconfirmed: true,
    derivedFromMarks: true,
    requiresNote: false,
    versions: BOTH,
  },
  NOT_ISSUED: {
    messageVi: 'Phiếu không do ban kiểm phiếu phát ra',
    source: 'QĐ 244-QĐ/TW Đ17 K2; QĐ 190-QĐ/TW Đ15 K2',
    confidence: 'C1',
    unconfirmed: false,
    derivedFromMarks: false,
    requiresNote: false,
    versions: BOTH,
  },
  NOT_STAMPED: {
    messageVi: 'Phiếu không có dấu của cấp ủy triệu tập đại hội',
    source: 'QĐ 244 Đ17 K1 (dấu ở góc trái phía trên) và K2; QĐ 190 Đ15',
    confidence: 'C1',
    unconfirmed: false,
    derivedFromMarks: false,
    requiresNote: false,
    versions: BOTH,
  },
  WRITTEN_IN_NAME: {
    messageVi: 'Phiếu ghi thêm tên người ngoài danh sách bầu cử',
    source:
      'Chưa tra được văn bản của Đảng; tương tự Thông tư 01/2021/TT-BNV Đ11 K6b (bầu cử Nhà nước). Ban kiểm phiếu kết luận',
    confidence: 'U',
    unconfirmed: true,
    derivedFromMarks: false,
    requiresNote: false,
    versions: BOTH,
  },
  EXTRA_CONTENT_OR_MARK: {
    messageVi: 'Phiếu ghi thêm nội dung khác, ký tên hoặc có dấu hiệu nhận biết',
    source:
      'Chưa tra được văn bản của Đảng; tương tự Thông tư 01/2021/TT-BNV Đ11 K6b (bầu cử Nhà nước). Ban kiểm phiếu kết luận',
    confidence: 'U',
    unconfirmed: true,
    derivedFromMarks: false,
    requiresNote: false,
    versions: BOTH,
  },
  CASE_ADDED_BY_QD190: {
    messageVi: 'Trường hợp phiếu không hợp lệ bổ sung theo QĐ 190 (ban kiểm phiếu ghi rõ)',
    source:
      'QĐ 190-QĐ/TW "bổ sung thêm 1 trường hợp phiếu không hợp lệ" (Chinhphu.vn 03/11/2024); nội dung chưa tra được',
    confidence: 'U',
    unconfirmed: true,
    derivedFromMarks: false,
    requiresNote: true,
    versions: ['2024'],
  },
  OTHER_COMMITTEE_RULING: {
    messageVi: 'Ban kiểm phiếu kết luận phiếu không hợp lệ vì lý do khác (ghi rõ)',
    source: 'QĐ 190 Đ8 K2; QĐ 294 mục 12.4.2 b: ban kiểm phiếu "xem xét và kết luận về các phiếu không hợp lệ"',
    confidence: 'C1',
    unconfirmed: false,
    derivedFromMarks: false,
    requiresNote: true,
    versions: BOTH,
  },
};

export function invalidReasonsFor(version: RegulationVersion): readonly InvalidReason[] {
  return INVALID_REASONS.filter((r) => INVALID_REASON_INFO[r].versions.includes(version));
}
