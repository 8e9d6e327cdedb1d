import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvalDecision, type CampaignApprovalFacts, campaignApprovalItems, verdictOf, type ApprovalCheckItem } from './approval-rules.ts';

const ready: CampaignApprovalFacts = {
  isPilot: false,
  plannedStart: '2020-07-20',
  plannedEnd: '2020-07-22',
  warnings: [],
  warningsAcceptedReason: null,
  noticeDate: '2020-06-01',
  noticeWorkingDays: 35,
  noticeNeeded: 30,
  noticeLatest: '2020-06-05',
  pilotLessons: 0,
  lessonsReadCount: null,
  lessonsReadBy: null,
  epidemicPlanActive: false,
  sessions: { preparatory: 0, official: 0 },
};
const item = (f: CampaignApprovalFacts, key: string) => campaignApprovalItems(f).find((i) => i.key === key);

describe('campaign approval items', () => {
  it('a scheduled, noticed congress with no pilot lessons and no epidemic plan is ready', () => {
    const items = campaignApprovalItems(ready);
    expect(items.map((i) => [i.key, i.ok])).toEqual([
      ['dates', true],
      ['notice', true],
      ['pilotLessons', true],
    ]);
    expect(item(ready, 'dates')!.detail).toBe('Dự kiến 20/07/2020–22/07/2020.');
    expect(verdictOf(items).ready).toBe(true);
  });

  it('blocks without a date or a notice; an accepted rule breach is shown, not blocked again', () => {
    expect(item({ ...ready, plannedStart: null, plannedEnd: null }, 'dates')).toMatchObject({ ok: false, blocking: true, detail: 'Chưa định ngày khai mạc.' });
    expect(item({ ...ready, noticeDate: null, noticeWorkingDays: null }, 'notice')).toMatchObject({ ok: false, blocking: true, detail: 'Chưa ghi nhận ngày thông báo; hạn chậm nhất 05/06/2020.' });
    const late = { ...ready, warnings: [{ code: 'DEADLINE_MISSED', message: 'Chậm 5 ngày.' }], warningsAcceptedReason: 'Covid-19' };
    expect(item(late, 'dates')).toMatchObject({ ok: false, blocking: false });
    expect(item(late, 'dates')!.detail).toContain('Lý do đã ghi: Covid-19');
    // Worked example: a notice 20 working days ahead when 30 are needed is short, yet already accepted when saved.
    expect(item({ ...ready, noticeWorkingDays: 20 }, 'notice')).toMatchObject({ ok: false, blocking: false });
    expect(item({ ...ready, noticeNeeded: 0 }, 'notice')).toBeUndefined();
  });

  it('asks non-pilots to confirm reading the pilots’ lessons, again after a new lesson', () => {
    expect(item({ ...ready, pilotLessons: 2 }, 'pilotLessons')).toMatchObject({ ok: false, blocking: true, detail: 'Có 2 bài học chưa được xác nhận đã đọc.' });
    expect(item({ ...ready, pilotLessons: 2, lessonsReadCount: 2, lessonsReadBy: 'bt.huyen' }, 'pilotLessons')).toMatchObject({ ok: true, detail: 'Đã xác nhận đọc 2 bài học (bt.huyen).' });
    expect(item({ ...ready, pilotLessons: 3, lessonsReadCount: 2 }, 'pilotLessons')).toMatchObject({ ok: false, detail: 'Có 1 bài học mới từ sau lần xác nhận trước.' });
    expect(item({ ...ready, isPilot: true, pilotLessons: 3 }, 'pilotLessons')).toBeUndefined();
  });

  it('needs an official session planned where the epidemic plan is active', () => {
    expect(item(ready, 'safetyPlan')).toBeUndefined();
    expect(item({ ...ready, epidemicPlanActive: true }, 'safetyPlan')).toMatchObject({ ok: false, blocking: true });
    expect(item({ ...ready, epidemicPlanActive: true, sessions: { preparatory: 1, official: 0 } }, 'safetyPlan')).toMatchObject({ ok: false });
    expect(item({ ...ready, epidemicPlanActive: true, sessions: { preparatory: 1, official: 2 } }, 'safetyPlan')).toMatchObject({ ok: true, detail: '1 phiên trù bị, 2 phiên chính thức.' });
  });
});

describe('approval decision', () => {
  const arb = fc.record({ source: fc.constantFrom('campaigns', 'personnel', 'documents'), key: fc.string({ minLength: 1 }), label: fc.string(), ok: fc.boolean(), detail: fc.constant(null), blocking: fc.boolean() });

  it('property: approval passes without a reason exactly when no blocking item is open, and the override lists the open ones', () => {
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 8 }), fc.string(), (items: ApprovalCheckItem[], reason) => {
        const v = verdictOf(items);
        const open = items.filter((i) => i.blocking && !i.ok);
        expect(approvalDecision(v, null).ok).toBe(open.length === 0);
        const d = approvalDecision(v, reason);
        if (open.length === 0) expect(d).toEqual({ ok: true, overridden: [] });
        else if (reason.trim()) expect(d).toEqual({ ok: true, overridden: open });
        else expect(d).toEqual({ ok: false, open });
      }),
    );
  });
});
