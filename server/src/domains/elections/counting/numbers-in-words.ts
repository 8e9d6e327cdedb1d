import { floorDiv } from './integers.ts';

// Vietnamese numbers in words for the counting minutes ("every figure also written in
// words"). Pure and self-contained, in the formal reading used in documents:
//   348 → "ba trăm bốn mươi tám", 105 → "một trăm linh năm", 1.001 → "một nghìn không
//   trăm linh một", 21 → "hai mươi mốt", 24 → "hai mươi tư", 15 → "mười lăm".
// Regional variants are options: "linh"/"lẻ", "tư"/"bốn", "nghìn"/"ngàn", "tỷ"/"tỉ".

export interface VietnameseWordsOptions {
  /** The word for a zero tens digit before a units digit: 105 → "một trăm linh năm". */
  readonly zeroTens?: 'linh' | 'lẻ';
  /** A units 4 after "mươi": 24 → "hai mươi tư" or "hai mươi bốn" (after "mười" always "bốn"). */
  readonly fourAfterTens?: 'tư' | 'bốn';
  readonly thousand?: 'nghìn' | 'ngàn';
  readonly billion?: 'tỷ' | 'tỉ';
  /** Capitalise the first letter, as at the start of a bracketed amount in minutes. */
  readonly capitalize?: boolean;
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

type Words = Required<Omit<VietnameseWordsOptions, 'capitalize'>>;

function digit(d: number): string {
  return DIGITS[d] ?? '';
}

/**
 * Read a group 0..999. `full`: a higher group was already read, so the hundreds are
 * always said ("không trăm") and a lone units digit takes "linh".
 */
function readGroup(n: number, full: boolean, w: Words): string[] {
  const h = floorDiv(n, 100);
  const t = floorDiv(n % 100, 10);
  const u = n % 10;
  const out: string[] = [];
  const saysHundreds = full || h > 0;
  if (saysHundreds) out.push(digit(h), 'trăm');
  if (t === 0) {
    if (u > 0) {
      if (saysHundreds) out.push(w.zeroTens);
      out.push(digit(u)); // after "linh" no mốt/tư/lăm: "linh một", "linh bốn", "linh năm"
    }
  } else if (t === 1) {
    out.push('mười'); // 10–19: "mười", never "một mươi"
    if (u === 5) out.push('lăm');
    else if (u > 0) out.push(digit(u)); // "mười một", "mười bốn"
  } else {
    out.push(digit(t), 'mươi');
    if (u === 1) out.push('mốt');
    else if (u === 4) out.push(w.fourAfterTens);
    else if (u === 5) out.push('lăm');
    else if (u > 0) out.push(digit(u));
  }
  return out;
}

function readBelowBillion(n: number, leading: boolean, w: Words): string[] {
  const groups: readonly [number, string][] = [
    [floorDiv(n, 1_000_000), 'triệu'],
    [floorDiv(n, 1_000) % 1_000, w.thousand],
    [n % 1_000, ''],
  ];
  const out: string[] = [];
  let started = !leading;
  for (const [g, scale] of groups) {
    if (g === 0) continue; // a zero group is not read: 1.000.100 → "một triệu một trăm"
    out.push(...readGroup(g, started, w));
    if (scale !== '') out.push(scale);
    started = true;
  }
  return out;
}

function read(n: number, w: Words): string[] {
  if (n < 1_000_000_000) return n === 0 ? ['không'] : readBelowBillion(n, true, w);
  // "tỷ" closes everything above 10^9 as one number: 1.500.000.000.000 → "một nghìn năm trăm tỷ".
  const high = floorDiv(n, 1_000_000_000);
  const low = n % 1_000_000_000;
  const out = [...read(high, w), w.billion];
  if (low > 0) out.push(...readBelowBillion(low, false, w));
  return out;
}

/** A non-negative safe integer in Vietnamese words. */
export function numberToVietnameseWords(n: number, options: VietnameseWordsOptions = {}): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a non-negative safe integer: ${n}`);
  const w: Words = {
    zeroTens: options.zeroTens ?? 'linh',
    fourAfterTens: options.fourAfterTens ?? 'tư',
    thousand: options.thousand ?? 'nghìn',
    billion: options.billion ?? 'tỷ',
  };
  const text = read(n, w).join(' ');
  return options.capitalize ? text.charAt(0).toLocaleUpperCase('vi') + text.slice(1) : text;
}

/**
 * A fixed-point decimal in words: `scaled / 10^decimals`, e.g. (6667, 2) → "sáu mươi sáu
 * phẩy sáu mươi bảy". The digits after the comma are read as a number, each leading
 * zero as "không" (3,05 → "ba phẩy không năm"); an all-zero fraction is not read
 * (100,00 → "một trăm").
 */
export function decimalToVietnameseWords(scaled: number, decimals: number, options: VietnameseWordsOptions = {}): string {
  if (!Number.isSafeInteger(scaled) || scaled < 0) throw new RangeError(`not a non-negative safe integer: ${scaled}`);
  if (!Number.isSafeInteger(decimals) || decimals < 0 || decimals > 6) throw new RangeError(`decimals out of range: ${decimals}`);
  const unit = 10 ** decimals;
  const whole = floorDiv(scaled, unit);
  const fraction = scaled - whole * unit;
  const head = numberToVietnameseWords(whole, options);
  if (fraction === 0) return head;
  const digits = String(fraction).padStart(decimals, '0');
  const zeros = digits.length - digits.replace(/^0+/u, '').length;
  const tail = [...Array<string>(zeros).fill('không'), numberToVietnameseWords(fraction, { ...options, capitalize: false })];
  return `${head} phẩy ${tail.join(' ')}`;
}
