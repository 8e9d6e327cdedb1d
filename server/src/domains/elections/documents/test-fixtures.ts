// Fixture elections for the document tests and for looking at the documents by eye.
// Each is shaped like the service's election view (ElectionsService.get) and its results
// come from the real counting engine, converted the way the service stores them, so the
// documents are tested on what production hands them.
import {
  type BallotEntry,
  computeDenominator,
  countRound,
  type ElectionKind,
  type ElectionState,
  type ExclusionCategory,
  resolveRuleSet,
  startElection,
} from '../counting/index.ts';
import { presentRound, type StoredResult } from '../round-result.ts';
import type { EntryLogEntry } from './entry-log.ts';
import type { DocumentsView } from './from-view.ts';

export const NAMES = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Văn Cường',
  'Phạm Thị Dung',
  'Hoàng Văn Em',
  'Vũ Thị Giang',
  'Đặng Văn Hùng',
  'Bùi Thị Lan',
  'Đỗ Văn Minh',
  'Ngô Thị Nga',
  'Dương Văn Phúc',
];

const COUNTERS = [
  { userId: 11, username: 'kiemphieu', fullName: 'Lương Thị Thu', isChief: true, team: null },
  { userId: 12, username: 'nhapphieu.a', fullName: 'Vi Văn Sơn', isChief: false, team: 'A' as const },
  { userId: 13, username: 'nhapphieu.b', fullName: 'Chu Thị Mai', isChief: false, team: 'B' as const },
];

type Spec = {
  id: number;
  title: string;
  kind: ElectionKind;
  kindLabel: string;
  regulation: '2014' | '2024';
  congressKind: 'members' | 'delegates' | 'conference';
  seats: number;
  alternateSeats?: number;
  summoned: number;
  exclusions: Partial<Record<ExclusionCategory, number>>;
  present: number;
  ballotsIssued: number;
  names: string[];
};

/** Strike-out ballots (by position) giving exactly `votes[i]` to the i-th name over `valid` ballots. */
export function dealBallots(ids: readonly string[], votes: readonly number[], valid: number): BallotEntry[] {
  const kept: Set<string>[] = Array.from({ length: valid }, () => new Set());
  let p = 0;
  ids.forEach((id, i) => {
    for (let k = 0; k < votes[i]!; k++) {
      kept[p]!.add(id);
      p = (p + 1) % valid;
    }
  });
  return kept.map((set) => ({ kind: 'strike', struck: ids.filter((id) => !set.has(id)) }));
}

class Fixture {
  state: ElectionState;
  rounds: StoredResult[] = [];
  status: DocumentsView['status'] = 'setup';
  constructor(readonly s: Spec) {
    const rs = this.ruleSet();
    const d = computeDenominator({ congress: s.congressKind, summoned: s.summoned, exclusions: s.exclusions }, rs);
    if (!d.ok) throw new Error('denominator');
    const started = startElection({
      kind: s.kind,
      seats: s.seats,
      alternateSeats: s.alternateSeats ?? 0,
      candidates: s.names.map((_, i) => String(i + 1)),
      denominator: d.value.denominator,
      ruleSet: rs,
    });
    if (!started.ok) throw new Error('start');
    this.state = started.value;
  }
  ruleSet() {
    const rs = resolveRuleSet(this.s.regulation);
    if (!rs.ok) throw new Error('rule set');
    return rs.value;
  }
  /** Counts the awaited round: votes per name of that round's ballot, in ballot order. */
  count(votes: number[], valid: number, invalid: BallotEntry[] = []): this {
    if (this.state.phase.kind !== 'awaitingRound') throw new Error('no round awaits votes');
    const ids = this.state.phase.round.candidates;
    const counted = countRound(this.state, [...dealBallots(ids, votes, valid), ...invalid]);
    if (!counted.ok) throw new Error(JSON.stringify(counted.error));
    const rs = this.ruleSet();
    const d = computeDenominator({ congress: this.s.congressKind, summoned: this.s.summoned, exclusions: this.s.exclusions }, rs);
    if (!d.ok) throw new Error('denominator');
    // The same shaping the service stores, so the documents are tested on real results.
    this.rounds.push(presentRound(counted.value, d.value, rs, (n) => this.s.names[n - 1]!, { present: this.s.present, ballotsIssued: this.s.ballotsIssued }));
    this.state = counted.value.state;
    this.status = 'counted';
    return this;
  }
  publish(): this {
    this.status = 'published';
    return this;
  }
  view(): DocumentsView {
    const s = this.s;
    const rs = this.ruleSet();
    const d = computeDenominator({ congress: s.congressKind, summoned: s.summoned, exclusions: s.exclusions }, rs);
    if (!d.ok) throw new Error('denominator');
    const listOf = (ids: readonly string[]) => ids.map((id, i) => ({ position: i + 1, ballotNo: Number(id), fullName: s.names[Number(id) - 1]! }));
    const phase = this.state.phase;
    const plan = phase.kind === 'awaitingRound' ? phase.round : this.state.rounds.at(-1)?.plan;
    const round = plan ? { number: plan.number, purpose: plan.purpose, ballotSeats: plan.ballotSeats, candidates: listOf(plan.candidates) } : null;
    return {
      id: s.id,
      orgName: 'Đảng bộ thành phố Móng Cái',
      entryKeys: 'numbers',
      title: s.title,
      kindLabel: s.kindLabel,
      regulation: s.regulation,
      congressKind: s.congressKind,
      seats: s.seats,
      alternateSeats: s.alternateSeats ?? 0,
      summoned: s.summoned,
      exclusions: s.exclusions as Record<string, number>,
      denominator: { terms: d.value.terms },
      present: this.status === 'setup' ? null : s.present,
      ballotsIssued: this.status === 'setup' ? null : s.ballotsIssued,
      status: this.status,
      candidates: s.names.map((fullName, i) => ({ ballotNo: i + 1, fullName })),
      counters: COUNTERS,
      phase: phase.kind === 'awaitingRound' ? { kind: phase.kind, next: round! } : { kind: phase.kind },
      round,
      result: this.status === 'counted' || this.status === 'published' ? (this.rounds.at(-1) ?? null) : null,
      rounds: this.rounds,
      me: { manage: false, chief: true },
    };
  }
}

const committeeSpec: Spec = {
  id: 12,
  title: 'Bầu Ban Chấp hành Đảng bộ thành phố khóa XXV, nhiệm kỳ 2025–2030',
  kind: 'executiveCommittee',
  kindLabel: 'Bầu Ban Chấp hành',
  regulation: '2024',
  congressKind: 'delegates',
  seats: 10,
  summoned: 50,
  exclusions: { delegatesAbsentWholeNotReplaced: 2 },
  present: 47,
  ballotsIssued: 47,
  names: NAMES,
};

/** The committee election before any vote: 11 names for 10 seats, a strike-out ballot. */
export function setupView(): DocumentsView {
  return new Fixture(committeeSpec).view();
}

/**
 * Counted: 50 summoned, 2 absent and not replaced → D = 48, threshold 25. An 32/48 =
 * 66,67 %; Dung has exactly half (24) and is NOT elected; 2 invalid ballots.
 */
export function committeeView(): DocumentsView {
  return new Fixture(committeeSpec)
    .count([32, 40, 25, 24, 38, 30, 41, 36, 29, 27, 44], 44, [
      { kind: 'strike', struck: [] },
      { kind: 'invalid', reason: 'NOT_STAMPED' },
    ])
    .view();
}

const tiedSpec: Spec = {
  id: 31,
  title: 'Bầu Chi ủy Chi bộ khu phố 3, nhiệm kỳ 2025–2027',
  kind: 'executiveCommittee',
  kindLabel: 'Bầu Ban Chấp hành',
  regulation: '2014',
  congressKind: 'members',
  seats: 3,
  summoned: 27,
  exclusions: { temporarilyElsewhereAbsent: 1, suspended: 1 },
  present: 24,
  ballotsIssued: 24,
  names: NAMES.slice(0, 5),
};

/** 3 seats: Cường and Dung tie at 15 for the last seat (threshold 13); a tie-break round awaits. */
export function tiedView(): DocumentsView {
  return new Fixture(tiedSpec).count([20, 18, 15, 15, 4], 24).publish().view();
}

/** The tie-break round counted: Dung 13, Cường 11 → Dung elected without needing half. */
export function tieBreakView(): DocumentsView {
  return new Fixture(tiedSpec).count([20, 18, 15, 15, 4], 24).publish().count([11, 13], 24).view();
}

/** Delegates to the upper congress: 3 official + 1 alternate; only 2 pass half, seats remain. */
export function unfilledView(): DocumentsView {
  return new Fixture({
    id: 44,
    title: 'Bầu đại biểu dự Đại hội Đảng bộ tỉnh lần thứ XVI',
    kind: 'upperCongressDelegates',
    kindLabel: 'Bầu đại biểu dự đại hội cấp trên',
    regulation: '2024',
    congressKind: 'delegates',
    seats: 3,
    alternateSeats: 1,
    summoned: 40,
    exclusions: { convenerMembersAbsentWhole: 1, delegatesAbsentWholeNotReplaced: 1 },
    present: 36,
    ballotsIssued: 36,
    names: NAMES.slice(0, 5),
  })
    .count([30, 12, 25, 19, 8], 35, [{ kind: 'invalid', reason: 'OTHER_COMMITTEE_RULING', note: 'Ghi thêm nội dung' }])
    .view();
}

/** A single name for one seat: the four-column form with one row. */
export function secretaryView(): DocumentsView {
  return new Fixture({ ...committeeSpec, id: 13, title: 'Bầu Bí thư Đảng ủy', kind: 'secretary', kindLabel: 'Bầu Bí thư', seats: 1, names: ['Nguyễn Thị Hạnh'] }).view();
}

/** Five names for five seats (standing committee): the four-column form. */
export function noSurplusView(): DocumentsView {
  return new Fixture({ ...committeeSpec, id: 14, title: 'Bầu Ban Thường vụ Đảng ủy', kind: 'standingCommittee', kindLabel: 'Bầu Ban Thường vụ', seats: 5, names: NAMES.slice(0, 5) }).view();
}

/** A long list (72 names for 55 seats by default), the provincial case. */
export function longListView(length = 72, seats = 55): DocumentsView {
  const names = Array.from({ length }, (_, i) => `${NAMES[i % NAMES.length]!} ${String.fromCharCode(65 + Math.floor(i / NAMES.length))}`);
  return new Fixture({ ...committeeSpec, id: 15, seats, summoned: 348, names }).view();
}

/** An entry log: two teams, one correction with a reason, one chief's resolution, a second round. */
export function entryLogFixture(): EntryLogEntry[] {
  const at = (s: number) => new Date(Date.UTC(2025, 4, 12, 7, 30, s)).toISOString(); // 14:30 in Hà Nội
  return [
    { id: 1, round: 1, serial: 1, team: 'A', entry: { kind: 'strike', struck: [7, 3] }, reason: null, by: 'nhapphieu.a', at: at(1) },
    { id: 2, round: 1, serial: 1, team: 'B', entry: { kind: 'strike', struck: [3, 7] }, reason: null, by: 'nhapphieu.b', at: at(2) },
    { id: 3, round: 1, serial: 2, team: 'A', entry: { kind: 'strike', struck: [] }, reason: null, by: 'nhapphieu.a', at: at(5) },
    { id: 4, round: 1, serial: 2, team: 'B', entry: { kind: 'strike', struck: [11] }, reason: null, by: 'nhapphieu.b', at: at(6) },
    { id: 5, round: 1, serial: 2, team: 'B', entry: { kind: 'strike', struck: [] }, reason: 'Gõ nhầm số 11', by: 'nhapphieu.b', at: at(9) },
    { id: 6, round: 1, serial: 3, team: 'A', entry: { kind: 'invalid', reason: 'NOT_STAMPED' }, reason: null, by: 'nhapphieu.a', at: at(12) },
    { id: 7, round: 1, serial: 3, team: 'B', entry: { kind: 'strike', struck: [1] }, reason: null, by: 'nhapphieu.b', at: at(13) },
    { id: 8, round: 1, serial: 3, team: 'R', entry: { kind: 'invalid', reason: 'NOT_STAMPED' }, reason: 'Đối chiếu phiếu giấy: không có dấu', by: 'kiemphieu', at: at(40) },
    { id: 9, round: 2, serial: 1, team: 'A', entry: { kind: 'marks', marks: { '2': 'both', '1': 'agree', '3': 'none', '4': 'disagree' } }, reason: null, by: 'nhapphieu.a', at: at(50) },
    { id: 10, round: 2, serial: 1, team: 'A', entry: { kind: 'marks', marks: { '1': 'agree' } }, reason: 'Sửa lại theo phiếu', by: 'người.lạ', at: at(55) },
  ];
}
