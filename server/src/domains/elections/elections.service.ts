import type { Db, Queryable } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, fail } from '../../platform/http/errors.ts';
import { foldVietnamese } from '../../../../shared/src/text.ts';
import type { BallotEntryInput, CongressDenominatorFigures, CreateElectionRequest, DenominatorSource, ElectionCongressOption, NextRoundRequest, NominateRequest } from '../../../../shared/src/contracts/elections.ts';
import { electionKindLabels } from '../../../../shared/src/contracts/elections.ts';
import { defaultEntryKeys, effectiveEntryKeys, type EntryKeys, MAX_KEYED_NAMES } from '../../../../shared/src/ballot-keys.ts';
import { pathInside } from '../organizations/organizations.policy.ts';
import {
  type BallotEntry,
  checkElectionList,
  checkQuorum,
  computeDenominator,
  type CongressDecision,
  countRound,
  electionOutcome,
  type ElectionState,
  recordCongressDecision,
  recordRoundVotes,
  startElection,
  type ElectionKind,
  type ExclusionCategory,
  EXCLUSIONS_BY_CONGRESS,
  floorNomineeAdmitted,
  floorNomineeApprovalsNeeded,
  INVALID_REASON_INFO,
  orderForBallot,
  atLeastTwoThirds,
  type QuorumCheck,
  QUORUM_FAILURE_MESSAGES,
  quorumVerdict,
  resolveRuleSet,
  type RuleSet,
  type SettingOverrides,
} from './counting/index.ts';
import { canonicalBallot } from './ballot-canonical.ts';
import { ballotFormOf, type BallotShape, checkEntryShape } from './ballot-shape.ts';
import { type HistoryItem, presentRound, type StoredResult } from './round-result.ts';
import { buildCalendar } from '../../../../shared/src/calendar/working-days.ts';
import { vietnamHolidays } from '../../../../shared/src/calendar/vietnam-holidays.ts';
import { approvalDue, listVoteApproves, resultDeadlines } from './counting/index.ts';

const workCalendar = buildCalendar(vietnamHolidays);
/** The calendar day in Vietnam, whatever the server's time zone. */
const vietnamDate = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
import type { ElectionEvents } from './elections.events.ts';

type ElectionRow = {
  id: number;
  org_id: number;
  org_name: string;
  org_path: string;
  title: string;
  kind: ElectionKind;
  regulation: '2014' | '2024';
  congress_kind: 'members' | 'delegates' | 'conference';
  seats: number;
  alternate_seats: number;
  summoned: number;
  exclusions: Record<string, number>;
  present: number | null;
  ballots_issued: number | null;
  ballots_collected: number | null;
  list_vote: { agree: number; disagree: number; present: number } | null;
  status: 'setup' | 'entry' | 'counted' | 'published';
  result: StoredResult | null;
  current_round: number;
  history: HistoryItem[];
  closed_on: string | null;
  approved_at: Date | null;
  approval_decision: string | null;
  approval_date: string | null;
  approved_by_name?: string | null;
  counted_at: Date | null;
  published_at: Date | null;
  congress_id: number | null;
  denominator_source: DenominatorSource | null;
  entry_keys: EntryKeys;
  rule_settings: SettingOverrides;
  /** The linked congress' closing day, once the campaign records it as held. */
  congress_end?: string | null;
  subordinate_orgs: { total: number; withDelegatesPresent: number } | null;
  version: number;
};
type NominationRow = { id: number; full_name: string; nominated_by: 'floor' | 'self'; present: number; approvals: number; admitted: boolean; recorded_at: Date; username: string };
type CandidateRow = { id: number; ballot_no: number; full_name: string; nominated_by: 'conveningCommittee' | 'floor' | 'self'; round_added: number; approvals: number | null; approvals_present: number | null };
type CounterRow = { user_id: number; username: string; full_name: string; is_chief: boolean; team: 'A' | 'B' | null };
type EntryRow = { round: number; serial: number; team: 'A' | 'B' | 'R'; entry: BallotEntryInput; canonical: string; reason: string | null; entered_by: number; username: string; entered_at: Date; id: number };

export type { HistoryItem, StoredResult } from './round-result.ts';

/** What falls short of Charter Đ11 K6, with the numbers, in Vietnamese. */
function quorumShortfall(q: QuorumCheck, sessionLabel: string | null): string {
  const parts: string[] = [];
  if (!atLeastTwoThirds(q.present, q.summoned)) parts.push(`Có mặt ${q.present}/${q.summoned}, cần ít nhất ${q.presentNeeded} (hai phần ba số được triệu tập).`);
  if (q.subordinateOrgs && !q.subordinateOrgs.ok)
    parts.push(`Tổ chức đảng trực thuộc có đại biểu tham dự ${q.subordinateOrgs.withDelegatesPresent}/${q.subordinateOrgs.total}${sessionLabel ? ` (điểm danh ${sessionLabel})` : ''}, cần ít nhất ${q.subordinateOrgs.needed}.`);
  return parts.join(' ');
}

const quorumFields = (q: QuorumCheck) =>
  q.failures.map((f) => ({ field: f === 'SUBORDINATE_ORGS_BELOW_TWO_THIRDS' ? 'subordinateOrgs' : 'present', code: f, message: QUORUM_FAILURE_MESSAGES[f] }));

/** The regulation's rule set with the election's [U] settings (checked when they were saved). */
const ruleSetOf = (regulation: '2014' | '2024', settings: SettingOverrides = {}): RuleSet => {
  const r = resolveRuleSet(regulation, settings);
  if (!r.ok) throw new DomainError('ELECTION_INVALID', r.error.message);
  return r.value;
};

/**
 * Typists type positions on this round's printed ballot (1..k); the engine's candidate ids are
 * the first-round ballot numbers as strings, so position p means `roundIds[p - 1]`.
 */
function toEngineEntry(e: BallotEntryInput, roundIds: readonly string[]): BallotEntry {
  const id = (pos: number | string) => roundIds[Number(pos) - 1]!;
  if (e.kind === 'strike') return { kind: 'strike', struck: [...new Set(e.struck)].map(id) };
  if (e.kind === 'marks') return { kind: 'marks', marks: Object.fromEntries(Object.entries(e.marks).map(([k, v]) => [id(k), v])) };
  return { kind: 'invalid', reason: e.reason, ...(e.note ? { note: e.note } : {}) };
}

/** The engine's state, replayed from the stored history: the database keeps facts, the engine derives the rest. */
function replay(e: ElectionRow, candidates: CandidateRow[]): ElectionState {
  const rs = ruleSetOf(e.regulation, e.rule_settings);
  const d = computeDenominator({ congress: e.congress_kind, summoned: e.summoned, exclusions: e.exclusions as Partial<Record<ExclusionCategory, number>> }, rs);
  if (!d.ok) throw new DomainError('ELECTION_INVALID', d.error.message);
  const firstRound = candidates.filter((c) => c.round_added === 1).map((c) => String(c.ballot_no));
  let state = startElection({ kind: e.kind, seats: e.seats, alternateSeats: e.alternate_seats, candidates: firstRound, denominator: d.value.denominator, ruleSet: rs });
  for (const h of e.history) {
    if (!state.ok) break;
    state = h.type === 'round' ? recordRoundVotes(state.value, h.votes, h.valid) : recordCongressDecision(state.value, h.decision);
  }
  if (!state.ok) throw new DomainError('COUNTING_FAILED', state.error.message);
  return state.value;
}

/** What other domains learn when an election ends: who was elected, in the closing transaction. */
export type FinishedElection = {
  electionId: number;
  orgId: number;
  kind: ElectionKind;
  closedOn: string;
  elected: { ballotNo: number; fullName: string }[];
  alternates: { ballotNo: number; fullName: string }[];
};
/** Runs inside the transaction that closes the election, so its effects land or fail with it. */
export type ElectionFinishedListener = (tx: Queryable, finished: FinishedElection) => Promise<void>;

/** The register and check-in of the congress an election is held at (the delegates domain, bound in composition.ts). */
export type CongressFiguresPort = (q: Queryable, congressId: number) => Promise<CongressDenominatorFigures | null>;

export function createElectionsService(deps: { db: Db; clock: Clock; events: ElectionEvents; onFinished?: ElectionFinishedListener[]; congressFigures?: CongressFiguresPort }) {
  const { db, events } = deps;

  /**
   * R1.18 for a delegates' congress: summoned and the delegates absent for the whole congress come
   * from its register and check-in once it has a register. Before any session has been checked in
   * nobody is known to be absent for the whole congress, so the typed exclusions stand.
   */
  async function denominatorFromCongress(q: Queryable, congressId: number | null, congressKind: string, at: DenominatorSource['at']) {
    if (congressId === null || congressKind !== 'delegates' || !deps.congressFigures) return null;
    const f = await deps.congressFigures(q, congressId);
    if (!f?.registered) return null;
    const exclusions = f.sessionsHeld > 0 ? Object.fromEntries(Object.entries(f.exclusions).filter(([, n]) => n > 0)) : null;
    const source: DenominatorSource = { kind: 'congressRegister', takenAt: deps.clock.now().toISOString(), at, sessionsHeld: f.sessionsHeld, exclusionsFromCheckIn: exclusions !== null };
    return { summoned: f.summoned, exclusions, source, subordinateOrgs: f.latestSession?.subordinateOrgs ?? null, sessionLabel: f.latestSession?.label ?? null };
  }

  async function announceFinished(tx: Queryable, e: ElectionRow, state: ReturnType<typeof replay>, candidates: CandidateRow[], closedOn: string) {
    const outcome = electionOutcome(state);
    const byNo = new Map(candidates.map((c) => [String(c.ballot_no), c]));
    const people = (ids: readonly string[]) => ids.map((i) => ({ ballotNo: Number(i), fullName: byNo.get(i)?.full_name ?? i }));
    const finished: FinishedElection = { electionId: e.id, orgId: e.org_id, kind: e.kind, closedOn, elected: people(outcome.elected), alternates: people(outcome.alternates) };
    for (const listener of deps.onFinished ?? []) await listener(tx, finished);
  }

  /** An election is held at a congress of its own organization, of the same form. */
  async function assertCongressOf(q: Queryable, congressId: number, orgId: number, congressKind: string) {
    const c = (await q.query<{ org_id: number; form: string; status: string }>(`SELECT org_id, form, status FROM congresses WHERE id = $1`, [congressId])).rows[0];
    const bad = (message: string) => fail('ELECTION_INVALID', message, [{ field: 'congressId', code: 'ELECTION_CONGRESS_MISMATCH', message }]);
    if (!c || c.org_id !== orgId) bad('Đại hội đã chọn không phải đại hội của tổ chức này.');
    if (c!.status === 'cancelled' || c!.status === 'closed') bad('Đại hội đã chọn đã kết thúc hoặc không tổ chức.');
    if (congressKind !== 'conference' && c!.form !== congressKind)
      bad(c!.form === 'delegates' ? 'Đại hội đã chọn là đại hội đại biểu: hãy chọn loại "Đại hội đại biểu".' : 'Đại hội đã chọn là đại hội toàn thể đảng viên: hãy chọn loại "Đại hội đảng viên".');
  }

  async function load(q: Queryable, id: number, forUpdate = false): Promise<ElectionRow> {
    const r = await q.query<ElectionRow>(
      `SELECT e.*, o.name AS org_name, o.path::text AS org_path, u.full_name AS approved_by_name,
              (SELECT k.actual_end::text FROM congresses k WHERE k.id = e.congress_id) AS congress_end
         FROM elections e JOIN organizations o ON o.id = e.org_id LEFT JOIN users u ON u.id = e.approved_by
        WHERE e.id = $1${forUpdate ? ' FOR UPDATE OF e' : ''}`,
      [id],
    );
    if (!r.rows[0]) throw new DomainError('ELECTION_NOT_FOUND');
    return r.rows[0];
  }
  const candidatesOf = async (q: Queryable, id: number) =>
    (
      await q.query<CandidateRow>(
        `SELECT c.id, c.ballot_no, c.full_name, c.nominated_by, c.round_added, n.approvals, n.present AS approvals_present
           FROM election_candidates c LEFT JOIN election_nominations n ON n.id = c.nomination_id WHERE c.election_id = $1 ORDER BY c.ballot_no`,
        [id],
      )
    ).rows;
  const countersOf = async (q: Queryable, id: number) =>
    (
      await q.query<CounterRow>(
        `SELECT c.user_id, u.username, u.full_name, c.is_chief, c.team FROM election_counters c JOIN users u ON u.id = c.user_id WHERE c.election_id = $1 ORDER BY c.is_chief DESC, c.team NULLS LAST, u.username`,
        [id],
      )
    ).rows;

  const canManage = (actor: Actor, e: ElectionRow) => (actor.role === 'admin' || actor.role === 'organizer') && pathInside(e.org_path, actor.scopePath);
  async function access(q: Queryable, actor: Actor, e: ElectionRow) {
    const me = (await countersOf(q, e.id)).find((c) => c.user_id === actor.userId);
    const manage = canManage(actor, e);
    const inScope = pathInside(e.org_path, actor.scopePath);
    if (!manage && !me && !inScope) fail('ORG_OUT_OF_SCOPE');
    return { manage, chief: me?.is_chief ?? false, team: me?.team ?? null, counter: !!me };
  }
  const audit = (tx: Queryable, actor: Actor, e: { id: number; org_id: number }, action: string, summary: string, details?: unknown) =>
    recordAudit(tx, actor, { action, entityType: 'election', entityId: e.id, orgId: e.org_id, summary, details });

  function listIssues(e: ElectionRow, candidates: CandidateRow[], counters: CounterRow[]) {
    const byName = new Map(candidates.map((c) => [foldVietnamese(c.full_name), String(c.ballot_no)]));
    return checkElectionList(
      {
        kind: e.kind,
        seats: e.seats,
        alternateSeats: e.alternate_seats,
        candidates: candidates.map((c) => ({
          id: String(c.ballot_no),
          fullName: c.full_name,
          nominatedBy: c.nominated_by,
          ...(c.approvals !== null && c.approvals_present !== null ? { floorApproval: { approvals: c.approvals, present: c.approvals_present } } : {}),
        })),
        // A counting-committee member whose name is on the list is the clash R1.6 forbids.
        countingCommittee: counters.map((c) => byName.get(foldVietnamese(c.full_name)) ?? `user:${c.user_id}`),
      },
      ruleSetOf(e.regulation, e.rule_settings),
    );
  }

  async function latestEntries(q: Queryable, id: number, round: number): Promise<EntryRow[]> {
    const r = await q.query<EntryRow>(
      `SELECT DISTINCT ON (b.serial, b.team) b.id, b.round, b.serial, b.team, b.entry, b.canonical, b.reason, b.entered_by, u.username, b.entered_at
         FROM ballot_entries b JOIN users u ON u.id = b.entered_by WHERE b.election_id = $1 AND b.round = $2 ORDER BY b.serial, b.team, b.id DESC`,
      [id, round],
    );
    return r.rows;
  }

  /** Per serial: what A and B typed and the chief's resolution; a ballot counts once both agree or it is resolved. */
  function reconcile(e: ElectionRow, entries: EntryRow[]) {
    const bySerial = new Map<number, { A?: EntryRow; B?: EntryRow; R?: EntryRow }>();
    for (const en of entries) {
      const s = bySerial.get(en.serial) ?? {};
      s[en.team] = en;
      bySerial.set(en.serial, s);
    }
    const rows = [...bySerial.entries()]
      .sort(([a], [b]) => a - b)
      .map(([serial, s]) => {
        const state = s.R ? 'resolved' : !s.A ? 'missingA' : !s.B ? 'missingB' : s.A.canonical === s.B.canonical ? 'agreed' : 'differs';
        const final = s.R ?? (state === 'agreed' ? s.A : undefined);
        return { serial, state, a: s.A, b: s.B, resolution: s.R, final };
      });
    const settled = rows.filter((r) => r.final).length;
    const collected = e.ballots_collected ?? 0;
    const problems = rows.filter((r) => !r.final);
    return {
      rows,
      settled,
      problems,
      collected,
      canCount: problems.length === 0 && settled === collected && collected > 0,
    };
  }

  /** The current round's ballot (positions 1..k) and what the election waits for. */
  function roundView(e: ElectionRow, candidates: CandidateRow[]) {
    const state = replay(e, candidates);
    const name = new Map(candidates.map((c) => [String(c.ballot_no), c.full_name]));
    const listOf = (ids: readonly string[]) => ids.map((id, i) => ({ position: i + 1, ballotNo: Number(id), fullName: name.get(id) ?? id }));
    const phase = state.phase;
    const outcome = electionOutcome(state);
    const plan = phase.kind === 'awaitingRound' ? phase.round : state.rounds.at(-1)?.plan;
    return {
      state,
      roundIds: plan?.candidates ?? [],
      view: {
        currentRound: e.current_round,
        round: plan ? { number: plan.number, purpose: plan.purpose, ballotSeats: plan.ballotSeats, candidates: listOf(plan.candidates) } : null,
        phase:
          phase.kind === 'awaitingRound'
            ? { kind: phase.kind, next: { number: phase.round.number, purpose: phase.round.purpose, ballotSeats: phase.round.ballotSeats, candidates: listOf(phase.round.candidates) } }
            : phase.kind === 'awaitingCongressDecision'
              ? { kind: phase.kind, reason: phase.reason, remaining: phase.remaining, tie: 'tie' in phase ? { candidates: listOf(phase.tie.candidates), seats: phase.tie.seats } : null }
              : phase.kind === 'awaitingUpperAppointment'
                ? { kind: phase.kind, reason: phase.reason, failedRounds: phase.failedRounds, source: phase.source }
                : { kind: phase.kind },
        outcome: { elected: outcome.elected.map(Number), alternates: outcome.alternates.map(Number), vacantSeats: outcome.vacantSeats, finished: outcome.finished, upperAppointmentRequired: outcome.upperAppointmentRequired, vacancyHandling: outcome.vacancyHandling },
        rounds: e.history.filter((h) => h.type === 'round').map((h) => (h as Extract<HistoryItem, { type: 'round' }>).result),
        decisions: e.history.filter((h) => h.type === 'decision'),
      },
    };
  }

  /** Only a committee above the congress' own organization approves its results. */
  const isUpperLevel = (actor: Actor, e: ElectionRow) =>
    (actor.role === 'admin' || actor.role === 'organizer') && pathInside(e.org_path, actor.scopePath) && e.org_path !== actor.scopePath;

  function approvalView(e: ElectionRow, actor: Actor) {
    if (!e.closed_on) return { status: 'notFinished' as const, closedOn: null, countedFrom: null, deadlines: null, canApprove: false };
    // QĐ 190 Đ33 counts from the day the congress closes: known once the campaign records the congress as held;
    // until then from the day the election finished (a congress closes no earlier than its last vote).
    const congressClosed = e.congress_end && e.congress_end > e.closed_on ? e.congress_end : null;
    const countedFrom = { date: congressClosed ?? e.closed_on, basis: congressClosed ? ('congressClosed' as const) : ('electionClosed' as const) };
    const d = resultDeadlines(countedFrom.date, workCalendar);
    const deadlines = d.ok
      ? { ...d.value, approvalDue: (() => { const a = approvalDue(d.value.reportDue, workCalendar); return a.ok ? a.value : null; })() }
      : null;
    return {
      status: e.approved_at ? ('approved' as const) : ('pending' as const),
      closedOn: e.closed_on,
      countedFrom,
      deadlines,
      decisionNo: e.approval_decision,
      decisionDate: e.approval_date,
      approvedBy: e.approved_by_name ?? null,
      canApprove: !e.approved_at && isUpperLevel(actor, e),
    };
  }

  const appointmentsOf = async (q: Queryable, id: number) =>
    (
      await q.query<{ full_name: string; decision_no: string; decision_date: string; recorded_at: Date; username: string }>(
        `SELECT a.full_name, a.decision_no, a.decision_date::text AS decision_date, a.recorded_at, u.username
           FROM election_appointments a JOIN users u ON u.id = a.recorded_by WHERE a.election_id = $1 ORDER BY a.id`,
        [id],
      )
    ).rows;

  const nominationsOf = async (q: Queryable, id: number) =>
    (
      await q.query<NominationRow>(
        `SELECT n.id, n.full_name, n.nominated_by, n.present, n.approvals, n.admitted, n.recorded_at, u.username
           FROM election_nominations n JOIN users u ON u.id = n.recorded_by WHERE n.election_id = $1 ORDER BY n.id`,
        [id],
      )
    ).rows;

  function present(e: ElectionRow, candidates: CandidateRow[], counters: CounterRow[], acc: Awaited<ReturnType<typeof access>>, actor: Actor, nominations: NominationRow[] = []) {
    const rs = ruleSetOf(e.regulation, e.rule_settings);
    const rv = roundView(e, candidates);
    const d = computeDenominator({ congress: e.congress_kind, summoned: e.summoned, exclusions: e.exclusions as Partial<Record<ExclusionCategory, number>> }, rs);
    const showResult = e.status === 'published' || acc.manage || acc.chief;
    return {
      id: e.id,
      orgId: e.org_id,
      orgName: e.org_name,
      title: e.title,
      kind: e.kind,
      kindLabel: electionKindLabels[e.kind],
      regulation: e.regulation,
      congressKind: e.congress_kind,
      seats: e.seats,
      alternateSeats: e.alternate_seats,
      summoned: e.summoned,
      exclusions: e.exclusions,
      exclusionCategories: EXCLUSIONS_BY_CONGRESS[e.congress_kind],
      congressId: e.congress_id,
      denominatorSource: e.denominator_source,
      entryKeys: e.entry_keys,
      subordinateOrgs: e.subordinate_orgs,
      // A further round opened below two thirds (allowed by the [U] default, §8 item 3): said wherever the round is shown.
      quorumWarning:
        e.current_round > 1 && e.present !== null && e.status !== 'setup' && !atLeastTwoThirds(e.present, e.summoned)
          ? `Vòng ${e.current_round} mở khi có mặt ${e.present}/${e.summoned}, dưới hai phần ba số được triệu tập (chỉ cảnh báo — thiết lập chưa xác nhận).`
          : null,
      // What this round's ballot is typed with: a round longer than the codes falls back to numbers.
      roundEntryKeys: effectiveEntryKeys(e.entry_keys, rv.roundIds.length || candidates.length),
      maxKeyedNames: MAX_KEYED_NAMES,
      denominator: d.ok ? { value: d.value.denominator, threshold: d.value.threshold, formula: d.value.formula, source: d.value.source, terms: d.value.terms } : null,
      present: e.present,
      ballotsIssued: e.ballots_issued,
      ballotsCollected: e.ballots_collected,
      listVote: e.list_vote,
      status: e.status,
      version: e.version,
      form: ballotFormOf(rv.roundIds.length, rv.view.round?.ballotSeats ?? e.seats),
      candidates: candidates.map((c) => ({ ballotNo: c.ballot_no, fullName: c.full_name, nominatedBy: c.nominated_by, roundAdded: c.round_added })),
      ...rv.view,
      counters: counters.map((c) => ({ userId: c.user_id, username: c.username, fullName: c.full_name, isChief: c.is_chief, team: c.team })),
      listIssues: listIssues(e, candidates, counters),
      nominations: {
        morethanPercentOfPresent: rs.rules.floorNomineeMoreThanPercentOfPresent.value,
        source: rs.rules.floorNomineeMoreThanPercentOfPresent.source,
        votes: nominations.map((n) => ({
          id: n.id,
          fullName: n.full_name,
          nominatedBy: n.nominated_by,
          present: n.present,
          approvals: n.approvals,
          needed: floorNomineeApprovalsNeeded(n.present, rs),
          admitted: n.admitted,
          recordedBy: n.username,
          recordedAt: n.recorded_at.toISOString(),
        })),
      },
      unconfirmedRules: Object.values(rs.rules)
        .filter((r) => r.unconfirmed)
        .map((r) => ({
          id: r.id,
          value: r.value,
          defaultValue: r.defaultValue,
          options: r.options,
          overridden: r.overridden,
          // The order is applied when the list is numbered at creation; the rest may change until entry opens.
          editable: r.kind === 'setting' && r.id !== 'ballotOrder' && e.status === 'setup' && acc.manage,
          source: r.source,
          summary: r.summaryVi,
          explanation: r.explanation,
        })),
      // The reasons of this rule set; the entry screen offers only rulings (not those that follow from the marks) and asks for a note where one is required.
      invalidReasons: Object.entries(INVALID_REASON_INFO)
        .filter(([code]) => (rs.rules.invalidReasons.value as readonly string[]).includes(code))
        .map(([code, info]) => ({ code, label: info.messageVi, unconfirmed: info.unconfirmed, derivedFromMarks: info.derivedFromMarks, requiresNote: info.requiresNote })),
      result: showResult ? e.result : null,
      approval: approvalView(e, actor),
      rounds: showResult ? rv.view.rounds : rv.view.rounds.filter((_, i, all) => i < all.length - (e.status === 'counted' ? 1 : 0)),
      publishedAt: e.published_at?.toISOString() ?? null,
      me: acc,
    };
  }

  // The names on a round's ballot do not change while it is entered: remember its shape per round.
  const roundShapes = new Map<string, BallotShape>();
  async function roundShape(q: Queryable, e: ElectionRow): Promise<BallotShape> {
    const key = `${e.id}:${e.current_round}:${e.history.length}`;
    let shape = roundShapes.get(key);
    if (shape === undefined) {
      const rv = roundView(e, await candidatesOf(q, e.id));
      shape = { size: rv.roundIds.length, form: ballotFormOf(rv.roundIds.length, rv.view.round?.ballotSeats ?? e.seats) };
      if (roundShapes.size > 1000) roundShapes.clear();
      roundShapes.set(key, shape);
    }
    return shape;
  }
  async function assertEntryFits(q: Queryable, e: ElectionRow, entry: BallotEntryInput) {
    const problem = checkEntryShape(entry, await roundShape(q, e));
    if (problem) fail(problem.code, problem.message, [{ field: 'entry', code: problem.code, message: problem.message }]);
  }

  return {
    async create(actor: Actor, input: CreateElectionRequest) {
      const id = await db.transaction((tx) => this.createIn(tx, actor, input));
      return this.get(actor, id);
    },

    /**
     * Creates the election in the caller's transaction: personnel turns an approved candidate
     * list into the election's list (no retyping), each name linked to its person.
     */
    async createIn(tx: Queryable, actor: Actor, input: Omit<CreateElectionRequest, 'candidates'> & { candidates: (CreateElectionRequest['candidates'][number] & { personId?: number })[] }): Promise<number> {
      if (actor.role !== 'admin' && actor.role !== 'organizer') fail('FORBIDDEN_ROLE');
      const rs = ruleSetOf(input.regulation);
      const unvoted = input.candidates.filter((c) => c.nominatedBy !== 'conveningCommittee');
      if (unvoted.length)
        fail(
          'ELECTION_LIST_INVALID',
          `${unvoted.map((c) => c.fullName).join(', ')}: người được đề cử hoặc ứng cử tại đại hội chỉ vào danh sách sau khi đại hội biểu quyết (hơn ${rs.rules.floorNomineeMoreThanPercentOfPresent.value}% số có mặt đồng ý). Hãy tạo danh sách do cấp ủy giới thiệu, rồi ghi từng đề cử cùng kết quả biểu quyết.`,
          unvoted.map((c) => ({ field: 'candidates', code: 'NOMINEE_NEEDS_VOTE', message: `${c.fullName}: chưa có kết quả biểu quyết.` })),
        );
      const org = await tx.query<{ path: string; status: string }>(`SELECT path::text AS path, status FROM organizations WHERE id = $1`, [input.orgId]);
      if (!org.rows[0]) fail('ORG_NOT_FOUND');
      if (!pathInside(org.rows[0]!.path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
      const congressId = input.congressId ?? null;
      if (congressId !== null) await assertCongressOf(tx, congressId, input.orgId, input.congressKind);
      const taken = await denominatorFromCongress(tx, congressId, input.congressKind, 'create');
      const summoned = taken?.summoned ?? input.summoned;
      const exclusions = taken?.exclusions ?? input.exclusions;
      const d = computeDenominator({ congress: input.congressKind, summoned, exclusions: exclusions as Partial<Record<ExclusionCategory, number>> }, rs);
      if (!d.ok) fail('ELECTION_INVALID', d.error.message, [{ field: 'exclusions', code: d.error.code, message: d.error.message }]);
      const r = await tx.query<{ id: number }>(
        `INSERT INTO elections (org_id, title, kind, regulation, congress_kind, seats, alternate_seats, summoned, exclusions, created_by, congress_id, denominator_source, entry_keys)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12::jsonb, $13) RETURNING id`,
        [
          input.orgId,
          input.title,
          input.kind,
          input.regulation,
          input.congressKind,
          input.seats,
          input.alternateSeats,
          summoned,
          JSON.stringify(exclusions),
          actor.userId,
          congressId,
          taken ? JSON.stringify(taken.source) : null,
          input.entryKeys ?? defaultEntryKeys(input.candidates.length),
        ],
      );
      const electionId = r.rows[0]!.id;
      // Ballot order is the regulation's (given name first, Vietnamese collation), not the order typed.
      const ordered = orderForBallot(input.candidates, rs);
      for (const [i, c] of ordered.entries()) {
        await tx.query(`INSERT INTO election_candidates (election_id, ballot_no, full_name, nominated_by, person_id) VALUES ($1, $2, $3, $4, $5)`, [
          electionId,
          i + 1,
          c.fullName,
          c.nominatedBy,
          c.personId ?? null,
        ]);
      }
      await audit(tx, actor, { id: electionId, org_id: input.orgId }, 'election.created', `Tạo cuộc bầu cử: ${input.title}`, taken ? { ...input, summoned, exclusions, denominatorSource: taken.source } : input);
      return electionId;
    },

    /** The congresses of an organization an election can be held at, newest campaign first, with what their register gives. */
    async congressOptions(actor: Actor, orgId: number): Promise<ElectionCongressOption[]> {
      const org = await db.query<{ path: string }>(`SELECT path::text AS path FROM organizations WHERE id = $1`, [orgId]);
      if (!org.rows[0]) fail('ORG_NOT_FOUND');
      if (!pathInside(org.rows[0]!.path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
      const rows = await db.query<{ id: number; campaign_name: string; form: 'members' | 'delegates'; status: string; planned_start: string | null }>(
        `SELECT c.id, k.name AS campaign_name, c.form, c.status, c.planned_start::text AS planned_start
           FROM congresses c JOIN campaigns k ON k.id = c.campaign_id
          WHERE c.org_id = $1 AND c.status NOT IN ('cancelled', 'closed') AND k.status = 'active'
          ORDER BY k.term_from DESC, k.id DESC, c.id DESC`,
        [orgId],
      );
      return Promise.all(
        rows.rows.map(async (c) => ({
          id: c.id,
          campaignName: c.campaign_name,
          form: c.form,
          status: c.status,
          plannedStart: c.planned_start,
          figures: deps.congressFigures ? await deps.congressFigures(db, c.id) : null,
        })),
      );
    },

    async get(actor: Actor, id: number) {
      const e = await load(db, id);
      const acc = await access(db, actor, e);
      const view = present(e, await candidatesOf(db, id), await countersOf(db, id), acc, actor, await nominationsOf(db, id));
      // Seats left empty and the upper committee's appointments to them.
      const appointed = (await appointmentsOf(db, id)).map((a) => ({ fullName: a.full_name, decisionNo: a.decision_no, decisionDate: a.decision_date, recordedBy: a.username, recordedAt: a.recorded_at.toISOString() }));
      const vacant = view.outcome.finished ? view.outcome.vacantSeats.official : 0;
      return { ...view, vacancies: { vacant, appointed, canAppoint: vacant > appointed.length && !!e.closed_on && isUpperLevel(actor, e) } };
    },

    async listForOrg(actor: Actor, orgId: number) {
      const org = await db.query<{ path: string }>(`SELECT path::text AS path FROM organizations WHERE id = $1`, [orgId]);
      if (!org.rows[0]) fail('ORG_NOT_FOUND');
      if (!pathInside(org.rows[0]!.path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
      const r = await db.query<{ id: number; title: string; kind: ElectionKind; status: string; seats: number; created_at: Date }>(
        `SELECT id, title, kind, status, seats, created_at FROM elections WHERE org_id = $1 ORDER BY id DESC`,
        [orgId],
      );
      return r.rows.map((x) => ({ id: x.id, title: x.title, kind: x.kind, kindLabel: electionKindLabels[x.kind], status: x.status, seats: x.seats, createdAt: x.created_at.toISOString() }));
    },

    /** Active users whose scope reaches the election's organization: those who may sit on its counting committee. */
    async eligibleCounters(actor: Actor, id: number) {
      const e = await load(db, id);
      if (!canManage(actor, e)) fail(pathInside(e.org_path, actor.scopePath) ? 'FORBIDDEN_ROLE' : 'ORG_OUT_OF_SCOPE');
      const r = await db.query<{ id: number; username: string; full_name: string; role: string; org_name: string }>(
        `SELECT u.id, u.username, u.full_name, u.role, o.name AS org_name FROM users u JOIN organizations o ON o.id = u.org_id
          WHERE u.active AND $1::ltree <@ o.path ORDER BY u.username`,
        [e.org_path],
      );
      return r.rows.map((u) => ({ id: u.id, username: u.username, fullName: u.full_name, role: u.role, scopeOrgName: u.org_name }));
    },

    /** Elections where the actor sits on the counting committee. */
    async mine(actor: Actor) {
      const r = await db.query<{ id: number; title: string; org_name: string; status: string; team: string | null; is_chief: boolean }>(
        `SELECT e.id, e.title, o.name AS org_name, e.status, c.team, c.is_chief FROM election_counters c JOIN elections e ON e.id = c.election_id
           JOIN organizations o ON o.id = e.org_id WHERE c.user_id = $1 ORDER BY e.id DESC`,
        [actor.userId],
      );
      return r.rows.map((x) => ({ id: x.id, title: x.title, orgName: x.org_name, status: x.status, team: x.team, isChief: x.is_chief }));
    },

    async assignCounters(actor: Actor, id: number, counters: { userId: number; isChief: boolean; team: 'A' | 'B' | null }[]) {
      await db.transaction(async (tx) => {
        const e = await load(tx, id, true);
        if (!canManage(actor, e)) fail(pathInside(e.org_path, actor.scopePath) ? 'FORBIDDEN_ROLE' : 'ORG_OUT_OF_SCOPE');
        if (e.status !== 'setup') fail('ELECTION_WRONG_STATUS', 'Chỉ phân công Ban kiểm phiếu khi cuộc bầu cử chưa bắt đầu nhập phiếu.');
        if (counters.filter((c) => c.isChief).length !== 1) fail('ELECTION_INVALID', 'Ban kiểm phiếu cần đúng một Trưởng ban.');
        if (!counters.some((c) => c.team === 'A') || !counters.some((c) => c.team === 'B')) fail('ELECTION_INVALID', 'Cần ít nhất một người nhập phiếu ở mỗi tổ A và B.');
        if (new Set(counters.map((c) => c.userId)).size !== counters.length) fail('ELECTION_INVALID', 'Một người chỉ được phân công một lần.');
        const users = await tx.query<{ id: number; path: string; active: boolean }>(
          `SELECT u.id, o.path::text AS path, u.active FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.id = ANY($1::int[])`,
          [counters.map((c) => c.userId)],
        );
        for (const c of counters) {
          const u = users.rows.find((x) => x.id === c.userId);
          // Counters must be users whose scope reaches this congress' organization.
          if (!u || !u.active || !pathInside(e.org_path, u.path)) fail('ELECTION_INVALID', `Người dùng #${c.userId} không thuộc phạm vi của đại hội này.`);
        }
        await tx.query(`DELETE FROM election_counters WHERE election_id = $1`, [id]);
        for (const c of counters) await tx.query(`INSERT INTO election_counters (election_id, user_id, is_chief, team) VALUES ($1, $2, $3, $4)`, [id, c.userId, c.isChief, c.team]);
        await audit(tx, actor, e, 'election.counters_assigned', `Phân công Ban kiểm phiếu: ${e.title}`, { counters });
      });
      return this.get(actor, id);
    },

    /** Opens ballot entry once the quorum holds and the list vote is recorded; a list with errors cannot be voted on. */
    /**
     * A nomination from the floor or a self-nomination, with the show-of-hands vote on it. The
     * vote is recorded either way; the name joins the list (re-ordered by the regulation) only with
     * more than 30 % of those present agreeing (R1.11). Only while the list is still being prepared.
     */
    async nominate(actor: Actor, id: number, input: NominateRequest) {
      const outcome = await db.transaction(async (tx) => {
        const e = await load(tx, id, true);
        if (!canManage(actor, e)) fail(pathInside(e.org_path, actor.scopePath) ? 'FORBIDDEN_ROLE' : 'ORG_OUT_OF_SCOPE');
        if (e.version !== input.version) fail('VERSION_CONFLICT');
        if (e.status !== 'setup') fail('ELECTION_WRONG_STATUS', 'Danh sách đã được biểu quyết thông qua; không thêm người được nữa.');
        const rs = ruleSetOf(e.regulation, e.rule_settings);
        if (input.present > e.summoned)
          fail('ELECTION_INVALID', `Số có mặt (${input.present}) lớn hơn số được triệu tập (${e.summoned}).`, [{ field: 'present', code: 'PRESENT_OVER_SUMMONED', message: 'Lớn hơn số được triệu tập.' }]);
        const candidates = await candidatesOf(tx, id);
        // Exact name (diacritics count: "Hà" and "Hạ" are two people), case and spacing aside.
        const nameKey = (n: string) => n.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
        if (candidates.some((c) => nameKey(c.full_name) === nameKey(input.fullName)))
          fail('ELECTION_LIST_INVALID', `${input.fullName} đã có trong danh sách.`, [{ field: 'fullName', code: 'DUPLICATE_CANDIDATE', message: 'Đã có trong danh sách.' }]);
        const admitted = floorNomineeAdmitted(input.approvals, input.present, rs);
        const needed = floorNomineeApprovalsNeeded(input.present, rs);
        const nomination = await tx.query<{ id: number }>(
          `INSERT INTO election_nominations (election_id, full_name, nominated_by, present, approvals, admitted, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [id, input.fullName, input.nominatedBy, input.present, input.approvals, admitted, actor.userId],
        );
        if (admitted) {
          const all = [...candidates.map((c) => ({ id: String(c.id), fullName: c.full_name })), { id: 'new', fullName: input.fullName }];
          const ordered = orderForBallot(all, rs);
          // Ballot numbers follow the regulation's order, so everyone after the new name moves down one;
          // moving everyone out of the way first keeps (election, ballot_no) unique during the shuffle.
          await tx.query(`UPDATE election_candidates SET ballot_no = ballot_no + 1000000 WHERE election_id = $1`, [id]);
          for (const [i, c] of ordered.entries()) {
            if (c.id === 'new')
              await tx.query(`INSERT INTO election_candidates (election_id, ballot_no, full_name, nominated_by, nomination_id) VALUES ($1, $2, $3, $4, $5)`, [
                id,
                i + 1,
                input.fullName,
                input.nominatedBy,
                nomination.rows[0]!.id,
              ]);
            else await tx.query(`UPDATE election_candidates SET ballot_no = $2 WHERE id = $1`, [Number(c.id), i + 1]);
          }
        }
        await tx.query(`UPDATE elections SET version = version + 1 WHERE id = $1`, [id]);
        const verdict = admitted ? 'được đưa vào danh sách' : 'không đủ số đồng ý, không vào danh sách';
        await audit(tx, actor, e, 'election.nomination', `${input.nominatedBy === 'self' ? 'Ứng cử' : 'Đề cử'} tại đại hội: ${input.fullName} — ${input.approvals}/${input.present} đồng ý (cần ${needed}), ${verdict}`, { ...input, admitted, needed });
        return { admitted, needed };
      });
      events.emit(id, { type: 'setup' });
      return { ...outcome, election: await this.get(actor, id) };
    },

    /**
     * The [U] settings of the rule set (election-rules.md §0), changed before entry opens: the
     * values are the engine's to check; a setting equal to its default is not stored.
     */
    async setRuleSettings(actor: Actor, id: number, input: { version: number; settings: Record<string, unknown> }) {
      await db.transaction(async (tx) => {
        const e = await load(tx, id, true);
        if (!canManage(actor, e)) fail(pathInside(e.org_path, actor.scopePath) ? 'FORBIDDEN_ROLE' : 'ORG_OUT_OF_SCOPE');
        if (e.version !== input.version) fail('VERSION_CONFLICT');
        if (e.status !== 'setup') fail('ELECTION_WRONG_STATUS', 'Chỉ thay đổi các thiết lập chưa xác nhận trước khi bắt đầu nhập phiếu.');
        if ('ballotOrder' in input.settings) fail('ELECTION_INVALID', 'Thứ tự tên trên phiếu được áp dụng khi lập danh sách; không đổi sau đó.', [{ field: 'settings.ballotOrder', code: 'RULE_NOT_CONFIGURABLE', message: 'Không đổi sau khi đã lập danh sách.' }]);
        const merged = { ...e.rule_settings, ...input.settings } as SettingOverrides;
        const r = resolveRuleSet(e.regulation, merged);
        if (!r.ok) {
          const rule = (r.error.details as { rule?: string } | undefined)?.rule;
          throw new DomainError('ELECTION_INVALID', r.error.message, [{ field: rule ? `settings.${rule}` : 'settings', code: r.error.code, message: r.error.message }]);
        }
        const rs = r.value;
        const stored = Object.fromEntries(Object.keys(merged).filter((k) => rs.rules[k as keyof typeof rs.rules].overridden).map((k) => [k, merged[k as keyof SettingOverrides]]));
        await tx.query(`UPDATE elections SET rule_settings = $2::jsonb, version = version + 1 WHERE id = $1`, [id, JSON.stringify(stored)]);
        const changed = Object.keys(input.settings).map((k) => `${rs.rules[k as keyof typeof rs.rules].summaryVi} → ${JSON.stringify(rs.rules[k as keyof typeof rs.rules].value)}`);
        await audit(tx, actor, e, 'election.rule_settings_set', `Thiết lập chưa xác nhận: ${changed.join('; ')} — ${e.title}`, { before: e.rule_settings, after: stored });
      });
      events.emit(id, { type: 'setup' });
      return this.get(actor, id);
    },

    /** Codes or numbers: chosen before the ballots are printed, so only while the election is being set up. */
    async setEntryKeys(actor: Actor, id: number, input: { version: number; entryKeys: EntryKeys }) {
      await db.transaction(async (tx) => {
        const e = await load(tx, id, true);
        if (!canManage(actor, e)) fail(pathInside(e.org_path, actor.scopePath) ? 'FORBIDDEN_ROLE' : 'ORG_OUT_OF_SCOPE');
        if (e.version !== input.version) fail('VERSION_CONFLICT');
        if (e.status !== 'setup') fail('ELECTION_WRONG_STATUS');
        if (e.entry_keys === input.entryKeys) return;
        await tx.query(`UPDATE elections SET entry_keys = $2, version = version + 1 WHERE id = $1`, [id, input.entryKeys]);
        await audit(tx, actor, e, 'election.entry_keys_set', `Cách nhập phiếu: ${input.entryKeys === 'keys' ? 'mã một phím' : 'số thứ tự'} — ${e.title}`, { before: e.entry_keys, after: input.entryKeys });
      });
      events.emit(id, { type: 'setup' });
      return this.get(actor, id);
    },

    async openEntry(
      actor: Actor,
      id: number,
      input: { version: number; present: number; ballotsIssued: number; ballotsCollected: number; listVote: { agree: number; disagree: number; present: number }; subordinateOrgs?: { total: number; withDelegatesPresent: number } | undefined },
    ) {
      await db.transaction(async (tx) => {
        const e = await load(tx, id, true);
        if (!canManage(actor, e)) fail(pathInside(e.org_path, actor.scopePath) ? 'FORBIDDEN_ROLE' : 'ORG_OUT_OF_SCOPE');
        if (e.version !== input.version) fail('VERSION_CONFLICT');
        if (e.status !== 'setup') fail('ELECTION_WRONG_STATUS');
        const counters = await countersOf(tx, id);
        if (counters.length === 0) fail('ELECTION_INVALID', 'Chưa phân công Ban kiểm phiếu.');
        const issues = listIssues(e, await candidatesOf(tx, id), counters).filter((i) => i.severity === 'error');
        if (issues.length) fail('ELECTION_LIST_INVALID', issues.map((i) => i.messageVi).join(' '), issues.map((i) => ({ code: i.code, message: i.messageVi })));
        // The register and check-in may have moved since the election was set up: take them as they are now.
        const taken = await denominatorFromCongress(tx, e.congress_id, e.congress_kind, 'openEntry');
        if (taken) {
          const exclusions = taken.exclusions ?? e.exclusions;
          const d = computeDenominator({ congress: e.congress_kind, summoned: taken.summoned, exclusions: exclusions as Partial<Record<ExclusionCategory, number>> }, ruleSetOf(e.regulation, e.rule_settings));
          if (!d.ok) fail('ELECTION_INVALID', d.error.message, [{ field: 'exclusions', code: d.error.code, message: d.error.message }]);
          const changed = taken.summoned !== e.summoned || JSON.stringify(exclusions) !== JSON.stringify(e.exclusions);
          await tx.query(`UPDATE elections SET summoned = $2, exclusions = $3::jsonb, denominator_source = $4::jsonb WHERE id = $1`, [id, taken.summoned, JSON.stringify(exclusions), JSON.stringify(taken.source)]);
          if (changed)
            await audit(tx, actor, e, 'election.denominator_taken', `Cập nhật số triệu tập và số vắng mặt từ danh sách đại biểu, điểm danh: ${e.title}`, {
              before: { summoned: e.summoned, exclusions: e.exclusions },
              after: { summoned: taken.summoned, exclusions },
              source: taken.source,
            });
          e.summoned = taken.summoned;
          e.exclusions = exclusions;
        }
        // Charter Đ11 K6 (b): the subordinate organisations with delegates present come from check-in
        // when the congress records it; otherwise from what the organizer typed.
        const orgs = taken?.subordinateOrgs ?? input.subordinateOrgs ?? null;
        const q = checkQuorum({ summoned: e.summoned, present: input.present, ...(orgs ? { subordinateOrgs: orgs } : {}) }, ruleSetOf(e.regulation, e.rule_settings));
        if (!q.ok) throw new DomainError('ELECTION_INVALID', q.error.message, [{ field: q.error.code === 'ORGS_PRESENT_EXCEED_TOTAL' ? 'subordinateOrgs' : 'present', code: q.error.code, message: q.error.message }]);
        // A hard rule: no round opens below either two thirds, and no override exists.
        if (!quorumVerdict(q.value, 'congressOpening', ruleSetOf(e.regulation, e.rule_settings)).allowed)
          fail('QUORUM_NOT_MET', `${quorumShortfall(q.value, taken?.subordinateOrgs ? taken.sessionLabel : null)} Chưa đủ điều kiện để bầu cử (Điều lệ Đảng Đ11 K6); chỉ có thể lùi hoặc triệu tập lại.`, quorumFields(q.value));
        if (input.ballotsCollected > input.ballotsIssued) fail('ELECTION_INVALID', 'Số phiếu thu vào không được lớn hơn số phiếu phát ra.', [{ field: 'ballotsCollected', code: 'MORE_COLLECTED_THAN_ISSUED', message: 'Số phiếu thu vào lớn hơn số phiếu phát ra.' }]);
        if (input.ballotsIssued > input.present) fail('ELECTION_INVALID', 'Số phiếu phát ra không được lớn hơn số người có mặt.', [{ field: 'ballotsIssued', code: 'MORE_ISSUED_THAN_PRESENT', message: 'Số phiếu phát ra lớn hơn số có mặt.' }]);
        if (!listVoteApproves(input.listVote.agree, input.listVote.present)) fail('ELECTION_LIST_NOT_APPROVED', 'Danh sách bầu cử chưa được quá một nửa số đại biểu có mặt biểu quyết tán thành.');
        await tx.query(
          `UPDATE elections SET status = 'entry', present = $2, ballots_issued = $3, ballots_collected = $4, list_vote = $5::jsonb, subordinate_orgs = $6::jsonb, version = version + 1 WHERE id = $1`,
          [id, input.present, input.ballotsIssued, input.ballotsCollected, JSON.stringify(input.listVote), orgs ? JSON.stringify(orgs) : null],
        );
        await audit(tx, actor, e, 'election.entry_opened', `Bắt đầu nhập phiếu: ${e.title} (phát ${input.ballotsIssued}, thu ${input.ballotsCollected})`, input);
      });
      return this.get(actor, id);
    },

    /** One ballot as typed by one team; acknowledged only after the transaction commits. */
    async enterBallot(actor: Actor, id: number, input: { serial: number; entry: BallotEntryInput; correctionReason?: string }) {
      // The hot path of congress day: few round trips, all inside one transaction.
      const result = await db.transaction(async (tx) => {
        const r = await tx.query<ElectionRow & { team: 'A' | 'B' | null }>(
          `SELECT e.*, o.name AS org_name, o.path::text AS org_path, c.team FROM elections e JOIN organizations o ON o.id = e.org_id
             LEFT JOIN election_counters c ON c.election_id = e.id AND c.user_id = $2 WHERE e.id = $1`,
          [id, actor.userId],
        );
        const e = r.rows[0];
        if (!e) throw new DomainError('ELECTION_NOT_FOUND');
        if (!e.team) fail(pathInside(e.org_path, actor.scopePath) ? 'NOT_AN_ENTRY_TEAM_MEMBER' : 'ORG_OUT_OF_SCOPE');
        if (e.status !== 'entry') fail('ELECTION_WRONG_STATUS', 'Cuộc bầu cử không ở giai đoạn nhập phiếu.');
        if (input.serial > (e.ballots_issued ?? 0))
          fail('BALLOT_SERIAL_UNKNOWN', `Số phiếu ${input.serial} vượt quá số phiếu phát ra (${e.ballots_issued}).`, [{ field: 'serial', code: 'BALLOT_SERIAL_UNKNOWN', message: 'Số phiếu không có trong số phiếu phát ra.' }]);
        await assertEntryFits(tx, e, input.entry);
        const team = e.team!;
        const canonical = canonicalBallot(input.entry);
        const prev = await tx.query<{ canonical: string }>(
          `SELECT canonical FROM ballot_entries WHERE election_id = $1 AND round = $2 AND serial = $3 AND team = $4 ORDER BY id DESC LIMIT 1`,
          [id, e.current_round, input.serial, team],
        );
        const before = prev.rows[0]?.canonical;
        if (before !== canonical) {
          if (before !== undefined && !input.correctionReason) fail('BALLOT_CORRECTION_NEEDS_REASON', `Phiếu số ${input.serial} đã được tổ ${team} nhập; sửa lại cần ghi lý do.`);
          await tx.query(`INSERT INTO ballot_entries (election_id, round, serial, team, entry, canonical, reason, entered_by) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)`, [
            id,
            e.current_round,
            input.serial,
            team,
            JSON.stringify(input.entry),
            canonical,
            input.correctionReason ?? null,
            actor.userId,
          ]);
          await audit(tx, actor, e, before === undefined ? 'ballot.entered' : 'ballot.corrected', `Tổ ${team} ${before === undefined ? 'nhập' : 'sửa'} phiếu số ${input.serial}`, { serial: input.serial, team, entry: input.entry, reason: input.correctionReason });
        }
        const entered = await tx.query<{ n: number }>(`SELECT count(DISTINCT serial)::int AS n FROM ballot_entries WHERE election_id = $1 AND team = $2 AND round = $3`, [id, team, e.current_round]);
        return { serial: input.serial, team, changed: before !== canonical, entered: entered.rows[0]!.n };
      });
      if (result.changed) events.emit(id, { type: 'entry' });
      return result;
    },

    /** What the actor's own team has entered — never the other team's entries. */
    async teamProgress(actor: Actor, id: number) {
      const e = await load(db, id);
      const me = (await countersOf(db, id)).find((c) => c.user_id === actor.userId);
      if (!me?.team) fail(pathInside(e.org_path, actor.scopePath) ? 'NOT_AN_ENTRY_TEAM_MEMBER' : 'ORG_OUT_OF_SCOPE');
      const r = await db.query<{ serial: number; entry: BallotEntryInput }>(
        `SELECT DISTINCT ON (serial) serial, entry FROM ballot_entries WHERE election_id = $1 AND team = $2 AND round = $3 ORDER BY serial, id DESC`,
        [id, me!.team, e.current_round],
      );
      return { team: me!.team!, round: e.current_round, entered: r.rows.length, ballotsCollected: e.ballots_collected ?? 0, ballotsIssued: e.ballots_issued ?? 0, entries: r.rows.map((x) => ({ serial: x.serial, entry: x.entry })) };
    },

    async reconciliation(actor: Actor, id: number) {
      const e = await load(db, id);
      const acc = await access(db, actor, e);
      if (!acc.chief && !acc.manage) fail('FORBIDDEN_ROLE');
      const rec = reconcile(e, await latestEntries(db, id, e.current_round));
      const view = (x?: EntryRow) => (x ? { entry: x.entry, by: x.username, at: x.entered_at.toISOString(), reason: x.reason } : null);
      return {
        collected: rec.collected,
        settled: rec.settled,
        canCount: rec.canCount,
        problems: rec.problems.map((p) => ({ serial: p.serial, state: p.state, a: view(p.a), b: view(p.b) })),
        resolved: rec.rows.filter((r) => r.state === 'resolved').map((p) => ({ serial: p.serial, a: view(p.a), b: view(p.b), resolution: view(p.resolution) })),
        counts: {
          agreed: rec.rows.filter((r) => r.state === 'agreed').length,
          differs: rec.rows.filter((r) => r.state === 'differs').length,
          missingA: rec.rows.filter((r) => r.state === 'missingA').length,
          missingB: rec.rows.filter((r) => r.state === 'missingB').length,
          resolved: rec.rows.filter((r) => r.state === 'resolved').length,
        },
      };
    },

    /** The chief, with the paper in hand, records what the ballot says; the reason is kept. */
    async resolve(actor: Actor, id: number, input: { serial: number; entry: BallotEntryInput; reason: string }) {
      await db.transaction(async (tx) => {
        const e = await load(tx, id);
        const acc = await access(tx, actor, e);
        if (!acc.chief) fail('FORBIDDEN_ROLE', 'Chỉ Trưởng Ban kiểm phiếu được đối chiếu và quyết định phiếu lệch.');
        if (e.status !== 'entry') fail('ELECTION_WRONG_STATUS', 'Phiếu đã được kiểm; không sửa được nữa.');
        if (input.serial > (e.ballots_issued ?? 0)) fail('BALLOT_SERIAL_UNKNOWN');
        await assertEntryFits(tx, e, input.entry);
        await tx.query(`INSERT INTO ballot_entries (election_id, round, serial, team, entry, canonical, reason, entered_by) VALUES ($1, $2, $3, 'R', $4::jsonb, $5, $6, $7)`, [
          id,
          e.current_round,
          input.serial,
          JSON.stringify(input.entry),
          canonicalBallot(input.entry),
          input.reason,
          actor.userId,
        ]);
        await audit(tx, actor, e, 'ballot.reconciled', `Trưởng ban quyết định phiếu số ${input.serial}`, input);
      });
      events.emit(id, { type: 'resolved' });
      return this.reconciliation(actor, id);
    },

    /** Counts only when every ballot is settled and their number equals the ballots collected. */
    async count(actor: Actor, id: number) {
      await db.transaction(async (tx) => {
        const e = await load(tx, id, true);
        const acc = await access(tx, actor, e);
        if (!acc.chief) fail('FORBIDDEN_ROLE', 'Chỉ Trưởng Ban kiểm phiếu được kiểm phiếu.');
        if (e.status !== 'entry') fail('ELECTION_WRONG_STATUS');
        const rec = reconcile(e, await latestEntries(tx, id, e.current_round));
        if (!rec.canCount)
          fail('BALLOTS_NOT_RECONCILED', `Còn ${rec.problems.length} phiếu chưa khớp; đã thống nhất ${rec.settled}/${rec.collected} phiếu thu vào.`);
        const candidates = await candidatesOf(tx, id);
        const rs = ruleSetOf(e.regulation, e.rule_settings);
        const { state, roundIds } = roundView(e, candidates);
        const counted = countRound(state, rec.rows.map((r) => toEngineEntry(r.final!.entry, roundIds)));
        if (!counted.ok) throw new DomainError('COUNTING_FAILED', 'message' in counted.error ? String(counted.error.message) : undefined);
        const { tally, plan } = counted.value;
        const den = computeDenominator({ congress: e.congress_kind, summoned: e.summoned, exclusions: e.exclusions as Partial<Record<ExclusionCategory, number>> }, rs);
        if (!den.ok) throw new DomainError('COUNTING_FAILED', den.error.message);
        const nameOf = new Map(candidates.map((c) => [c.ballot_no, c.full_name]));
        const result: StoredResult = presentRound(counted.value, den.value, rs, (n) => nameOf.get(n) ?? String(n), { present: e.present ?? 0, ballotsIssued: e.ballots_issued ?? 0 });
        const history: HistoryItem[] = [...e.history, { type: 'round', number: plan.number, purpose: plan.purpose, valid: tally.valid, votes: tally.votes.map((v) => ({ id: v.id, votes: v.votes })), result }];
        await tx.query(`UPDATE elections SET history = $2::jsonb WHERE id = $1`, [id, JSON.stringify(history)]);
        await tx.query(`UPDATE elections SET status = 'counted', result = $2::jsonb, counted_at = now(), version = version + 1 WHERE id = $1`, [id, JSON.stringify(result)]);
        await audit(tx, actor, e, 'election.counted', `Kiểm phiếu xong vòng ${plan.number}: ${e.title}; trúng cử ${result.elected.length}`, { elected: result.elected, tie: result.tie });
      });
      events.emit(id, { type: 'counted' });
      return this.get(actor, id);
    },

    async publish(actor: Actor, id: number) {
      await db.transaction(async (tx) => {
        const e = await load(tx, id, true);
        const acc = await access(tx, actor, e);
        if (!acc.chief) fail('FORBIDDEN_ROLE', 'Chỉ Trưởng Ban kiểm phiếu được công bố kết quả.');
        if (e.status !== 'counted') fail('ELECTION_WRONG_STATUS', 'Chưa kiểm phiếu xong.');
        const candidates = await candidatesOf(tx, id);
        const state = replay(e, candidates);
        const closedOn = electionOutcome(state).finished ? vietnamDate(deps.clock.now()) : null;
        await tx.query(`UPDATE elections SET status = 'published', published_at = now(), closed_on = $2, version = version + 1 WHERE id = $1`, [id, closedOn]);
        await audit(tx, actor, e, 'election.published', `Công bố kết quả: ${e.title}`);
        if (closedOn) await announceFinished(tx, e, state, candidates, closedOn);
      });
      events.emit(id, { type: 'published' });
      return this.get(actor, id);
    },

    /**
     * After a published round: a tie-break round follows by itself (Charter Đ12 K3); when seats
     * remain or a tie persists, the congress decides (further round, repeat, or stop) and the
     * organizer records it. A new round needs its own attendance and ballot counts.
     */
    async openNextRound(actor: Actor, id: number, input: NextRoundRequest) {
      await db.transaction(async (tx) => {
        const e = await load(tx, id, true);
        if (!canManage(actor, e)) fail(pathInside(e.org_path, actor.scopePath) ? 'FORBIDDEN_ROLE' : 'ORG_OUT_OF_SCOPE');
        if (e.version !== input.version) fail('VERSION_CONFLICT');
        if (e.status !== 'published') fail('ELECTION_WRONG_STATUS', 'Chỉ mở vòng tiếp theo sau khi kết quả vòng trước đã được công bố.');
        let candidates = await candidatesOf(tx, id);
        let state = replay(e, candidates);
        let history = e.history;
        const rs = ruleSetOf(e.regulation, e.rule_settings);
        if (state.phase.kind === 'closed' || state.phase.kind === 'awaitingUpperAppointment') fail('ELECTION_WRONG_STATUS', 'Cuộc bầu cử đã kết thúc.');
        if (state.phase.kind === 'awaitingCongressDecision') {
          if (!input.decision) fail('ELECTION_INVALID', 'Cần ghi quyết định của đại hội: bầu lại, bầu thêm vòng nữa hoặc dừng.', [{ field: 'decision', code: 'DECISION_REQUIRED', message: 'Chọn quyết định của đại hội.' }]);
          let decision: CongressDecision;
          if (input.decision === 'furtherRound') {
            const known = new Map(candidates.map((c) => [c.ballot_no, c]));
            const unknown = (input.keepBallotNos ?? []).filter((n) => !known.has(n));
            if (unknown.length) fail('ELECTION_INVALID', `Không có ứng cử viên số ${unknown.join(', ')}.`);
            let next = Math.max(...candidates.map((c) => c.ballot_no)) + 1;
            for (const name of input.addCandidates ?? []) {
              await tx.query(`INSERT INTO election_candidates (election_id, ballot_no, full_name, nominated_by, round_added) VALUES ($1, $2, $3, 'floor', $4)`, [id, next++, name, e.current_round + 1]);
            }
            candidates = await candidatesOf(tx, id);
            const keep = new Set([...(input.keepBallotNos ?? []), ...candidates.filter((c) => c.round_added === e.current_round + 1).map((c) => c.ballot_no)]);
            const list = orderForBallot(candidates.filter((c) => keep.has(c.ballot_no)).map((c) => ({ fullName: c.full_name, id: String(c.ballot_no) })), rs);
            decision = { kind: 'furtherRound', candidates: list.map((c) => c.id) };
          } else decision = { kind: input.decision! };
          const applied = recordCongressDecision(state, decision);
          if (!applied.ok) throw new DomainError('ELECTION_INVALID', applied.error.message);
          state = applied.value;
          history = [...history, { type: 'decision', decision, by: actor.username, at: deps.clock.now().toISOString() }];
          await audit(tx, actor, e, 'election.congress_decision', `Ghi quyết định của đại hội: ${input.decision}`, { decision });
        } else if (input.decision) fail('ELECTION_INVALID', 'Vòng bầu lại giữa những người bằng phiếu diễn ra theo quy định; không cần quyết định.');
        if (state.phase.kind !== 'awaitingRound') {
          // The congress stopped: the election closes today, and its deadlines start.
          const closedOn = electionOutcome(state).finished ? vietnamDate(deps.clock.now()) : null;
          await tx.query(`UPDATE elections SET history = $2::jsonb, closed_on = $3, version = version + 1 WHERE id = $1`, [id, JSON.stringify(history), closedOn]);
          if (closedOn) await announceFinished(tx, e, state, candidates, closedOn);
          return;
        }
        if (input.present === undefined || input.ballotsIssued === undefined || input.ballotsCollected === undefined)
          fail('ELECTION_INVALID', 'Vòng mới cần số có mặt, số phiếu phát ra và số phiếu thu vào.');
        const q = checkQuorum({ summoned: e.summoned, present: input.present!, ...(e.subordinate_orgs ? { subordinateOrgs: e.subordinate_orgs } : {}) }, rs);
        if (!q.ok) throw new DomainError('ELECTION_INVALID', q.error.message, [{ field: 'present', code: q.error.code, message: q.error.message }]);
        // Before a further round the rule set's [U] setting decides: a warning by default (§8 item 3), recorded with the round.
        const verdict = quorumVerdict(q.value, 'beforeRound', rs);
        if (!verdict.allowed) fail('QUORUM_NOT_MET', `${quorumShortfall(q.value, null)} Thiết lập của cuộc bầu cử không cho mở vòng bầu khi chưa đủ hai phần ba.`, quorumFields(q.value));
        const quorumWarning = verdict.warning ? quorumShortfall(q.value, null) : null;
        if (input.ballotsCollected! > input.ballotsIssued! || input.ballotsIssued! > input.present!) fail('ELECTION_INVALID', 'Số phiếu thu vào ≤ số phiếu phát ra ≤ số có mặt.');
        await tx.query(
          `UPDATE elections SET history = $2::jsonb, current_round = current_round + 1, status = 'entry', present = $3, ballots_issued = $4, ballots_collected = $5,
             result = NULL, version = version + 1 WHERE id = $1`,
          [id, JSON.stringify(history), input.present, input.ballotsIssued, input.ballotsCollected],
        );
        await audit(
          tx,
          actor,
          e,
          'election.round_opened',
          `Mở vòng ${e.current_round + 1} (${state.phase.round.purpose === 'tieBreak' ? 'bầu lại giữa những người bằng phiếu' : 'bầu thêm'}): ${e.title}${quorumWarning ? ` — cảnh báo: ${quorumWarning}` : ''}`,
          { ...input, ...(quorumWarning ? { quorumWarning } : {}) },
        );
      });
      return this.get(actor, id);
    },

    /**
     * A seat the election left empty, filled by the upper committee's appointment: a cell secretary
     * after three failed rounds (QĐ 294 mục 23.3), or vacancies the congress decided not to vote on again.
     */
    async recordAppointment(actor: Actor, id: number, input: { version: number; fullName: string; decisionNo: string; decisionDate: string }) {
      await db.transaction(async (tx) => {
        const e = await load(tx, id, true);
        if (!pathInside(e.org_path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
        if (!isUpperLevel(actor, e)) fail('FORBIDDEN_ROLE', 'Chỉ cấp ủy cấp trên mới chỉ định vào chỗ trống của cuộc bầu cử.');
        if (e.version !== input.version) fail('VERSION_CONFLICT');
        const outcome = electionOutcome(replay(e, await candidatesOf(tx, id)));
        if (!outcome.finished || !e.closed_on) fail('ELECTION_WRONG_STATUS', 'Cuộc bầu cử chưa kết thúc: chưa có chỗ trống chờ cấp trên chỉ định.');
        const filled = (await appointmentsOf(tx, id)).length;
        if (filled >= outcome.vacantSeats.official) fail('ELECTION_INVALID', `Không còn chỗ trống: ${outcome.vacantSeats.official} chỗ trống đã được chỉ định đủ.`);
        if (input.decisionDate < e.closed_on!) fail('ELECTION_INVALID', 'Ngày quyết định chỉ định không được trước ngày kết thúc bầu cử.', [{ field: 'decisionDate', code: 'DATE_BEFORE_CLOSING', message: 'Trước ngày kết thúc bầu cử.' }]);
        await tx.query(`INSERT INTO election_appointments (election_id, full_name, decision_no, decision_date, recorded_by) VALUES ($1, $2, $3, $4, $5)`, [id, input.fullName, input.decisionNo, input.decisionDate, actor.userId]);
        await tx.query(`UPDATE elections SET version = version + 1 WHERE id = $1`, [id]);
        await audit(tx, actor, e, 'election.appointment_recorded', `Cấp trên chỉ định ${input.fullName} vào chỗ trống (QĐ ${input.decisionNo}): ${e.title}`, input);
      });
      events.emit(id, { type: 'setup' });
      return this.get(actor, id);
    },

    /** Chuẩn y by the upper committee (QĐ 294 mục 16.1.2); until then results are pending approval. */
    async approve(actor: Actor, id: number, input: { version: number; decisionNo: string; decisionDate: string }) {
      await db.transaction(async (tx) => {
        const e = await load(tx, id, true);
        if (!pathInside(e.org_path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
        if (!isUpperLevel(actor, e)) fail('FORBIDDEN_ROLE', 'Chỉ cấp ủy cấp trên trực tiếp hoặc cấp trên nữa mới chuẩn y kết quả bầu cử.');
        if (e.version !== input.version) fail('VERSION_CONFLICT');
        if (!e.closed_on || e.status !== 'published') fail('ELECTION_WRONG_STATUS', 'Cuộc bầu cử chưa kết thúc và công bố kết quả.');
        if (e.approved_at) fail('ELECTION_WRONG_STATUS', 'Kết quả đã được chuẩn y.');
        if (input.decisionDate < e.closed_on!) fail('ELECTION_INVALID', 'Ngày quyết định chuẩn y không được trước ngày kết thúc bầu cử.', [{ field: 'decisionDate', code: 'DATE_BEFORE_CLOSING', message: 'Trước ngày kết thúc bầu cử.' }]);
        await tx.query(`UPDATE elections SET approved_at = now(), approved_by = $2, approval_decision = $3, approval_date = $4, version = version + 1 WHERE id = $1`, [
          id,
          actor.userId,
          input.decisionNo,
          input.decisionDate,
        ]);
        await audit(tx, actor, e, 'election.approved', `Chuẩn y kết quả: ${e.title} (QĐ ${input.decisionNo})`, input);
      });
      return this.get(actor, id);
    },

    /** The projector sees the result only once the chief publishes it. */
    async projector(actor: Actor, id: number) {
      const e = await load(db, id);
      await access(db, actor, e);
      return { id: e.id, title: e.title, orgName: e.org_name, seats: e.seats, status: e.status, result: e.status === 'published' ? e.result : null };
    },

    async entryLog(actor: Actor, id: number) {
      const e = await load(db, id);
      const acc = await access(db, actor, e);
      if (!acc.chief && !acc.manage) fail('FORBIDDEN_ROLE');
      const r = await db.query<EntryRow>(
        `SELECT b.id, b.round, b.serial, b.team, b.entry, b.canonical, b.reason, b.entered_by, u.username, b.entered_at FROM ballot_entries b JOIN users u ON u.id = b.entered_by
          WHERE b.election_id = $1 ORDER BY b.id`,
        [id],
      );
      return r.rows.map((x) => ({ id: Number(x.id), round: x.round, serial: x.serial, team: x.team, entry: x.entry, reason: x.reason, by: x.username, at: x.entered_at.toISOString() }));
    },
  };
}
export type ElectionsService = ReturnType<typeof createElectionsService>;
