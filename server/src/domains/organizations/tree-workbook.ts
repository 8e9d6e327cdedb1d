import ExcelJS from 'exceljs';
import { formatDateVi } from '../../../../shared/src/format.ts';
import { type Cell, type ImportColumn, importColumns, type SheetRow } from './tree-import-rules.ts';

const columnOrder = Object.keys(importColumns) as ImportColumn[];
const headerToColumn = new Map<string, ImportColumn>(
  Object.entries(importColumns).map(([k, v]) => [v.toLowerCase(), k as ImportColumn]),
);
// Also accept the code names, for files produced by scripts.
for (const k of columnOrder) headerToColumn.set(k.toLowerCase(), k);

export class WorkbookError extends Error {}

export type ExportRow = {
  code: string;
  name: string;
  parentCode: string | null;
  typeCode: string;
  typeName: string;
  kindCode: string;
  level: number;
  fullMembers: number;
  probationaryMembers: number;
  activeFrom: string | null;
  status: string;
};

/** One ExcelJS cell as the import rules see it (also used by the personnel import). */
export function toCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined || v === '') return { kind: 'empty' };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'string') return v.trim() ? { kind: 'text', value: v } : { kind: 'empty' };
  if (typeof v === 'boolean') return { kind: 'text', value: String(v) };
  if (v instanceof Date) return { kind: 'date', value: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const f = (v as { formula?: string; sharedFormula?: string }).formula ?? (v as { sharedFormula?: string }).sharedFormula ?? '';
      return { kind: 'formula', value: `=${f}` };
    }
    if ('richText' in v) return { kind: 'text', value: v.richText.map((t) => t.text).join('') };
    if ('text' in v && typeof v.text === 'string') return { kind: 'text', value: v.text };
    if ('error' in v) return { kind: 'text', value: String(v.error) };
  }
  return { kind: 'text', value: String(v) };
}

function rowsFromMatrix(matrix: Cell[][]): SheetRow[] {
  const header = matrix[0];
  if (!header) throw new WorkbookError('Tệp không có dòng tiêu đề.');
  const map = new Map<number, ImportColumn>();
  header.forEach((c, i) => {
    const key = c.kind === 'text' ? headerToColumn.get(c.value.trim().toLowerCase()) : undefined;
    if (key) map.set(i, key);
  });
  const missing = (['code', 'name', 'parentCode', 'typeCode', 'kindCode'] as const).filter((k) => ![...map.values()].includes(k));
  if (missing.length) throw new WorkbookError(`Thiếu cột: ${missing.map((m) => importColumns[m]).join(', ')}. Hãy dùng tệp mẫu.`);
  const rows: SheetRow[] = [];
  matrix.slice(1).forEach((cells, idx) => {
    if (cells.every((c) => c.kind === 'empty')) return;
    const row: SheetRow = { row: idx + 2, cells: {} };
    map.forEach((col, i) => {
      row.cells[col] = cells[i] ?? { kind: 'empty' };
    });
    rows.push(row);
  });
  return rows;
}

/** The first sheet of an .xlsx file as cells, row i of the matrix being Excel's row i + 1. */
export async function readFirstSheet(buffer: Buffer, minWidth = 1): Promise<Cell[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookError('Không đọc được tệp Excel (.xlsx). Tệp có thể bị hỏng hoặc không phải định dạng .xlsx.');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new WorkbookError('Tệp Excel không có trang tính nào.');
  const matrix: Cell[][] = [];
  const width = Math.max(ws.columnCount, minWidth);
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) cells.push(toCell(r.getCell(c).value));
    matrix[n - 1] = cells;
  });
  for (let i = 0; i < matrix.length; i++) matrix[i] ??= [];
  return matrix;
}

/** Reads the first sheet of an .xlsx file into rows numbered as Excel shows them. */
export async function readTreeWorkbook(buffer: Buffer): Promise<SheetRow[]> {
  return rowsFromMatrix(await readFirstSheet(buffer, columnOrder.length));
}

/**
 * RFC 4180 CSV with optional BOM (comma or semicolon, as Excel writes it in Vietnamese locales),
 * as cells: every value is text, so a formula is just text to check.
 */
export function readCsvCells(text: string): Cell[][] {
  const src = text.replace(/^\uFEFF/, '');
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === ';') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      out.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    out.push(row);
  }
  return out.map((r) => r.map((v): Cell => (v.trim() ? (v.trim().startsWith('=') ? { kind: 'formula', value: v.trim() } : { kind: 'text', value: v }) : { kind: 'empty' })));
}

export function readTreeCsv(text: string): SheetRow[] {
  return rowsFromMatrix(readCsvCells(text));
}

function headerStyle(ws: ExcelJS.Worksheet) {
  const h = ws.getRow(1);
  h.font = { bold: true };
  h.alignment = { vertical: 'middle', wrapText: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** Cells are written as plain values: a text starting with "=" stays text, never a live formula. */
export async function writeTreeWorkbook(
  rows: ExportRow[],
  reference: { types: { code: string; nameVi: string; level: number }[]; kinds: { code: string; nameVi: string }[] },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Đại Hội';
  const ws = wb.addWorksheet('To chuc');
  ws.columns = [
    ...columnOrder.map((k) => ({ header: importColumns[k], key: k, width: k === 'name' ? 48 : 18 })),
    { header: 'Cấp', key: 'level', width: 8 },
    { header: 'Tên loại tổ chức', key: 'typeName', width: 28 },
    { header: 'Trạng thái', key: 'status', width: 14 },
  ];
  headerStyle(ws);
  for (const r of rows) {
    ws.addRow({
      ...r,
      parentCode: r.parentCode ?? '',
      activeFrom: r.activeFrom ? formatDateVi(r.activeFrom) : '',
      status: r.status === 'active' ? 'Đang hoạt động' : r.status === 'merged' ? 'Đã hợp nhất' : 'Đã giải thể',
    });
  }
  ws.getColumn('fullMembers').numFmt = '#,##0';
  ws.getColumn('probationaryMembers').numFmt = '#,##0';
  const types = reference.types.map((t) => t.code).join(',');
  const kinds = reference.kinds.map((k) => k.code).join(',');
  for (let i = 2; i <= Math.max(rows.length + 1, 500); i++) {
    ws.getCell(`D${i}`).dataValidation = { type: 'list', allowBlank: false, formulae: [`"${types}"`] };
    ws.getCell(`E${i}`).dataValidation = { type: 'list', allowBlank: false, formulae: [`"${kinds}"`] };
  }
  const help = wb.addWorksheet('Huong dan');
  help.columns = [
    { header: 'Danh mục', key: 'list', width: 18 },
    { header: 'Mã', key: 'code', width: 24 },
    { header: 'Tên', key: 'name', width: 48 },
    { header: 'Cấp', key: 'level', width: 8 },
  ];
  headerStyle(help);
  for (const t of reference.types) help.addRow({ list: 'Loại tổ chức', code: t.code, name: t.nameVi, level: t.level });
  for (const k of reference.kinds) help.addRow({ list: 'Khối, loại hình', code: k.code, name: k.nameVi });
  help.addRow({});
  help.addRow({ list: 'Ghi chú', name: 'Mỗi dòng một tổ chức. "Mã cấp trên" là mã của tổ chức đã có trong hệ thống hoặc ở một dòng khác của tệp. Ngày ghi dd/mm/yyyy. Không dùng công thức.' });
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

/** CSV for people who prefer it: UTF-8 with BOM so Excel shows the diacritics; formula-looking text is defused. */
export function writeTreeCsv(rows: ExportRow[]): string {
  const headers = [...columnOrder.map((k) => importColumns[k]), 'Cấp', 'Trạng thái'];
  const esc = (v: string | number | null) => {
    let s = v === null ? '' : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [headers.map(esc).join(',')];
  for (const r of rows) {
    lines.push(
      [r.code, r.name, r.parentCode, r.typeCode, r.kindCode, r.fullMembers, r.probationaryMembers, r.activeFrom ? formatDateVi(r.activeFrom) : '', r.level, r.status]
        .map(esc)
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
