// A small vocabulary of stable error codes (conventions §6). The codes are part of the
// public contract (CLI output `{"error":{"code","message"}}`, HTTP mapping); the
// Vietnamese messages are for people. Never rename a code; add new ones.

export const COUNTING_ERROR_CODES = [
  // input shape
  'NOT_A_COUNT',
  // rule sets
  'UNKNOWN_REGULATION',
  'UNKNOWN_RULE',
  'RULE_NOT_CONFIGURABLE',
  'SETTING_VALUE_INVALID',
  // denominator
  'UNKNOWN_EXCLUSION_CATEGORY',
  'EXCLUSION_NOT_FOR_CONGRESS_KIND',
  'EXCLUSIONS_EXCEED_SUMMONED',
  // quorum
  'NO_ONE_SUMMONED',
  'PRESENT_EXCEEDS_SUMMONED',
  'ORGS_PRESENT_EXCEED_TOTAL',
  // election and list setup
  'NO_SEATS',
  'NO_CANDIDATES',
  'DUPLICATE_CANDIDATE',
  'ALTERNATES_NOT_ALLOWED',
  // ballot entry (a typist's entry that cannot be interpreted; not an invalid ballot)
  'BALLOT_FORM_MISMATCH',
  'BALLOT_UNKNOWN_CANDIDATE',
  'BALLOT_DUPLICATE_CANDIDATE',
  'BALLOT_INVALID_MARK',
  'BALLOT_REASON_NOT_IN_RULE_SET',
  'BALLOT_RULING_NOTE_REQUIRED',
  'BALLOT_ENTRY_ERRORS',
  // rounds
  'VOTES_MISMATCH_CANDIDATES',
  'VOTES_EXCEED_DENOMINATOR',
  'VOTES_EXCEED_VALID_BALLOTS',
  'NOT_AWAITING_ROUND',
  'NOT_AWAITING_DECISION',
  'DECISION_NOT_APPLICABLE',
  'CANDIDATE_ALREADY_ELECTED',
  // dates
  'INVALID_DATE',
] as const;
export type CountingErrorCode = (typeof COUNTING_ERROR_CODES)[number];

export const COUNTING_ERROR_MESSAGES: Readonly<Record<CountingErrorCode, string>> = {
  NOT_A_COUNT: 'Số liệu phải là số nguyên không âm.',
  UNKNOWN_REGULATION: 'Không có bộ quy tắc cho quy chế bầu cử này (chỉ có 2014 và 2024).',
  UNKNOWN_RULE: 'Không có quy tắc hoặc thiết lập với tên này.',
  RULE_NOT_CONFIGURABLE: 'Đây là quy định đã xác nhận, không phải thiết lập; không được thay đổi.',
  SETTING_VALUE_INVALID: 'Giá trị thiết lập không hợp lệ.',
  UNKNOWN_EXCLUSION_CATEGORY: 'Loại trừ không có trong quy định.',
  EXCLUSION_NOT_FOR_CONGRESS_KIND: 'Loại trừ này không áp dụng cho loại đại hội (hội nghị) đã chọn.',
  EXCLUSIONS_EXCEED_SUMMONED: 'Tổng số được trừ không được bằng hoặc vượt số được triệu tập.',
  NO_ONE_SUMMONED: 'Số được triệu tập phải lớn hơn 0.',
  PRESENT_EXCEEDS_SUMMONED: 'Số có mặt không được vượt số được triệu tập.',
  ORGS_PRESENT_EXCEED_TOTAL: 'Số tổ chức đảng có đại biểu dự không được vượt tổng số tổ chức đảng trực thuộc.',
  NO_SEATS: 'Số lượng cần bầu phải lớn hơn 0.',
  NO_CANDIDATES: 'Danh sách bầu cử không có ai.',
  DUPLICATE_CANDIDATE: 'Một người có tên hai lần trong danh sách.',
  ALTERNATES_NOT_ALLOWED: 'Chỉ bầu đại biểu dự đại hội cấp trên mới có đại biểu dự khuyết.',
  BALLOT_FORM_MISMATCH: 'Cách nhập phiếu không khớp mẫu phiếu của cuộc bầu (gạch tên hay đánh dấu đồng ý/không đồng ý).',
  BALLOT_UNKNOWN_CANDIDATE: 'Phiếu nhập có người không có trong danh sách bầu cử.',
  BALLOT_DUPLICATE_CANDIDATE: 'Phiếu nhập ghi một người hai lần.',
  BALLOT_INVALID_MARK: 'Dấu trên phiếu phải là đồng ý, không đồng ý, cả hai ô hoặc không ô nào.',
  BALLOT_REASON_NOT_IN_RULE_SET: 'Lý do phiếu không hợp lệ này không có trong quy chế đang áp dụng.',
  BALLOT_RULING_NOTE_REQUIRED: 'Kết luận của ban kiểm phiếu về lý do khác phải ghi rõ lý do.',
  BALLOT_ENTRY_ERRORS: 'Có phiếu nhập không đọc được; xem danh sách từng phiếu.',
  VOTES_MISMATCH_CANDIDATES: 'Kết quả phải có số phiếu của đúng những người trong danh sách của vòng bầu.',
  VOTES_EXCEED_DENOMINATOR: 'Số phiếu của một người không thể vượt số thành viên dùng để tính kết quả.',
  VOTES_EXCEED_VALID_BALLOTS: 'Số phiếu của một người không thể vượt số phiếu hợp lệ.',
  NOT_AWAITING_ROUND: 'Cuộc bầu không ở bước chờ kết quả vòng bầu.',
  NOT_AWAITING_DECISION: 'Cuộc bầu không ở bước chờ đại hội quyết định.',
  DECISION_NOT_APPLICABLE: 'Quyết định này không áp dụng cho tình huống hiện tại của cuộc bầu.',
  CANDIDATE_ALREADY_ELECTED: 'Người này đã trúng cử, không đưa vào danh sách bầu tiếp.',
  INVALID_DATE: 'Ngày không hợp lệ (định dạng YYYY-MM-DD).',
};

export interface CountingError {
  readonly code: CountingErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export function countingError(
  code: CountingErrorCode,
  details?: Readonly<Record<string, unknown>>,
): CountingError {
  return details === undefined
    ? { code, message: COUNTING_ERROR_MESSAGES[code] }
    : { code, message: COUNTING_ERROR_MESSAGES[code], details };
}
