/**
 * Pure checks of a tree import: every bad row is named with its column and a Vietnamese
 * reason, and nothing is planned unless the whole set is clean. No I/O here.
 */
import { parseDateVi } from '../../../../shared/src/format.ts';

export const importColumns = {
  code: 'Mã',
  name: 'Tên tổ chức',
  parentCode: 'Mã cấp trên',
  typeCode: 'Loại tổ chức',
  kindCode: 'Khối, loại hình',
  fullMembers: 'Đảng viên chính thức',
  probationaryMembers: 'Đảng viên dự bị',
  activeFrom: 'Ngày thành lập',
} as const;
export type ImportColumn = keyof typeof importColumns;

/** A cell as read from the sheet: text, number, date, or a formula we refuse to evaluate. */
export type Cell = { kind: 'empty' } | { kind: 'text'; value: string } | { kind: 'number'; value: number } | { kind: 'date'; value: string } | { kind: 'formula'; value: string };

export type SheetRow = { row: number; cells: Partial<Record<ImportColumn, Cell>> };

export type ImportIssue = { row: number; column?: string; code: string; message: string };

export type ExistingOrg = {
  id: number;
  code: string;
  parentCode: string | null;
  typeLevel: number;
  inScope: boolean;
  active: boolean;
};

export type ImportContext = {
  existing: Map<string, ExistingOrg>; // by lower-case code
  types: Map<string, { code: string; level: number }>; // by lower-case code and by folded Vietnamese name
  kinds: Map<string, string>; // lower-case code or folded name -> code
  scopeRootCode: string;
  /** Rows beyond this are refused, to keep a single import reviewable. */
  maxRows: number;
};

export type PlannedRow = {
  row: number;
  code: string;
  name: string;
  parentCode: string | null;
  typeCode: string;
  kindCode: string;
  fullMembers: number;
  probationaryMembers: number;
  activeFrom: string | null;
  action: 'create' | 'update';
};

const CODE_RE = /^[A-Za-z0-9._-]{1,64}$/;
// A leading =, +, -, @ makes spreadsheet programs run the text as a formula (CSV injection).
const FORMULA_LIKE = /^[=+\-@\t\r]/;

export function foldKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function text(cell: Cell | undefined): string {
  if (!cell || cell.kind === 'empty') return '';
  if (cell.kind === 'number') return String(cell.value);
  return cell.value.trim();
}

export function checkImport(rows: SheetRow[], ctx: ImportContext): { issues: ImportIssue[]; planned: PlannedRow[] } {
  const issues: ImportIssue[] = [];
  const issue = (row: number, column: ImportColumn | undefined, code: string, message: string) =>
    issues.push({ row, column: column ? importColumns[column] : undefined, code, message });

  if (rows.length === 0) issue(1, undefined, 'IMPORT_EMPTY', 'Tệp không có dòng dữ liệu nào.');
  if (rows.length > ctx.maxRows) issue(1, undefined, 'IMPORT_TOO_MANY_ROWS', `Tệp có ${rows.length} dòng, vượt quá giới hạn ${ctx.maxRows} dòng một lần nhập.`);

  const planned: PlannedRow[] = [];
  const firstRowOfCode = new Map<string, number>();

  for (const r of rows) {
    let bad = false;
    const err = (column: ImportColumn | undefined, code: string, message: string) => {
      bad = true;
      issue(r.row, column, code, message);
    };
    for (const [col, cell] of Object.entries(r.cells) as [ImportColumn, Cell][]) {
      if (cell.kind === 'formula') err(col, 'FORMULA_NOT_ALLOWED', `Ô chứa công thức (${cell.value.slice(0, 40)}); chỉ nhập giá trị.`);
    }
    const code = text(r.cells.code);
    const name = text(r.cells.name);
    const parentCode = text(r.cells.parentCode) || null;
    const typeText = text(r.cells.typeCode);
    const kindText = text(r.cells.kindCode);

    if (!code) err('code', 'REQUIRED', 'Thiếu mã tổ chức.');
    else if (!CODE_RE.test(code)) err('code', 'CODE_INVALID', `Mã "${code.slice(0, 64)}" chỉ được gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang (tối đa 64 ký tự).`);
    else {
      const seen = firstRowOfCode.get(code.toLowerCase());
      if (seen !== undefined) err('code', 'DUPLICATE_CODE', `Mã "${code}" trùng với dòng ${seen}.`);
      else firstRowOfCode.set(code.toLowerCase(), r.row);
    }
    if (!name) err('name', 'REQUIRED', 'Thiếu tên tổ chức.');
    else if (name.length > 300) err('name', 'TOO_LONG', 'Tên tổ chức dài quá 300 ký tự.');
    else if (FORMULA_LIKE.test(name)) err('name', 'FORMULA_LIKE_TEXT', 'Tên không được bắt đầu bằng =, +, -, @ (dễ bị hiểu là công thức).');

    const type = typeText ? ctx.types.get(typeText.toLowerCase()) ?? ctx.types.get(foldKey(typeText)) : undefined;
    if (!typeText) err('typeCode', 'REQUIRED', 'Thiếu loại tổ chức.');
    else if (!type) err('typeCode', 'UNKNOWN_ORG_TYPE', `Loại tổ chức "${typeText.slice(0, 60)}" không có trong danh mục.`);
    const kind = kindText ? ctx.kinds.get(kindText.toLowerCase()) ?? ctx.kinds.get(foldKey(kindText)) : undefined;
    if (!kindText) err('kindCode', 'REQUIRED', 'Thiếu khối, loại hình.');
    else if (!kind) err('kindCode', 'UNKNOWN_ORG_KIND', `Khối, loại hình "${kindText.slice(0, 60)}" không có trong danh mục.`);

    const counts: Record<'fullMembers' | 'probationaryMembers', number> = { fullMembers: 0, probationaryMembers: 0 };
    for (const col of ['fullMembers', 'probationaryMembers'] as const) {
      const c = r.cells[col];
      // A formula cell is already named once (FORMULA_NOT_ALLOWED); one reason per cell.
      if (!c || c.kind === 'empty' || c.kind === 'formula') continue;
      const n = c.kind === 'number' ? c.value : c.kind === 'text' && /^\d[\d.]*$/.test(c.value.trim()) ? Number(c.value.trim().replace(/\./g, '')) : NaN;
      if (!Number.isInteger(n) || n < 0 || n > 10_000_000) err(col, 'NOT_A_COUNT', `"${text(c).slice(0, 30)}" không phải số nguyên không âm.`);
      else counts[col] = n;
    }
    let activeFrom: string | null = null;
    const af = r.cells.activeFrom;
    if (af && af.kind === 'date') activeFrom = af.value;
    else if (af && af.kind === 'text' && af.value.trim()) {
      activeFrom = parseDateVi(af.value);
      if (!activeFrom) err('activeFrom', 'DATE_INVALID', `Ngày "${af.value.slice(0, 30)}" không hợp lệ; ghi theo dạng dd/mm/yyyy.`);
    } else if (af && af.kind === 'number') err('activeFrom', 'DATE_INVALID', 'Ngày thành lập phải ghi theo dạng dd/mm/yyyy.');

    const existing = code ? ctx.existing.get(code.toLowerCase()) : undefined;
    if (existing && !existing.inScope) err('code', 'ORG_OUT_OF_SCOPE', `Mã "${code}" thuộc tổ chức ngoài phạm vi quản lý của bạn.`);
    else if (existing && !existing.active) err('code', 'ORG_NOT_ACTIVE', `Tổ chức mã "${code}" đã giải thể hoặc hợp nhất.`);
    if (existing && code.toLowerCase() === ctx.scopeRootCode.toLowerCase() && parentCode !== existing.parentCode) {
      err('parentCode', 'ORG_IS_ROOT', 'Không thể đổi cấp trên của tổ chức gốc trong phạm vi của bạn.');
    }
    if (!bad) {
      planned.push({
        row: r.row,
        code,
        name,
        parentCode,
        typeCode: type!.code,
        kindCode: kind!,
        fullMembers: counts.fullMembers,
        probationaryMembers: counts.probationaryMembers,
        activeFrom,
        action: existing ? 'update' : 'create',
      });
    }
  }

  // Parents and levels need the whole file: a parent may be a row below its child.
  const inFile = new Map(planned.map((p) => [p.code.toLowerCase(), p]));
  const levelOf = (code: string): number | undefined => {
    const p = inFile.get(code.toLowerCase());
    if (p) return ctx.types.get(p.typeCode.toLowerCase())?.level;
    return ctx.existing.get(code.toLowerCase())?.typeLevel;
  };
  const finalParent = (code: string): string | null => {
    const p = inFile.get(code.toLowerCase());
    if (p) return p.parentCode;
    return ctx.existing.get(code.toLowerCase())?.parentCode ?? null;
  };
  const rejected = new Set<string>();
  for (const p of planned) {
    const reject = (column: ImportColumn, code: string, message: string) => {
      rejected.add(p.code.toLowerCase());
      issue(p.row, column, code, message);
    };
    if (!p.parentCode) {
      if (p.action === 'create') reject('parentCode', 'REQUIRED', 'Thiếu mã cấp trên.');
      continue;
    }
    const parentKey = p.parentCode.toLowerCase();
    const parentExisting = ctx.existing.get(parentKey);
    if (!inFile.has(parentKey) && !parentExisting) {
      reject('parentCode', 'UNKNOWN_PARENT', `Không tìm thấy tổ chức cấp trên mã "${p.parentCode.slice(0, 64)}" (trong hệ thống hoặc trong tệp).`);
      continue;
    }
    if (parentExisting && !inFile.has(parentKey) && !parentExisting.inScope) {
      reject('parentCode', 'ORG_OUT_OF_SCOPE', `Tổ chức cấp trên mã "${p.parentCode}" nằm ngoài phạm vi quản lý của bạn.`);
      continue;
    }
    if (parentExisting && !inFile.has(parentKey) && !parentExisting.active) {
      reject('parentCode', 'ORG_NOT_ACTIVE', `Tổ chức cấp trên mã "${p.parentCode}" đã giải thể hoặc hợp nhất.`);
      continue;
    }
    const childLevel = ctx.types.get(p.typeCode.toLowerCase())?.level;
    const parentLevel = levelOf(p.parentCode);
    if (childLevel !== undefined && parentLevel !== undefined && childLevel <= parentLevel) {
      reject('typeCode', 'ORG_LEVEL_MISMATCH', `Loại tổ chức (cấp ${childLevel}) phải ở cấp thấp hơn tổ chức cấp trên "${p.parentCode}" (cấp ${parentLevel}).`);
    }
    // Walk up the final tree: coming back to this code means a cycle.
    const seen = new Set<string>([p.code.toLowerCase()]);
    let cur: string | null = p.parentCode;
    for (let steps = 0; cur && steps < 10_000; steps++) {
      const key = cur.toLowerCase();
      if (seen.has(key)) {
        reject('parentCode', 'CYCLE', `Vòng lặp cấp trên: "${p.code}" nằm dưới chính nó qua "${cur}".`);
        break;
      }
      seen.add(key);
      cur = finalParent(cur);
    }
  }
  // A row whose parent row was rejected cannot be placed either.
  let changed = true;
  while (changed) {
    changed = false;
    for (const p of planned) {
      const key = p.code.toLowerCase();
      if (rejected.has(key) || !p.parentCode) continue;
      if (rejected.has(p.parentCode.toLowerCase())) {
        rejected.add(key);
        changed = true;
        issue(p.row, 'parentCode', 'PARENT_ROW_INVALID', `Dòng cấp trên "${p.parentCode}" có lỗi nên dòng này chưa nhập được.`);
      }
    }
  }
  issues.sort((a, b) => a.row - b.row);
  return { issues, planned: planned.filter((p) => !rejected.has(p.code.toLowerCase())) };
}

/** Orders planned rows so every parent is created before its children. */
export function orderParentsFirst(planned: PlannedRow[]): PlannedRow[] {
  const byCode = new Map(planned.map((p) => [p.code.toLowerCase(), p]));
  const out: PlannedRow[] = [];
  const done = new Set<string>();
  const visit = (p: PlannedRow, depth: number) => {
    const key = p.code.toLowerCase();
    if (done.has(key) || depth > 10_000) return;
    const parent = p.parentCode ? byCode.get(p.parentCode.toLowerCase()) : undefined;
    if (parent) visit(parent, depth + 1);
    done.add(key);
    out.push(p);
  };
  for (const p of planned) visit(p, 0);
  return out;
}
