import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Block, Cell, MinutesModel, Run } from './minutes-model.ts';

// The counting minutes as a Word document, for the committee to print, sign, and (where a
// congress needs to) edit. Vietnamese administrative conventions (Nghị định 30/2020):
// A4, Times New Roman 13–14 pt, margins 20 mm top/bottom, 30 mm left, 15–20 mm right.
// Line spacing 1.2: stacked diacritics (ệ, ẫ, ộ…) need more than single spacing.

export const DOCX_FONT = 'Times New Roman';
/** 240 = single spacing; 288 = 1.2 lines. */
export const DOCX_LINE = 288;
const SIZE = 26; // half-points: 13 pt
const SMALL = 22; // 11 pt

const CONTENT_TWIPS = convertMillimetersToTwip(210 - 30 - 20);
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

const run = (r: Run, size = SIZE) => new TextRun({ text: r.text, bold: r.bold, italics: r.italics, size, font: DOCX_FONT });

type ParaOpts = {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  indent?: number;
  /** A hanging indent, for "– item" lines whose continuation aligns after the dash. */
  hanging?: number;
  before?: number;
  after?: number;
  keepNext?: boolean;
};

function para(runs: ParagraphChild[], opts: ParaOpts = {}) {
  return new Paragraph({
    children: runs,
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: { line: DOCX_LINE, lineRule: LineRuleType.AUTO, before: opts.before ?? 0, after: opts.after ?? 60 },
    indent: opts.indent || opts.hanging ? { left: (opts.indent ?? 0) + (opts.hanging ?? 0), hanging: opts.hanging } : undefined,
    keepNext: opts.keepNext,
  });
}

function cellParagraphs(c: Cell): Paragraph[] {
  const align = c.align === 'center' ? AlignmentType.CENTER : c.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  const out = [para([run({ text: c.text, bold: c.bold })], { align, after: 0 })];
  if (c.words) out.push(para([run({ text: c.words, italics: true }, SMALL)], { align, after: 0 }));
  return out;
}

function table(b: Extract<Block, { kind: 'table' }>): Table {
  const total = b.widths.reduce((s, w) => s + w, 0);
  const widths = b.widths.map((w) => Math.round((w / total) * CONTENT_TWIPS));
  const cell = (children: Paragraph[], i: number, header = false) =>
    new TableCell({
      children,
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      shading: header ? { fill: 'EDEDED' } : undefined,
    });
  return new Table({
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
    rows: [
      new TableRow({
        tableHeader: true,
        children: b.head.map((h, i) => cell([para([run({ text: h, bold: true })], { align: AlignmentType.CENTER, after: 0 })], i, true)),
      }),
      ...b.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(cellParagraphs(c), i)) })),
    ],
  });
}

function letterhead(m: MinutesModel): Table {
  const lines = (rows: Run[][], underline?: (i: number) => boolean, size = SIZE) =>
    rows.map((rs, i) => para(rs.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italics, size, font: DOCX_FONT, underline: underline?.(i) ? {} : undefined })), { align: AlignmentType.CENTER, after: 0 }));
  const left = Math.round(CONTENT_TWIPS * 0.46);
  const right = CONTENT_TWIPS - left;
  const col = (children: Paragraph[], w: number) => new TableCell({ children, width: { size: w, type: WidthType.DXA }, borders: { top: none, bottom: none, left: none, right: none } });
  return new Table({
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          col(lines(m.letterhead.left, undefined, 24), left),
          // "ĐẢNG CỘNG SẢN VIỆT NAM" is underlined, as on every party document.
          col(lines(m.letterhead.right, (i) => i === 0), right),
        ],
      }),
    ],
  });
}

function signatures(m: MinutesModel): (Paragraph | Table)[] {
  const people = m.signatures.people;
  if (people.length === 0) return [];
  const perRow = 2;
  const half = Math.round(CONTENT_TWIPS / perRow);
  // "Keep with next" on every paragraph but the last row's keeps the signatures on one page.
  const block = (p: { role: string; name: string } | undefined, keep: boolean) =>
    new TableCell({
      width: { size: half, type: WidthType.DXA },
      borders: { top: none, bottom: none, left: none, right: none },
      children: p
        ? [
            para([run({ text: p.role, bold: true })], { align: AlignmentType.CENTER, after: 0, before: 120, keepNext: true }),
            para([run({ text: '(Ký, ghi rõ họ tên)', italics: true }, SMALL)], { align: AlignmentType.CENTER, after: 1100, keepNext: true }),
            para([run({ text: p.name, bold: true })], { align: AlignmentType.CENTER, after: 120, keepNext: keep }),
          ]
        : [para([], { keepNext: keep })],
    });
  const rows: TableRow[] = [];
  for (let i = 0; i < people.length; i += perRow) {
    const keep = i + perRow < people.length;
    rows.push(new TableRow({ cantSplit: true, children: Array.from({ length: perRow }, (_, k) => block(people[i + k], keep)) }));
  }
  return [
    para([run({ text: m.signatures.heading, bold: true })], { align: AlignmentType.CENTER, before: 240, after: 0, keepNext: true }),
    new Table({ width: { size: CONTENT_TWIPS, type: WidthType.DXA }, columnWidths: Array(perRow).fill(half), layout: TableLayoutType.FIXED, borders: noBorders, rows }),
  ];
}

export function minutesDocxDocument(m: MinutesModel): Document {
  const body: (Paragraph | Table)[] = [
    letterhead(m),
    para([run({ text: m.title, bold: true }, 30)], { align: AlignmentType.CENTER, before: 360, after: 0 }),
    ...m.subtitle.map((line, i) => para([run({ text: line, bold: true })], { align: AlignmentType.CENTER, after: i === m.subtitle.length - 1 ? 240 : 0 })),
  ];
  m.blocks.forEach((b, i) => {
    // A heading or an introduction stays with the table that follows it.
    // The closing sentence stays with the signatures.
    const keepNext = m.blocks[i + 1]?.kind === 'table' || i === m.blocks.length - 1;
    if (b.kind === 'heading') body.push(para([run({ text: b.text, bold: true })], { align: AlignmentType.LEFT, before: 160, keepNext: true }));
    else if (b.kind === 'para') {
      const dash = b.runs[0]?.text.startsWith('– ') ?? false;
      body.push(
        para(
          b.runs.map((r) => run(r)),
          dash
            ? { indent: (b.indent ?? 0) * 360, hanging: 240, align: AlignmentType.LEFT, keepNext }
            : { indent: b.indent ? b.indent * 360 : undefined, align: b.align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED, keepNext },
        ),
      );
    } else {
      body.push(table(b));
      body.push(para([], { after: 60 }));
    }
  });
  body.push(...signatures(m));
  return new Document({
    creator: 'Đại Hội',
    title: `${m.title} — ${m.subtitle.join(' — ')}`,
    styles: {
      default: {
        document: {
          run: { font: DOCX_FONT, size: SIZE },
          paragraph: { spacing: { line: DOCX_LINE, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            // A4 exactly as Word writes it (convertMillimetersToTwip rounds down to 11905 × 16837).
            size: { width: 11906, height: 16838 },
            margin: {
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(30),
              right: convertMillimetersToTwip(20),
            },
          },
        },
        children: body,
      },
    ],
  });
}

export async function minutesDocx(m: MinutesModel): Promise<Buffer> {
  return Packer.toBuffer(minutesDocxDocument(m));
}
