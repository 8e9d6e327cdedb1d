import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffSections, diffWords } from './diff-rules.ts';

const side = (ops: { op: string; text: string }[], keep: 'add' | 'del') => ops.filter((o) => o.op === 'same' || o.op === keep).map((o) => o.text).join('');

describe('word-level difference', () => {
  it('marks the words inserted and deleted', () => {
    expect(diffWords('Tăng trưởng bình quân đạt 9%/năm.', 'Tăng trưởng bình quân đạt 10,6%/năm.')).toEqual([
      { op: 'same', text: 'Tăng trưởng bình quân đạt ' },
      { op: 'del', text: '9%/năm.' },
      { op: 'add', text: '10,6%/năm.' },
    ]);
  });

  it('joins back to both texts, whatever they are', () => {
    const words = fc.array(fc.constantFrom('Đảng ', 'bộ ', 'tỉnh ', 'Quảng ', 'Ninh ', 'đoàn kết', ' ', 'đổi mới\n', '9%'), { maxLength: 30 }).map((x) => x.join(''));
    fc.assert(
      fc.property(words, words, (a, b) => {
        const ops = diffWords(a, b);
        expect(side(ops, 'del')).toBe(a);
        expect(side(ops, 'add')).toBe(b);
        if (a === b) expect(ops.every((o) => o.op === 'same')).toBe(true);
      }),
    );
  });
});

describe('difference between two versions', () => {
  it('lists changed, added and removed sections in the new order, removed ones where they were', () => {
    const p = (key: string, text: string) => ({ key, kind: 'paragraph' as const, level: 0, text });
    const out = diffSections([p('s1', 'Mở đầu'), p('s2', 'Cũ bị bỏ'), p('s3', 'Kinh tế khá')], [p('s1', 'Mở đầu'), p('s3', 'Kinh tế phát triển khá'), p('s4', 'Mới')]);
    expect(out.map((s) => [s.key, s.change])).toEqual([
      ['s1', 'same'],
      ['s2', 'removed'],
      ['s3', 'changed'],
      ['s4', 'added'],
    ]);
    expect(out[2]!.ops).toContainEqual({ op: 'add', text: 'phát triển ' });
  });
});
