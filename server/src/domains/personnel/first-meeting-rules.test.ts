import { describe, expect, it } from 'vitest';
import { firstMeetingKinds, firstMeetingPool, firstMeetingRules, type MeetingState, nomineeProblems } from './first-meeting-rules.ts';

const m = (personId: number, fullName: string) => ({ personId, fullName });
const executive = [m(1, 'Hoàng Văn An'), m(2, 'Lê Thị Bình'), m(3, 'Trần Văn Cường'), m(4, 'Phạm Thị Dung')];
const state = (o: Partial<MeetingState> = {}): MeetingState => ({ executive, standing: [], inspection: [], unfinished: new Set(), ...o });
const nominee = (id: number, inPartyOrganization = true) => ({ personId: id, fullName: [...executive, m(9, 'Vũ Thị Ngoài'), m(10, 'Đỗ Văn Xa')].find((x) => x.personId === id)!.fullName, inPartyOrganization });

describe('first meeting of the new committee (Charter Đ20 K1; election-rules.md §8 item 4)', () => {
  it('every rule carries its source; the commission from outside the committee is the documented default [U]', () => {
    for (const k of firstMeetingKinds) expect(firstMeetingRules[k].source).toContain('Điều lệ Đảng 2011 Đ20 K1');
    expect(firstMeetingRules.inspectionCommission).toMatchObject({ from: 'committeeOrOutside', confirmed: false });
    expect(firstMeetingRules.secretary.source).toContain('trong số uỷ viên thường vụ');
    expect(firstMeetingRules.inspectionChair.source).toContain('trong số uỷ viên uỷ ban kiểm tra');
  });

  it('the standing committee is elected from the new committee', () => {
    const pool = firstMeetingPool('standingCommittee', state());
    expect(pool).toMatchObject({ ready: true, from: 'executiveCommittee' });
    expect(nomineeProblems(pool, [nominee(9)])).toEqual([{ field: 'personIds.0', code: 'NOT_A_COMMITTEE_MEMBER', message: 'Đồng chí Vũ Thị Ngoài không phải ủy viên Ban Chấp hành khóa mới.' }]);
  });

  it('once a standing committee is elected, the secretary and deputies come from it only, named when refused', () => {
    const s = state({ standing: [m(1, 'Hoàng Văn An'), m(3, 'Trần Văn Cường')] });
    for (const kind of ['secretary', 'deputySecretary'] as const) {
      const pool = firstMeetingPool(kind, s);
      expect(pool).toMatchObject({ ready: true, from: 'standingCommittee' });
      expect(nomineeProblems(pool, [nominee(1), nominee(2)])).toEqual([
        {
          field: 'personIds.1',
          code: 'NOT_A_STANDING_MEMBER',
          message: 'Đồng chí Lê Thị Bình không phải ủy viên Ban Thường vụ khóa mới: bí thư, phó bí thư được bầu trong số ủy viên Ban Thường vụ (Điều lệ Đảng Đ20 K1).',
        },
      ]);
    }
  });

  it('without a standing committee the secretary comes from the committee; while its election runs, not at all', () => {
    expect(firstMeetingPool('secretary', state())).toMatchObject({ ready: true, from: 'executiveCommittee' });
    const running = firstMeetingPool('secretary', state({ unfinished: new Set(['standingCommittee']) }));
    expect(running).toMatchObject({ ready: false, why: 'Cuộc bầu Ban Thường vụ chưa kết thúc: bí thư, phó bí thư được bầu trong số ủy viên Ban Thường vụ khóa mới.' });
  });

  it('the inspection commission takes committee members and party members of the đảng bộ outside the committee', () => {
    const pool = firstMeetingPool('inspectionCommission', state());
    expect(pool).toMatchObject({ ready: true, from: 'committeeOrOutside' });
    expect(nomineeProblems(pool, [nominee(2), nominee(9, true)])).toEqual([]);
    expect(nomineeProblems(pool, [nominee(10, false)])).toEqual([{ field: 'personIds.0', code: 'NOT_IN_PARTY_ORGANIZATION', message: 'Đồng chí Đỗ Văn Xa không phải ủy viên Ban Chấp hành khóa mới và không thuộc đảng bộ này.' }]);
  });

  it('the chair comes from the commission just elected, and waits for it', () => {
    expect(firstMeetingPool('inspectionChair', state())).toMatchObject({ ready: false, why: 'Chưa bầu Ủy ban Kiểm tra: chủ nhiệm được bầu trong số ủy viên Ủy ban Kiểm tra.' });
    expect(firstMeetingPool('inspectionChair', state({ unfinished: new Set(['inspectionCommission']) })).why).toBe('Cuộc bầu Ủy ban Kiểm tra chưa kết thúc: chủ nhiệm được bầu trong số ủy viên Ủy ban Kiểm tra.');
    const pool = firstMeetingPool('inspectionChair', state({ inspection: [m(2, 'Lê Thị Bình'), m(9, 'Vũ Thị Ngoài')] }));
    expect(pool).toMatchObject({ ready: true, from: 'inspectionCommission' });
    expect(nomineeProblems(pool, [nominee(9)])).toEqual([]);
    expect(nomineeProblems(pool, [nominee(1)])[0]).toMatchObject({ code: 'NOT_AN_INSPECTION_MEMBER', message: expect.stringContaining('Đồng chí Hoàng Văn An không phải ủy viên Ủy ban Kiểm tra vừa bầu') });
  });

  it('nothing can be elected before the new committee exists', () => {
    for (const k of firstMeetingKinds) expect(firstMeetingPool(k, state({ executive: [] })).ready).toBe(false);
  });
});
