import {
  type CongressKind,
  type FixedDecimal,
  formatIntegerVi,
  INVALID_REASON_INFO,
  formatPercentVi,
  numberToVietnameseWords,
  percentToVietnameseWords,
} from '../counting/index.ts';

// Wording shared by the ballots, the minutes and the entry log. Every figure in the
// minutes is written twice, in digits and in words: "48 (bốn mươi tám)".

/** The time zone the congress sits in; dates on paper are local dates. */
export const DOCUMENT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** "48 (bốn mươi tám)"; "1.234 (một nghìn hai trăm ba mươi tư)". */
export function figure(n: number): string {
  return `${formatIntegerVi(n)} (${numberToVietnameseWords(n)})`;
}

/** A figure that may be missing (not yet recorded): "—". */
export function figureOrDash(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : figure(n);
}

/**
 * The stored percentage text ("66,67%", "1.234,5%") back into an exact fixed decimal, so
 * the words are read from the very digits printed next to them.
 */
export function parsePercentVi(text: string): FixedDecimal {
  const m = /^(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d+))?%$/u.exec(text.trim());
  if (!m) throw new RangeError(`not a Vietnamese percentage: ${text}`);
  const whole = m[1]!.replace(/\./gu, '');
  const fraction = m[2] ?? '';
  return { scaled: Number(whole + fraction), decimals: fraction.length };
}

/** Digits and words apart, for a table cell: { digits: "66,67%", words: "sáu mươi sáu phẩy sáu mươi bảy phần trăm" }. */
export function percentParts(text: string): { digits: string; words: string } {
  const x = parsePercentVi(text);
  return { digits: formatPercentVi(x), words: percentToVietnameseWords(x) };
}

/** "66,67% (sáu mươi sáu phẩy sáu mươi bảy phần trăm)". */
export function percentFigure(text: string): string {
  const p = percentParts(text);
  return `${p.digits} (${p.words})`;
}

/** Digits and words apart: { digits: "1.234", words: "một nghìn hai trăm ba mươi tư" }. */
export function figureParts(n: number): { digits: string; words: string } {
  return { digits: formatIntegerVi(n), words: numberToVietnameseWords(n) };
}

type DateParts = { dd: string; mm: string; yyyy: string; hh: string; mi: string; ss: string };

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: DOCUMENT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function localParts(at: Date | string): DateParts {
  const d = typeof at === 'string' ? new Date(at) : at;
  const get = (type: Intl.DateTimeFormatPartTypes) => partsFormat.formatToParts(d).find((p) => p.type === type)?.value ?? '';
  return { dd: get('day'), mm: get('month'), yyyy: get('year'), hh: get('hour'), mi: get('minute'), ss: get('second') };
}

/** "12/05/2025" in Vietnam time. */
export function dateVi(at: Date | string): string {
  const p = localParts(at);
  return `${p.dd}/${p.mm}/${p.yyyy}`;
}

/** "12/05/2025 14:03:09" in Vietnam time. */
export function dateTimeVi(at: Date | string): string {
  const p = localParts(at);
  return `${p.dd}/${p.mm}/${p.yyyy} ${p.hh}:${p.mi}:${p.ss}`;
}

/** The date line of an administrative document: "ngày 12 tháng 05 năm 2025". */
export function dateLineVi(at: Date | string): string {
  const p = localParts(at);
  return `ngày ${p.dd} tháng ${p.mm} năm ${p.yyyy}`;
}

export function upperVi(s: string): string {
  return s.toLocaleUpperCase('vi');
}

/** The body whose congress (or conference) holds the election: "Đại hội Đảng bộ thành phố Móng Cái". */
export function congressName(orgName: string, congressKind: CongressKind): string {
  return congressKind === 'conference' ? `Hội nghị Ban Chấp hành ${orgName}` : `Đại hội ${orgName}`;
}

export const REGULATION_NAMES: Readonly<Record<'2014' | '2024', string>> = {
  '2014': 'Quy chế bầu cử trong Đảng ban hành kèm theo Quyết định số 244-QĐ/TW (2014)',
  '2024': 'Quy chế bầu cử trong Đảng ban hành kèm theo Quyết định số 190-QĐ/TW (2024)',
};

/** Those counted at a congress: party members, delegates or committee members. */
export const PRESENT_LABELS: Readonly<Record<CongressKind, string>> = {
  members: 'Số đảng viên có mặt khi bỏ phiếu',
  delegates: 'Số đại biểu chính thức có mặt khi bỏ phiếu',
  conference: 'Số ủy viên có mặt khi bỏ phiếu',
};

/** A ballot serial as printed, at least four digits: 7 → "0007". */
export function serialText(serial: number, width = 4): string {
  return String(serial).padStart(width, '0');
}

/** A file name that still reads well once transliterated: "bien-ban-kiem-phieu-12.docx". */
export function fileSlug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 80);
}

/** The reason a ballot is invalid, as written on paper (the entry screen's "(ghi rõ)" prompt dropped). */
export function invalidReasonText(code: string): string {
  const info = (INVALID_REASON_INFO as Readonly<Record<string, { messageVi: string } | undefined>>)[code];
  return (info?.messageVi ?? code).replace(/\s*\(ghi rõ\)$/u, '');
}
