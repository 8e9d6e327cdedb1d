import ExcelJS from 'exceljs';

export type SheetColumn = { header: string; key: string; width?: number; type?: 'text' | 'int' | 'pct' | 'date' };
export type SheetSpec = { name: string; title: string; subtitle: string; columns: SheetColumn[]; rows: Record<string, unknown>[] };

/**
 * Dashboard views as an Excel workbook, in Vietnamese: a title, a subtitle ("Số liệu tính đến
 * ngày …"), bold headers, real numbers and dates with formats (#,##0; 0,00 %; dd/mm/yyyy) so the
 * figures stay computable and Vietnamese Excel shows 1.234 and 97,34%.
 */
export async function writeWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Đại Hội';
  wb.created = new Date(0);
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 3 }] });
    ws.columns = s.columns.map((c) => ({ key: c.key, width: c.width ?? (c.type === 'date' ? 13 : c.type === 'pct' ? 11 : Math.max(12, Math.min(30, c.header.length + 2))) }));
    const titleRow = ws.getRow(1);
    titleRow.getCell(1).value = s.title;
    titleRow.getCell(1).font = { bold: true, size: 13 };
    ws.getRow(2).getCell(1).value = s.subtitle;
    ws.getRow(2).getCell(1).font = { italic: true };
    const header = ws.getRow(3);
    s.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: 'middle' };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    header.height = 32;
    s.rows.forEach((r, idx) => {
      const row = ws.getRow(4 + idx);
      s.columns.forEach((c, i) => {
        const v = r[c.key];
        const cell = row.getCell(i + 1);
        if (v === null || v === undefined || v === '') return;
        if (c.type === 'date' && typeof v === 'string') {
          const [y, m, d] = v.split('-').map(Number);
          cell.value = new Date(Date.UTC(y!, m! - 1, d!));
          cell.numFmt = 'dd/mm/yyyy';
        } else if (c.type === 'pct' && typeof v === 'number') {
          cell.value = v;
          cell.numFmt = '0.00%';
        } else if (c.type === 'int' && typeof v === 'number') {
          cell.value = v;
          cell.numFmt = '#,##0';
        } else cell.value = String(v);
      });
      if (r._bold) row.font = { bold: true };
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
