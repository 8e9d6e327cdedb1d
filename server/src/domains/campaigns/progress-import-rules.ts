/**
 * Importing existing progress (statuses and dates of many congresses) from Excel, pure: find the
 * header, read each row's cells, and decide what the row asks for using the lifecycle rules. Every
 * problem names its Excel row and column in Vietnamese; the caller writes nothing unless every row
 * is clean. Schedule rules (deadline, duration, notice) are checked by the caller with the same
 * evaluation the pages use.
 */
import { foldVietnamese } from '../../../../shared/src/text.ts';
import { formatDateVi, parseDateVi } from '../../../../shared/src/format.ts';
import { checkTransition, type CongressStatus, congressStatusLabel, congressStatuses, heldStatuses, isPreHeld } from './lifecycle-rules.ts';

export type Cell = { kind: 'empty' } | { kind: 'text'; value: string } | { kind: 'number'; value: number } | { kind: 'date'; value: string } | { kind: 'formula'; value: string };

export const progressColumns = {
  code: 'Mã tổ chức',
  name: 'Tên tổ chức',
  status: 'Trạng thái',
  start: 'Ngày bắt đầu',
  end: 'Ngày kết thúc',
  notice: 'Ngày thông báo',
  decisionRef: 'Số quyết định',
  reason: 'Lý do ngoại lệ',
} as const;
export type ProgressColumn = keyof typeof progressColumns;

export type ProgressSheetRow = { row: number; cells: Partial<Record<ProgressColumn, Cell>> };
export type ProgressIssue = { row: number; column?: string; code: string; message: string };

/** At most this many rows per file: a district's or a province's grassroots in one go. */
export const PROGRESS_IMPORT_MAX_ROWS = 5000;

const headerKey = new Map<string, ProgressColumn>(Object.entries(progressColumns).map(([k, v]) => [foldVietnamese(v), k as ProgressColumn]));

/** Finds the header among the first rows (the template has a title above it) and reads the rows below it. */
export function readProgressSheet(matrix: Cell[][]): { rows: ProgressSheetRow[]; issues: ProgressIssue[] } {
  const headerAt = matrix.slice(0, 10).findIndex((cells) => cells.some((c) => c.kind === 'text' && headerKey.get(foldVietnamese(c.value.trim())) === 'code'));
  if (headerAt < 0) return { rows: [], issues: [{ row: 1, code: 'HEADER_MISSING', message: `Không tìm thấy dòng tiêu đề có cột "${progressColumns.code}". Hãy dùng tệp mẫu.` }] };
  const map = new Map<number, ProgressColumn>();
  matrix[headerAt]!.forEach((c, i) => {
    const key = c.kind === 'text' ? headerKey.get(foldVietnamese(c.value.trim())) : undefined;
    if (key) map.set(i, key);
  });
  if (![...map.values()].includes('status'))
    return { rows: [], issues: [{ row: headerAt + 1, code: 'HEADER_MISSING', message: `Dòng ${headerAt + 1}: thiếu cột "${progressColumns.status}". Hãy dùng tệp mẫu.` }] };
  const rows: ProgressSheetRow[] = [];
  matrix.slice(headerAt + 1).forEach((cells, idx) => {
    if (cells.every((c) => c.kind === 'empty')) return;
    const row: ProgressSheetRow = { row: headerAt + idx + 2, cells: {} };
    map.forEach((col, i) => (row.cells[col] = cells[i] ?? { kind: 'empty' }));
    rows.push(row);
  });
  if (rows.length > PROGRESS_IMPORT_MAX_ROWS)
    return { rows: [], issues: [{ row: headerAt + 2, code: 'TOO_MANY_ROWS', message: `Tệp có ${rows.length.toLocaleString('vi-VN')} dòng, vượt ${PROGRESS_IMPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng mỗi lần nhập.` }] };
  return { rows, issues: [] };
}

const statusByLabel = new Map<string, CongressStatus>(congressStatuses.map((s) => [foldVietnamese(congressStatusLabel(s)), s]));
for (const s of congressStatuses) statusByLabel.set(foldVietnamese(s), s);

const text = (c: Cell | undefined): string => (c?.kind === 'text' ? c.value.trim() : c?.kind === 'number' ? String(c.value) : '');

/** The congress as it stands, for deciding what a row changes. */
export type ProgressCurrent = {
  congressId: number;
  version: number;
  status: CongressStatus;
  plannedStart: string | null;
  plannedEnd: string | null;
  noticeDate: string | null;
  /** The importer is of the upper level of this congress (may approve and approve results). */
  upperLevel: boolean;
};

/** What one clean row will do: the steps walked in order, and the dates it sets. */
export type ProgressPlan = {
  row: number;
  congressId: number;
  version: number;
  code: string;
  from: CongressStatus;
  steps: CongressStatus[];
  heldWithoutApproval: boolean;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  noticeDate: string | null;
  decisionRef: string | null;
  reason: string | null;
};

const mainPath: CongressStatus[] = ['planned', 'documentsReady', 'personnelReady', 'approved', 'held', 'resultsApproved', 'closed'];

function dateOf(row: ProgressSheetRow, col: ProgressColumn, issues: ProgressIssue[]): string | null {
  const c = row.cells[col];
  if (!c || c.kind === 'empty') return null;
  const where = `Dòng ${row.row}, cột "${progressColumns[col]}"`;
  if (c.kind === 'date') return c.value;
  if (c.kind === 'formula') {
    issues.push({ row: row.row, column: progressColumns[col], code: 'FORMULA', message: `${where}: có công thức; hãy nhập ngày dạng dd/mm/yyyy.` });
    return null;
  }
  const iso = parseDateVi(text(c));
  if (!iso) issues.push({ row: row.row, column: progressColumns[col], code: 'DATE_INVALID', message: `${where}: "${text(c)}" không phải ngày hợp lệ (dd/mm/yyyy).` });
  return iso;
}

/**
 * Checks one row against the congress it names. `today` bounds held dates. Going back a step is
 * refused here (it needs a reason per step: use the congress page); a congress marked held before
 * approval needs the "Lý do ngoại lệ" column, as on the page.
 */
export function planProgressRow(row: ProgressSheetRow, current: ProgressCurrent | undefined, today: string): { plan?: ProgressPlan; issues: ProgressIssue[] } {
  const issues: ProgressIssue[] = [];
  const code = text(row.cells.code);
  const at = (col: ProgressColumn) => `Dòng ${row.row}, cột "${progressColumns[col]}"`;
  const issue = (col: ProgressColumn | undefined, c: string, message: string) => issues.push({ row: row.row, ...(col ? { column: progressColumns[col] } : {}), code: c, message });
  if (!code) {
    issue('code', 'REQUIRED', `${at('code')}: thiếu mã tổ chức.`);
    return { issues };
  }
  if (!current) {
    issue('code', 'UNKNOWN_CODE', `${at('code')}: không có đại hội của tổ chức mã "${code}" trong đợt đại hội và phạm vi của bạn.`);
    return { issues };
  }
  for (const col of Object.keys(progressColumns) as ProgressColumn[])
    if (row.cells[col]?.kind === 'formula' && col !== 'start' && col !== 'end' && col !== 'notice') issue(col, 'FORMULA', `${at(col)}: có công thức; hãy nhập giá trị.`);
  const label = text(row.cells.status);
  const to = label ? statusByLabel.get(foldVietnamese(label)) : current.status;
  if (!to) {
    issue('status', 'STATUS_UNKNOWN', `${at('status')}: "${label}" không phải trạng thái; dùng một trong: ${mainPath.map(congressStatusLabel).join('; ')}.`);
    return { issues };
  }
  const start = dateOf(row, 'start', issues);
  const end = dateOf(row, 'end', issues);
  const notice = dateOf(row, 'notice', issues);
  const reason = text(row.cells.reason) || null;
  const decisionRef = text(row.cells.decisionRef) || null;
  if (issues.length) return { issues };
  if (current.status === 'closed' && to !== 'closed') {
    issue('status', 'CONGRESS_CLOSED', `${at('status')}: đại hội đã kết thúc hồ sơ, không thay đổi được.`);
    return { issues };
  }
  if (to === 'cancelled' || current.status === 'cancelled') {
    if (to !== current.status) issue('status', 'NOT_BY_IMPORT', `${at('status')}: "không tổ chức" hoặc khôi phục đại hội chỉ làm trên trang đại hội, có ghi lý do.`);
    return { issues };
  }
  const i = mainPath.indexOf(current.status);
  const j = mainPath.indexOf(to);
  if (j < i) {
    issue('status', 'BACKWARD', `${at('status')}: đại hội đang ở bước "${congressStatusLabel(current.status)}"; trả lại bước trước phải làm trên trang đại hội, có ghi lý do.`);
    return { issues };
  }
  const steps = mainPath.slice(i + 1, j + 1);
  const heldWithoutApproval = isPreHeld(current.status) && current.status !== 'approved' && heldStatuses.includes(to);
  if (heldWithoutApproval) {
    // Skipping approval is the page's "held before approval": allowed only with a recorded reason.
    const probe = checkTransition(current.status, 'held', { overrideReason: reason });
    if (!probe.ok) issue('reason', 'CONGRESS_NOT_APPROVED', `${at('reason')}: đại hội chưa được cấp trên duyệt; ghi lý do ngoại lệ để ghi nhận đã tổ chức.`);
  }
  const walks = heldWithoutApproval ? steps.filter((s) => !isPreHeld(s)) : steps;
  if (!current.upperLevel && walks.some((s) => s === 'approved' || s === 'resultsApproved'))
    issue('status', 'CONGRESS_UPPER_LEVEL_ONLY', `${at('status')}: duyệt đại hội và chuẩn y kết quả do cấp ủy cấp trên thực hiện.`);
  const held = heldStatuses.includes(to);
  const alreadyHeld = heldStatuses.includes(current.status);
  let plannedStart = current.plannedStart;
  let plannedEnd = current.plannedEnd;
  let actualStart: string | null = null;
  let actualEnd: string | null = null;
  if (held && !alreadyHeld) {
    actualStart = start ?? current.plannedStart;
    actualEnd = end ?? (start ? start : (current.plannedEnd ?? actualStart));
    if (!actualStart) issue('start', 'REQUIRED', `${at('start')}: cần ngày tổ chức đại hội.`);
    else if (actualEnd! < actualStart) issue('end', 'END_BEFORE_START', `${at('end')}: ngày kết thúc ${formatDateVi(actualEnd)} trước ngày bắt đầu ${formatDateVi(actualStart)}.`);
    else if (actualEnd! > today) issue('end', 'DATE_IN_FUTURE', `${at('end')}: ngày ${formatDateVi(actualEnd)} chưa đến; chưa thể ghi nhận đại hội đã tổ chức.`);
  } else if (!held) {
    if (start !== null || end !== null) {
      plannedStart = start ?? current.plannedStart;
      plannedEnd = end ?? (start ? start : current.plannedEnd);
      if (plannedStart && plannedEnd && plannedEnd < plannedStart) issue('end', 'END_BEFORE_START', `${at('end')}: ngày kết thúc ${formatDateVi(plannedEnd)} trước ngày bắt đầu ${formatDateVi(plannedStart)}.`);
      if (to === 'approved' && current.status === 'approved' && (plannedStart !== current.plannedStart || plannedEnd !== current.plannedEnd))
        issue('start', 'NOT_BY_IMPORT', `${at('start')}: đại hội đã được duyệt; đổi ngày phải dùng "Lùi thời gian" trên trang đại hội, có ghi lý do.`);
    }
  } else if (start !== null || end !== null) {
    issue('start', 'NOT_BY_IMPORT', `${at('start')}: đại hội đã tổ chức; không sửa ngày qua nhập Excel.`);
  }
  if (issues.length) return { issues };
  return {
    issues,
    plan: {
      row: row.row,
      congressId: current.congressId,
      version: current.version,
      code,
      from: current.status,
      steps: walks,
      heldWithoutApproval,
      plannedStart,
      plannedEnd,
      actualStart,
      actualEnd,
      noticeDate: notice ?? current.noticeDate,
      decisionRef,
      reason,
    },
  };
}

/** True when the row changes nothing: no step, same dates. Such rows are reported, not written. */
export const planChangesNothing = (p: ProgressPlan, c: ProgressCurrent) =>
  p.steps.length === 0 && p.plannedStart === c.plannedStart && p.plannedEnd === c.plannedEnd && p.noticeDate === c.noticeDate;
