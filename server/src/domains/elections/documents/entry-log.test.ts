import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { describeEntry, entryLogPdf, entryLogRows, entryLogXlsx } from './entry-log.ts';
import { dateTimeVi } from './format.ts';
import { committeeView, entryLogFixture } from './test-fixtures.ts';
import { hasTool, pdfPageCount, pdfText } from './test-support.ts';

const poppler = hasTool('pdftotext');
if (!poppler) console.warn('pdftotext (poppler-utils) not installed: the entry log PDF text is not read back');

const generatedAt = new Date(Date.UTC(2025, 4, 12, 9, 0, 0));

describe('entry log rows', () => {
  const rows = entryLogRows(committeeView(), entryLogFixture());

  it('keeps every save in order, telling entries, corrections and the chief’s resolutions apart', () => {
    expect(rows.map((r) => [r.round, r.serial, r.team, r.action])).toEqual([
      [1, 1, 'Tổ A', 'Nhập'],
      [1, 1, 'Tổ B', 'Nhập'],
      [1, 2, 'Tổ A', 'Nhập'],
      [1, 2, 'Tổ B', 'Nhập'],
      [1, 2, 'Tổ B', 'Sửa'],
      [1, 3, 'Tổ A', 'Nhập'],
      [1, 3, 'Tổ B', 'Nhập'],
      [1, 3, 'Trưởng ban', 'Quyết định khi đối chiếu'],
      // A new round starts over: the first save of serial 1 in round 2 is an entry, not a correction.
      [2, 1, 'Tổ A', 'Nhập'],
      [2, 1, 'Tổ A', 'Sửa'],
    ]);
    expect(rows[4]!.reason).toBe('Gõ nhầm số 11');
    expect(rows[7]!.reason).toBe('Đối chiếu phiếu giấy: không có dấu');
  });

  it('says what was typed, who typed it (full name and account) and when, in Vietnam time', () => {
    expect(rows[0]!.typed).toBe('Gạch tên số 3, 7');
    expect(rows[2]!.typed).toBe('Không gạch tên nào');
    expect(rows[5]!.typed).toBe('Phiếu không hợp lệ — Phiếu không có dấu của cấp ủy triệu tập đại hội');
    expect(rows[8]!.typed).toBe('số 1: Đồng ý; số 2: Đánh cả hai ô; số 3: Không đánh dấu; số 4: Không đồng ý');
    expect(rows[0]!.who).toBe('Vi Văn Sơn (nhapphieu.a)');
    expect(rows[7]!.who).toBe('Lương Thị Thu (kiemphieu)');
    // An account no longer on the committee still shows by its name.
    expect(rows[9]!.who).toBe('người.lạ');
    expect(rows[0]!.at).toBe('12/05/2025 14:30:01');
    expect(dateTimeVi('2025-12-31T17:00:00Z')).toBe('01/01/2026 00:00:00');
    expect(describeEntry({ kind: 'invalid', reason: 'OTHER_COMMITTEE_RULING', note: 'Ký tên' })).toBe(
      'Phiếu không hợp lệ — Ban kiểm phiếu kết luận phiếu không hợp lệ vì lý do khác: Ký tên',
    );
  });
});

describe('entry log files', () => {
  it('XLSX: a filterable sheet of every save and the list of names', async () => {
    const buf = await entryLogXlsx(committeeView(), entryLogFixture(), generatedAt);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Nhật ký nhập phiếu');
    expect(ws).toBeDefined();
    const values = (n: number) => (ws!.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['NHẬT KÝ NHẬP PHIẾU']);
    expect(String(values(2)[0])).toContain('Đại hội Đảng bộ thành phố Móng Cái');
    expect(String(values(3)[0])).toContain('10 lượt lưu, trong đó 2 lượt sửa và 1 quyết định của Trưởng ban');
    expect(values(6)).toEqual(['STT', 'Vòng', 'Số phiếu', 'Tổ', 'Thao tác', 'Nội dung nhập', 'Lý do', 'Người nhập', 'Thời điểm']);
    expect(values(11)).toEqual([5, 1, 2, 'Tổ B', 'Sửa', 'Không gạch tên nào', 'Gõ nhầm số 11', 'Chu Thị Mai (nhapphieu.b)', '12/05/2025 14:30:09']);
    expect(ws!.rowCount).toBe(6 + 10);
    expect(ws!.autoFilter).toBeDefined();
    const list = wb.getWorksheet('Danh sách bầu cử');
    expect((list!.getRow(12).values as unknown[]).slice(1)).toEqual([11, 'Dương Văn Phúc']);
  });

  it('PDF: a landscape table that reads back with the diacritics', async () => {
    const pdf = await entryLogPdf(committeeView(), entryLogFixture(), generatedAt);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    if (!poppler) return;
    const text = pdfText(pdf);
    expect(text).toContain('NHẬT KÝ NHẬP PHIẾU');
    expect(text).toContain('Gõ nhầm số 11');
    expect(text).toContain('Lương Thị Thu');
    expect(text).toContain('12/05/2025');
    expect(text).toContain('Xuất lúc 12/05/2025 16:00:00');
  });
});
