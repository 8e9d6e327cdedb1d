/** dd/mm/yyyy from an ISO date (yyyy-mm-dd) or a Date, as Vietnamese readers write it. */
export function formatDateVi(value: string | Date | null | undefined): string {
  if (value == null) return '';
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    if (!m) return value;
    return `${m[3]}/${m[2]}/${m[1]}`;
  }
  const dd = String(value.getDate()).padStart(2, '0');
  const mm = String(value.getMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${value.getFullYear()}`;
}

export function formatDateTimeVi(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  const hh = String(d.getHours()).padStart(2, '0');
  const mi = String(d.getMinutes()).padStart(2, '0');
  return `${hh}:${mi} ${formatDateVi(d)}`;
}

/** Parses dd/mm/yyyy (or d/m/yyyy) into ISO; null when it is not a real date. */
export function parseDateVi(s: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(s);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const numberFormats = new Map<number, Intl.NumberFormat>();
/** 1.234,5 — Vietnamese grouping and decimal comma. */
export function formatNumberVi(n: number, fractionDigits = 0): string {
  let f = numberFormats.get(fractionDigits);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    numberFormats.set(fractionDigits, f);
  }
  return f.format(n);
}

/** "97,34%" — share of a whole, with the digits the reports use. */
export function formatPercentVi(part: number, whole: number, fractionDigits = 2): string {
  if (whole === 0) return '—';
  return `${formatNumberVi((part * 100) / whole, fractionDigits)}%`;
}
