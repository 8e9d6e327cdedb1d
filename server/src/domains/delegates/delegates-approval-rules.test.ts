import { describe, expect, it } from 'vitest';
import { type DelegatesApprovalFacts, delegatesApprovalItems } from './delegates-approval-rules.ts';

const subs = [
  { id: 10, name: 'Đảng bộ huyện Móng Cái' },
  { id: 11, name: 'Đảng bộ huyện Đầm Hà' },
  { id: 12, name: 'Đảng bộ huyện Bình Liêu' },
];
const facts = (over: Partial<DelegatesApprovalFacts> = {}): DelegatesApprovalFacts => ({
  form: 'delegates',
  subordinates: subs,
  allocation: { decisionRef: 'QĐ 15-QĐ/TU', lines: subs.map((s) => ({ orgId: s.id, name: s.name, seats: 5 })) },
  officials: subs.map((s) => ({ orgId: s.id, name: s.name, count: 5 })),
  credentials: { toReview: 18, pending: 0, rejected: 0 },
  ...over,
});
const item = (f: DelegatesApprovalFacts, key: string) => delegatesApprovalItems(f).find((i) => i.key === key);

describe('the delegates’ items of the congress approval checklist', () => {
  it('a members’ congress gets none', () => {
    expect(delegatesApprovalItems(facts({ form: 'members', allocation: null }))).toEqual([]);
  });

  it('a delegates’ congress with subordinate units and no allocation is blocked; its other items are notes', () => {
    const items = delegatesApprovalItems(facts({ allocation: null, officials: [], credentials: { toReview: 0, pending: 0, rejected: 0 } }));
    expect(items.map((i) => [i.key, i.ok, i.blocking])).toEqual([
      ['allocation', false, true],
      ['credentials', false, false],
    ]);
    expect(items[0]!.detail).toBe('Chưa lưu phương án phân bổ đại biểu cho 3 tổ chức đảng trực thuộc.');
    expect(items[1]!.detail).toBe('Chưa có đại biểu nào trong danh sách.');
    expect(items.every((i) => i.source === 'delegates')).toBe(true);
  });

  it('without subordinate units there is nothing to allocate: no allocation item, no block', () => {
    const items = delegatesApprovalItems(facts({ subordinates: [], allocation: null, officials: [] }));
    expect(items.map((i) => i.key)).toEqual(['credentials']);
    expect(items.some((i) => i.blocking && !i.ok)).toBe(false);
  });

  it('everything in order: the allocation with its decision, seats filled, credentials reviewed', () => {
    const items = delegatesApprovalItems(facts());
    expect(items.map((i) => [i.key, i.ok])).toEqual([
      ['allocation', true],
      ['delegationSeats', true],
      ['credentials', true],
    ]);
    expect(items[0]!.detail).toBe('15 đại biểu bầu cho 3 tổ chức trực thuộc (QĐ 15-QĐ/TU).');
    expect(items[1]!.detail).toBe('15 đại biểu chính thức, đúng số được phân bổ.');
    expect(items[2]!.detail).toBe('Đã thẩm tra 18 đại biểu.');
  });

  it('names each delegation whose officials differ from its seats, in Vietnamese order, without blocking', () => {
    const f = facts({
      officials: [
        { orgId: 10, name: subs[0]!.name, count: 3 },
        { orgId: 11, name: subs[1]!.name, count: 6 },
        { orgId: 12, name: subs[2]!.name, count: 5 },
      ],
    });
    const seats = item(f, 'delegationSeats')!;
    expect(seats).toMatchObject({ ok: false, blocking: false });
    expect(seats.detail).toBe('2 đoàn chưa khớp: Đảng bộ huyện Đầm Hà có 6, được phân bổ 5; Đảng bộ huyện Móng Cái có 3, được phân bổ 5.');
    // Delegations with no officials yet (their congresses not held) are counted apart.
    expect(item(facts({ officials: [] }), 'delegationSeats')!.detail).toBe('3 đoàn chưa có đại biểu chính thức: Đảng bộ huyện Bình Liêu; Đảng bộ huyện Đầm Hà; Đảng bộ huyện Móng Cái.');
    const both = item(facts({ officials: [{ orgId: 10, name: subs[0]!.name, count: 7 }] }), 'delegationSeats')!.detail;
    expect(both).toBe('1 đoàn chưa khớp: Đảng bộ huyện Móng Cái có 7, được phân bổ 5. 2 đoàn chưa có đại biểu chính thức: Đảng bộ huyện Bình Liêu; Đảng bộ huyện Đầm Hà.');
  });

  it('a long list is cut after eight delegations', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ id: 100 + i, name: `Đảng bộ xã ${String.fromCharCode(65 + i)}` }));
    const f = facts({ subordinates: many, allocation: { decisionRef: null, lines: many.map((m) => ({ orgId: m.id, name: m.name, seats: 2 })) }, officials: many.map((m) => ({ orgId: m.id, name: m.name, count: 1 })) });
    expect(item(f, 'delegationSeats')!.detail).toMatch(/^12 đoàn chưa khớp: Đảng bộ xã A có 1, được phân bổ 2; .*Đảng bộ xã H có 1, được phân bổ 2; và 4 đoàn khác\.$/);
    expect(item(facts({ subordinates: many, allocation: f.allocation, officials: [] }), 'delegationSeats')!.detail).toBe('12 đoàn chưa có đại biểu chính thức.');
  });

  it('an allocation the tree has moved past is a note: new units without seats, gone units still holding some', () => {
    const f = facts({
      subordinates: [...subs.slice(0, 2), { id: 13, name: 'Đảng bộ huyện Vân Đồn' }],
      allocation: { decisionRef: null, lines: subs.map((s) => ({ orgId: s.id, name: s.name, seats: 5 })) },
    });
    const a = item(f, 'allocation')!;
    expect(a).toMatchObject({ ok: false, blocking: false });
    expect(a.detail).toContain('Chưa có trong phương án: Đảng bộ huyện Vân Đồn.');
    expect(a.detail).toContain('Không còn trực thuộc nhưng vẫn được phân bổ: Đảng bộ huyện Bình Liêu.');
  });

  it('credentials: what is pending out of what is reviewed, and the refused counted', () => {
    expect(item(facts({ credentials: { toReview: 18, pending: 4, rejected: 0 } }), 'credentials')).toMatchObject({ ok: false, blocking: false, detail: 'Còn 4/18 đại biểu chưa được thẩm tra tư cách.' });
    expect(item(facts({ credentials: { toReview: 18, pending: 0, rejected: 1 } }), 'credentials')).toMatchObject({ ok: true, detail: 'Đã thẩm tra 18 đại biểu, 1 không được công nhận.' });
  });
  it('one person in two delegations is an open item, naming the person and both places', () => {
    expect(item(facts(), 'samePerson')).toBeUndefined();
    const items = delegatesApprovalItems(facts({ samePerson: [{ fullName: 'Nguyễn Văn An', delegations: ['Đảng bộ huyện Móng Cái', 'Đảng bộ huyện Đầm Hà'] }] }));
    expect(items.map((i) => i.key)).toEqual(['allocation', 'delegationSeats', 'samePerson', 'credentials']);
    const open = items.find((i) => i.key === 'samePerson')!;
    expect(open).toMatchObject({ ok: false, blocking: true, source: 'delegates' });
    expect(open.detail).toBe(
      '1 trường hợp một người có tên ở hai nơi trong danh sách: Nguyễn Văn An (Đảng bộ huyện Móng Cái; Đảng bộ huyện Đầm Hà). Cần xác định đoàn đúng, không triệu tập hoặc không công nhận tư cách ở nơi kia.',
    );
  });
});
