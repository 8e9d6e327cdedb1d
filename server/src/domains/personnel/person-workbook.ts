import ExcelJS from 'exceljs';
import { type Cell } from '../organizations/tree-import-rules.ts';
import { foldVietnamese as foldKey } from '../../../../shared/src/text.ts';
import { toCell } from '../organizations/tree-workbook.ts';
import { type PersonColumn, personColumns, type PersonSheetRow, requiredPersonColumns } from './person-import-rules.ts';

export class PersonWorkbookError extends Error {}

const columnOrder = Object.keys(personColumns) as PersonColumn[];
const headerToColumn = new Map<string, PersonColumn>();
for (const k of columnOrder) {
  headerToColumn.set(foldKey(personColumns[k]), k);
  headerToColumn.set(k.toLowerCase(), k);
}

/** Reads the first sheet: row 1 holds the headers (in any order), rows numbered as Excel shows them. */
export async function readPeopleWorkbook(buffer: Buffer): Promise<PersonSheetRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new PersonWorkbookError('Không đọc được tệp Excel (.xlsx). Tệp có thể bị hỏng hoặc không phải định dạng .xlsx.');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new PersonWorkbookError('Tệp Excel không có trang tính nào.');
  const header = ws.getRow(1);
  const map = new Map<number, PersonColumn>();
  for (let c = 1; c <= Math.max(ws.columnCount, columnOrder.length); c++) {
    const cell = toCell(header.getCell(c).value);
    const key = cell.kind === 'text' ? headerToColumn.get(foldKey(cell.value)) : undefined;
    if (key) map.set(c, key);
  }
  const missing = requiredPersonColumns.filter((k) => ![...map.values()].includes(k));
  if (missing.length) throw new PersonWorkbookError(`Thiếu cột: ${missing.map((m) => personColumns[m]).join(', ')}. Hãy dùng tệp mẫu.`);
  const rows: PersonSheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const cells: Partial<Record<PersonColumn, Cell>> = {};
    map.forEach((col, c) => {
      cells[col] = toCell(r.getCell(c).value);
    });
    if (Object.values(cells).every((c) => c.kind === 'empty')) return;
    rows.push({ row: n, cells });
  });
  return rows;
}

/** The template: headers, one example row, and a sheet explaining each column. */
export async function peopleTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Đại Hội';
  wb.created = new Date(0);
  const ws = wb.addWorksheet('Can bo');
  ws.columns = columnOrder.map((k) => ({ header: personColumns[k], key: k, width: k === 'fullName' || k === 'postTitle' || k === 'homePlace' ? 30 : 16 }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  // Dates typed as text dd/mm/yyyy stay unambiguous whatever the reader's Excel locale is.
  ws.addRow({
    code: 'CB0001',
    fullName: 'Nguyễn Thị Hương',
    birthDate: '15/03/1978',
    gender: 'Nữ',
    ethnicity: 'Kinh',
    homePlace: 'Phường Ka Long, thành phố Móng Cái',
    education: 'Thạc sĩ Quản lý kinh tế',
    politicalTheory: 'Cao cấp',
    partyJoinDate: '03/02/2002',
    orgCode: 'MA-TO-CHUC',
    postTitle: 'Phó Bí thư Thành ủy',
    sciTech: 'Không',
    retirementDate: '',
  });
  const help = wb.addWorksheet('Huong dan');
  help.columns = [
    { header: 'Cột', key: 'col', width: 34 },
    { header: 'Cách ghi', key: 'how', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  const how: Record<PersonColumn, string> = {
    code: 'Không bắt buộc. Có mã thì nhập lại sẽ cập nhật đúng người đó.',
    fullName: 'Bắt buộc, có dấu đầy đủ.',
    birthDate: 'Bắt buộc, dd/mm/yyyy.',
    gender: 'Bắt buộc: Nam hoặc Nữ.',
    ethnicity: 'Mặc định Kinh.',
    homePlace: 'Không bắt buộc.',
    education: 'Không bắt buộc.',
    politicalTheory: 'Sơ cấp, Trung cấp, Cao cấp hoặc Chưa qua đào tạo.',
    partyJoinDate: 'dd/mm/yyyy, sau ngày sinh.',
    orgCode: 'Bắt buộc: mã tổ chức đảng nơi cán bộ sinh hoạt, trong phạm vi quản lý của bạn.',
    postTitle: 'Không bắt buộc; ghi chức vụ chính hiện nay.',
    sciTech: 'Có hoặc Không.',
    retirementDate: 'Chỉ ghi khi khác lộ trình Nghị định 135/2020/NĐ-CP; để trống thì hệ thống tự tính.',
  };
  for (const k of columnOrder) help.addRow({ col: personColumns[k], how: how[k] });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
