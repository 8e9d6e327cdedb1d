import { describe, expect, it } from 'vitest';
import { modelFigure, type UnitPosts } from './concurrent-post-rules.ts';
import { complaintBlock, nextStatus } from './complaint-rules.ts';

const unit = (orgId: number, o: { chairsPc?: boolean; nonLocal?: boolean; deputies?: number }): UnitPosts => ({
  orgId,
  posts: [
    { personId: orgId * 10, role: 'secretary', nonLocal: o.nonLocal ?? false },
    ...(o.chairsPc ? [{ personId: orgId * 10, role: 'peoplesCommitteeChair' as const, nonLocal: false }] : [{ personId: orgId * 10 + 9, role: 'peoplesCommitteeChair' as const, nonLocal: false }]),
    ...Array.from({ length: o.deputies ?? 1 }, (_, i) => ({ personId: orgId * 10 + 1 + i, role: 'deputySecretary' as const, nonLocal: false })),
  ],
});

describe('concurrent-post models (seed report 000 targets)', () => {
  const communes = [unit(1, { chairsPc: true, nonLocal: true, deputies: 2 }), unit(2, { chairsPc: true, deputies: 1 }), unit(3, { chairsPc: true, nonLocal: true, deputies: 2 }), unit(4, { nonLocal: true })];
  it('secretary chairs the People\'s Committee in 3/4 communes = 75 %: meets the 75 % target', () => {
    const f = modelFigure('secretaryChairsPeoplesCommittee', communes, { kind: 'share', value: 75 }, 'đơn vị cấp xã');
    expect(f).toMatchObject({ applying: 3, base: 4, met: true, orgIds: [1, 2, 3] });
    expect(f.text).toBe('3/4 đơn vị cấp xã = 75% (mục tiêu 75%) — đạt');
  });
  it('at least 3 districts is a count target', () => {
    expect(modelFigure('secretaryChairsPeoplesCommittee', communes.slice(0, 2), { kind: 'count', value: 3 }, 'đơn vị cấp huyện').met).toBe(false);
  });
  it('two deputy secretaries are counted among the units whose secretary chairs the People\'s Committee', () => {
    expect(modelFigure('twoDeputySecretaries', communes, null, 'đơn vị cấp xã')).toMatchObject({ applying: 2, base: 3, met: null });
  });
  it('non-local secretaries 3/4 below a 100 % target', () => {
    expect(modelFigure('nonLocalSecretary', communes, { kind: 'share', value: 100 }, 'đơn vị cấp huyện')).toMatchObject({ applying: 3, met: false });
  });
});

describe('complaints', () => {
  it('move one step at a time and block until concluded unfounded', () => {
    expect(nextStatus('received')).toBe('assigned');
    expect(nextStatus('concluded')).toBeNull();
    expect(complaintBlock([{ id: 1, status: 'assigned', outcome: null, receivedOn: '2020-05-04', summary: 'x' }])).toBe('còn 1 đơn thư chưa giải quyết xong (đơn nhận ngày 04/05/2020: đã giao xác minh)');
    expect(complaintBlock([{ id: 1, status: 'concluded', outcome: 'unfounded', receivedOn: '2020-05-04', summary: 'x' }])).toBeNull();
    expect(complaintBlock([{ id: 1, status: 'concluded', outcome: 'founded', receivedOn: '2020-05-04', summary: 'x' }])).toContain('có cơ sở');
  });
});
