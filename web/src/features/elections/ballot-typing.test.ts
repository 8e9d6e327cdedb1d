import { describe, expect, it } from 'vitest';
import type { BallotEntryInput } from '../../../../shared/src/contracts/elections.ts';
import fc from 'fast-check';
import { KEYS_PER_GROUP, MAX_KEYED_NAMES } from '../../../../shared/src/ballot-keys.ts';
import { entryToText, parseTyped, shortestKeyedTyping, toEntry, typedFor } from './ballot-typing.ts';

const struck = (text: string, n: number) => (toEntry(parseTyped(text, n, 'strike'), n, 'strike') as { struck: number[] }).struck;
const marks = (text: string, n: number) => (toEntry(parseTyped(text, n, 'marks'), n, 'marks') as { marks: Record<string, string> }).marks;

describe('reading the numbers a typist types', () => {
  it('needs no separator on a list of up to nine names', () => {
    expect(struck('375', 9)).toEqual([3, 5, 7]);
  });

  it('ends a number by itself when no longer number on the list starts with it', () => {
    expect(struck('311', 11)).toEqual([3, 11]);
    expect(struck('111', 11)).toEqual([1, 11]);
    expect(struck('101', 11)).toEqual([1, 10]);
    expect(struck('52', 41)).toEqual([2, 5]);
    expect(struck('4140', 41)).toEqual([40, 41]);
  });

  it('takes a space, comma or dot where a number would be misread', () => {
    expect(struck('1 10', 11)).toEqual([1, 10]);
    expect(struck('4,1', 41)).toEqual([1, 4]);
    expect(struck('4.1', 41)).toEqual([1, 4]);
    expect(struck('', 11)).toEqual([]);
  });

  it('flags what is not a name on this ballot, and numbers typed twice', () => {
    const p = parseTyped('0 3 3 x', 11, 'strike');
    expect(p.unknown).toEqual(['0', 'x']);
    expect(p.duplicates).toEqual([3]);
    expect(parseTyped('7', 5, 'strike').unknown).toEqual(['7']);
  });

  it('reads "không đồng ý" numbers, "+" for both boxes and "-" for none on a ballot without surplus', () => {
    expect(marks('', 3)).toEqual({ 1: 'agree', 2: 'agree', 3: 'agree' });
    expect(marks('2', 3)).toEqual({ 1: 'agree', 2: 'disagree', 3: 'agree' });
    expect(marks('1+3-', 3)).toEqual({ 1: 'both', 2: 'agree', 3: 'none' });
    expect(marks('-', 3)).toEqual({ 1: 'none', 2: 'none', 3: 'none' });
    expect(marks('- 2', 3)).toEqual({ 1: 'none', 2: 'disagree', 3: 'none' });
    expect(marks('1', 1)).toEqual({ 1: 'disagree' });
    expect(parseTyped('2 +', 3, 'marks').strayModifier).toBe(true);
  });

  it('writes an entry back as text that reads the same', () => {
    const cases: [BallotEntryInput, number][] = [
      [{ kind: 'strike', struck: [11, 3] }, 11],
      [{ kind: 'marks', marks: { 1: 'both', 2: 'agree', 3: 'none', 4: 'disagree' } }, 4],
      [{ kind: 'marks', marks: { 1: 'none', 2: 'none', 3: 'disagree' } }, 3],
      [{ kind: 'marks', marks: { 1: 'both', 2: 'both' } }, 2],
    ];
    for (const [entry, n] of cases) {
      const mode = entry.kind === 'strike' ? 'strike' : 'marks';
      const back = toEntry(parseTyped(entryToText(entry), n, mode), n, mode);
      if (entry.kind === 'strike') expect(back).toEqual({ kind: 'strike', struck: [3, 11] });
      else expect(back).toEqual(entry);
    }
  });
});

describe('one key per name (ADR 0007)', () => {
  const keyed = (text: string, n: number) => (toEntry(parseTyped(text, n, 'strike', 'keys'), n, 'strike') as { struck: number[] }).struck;

  it('reads every key as one name: digits 1–9, "0" for 10, then letters', () => {
    expect(keyed('3a0', 41)).toEqual([3, 10, 11]);
    expect(keyed('E', 41)).toEqual([15]);
    expect(keyed('a b', 41)).toEqual([11, 12]);
    const p = parseTyped('b', 11, 'strike', 'keys');
    expect(p.unknown).toEqual(['b']);
    expect(parseTyped('aa', 20, 'strike', 'keys').duplicates).toEqual([11]);
  });

  it('costs one key per struck name on a list of one group, in any order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: KEYS_PER_GROUP }).chain((n) => fc.tuple(fc.constant(n), fc.uniqueArray(fc.integer({ min: 1, max: n }), { maxLength: n }))),
        ([n, positions]) => {
          const text = positions.map((p) => typedFor(p, 'keys')).join('');
          expect(text.length).toBe(positions.length);
          expect(keyed(text, n)).toEqual([...positions].sort((a, b) => a - b));
        },
      ),
    );
  });

  it('reads a dot as the opening of the second group on a longer list, until a separator', () => {
    const n = 63;
    expect(typedFor(43, 'keys')).toBe('.1');
    expect(typedFor(53, 'keys')).toBe('.a');
    expect(keyed('3.1a', n)).toEqual([3, 43, 53]);
    expect(keyed('.1.a', n)).toEqual([43, 53]);
    expect(keyed('.1 3', n)).toEqual([3, 43]);
    // The printed codes typed as printed, in any order, with a space between them.
    expect(keyed(['.a', '3', '.1'].join(' '), n)).toEqual([3, 43, 53]);
    // Past the end of the list: named with its dot so the typist sees which key it was.
    expect(parseTyped('.z', n, 'strike', 'keys').unknown).toEqual(['.z']);
    // On a list of one group the dot is still only a separator.
    expect(keyed('3.a', 41)).toEqual([3, 11]);
  });

  it('costs at most one key per struck name plus one dot on any list the codes cover', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_KEYED_NAMES }).chain((n) => fc.tuple(fc.constant(n), fc.uniqueArray(fc.integer({ min: 1, max: n }), { maxLength: n }))),
        ([n, positions]) => {
          const text = shortestKeyedTyping(positions);
          expect(text.length).toBeLessThanOrEqual(positions.length + 1);
          expect(keyed(text, n)).toEqual([...positions].sort((a, b) => a - b));
          // The readable form the chief's resolution is prefilled with reads back the same.
          expect(keyed(entryToText({ kind: 'strike', struck: positions }, 'keys'), n)).toEqual([...positions].sort((a, b) => a - b));
        },
      ),
    );
  });

  it('reads "+" and "-" after a code on a ballot without surplus, and writes entries back as codes', () => {
    const m = toEntry(parseTyped('a+c-', 13, 'marks', 'keys'), 13, 'marks') as { marks: Record<string, string> };
    expect(m.marks).toMatchObject({ 11: 'both', 12: 'agree', 13: 'none', 1: 'agree' });
    expect(parseTyped('a +', 13, 'marks', 'keys').strayModifier).toBe(true);
    const entry: BallotEntryInput = { kind: 'marks', marks: Object.fromEntries(Array.from({ length: 13 }, (_, i) => [String(i + 1), i === 11 ? 'both' : i === 0 ? 'disagree' : 'agree'])) };
    expect(toEntry(parseTyped(entryToText(entry, 'keys'), 13, 'marks', 'keys'), 13, 'marks')).toEqual(entry);
    expect(entryToText({ kind: 'strike', struck: [12, 2] }, 'keys')).toBe('2 b');
  });
});
