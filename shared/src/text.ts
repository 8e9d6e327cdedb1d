/** Vietnamese ordering, the same on the server, in exports and on screen. */
export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * Folds a Vietnamese string for search: lower case, no diacritics, đ → d, single spaces.
 * Users type "mong cai" and expect "Móng Cái".
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
