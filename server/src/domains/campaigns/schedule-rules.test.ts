import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../../../shared/src/calendar/working-days.ts';
import { directivePresets } from './campaign-presets.ts';
import { vietnamHolidays } from '../../../../shared/src/calendar/vietnam-holidays.ts';
import { checkContents, checkForm, checkLevelRules, checkSchedule, contentsOf, expectedForm, newWarnings, ruleForType, type ScheduleInput } from './schedule-rules.ts';

const cal = buildCalendar(vietnamHolidays);
const ct45 = directivePresets['CT45-2025'];
const ct35 = directivePresets['CT35-2019'];
const rule = (preset: typeof ct45, level: number) => preset.levels.find((l) => l.level === level);
const input = (o: Partial<ScheduleInput>): ScheduleInput => ({ isPilot: false, start: null, end: null, durationDays: null, preparatoryDays: 0, noticeDate: null, held: false, ...o });
const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);

describe('worked example 14: deadlines and durations (CT 45)', () => {
  it('a ward congress on 5–6/9/2025 misses "before 31/8/2025" by 6 days', () => {
    const r = checkSchedule(input({ start: '2025-09-05', end: '2025-09-06' }), rule(ct45, 2), ct45.settings, cal);
    expect(r.errors).toEqual([]);
    expect(r.warnings.find((w) => w.code === 'DEADLINE_MISSED')).toMatchObject({ days: 6 });
    expect(r.warnings[0]!.message).toContain('chậm 6 ngày');
    expect(r.warnings[0]!.message).toContain('31/08/2025');
  });

  it('a grassroots congress on 27–28/6/2025 (2 days) is within the rules', () => {
    const r = checkSchedule(input({ start: '2025-06-27', end: '2025-06-28', noticeDate: '2025-05-12' }), rule(ct45, 3), ct45.settings, cal);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.facts.calendarDays).toBe(2);
    expect(r.facts.daysAfterDeadline).toBe(-2);
  });

  it('a provincial congress of 4 days ending 30/10/2025 is OK; 3 days + ½ day preparatory = 3.5 days is OK', () => {
    expect(codes(checkSchedule(input({ start: '2025-10-27', end: '2025-10-30' }), rule(ct45, 1), ct45.settings, cal))).toEqual([]);
    const r = checkSchedule(input({ start: '2025-10-27', end: '2025-10-30', durationDays: 3.5, preparatoryDays: 0.5 }), rule(ct45, 1), ct45.settings, cal);
    expect(codes(r)).toEqual([]);
    expect(r.facts.durationDays).toBe(3.5);
  });

  it('the preparatory session counts inside the limit: 4 days + ½ day is over', () => {
    const r = checkSchedule(input({ start: '2025-10-26', end: '2025-10-30', durationDays: 4.5, preparatoryDays: 0.5 }), rule(ct45, 1), ct45.settings, cal);
    expect(codes(r)).toEqual(['DURATION_OVER_LIMIT']);
    expect(r.warnings[0]!.message).toContain('4,5 ngày');
    const prep = checkSchedule(input({ start: '2025-10-27', end: '2025-10-30', durationDays: 4, preparatoryDays: 1 }), rule(ct45, 1), ct45.settings, cal);
    expect(codes(prep)).toEqual(['PREPARATORY_OVER_LIMIT']);
  });

  it('the opening notice: at least 30 working days, holidays excluded', () => {
    const r = checkSchedule(input({ start: '2025-10-10', end: '2025-10-12' }), rule(ct45, 1), ct45.settings, cal);
    expect(r.facts.noticeLatest).toBe('2025-08-27'); // 1–2/9/2025 are not working days
    const late = checkSchedule(input({ start: '2025-10-10', end: '2025-10-12', noticeDate: '2025-08-28' }), rule(ct45, 1), ct45.settings, cal);
    expect(late.warnings.find((w) => w.code === 'NOTICE_TOO_SHORT')).toMatchObject({ days: 1 });
    expect(late.facts.noticeWorkingDays).toBe(29);
    const ok = checkSchedule(input({ start: '2025-10-10', end: '2025-10-12', noticeDate: '2025-08-27' }), rule(ct45, 1), ct45.settings, cal);
    expect(ok.warnings).toEqual([]);
  });

  it('an unsent notice is overdue only at read time, and never once held', () => {
    const base = input({ start: '2025-10-10', end: '2025-10-12' });
    expect(codes(checkSchedule({ ...base, today: '2025-08-27' }, rule(ct45, 1), ct45.settings, cal))).toEqual([]);
    expect(codes(checkSchedule({ ...base, today: '2025-08-28' }, rule(ct45, 1), ct45.settings, cal))).toEqual(['NOTICE_OVERDUE']);
    expect(codes(checkSchedule({ ...base, today: '2025-11-01', held: true }, rule(ct45, 1), ct45.settings, cal))).toEqual([]);
  });
});

describe('bad input changes nothing', () => {
  it('end before start, end without start, a duration longer than the dates, notice after opening', () => {
    const r1 = checkSchedule(input({ start: '2020-05-20', end: '2020-05-19' }), rule(ct35, 3), ct35.settings, cal);
    expect(r1.errors.map((e) => e.code)).toEqual(['END_BEFORE_START']);
    expect(r1.errors[0]!.message).toBe('Ngày kết thúc 19/05/2020 trước ngày khai mạc 20/05/2020.');
    expect(checkSchedule(input({ end: '2020-05-19' }), rule(ct35, 3), ct35.settings, cal).errors.map((e) => e.code)).toEqual(['END_WITHOUT_START']);
    expect(checkSchedule(input({ start: '2020-05-19', end: '2020-05-20', durationDays: 3 }), rule(ct35, 3), ct35.settings, cal).errors.map((e) => e.code)).toEqual(['DURATION_EXCEEDS_DATES']);
    expect(checkSchedule(input({ start: '2020-05-19', noticeDate: '2020-05-20' }), rule(ct35, 3), ct35.settings, cal).errors.map((e) => e.code)).toEqual(['NOTICE_AFTER_START']);
    expect(checkSchedule(input({ start: '2020-02-30' }), rule(ct35, 3), ct35.settings, cal).errors.map((e) => e.code)).toEqual(['DATE_INVALID']);
  });

  it('a one-day congress may omit its end', () => {
    const r = checkSchedule(input({ start: '2020-05-19' }), rule(ct35, 4), ct35.settings, cal);
    expect(r.errors).toEqual([]);
    expect(r.facts.calendarDays).toBe(1);
    expect(codes(r)).toEqual(['DURATION_OVER_LIMIT']); // a cell's congress is half a day
    expect(codes(checkSchedule(input({ start: '2020-05-19', durationDays: 0.5 }), rule(ct35, 4), ct35.settings, cal))).toEqual([]);
  });

  it('the provincial target and the window start warn too; pilots may go before the window', () => {
    const lvl3 = { ...rule(ct35, 3)!, provincialTarget: '2020-05-15' };
    const r = checkSchedule(input({ start: '2020-05-20', end: '2020-05-21' }), lvl3, ct35.settings, cal);
    expect(r.warnings.find((w) => w.code === 'TARGET_MISSED')).toMatchObject({ days: 6 });
    expect(codes(checkSchedule(input({ start: '2020-03-10', end: '2020-03-11' }), lvl3, ct35.settings, cal))).toEqual(['BEFORE_WINDOW']);
    expect(codes(checkSchedule(input({ start: '2020-03-10', end: '2020-03-11', isPilot: true }), lvl3, ct35.settings, cal))).toEqual([]);
    // Past the central deadline the target warning is not repeated.
    expect(codes(checkSchedule(input({ start: '2020-07-01', end: '2020-07-02' }), lvl3, ct35.settings, cal))).toEqual(['DEADLINE_MISSED']);
  });

  it('levels with dates out of order are refused', () => {
    expect(checkLevelRules(ct35.levels)).toEqual([]);
    const bad = checkLevelRules([{ ...rule(ct35, 3)!, provincialTarget: '2020-07-15' }, { ...rule(ct35, 2)!, windowStart: '2020-09-01' }]);
    expect(bad.map((b) => b.code)).toEqual(['LEVEL_DATES_OUT_OF_ORDER', 'LEVEL_DATES_OUT_OF_ORDER']);
  });
});

describe('form and contents', () => {
  it('grassroots committees with 200 members or more hold a delegates’ congress', () => {
    expect(expectedForm({ position: 'grassroots', isCell: false, members: 200 }, 200).form).toBe('delegates');
    expect(expectedForm({ position: 'grassroots', isCell: false, members: 199 }, 200).form).toBe('members');
    expect(expectedForm({ position: 'grassroots', isCell: true, members: 250 }, 200).form).toBe('members');
    expect(expectedForm({ position: 'above', isCell: false, members: 50 }, 200).form).toBe('delegates');
    expect(expectedForm({ position: 'below', isCell: false, members: 500 }, 200).form).toBe('members');
    expect(expectedForm({ position: 'grassroots', isCell: false, members: 150 }, 100).form).toBe('delegates'); // a setting
    const w = checkForm('delegates', expectedForm({ position: 'grassroots', isCell: false, members: 150 }, 200));
    expect(w.map((x) => x.code)).toEqual(['FORM_DIFFERS_FROM_RULE']);
    expect(w[0]!.message).toContain('cần cấp ủy cấp trên đồng ý');
  });

  it('3 contents need the upper level’s consent, 2 contents the merger decision; both only where the directive has them', () => {
    expect(contentsOf(4)).toEqual([1, 2, 3, 4]);
    expect(contentsOf(3)).toEqual([1, 2, 4]);
    expect(contentsOf(2)).toEqual([1, 2]);
    expect(checkContents({ contents: 3, basis: null }, ct45.settings.contentsAllowed).errors.map((e) => e.code)).toEqual(['CONTENTS_BASIS_REQUIRED']);
    expect(checkContents({ contents: 2, basis: 'QĐ 120-QĐ/TU hợp nhất' }, ct45.settings.contentsAllowed)).toEqual({ errors: [], warnings: [] });
    expect(checkContents({ contents: 2, basis: 'QĐ 120-QĐ/TU' }, ct35.settings.contentsAllowed).warnings.map((w) => w.code)).toEqual(['CONTENTS_NOT_IN_DIRECTIVE']);
  });

  it('only newly broken rules need a new reason', () => {
    expect(newWarnings([{ code: 'DEADLINE_MISSED' }, { code: 'NOTICE_TOO_SHORT' }], ['DEADLINE_MISSED'])).toEqual(['NOTICE_TOO_SHORT']);
    expect(newWarnings([{ code: 'DEADLINE_MISSED' }], ['DEADLINE_MISSED', 'DURATION_OVER_LIMIT'])).toEqual([]);
  });
});

describe('presets', () => {
  it('carry the §2.2 deadlines and durations', () => {
    expect(ct35.levels.map((l) => [l.level, l.centralDeadline, l.maxDays])).toEqual([
      [0, null, null],
      [1, '2020-10-31', 4],
      [2, '2020-08-31', 3],
      [3, '2020-06-30', 2],
      [4, null, 0.5],
      [5, null, 0.5],
    ]);
    expect(ct45.levels.filter((l) => l.level >= 1 && l.level <= 3).map((l) => [l.level, l.centralDeadline, l.maxDays])).toEqual([
      [1, '2025-10-31', 4],
      [2, '2025-08-31', 2],
      [3, '2025-06-30', 2],
    ]);
    // Unconfirmed rules say so.
    expect(ct35.levels.find((l) => l.level === 4)!.confirmed).toBe(false);
    expect(ct35.rules.filter((r) => !r.confirmed).map((r) => r.key)).toContain('noticeCounting');
  });
});

describe('maximum duration by organization type (election-rules.md §2.2, local plan example)', () => {
  const cells = rule(ct45, 4)!;

  it('a partial committee may take a whole day where a subordinate cell has half a day', () => {
    const day = input({ start: '2025-02-10', end: '2025-02-10', durationDays: 1 });
    expect(codes(checkSchedule(day, ruleForType(cells, 'partialCommittee'), ct45.settings, cal))).toEqual([]);
    const over = checkSchedule(day, ruleForType(cells, 'subordinateCell'), ct45.settings, cal);
    expect(codes(over)).toEqual(['DURATION_OVER_LIMIT']);
    expect(over.warnings[0]!.message).toContain('tối đa 0,5 ngày');
    expect(ruleForType(cells, 'subordinateCell')).toBe(cells);
    expect(ruleForType(undefined, 'partialCommittee')).toBeUndefined();
  });

  it('refuses a type listed twice or a type maximum shorter than the preparatory session', () => {
    const bad = checkLevelRules([{ ...rule(ct45, 2)!, maxPreparatoryDays: 1, maxDaysByType: [{ typeCode: 'district', maxDays: 0.5 }, { typeCode: 'district', maxDays: 2 }] }]);
    expect(bad.map((b) => b.code).sort()).toEqual(['LEVEL_DATES_OUT_OF_ORDER', 'LEVEL_DUPLICATE']);
    expect(bad.find((b) => b.code === 'LEVEL_DUPLICATE')!.message).toContain('"district"');
  });
});
