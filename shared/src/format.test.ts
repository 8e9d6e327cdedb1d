import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDateVi, formatNumberVi, formatPercentVi, parseDateVi } from './format.ts';
import { foldVietnamese, viCollator } from './text.ts';

describe('Vietnamese formats', () => {
  it('writes numbers with dot grouping and comma decimals', () => {
    expect(formatNumberVi(1234.5, 1)).toBe('1.234,5');
    expect(formatNumberVi(49356)).toBe('49.356');
  });
  it('writes the seed report share 621/638 as 97,34%', () => {
    expect(formatPercentVi(621, 638)).toBe('97,34%');
    expect(formatPercentVi(49356, 50502)).toBe('97,73%');
  });
  it('round-trips dates between dd/mm/yyyy and ISO', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseDateVi(formatDateVi(iso))).toBe(iso);
      }),
    );
  });
  it('rejects impossible dates', () => {
    expect(parseDateVi('31/02/2020')).toBeNull();
    expect(parseDateVi('2020-05-15')).toBeNull();
  });
  it('folds diacritics for search, including đ', () => {
    expect(foldVietnamese('Đảng bộ  Móng Cái')).toBe('dang bo mong cai');
  });
  it('orders Vietnamese letters as the alphabet does (Đ after D, Ư after U)', () => {
    const names = ['Ư', 'Đ', 'U', 'D', 'E', 'Â', 'A', 'Ă'];
    expect([...names].sort(viCollator.compare)).toEqual(['A', 'Ă', 'Â', 'D', 'Đ', 'E', 'U', 'Ư']);
  });
});
