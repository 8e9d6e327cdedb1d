/**
 * Presets of the two directives (election-rules.md §2.2, §2.3, §8 item 8): deadlines,
 * durations and windows per level, and the campaign's settings. Every value is editable
 * on the campaign; each carries its source and whether it is confirmed. Rules the
 * sources did not confirm ([U]) have `confirmed: false` so the UI can say "chưa xác nhận".
 * Pure data: no I/O.
 */
import type { CampaignSettings, CongressContents, LevelRule, RuleInfo } from './schedule-rules.ts';

export const directivePresetCodes = ['CT35-2019', 'CT45-2025'] as const;
export type DirectivePresetCode = (typeof directivePresetCodes)[number];

export type DirectivePreset = {
  code: DirectivePresetCode;
  label: string;
  directive: string;
  guidance: string;
  termFrom: number;
  termTo: number;
  /** Election regulation in force for the term's elections (elections domain). */
  regulation: '2014' | '2024';
  levels: LevelRule[];
  settings: CampaignSettings;
  rules: RuleInfo[];
};

/** The measures the Quảng Ninh Standing Committee required in 2020 (seed report 000). */
export const epidemicMeasures2020 = [
  { code: 'reducedGuests', label: 'Cắt giảm khách mời, thủ tục không cần thiết' },
  { code: 'masks', label: 'Đại biểu đeo khẩu trang' },
  { code: 'distance', label: 'Giữ khoảng cách tiếp xúc' },
  { code: 'noBreak', label: 'Không giải lao' },
  { code: 'noLunch', label: 'Không tổ chức ăn trưa' },
  { code: 'disinfection', label: 'Tiêu độc, khử trùng sau mỗi phiên họp' },
] as const;

const C1_2019 = 'CT 35-CT/TW ngày 30/5/2019 (sách "Chuẩn bị thật tốt đại hội", tr. 109) [C1]';
const C2_2025 = 'CT 45-CT/TW ngày 14/4/2025 (baohaiduong.vn …-409384) [C2]';
const AGE_2025 = 'CT 45-CT/TW: thời điểm bắt đầu tổ chức đại hội mỗi cấp (xaydungchinhsach.chinhphu.vn) [C2]';
const LOCAL_CELLS = 'Theo kế hoạch của tỉnh (ví dụ năm 2025 theo HD 27-HD/BTCTW: chi bộ trực thuộc ≤ ½ ngày, đảng ủy bộ phận ≤ 1 ngày, 1/2025 → 31/3/2025) — quy định địa phương [U]';
/** Below the grassroots a partial committee may take a whole day, a cell half a day (local plan example, election-rules.md §2.2). */
const BELOW_GRASSROOTS_BY_TYPE = [{ typeCode: 'partialCommittee', maxDays: 1 }];

const commonRules = (year: 2019 | 2025): RuleInfo[] => [
  {
    key: 'delegatesCongressMinMembers',
    label: 'Đảng bộ cơ sở từ 200 đảng viên trở lên tiến hành đại hội đại biểu',
    source: year === 2019 ? 'CT 35-CT/TW 2019 mục 4 (camau.dcs.vn/chi-tiet-hoi-dap-41) [C2]' : 'Giữ như CT 35/2019; văn bản CT 45 về điểm này chưa tra được [U]',
    confirmed: year === 2019,
  },
  { key: 'formMemberCount', label: 'Số đảng viên để xác định hình thức đại hội tính cả đảng viên dự bị', source: 'Suy luận [U]', confirmed: false },
  { key: 'noticeWorkingDays', label: 'Thông báo ngày khai mạc trước ít nhất 30 ngày làm việc', source: 'QĐ 24-QĐ/TW mục 11.1 (lawnet.vn) [C2]', confirmed: true },
  {
    key: 'noticeCounting',
    label: 'Cách đếm: ngày gửi thông báo là ngày làm việc thứ nhất, ngày khai mạc không tính (như cách đếm thời hạn của ví dụ 16)',
    source: 'Suy luận [U]',
    confirmed: false,
  },
  { key: 'deadlineInclusive', label: '"Hoàn thành trước ngày X" hiểu là kết thúc đại hội chậm nhất trong ngày X', source: 'Suy luận [U]', confirmed: false },
  {
    key: 'preparatoryInside',
    label: 'Phiên trù bị (≤ ½ ngày) tính trong thời gian tối đa của đại hội',
    source: year === 2025 ? C2_2025 : 'CT 45/2025 nói rõ; CT 35/2019 chỉ quy định ≤ ½ ngày [U]',
    confirmed: year === 2025,
  },
  {
    key: 'contentsAllowed',
    label: year === 2025 ? 'Đại hội 4 nội dung; 3 nội dung (chưa bầu cấp ủy, được cấp có thẩm quyền đồng ý); 2 nội dung (đảng bộ hợp nhất, sáp nhập, mới thành lập)' : 'Đại hội 4 nội dung',
    source: year === 2025 ? 'CT 45-CT/TW (election-rules.md §8 mục 8) [C2]' : 'CT 35-CT/TW 2019 [C2]',
    confirmed: true,
  },
  { key: 'cellTermModeDefault', label: 'Chi bộ trực thuộc đại hội 5 năm 2 lần (thí điểm 5 năm 1 lần theo QĐ 294)', source: 'Điều lệ Đảng Đ24 K3 [C1]; QĐ 294-QĐ/TW [C2]', confirmed: true },
  { key: 'approvalByUpperLevel', label: 'Duyệt đại hội và chuẩn y kết quả do cấp ủy cấp trên thực hiện', source: 'election-rules.md §2.7: cấp duyệt chưa tra được văn bản, mặc định cấp trên [U]', confirmed: false },
  { key: 'epidemicPlan', label: 'Các biện pháp an toàn phòng dịch tại đại hội', source: 'Ban Thường vụ Tỉnh ủy Quảng Ninh, 2020 (bản tin nguồn 000)', confirmed: true },
];

export const directivePresets: Record<DirectivePresetCode, DirectivePreset> = {
  'CT35-2019': {
    code: 'CT35-2019',
    label: 'Chỉ thị 35-CT/TW (2019) — nhiệm kỳ 2020–2025',
    directive: 'Chỉ thị 35-CT/TW ngày 30/5/2019 của Bộ Chính trị',
    guidance: 'Hướng dẫn 26-HD/BTCTW ngày 18/10/2019',
    termFrom: 2020,
    termTo: 2025,
    regulation: '2014',
    levels: [
      { level: 0, centralDeadline: null, provincialTarget: null, windowStart: null, maxDays: null, maxPreparatoryDays: null, source: 'Đại hội toàn quốc: Ban Chấp hành Trung ương quyết định', confirmed: true },
      { level: 1, centralDeadline: '2020-10-31', provincialTarget: null, windowStart: null, maxDays: 4, maxPreparatoryDays: 0.5, source: C1_2019, confirmed: true },
      { level: 2, centralDeadline: '2020-08-31', provincialTarget: null, windowStart: null, maxDays: 3, maxPreparatoryDays: 0.5, source: C1_2019, confirmed: true },
      { level: 3, centralDeadline: '2020-06-30', provincialTarget: null, windowStart: '2020-04-01', maxDays: 2, maxPreparatoryDays: null, source: C1_2019, confirmed: true },
      { level: 4, centralDeadline: null, provincialTarget: null, windowStart: null, maxDays: 0.5, maxPreparatoryDays: null, maxDaysByType: BELOW_GRASSROOTS_BY_TYPE, source: LOCAL_CELLS, confirmed: false },
      { level: 5, centralDeadline: null, provincialTarget: null, windowStart: null, maxDays: 0.5, maxPreparatoryDays: null, source: LOCAL_CELLS, confirmed: false },
    ],
    settings: {
      delegatesCongressMinMembers: 200,
      noticeWorkingDays: 30,
      contentsAllowed: [4],
      cellTermModeDefault: 'twicePer5y',
      epidemicPlan: { active: false, measures: epidemicMeasures2020.map((m) => ({ ...m })) },
      extraOffDays: [],
    },
    rules: commonRules(2019),
  },
  'CT45-2025': {
    code: 'CT45-2025',
    label: 'Chỉ thị 45-CT/TW (2025) — nhiệm kỳ 2025–2030',
    directive: 'Chỉ thị 45-CT/TW ngày 14/4/2025 của Bộ Chính trị',
    guidance: 'Kết luận 118-KL/TW, 163-KL/TW, 185-KL/TW',
    termFrom: 2025,
    termTo: 2030,
    regulation: '2024',
    levels: [
      { level: 0, centralDeadline: null, provincialTarget: null, windowStart: null, maxDays: null, maxPreparatoryDays: null, source: 'Đại hội XIV: 19–23/1/2026', confirmed: true },
      { level: 1, centralDeadline: '2025-10-31', provincialTarget: null, windowStart: '2025-09-01', maxDays: 4, maxPreparatoryDays: 0.5, source: `${C2_2025}; ${AGE_2025}`, confirmed: true },
      { level: 2, centralDeadline: '2025-08-31', provincialTarget: null, windowStart: '2025-06-01', maxDays: 2, maxPreparatoryDays: 0.5, source: `${C2_2025}; ${AGE_2025}`, confirmed: true },
      { level: 3, centralDeadline: '2025-06-30', provincialTarget: null, windowStart: '2025-04-01', maxDays: 2, maxPreparatoryDays: null, source: `${C2_2025}; ${AGE_2025}`, confirmed: true },
      { level: 4, centralDeadline: '2025-03-31', provincialTarget: null, windowStart: '2025-01-01', maxDays: 0.5, maxPreparatoryDays: null, maxDaysByType: BELOW_GRASSROOTS_BY_TYPE, source: LOCAL_CELLS, confirmed: false },
      { level: 5, centralDeadline: '2025-03-31', provincialTarget: null, windowStart: '2025-01-01', maxDays: 0.5, maxPreparatoryDays: null, source: LOCAL_CELLS, confirmed: false },
    ],
    settings: {
      delegatesCongressMinMembers: 200,
      noticeWorkingDays: 30,
      contentsAllowed: [4, 3, 2] as CongressContents[],
      cellTermModeDefault: 'twicePer5y',
      epidemicPlan: { active: false, measures: epidemicMeasures2020.map((m) => ({ ...m })) },
      extraOffDays: [],
    },
    rules: commonRules(2025),
  },
};
