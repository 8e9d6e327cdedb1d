import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Cell } from '../organizations/tree-import-rules.ts';
import { columnLetter, readCandidateSheet } from './candidate-sheet-rules.ts';

const text = (value: string): Cell => ({ kind: 'text', value });
const empty: Cell = { kind: 'empty' };

describe('readCandidateSheet', () => {
  it('finds "Họ và tên" under a title row, skips the STT column, keeps names in file order', () => {
    const sheet = readCandidateSheet([
      [text('DANH SÁCH BẦU CỬ BAN CHẤP HÀNH KHÓA 2020–2025')],
      [text('STT'), text('Họ và tên'), text('Chức vụ')],
      [{ kind: 'number', value: 1 }, text('  Trần   Thị Bình '), text('Phó Bí thư')],
      [{ kind: 'number', value: 2 }, text('Nguyễn Văn An'), empty],
    ]);
    expect(sheet.problems).toEqual([]);
    expect(sheet.names).toEqual([
      { row: 3, fullName: 'Trần Thị Bình' },
      { row: 4, fullName: 'Nguyễn Văn An' },
    ]);
  });

  it('names the row and column of every bad cell, and drops none silently', () => {
    const sheet = readCandidateSheet([
      [text('STT'), text('HỌ VÀ TÊN')],
      [text('1'), { kind: 'formula', value: '=A1&B1' }],
      [text('2'), { kind: 'number', value: 42 }],
      [text('3'), text('Lê Văn 3')],
      [text('4'), text('Lê Văn Hà')],
      [text('5'), text('lê văn  hà')],
      [text('6'), text('Lê Văn Hạ')],
      [text('7'), empty],
      [empty, empty],
    ]);
    expect(sheet.names.map((n) => n.fullName)).toEqual(['Lê Văn Hà', 'Lê Văn Hạ']);
    expect(sheet.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'B', 'FORMULA'],
      [3, 'B', 'NOT_A_NAME'],
      [4, 'B', 'NOT_A_NAME'],
      [6, 'B', 'DUPLICATE'],
      [8, 'B', 'EMPTY'],
    ]);
    expect(sheet.problems.find((p) => p.code === 'DUPLICATE')!.message).toContain('trùng với dòng 5');
  });

  it('says so when there is no name column', () => {
    expect(readCandidateSheet([[text('Tên đơn vị')], [text('Chi bộ 1')]]).problems[0]!.code).toBe('NO_NAME_COLUMN');
  });

  it('accounts for every non-blank row: a name or a problem, never both, never neither', () => {
    const cell = fc.oneof(
      fc.constantFrom('Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Hà', 'Lê Văn Hạ', 'X', 'Phạm 2', '').map((v): Cell => (v ? text(v) : empty)),
      fc.integer().map((v): Cell => ({ kind: 'number', value: v })),
      fc.constant<Cell>({ kind: 'formula', value: '=1+1' }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { maxLength: 40 }), (rows) => {
        const sheet = readCandidateSheet([[text('STT'), text('Họ và tên')], ...rows.map(([a, b]) => [a, b])]);
        const nonBlank = rows.map((r, i) => ({ row: i + 2, blank: r.every((c) => c.kind === 'empty') })).filter((r) => !r.blank).map((r) => r.row);
        const accounted = [...sheet.names.map((n) => n.row), ...sheet.problems.map((p) => p.row)].sort((a, b) => a - b);
        expect(accounted).toEqual(nonBlank);
      }),
    );
  });
});

describe('columnLetter', () => {
  it('counts as Excel does', () => {
    expect([1, 2, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
