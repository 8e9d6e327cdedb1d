import { describe, expect, it } from 'vitest';
import { levelFigures, pct, progressSeries, sumLevels } from './dashboard-rules.ts';
import type { LevelRule } from './schedule-rules.ts';

const grassroots: LevelRule = { level: 3, centralDeadline: '2020-06-30', provincialTarget: '2020-05-15', windowStart: '2020-04-01', maxDays: 2, maxPreparatoryDays: null, source: '', confirmed: true };
const metrics = (o: Record<string, number>) => new Map(Object.entries(o));

describe('dashboard figures', () => {
  it('Bến Tre: 621 of 638 grassroots organizations = 97,34 %', () => {
    const f = levelFigures(3, metrics({ total: 638 }), [['2020-06-20', 621]], grassroots, '2020-06-29');
    expect([f.held, f.total, f.heldPct, f.heldPctText]).toEqual([621, 638, 97.34, '97,34%']);
    expect(f.deadlineStatus).toBe('onTrack');
    expect(f.daysLeft).toBe(1);
  });

  it('Quảng Ninh: all grassroots done by end of May, a month before the central deadline', () => {
    const done: [string, number][] = [
      ['2020-03-20', 47],
      ['2020-05-12', 400],
      ['2020-05-29', 288],
    ];
    const f = levelFigures(3, metrics({ total: 735, pilot: 47, pilotHeld: 47, postponed: 688, 'postponed:epidemic': 688 }), done, grassroots, '2020-06-15');
    expect(f.held).toBe(735);
    expect(f.completedOn).toBe('2020-05-29');
    expect(f.daysAheadOfDeadline).toBe(32);
    expect(f.daysAheadOfTarget).toBe(-14); // the provincial target 15/5 was missed by 14 days
    expect(f.onTarget).toBe(447);
    expect(f.deadlineStatus).toBe('done');
    expect(f.postponed.byReason.epidemic).toBe(688);
    // As of the end of March only the pilots were done.
    const march = levelFigures(3, metrics({ total: 735 }), done, grassroots, '2020-03-31');
    expect([march.held, march.heldPctText, march.completedOn]).toEqual([47, '6,39%', null]);
  });

  it('district level: 5 of 20 by mid-June; overdue after the deadline with the days', () => {
    const district: LevelRule = { ...grassroots, level: 2, centralDeadline: '2020-08-31', provincialTarget: '2020-07-31', windowStart: null };
    const f = levelFigures(2, metrics({ total: 20, 'status:personnelReady': 5 }), [['2020-05-20', 3], ['2020-06-10', 2]], district, '2020-06-15');
    expect([f.held, f.heldPct, f.approvalsPending, f.daysLeft]).toEqual([5, 25, 5, 77]);
    const late = levelFigures(2, metrics({ total: 20 }), [['2020-05-20', 3]], district, '2020-09-10');
    expect([late.deadlineStatus, late.daysOverdue]).toEqual(['overdue', 10]);
    const doneLate = levelFigures(2, metrics({ total: 3 }), [['2020-09-02', 3]], district, '2020-09-10');
    expect([doneLate.deadlineStatus, doneLate.daysAheadOfDeadline, doneLate.onTime, doneLate.heldAfterDeadline]).toEqual(['doneLate', -2, 0, 3]);
  });

  it('"Dân tin, Đảng cử": the share of cell secretaries who are village heads', () => {
    const f = levelFigures(4, metrics({ total: 10, village: 8, villageHead: 8 }), [], undefined, '2020-01-10');
    expect(f.trustedByPeople).toEqual({ cells: 8, secretaryIsHead: 8, pct: 100, pctText: '100,00%' });
    expect(f.deadlineStatus).toBe('noDeadline');
    const t = sumLevels([f, levelFigures(3, metrics({ total: 5 }), [['2020-01-05', 5]], grassroots, '2020-01-10')]);
    expect([t.total, t.held, t.trustedByPeople.pct]).toEqual([15, 5, 100]);
  });

  it('progress over time: cumulative held, forecast with the planned ones, and the target line', () => {
    const s = progressSeries(3, 10, [['2020-04-10', 2], ['2020-05-01', 3]], [['2020-05-01', 1], ['2020-05-20', 4]], grassroots, '2020-05-10');
    expect(s.points).toEqual([
      { date: '2020-04-10', held: 2, heldPct: 20, forecast: 2, forecastPct: 20 },
      { date: '2020-05-01', held: 5, heldPct: 50, forecast: 6, forecastPct: 60 },
      { date: '2020-05-20', held: 5, heldPct: 50, forecast: 10, forecastPct: 100 },
    ]);
    expect(s.targetLine).toEqual([
      { date: '2020-04-01', pct: 0 },
      { date: '2020-05-15', pct: 100 },
    ]);
    expect(pct(1, 3)).toBe(33.33);
  });
});
