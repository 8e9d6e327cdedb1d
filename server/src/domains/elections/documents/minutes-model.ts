import {
  type CongressKind,
  EXCLUSION_LABELS,
  EXCLUSIONS_BY_CONGRESS,
  type ExclusionCategory,
  SUMMONED_LABELS,
} from '../counting/index.ts';
import type { StoredResult } from '../round-result.ts';
import {
  congressName,
  dateLineVi,
  dateVi,
  figure,
  figureOrDash,
  figureParts,
  fileSlug,
  invalidReasonText,
  localParts,
  percentParts,
  PRESENT_LABELS,
  REGULATION_NAMES,
  upperVi,
} from './format.ts';

// The counting minutes (biên bản kiểm phiếu, R1.25; QĐ 190 Đ8: the counting committee
// "lập biên bản kiểm phiếu … ký vào biên bản") as one document model, rendered twice:
// to DOCX (minutes-docx.ts) and to PDF (minutes-pdf.ts), so both say exactly the same.
// The fields follow the chi-bộ template cited in election-rules.md §1.7: congress, election,
// those summoned, excluded by category, D, present, ballots issued / collected / valid /
// invalid by reason, votes per candidate in ballot order with % of D, the elected in vote
// order, ties and unfilled seats, the committee's signatures. Every figure is also in words.

/** The election as the service presents it (ElectionsService.get); the result is passed apart. */
export type MinutesElection = {
  id: number;
  orgName: string;
  title: string;
  kindLabel: string;
  regulation: '2014' | '2024';
  congressKind: CongressKind;
  seats: number;
  alternateSeats: number;
  summoned: number;
  exclusions: Record<string, number>;
  denominator: { terms: readonly { category: ExclusionCategory; count: number; labelVi: string; subtracted: boolean }[] } | null;
  /** Current attendance and ballots; a round's own figures in its result take precedence. */
  present: number | null;
  ballotsIssued: number | null;
  /** Every name ever on a list (later rounds may add names), for the overall outcome. */
  candidates: readonly { ballotNo: number; fullName: string }[];
  counters: readonly { fullName: string; username: string; isChief: boolean; team: 'A' | 'B' | null }[];
  /** The latest round's plan: its ballot seats are known only for that round. */
  round: { number: number; ballotSeats: number } | null;
};

export type MinutesContext = {
  /** When the ballots were counted (elections.counted_at); the minutes' date and time. */
  countedAt: Date | string | null;
  /** The organization above the congress' own, for the letterhead. */
  upperOrgName: string | null;
  /** Used when the counting time is unknown. */
  generatedAt: Date | string;
  /** The place written before the date; dots to fill by hand when unknown. */
  place?: string | null;
};

export type Run = { text: string; bold?: boolean; italics?: boolean };
export type Cell = { text: string; words?: string; align?: 'left' | 'center' | 'right'; bold?: boolean };
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'para'; runs: Run[]; indent?: 0 | 1 | 2; align?: 'left' | 'center' | 'justify' }
  | { kind: 'table'; widths: number[]; head: string[]; rows: Cell[][] };

export type Signature = { role: string; name: string };

export type MinutesModel = {
  round: number;
  letterhead: { left: Run[][]; right: Run[][] };
  title: string;
  /** The election's title, then the round when it is not the first. */
  subtitle: string[];
  blocks: Block[];
  signatures: { heading: string; people: Signature[] };
  fileBase: string;
};

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'] as const;

const para = (runs: Run[] | string, indent: 0 | 1 | 2 = 0): Block => ({
  kind: 'para',
  runs: typeof runs === 'string' ? [{ text: runs }] : runs,
  indent,
});
/** "Label: " in plain text followed by the figure in bold, as minutes are usually set. */
const labelled = (label: string, value: string, indent: 0 | 1 | 2 = 1, tail = '.'): Block =>
  para([{ text: `${label}: ` }, { text: value, bold: true }, { text: tail }], indent);

const candidateTable = (rows: { no: number; name: string; votes: number; percentText: string }[], numberBy: 'ballot' | 'rank'): Block => ({
  kind: 'table',
  widths: [8, 27, 19, 46],
  head: ['STT', 'Họ và tên', 'Số phiếu bầu', 'Tỷ lệ so với D'],
  rows: rows.map((r, i) => {
    const votes = figureParts(r.votes);
    const pct = percentParts(r.percentText);
    return [
      { text: String(numberBy === 'ballot' ? r.no : i + 1), align: 'center' },
      { text: r.name },
      { text: votes.digits, words: `(${votes.words})`, align: 'center', bold: true },
      { text: pct.digits, words: `(${pct.words})`, align: 'center', bold: true },
    ];
  }),
});

function roleOf(c: MinutesElection['counters'][number]): string {
  if (c.isChief) return 'Trưởng ban';
  return c.team ? `Thành viên (tổ nhập phiếu ${c.team})` : 'Thành viên';
}

const PURPOSE_TEXT: Readonly<Record<StoredResult['purpose'], string>> = {
  first: 'bầu lần đầu',
  tieBreak: 'bầu lại giữa những người ngang phiếu',
  further: 'bầu tiếp cho số lượng còn thiếu',
};

/** The minutes of one counted round `r` of election `e`. */
export function buildMinutes(e: MinutesElection, r: StoredResult, ctx: MinutesContext): MinutesModel {
  const roundNo = r.round ?? 1;
  const purpose = r.purpose ?? 'first';
  const tieBreak = purpose === 'tieBreak';
  const congress = congressName(e.orgName, e.congressKind);
  const when = ctx.countedAt ?? ctx.generatedAt;
  const nameOf = new Map([...e.candidates.map((c) => [c.ballotNo, c.fullName] as const), ...r.candidates.map((c) => [c.ballotNo, c.fullName] as const)]);
  const byNo = new Map(r.candidates.map((c) => [c.ballotNo, c] as const));

  const letterhead = {
    left: [
      ...(ctx.upperOrgName ? [[{ text: upperVi(ctx.upperOrgName) }]] : []),
      [{ text: upperVi(congress), bold: true }],
      [{ text: 'BAN KIỂM PHIẾU', bold: true }],
      [{ text: '*' }],
    ],
    right: [[{ text: 'ĐẢNG CỘNG SẢN VIỆT NAM', bold: true }], [{ text: `${ctx.place?.trim() || '…………'}, ${dateLineVi(when)}`, italics: true }]],
  };

  const blocks: Block[] = [];
  let sections = 0;
  const heading = (text: string) => blocks.push({ kind: 'heading', text: `${ROMAN[sections++]}. ${text}` });
  const t = ctx.countedAt ? localParts(ctx.countedAt) : null;
  blocks.push(
    para([
      {
        text: t
          ? `Hồi ${t.hh} giờ ${t.mi} phút, ngày ${dateVi(ctx.countedAt!)}, tại ${congress}, Ban kiểm phiếu đã tiến hành kiểm phiếu cuộc bầu cử: `
          : `Tại ${congress}, Ban kiểm phiếu đã tiến hành kiểm phiếu cuộc bầu cử: `,
      },
      { text: e.title, bold: true },
      { text: `${roundNo > 1 ? `, vòng ${roundNo} (${PURPOSE_TEXT[purpose]})` : ''}, theo ${REGULATION_NAMES[e.regulation]}.` },
    ]),
  );
  if (roundNo === 1) {
    blocks.push(labelled('Số lượng cần bầu', figure(e.seats)));
    if (e.alternateSeats > 0) blocks.push(labelled('Số đại biểu dự khuyết cần bầu', figure(e.alternateSeats)));
  } else if (e.round?.number === roundNo) {
    blocks.push(labelled('Số lượng cần bầu ở vòng này', figure(e.round.ballotSeats)));
  }
  blocks.push(labelled(roundNo === 1 ? 'Số người trong danh sách bầu cử' : 'Số người trong danh sách bầu cử vòng này', figure(r.candidates.length)));

  heading('BAN KIỂM PHIẾU');
  if (e.counters.length === 0) blocks.push(para('(Chưa ghi nhận thành viên Ban kiểm phiếu.)', 1));
  e.counters.forEach((c, i) => blocks.push(para([{ text: `${i + 1}. Đồng chí ` }, { text: c.fullName, bold: true }, { text: ` – ${roleOf(c)}.` }], 1)));

  heading('SỐ LIỆU VỀ NGƯỜI BẦU CỬ VÀ PHIẾU BẦU');
  blocks.push(labelled(`1. ${SUMMONED_LABELS[e.congressKind]}`, figure(e.summoned)));
  const terms =
    e.denominator?.terms ??
    EXCLUSIONS_BY_CONGRESS[e.congressKind].map((category) => ({
      category,
      count: e.exclusions[category] ?? 0,
      labelVi: EXCLUSION_LABELS[e.congressKind][category] ?? category,
      subtracted: true,
    }));
  blocks.push(para('2. Số không tính vào số làm căn cứ tính kết quả bầu cử:', 1));
  for (const term of terms) {
    blocks.push(labelled(`– ${term.labelVi}`, figure(term.count), 2, term.subtracted ? '.' : ' (ghi vào biên bản; theo thiết lập đang áp dụng, vẫn tính vào D).'));
  }
  blocks.push(labelled('3. Số làm căn cứ tính kết quả bầu cử (D)', figure(r.denominator)));
  blocks.push(para([{ text: 'Cách tính: ' }, { text: r.formula, bold: true }, { text: `. Căn cứ: ${r.source}.` }], 2));
  blocks.push(
    tieBreak
      ? para('Vòng bầu lại giữa những người ngang phiếu: người có số phiếu cao hơn trúng cử, không cần phải quá một nửa (Điều lệ Đảng, Điều 12, khoản 3); tỷ lệ vẫn tính so với D.', 2)
      : para(
          [
            { text: 'Người trúng cử phải có số phiếu bầu quá một nửa so với D, tức là từ ' },
            { text: figure(r.threshold), bold: true },
            { text: ' phiếu trở lên (Điều lệ Đảng, Điều 12, khoản 3).' },
          ],
          2,
        ),
  );
  blocks.push(labelled(`4. ${PRESENT_LABELS[e.congressKind]}`, figureOrDash(r.present ?? e.present)));
  blocks.push(labelled('5. Số phiếu phát ra', figureOrDash(r.ballotsIssued ?? e.ballotsIssued)));
  blocks.push(labelled('6. Số phiếu thu vào', figure(r.ballots.collected)));
  blocks.push(labelled('7. Số phiếu hợp lệ', figure(r.ballots.valid)));
  const reasons = Object.entries(r.ballots.invalidReasons).filter(([, n]) => n > 0);
  blocks.push(labelled('8. Số phiếu không hợp lệ', figure(r.ballots.invalid), 1, reasons.length ? ', trong đó:' : '.'));
  for (const [code, n] of reasons) {
    blocks.push(labelled(`– ${invalidReasonText(code)}`, figure(n), 2));
  }

  heading('KẾT QUẢ KIỂM PHIẾU');
  blocks.push(para('Số phiếu bầu của từng người, theo thứ tự trong danh sách bầu cử; tỷ lệ tính so với D, làm tròn đến hai chữ số thập phân:', 1));
  // Stored in the order of this round's ballot; the number is the one printed on it.
  blocks.push(candidateTable(r.candidates.map((c, i) => ({ no: i + 1, name: c.fullName, votes: c.votes, percentText: c.percentText })), 'ballot'));

  heading('NGƯỜI TRÚNG CỬ');
  const inVoteOrder = (nos: readonly number[]) =>
    nos
      .map((no, i) => ({ no, i, c: byNo.get(no) }))
      .filter((x) => x.c)
      .sort((a, b) => b.c!.votes - a.c!.votes || a.i - b.i)
      .map((x) => ({ no: x.no, name: x.c!.fullName, votes: x.c!.votes, percentText: x.c!.percentText }));
  const elected = inVoteOrder(r.elected);
  if (elected.length > 0) {
    blocks.push(
      para(
        [
          { text: 'Căn cứ kết quả kiểm phiếu, các đồng chí có tên sau đây ' },
          { text: e.alternateSeats > 0 ? 'trúng cử đại biểu chính thức' : 'trúng cử', bold: true },
          { text: tieBreak ? ' (xếp theo thứ tự số phiếu bầu từ cao xuống thấp):' : ' (xếp theo thứ tự số phiếu bầu từ cao xuống thấp, có số phiếu quá một nửa so với D):' },
        ],
        1,
      ),
    );
    blocks.push(candidateTable(elected, 'rank'));
  } else {
    blocks.push(para(tieBreak ? 'Vòng bầu lại chưa xác định được người trúng cử.' : 'Không có đồng chí nào trúng cử ở vòng này.', 1));
  }
  const alternates = inVoteOrder(r.alternates);
  if (alternates.length > 0) {
    blocks.push(para([{ text: 'Các đồng chí có tên sau đây ' }, { text: 'trúng cử đại biểu dự khuyết', bold: true }, { text: ' (xếp theo thứ tự số phiếu bầu từ cao xuống thấp):' }], 1));
    blocks.push(candidateTable(alternates, 'rank'));
  }
  if (roundNo === 1) {
    blocks.push(
      para(
        [
          { text: 'Số lượng cần bầu: ' },
          { text: figure(e.seats), bold: true },
          { text: '; số đã trúng cử: ' },
          { text: figure(elected.length), bold: true },
          ...(e.alternateSeats > 0
            ? [{ text: '. Số đại biểu dự khuyết cần bầu: ' }, { text: figure(e.alternateSeats), bold: true }, { text: '; số đã trúng cử: ' }, { text: figure(alternates.length), bold: true }]
            : []),
          { text: '.' },
        ],
        1,
      ),
    );
  }

  if (r.tie) {
    const tied = r.tie.ballotNos.map((no) => `${nameOf.get(no) ?? `số ${no}`}: ${figure(byNo.get(no)?.votes ?? 0)} phiếu`);
    heading('TRƯỜNG HỢP NGANG PHIẾU');
    blocks.push(
      para(
        [
          { text: 'Các đồng chí sau đây có số phiếu bằng nhau ở cuối danh sách trúng cử, đều quá một nửa so với D, nhiều hơn số chỗ còn lại là ' },
          { text: figure(r.tie.seats), bold: true },
          { text: ': ' },
          { text: tied.join('; '), bold: true },
          { text: '.' },
        ],
        1,
      ),
    );
    blocks.push(
      para(
        'Theo Điều lệ Đảng (Điều 12, khoản 3), những đồng chí này chưa trúng cử; đại hội bầu lại trong số những người ngang phiếu để lấy người có số phiếu cao hơn, không cần phải quá một nửa. Nếu bầu lại mà số phiếu vẫn ngang nhau, có bầu nữa hay không do đại hội quyết định.',
        1,
      ),
    );
  }
  const unfilled = r.unfilledSeats.official + r.unfilledSeats.alternate;
  if (unfilled > 0) {
    heading('SỐ LƯỢNG CHƯA BẦU ĐỦ');
    if (r.unfilledSeats.official > 0)
      blocks.push(labelled(e.alternateSeats > 0 ? 'Số đại biểu chính thức còn thiếu so với số lượng cần bầu' : 'Số lượng còn thiếu so với số lượng cần bầu', figure(r.unfilledSeats.official)));
    if (r.unfilledSeats.alternate > 0) blocks.push(labelled('Số đại biểu dự khuyết còn thiếu', figure(r.unfilledSeats.alternate)));
    blocks.push(
      para(
        'Không đủ người có số phiếu bầu quá một nửa so với D. Bầu một lần mà chưa đủ số lượng quy định thì có bầu thêm nữa hay không do đại hội quyết định (Điều lệ Đảng, Điều 12, khoản 3).',
        1,
      ),
    );
  }

  if (roundNo > 1 && r.outcome) {
    // After several rounds the congress needs the whole picture, not just this round.
    const o = r.outcome;
    const names = (nos: number[]) => nos.map((no) => nameOf.get(no) ?? `số ${no}`).join(', ');
    heading(`KẾT QUẢ CHUNG SAU ${roundNo} VÒNG BẦU`);
    blocks.push(labelled(`Số đã trúng cử${e.alternateSeats > 0 ? ' đại biểu chính thức' : ''}`, `${figure(o.elected.length)} trên ${figure(e.seats)}`, 1, o.elected.length ? `: ${names(o.elected)}.` : '.'));
    if (e.alternateSeats > 0) blocks.push(labelled('Số đã trúng cử đại biểu dự khuyết', `${figure(o.alternates.length)} trên ${figure(e.alternateSeats)}`, 1, o.alternates.length ? `: ${names(o.alternates)}.` : '.'));
    if (o.vacantSeats.official + o.vacantSeats.alternate > 0) blocks.push(labelled('Số lượng còn thiếu', figure(o.vacantSeats.official + o.vacantSeats.alternate)));
    if (o.upperAppointmentRequired) blocks.push(para('Theo quy định, cấp ủy cấp trên chỉ định cho số lượng còn thiếu.', 1));
  }

  blocks.push(
    para(
      [
        {
          text: 'Số liệu kiểm phiếu được lấy từ các phiếu đã được hai tổ nhập phiếu nhập độc lập và đối chiếu khớp; nhật ký nhập phiếu kèm theo biên bản này. Ban kiểm phiếu thống nhất ký tên dưới đây.',
          italics: true,
        },
      ],
      1,
    ),
  );

  const chief = e.counters.filter((c) => c.isChief);
  const others = e.counters.filter((c) => !c.isChief);
  return {
    round: roundNo,
    letterhead,
    title: 'BIÊN BẢN KIỂM PHIẾU',
    subtitle: roundNo > 1 ? [e.title, `Vòng ${roundNo}: ${PURPOSE_TEXT[purpose]}`] : [e.title],
    blocks,
    signatures: {
      heading: 'BAN KIỂM PHIẾU',
      people: [...chief.map((c) => ({ role: 'TRƯỞNG BAN', name: c.fullName })), ...others.map((c) => ({ role: 'THÀNH VIÊN', name: c.fullName }))],
    },
    fileBase: `bien-ban-kiem-phieu-${e.id}${roundNo > 1 ? `-vong-${roundNo}` : ''}-${fileSlug(e.title)}`,
  };
}

/** Every text of the model in reading order: for tests and for a plain-text check. */
export function minutesText(m: MinutesModel): string {
  const runs = (rs: Run[]) => rs.map((r) => r.text).join('');
  const lines = [
    ...m.letterhead.left.map(runs),
    ...m.letterhead.right.map(runs),
    m.title,
    ...m.subtitle,
    ...m.blocks.flatMap((b) =>
      b.kind === 'heading' ? [b.text] : b.kind === 'para' ? [runs(b.runs)] : [b.head.join(' | '), ...b.rows.map((row) => row.map((c) => (c.words ? `${c.text} ${c.words}` : c.text)).join(' | '))],
    ),
    m.signatures.heading,
    ...m.signatures.people.map((p) => `${p.role} ${p.name}`),
  ];
  return lines.join('\n');
}
