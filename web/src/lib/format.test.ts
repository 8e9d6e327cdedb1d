import { describe, expect, it } from 'vitest';
import { formatCount, formatDateTime, parseCount } from './format.ts';

describe('web formatting', () => {
  it('writes times as dd/mm/yyyy HH:mm', () => {
    expect(formatDateTime(new Date(2025, 2, 5, 9, 7))).toBe('05/03/2025 09:07');
  });
  it('groups counts with dots and reads them back', () => {
    expect(formatCount(18950)).toBe('18.950');
    expect(parseCount('18.950')).toBe(18950);
    expect(parseCount('')).toBe(0);
  });
});
