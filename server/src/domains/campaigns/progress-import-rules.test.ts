import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Cell, planProgressRow, type ProgressCurrent, readProgressSheet } from './progress-import-rules.ts';
import { congressStatuses } from './lifecycle-rules.ts';

const tx = (value: string): Cell => ({ kind: 'text', value });
const current: ProgressCurrent = { congressId: 7, version: 3, status: 'planned', plannedStart: '2020-05-12', plannedEnd: '2020-05-13', noticeDate: null, upperLevel: true };
const row = (cells: Record<string, Cell>, n = 5) => ({ row: n, cells });

describe('reading the progress sheet', () => {
  it('finds the header below the template’s title and numbers rows as Excel does', () => {
    const matrix: Cell[][] = [
      [tx('Tiến độ đại hội — Đảng bộ huyện Đầm Hà')],
      [tx('Số liệu tính đến ngày 15/06/2020')],
      [tx('Mã tổ chức'), tx('Tên tổ chức'), tx('Trạng thái'), tx('Ngày bắt đầu')],
      [tx('QN-DH-01'), tx('Đảng bộ xã Quảng Lợi'), tx('Đã tổ chức'), { kind: 'date', value: '2020-05-12' }],
      [{ kind: 'empty' }, { kind: 'empty' }],
      [tx('QN-DH-02'), tx('Đảng bộ xã Đầm Hà'), tx('da to chuc')],
    ];
    const r = readProgressSheet(matrix);
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => [x.row, x.cells.code])).toEqual([
      [4, tx('QN-DH-01')],
      [6, tx('QN-DH-02')],
    ]);
  });

  it('says which column is missing, in Vietnamese', () => {
    expect(readProgressSheet([[tx('Mã tổ chức'), tx('Tên')]]).issues[0]!.message).toBe('Dòng 1: thiếu cột "Trạng thái". Hãy dùng tệp mẫu.');
    expect(readProgressSheet([[tx('Tên')]]).issues[0]!.code).toBe('HEADER_MISSING');
  });
});

describe('planning a row with the lifecycle rules', () => {
  it('walks every step up to held when approval was recorded, with the actual dates', () => {
    const r = planProgressRow(row({ code: tx('X'), status: tx('Cấp trên đã duyệt') }), current, '2020-06-15');
    expect(r.plan).toMatchObject({ steps: ['documentsReady', 'personnelReady', 'approved'], heldWithoutApproval: false });
    const held = planProgressRow(row({ code: tx('X'), status: tx('đã tổ chức'), start: { kind: 'date', value: '2020-05-12' } }), { ...current, status: 'approved' }, '2020-06-15');
    expect(held.plan).toMatchObject({ steps: ['held'], actualStart: '2020-05-12', actualEnd: '2020-05-12' });
  });

  it('needs the exception column to mark held what was never approved, as the page does', () => {
    const noReason = planProgressRow(row({ code: tx('X'), status: tx('Đã tổ chức') }), current, '2020-06-15');
    expect(noReason.issues).toEqual([
      { row: 5, column: 'Lý do ngoại lệ', code: 'CONGRESS_NOT_APPROVED', message: 'Dòng 5, cột "Lý do ngoại lệ": đại hội chưa được cấp trên duyệt; ghi lý do ngoại lệ để ghi nhận đã tổ chức.' },
    ]);
    const ok = planProgressRow(row({ code: tx('X'), status: tx('Đã tổ chức'), reason: tx('Đã duyệt trên giấy') }), current, '2020-06-15');
    expect(ok.plan).toMatchObject({ steps: ['held'], heldWithoutApproval: true, actualStart: '2020-05-12', actualEnd: '2020-05-13' });
  });

  it('names row and column for bad dates, unknown statuses, future held dates, going back and the upper level', () => {
    const bad = planProgressRow(row({ code: tx('X'), status: tx('Đã tổ chức'), start: tx('31/02/2020') }, 9), current, '2020-06-15');
    expect(bad.issues[0]!.message).toBe('Dòng 9, cột "Ngày bắt đầu": "31/02/2020" không phải ngày hợp lệ (dd/mm/yyyy).');
    expect(planProgressRow(row({ code: tx('X'), status: tx('Xong') }), current, '2020-06-15').issues[0]).toMatchObject({ column: 'Trạng thái', code: 'STATUS_UNKNOWN' });
    const future = planProgressRow(row({ code: tx('X'), status: tx('Đã tổ chức'), start: tx('20/06/2020') }), { ...current, status: 'approved' }, '2020-06-15');
    expect(future.issues[0]).toMatchObject({ column: 'Ngày kết thúc', code: 'DATE_IN_FUTURE' });
    expect(planProgressRow(row({ code: tx('X'), status: tx('Đã có kế hoạch') }), { ...current, status: 'approved' }, '2020-06-15').issues[0]!.code).toBe('BACKWARD');
    expect(planProgressRow(row({ code: tx('X'), status: tx('Cấp trên đã duyệt') }), { ...current, upperLevel: false }, '2020-06-15').issues[0]!.code).toBe('CONGRESS_UPPER_LEVEL_ONLY');
    expect(planProgressRow(row({ code: tx('Y'), status: tx('Đã tổ chức') }), undefined, '2020-06-15').issues[0]!.message).toContain('mã "Y"');
  });

  it('property: a plan never skips a step and never ends before where it started', () => {
    const main = ['planned', 'documentsReady', 'personnelReady', 'approved', 'held', 'resultsApproved', 'closed'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...main), fc.constantFrom(...congressStatuses), (from, to) => {
        const r = planProgressRow(row({ code: tx('X'), status: tx(to), reason: tx('Có lý do'), start: { kind: 'date', value: '2020-05-12' } }), { ...current, status: from }, '2020-06-15');
        if (!r.plan) return;
        const idx = r.plan.steps.map((s) => main.indexOf(s as (typeof main)[number]));
        for (let k = 1; k < idx.length; k++) expect(idx[k]).toBe(idx[k - 1]! + 1);
        if (idx.length) expect(idx[0]).toBeGreaterThan(main.indexOf(from));
      }),
    );
  });
});
