import { describe, expect, it } from 'vitest';
import { firstMeetingKinds, firstMeetingPool, firstMeetingRules, type MeetingState, nomineeProblems, outsideEligibilityProblems } from './first-meeting-rules.ts';

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

  it('the deputy chair comes from the commission, not its chair; alongside the chair election, or after it [U]', () => {
    expect(firstMeetingRules.inspectionDeputyChair).toMatchObject({ from: 'inspectionCommission', confirmed: false });
    expect(firstMeetingRules.inspectionDeputyChair.source).toContain('QĐ 294 mục 16.1.1');
    expect(firstMeetingPool('inspectionDeputyChair', state()).why).toBe('Chưa bầu Ủy ban Kiểm tra: phó chủ nhiệm được bầu trong số ủy viên Ủy ban Kiểm tra.');
    const inspection = [m(2, 'Lê Thị Bình'), m(9, 'Vũ Thị Ngoài'), m(4, 'Phạm Thị Dung')];
    // The chair's election still runs: the deputies may be elected alongside, with a note.
    const alongside = firstMeetingPool('inspectionDeputyChair', state({ inspection, unfinished: new Set(['inspectionChair']) }));
    expect(alongside).toMatchObject({ ready: true, from: 'inspectionCommission', taken: [], note: expect.stringContaining('bầu phó chủ nhiệm cùng lúc được') });
    expect(alongside.members.map((x) => x.personId)).toEqual([2, 9, 4]);
    // After: the chair is left out, and named if nominated.
    const after = firstMeetingPool('inspectionDeputyChair', state({ inspection, inspectionChair: [m(9, 'Vũ Thị Ngoài')] }));
    expect(after).toMatchObject({ ready: true, note: null });
    expect(after.members.map((x) => x.personId)).toEqual([2, 4]);
    expect(nomineeProblems(after, [nominee(2), nominee(9), nominee(1)])).toEqual([
      {
        field: 'personIds.1',
        code: 'HOLDS_OTHER_POST',
        message: 'Đồng chí Vũ Thị Ngoài đã trúng cử Chủ nhiệm Ủy ban Kiểm tra: phó chủ nhiệm được bầu trong số ủy viên Ủy ban Kiểm tra, một người không giữ cả chủ nhiệm và phó chủ nhiệm.',
      },
      { field: 'personIds.2', code: 'NOT_AN_INSPECTION_MEMBER', message: 'Đồng chí Hoàng Văn An không phải ủy viên Ủy ban Kiểm tra vừa bầu: phó chủ nhiệm được bầu trong số ủy viên Ủy ban Kiểm tra.' },
    ]);
    // Symmetric: a deputy elected first is not the chair.
    const chair = firstMeetingPool('inspectionChair', state({ inspection, inspectionDeputyChair: [m(2, 'Lê Thị Bình')] }));
    expect(chair.members.map((x) => x.personId)).toEqual([9, 4]);
    expect(nomineeProblems(chair, [nominee(2)])[0]).toMatchObject({ code: 'HOLDS_OTHER_POST', message: expect.stringContaining('đã trúng cử Phó Chủ nhiệm Ủy ban Kiểm tra') });
    // A one-member commission whose member is the chair leaves nobody for deputy.
    expect(firstMeetingPool('inspectionDeputyChair', state({ inspection: [m(9, 'Vũ Thị Ngoài')], inspectionChair: [m(9, 'Vũ Thị Ngoài')] }))).toMatchObject({ ready: false, why: expect.stringContaining('đã giữ chức chủ nhiệm ủy ban kiểm tra') });
  });

  it('a standing committee elected short: the secretary is not left "waiting", it says what happened and what may be done', () => {
    // A published round left seats: the meeting decides (Charter Đ12 K3).
    const decision = firstMeetingPool('secretary', state({ unfinished: new Set(['standingCommittee']), progress: { standingCommittee: { stage: 'awaitingDecision', seats: 3, elected: 0, rounds: 1 } } }));
    expect(decision).toMatchObject({ ready: false });
    expect(decision.why).toBe(
      'Vòng 1 bầu Ban Thường vụ: chưa ai trúng cử, còn thiếu 3/3. Hội nghị quyết định bầu thêm vòng nữa hay dừng (Điều lệ Đảng Đ12 K3); ' +
        'nếu dừng, chỗ còn thiếu do cấp ủy cấp trên trực tiếp xem xét chỉ định bổ sung, hoặc bầu bổ sung Ban Thường vụ ở hội nghị sau (Điều lệ Đảng Đ13 K2; QĐ 190 Đ28); ' +
        'không bầu được bí thư thì cấp ủy cấp trên có thể chỉ định bí thư (HD 06-HD/TW mục 16.1). Bí thư, phó bí thư được bầu trong số ủy viên Ban Thường vụ khóa mới, nên bầu sau khi cuộc bầu Ban Thường vụ kết thúc.',
    );
    const partly = firstMeetingPool('deputySecretary', state({ progress: { standingCommittee: { stage: 'awaitingDecision', seats: 3, elected: 2, rounds: 2 } } }));
    expect(partly.why).toMatch(/^Vòng 2 bầu Ban Thường vụ: 2 người trúng cử, còn thiếu 1\/3\./);
    expect(partly.why).not.toContain('chỉ định bí thư');
    // A tie at the last seat goes to a round among the tied by itself.
    expect(firstMeetingPool('secretary', state({ progress: { standingCommittee: { stage: 'tieBreakNext', seats: 2, elected: 1, rounds: 1 } } })).why).toContain('bầu lại giữa những người ngang phiếu (Điều lệ Đảng Đ12 K3)');
    // Closed with nobody: never falls back to the committee (Đ20 K1); the upper committee, or a supplementary election.
    const none = firstMeetingPool('secretary', state({ progress: { standingCommittee: { stage: 'closed', seats: 3, elected: 0, rounds: 2 } } }));
    expect(none).toMatchObject({ ready: false, from: 'standingCommittee' });
    expect(none.why).toBe(
      'Cuộc bầu Ban Thường vụ đã kết thúc sau 2 vòng mà không ai trúng cử (cần 3). Bí thư, phó bí thư được bầu trong số ủy viên Ban Thường vụ khóa mới (Điều lệ Đảng Đ20 K1), nên chưa bầu được. ' +
        'Việc tiếp theo: cấp ủy cấp trên trực tiếp xem xét chỉ định bổ sung, hoặc bầu bổ sung Ban Thường vụ ở hội nghị sau (Điều lệ Đảng Đ13 K2; QĐ 190 Đ28); không bầu được bí thư thì cấp ủy cấp trên có thể chỉ định bí thư (HD 06-HD/TW mục 16.1).',
    );
    // Closed short but not empty: ready from those elected, with a note.
    const short = firstMeetingPool('secretary', state({ standing: [m(1, 'Hoàng Văn An')], progress: { standingCommittee: { stage: 'closed', seats: 3, elected: 1, rounds: 2 } } }));
    expect(short).toMatchObject({ ready: true, from: 'standingCommittee', note: expect.stringMatching(/^Ban Thường vụ mới bầu được 1\/3 người \(cuộc bầu đã kết thúc\)/) });
    // Still counting: the plain wait.
    expect(firstMeetingPool('secretary', state({ progress: { standingCommittee: { stage: 'running', seats: 3, elected: 0, rounds: 0 } } })).why).toBe(
      'Cuộc bầu Ban Thường vụ chưa kết thúc: bí thư, phó bí thư được bầu trong số ủy viên Ban Thường vụ khóa mới.',
    );
    // The same for the commission's chair.
    expect(firstMeetingPool('inspectionChair', state({ progress: { inspectionCommission: { stage: 'closed', seats: 3, elected: 0, rounds: 1 } } })).why).toMatch(/^Cuộc bầu Ủy ban Kiểm tra đã kết thúc mà không ai trúng cử \(cần 3\)\. Chủ nhiệm được bầu/);
  });

  it('commission members from outside the committee pass its age check, with the arithmetic (CT 45: 42 months to be re-elected)', () => {
    const base = { personId: 9, fullName: 'Vũ Thị Ngoài', index: 1 };
    const ctx2025 = { referenceMonth: '2025-06', rules: '2025' as const };
    // Retiring 10/2028: 40 months from 6/2025 — short of 42 for re-election.
    expect(outsideEligibilityProblems([{ ...base, retirementMonth: '2028-10', candidacy: 'reelection', candidacyFrom: 'entered' }], ctx2025)).toEqual([
      {
        field: 'personIds.1',
        code: 'INELIGIBLE',
        message:
          'Đồng chí Vũ Thị Ngoài không đủ điều kiện về tuổi để bầu vào Ủy ban Kiểm tra: Nghỉ hưu tháng 10/2028; tính từ tháng 06/2025 còn 40 tháng công tác; tái cử ủy ban kiểm tra cần ít nhất 42 tháng → không đủ điều kiện (thiếu 2 tháng).',
      },
    ]);
    // 42 months exactly is enough; under the 2020 rules 24 were.
    expect(outsideEligibilityProblems([{ ...base, retirementMonth: '2028-12', candidacy: 'reelection', candidacyFrom: 'records' }], ctx2025)).toEqual([]);
    expect(outsideEligibilityProblems([{ ...base, retirementMonth: '2022-06', candidacy: 'reelection', candidacyFrom: 'records' }], { referenceMonth: '2020-06', rules: '2020' })).toEqual([]);
    // Not on record as re-elected: a first membership, a full term [U], said so.
    const first = outsideEligibilityProblems([{ ...base, retirementMonth: '2028-12', candidacy: 'firstTime', candidacyFrom: 'default' }], ctx2025);
    expect(first[0]!.message).toContain('tham gia lần đầu cần ít nhất trọn 1 nhiệm kỳ 60 tháng → không đủ điều kiện (thiếu 18 tháng)');
    expect(first[0]!.message).toContain('không có hồ sơ tái cử Ủy ban Kiểm tra nên tính là tham gia lần đầu');
  });

  it('nothing can be elected before the new committee exists', () => {
    for (const k of firstMeetingKinds) expect(firstMeetingPool(k, state({ executive: [] })).ready).toBe(false);
  });
});
