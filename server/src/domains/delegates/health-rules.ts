// The health watch before a congress (seed report 000: "giám sát sức khỏe các đại biểu trong
// vòng 14 ngày trước khi tổ chức đại hội"): every delegate declares once a day during the
// window, which ends on the opening day itself (the morning declaration at the door).
import { addDays } from '../../../../shared/src/calendar/working-days.ts';
import { type HealthSymptom, healthSymptomLabels } from '../../../../shared/src/contracts/delegates.ts';

export type { HealthSymptom };

export type HealthWindow = { from: string; to: string; days: number };

/** N days ending on the opening day. */
export function healthWindow(openingDate: string, days: number): HealthWindow {
  return { from: addDays(openingDate, -(days - 1)), to: openingDate, days };
}

export type LinkState = 'notYet' | 'open' | 'expired';
export function linkState(today: string, w: HealthWindow): LinkState {
  if (today < w.from) return 'notYet';
  if (today > w.to) return 'expired';
  return 'open';
}

export type Declaration = { symptoms: readonly HealthSymptom[]; temperature: number | null; contact: boolean; isolation: boolean };

/** Why a declaration needs the organizers' attention; empty when it does not. */
export function healthFlags(d: Declaration, feverFrom: number): string[] {
  const out: string[] = [];
  if (d.symptoms.length > 0) out.push(`Triệu chứng: ${d.symptoms.map((s) => healthSymptomLabels[s]).join(', ')}`);
  // Tenths of a degree compared as integers: 37.5 is not exactly representable.
  if (d.temperature !== null && Math.round(d.temperature * 10) >= Math.round(feverFrom * 10)) out.push(`Nhiệt độ ${d.temperature.toFixed(1).replace('.', ',')} °C`);
  if (d.contact) out.push('Có tiếp xúc với người nghi nhiễm / F0');
  if (d.isolation) out.push('Đang cách ly');
  return out;
}

/** Days of the window up to today (inclusive) with no declaration. */
export function missingDays(w: HealthWindow, today: string, declared: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const last = today < w.to ? today : w.to;
  for (let d = w.from; d <= last; d = addDays(d, 1)) if (!declared.has(d)) out.push(d);
  return out;
}

/** A declaration of one day: the one that stands, and those it replaced that day (sent again), oldest first. */
export type DayDeclarations = { day: string; current: Declaration; superseded: readonly Declaration[] };

/**
 * Every day of the window on which something needed the organizers' attention, whatever was
 * declared afterwards (the latest declaration alone would let a fever vanish after one clean
 * day): the day's flags from each of its declarations, once each, in order. No window (no
 * opening date): every day declared.
 */
export function flaggedDays(days: readonly DayDeclarations[], w: HealthWindow | null, feverFrom: number): { day: string; flags: string[] }[] {
  return days
    .filter((d) => !w || (d.day >= w.from && d.day <= w.to))
    .map((d) => ({ day: d.day, flags: [...new Set([...d.superseded, d.current].flatMap((x) => healthFlags(x, feverFrom)))] }))
    .filter((d) => d.flags.length > 0)
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
