import { describe, expect, it } from 'vitest';
import { flaggedDays, healthFlags, healthWindow, linkState, missingDays } from './health-rules.ts';

describe('health watch', () => {
  const w = healthWindow('2020-10-14', 14);
  it('14 days ending on the opening day', () => {
    expect(w).toEqual({ from: '2020-10-01', to: '2020-10-14', days: 14 });
    expect(linkState('2020-09-30', w)).toBe('notYet');
    expect(linkState('2020-10-01', w)).toBe('open');
    expect(linkState('2020-10-14', w)).toBe('open');
    expect(linkState('2020-10-15', w)).toBe('expired');
  });
  it('flags symptoms, fever from the setting, contact and isolation', () => {
    const none = { symptoms: [], temperature: 36.8, contact: false, isolation: false } as const;
    expect(healthFlags(none, 37.5)).toEqual([]);
    expect(healthFlags({ ...none, temperature: 37.5 }, 37.5)).toEqual(['Nhiệt độ 37,5 °C']);
    expect(healthFlags({ ...none, temperature: 37.4 }, 37.5)).toEqual([]);
    expect(healthFlags({ ...none, symptoms: ['cough'], contact: true, isolation: true }, 37.5)).toEqual(['Triệu chứng: Ho', 'Có tiếp xúc với người nghi nhiễm / F0', 'Đang cách ly']);
  });
  it('missing days run from the window start to today, not beyond the window', () => {
    expect(missingDays(w, '2020-10-03', new Set(['2020-10-02']))).toEqual(['2020-10-01', '2020-10-03']);
    expect(missingDays(w, '2020-11-01', new Set())).toHaveLength(14);
    expect(missingDays(w, '2020-09-20', new Set())).toEqual([]);
  });
  it('who was flagged at any time in the window: the day and what, even after a clean declaration or one sent again that day', () => {
    const clean = { symptoms: [], temperature: 36.6, contact: false, isolation: false } as const;
    const days = [
      { day: '2020-10-05', current: clean, superseded: [] },
      { day: '2020-10-03', current: { ...clean, temperature: 38.1, symptoms: ['cough'] as const }, superseded: [] },
      // The morning's contact, replaced by a clean declaration in the evening.
      { day: '2020-10-04', current: clean, superseded: [{ ...clean, contact: true }, { ...clean, contact: true, isolation: true }] },
      // Before the window: not the watch's business.
      { day: '2020-09-30', current: { ...clean, contact: true }, superseded: [] },
    ];
    expect(flaggedDays(days, w, 37.5)).toEqual([
      { day: '2020-10-03', flags: ['Triệu chứng: Ho', 'Nhiệt độ 38,1 °C'] },
      { day: '2020-10-04', flags: ['Có tiếp xúc với người nghi nhiễm / F0', 'Đang cách ly'] },
    ]);
    expect(flaggedDays(days, null, 37.5).map((d) => d.day)).toEqual(['2020-09-30', '2020-10-03', '2020-10-04']);
    // The fever threshold is the current setting.
    expect(flaggedDays(days, w, 38.5).map((d) => d.day)).toEqual(['2020-10-03', '2020-10-04']);
    expect(flaggedDays(days.slice(0, 1), w, 37.5)).toEqual([]);
  });
});
