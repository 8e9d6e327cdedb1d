import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { delegateKindLabels, type DelegateKind } from '../../../../shared/src/contracts/delegates.ts';
import { qrCanvas } from '../elections/documents/ballot-pdf.ts';
import { CM, renderPdf } from '../elections/documents/pdf.ts';

// Delegate badges: one per A6 page (for a badge printer) or four per A4 sheet (cut along the
// dashed lines). The QR code holds exactly the code printed under it, so a phone camera and a
// clerk typing at the door read the same thing.

export type Badge = { fullName: string; delegation: string; kind: DelegateKind; position: string | null; code: string };
export type BadgeLayout = 'a6' | 'a4';

const A6 = { w: 10.5 * CM, h: 14.8 * CM };
const KIND_TITLE: Record<DelegateKind, string> = { official: 'ĐẠI BIỂU CHÍNH THỨC', exOfficio: 'ĐẠI BIỂU CHÍNH THỨC', appointed: 'ĐẠI BIỂU CHÍNH THỨC', alternate: 'ĐẠI BIỂU DỰ KHUYẾT' };

function badgeContent(b: Badge, congressTitle: string, width: number): Content {
  const qr = 5.2 * CM;
  return {
    stack: [
      { text: 'ĐẢNG CỘNG SẢN VIỆT NAM', alignment: 'center', fontSize: 8, bold: true, color: '#b71c1c' },
      { text: congressTitle.toLocaleUpperCase('vi'), alignment: 'center', fontSize: 10, bold: true, margin: [0, 4, 0, 0] },
      { canvas: [{ type: 'line', x1: width / 2 - 1.5 * CM, y1: 0, x2: width / 2 + 1.5 * CM, y2: 0, lineWidth: 0.8, lineColor: '#b71c1c' }], margin: [0, 5, 0, 6] },
      { text: KIND_TITLE[b.kind], alignment: 'center', fontSize: 13, bold: true, color: b.kind === 'alternate' ? '#555555' : '#b71c1c' },
      { text: b.fullName, alignment: 'center', fontSize: b.fullName.length > 24 ? 15 : 18, bold: true, margin: [0, 8, 0, 2] },
      ...(b.position ? [{ text: b.position, alignment: 'center' as const, fontSize: 9, italics: true }] : []),
      { text: b.kind === 'exOfficio' ? delegateKindLabels.exOfficio : `Đoàn: ${b.delegation}`, alignment: 'center', fontSize: 9.5, margin: [0, 3, 0, 8] },
      { columns: [{ width: '*', text: '' }, { width: qr, ...(qrCanvas(b.code, qr) as object) } as Content, { width: '*', text: '' }] },
      { text: b.code, alignment: 'center', fontSize: 11, bold: true, characterSpacing: 0.6, margin: [0, 4, 0, 0] },
      { text: 'Xuất trình thẻ khi vào hội trường', alignment: 'center', fontSize: 7.5, color: '#666666', margin: [0, 2, 0, 0] },
    ],
  };
}

export async function badgesPdf(congressTitle: string, badges: readonly Badge[], layout: BadgeLayout): Promise<Buffer> {
  const pad = 0.6 * CM;
  if (layout === 'a6' || badges.length === 0) {
    const doc: TDocumentDefinitions = {
      pageSize: { width: A6.w, height: A6.h },
      pageMargins: [pad, pad, pad, pad],
      info: { title: `Thẻ đại biểu — ${congressTitle}` },
      content: badges.length === 0 ? [{ text: 'Chưa có đại biểu trong danh sách.' }] : badges.map((b, i) => ({ ...(badgeContent(b, congressTitle, A6.w - 2 * pad) as object), ...(i > 0 ? { pageBreak: 'before' as const } : {}) }) as Content),
    };
    return renderPdf(doc);
  }
  // Four per A4 sheet: a 2 × 2 table of A6 cells, cut marks as dashed cell borders.
  const rows: Content[][] = [];
  for (let i = 0; i < badges.length; i += 2) {
    const pair = badges.slice(i, i + 2);
    rows.push(pair.map((b) => badgeContent(b, congressTitle, A6.w - 2 * pad)).concat(pair.length === 1 ? [{ text: '' }] : []));
  }
  const dashed = () => ({ length: 3, space: 3 });
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [0, 0.3 * CM, 0, 0],
    info: { title: `Thẻ đại biểu — ${congressTitle}` },
    content: [
      {
        table: { widths: [A6.w - 2 * pad - 1, A6.w - 2 * pad - 1], heights: 14.4 * CM - 2 * pad, dontBreakRows: true, body: rows },
        layout: {
          hLineWidth: () => 0.4,
          vLineWidth: () => 0.4,
          hLineColor: () => '#aaaaaa',
          vLineColor: () => '#aaaaaa',
          hLineStyle: () => ({ dash: dashed() }),
          vLineStyle: () => ({ dash: dashed() }),
          paddingLeft: () => pad,
          paddingRight: () => pad,
          paddingTop: () => pad,
          paddingBottom: () => pad,
        },
      },
    ],
  };
  return renderPdf(doc);
}
