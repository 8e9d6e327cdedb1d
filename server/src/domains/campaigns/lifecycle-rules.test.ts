import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTransition, congressStatuses, nextSteps } from './lifecycle-rules.ts';

describe('congress lifecycle', () => {
  it('walks planned → documents ready → personnel ready → approved → held → results approved → closed', () => {
    const path = ['planned', 'documentsReady', 'personnelReady', 'approved', 'held', 'resultsApproved', 'closed'] as const;
    for (let i = 0; i + 1 < path.length; i++) expect(checkTransition(path[i]!, path[i + 1]!)).toEqual({ ok: true, kind: 'forward' });
  });

  it('does not skip a preparation step', () => {
    const r = checkTransition('planned', 'approved');
    expect(r).toMatchObject({ ok: false, code: 'CONGRESS_TRANSITION_INVALID' });
    expect(!r.ok && r.message).toContain('Đã chuẩn bị xong văn kiện');
  });

  it('marks held before approval only with an override reason', () => {
    expect(checkTransition('personnelReady', 'held')).toMatchObject({ ok: false, code: 'CONGRESS_NOT_APPROVED' });
    expect(checkTransition('personnelReady', 'held', { overrideReason: '   ' })).toMatchObject({ ok: false, code: 'CONGRESS_NOT_APPROVED' });
    expect(checkTransition('planned', 'held', { overrideReason: 'Cấp trên đã duyệt bằng văn bản, chưa cập nhật' })).toEqual({ ok: true, kind: 'heldWithoutApproval' });
  });

  it('goes back, cancels or restores only with a reason', () => {
    expect(checkTransition('approved', 'documentsReady')).toMatchObject({ ok: false, code: 'CONGRESS_REASON_REQUIRED' });
    expect(checkTransition('approved', 'documentsReady', { reason: 'Văn kiện phải sửa theo ý kiến duyệt' })).toEqual({ ok: true, kind: 'back' });
    expect(checkTransition('planned', 'cancelled', { reason: 'Đã hợp nhất' })).toEqual({ ok: true, kind: 'cancel' });
    expect(checkTransition('held', 'cancelled', { reason: 'x' })).toMatchObject({ ok: false, code: 'CONGRESS_TRANSITION_INVALID' });
    expect(checkTransition('cancelled', 'planned', { reason: 'Khôi phục' })).toEqual({ ok: true, kind: 'restore' });
  });

  it('never changes a closed congress, whatever the request', () => {
    fc.assert(
      fc.property(fc.constantFrom(...congressStatuses), fc.string(), fc.string(), (to, reason, override) => {
        expect(checkTransition('closed', to, { reason, overrideReason: override })).toMatchObject({ ok: false, code: 'CONGRESS_CLOSED' });
      }),
    );
  });

  it('property: a held congress never goes back before held', () => {
    fc.assert(
      fc.property(fc.constantFrom('held', 'resultsApproved'), fc.constantFrom('planned', 'documentsReady', 'personnelReady', 'approved', 'cancelled'), (from, to) => {
        expect(checkTransition(from as 'held', to as 'planned', { reason: 'r', overrideReason: 'o' }).ok).toBe(false);
      }),
    );
  });

  it('lists the next steps for the page', () => {
    expect(nextSteps('personnelReady')).toEqual([
      { to: 'planned', needs: 'reason' },
      { to: 'documentsReady', needs: 'reason' },
      { to: 'approved', needs: 'nothing' },
      { to: 'held', needs: 'override' },
      { to: 'cancelled', needs: 'reason' },
    ]);
    expect(nextSteps('closed')).toEqual([]);
  });
});
