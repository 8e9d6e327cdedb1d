/**
 * Pure checks of a people import: every bad cell is named by row and column with a Vietnamese
 * reason, and nothing is planned unless the whole file is clean. No I/O.
 */
import { parseDateVi } from '../../../../shared/src/format.ts';
import type { Cell } from '../organizations/tree-import-rules.ts';
import { foldVietnamese as foldKey } from '../../../../shared/src/text.ts';

export const personColumns = {
  code: 'Mã cán bộ',
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  gender: 'Giới tính',
  ethnicity: 'Dân tộc',
  homePlace: 'Quê quán',
  education: 'Trình độ chuyên môn',
  politicalTheory: 'Lý luận chính trị',
  partyJoinDate: 'Ngày vào Đảng',
  orgCode: 'Mã tổ chức',
  postTitle: 'Chức vụ hiện tại',
  sciTech: 'Cán bộ khoa học, công nghệ',
  retirementDate: 'Ngày nghỉ hưu (nếu khác lộ trình)',
} as const;
export type PersonColumn = keyof typeof personColumns;
export const requiredPersonColumns: PersonColumn[] = ['fullName', 'birthDate', 'gender', 'orgCode'];

export type PersonSheetRow = { row: number; cells: Partial<Record<PersonColumn, Cell>> };
export type PersonImportIssue = { row: number; column?: string; code: string; message: string };
export type PlannedPerson = {
  row: number;
  code: string | null;
  fullName: string;
  birthDate: string;
  gender: 'male' | 'female';
  ethnicity: string;
  homePlace: string | null;
  education: string | null;
  politicalTheory: 'none' | 'elementary' | 'intermediate' | 'advanced' | null;
  partyJoinDate: string | null;
  orgCode: string;
  orgId: number;
  postTitle: string | null;
  sciTech: boolean;
  retirementDate: string | null;
  action: 'create' | 'update';
  existingId: number | null;
};

export type PersonImportContext = {
  /** By lower-case code: the organization, and whether it lies in the importer's subtree. */
  orgs: Map<string, { id: number; inScope: boolean; active: boolean }>;
  /** Existing people by lower-case personnel code, and whether the importer may change them. */
  people: Map<string, { id: number; inScope: boolean }>;
  today: string;
  maxRows: number;
};

const FORMULA_LIKE = /^[=+\-@\t\r]/;
const theory = new Map<string, PlannedPerson['politicalTheory']>([
  ['chua', 'none'],
  ['chua qua dao tao', 'none'],
  ['khong', 'none'],
  ['so cap', 'elementary'],
  ['trung cap', 'intermediate'],
  ['cao cap', 'advanced'],
  ['cu nhan', 'advanced'],
]);

export function checkPersonImport(rows: PersonSheetRow[], ctx: PersonImportContext): { issues: PersonImportIssue[]; planned: PlannedPerson[] } {
  const issues: PersonImportIssue[] = [];
  const planned: PlannedPerson[] = [];
  const issue = (row: number, col: PersonColumn | undefined, code: string, message: string) => issues.push({ row, column: col ? personColumns[col] : undefined, code, message });
  if (rows.length === 0) issue(1, undefined, 'EMPTY', 'Tệp không có dòng dữ liệu nào.');
  if (rows.length > ctx.maxRows) {
    issue(rows[ctx.maxRows]!.row, undefined, 'TOO_MANY_ROWS', `Mỗi lần nhập tối đa ${ctx.maxRows.toLocaleString('vi-VN')} dòng.`);
    return { issues, planned: [] };
  }
  const seenCodes = new Map<string, number>();
  for (const r of rows) {
    const before = issues.length;
    const textOf = (col: PersonColumn): string => {
      const c = r.cells[col];
      if (!c || c.kind === 'empty') return '';
      if (c.kind === 'formula') {
        issue(r.row, col, 'FORMULA', 'Ô có công thức; hãy nhập giá trị.');
        return '';
      }
      if (c.kind === 'number') return String(c.value);
      const v = c.value.trim();
      if (c.kind === 'text' && FORMULA_LIKE.test(v)) {
        issue(r.row, col, 'FORMULA_LIKE', 'Giá trị không được bắt đầu bằng =, +, -, @.');
        return '';
      }
      return v;
    };
    const dateOf = (col: PersonColumn, required: boolean): string | null => {
      const c = r.cells[col];
      if (!c || c.kind === 'empty') {
        if (required) issue(r.row, col, 'REQUIRED', 'Bắt buộc.');
        return null;
      }
      if (c.kind === 'date') return c.value;
      const iso = parseDateVi(textOf(col));
      if (!iso) issue(r.row, col, 'BAD_DATE', 'Ngày không hợp lệ; ghi theo dạng dd/mm/yyyy.');
      return iso;
    };
    const code = textOf('code') || null;
    if (code && !/^[A-Za-z0-9._-]{1,40}$/.test(code)) issue(r.row, 'code', 'BAD_CODE', 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch (tối đa 40 ký tự).');
    if (code) {
      const first = seenCodes.get(code.toLowerCase());
      if (first) issue(r.row, 'code', 'DUPLICATE_IN_FILE', `Mã ${code} đã có ở dòng ${first}.`);
      else seenCodes.set(code.toLowerCase(), r.row);
    }
    const fullName = textOf('fullName').replace(/\s+/g, ' ');
    if (!fullName) issue(r.row, 'fullName', 'REQUIRED', 'Bắt buộc.');
    else if (fullName.length < 2 || fullName.length > 200) issue(r.row, 'fullName', 'BAD_NAME', 'Họ và tên từ 2 đến 200 ký tự.');
    const birthDate = dateOf('birthDate', true);
    if (birthDate && (birthDate > ctx.today || birthDate < '1900-01-01')) issue(r.row, 'birthDate', 'BAD_DATE', 'Ngày sinh không hợp lý.');
    const g = foldKey(textOf('gender'));
    const gender = g === 'nam' || g === 'male' ? 'male' : g === 'nu' || g === 'female' ? 'female' : null;
    if (!gender) issue(r.row, 'gender', textOf('gender') ? 'BAD_GENDER' : 'REQUIRED', 'Ghi "Nam" hoặc "Nữ".');
    const t = textOf('politicalTheory');
    const politicalTheory = t ? theory.get(foldKey(t)) : null;
    if (t && politicalTheory === undefined) issue(r.row, 'politicalTheory', 'BAD_THEORY', 'Ghi một trong: Sơ cấp, Trung cấp, Cao cấp, Chưa qua đào tạo.');
    const partyJoinDate = dateOf('partyJoinDate', false);
    if (partyJoinDate && birthDate && partyJoinDate <= birthDate) issue(r.row, 'partyJoinDate', 'BAD_DATE', 'Ngày vào Đảng phải sau ngày sinh.');
    const retirementDate = dateOf('retirementDate', false);
    const orgCode = textOf('orgCode');
    const org = orgCode ? ctx.orgs.get(orgCode.toLowerCase()) : undefined;
    if (!orgCode) issue(r.row, 'orgCode', 'REQUIRED', 'Bắt buộc.');
    else if (!org) issue(r.row, 'orgCode', 'UNKNOWN_ORG', `Không có tổ chức mã ${orgCode}.`);
    else if (!org.inScope) issue(r.row, 'orgCode', 'ORG_OUT_OF_SCOPE', `Tổ chức ${orgCode} nằm ngoài phạm vi quản lý của bạn.`);
    else if (!org.active) issue(r.row, 'orgCode', 'ORG_NOT_ACTIVE', `Tổ chức ${orgCode} đã giải thể hoặc hợp nhất.`);
    const s = foldKey(textOf('sciTech'));
    if (s && !['co', 'khong', 'x', 'yes', 'no'].includes(s)) issue(r.row, 'sciTech', 'BAD_FLAG', 'Ghi "Có" hoặc "Không".');
    const existing = code ? ctx.people.get(code.toLowerCase()) : undefined;
    if (existing && !existing.inScope) issue(r.row, 'code', 'PERSON_OUT_OF_SCOPE', `Cán bộ mã ${code} thuộc đơn vị ngoài phạm vi quản lý của bạn.`);
    const postTitle = textOf('postTitle') || null;
    const homePlace = textOf('homePlace') || null;
    const education = textOf('education') || null;
    const ethnicity = textOf('ethnicity') || 'Kinh';
    if (issues.length > before) continue;
    planned.push({
      row: r.row,
      code,
      fullName,
      birthDate: birthDate!,
      gender: gender!,
      ethnicity,
      homePlace,
      education,
      politicalTheory: politicalTheory ?? null,
      partyJoinDate,
      orgCode,
      orgId: org!.id,
      postTitle,
      sciTech: s === 'co' || s === 'x' || s === 'yes',
      retirementDate,
      action: existing ? 'update' : 'create',
      existingId: existing?.id ?? null,
    });
  }
  return { issues, planned: issues.length ? [] : planned };
}
