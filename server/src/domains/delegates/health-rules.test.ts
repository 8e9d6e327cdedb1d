import { describe, expect, it } from 'vitest';
import { healthFlags, healthWindow, linkState, missingDays } from './health-rules.ts';

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
});
