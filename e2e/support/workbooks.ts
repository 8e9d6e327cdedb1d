import ExcelJS from 'exceljs';

/** The columns of the import template, as a user sees them in Excel. */
export const templateHeader = ['Mã', 'Tên tổ chức', 'Mã cấp trên', 'Loại tổ chức', 'Khối, loại hình', 'Đảng viên chính thức', 'Đảng viên dự bị', 'Ngày thành lập'];

export type SheetCell = string | number | { formula: string };

/** An .xlsx file the way a district's staff would fill the template. */
export async function buildWorkbook(rows: SheetCell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('To chuc');
  ws.addRow(templateHeader);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readFirstSheet(data: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const out: string[][] = [];
  ws.eachRow((row) => {
    const values = row.values as unknown[];
    out.push(values.slice(1).map((v) => (v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))));
  });
  return out;
}

export const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
