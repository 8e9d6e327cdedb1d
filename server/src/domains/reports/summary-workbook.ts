import ExcelJS from 'exceljs';
import type { ReportTable, SummaryReport } from '../../../../shared/src/contracts/reports.ts';
import { formatDateVi } from '../../../../shared/src/format.ts';
import { chartRows } from './summary-sections.ts';

/**
 * The summary report as a workbook: one sheet per section — its sentences, then each table,
 * then the chart's figures — with the number formats of the dashboard export
 * (campaigns/dashboard-workbook.ts: #,##0; 0.00 %; dd/mm/yyyy) so figures stay computable.
 * Text is always written as a string value: a name starting with "=" stays text in the cell
 * and never becomes a formula.
 */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

function sheetName(title: string, i: number, used: Set<string>): string {
  const base = `${i + 1}. ${title.replace(SHEET_NAME_FORBIDDEN, ' ').replace(/[“”]/g, '')}`.slice(0, 31).trim();
  let name = base;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 27)} (${k})`;
  used.add(name.toLowerCase());
  return name;
}

function writeTable(ws: ExcelJS.Worksheet, start: number, t: ReportTable): number {
  let r = start;
  ws.getRow(r).getCell(1).value = t.title;
  ws.getRow(r).getCell(1).font = { bold: true, italic: true };
  r++;
  const header = ws.getRow(r);
  t.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  r++;
  for (const row of t.rows) {
    const xr = ws.getRow(r++);
    t.columns.forEach((c, i) => {
      const v = row[c.key];
      if (v === null || v === undefined || v === '') return;
      const cell = xr.getCell(i + 1);
      if (c.type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
        const [y, m, d] = v.split('-').map(Number);
        cell.value = new Date(Date.UTC(y!, m! - 1, d!));
        cell.numFmt = 'dd/mm/yyyy';
      } else if (c.type === 'pct' && typeof v === 'number') {
        cell.value = v / 100;
        cell.numFmt = '0.00%';
      } else if ((c.type === 'int' || c.type === 'num') && typeof v === 'number') {
        cell.value = v;
        cell.numFmt = c.type === 'int' || Number.isInteger(v) ? '#,##0' : '#,##0.00';
      } else cell.value = String(v);
    });
  }
  return r + 1;
}

export async function summaryWorkbook(r: SummaryReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Đại Hội';
  wb.created = new Date(0);
  const used = new Set<string>();
  r.sections.forEach((s, i) => {
    const ws = wb.addWorksheet(sheetName(s.title, i, used));
    const widths = new Map<number, number>();
    for (const t of s.tables) t.columns.forEach((c, k) => widths.set(k + 1, Math.max(widths.get(k + 1) ?? 12, c.type === 'text' ? 40 : Math.min(18, c.header.length + 4))));
    widths.set(1, Math.max(widths.get(1) ?? 12, 40));
    for (const [k, w] of widths) ws.getColumn(k).width = w;
    ws.getRow(1).getCell(1).value = s.title;
    ws.getRow(1).getCell(1).font = { bold: true, size: 13 };
    ws.getRow(2).getCell(1).value = `${r.org.name} — số liệu tính đến ngày ${formatDateVi(r.asOf)} (sổ theo dõi từ ${formatDateVi(r.from)})`;
    ws.getRow(2).getCell(1).font = { italic: true };
    let row = 4;
    for (const p of s.paragraphs) ws.getRow(row++).getCell(1).value = p;
    row++;
    for (const t of s.tables) row = writeTable(ws, row, t);
    if (s.chart) {
      const data = chartRows(s.chart);
      row = writeTable(ws, row, {
        title: `Biểu đồ: ${s.chart.title}`,
        columns: [{ key: 'category', header: '', type: 'text' }, ...s.chart.series.map((x) => ({ key: x.name, header: x.name, type: s.chart!.unit === 'pct' ? ('pct' as const) : ('int' as const) }))],
        rows: data,
      });
    }
    for (const n of s.notes) ws.getRow(row++).getCell(1).value = `Ghi chú: ${n}`;
  });
  if (r.missing.length) {
    const ws = wb.addWorksheet('Chưa có số liệu');
    ws.getColumn(1).width = 60;
    ws.getRow(1).getCell(1).value = 'Các phần chưa có số liệu trong hệ thống';
    r.missing.forEach((m, i) => (ws.getRow(i + 2).getCell(1).value = m));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
