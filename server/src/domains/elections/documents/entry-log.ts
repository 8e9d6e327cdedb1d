import ExcelJS from 'exceljs';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { BallotEntryInput } from '../../../../../shared/src/contracts/elections.ts';
import { congressName, dateTimeVi, DOCUMENT_TIME_ZONE, fileSlug, invalidReasonText } from './format.ts';
import { CM, renderPdf } from './pdf.ts';

// The entry log (nhật ký nhập phiếu): every save of every ballot by team A, team B and the
// chief's resolutions, in the order they were made, corrections included with their
// reasons. It goes with the minutes so anyone can retrace how each ballot was counted.

/** One row of ElectionsService.entryLog(). */
export type EntryLogEntry = {
  id: number;
  round: number;
  serial: number;
  team: 'A' | 'B' | 'R';
  entry: BallotEntryInput;
  reason: string | null;
  by: string;
  at: string;
};

export type EntryLogElection = {
  id: number;
  orgName: string;
  congressKind: 'members' | 'delegates' | 'conference';
  title: string;
  candidates: readonly { ballotNo: number; fullName: string }[];
  counters: readonly { username: string; fullName: string }[];
};

export type EntryLogRow = {
  no: number;
  round: number;
  serial: number;
  team: string;
  action: string;
  typed: string;
  reason: string;
  who: string;
  at: string;
};

const MARK_TEXT = { agree: 'Đồng ý', disagree: 'Không đồng ý', both: 'Đánh cả hai ô', none: 'Không đánh dấu' } as const;

/** What was typed, in words a committee member reads without the screen. */
export function describeEntry(entry: BallotEntryInput): string {
  switch (entry.kind) {
    case 'strike': {
      const struck = [...entry.struck].sort((a, b) => a - b);
      return struck.length ? `Gạch tên số ${struck.join(', ')}` : 'Không gạch tên nào';
    }
    case 'marks': {
      const marks = Object.entries(entry.marks).sort(([a], [b]) => Number(a) - Number(b));
      return marks.length ? marks.map(([no, m]) => `số ${Number(no)}: ${MARK_TEXT[m]}`).join('; ') : 'Không đánh dấu ô nào';
    }
    case 'invalid':
      return `Phiếu không hợp lệ — ${invalidReasonText(entry.reason)}${entry.note ? `: ${entry.note}` : ''}`;
  }
}

const TEAM_TEXT = { A: 'Tổ A', B: 'Tổ B', R: 'Trưởng ban' } as const;

export function entryLogRows(e: EntryLogElection, log: readonly EntryLogEntry[]): EntryLogRow[] {
  const names = new Map(e.counters.map((c) => [c.username, c.fullName]));
  const seen = new Set<string>();
  return [...log]
    .sort((a, b) => a.id - b.id)
    .map((x, i) => {
      const key = `${x.round}:${x.serial}:${x.team}`;
      const first = !seen.has(key);
      seen.add(key);
      const action = x.team === 'R' ? (first ? 'Quyết định khi đối chiếu' : 'Sửa quyết định') : first ? 'Nhập' : 'Sửa';
      const full = names.get(x.by);
      return {
        no: i + 1,
        round: x.round,
        serial: x.serial,
        team: TEAM_TEXT[x.team],
        action,
        typed: describeEntry(x.entry),
        reason: x.reason ?? '',
        who: full ? `${full} (${x.by})` : x.by,
        at: dateTimeVi(x.at),
      };
    });
}

const HEAD = ['STT', 'Vòng', 'Số phiếu', 'Tổ', 'Thao tác', 'Nội dung nhập', 'Lý do', 'Người nhập', 'Thời điểm'];

function summary(rows: EntryLogRow[]): string {
  const corrections = rows.filter((r) => r.action === 'Sửa' || r.action === 'Sửa quyết định').length;
  const resolutions = rows.filter((r) => r.team === TEAM_TEXT.R).length;
  return `${rows.length} lượt lưu, trong đó ${corrections} lượt sửa và ${resolutions} quyết định của Trưởng ban khi đối chiếu. Giờ Việt Nam (${DOCUMENT_TIME_ZONE}).`;
}

export async function entryLogXlsx(e: EntryLogElection, log: readonly EntryLogEntry[], generatedAt: Date | string): Promise<Buffer> {
  const rows = entryLogRows(e, log);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Đại Hội';
  const ws = wb.addWorksheet('Nhật ký nhập phiếu', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [{ width: 6 }, { width: 6 }, { width: 9 }, { width: 11 }, { width: 22 }, { width: 46 }, { width: 32 }, { width: 28 }, { width: 20 }];
  ws.addRow(['NHẬT KÝ NHẬP PHIẾU']).font = { bold: true, size: 14 };
  ws.addRow([`${congressName(e.orgName, e.congressKind)} — ${e.title}`]).font = { bold: true };
  ws.addRow([summary(rows)]);
  ws.addRow([`Xuất lúc ${dateTimeVi(generatedAt)}`]).font = { italic: true };
  ws.addRow([]);
  const head = ws.addRow(HEAD);
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
    c.border = { bottom: { style: 'thin' } };
  });
  for (const r of rows) {
    const row = ws.addRow([r.no, r.round, r.serial, r.team, r.action, r.typed, r.reason, r.who, r.at]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  ws.views = [{ state: 'frozen', ySplit: head.number }];
  ws.autoFilter = { from: { row: head.number, column: 1 }, to: { row: head.number, column: HEAD.length } };

  const list = wb.addWorksheet('Danh sách bầu cử');
  list.columns = [{ header: 'Số thứ tự trên phiếu', width: 20 }, { header: 'Họ và tên', width: 36 }];
  list.getRow(1).font = { bold: true };
  for (const c of e.candidates) list.addRow([c.ballotNo, c.fullName]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function entryLogPdf(e: EntryLogElection, log: readonly EntryLogEntry[], generatedAt: Date | string): Promise<Buffer> {
  const rows = entryLogRows(e, log);
  const body: TableCell[][] = [
    HEAD.map((h) => ({ text: h, bold: true, fillColor: '#ededed' })),
    ...rows.map((r) => [String(r.no), String(r.round), String(r.serial), r.team, r.action, r.typed, r.reason, r.who, r.at]),
  ];
  const content: Content[] = [
    { text: 'NHẬT KÝ NHẬP PHIẾU', bold: true, fontSize: 14, alignment: 'center' },
    { text: `${congressName(e.orgName, e.congressKind)} — ${e.title}`, bold: true, alignment: 'center', margin: [0, 2, 0, 2] },
    { text: summary(rows), alignment: 'center', fontSize: 9 },
    { text: `Xuất lúc ${dateTimeVi(generatedAt)}`, alignment: 'center', fontSize: 9, italics: true, margin: [0, 0, 0, 8] },
    {
      table: { headerRows: 1, dontBreakRows: true, widths: [22, 26, 34, 44, 70, '*', 110, 100, 86], body },
      layout: { hLineWidth: () => 0.4, vLineWidth: () => 0.4, paddingTop: () => 2, paddingBottom: () => 2 },
      fontSize: 8.5,
    },
  ];
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [1.2 * CM, 1.2 * CM, 1.2 * CM, 1.4 * CM],
    info: { title: `Nhật ký nhập phiếu — ${e.title}`, creator: 'Đại Hội' },
    defaultStyle: { fontSize: 9, lineHeight: 1.15 },
    footer: (page, pages) => ({ text: `Trang ${page}/${pages}`, alignment: 'center', fontSize: 8, color: '#666666' }),
    content,
  });
}

export const entryLogFileBase = (e: { id: number; title: string }) => `nhat-ky-nhap-phieu-${e.id}-${fileSlug(e.title)}`;
