import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Block, Cell, MinutesModel, Run } from './minutes-model.ts';
import { CM, renderPdf } from './pdf.ts';

// The counting minutes as a PDF: the same model as the DOCX, set in Roboto (embedded,
// full Vietnamese coverage) with 1.2 line spacing for the stacked diacritics.

const FONT_SIZE = 11.5;

const inline = (rs: Run[]) => rs.map((r) => ({ text: r.text, bold: r.bold ?? false, italics: r.italics ?? false }));

function cell(c: Cell): TableCell {
  const alignment = c.align ?? 'left';
  if (!c.words) return { text: c.text, bold: c.bold ?? false, alignment };
  return { stack: [{ text: c.text, bold: c.bold ?? false }, { text: c.words, italics: true, fontSize: FONT_SIZE - 2.5 }], alignment };
}

function table(b: Extract<Block, { kind: 'table' }>): Content {
  const total = b.widths.reduce((s, w) => s + w, 0);
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: b.widths.map((w) => `${(w / total) * 100}%`),
      body: [b.head.map((h): TableCell => ({ text: h, bold: true, alignment: 'center', fillColor: '#ededed' })), ...b.rows.map((row) => row.map(cell))],
    },
    layout: {
      hLineWidth: () => 0.6,
      vLineWidth: () => 0.6,
      paddingTop: () => 2,
      paddingBottom: () => 2,
      paddingLeft: () => 4,
      paddingRight: () => 4,
    },
    margin: [0, 2, 0, 8],
  };
}

function signatures(m: MinutesModel, closing: Content | undefined): Content[] {
  const people = m.signatures.people;
  if (people.length === 0) return closing ? [closing] : [];
  const rows: Content[] = [];
  for (let i = 0; i < people.length; i += 2) {
    rows.push({
      columns: [0, 1].map((k) => {
        const p = people[i + k];
        return p
          ? {
              width: '*',
              stack: [
                { text: p.role, bold: true },
                { text: '(Ký, ghi rõ họ tên)', italics: true, fontSize: FONT_SIZE - 2 },
                { text: p.name, bold: true, margin: [0, 1.8 * CM, 0, 0] },
              ],
              alignment: 'center',
            }
          : { width: '*', text: '' };
      }),
      margin: [0, 10, 0, 0],
    });
  }
  // The signatures stay together on one page (a committee rarely has more than a dozen).
  // The closing sentence goes with them, so the signature page never stands alone.
  return [{ stack: [...(closing ? [closing] : []), { text: m.signatures.heading, bold: true, alignment: 'center', margin: [0, 12, 0, 0] }, ...rows], unbreakable: rows.length <= 6 }];
}

export function minutesPdfDocument(m: MinutesModel): TDocumentDefinitions {
  const lines = (rows: Run[][], underlineFirst = false): Content[] =>
    rows.map((rs, i) => ({ text: inline(rs), alignment: 'center', decoration: underlineFirst && i === 0 ? 'underline' : undefined }));
  const content: Content[] = [
    {
      columns: [
        { width: '*', stack: lines(m.letterhead.left) },
        { width: '*', stack: lines(m.letterhead.right, true) },
      ],
      columnGap: 12,
    },
    { text: m.title, bold: true, fontSize: 15, alignment: 'center', margin: [0, 18, 0, 0] },
    { stack: m.subtitle.map((line) => ({ text: line, bold: true, alignment: 'center' as const })), margin: [0, 2, 0, 12] },
  ];
  for (const b of m.blocks) {
    if (b.kind === 'heading') content.push({ text: b.text, bold: true, margin: [0, 8, 0, 2] });
    else if (b.kind === 'para') {
      // "– item" lines: left-aligned, not stretched to the margin.
      const dash = b.runs[0]?.text.startsWith('– ') ?? false;
      content.push({ text: inline(b.runs), alignment: dash ? 'left' : (b.align ?? 'justify'), margin: [(b.indent ?? 0) * 0.6 * CM, 0, 0, 3] });
    }
    else content.push(table(b));
  }
  const closing = content.length > 3 ? content.pop() : undefined;
  content.push(...signatures(m, closing));
  return {
    pageSize: 'A4',
    pageMargins: [3 * CM, 2 * CM, 2 * CM, 2 * CM],
    info: { title: `${m.title} — ${m.subtitle.join(' — ')}`, creator: 'Đại Hội' },
    defaultStyle: { fontSize: FONT_SIZE, lineHeight: 1.2 },
    footer: (page, pages) => ({ text: `Trang ${page}/${pages}`, alignment: 'center', fontSize: 9, color: '#666666', margin: [0, 0.6 * CM, 0, 0] }),
    content,
  };
}

export async function minutesPdf(m: MinutesModel): Promise<Buffer> {
  return renderPdf(minutesPdfDocument(m));
}
