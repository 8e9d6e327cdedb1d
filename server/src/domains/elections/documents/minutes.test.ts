import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { figure, parsePercentVi, percentFigure } from './format.ts';
import { minutesResultFromView } from './from-view.ts';
import { DOCX_FONT, DOCX_LINE, minutesDocx } from './minutes-docx.ts';
import { buildMinutes, type MinutesContext, type MinutesModel, minutesText } from './minutes-model.ts';
import { minutesPdf } from './minutes-pdf.ts';
import { committeeView, setupView, tieBreakView, tiedView, unfilledView } from './test-fixtures.ts';
import { hasTool, pdfPageCount, pdfText } from './test-support.ts';

const poppler = hasTool('pdftotext');
if (!poppler) console.warn('pdftotext (poppler-utils) not installed: the minutes PDF text is not read back');

// 08:45 UTC is 15:45 in Hà Nội: the minutes are dated in Vietnam time.
const ctx: MinutesContext = { countedAt: new Date(Date.UTC(2025, 4, 12, 8, 45)), upperOrgName: 'Đảng bộ tỉnh Quảng Ninh', generatedAt: new Date(Date.UTC(2025, 5, 1)) };

function minutesOf(v: ReturnType<typeof committeeView>, c: MinutesContext = ctx): MinutesModel {
  const r = minutesResultFromView(v);
  if (!r) throw new Error('not counted');
  return buildMinutes(v, r, c);
}

async function docxXml(m: MinutesModel): Promise<string> {
  const zip = await JSZip.loadAsync(await minutesDocx(m));
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('no document.xml');
  return xml;
}
/** The visible text of a paragraph-rich XML, runs joined (Word splits text into runs freely). */
const xmlText = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('\n');

describe('figures in words', () => {
  it('writes numbers and percentages in Vietnamese words from the very digits printed', () => {
    expect(figure(48)).toBe('48 (bốn mươi tám)');
    expect(figure(1234)).toBe('1.234 (một nghìn hai trăm ba mươi tư)');
    expect(percentFigure('66,67%')).toBe('66,67% (sáu mươi sáu phẩy sáu mươi bảy phần trăm)');
    expect(percentFigure('52,08%')).toBe('52,08% (năm mươi hai phẩy không tám phần trăm)');
    expect(percentFigure('100,00%')).toBe('100,00% (một trăm phần trăm)');
    expect(parsePercentVi('1.234,5%')).toEqual({ scaled: 12345, decimals: 1 });
    expect(() => parsePercentVi('66.67%')).toThrow(RangeError);
  });
});

describe('counting minutes model', () => {
  const m = minutesOf(committeeView());
  const text = minutesText(m);

  it('has the letterhead, the date in Vietnam time and the election', () => {
    expect(text).toContain('ĐẢNG BỘ TỈNH QUẢNG NINH\nĐẠI HỘI ĐẢNG BỘ THÀNH PHỐ MÓNG CÁI\nBAN KIỂM PHIẾU');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('ngày 12 tháng 05 năm 2025');
    expect(text).toContain('Hồi 15 giờ 45 phút, ngày 12/05/2025');
    expect(text).toContain('BIÊN BẢN KIỂM PHIẾU\nBầu Ban Chấp hành Đảng bộ thành phố khóa XXV, nhiệm kỳ 2025–2030');
    expect(text).toContain('Quyết định số 190-QĐ/TW');
  });

  it('has summoned, each excluded category, D with formula and source, present and the ballots, all in words', () => {
    expect(text).toContain('Tổng số đại biểu chính thức được triệu tập: 50 (năm mươi).');
    expect(text).toContain('– Cấp ủy viên cấp triệu tập đại hội vắng mặt suốt thời gian đại hội: 0 (không).');
    expect(text).toContain('– Đại biểu chính thức vắng mặt suốt thời gian đại hội không có đại biểu dự khuyết thay thế: 2 (hai).');
    expect(text).toContain('Số làm căn cứ tính kết quả bầu cử (D): 48 (bốn mươi tám).');
    expect(text).toMatch(/Cách tính: 48 = 50 − 2\. Căn cứ: QĐ 190-QĐ\/TW Đ30 K3/);
    expect(text).toContain('từ 25 (hai mươi lăm) phiếu trở lên');
    expect(text).toContain('Số đại biểu chính thức có mặt khi bỏ phiếu: 47 (bốn mươi bảy).');
    expect(text).toContain('Số phiếu phát ra: 47 (bốn mươi bảy).');
    expect(text).toContain('Số phiếu thu vào: 46 (bốn mươi sáu).');
    expect(text).toContain('Số phiếu hợp lệ: 44 (bốn mươi tư).');
    expect(text).toContain('Số phiếu không hợp lệ: 2 (hai), trong đó:');
    expect(text).toContain('– Phiếu để lại nhiều tên hơn số lượng cần bầu: 1 (một).');
    expect(text).toContain('– Phiếu không có dấu của cấp ủy triệu tập đại hội: 1 (một).');
  });

  it('lists every candidate in ballot order with votes and % of D, then the elected in vote order', () => {
    const [all, elected] = m.blocks.filter((b) => b.kind === 'table');
    expect(all!.rows.map((r) => r[1]!.text)).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Lê Văn Cường',
      'Phạm Thị Dung',
      'Hoàng Văn Em',
      'Vũ Thị Giang',
      'Đặng Văn Hùng',
      'Bùi Thị Lan',
      'Đỗ Văn Minh',
      'Ngô Thị Nga',
      'Dương Văn Phúc',
    ]);
    expect(text).toContain('1 | Nguyễn Văn An | 32 (ba mươi hai) | 66,67% (sáu mươi sáu phẩy sáu mươi bảy phần trăm)');
    expect(text).toContain('4 | Phạm Thị Dung | 24 (hai mươi tư) | 50,00% (năm mươi phần trăm)');
    // Exactly half of D is not elected (Charter Đ12 K3: "quá một nửa").
    const names = elected!.rows.map((r) => r[1]!.text);
    expect(names).toEqual(['Dương Văn Phúc', 'Đặng Văn Hùng', 'Trần Thị Bình', 'Hoàng Văn Em', 'Bùi Thị Lan', 'Nguyễn Văn An', 'Vũ Thị Giang', 'Đỗ Văn Minh', 'Ngô Thị Nga', 'Lê Văn Cường']);
    expect(names).not.toContain('Phạm Thị Dung');
    expect(elected!.rows.map((r) => r[0]!.text)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(text).toContain('Số lượng cần bầu: 10 (mười); số đã trúng cử: 10 (mười).');
    expect(text).not.toContain('NGANG PHIẾU');
  });

  it('writes every figure it states in words as well', () => {
    for (const b of m.blocks) {
      // Bold runs that start with a digit are the figures ("48 (bốn mươi tám)"); the formula is the one exception.
      const figures = b.kind === 'para' ? b.runs.filter((x) => x.bold && /^\d/.test(x.text) && !x.text.includes('=')) : [];
      for (const r of figures) expect(r.text).toMatch(/^[\d.,%]+ \([^()\d]+\)( trên [\d.]+ \([^()\d]+\))?$/u);
      if (b.kind === 'table') for (const row of b.rows) for (const c of row.slice(2)) expect(c.words).toMatch(/^\([^()\d]+\)$/u);
    }
  });

  it('has the signature blocks of the counting committee, chief first', () => {
    expect(m.signatures.people).toEqual([
      { role: 'TRƯỞNG BAN', name: 'Lương Thị Thu' },
      { role: 'THÀNH VIÊN', name: 'Vi Văn Sơn' },
      { role: 'THÀNH VIÊN', name: 'Chu Thị Mai' },
    ]);
    expect(text).toContain('1. Đồng chí Lương Thị Thu – Trưởng ban.');
  });

  it('reports a tie at the cut-off and the round that follows', () => {
    const tie = minutesText(minutesOf(tiedView()));
    expect(tie).toContain('TRƯỜNG HỢP NGANG PHIẾU');
    expect(tie).toContain('nhiều hơn số chỗ còn lại là 1 (một): Lê Văn Cường: 15 (mười lăm) phiếu; Phạm Thị Dung: 15 (mười lăm) phiếu.');
    expect(tie).toContain('Số lượng cần bầu: 3 (ba); số đã trúng cử: 2 (hai).');

    const second = minutesOf(tieBreakView());
    const t2 = minutesText(second);
    expect(second.subtitle).toEqual(['Bầu Chi ủy Chi bộ khu phố 3, nhiệm kỳ 2025–2027', 'Vòng 2: bầu lại giữa những người ngang phiếu']);
    expect(t2).toContain('không cần phải quá một nửa');
    expect(t2).not.toContain('phiếu trở lên');
    expect(t2).toContain('1 | Lê Văn Cường | 11 (mười một) | 44,00% (bốn mươi tư phần trăm)');
    expect(t2).toContain('Số đã trúng cử: 3 (ba) trên 3 (ba): Nguyễn Văn An, Trần Thị Bình, Phạm Thị Dung.');
    expect(second.fileBase).toMatch(/^bien-ban-kiem-phieu-31-vong-2-/);
  });

  it('reports unfilled seats and alternates for delegates to the upper congress', () => {
    const u = minutesText(minutesOf(unfilledView()));
    expect(u).toContain('trúng cử đại biểu chính thức');
    expect(u).toContain('SỐ LƯỢNG CHƯA BẦU ĐỦ');
    expect(u).toContain('Số đại biểu chính thức còn thiếu so với số lượng cần bầu: 1 (một).');
    expect(u).toContain('Số đại biểu dự khuyết còn thiếu: 1 (một).');
    expect(u).toContain('– Ban kiểm phiếu kết luận phiếu không hợp lệ vì lý do khác: 1 (một).');
  });

  it('leaves the time out and dots for the place when the counting time is unknown', () => {
    const t = minutesText(minutesOf(committeeView(), { countedAt: null, upperOrgName: null, generatedAt: new Date(Date.UTC(2025, 4, 31, 20, 0)) }));
    expect(t).not.toContain('Hồi ');
    expect(t).toContain('…………, ngày 01 tháng 06 năm 2025');
    expect(t.startsWith('ĐẠI HỘI ĐẢNG BỘ THÀNH PHỐ MÓNG CÁI')).toBe(true);
  });

  it('exists only for a counted round', () => {
    expect(minutesResultFromView(setupView())).toBeNull();
    const v = tieBreakView();
    expect(minutesResultFromView(v)?.round).toBe(2);
    expect(minutesResultFromView(v, 1)?.round).toBe(1);
    expect(minutesResultFromView(v, 3)).toBeNull();
  });
});

describe('minutes DOCX', () => {
  it('holds the Vietnamese figures in words and the names, in Times New Roman at 1.2 line spacing', async () => {
    const xml = await docxXml(minutesOf(committeeView()));
    const text = xmlText(xml);
    expect(text).toContain('BIÊN BẢN KIỂM PHIẾU');
    expect(text).toContain('Số làm căn cứ tính kết quả bầu cử (D): 48 (bốn mươi tám).');
    expect(text).toContain('(sáu mươi sáu phẩy sáu mươi bảy phần trăm)');
    expect(text).toContain('Số phiếu không hợp lệ: 2 (hai), trong đó:');
    for (const name of ['Nguyễn Văn An', 'Đặng Văn Hùng', 'Đỗ Văn Minh', 'Lương Thị Thu', 'Chu Thị Mai']) expect(text).toContain(name);
    expect(/<w:rFonts [^>]*>/.exec(xml)?.[0]).toContain(`w:ascii="${DOCX_FONT}"`);
    const lines = [...xml.matchAll(/w:line="(\d+)"/g)].map((x) => Number(x[1]));
    expect(lines.length).toBeGreaterThan(20);
    // Stacked diacritics need at least 1.15 lines (276 twentieths of a line).
    expect(Math.min(...lines)).toBeGreaterThanOrEqual(276);
    expect(DOCX_LINE).toBeGreaterThanOrEqual(276);
    // A4 page.
    const page = /<w:pgSz [^>]*>/.exec(xml)?.[0];
    expect(page).toContain('w:w="11906"');
    expect(page).toContain('w:h="16838"');
  });
});

describe('minutes PDF', () => {
  it('is a PDF whose text reads back with the diacritics', async () => {
    const pdf = await minutesPdf(minutesOf(committeeView()));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(4);
    if (!poppler) return;
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('BIÊN BẢN KIỂM PHIẾU');
    expect(text).toContain('48 (bốn mươi tám)');
    expect(text).toContain('66,67%');
    expect(text).toContain('(sáu mươi sáu phẩy sáu mươi bảy phần trăm)');
    expect(text).toContain('Phiếu không có dấu của cấp ủy triệu tập đại hội');
    expect(text).toContain('Lương Thị Thu');
    expect(text).toContain(`Trang ${pages}/${pages}`);
    // The signatures are not split: chief and members on the same page.
    const last = pdfText(pdf, pages);
    expect(last).toContain('TRƯỞNG BAN');
    expect(last).toContain('Chu Thị Mai');
  });
});
