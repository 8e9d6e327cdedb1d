import fc from 'fast-check';
import { ReadingConfig, doReadNumber } from 'read-vietnamese-number';
import { describe, expect, it } from 'vitest';
import { decimalToVietnameseWords, numberToVietnameseWords, type VietnameseWordsOptions } from './numbers-in-words.ts';

// Expected readings written by hand from Vietnamese usage (not from the code).
const TABLE: readonly [number, string][] = [
  [0, 'không'],
  [1, 'một'],
  [5, 'năm'],
  [10, 'mười'],
  [11, 'mười một'],
  [14, 'mười bốn'],
  [15, 'mười lăm'],
  [20, 'hai mươi'],
  [21, 'hai mươi mốt'],
  [24, 'hai mươi tư'],
  [25, 'hai mươi lăm'],
  [41, 'bốn mươi mốt'],
  [55, 'năm mươi lăm'],
  [100, 'một trăm'],
  [101, 'một trăm linh một'],
  [104, 'một trăm linh bốn'],
  [105, 'một trăm linh năm'],
  [110, 'một trăm mười'],
  [111, 'một trăm mười một'],
  [115, 'một trăm mười lăm'],
  [121, 'một trăm hai mươi mốt'],
  [276, 'hai trăm bảy mươi sáu'],
  [279, 'hai trăm bảy mươi chín'],
  [348, 'ba trăm bốn mươi tám'],
  [1_000, 'một nghìn'],
  [1_001, 'một nghìn không trăm linh một'],
  [1_010, 'một nghìn không trăm mười'],
  [1_015, 'một nghìn không trăm mười lăm'],
  [1_100, 'một nghìn một trăm'],
  [1_234, 'một nghìn hai trăm ba mươi tư'],
  [2_024, 'hai nghìn không trăm hai mươi tư'],
  [10_000, 'mười nghìn'],
  [15_000, 'mười lăm nghìn'],
  [21_000, 'hai mươi mốt nghìn'],
  [100_000, 'một trăm nghìn'],
  [105_000, 'một trăm linh năm nghìn'],
  [1_000_000, 'một triệu'],
  [1_000_100, 'một triệu một trăm'],
  [1_005_000, 'một triệu không trăm linh năm nghìn'],
  [2_021_001, 'hai triệu không trăm hai mươi mốt nghìn không trăm linh một'],
  [1_000_000_000, 'một tỷ'],
  [1_000_000_005, 'một tỷ không trăm linh năm'],
  [1_500_000_000_000, 'một nghìn năm trăm tỷ'],
];

describe('numberToVietnameseWords', () => {
  it.each(TABLE)('%i → %s', (n, words) => {
    expect(numberToVietnameseWords(n)).toBe(words);
  });

  it('regional options: lẻ, bốn, ngàn, tỉ; capitalised for the minutes', () => {
    expect(numberToVietnameseWords(105, { zeroTens: 'lẻ' })).toBe('một trăm lẻ năm');
    expect(numberToVietnameseWords(24, { fourAfterTens: 'bốn' })).toBe('hai mươi bốn');
    expect(numberToVietnameseWords(14, { fourAfterTens: 'tư' })).toBe('mười bốn'); // never "mười tư"
    expect(numberToVietnameseWords(2_000, { thousand: 'ngàn' })).toBe('hai ngàn');
    expect(numberToVietnameseWords(3_000_000_000, { billion: 'tỉ' })).toBe('ba tỉ');
    expect(numberToVietnameseWords(348, { capitalize: true })).toBe('Ba trăm bốn mươi tám');
  });

  it('refuses negative, fractional and unsafe numbers', () => {
    for (const bad of [-1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN]) expect(() => numberToVietnameseWords(bad)).toThrow(RangeError);
  });
});

// A strict reference parser of the canonical reading, written independently of the
// generator: it rejects "một mươi", "mười năm", "hai mươi một", "linh lăm", a missing
// "không trăm" inside a number, a zero group, …, so a round trip proves canonical form.
function parseVietnamese(text: string, o: Required<Omit<VietnameseWordsOptions, 'capitalize'>>): number {
  const DIG = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
  const digit = (w: string | undefined, min = 0): number => {
    const d = w === undefined ? -1 : DIG.indexOf(w);
    if (d < min) throw new Error(`bad digit ${w}`);
    return d;
  };
  const group = (ws: readonly string[], full: boolean): number => {
    let i = 0;
    let h = 0;
    const saysHundreds = ws[1] === 'trăm';
    if (saysHundreds) {
      h = digit(ws[0]);
      if (h === 0 && !full) throw new Error('leading "không trăm"');
      i = 2;
    } else if (full) throw new Error('missing hundreds inside a number');
    const rest = ws.slice(i);
    let tu: number;
    if (rest.length === 0) tu = 0;
    else if (rest[0] === o.zeroTens) {
      if (!saysHundreds || rest.length !== 2) throw new Error('bad linh');
      tu = digit(rest[1], 1);
    } else if (rest[0] === 'mười') {
      if (rest.length === 1) tu = 10;
      else if (rest.length === 2 && rest[1] === 'lăm') tu = 15;
      else if (rest.length === 2 && rest[1] !== 'năm') tu = 10 + digit(rest[1], 1);
      else throw new Error('bad mười');
    } else if (rest[1] === 'mươi') {
      const t = digit(rest[0], 2);
      const u = rest[2];
      if (rest.length === 2) tu = t * 10;
      else if (rest.length !== 3) throw new Error('bad mươi');
      else if (u === 'mốt') tu = t * 10 + 1;
      else if (u === 'lăm') tu = t * 10 + 5;
      else if (u === o.fourAfterTens) tu = t * 10 + 4;
      else if (u === 'một' || u === 'năm' || u === 'bốn' || u === 'tư') throw new Error(`non-canonical ${u} after mươi`);
      else tu = t * 10 + digit(u, 1);
    } else if (rest.length === 1 && !saysHundreds) tu = digit(rest[0], 1);
    else throw new Error(`bad group ${ws.join(' ')}`);
    const value = h * 100 + tu;
    if (value === 0) throw new Error('zero group must be omitted');
    return value;
  };
  const belowBillion = (ws: readonly string[], leading: boolean): number => {
    let full = !leading;
    let total = 0;
    let rest = ws;
    for (const [scale, factor] of [['triệu', 1e6], [o.thousand, 1e3]] as const) {
      const k = rest.indexOf(scale);
      if (k >= 0) {
        total += group(rest.slice(0, k), full) * factor;
        full = true;
        rest = rest.slice(k + 1);
      }
    }
    if (rest.length > 0) total += group(rest, full);
    return total;
  };
  const top = (ws: readonly string[]): number => {
    const k = ws.lastIndexOf(o.billion);
    if (k < 0) return belowBillion(ws, true);
    const high = top(ws.slice(0, k));
    const low = ws.slice(k + 1);
    return high * 1e9 + (low.length > 0 ? belowBillion(low, false) : 0);
  };
  if (text === 'không') return 0;
  return top(text.split(' '));
}

const optionsArb = fc.record({
  zeroTens: fc.constantFrom('linh', 'lẻ') as fc.Arbitrary<'linh' | 'lẻ'>,
  fourAfterTens: fc.constantFrom('tư', 'bốn') as fc.Arbitrary<'tư' | 'bốn'>,
  thousand: fc.constantFrom('nghìn', 'ngàn') as fc.Arbitrary<'nghìn' | 'ngàn'>,
  billion: fc.constantFrom('tỷ', 'tỉ') as fc.Arbitrary<'tỷ' | 'tỉ'>,
});

// Numbers with many zero digits and 1/4/5 units exercise linh, mốt, tư, lăm and empty groups.
const trickyNat = fc.oneof(
  fc.maxSafeNat(),
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.array(fc.constantFrom(0, 0, 0, 1, 4, 5, 9), { minLength: 1, maxLength: 15 }).map((ds) => Number(ds.join(''))),
);

describe('round trip with a strict reference parser', () => {
  it('parse(words(n)) = n for every option set', () => {
    fc.assert(
      fc.property(trickyNat, optionsArb, (n, o) => {
        expect(parseVietnamese(numberToVietnameseWords(n, o), o)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('the parser rejects non-canonical readings (it can fail)', () => {
    const o = { zeroTens: 'linh', fourAfterTens: 'tư', thousand: 'nghìn', billion: 'tỷ' } as const;
    for (const bad of ['một mươi', 'hai mươi một', 'mười năm', 'một trăm linh lăm', 'một nghìn linh một', 'không trăm năm']) {
      expect(() => parseVietnamese(bad, o), bad).toThrow();
    }
  });
});

describe('agreement with the read-vietnamese-number package (an independent implementation)', () => {
  it('same words for every safe integer', () => {
    fc.assert(
      fc.property(trickyNat, optionsArb, (n, o) => {
        const config = new ReadingConfig();
        config.unit = [];
        config.oddText = o.zeroTens;
        config.fourToneText = o.fourAfterTens;
        config.units = [[], [o.thousand], ['triệu'], [o.billion]];
        expect(numberToVietnameseWords(n, o)).toBe(doReadNumber(String(n), config));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('decimalToVietnameseWords', () => {
  it.each([
    [6667, 2, 'sáu mươi sáu phẩy sáu mươi bảy'],
    [8929, 2, 'tám mươi chín phẩy hai mươi chín'],
    [305, 2, 'ba phẩy không năm'],
    [1, 2, 'không phẩy không một'],
    [10000, 2, 'một trăm'],
    [12345, 1, 'một nghìn hai trăm ba mươi tư phẩy năm'],
  ] as const)('%i / 10^%i → %s', (scaled, decimals, words) => {
    expect(decimalToVietnameseWords(scaled, decimals)).toBe(words);
  });
});
