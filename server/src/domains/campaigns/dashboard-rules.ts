/**
 * Dashboard figures from the maintained counters, pure. Counters are 0/1 metrics per congress
 * summed over a subtree and level (`campaign_rollups`) and per-day histograms (`campaign_daily`):
 * `done` by the day a held congress ended, `calDone` / `calPlanned` by the day it opened or is
 * planned to open. "As of" a date changes the held, on-time and progress figures only; statuses
 * are always today's.
 */
import { formatPercentVi } from '../../../../shared/src/format.ts';
import { daysBetween, type IsoDate } from '../../../../shared/src/calendar/working-days.ts';
import { type CongressStatus, congressStatuses } from './lifecycle-rules.ts';
import type { LevelRule } from './schedule-rules.ts';

export const postponeReasons = ['epidemic', 'documents', 'personnel', 'disaster', 'other'] as const;
export type PostponeReason = (typeof postponeReasons)[number];

export type Metrics = ReadonlyMap<string, number>;
export type DayCount = readonly [IsoDate, number];

export const pct = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part * 10_000) / whole) / 100);
export const pctText = (part: number, whole: number): string => formatPercentVi(part, whole, 2);

const sumUpTo = (days: readonly DayCount[], last: IsoDate | null): number => days.reduce((s, [d, n]) => (last === null || d <= last ? s + n : s), 0);
const lastDay = (days: readonly DayCount[], upTo: IsoDate): IsoDate | null => {
  let out: IsoDate | null = null;
  for (const [d, n] of days) if (n > 0 && d <= upTo && (out === null || d > out)) out = d;
  return out;
};

export type DeadlineStatus = 'done' | 'doneLate' | 'onTrack' | 'overdue' | 'noDeadline';

export type LevelFigures = {
  level: number;
  total: number;
  held: number;
  heldPct: number;
  heldPctText: string;
  onTime: number;
  heldAfterDeadline: number;
  onTarget: number | null;
  remaining: number;
  centralDeadline: IsoDate | null;
  provincialTarget: IsoDate | null;
  completedOn: IsoDate | null;
  daysAheadOfDeadline: number | null;
  daysAheadOfTarget: number | null;
  deadlineStatus: DeadlineStatus;
  daysLeft: number | null;
  daysOverdue: number | null;
  statuses: Record<CongressStatus, number>;
  approvalsPending: number;
  approvedNotHeld: number;
  resultsApprovalPending: number;
  pilots: { total: number; held: number };
  postponed: { total: number; byReason: Record<PostponeReason, number> };
  unscheduled: number;
  warned: number;
  heldWithoutApproval: number;
  forms: { members: number; delegates: number };
  contents: { 4: number; 3: number; 2: number };
  trustedByPeople: { cells: number; secretaryIsHead: number; pct: number; pctText: string };
};

export function levelFigures(level: number, m: Metrics, done: readonly DayCount[], rule: LevelRule | undefined, asOf: IsoDate): LevelFigures {
  const g = (k: string) => m.get(k) ?? 0;
  const total = g('total');
  const held = sumUpTo(done, asOf);
  const deadline = rule?.centralDeadline ?? null;
  const target = rule?.provincialTarget ?? null;
  const onTime = deadline ? sumUpTo(done, deadline < asOf ? deadline : asOf) : held;
  const onTarget = target ? sumUpTo(done, target < asOf ? target : asOf) : null;
  const remaining = total - held;
  const completedOn = remaining <= 0 && total > 0 ? lastDay(done, asOf) : null;
  let deadlineStatus: DeadlineStatus = 'noDeadline';
  let daysLeft: number | null = null;
  let daysOverdue: number | null = null;
  if (deadline) {
    if (completedOn) deadlineStatus = completedOn <= deadline ? 'done' : 'doneLate';
    else if (asOf > deadline) {
      deadlineStatus = 'overdue';
      daysOverdue = daysBetween(deadline, asOf);
    } else {
      deadlineStatus = 'onTrack';
      daysLeft = daysBetween(asOf, deadline);
    }
  }
  const statuses = Object.fromEntries(congressStatuses.map((s) => [s, g(`status:${s}`)])) as Record<CongressStatus, number>;
  const cells = g('village');
  const heads = g('villageHead');
  return {
    level,
    total,
    held,
    heldPct: pct(held, total),
    heldPctText: pctText(held, total),
    onTime,
    heldAfterDeadline: held - onTime,
    onTarget,
    remaining,
    centralDeadline: deadline,
    provincialTarget: target,
    completedOn,
    daysAheadOfDeadline: completedOn && deadline ? daysBetween(completedOn, deadline) : null,
    daysAheadOfTarget: completedOn && target ? daysBetween(completedOn, target) : null,
    deadlineStatus,
    daysLeft,
    daysOverdue,
    statuses,
    approvalsPending: statuses.personnelReady,
    approvedNotHeld: statuses.approved,
    resultsApprovalPending: statuses.held,
    pilots: { total: g('pilot'), held: g('pilotHeld') },
    postponed: { total: g('postponed'), byReason: Object.fromEntries(postponeReasons.map((r) => [r, g(`postponed:${r}`)])) as Record<PostponeReason, number> },
    unscheduled: g('unscheduled'),
    warned: g('warned'),
    heldWithoutApproval: g('heldOverride'),
    forms: { members: g('form:members'), delegates: g('form:delegates') },
    contents: { 4: g('contents:4'), 3: g('contents:3'), 2: g('contents:2') },
    trustedByPeople: { cells, secretaryIsHead: heads, pct: pct(heads, cells), pctText: pctText(heads, cells) },
  };
}

export type Totals = {
  total: number;
  held: number;
  heldPct: number;
  heldPctText: string;
  onTime: number;
  approvalsPending: number;
  pilots: { total: number; held: number };
  postponed: { total: number; byReason: Record<PostponeReason, number> };
  trustedByPeople: { cells: number; secretaryIsHead: number; pct: number; pctText: string };
  warned: number;
  unscheduled: number;
};

export function sumLevels(levels: readonly LevelFigures[]): Totals {
  const t = levels.reduce(
    (a, l) => {
      a.total += l.total;
      a.held += l.held;
      a.onTime += l.onTime;
      a.approvalsPending += l.approvalsPending;
      a.pilots.total += l.pilots.total;
      a.pilots.held += l.pilots.held;
      a.postponed.total += l.postponed.total;
      for (const r of postponeReasons) a.postponed.byReason[r] += l.postponed.byReason[r];
      a.cells += l.trustedByPeople.cells;
      a.heads += l.trustedByPeople.secretaryIsHead;
      a.warned += l.warned;
      a.unscheduled += l.unscheduled;
      return a;
    },
    {
      total: 0,
      held: 0,
      onTime: 0,
      approvalsPending: 0,
      pilots: { total: 0, held: 0 },
      postponed: { total: 0, byReason: Object.fromEntries(postponeReasons.map((r) => [r, 0])) as Record<PostponeReason, number> },
      cells: 0,
      heads: 0,
      warned: 0,
      unscheduled: 0,
    },
  );
  return {
    total: t.total,
    held: t.held,
    heldPct: pct(t.held, t.total),
    heldPctText: pctText(t.held, t.total),
    onTime: t.onTime,
    approvalsPending: t.approvalsPending,
    pilots: t.pilots,
    postponed: t.postponed,
    trustedByPeople: { cells: t.cells, secretaryIsHead: t.heads, pct: pct(t.heads, t.cells), pctText: pctText(t.heads, t.cells) },
    warned: t.warned,
    unscheduled: t.unscheduled,
  };
}

export type SeriesPoint = { date: IsoDate; held: number; heldPct: number; forecast: number; forecastPct: number };
export type ProgressSeries = {
  level: number;
  total: number;
  points: SeriesPoint[];
  /** Straight line from the window start (0 %) to the provincial target, or the central deadline (100 %). */
  targetLine: { date: IsoDate; pct: number }[];
  centralDeadline: IsoDate | null;
  provincialTarget: IsoDate | null;
};

/**
 * Cumulative held congresses per day (a point on each day something changed), and the
 * forecast: held so far plus those planned to open by that day.
 */
export function progressSeries(level: number, total: number, done: readonly DayCount[], planned: readonly DayCount[], rule: LevelRule | undefined, asOf: IsoDate): ProgressSeries {
  const days = new Map<IsoDate, { done: number; planned: number }>();
  for (const [d, n] of done) if (d <= asOf) days.set(d, { done: (days.get(d)?.done ?? 0) + n, planned: days.get(d)?.planned ?? 0 });
  for (const [d, n] of planned) days.set(d, { done: days.get(d)?.done ?? 0, planned: (days.get(d)?.planned ?? 0) + n });
  let held = 0;
  let plannedSoFar = 0;
  const points: SeriesPoint[] = [];
  for (const d of [...days.keys()].sort()) {
    const v = days.get(d)!;
    held += v.done;
    plannedSoFar += v.planned;
    const forecast = held + plannedSoFar;
    points.push({ date: d, held, heldPct: pct(held, total), forecast, forecastPct: pct(forecast, total) });
  }
  const end = rule?.provincialTarget ?? rule?.centralDeadline ?? null;
  const begin = rule?.windowStart ?? points[0]?.date ?? null;
  const targetLine = end && begin && begin <= end ? [{ date: begin, pct: 0 }, { date: end, pct: 100 }] : [];
  return { level, total, points, targetLine, centralDeadline: rule?.centralDeadline ?? null, provincialTarget: rule?.provincialTarget ?? null };
}
