import type { ApiErrorDetail } from '../../../../shared/src/contracts/errors.ts';

/** The small vocabulary of errors: a stable code, an HTTP status, a Vietnamese message. */
export const errorCatalog = {
  VALIDATION_FAILED: [400, 'Dữ liệu gửi lên không hợp lệ.'],
  MALFORMED_REQUEST: [400, 'Yêu cầu không đúng định dạng.'],
  PAYLOAD_TOO_LARGE: [413, 'Dữ liệu gửi lên quá lớn.'],
  UNSUPPORTED_MEDIA_TYPE: [415, 'Kiểu dữ liệu không được hỗ trợ.'],
  NOT_AUTHENTICATED: [401, 'Vui lòng đăng nhập.'],
  SESSION_EXPIRED: [401, 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.'],
  INVALID_CREDENTIALS: [401, 'Tên đăng nhập hoặc mật khẩu không đúng.'],
  LOGIN_RATE_LIMITED: [429, 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.'],
  RATE_LIMITED: [429, 'Quá nhiều yêu cầu. Vui lòng thử lại sau.'],
  CSRF_TOKEN_INVALID: [403, 'Phiên biểu mẫu không hợp lệ, vui lòng tải lại trang.'],
  FORBIDDEN_ROLE: [403, 'Tài khoản của bạn không có quyền thực hiện thao tác này.'],
  ORG_OUT_OF_SCOPE: [403, 'Tổ chức này nằm ngoài phạm vi quản lý của bạn.'],
  PASSWORD_CHANGE_REQUIRED: [403, 'Bạn cần đổi mật khẩu tạm trước khi làm việc.'],
  NOT_FOUND: [404, 'Không tìm thấy.'],
  ORG_NOT_FOUND: [404, 'Không tìm thấy tổ chức.'],
  USER_NOT_FOUND: [404, 'Không tìm thấy người dùng.'],
  ORG_CODE_TAKEN: [409, 'Mã tổ chức đã được dùng.'],
  USERNAME_TAKEN: [409, 'Tên đăng nhập đã được dùng.'],
  VERSION_CONFLICT: [409, 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại và thử lại.'],
  ORG_MOVE_CYCLE: [409, 'Không thể chuyển một tổ chức vào chính nó hoặc tổ chức cấp dưới của nó.'],
  ORG_NOT_ACTIVE: [409, 'Tổ chức đã giải thể hoặc đã hợp nhất.'],
  ORG_HAS_ACTIVE_CHILDREN: [409, 'Tổ chức còn tổ chức trực thuộc đang hoạt động.'],
  ORG_IS_ROOT: [409, 'Không thể thực hiện thao tác này với tổ chức gốc.'],
  ORG_LEVEL_MISMATCH: [422, 'Loại tổ chức không phù hợp với cấp trong cây.'],
  UNKNOWN_ORG_TYPE: [422, 'Loại tổ chức không tồn tại.'],
  UNKNOWN_ORG_KIND: [422, 'Khối/loại hình không tồn tại.'],
  MERGE_INVALID: [422, 'Thao tác hợp nhất không hợp lệ.'],
  IMPORT_FILE_INVALID: [422, 'Tệp Excel không đọc được hoặc không đúng mẫu.'],
  IMPORT_HAS_ERRORS: [422, 'Tệp còn dòng lỗi, chưa thể nhập.'],
  IMPORT_BATCH_NOT_FOUND: [404, 'Không tìm thấy phiên nhập dữ liệu (có thể đã hết hạn hoặc đã nhập).'],
  WRONG_PASSWORD: [400, 'Mật khẩu hiện tại không đúng.'],
  ELECTION_NOT_FOUND: [404, 'Không tìm thấy cuộc bầu cử.'],
  ELECTION_INVALID: [422, 'Thông tin cuộc bầu cử không hợp lệ.'],
  ELECTION_WRONG_STATUS: [409, 'Cuộc bầu cử không ở giai đoạn cho phép thao tác này.'],
  ELECTION_LIST_INVALID: [422, 'Danh sách bầu cử chưa hợp lệ.'],
  ELECTION_LIST_NOT_APPROVED: [422, 'Danh sách bầu cử chưa được đại hội biểu quyết thông qua.'],
  QUORUM_NOT_MET: [422, 'Chưa đủ số đại biểu có mặt theo quy định (ít nhất 2/3 số được triệu tập).'],
  NOT_AN_ENTRY_TEAM_MEMBER: [403, 'Bạn không thuộc tổ nhập phiếu của cuộc bầu cử này.'],
  BALLOT_SERIAL_UNKNOWN: [422, 'Số phiếu không có trong số phiếu đã phát.'],
  BALLOT_UNKNOWN_CANDIDATE: [422, 'Phiếu có số thứ tự không có trong danh sách.'],
  BALLOT_CORRECTION_NEEDS_REASON: [409, 'Phiếu này đã được nhập; sửa lại cần ghi lý do.'],
  BALLOTS_NOT_RECONCILED: [409, 'Còn phiếu chưa khớp giữa hai tổ nhập; chưa kiểm phiếu được.'],
  COUNTING_FAILED: [422, 'Không kiểm được phiếu.'],
  CAMPAIGN_NOT_FOUND: [404, 'Không tìm thấy đợt đại hội.'],
  CAMPAIGN_INVALID: [422, 'Thông tin đợt đại hội không hợp lệ.'],
  CAMPAIGN_CLOSED: [409, 'Đợt đại hội đã kết thúc, không thay đổi được.'],
  CONGRESS_NOT_FOUND: [404, 'Không tìm thấy đại hội.'],
  CONGRESS_DATES_INVALID: [422, 'Ngày tháng của đại hội không hợp lệ.'],
  CONGRESS_RULE_WARNINGS: [422, 'Lịch đại hội chưa đúng quy định. Hãy sửa lại, hoặc ghi rõ lý do để lưu như một ngoại lệ.'],
  CONGRESS_TRANSITION_INVALID: [409, 'Không thể chuyển đại hội sang bước này.'],
  CONGRESS_NOT_APPROVED: [409, 'Đại hội chưa được cấp trên duyệt. Chỉ được ghi nhận đã tổ chức khi ghi rõ lý do ngoại lệ.'],
  CONGRESS_CLOSED: [409, 'Đại hội đã kết thúc hồ sơ, không thể thay đổi.'],
  CONGRESS_REASON_REQUIRED: [422, 'Phải ghi rõ lý do.'],
  CONGRESS_UPPER_LEVEL_ONLY: [403, 'Việc này do cấp ủy cấp trên thực hiện (duyệt đại hội, chuẩn y kết quả).'],
  CONGRESS_DATE_IN_FUTURE: [422, 'Chưa đến ngày này, chưa thể ghi nhận đại hội đã tổ chức.'],
  FILE_TOO_LARGE: [413, 'Tệp quá lớn.'],
  FILE_TYPE_REFUSED: [415, 'Loại tệp không được chấp nhận.'],
  FILE_MISSING: [422, 'Chưa chọn tệp.'],
  FILE_NOT_FOUND: [404, 'Không tìm thấy tệp.'],
  CONGRESS_NOT_A_CELL: [422, 'Chỉ chi bộ mới ghi nhận kết quả bầu trưởng thôn, bản, khu phố ("Dân tin, Đảng cử").'],
  CONGRESS_NOT_PILOT: [409, 'Đại hội này không phải đại hội điểm.'],
  EPIDEMIC_PLAN_INACTIVE: [409, 'Đợt đại hội không áp dụng phương án phòng, chống dịch.'],
  DIRECTOR_NOT_UPPER_LEVEL: [422, 'Người được phân công phải thuộc cấp ủy cấp trên của đại hội.'],
  EXPORT_TOO_LARGE: [422, 'Phạm vi quá lớn để xuất một tệp; hãy chọn phạm vi nhỏ hơn.'],
  INTERNAL: [500, 'Lỗi hệ thống. Vui lòng thử lại hoặc liên hệ quản trị viên.'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof errorCatalog;

export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: ApiErrorDetail[],
  ) {
    const [status, defaultMessage] = errorCatalog[code];
    super(message ?? defaultMessage);
    this.status = status;
  }
}

export const fail = (code: ErrorCode, message?: string, details?: ApiErrorDetail[]): never => {
  throw new DomainError(code, message, details);
};
