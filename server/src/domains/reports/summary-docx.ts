import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { type ReportChart, reportCellText, type ReportSection, type ReportTable, type SummaryReport } from '../../../../shared/src/contracts/reports.ts';
import { formatDateVi, formatNumberVi } from '../../../../shared/src/format.ts';
import { DOCX_FONT, DOCX_LINE } from '../elections/documents/minutes-docx.ts';
import { dateLineVi, upperVi } from '../elections/documents/format.ts';

// The summary report as a Word document, set like the counting minutes (minutes-docx.ts): A4,
// Times New Roman 13 pt, line spacing 1.2 for stacked diacritics, margins of Nghị định 30/2020.
// Text from users goes into text runs only, never into fields or markup, so it cannot act.
// A chart becomes a table of bars drawn with block characters: it prints, it copies, and
// Word and LibreOffice show it the same.

const SIZE = 26;
const SMALL = 22;
const TINY = 18;
const CONTENT_TWIPS = convertMillimetersToTwip(210 - 30 - 20);
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
const BAR_WIDTH = 30;

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; color?: string; underline?: boolean } = {}) =>
  new TextRun({ text, bold: o.bold, italics: o.italics, size: o.size ?? SIZE, font: DOCX_FONT, color: o.color, underline: o.underline ? {} : undefined });

function para(children: ParagraphChild[], o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; before?: number; after?: number; indent?: number; keepNext?: boolean } = {}) {
  return new Paragraph({
    children,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { line: DOCX_LINE, lineRule: LineRuleType.AUTO, before: o.before ?? 0, after: o.after ?? 80 },
    indent: o.indent ? { firstLine: o.indent } : undefined,
    keepNext: o.keepNext,
  });
}

function grid(head: string[], rows: { text: string; align: 'left' | 'right' | 'center'; color?: string; size?: number }[][], weights: number[], size = SMALL): Table {
  const total = weights.reduce((s, w) => s + w, 0);
  const widths = weights.map((w) => Math.round((w / total) * CONTENT_TWIPS));
  const align = (a: 'left' | 'right' | 'center') => (a === 'right' ? AlignmentType.RIGHT : a === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);
  const cell = (children: Paragraph[], i: number, header = false) =>
    new TableCell({
      children,
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 30, bottom: 30, left: 70, right: 70 },
      shading: header ? { type: ShadingType.CLEAR, fill: 'EDEDED', color: 'auto' } : undefined,
    });
  return new Table({
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell([para([run(h, { bold: true, size })], { align: AlignmentType.CENTER, after: 0 })], i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell([para([run(c.text, { size: c.size ?? size, color: c.color })], { align: align(c.align), after: 0 })], i)) })),
    ],
  });
}

function reportTable(t: ReportTable): (Paragraph | Table)[] {
  if (t.rows.length === 0) return [para([run(`${t.title}: không có số liệu.`, { italics: true })])];
  // Dates and percentages must not wrap ("31/08/2020", "100,00%"); wide tables use a smaller font.
  const weights = t.columns.map((c) => (c.type === 'text' ? 3 : c.type === 'date' ? 1.9 : c.type === 'pct' ? 1.6 : 1.2));
  const size = t.columns.length >= 8 ? TINY : SMALL;
  return [
    para([run(t.title, { bold: true, italics: true })], { keepNext: true, before: 60 }),
    grid(
      t.columns.map((c) => c.header),
      t.rows.map((r) => t.columns.map((c) => ({ text: reportCellText(r[c.key], c.type), align: c.type === 'text' ? 'left' : 'right' }) as const)),
      weights,
      size,
    ),
    para([], { after: 60 }),
  ];
}

function chartTable(ch: ReportChart): (Paragraph | Table)[] {
  const max = Math.max(ch.unit === 'pct' ? 100 : 0, ...ch.series.flatMap((s) => s.values));
  const colors = ['B3261E', '1D4ED8', '15803D'];
  const rows = ch.categories.flatMap((cat, i) =>
    ch.series.map((s, k) => {
      const v = s.values[i] ?? 0;
      const len = max > 0 ? Math.round((v / max) * BAR_WIDTH) : 0;
      return [
        { text: k === 0 ? cat : '', align: 'left' as const },
        { text: ch.series.length > 1 ? s.name : '', align: 'left' as const },
        { text: ch.unit === 'pct' ? `${formatNumberVi(v, 2)}%` : formatNumberVi(v), align: 'right' as const },
        { text: '█'.repeat(len) || '·', align: 'left' as const, color: colors[k % colors.length], size: 14 },
      ];
    }),
  );
  return [para([run(`Biểu đồ: ${ch.title}`, { bold: true, italics: true })], { keepNext: true, before: 60 }), grid(['', ch.series.length > 1 ? 'Chỉ số' : '', 'Giá trị', ''], rows, ch.series.length > 1 ? [3, 1.6, 1.4, 4] : [3.6, 0.1, 1.4, 4.6]), para([], { after: 60 })];
}

function section(s: ReportSection, i: number): (Paragraph | Table)[] {
  return [
    para([run(`${ROMAN[i] ?? i + 1}. ${upperVi(s.title)}`, { bold: true })], { align: AlignmentType.LEFT, before: 200, keepNext: true }),
    ...s.paragraphs.map((p) => para([run(p)], { indent: 567 })),
    ...s.tables.flatMap(reportTable),
    ...(s.chart ? chartTable(s.chart) : []),
    ...s.notes.map((nt) => para([run(`Ghi chú: ${nt}`, { italics: true, size: SMALL })], { indent: 567 })),
  ];
}

export function summaryDocxDocument(r: SummaryReport, generatedAt: Date): Document {
  const left = Math.round(CONTENT_TWIPS * 0.45);
  const right = CONTENT_TWIPS - left;
  const col = (children: Paragraph[], w: number) => new TableCell({ children, width: { size: w, type: WidthType.DXA }, borders: { top: none, bottom: none, left: none, right: none } });
  const center = (t: string, o: Parameters<typeof run>[1] = {}) => para([run(t, o)], { align: AlignmentType.CENTER, after: 0 });
  const letterhead = new Table({
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [
      new TableRow({
        children: [
          col([center(upperVi(r.org.name), { size: 24 }), center('*', { size: 24 })], left),
          // "ĐẢNG CỘNG SẢN VIỆT NAM" is underlined, as on every party document.
          col([center('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true }), center(dateLineVi(generatedAt), { italics: true })], right),
        ],
      }),
    ],
  });
  const body: (Paragraph | Table)[] = [
    letterhead,
    para([run('BÁO CÁO', { bold: true, size: 30 })], { align: AlignmentType.CENTER, before: 360, after: 0 }),
    para([run(`Tổng kết ${r.campaign.name}`, { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
    para([run(`Phạm vi: ${r.org.name}. Số liệu tính đến ngày ${formatDateVi(r.asOf)}; các sổ theo dõi tính từ ngày ${formatDateVi(r.from)}.`, { italics: true })], { align: AlignmentType.CENTER, after: 240 }),
    ...r.sections.flatMap(section),
  ];
  if (r.missing.length)
    body.push(para([run(`Các phần chưa có số liệu trong hệ thống: ${r.missing.join('; ')}.`, { italics: true })], { before: 200 }));
  return new Document({
    creator: 'Đại Hội',
    title: `Báo cáo tổng kết — ${r.campaign.name} — ${r.org.name}`,
    styles: { default: { document: { run: { font: DOCX_FONT, size: SIZE }, paragraph: { spacing: { line: DOCX_LINE, lineRule: LineRuleType.AUTO } } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(20) },
          },
        },
        children: body,
      },
    ],
  });
}

export async function summaryDocx(r: SummaryReport, generatedAt: Date): Promise<Buffer> {
  return Packer.toBuffer(summaryDocxDocument(r, generatedAt));
}
