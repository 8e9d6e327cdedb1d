import { formatDateVi, formatNumberVi } from '../../../shared/src/format.ts';

export { formatDateVi, formatNumberVi };
export { viCollator, foldVietnamese } from '../../../shared/src/text.ts';

/** dd/mm/yyyy HH:mm in the reader's local time, the way the audit log is read. */
export function formatDateTime(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return String(value);
  const hh = String(d.getHours()).padStart(2, '0');
  const mi = String(d.getMinutes()).padStart(2, '0');
  return `${formatDateVi(d)} ${hh}:${mi}`;
}

/** Counts as Vietnamese readers expect (1.234); input boxes use the same grouping. */
export const formatCount = (n: number | null | undefined): string => (n == null ? '' : formatNumberVi(n));
export const parseCount = (s: string | undefined): number => Number((s ?? '').replace(/[^\d]/g, '')) || 0;
