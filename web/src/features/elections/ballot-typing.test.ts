import { describe, expect, it } from 'vitest';
import type { BallotEntryInput } from '../../../../shared/src/contracts/elections.ts';
import { entryToText, parseTyped, toEntry } from './ballot-typing.ts';

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
