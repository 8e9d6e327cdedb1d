/**
 * The summary report's figures that are arithmetic, pure: shares, vote-share distributions,
 * attendance, a target's progress. No I/O, no clock. Percentages are rounded the way the
 * dashboards round them (`pct` of campaigns/dashboard-rules.ts: two decimals, half up).
 */
import { pct } from '../campaigns/dashboard-rules.ts';

export { pct };

/**
 * Vote share of an elected secretary, as the election regulation measures it: against the
 * denominator D of the round (election-rules.md R1.20 — those summoned less the categories the
 * regulation excludes), not against valid ballots. The threshold (> D/2) and the counting
 * minutes' "tỷ lệ so với D" use the same D; with valid ballots an absentee or an invalid
 * ballot would no longer count against the candidate and "100 %" would be over-reported.
 */
export type SecretaryVote = { votes: number; denominator: number };

/** Bands of the distribution, highest first; `full` is every vote of D (votes ≥ D). */
export const shareBands = [
  { key: 'full', label: '100%', minPct: 100 },
  { key: 'from95', label: 'Từ 95% đến dưới 100%', minPct: 95 },
  { key: 'from90', label: 'Từ 90% đến dưới 95%', minPct: 90 },
  { key: 'from80', label: 'Từ 80% đến dưới 90%', minPct: 80 },
  { key: 'from65', label: 'Từ 65% đến dưới 80%', minPct: 65 },
  { key: 'below65', label: 'Dưới 65%', minPct: 0 },
] as const;
export type ShareBand = (typeof shareBands)[number]['key'];

/** The band a vote falls in, by exact integer comparison (votes·100 ≥ min·D): 99.996 % is not 100 %. */
export function shareBand(v: SecretaryVote): ShareBand {
  if (!Number.isInteger(v.votes) || !Number.isInteger(v.denominator) || v.votes < 0 || v.denominator < 1) throw new RangeError('votes and D must be integers, D ≥ 1');
  for (const b of shareBands) if (v.votes * 100 >= b.minPct * v.denominator) return b.key;
  return 'below65';
}

export type ShareDistribution = {
  count: number;
  bands: { key: ShareBand; label: string; count: number; pct: number }[];
  atFull: number;
  /** Lowest and highest share (% of D, two decimals); null without votes. */
  min: number | null;
  max: number | null;
  /** Mean of the shares (each secretary weighs the same), two decimals. */
  mean: number | null;
};

export function shareDistribution(votes: readonly SecretaryVote[]): ShareDistribution {
  const counts = new Map<ShareBand, number>(shareBands.map((b) => [b.key, 0]));
  let min: number | null = null;
  let max: number | null = null;
  let sum = 0;
  for (const v of votes) {
    const band = shareBand(v);
    counts.set(band, counts.get(band)! + 1);
    const share = v.votes / v.denominator;
    min = min === null ? share : Math.min(min, share);
    max = max === null ? share : Math.max(max, share);
    sum += share;
  }
  const round2 = (x: number) => Math.round(x * 10_000) / 100;
  return {
    count: votes.length,
    bands: shareBands.map((b) => ({ key: b.key, label: b.label, count: counts.get(b.key)!, pct: pct(counts.get(b.key)!, votes.length) })),
    atFull: counts.get('full')!,
    min: min === null ? null : round2(min),
    max: max === null ? null : round2(max),
    mean: votes.length ? round2(sum / votes.length) : null,
  };
}

/** A round of an election as stored in its history (only what the report reads). */
export type StoredRound = { type: 'round'; result: { denominator: number; elected: number[]; candidates: { ballotNo: number; votes: number }[] } };
export type StoredHistoryItem = StoredRound | { type: 'decision' };

/**
 * The votes and D of each person elected, taken from the round that elected them (a secretary
 * elected on a second round is measured on that round's ballots).
 */
export function electedVotes(history: readonly StoredHistoryItem[]): (SecretaryVote & { ballotNo: number })[] {
  const out: (SecretaryVote & { ballotNo: number })[] = [];
  for (const h of history) {
    if (h.type !== 'round') continue;
    for (const no of h.result.elected) {
      const c = h.result.candidates.find((x) => x.ballotNo === no);
      if (c) out.push({ ballotNo: no, votes: c.votes, denominator: h.result.denominator });
    }
  }
  return out;
}

/**
 * "Elected directly at the congress": a secretary (or cell secretary) election whose electorate
 * is the congress itself — members' or delegates' — rather than the new committee's first
 * conference (election-rules.md §1.9, §8 item 4).
 */
export const DIRECT_SECRETARY_KINDS = ['secretary', 'cellSecretary'] as const;
export const isDirectSecretaryElection = (e: { kind: string; congressKind: string }) =>
  (DIRECT_SECRETARY_KINDS as readonly string[]).includes(e.kind) && (e.congressKind === 'members' || e.congressKind === 'delegates');

/** An election belongs to a congress when it closed during the congress (opening to closing day). */
export const closedDuringCongress = (closedOn: string | null, start: string | null, end: string | null) =>
  closedOn !== null && start !== null && closedOn >= start && closedOn <= (end ?? start);

/** Attendance of study sessions: summed, then one share (not a mean of shares). */
export function attendance(sessions: readonly { expected: number; attended: number }[]) {
  const expected = sessions.reduce((s, x) => s + x.expected, 0);
  const attended = sessions.reduce((s, x) => s + x.attended, 0);
  return { sessions: sessions.length, expected, attended, pct: pct(attended, expected) };
}

export type TargetDirection = 'atLeast' | 'atMost';
export type TargetStatus = 'achieved' | 'notYet' | 'noData';

/**
 * Progress of one target at a date: the latest value recorded up to that day, whether it meets
 * the target, and how far along it is (value / target for "at least"; target / value for "at
 * most", so 100 % means met either way; capped at 999.99 % to keep tables readable).
 */
export function targetProgress(
  t: { targetValue: number; direction: TargetDirection },
  values: readonly { asOf: string; value: number }[],
  asOf: string,
): { value: number | null; valueAsOf: string | null; status: TargetStatus; progressPct: number | null } {
  let latest: { asOf: string; value: number } | null = null;
  for (const v of values) if (v.asOf <= asOf && (latest === null || v.asOf > latest.asOf)) latest = v;
  if (!latest) return { value: null, valueAsOf: null, status: 'noData', progressPct: null };
  const met = t.direction === 'atLeast' ? latest.value >= t.targetValue : latest.value <= t.targetValue;
  let ratio: number | null;
  if (t.direction === 'atLeast') ratio = t.targetValue === 0 ? null : latest.value / t.targetValue;
  else ratio = latest.value === 0 ? (t.targetValue >= 0 ? 1 : null) : t.targetValue / latest.value;
  const progressPct = ratio === null || !Number.isFinite(ratio) || ratio < 0 ? null : Math.min(999.99, Math.round(ratio * 10_000) / 100);
  return { value: latest.value, valueAsOf: latest.asOf, status: met ? 'achieved' : 'notYet', progressPct };
}

/** Counts by a key, in the order of the given keys (missing keys count 0). */
export function countBy<K extends string>(keys: readonly K[], items: readonly { key: K }[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const i of items) out[i.key] = (out[i.key] ?? 0) + 1;
  return out;
}
