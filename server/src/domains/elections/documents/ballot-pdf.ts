import type { Column, Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { type EntryKeys, keyOfPosition } from '../../../../../shared/src/ballot-keys.ts';
import { ballotFormFor, type CongressKind, type RoundPurpose } from '../counting/index.ts';
import { congressName, serialText, upperVi } from './format.ts';
import { CM, renderPdf } from './pdf.ts';
import { ballotQrText, qrRuns } from './qr.ts';

// Paper ballots (phiếu bầu cử) for one election, as the counting committee prints them
// (QĐ 244 Đ17 K1 ≙ QĐ 190 Đ15 K1, election-rules.md R1.13–R1.14):
// - the stamp of the convening committee goes in the TOP LEFT corner: a box is reserved there;
// - the names in ballot order (given name, Vietnamese collation), numbered 1..n;
// - a list with surplus: only the numbered names, the voter strikes through a name;
// - a list without surplus (or a single name): four columns STT | Họ và tên | Đồng ý | Không đồng ý;
// - a serial ("Số: 0001") and a QR code {e, r, s} so the entry teams can scan the ballot.
// Short lists print two ballots on an A4 sheet (cut along the dashed line); long lists one
// ballot per A4 page, in up to four columns.

export type BallotForm = 'strike' | 'agreeDisagree' | 'single';

/** One round's ballot: what the paper carries. See ballotElectionFromView for the service's view. */
export type BallotElection = {
  id: number;
  orgName: string;
  congressKind: CongressKind;
  title: string;
  /** Seats of the whole election, for the first round's "(Bầu 9 đồng chí)". */
  seats: number;
  alternateSeats: number;
  round: { number: number; purpose: RoundPurpose; ballotSeats: number };
  /** The names of this round's ballot in ballot order; `position` is the number printed (1..k). */
  candidates: readonly { position: number; fullName: string }[];
  /** 'keys': each name's one-key code is printed beside its number for the typists (ADR 0007). */
  entryKeys?: EntryKeys;
};

/** The printed form (R1.14): strike-out with a surplus, four columns without one. */
export function formOf(e: Pick<BallotElection, 'round' | 'candidates'>): BallotForm {
  const form = ballotFormFor(e.candidates.length, e.round.ballotSeats);
  return form === 'strikeOut' ? 'strike' : form === 'singleCandidate' ? 'single' : 'agreeDisagree';
}

export type BallotPrintRange = {
  /** First serial printed (1 for a full print run). */
  from: number;
  count: number;
};

export const MAX_BALLOTS_PER_PRINT = 2000;

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const SIDE = 1.5 * CM;
const CONTENT_W = PAGE_W - 2 * SIDE;
const HALF_H = PAGE_H / 2;
/** Top and bottom margin of a ballot inside its half sheet or page. */
const HALF_PAD = 0.9 * CM;
const FULL_PAD = 1.2 * CM;

export const STAMP_BOX = { w: 4 * CM, h: 3.5 * CM };
/** The QR code with its quiet zone; the code itself is about 2.4 cm wide. */
export const QR_BOX = 3.1 * CM;
/** Height reserved for the heading under the stamp row (title, seats, instruction). */
const HEADER_H = STAMP_BOX.h + 94;

export type BallotLayout = {
  perPage: 1 | 2;
  columns: number;
  fontSize: number;
  /** Vertical padding of a name row. */
  pad: number;
};

const rowHeight = (fontSize: number, pad: number) => fontSize * 1.2 + 2 * pad;
/** A slightly generous estimate of a Roboto line's width: letters about ½ em, spaces ¼ em. */
const textWidth = (s: string, fontSize: number) => [...s].reduce((w, ch) => w + (ch === ' ' ? 0.25 : /\p{Lu}/u.test(ch) ? 0.62 : 0.5), 0) * fontSize;

type Option = { columns: number; fontSize: number; pad: number; half: boolean };

const STRIKE_OPTIONS: Option[] = [
  { columns: 1, fontSize: 14, pad: 4, half: true },
  { columns: 1, fontSize: 13, pad: 3, half: true },
  { columns: 2, fontSize: 13, pad: 3, half: true },
  { columns: 1, fontSize: 12, pad: 2.5, half: false },
  { columns: 2, fontSize: 12, pad: 2.5, half: false },
  { columns: 2, fontSize: 11, pad: 2, half: false },
  { columns: 3, fontSize: 12, pad: 2, half: false },
  { columns: 3, fontSize: 11, pad: 2, half: false },
  { columns: 3, fontSize: 10, pad: 1.5, half: false },
  { columns: 4, fontSize: 9, pad: 1.2, half: false },
  { columns: 4, fontSize: 8, pad: 0.6, half: false },
];
const TABLE_OPTIONS: Option[] = [
  { columns: 1, fontSize: 13, pad: 5, half: true },
  { columns: 1, fontSize: 12, pad: 4, half: true },
  { columns: 1, fontSize: 11, pad: 3, half: false },
  { columns: 2, fontSize: 11, pad: 3, half: false },
  { columns: 2, fontSize: 10, pad: 2.5, half: false },
  { columns: 2, fontSize: 9, pad: 2, half: false },
];

const GUTTER = 12;
const NUM_W = 26;
const AGREE_W = (columns: number) => (columns === 1 ? 70 : 44);
const DISAGREE_W = (columns: number) => (columns === 1 ? 100 : 56);
/** Cell padding left + right in the agree/disagree table. */
const CELL_PAD = 8;

/** The room a name has on one line, after the number and the tick boxes. */
function nameWidth(form: BallotForm, columns: number): number {
  const col = (CONTENT_W - GUTTER * (columns - 1)) / columns;
  if (form === 'strike') return col - NUM_W - 10;
  return col - NUM_W - AGREE_W(columns) - DISAGREE_W(columns) - 4 * CELL_PAD - 4;
}

const available = (perPage: 1 | 2) => (perPage === 2 ? HALF_H - 2 * HALF_PAD : PAGE_H - 2 * FULL_PAD) - HEADER_H - 8;

/** How the names are laid out: the largest type that fits, two ballots a sheet when short. */
export function chooseBallotLayout(form: BallotForm, names: readonly string[]): BallotLayout {
  const options = form === 'strike' ? STRIKE_OPTIONS : TABLE_OPTIONS;
  const n = names.length;
  const widest = names.reduce((m, s) => Math.max(m, textWidth(s, 1)), 0);
  for (const perPage of [2, 1] as const) {
    for (const o of options) {
      if (perPage === 2 && !o.half) continue;
      const rows = Math.ceil(n / o.columns);
      // The agree/disagree table has a header row, two lines high when "Không đồng ý" wraps.
      const head = form === 'strike' ? 0 : o.fontSize * 1.2 * (o.columns === 1 ? 1 : 2) + 2 * o.pad;
      const fitsHeight = rows * rowHeight(o.fontSize, o.pad) + head <= available(perPage);
      const fitsWidth = widest * o.fontSize <= nameWidth(form, o.columns);
      if (!fitsHeight || !fitsWidth) continue;
      // Spread the rows over the room left: more space between names is easier to strike and tick.
      const spare = (available(perPage) - head) / (rows + (form === 'strike' ? 0 : 1)) - o.fontSize * 1.2;
      const pad = Math.max(o.pad, Math.min(spare / 2, o.fontSize * (form === 'strike' ? 0.45 : 0.5)));
      return { perPage, columns: o.columns, fontSize: o.fontSize, pad: Math.floor(pad * 10) / 10 };
    }
  }
  // Longer than any page: the smallest type, and the list runs on to a second page.
  const last = options.at(-1)!;
  return { perPage: 1, columns: last.columns, fontSize: last.fontSize, pad: last.pad };
}

function seatsLine(e: BallotElection): string {
  if (e.round.number === 1 && e.alternateSeats > 0) return `(Bầu ${e.seats} đại biểu chính thức và ${e.alternateSeats} đại biểu dự khuyết)`;
  return `(Bầu ${e.round.ballotSeats} đồng chí)`;
}

/** Later rounds say which round they are, so their ballots cannot be mistaken for the first. */
function roundLine(e: BallotElection): string | null {
  if (e.round.number === 1) return null;
  return e.round.purpose === 'tieBreak'
    ? `Vòng ${e.round.number}: bầu lại giữa những người ngang phiếu`
    : `Vòng ${e.round.number}: bầu tiếp cho số lượng còn thiếu`;
}

function instruction(form: BallotForm): string {
  if (form === 'strike') return 'Không bầu cho người nào thì gạch ngang giữa cả họ và tên của người đó.';
  if (form === 'single') return 'Đánh dấu X vào một trong hai ô «Đồng ý» hoặc «Không đồng ý».';
  return 'Đánh dấu X vào ô «Đồng ý» hoặc ô «Không đồng ý» tương ứng với họ và tên từng người.';
}

/** Splits names into `columns` columns, filled top to bottom then left to right. */
function inColumns<T>(items: readonly T[], columns: number): T[][] {
  const rows = Math.ceil(items.length / columns);
  return Array.from({ length: columns }, (_, i) => items.slice(i * rows, (i + 1) * rows)).filter((c) => c.length > 0);
}

/** The typists' code, small and grey at the end of the name's line: read by the counting committee, not the voter. */
const KEY_W = 16;
const keyCell = (position: number, fontSize: number) => ({
  text: keyOfPosition(position) ?? '',
  fontSize: Math.max(7, fontSize * 0.72),
  color: '#555555',
  alignment: 'right' as const,
  margin: [0, fontSize * 0.3, 0, 0] as [number, number, number, number],
});

function strikeList(e: BallotElection, layout: BallotLayout): Content {
  const keyed = e.entryKeys === 'keys';
  const cols = inColumns(e.candidates, layout.columns);
  const tables: Column[] = cols.map((col): Column => ({
    width: '*',
    table: {
      widths: keyed ? [NUM_W, '*', KEY_W] : [NUM_W, '*'],
      body: col.map((c): TableCell[] => [
        { text: `${c.position}.`, alignment: 'right' },
        { text: c.fullName },
        ...(keyed ? [keyCell(c.position, layout.fontSize) as TableCell] : []),
      ]),
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingTop: () => layout.pad,
      paddingBottom: () => layout.pad,
      paddingLeft: (i) => (i === 0 ? 0 : 6),
      paddingRight: () => 2,
    },
    fontSize: layout.fontSize,
  }));
  // Pad to the layout's column count so a short last column keeps its width.
  while (tables.length < layout.columns) tables.push({ width: '*', text: '' });
  return { columns: tables, columnGap: GUTTER, margin: [layout.columns === 1 ? 0.8 * CM : 0, 0, 0, 0] };
}

function agreeTable(e: BallotElection, layout: BallotLayout): Content {
  const keyed = e.entryKeys === 'keys';
  const cols = inColumns(e.candidates, layout.columns);
  const head = (t: string): TableCell => ({ text: t, bold: true, alignment: 'center' });
  const tables: Column[] = cols.map((col): Column => ({
    width: '*',
    table: {
      headerRows: 1,
      widths: [NUM_W, '*', AGREE_W(layout.columns), DISAGREE_W(layout.columns)],
      body: [
        [head('STT'), head('Họ và tên'), head('Đồng ý'), head(layout.columns === 1 ? 'Không đồng ý' : 'Không\nđồng ý')],
        ...col.map((c): TableCell[] => [
          { text: String(c.position), alignment: 'center' },
          keyed ? { columns: [{ text: c.fullName, width: '*' }, { ...keyCell(c.position, layout.fontSize), width: KEY_W }] } : { text: c.fullName },
          { text: '' },
          { text: '' },
        ]),
      ],
    },
    layout: {
      hLineWidth: () => 0.8,
      vLineWidth: () => 0.8,
      paddingTop: () => layout.pad,
      paddingBottom: () => layout.pad,
      paddingLeft: () => 4,
      paddingRight: () => 4,
    },
    fontSize: layout.fontSize,
  }));
  while (tables.length < layout.columns) tables.push({ width: '*', text: '' });
  return { columns: tables, columnGap: GUTTER };
}

function stampBox(): Column {
  const { w, h } = STAMP_BOX;
  return {
    width: w,
    stack: [
      { canvas: [{ type: 'rect', x: 0, y: 0, w, h, r: 3, lineWidth: 0.7, lineColor: '#555555', dash: { length: 3, space: 2 } }] },
      // Inside the box, low down, where the seal leaves it readable.
      { text: 'Dấu của cấp ủy\ntriệu tập đại hội', fontSize: 7.5, color: '#8a8a8a', alignment: 'center', margin: [0, -24, 0, 0] },
    ],
  };
}

/** A QR code of `size` points, quiet zone included, as filled vector rectangles. */
export function qrCanvas(text: string, size: number): Content {
  const { modules, runs } = qrRuns(text);
  const u = size / modules;
  return {
    canvas: [
      // The white square keeps the quiet zone clear even if something is drawn nearby.
      { type: 'rect', x: 0, y: 0, w: size, h: size, color: '#ffffff', lineWidth: 0 },
      ...runs.map((r) => ({ type: 'rect' as const, x: r.x * u, y: r.y * u, w: r.w * u, h: u, color: '#000000', lineWidth: 0 })),
    ],
  };
}

/** One ballot as a flow of content; its height stays within the layout's budget. */
export function ballotContent(e: BallotElection, serial: number, layout: BallotLayout, serialWidth: number): Content[] {
  const heading: Content = {
    columns: [
      stampBox(),
      {
        width: '*',
        stack: [
          { text: 'ĐẢNG CỘNG SẢN VIỆT NAM', bold: true, fontSize: 12, decoration: 'underline' },
          { text: upperVi(congressName(e.orgName, e.congressKind)), bold: true, fontSize: 11, margin: [0, 3, 0, 0] },
          { text: 'PHIẾU BẦU CỬ', bold: true, fontSize: 21, margin: [0, 12, 0, 0], characterSpacing: 0.5 },
        ],
        alignment: 'center',
        margin: [4, 2, 4, 0],
      },
      {
        width: QR_BOX,
        stack: [
          qrCanvas(ballotQrText(e.id, e.round.number, serial), QR_BOX),
          { text: `Số: ${serialText(serial, serialWidth)}`, bold: true, fontSize: 11, alignment: 'center', margin: [0, -4, 0, 0] },
        ],
      },
    ],
    columnGap: 0,
  };
  const form = formOf(e);
  const body = form === 'strike' ? strikeList(e, layout) : agreeTable(e, layout);
  const round = roundLine(e);
  return [
    heading,
    { text: e.title, bold: true, fontSize: 13, alignment: 'center', margin: [0, 4, 0, 0] },
    ...(round ? [{ text: round, bold: true, fontSize: 11, alignment: 'center' as const, margin: [0, 1, 0, 0] as [number, number, number, number] }] : []),
    { text: seatsLine(e), fontSize: 11, alignment: 'center', margin: [0, 2, 0, 0] },
    { text: instruction(form), italics: true, fontSize: 9.5, alignment: 'center', margin: [0, 3, 0, 8] },
    body,
  ];
}

function cutLine(y: number): Content {
  return {
    absolutePosition: { x: 0, y },
    canvas: [{ type: 'line', x1: 0.4 * CM, y1: 0, x2: PAGE_W - 0.4 * CM, y2: 0, lineWidth: 0.5, lineColor: '#999999', dash: { length: 4, space: 3 } }],
  };
}

export function ballotsDocument(e: BallotElection, range: BallotPrintRange): TDocumentDefinitions {
  if (!Number.isSafeInteger(range.from) || range.from < 1) throw new RangeError(`from must be ≥ 1: ${range.from}`);
  if (!Number.isSafeInteger(range.count) || range.count < 1 || range.count > MAX_BALLOTS_PER_PRINT)
    throw new RangeError(`count must be 1..${MAX_BALLOTS_PER_PRINT}: ${range.count}`);
  if (e.candidates.length === 0) throw new RangeError('the election has no candidates');
  const layout = chooseBallotLayout(
    formOf(e),
    e.candidates.map((c) => c.fullName),
  );
  const last = range.from + range.count - 1;
  const serialWidth = Math.max(4, String(last).length);
  const serials = Array.from({ length: range.count }, (_, i) => range.from + i);
  const content: Content[] = [];
  if (layout.perPage === 2) {
    for (let i = 0; i < serials.length; i += 2) {
      const pair = serials.slice(i, i + 2);
      pair.forEach((s, k) =>
        content.push({ absolutePosition: { x: SIDE, y: k * HALF_H + HALF_PAD }, stack: ballotContent(e, s, layout, serialWidth) }),
      );
      if (pair.length === 2) content.push(cutLine(HALF_H));
      // An empty line in the flow carries the page break between sheets.
      content.push(i + 2 < serials.length ? { text: '', pageBreak: 'after' } : { text: '' });
    }
  } else {
    serials.forEach((s, i) => content.push({ stack: ballotContent(e, s, layout, serialWidth), ...(i > 0 ? { pageBreak: 'before' as const } : {}) }));
  }
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: layout.perPage === 2 ? [SIDE, 0, SIDE, 0] : [SIDE, FULL_PAD, SIDE, FULL_PAD],
    info: {
      title: `Phiếu bầu cử — ${e.title}`,
      subject: `Phiếu số ${serialText(range.from, serialWidth)}–${serialText(last, serialWidth)}`,
      creator: 'Đại Hội',
    },
    defaultStyle: { fontSize: 12, lineHeight: 1 },
    content,
  };
}

/** The ballots for serials from..from+count−1 as a PDF. */
export async function ballotsPdf(e: BallotElection, range: BallotPrintRange): Promise<Buffer> {
  return renderPdf(ballotsDocument(e, range));
}
