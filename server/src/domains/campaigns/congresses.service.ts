import type { Db, Queryable } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, fail } from '../../platform/http/errors.ts';
import type { ApiErrorDetail } from '../../../../shared/src/contracts/errors.ts';
import { formatDateVi } from '../../../../shared/src/format.ts';
import type { ApprovalChecklist, Congress, PostponeRequest, TransitionRequest, UpdateCongressRequest } from '../../../../shared/src/contracts/campaigns.ts';
import { pathInside } from '../organizations/organizations.policy.ts';
import { orgsRepo } from '../organizations/organizations.repository.ts';
import { addDays, daysBetween } from '../../../../shared/src/calendar/working-days.ts';
import { type CampaignRow, campaignsRepo, type CongressRow, type VillageElection } from './campaigns.repository.ts';
import type { CampaignEvents } from './campaigns.events.ts';
import { assertCanReadOrg, assertCanWriteCongress, assertUpperLevel, canWrite, isUpperLevelOf } from './campaigns.policy.ts';
import { evaluate, type Evaluation, storedCodes, todayVn } from './congress-evaluation.ts';
import { canEditPlan, canPostpone, canRescheduleFreely, checkTransition, congressStatusLabel, isHeld, needsUpperLevel, nextSteps } from './lifecycle-rules.ts';
import { CELL_TYPE_CODES, contentItems, contentsOf, newWarnings, ruleForType } from './schedule-rules.ts';
import { pct, pctText } from './dashboard-rules.ts';
import { type ApprovalCheckSource, campaignsApprovalSource, lessonsReadState, type OpeningCheck, runApprovalChecks, runOpeningChecks } from './approval-checklist.ts';
import { approvalDecision } from './approval-rules.ts';
import { describeFiles, loadFile, storeFile } from '../../platform/files/files.ts';
import { campaignVisible } from './campaigns.policy.ts';

export type CongressDeps = { db: Db; clock: Clock; events: CampaignEvents; approvalChecks?: readonly ApprovalCheckSource[] | undefined; openingChecks?: readonly OpeningCheck[] | undefined };

const fieldOf: Record<string, string> = {
  DATE_INVALID: 'plannedStart',
  END_WITHOUT_START: 'plannedStart',
  END_BEFORE_START: 'plannedEnd',
  DURATION_EXCEEDS_DATES: 'durationDays',
  PREPARATORY_EXCEEDS_DURATION: 'preparatoryDays',
  NOTICE_AFTER_START: 'noticeDate',
  CONTENTS_BASIS_REQUIRED: 'contentsBasis',
};

function failOnErrors(ev: Evaluation) {
  if (ev.errors.length === 0) return;
  const details: ApiErrorDetail[] = ev.errors.map((e) => ({ field: fieldOf[e.code] ?? 'plannedStart', code: e.code, message: e.message }));
  const code = ev.errors.every((e) => e.code === 'CONTENTS_BASIS_REQUIRED') ? 'CONGRESS_REASON_REQUIRED' : 'CONGRESS_DATES_INVALID';
  throw new DomainError(code, ev.errors[0]!.message, details);
}

/** New rule breaches need a recorded reason; without one nothing is saved and every warning is listed. */
function acceptWarnings(ev: Evaluation, row: Pick<CongressRow, 'warning_codes' | 'warnings_accepted_reason'>, override: { reason: string } | undefined) {
  const saveTime = ev.warnings.filter((w) => w.code !== 'NOTICE_OVERDUE');
  const fresh = newWarnings(saveTime, row.warning_codes);
  const reason = override?.reason.trim() ?? '';
  if (fresh.length > 0 && !reason) {
    throw new DomainError(
      'CONGRESS_RULE_WARNINGS',
      undefined,
      saveTime.map((w) => ({ code: w.code, message: w.message })),
    );
  }
  const codes = storedCodes(ev);
  return { codes, acceptedReason: codes.length === 0 ? null : fresh.length > 0 ? reason : row.warnings_accepted_reason, fresh };
}

/** Files attached to lessons, by lesson, without their bytes. */
async function filesOfLessons(q: Queryable, lessonIds: number[]) {
  const out = new Map<number, { id: number; fileName: string; contentType: string; size: number }[]>();
  if (lessonIds.length === 0) return out;
  const links = await q.query<{ lesson_id: number; file_id: number }>(`SELECT lesson_id, file_id FROM congress_lesson_files WHERE lesson_id = ANY($1::int[]) ORDER BY file_id`, [lessonIds]);
  const files = new Map((await describeFiles(q, links.rows.map((l) => l.file_id))).map((f) => [f.id, f]));
  for (const l of links.rows) {
    const f = files.get(l.file_id)!;
    out.set(l.lesson_id, [...(out.get(l.lesson_id) ?? []), { id: f.id, fileName: f.fileName, contentType: f.contentType, size: f.size }]);
  }
  return out;
}

/** Writes every editable column of a congress and bumps its version (the row trigger keeps the counters). */
export async function saveCongressRow(tx: Queryable, row: CongressRow, next: CongressRow) {
  await tx.query(
    `UPDATE congresses SET status = $2, form = $3, contents = $4, contents_basis = $5, cell_term_mode = $6, planned_start = $7, planned_end = $8,
       duration_days = $9, preparatory_days = $10, actual_start = $11, actual_end = $12, notice_date = $13, venue = $14, expected_attendance = $15,
       is_pilot = $16, postpone_count = $17, last_postpone_reason = $18, held_override = $19, warning_codes = $20::text[], warnings_accepted_reason = $21,
       approval_ref = $22, results_ref = $23, village_election = $24::jsonb, village_head_is_secretary = $25, version = version + 1, updated_at = now()
     WHERE id = $1`,
    [
      row.id,
      next.status,
      next.form,
      next.contents,
      next.contents_basis,
      next.cell_term_mode,
      next.planned_start,
      next.planned_end,
      next.duration_days,
      next.preparatory_days,
      next.actual_start,
      next.actual_end,
      next.notice_date,
      next.venue,
      next.expected_attendance,
      next.is_pilot,
      next.postpone_count,
      next.last_postpone_reason,
      next.held_override,
      next.warning_codes,
      next.warnings_accepted_reason,
      next.approval_ref,
      next.results_ref,
      next.village_election === null ? null : JSON.stringify(next.village_election),
      next.village_head_is_secretary,
    ],
  );
}

/** Lesson attachments: a report, minutes or slides of the pilot (the shared file store's types and limit). */
export const LESSON_FILE_MAX_BYTES = 10 * 1024 * 1024;

export function createCongressOps(deps: CongressDeps) {
  const { db, clock, events } = deps;
  // The campaigns domain's own items first, then those of the domains wired in composition.ts.
  const approvalSources: readonly ApprovalCheckSource[] = [campaignsApprovalSource, ...(deps.approvalChecks ?? [])];
  let gLevel: number | undefined;
  let levelNames: Map<number, string> | undefined;
  const grassrootsLevel = async (q: Queryable) => (gLevel ??= await campaignsRepo.grassrootsLevel(q));
  const levelName = async (q: Queryable, level: number) => ((levelNames ??= await campaignsRepo.levelNames(q)).get(level) ?? `Cấp ${level}`);
  const today = () => todayVn(clock);

  async function loadForWrite(tx: Queryable, actor: Actor, id: number, version?: number): Promise<{ row: CongressRow; campaign: CampaignRow }> {
    if (!canWrite(actor)) fail('FORBIDDEN_ROLE');
    const row = await campaignsRepo.congress(tx, id, true);
    if (!row) throw new DomainError('CONGRESS_NOT_FOUND');
    assertCanWriteCongress(actor, row.org_path);
    const campaign = (await campaignsRepo.byId(tx, row.campaign_id))!;
    if (campaign.status === 'closed') fail('CAMPAIGN_CLOSED');
    if (row.status === 'closed') fail('CONGRESS_CLOSED');
    if (version !== undefined && row.version !== version) fail('VERSION_CONFLICT');
    return { row, campaign };
  }

  const audit = (tx: Queryable, actor: Actor, row: CongressRow, action: string, summary: string, details?: unknown) =>
    recordAudit(tx, actor, { action, entityType: 'congress', entityId: row.id, orgId: row.org_id, summary, details });
  const history = (tx: Queryable, actor: Actor, row: CongressRow, kind: string, details: unknown, from?: string | null, to?: string | null) =>
    campaignsRepo.addHistory(tx, { congressId: row.id, actorId: actor.userId, actorName: actor.username, kind, from: from ?? null, to: to ?? null, details });
  const emit = (row: CongressRow, status: string) => events.emit(row.campaign_id, { type: 'congress', congressId: row.id, orgPath: row.org_path, status });

  const save = saveCongressRow;

  const span = (start: string | null, end: string | null) => (start && end ? daysBetween(start, end) + 1 : 1);

  async function get(actor: Actor, id: number): Promise<Congress> {
    const row = await campaignsRepo.congress(db, id);
    if (!row) throw new DomainError('CONGRESS_NOT_FOUND');
    assertCanReadOrg(actor, row.org_path);
    const campaign = (await campaignsRepo.byId(db, row.campaign_id))!;
    const gl = await grassrootsLevel(db);
    const now = today();
    const ev = evaluate(row, campaign, gl, now);
    const held = isHeld(row.status);
    const [hist, observers, lessons, pilotLessons, assignments, sessions] = await Promise.all([
      campaignsRepo.history(db, row.id),
      db.query<{ id: number; code: string; name: string }>(
        `SELECT o.id, o.code, o.name FROM congress_observers x JOIN organizations o ON o.id = x.org_id WHERE x.congress_id = $1 ORDER BY o.name`,
        [row.id],
      ),
      db.query<{ id: number; text: string; author_name: string | null; created_at: Date }>(
        `SELECT id, text, author_name, created_at FROM congress_lessons WHERE congress_id = $1 ORDER BY id`,
        [row.id],
      ),
      held || row.status === 'cancelled'
        ? Promise.resolve({ rows: [] as { lesson_id: number; congress_id: number; org_id: number; code: string; name: string; held_on: string | null; text: string; created_at: Date }[] })
        : db.query<{ lesson_id: number; congress_id: number; org_id: number; code: string; name: string; held_on: string | null; text: string; created_at: Date }>(
            `SELECT l.id AS lesson_id, c.id AS congress_id, o.id AS org_id, o.code, o.name, c.actual_end AS held_on, l.text, l.created_at
               FROM congresses c JOIN congress_lessons l ON l.congress_id = c.id JOIN organizations o ON o.id = c.org_id
              WHERE c.campaign_id = $1 AND c.level = $2 AND c.is_pilot AND c.id <> $3
              ORDER BY l.created_at DESC, l.id DESC LIMIT 50`,
            [row.campaign_id, row.level, row.id],
          ),
      db.query<{ director_id: number; full_name: string; position: string; duty: 'direct' | 'attend' }>(
        `SELECT a.director_id, d.full_name, d.position, a.duty FROM congress_assignments a JOIN campaign_directors d ON d.id = a.director_id
          WHERE a.congress_id = $1 ORDER BY a.duty DESC, d.full_name`,
        [row.id],
      ),
      db.query<{ id: number; label: string; session_date: string; kind: 'preparatory' | 'official'; checks: Record<string, boolean>; note: string | null; checked_by: string | null; checked_at: Date | null }>(
        `SELECT id, label, session_date, kind, checks, note, checked_by, checked_at FROM congress_sessions WHERE congress_id = $1 ORDER BY session_date, id`,
        [row.id],
      ),
    ]);
    const lessonFiles = await filesOfLessons(db, [...lessons.rows.map((l) => l.id), ...pilotLessons.rows.map((l) => l.lesson_id)]);
    const start = row.actual_start ?? row.planned_start;
    const end = row.actual_end ?? row.planned_end ?? start;
    const clashes = new Map<number, { congressId: number; orgName: string; start: string | null }[]>();
    if (start && assignments.rows.length) {
      const r = await db.query<{ director_id: number; congress_id: number; org_name: string; org_path: string; start: string | null }>(
        `SELECT a.director_id, c.id AS congress_id, o.name AS org_name, c.org_path::text AS org_path, coalesce(c.actual_start, c.planned_start) AS start
           FROM congress_assignments a JOIN congresses c ON c.id = a.congress_id JOIN organizations o ON o.id = c.org_id
          WHERE a.director_id = ANY($1::int[]) AND c.id <> $2 AND c.status <> 'cancelled'
            AND coalesce(c.actual_start, c.planned_start) <= $4::date
            AND coalesce(c.actual_end, c.planned_end, c.actual_start, c.planned_start) >= $3::date`,
        [assignments.rows.map((a) => a.director_id), row.id, start, end],
      );
      for (const c of r.rows) {
        const list = clashes.get(c.director_id) ?? [];
        // Another congress outside the reader's subtree is a clash without a name.
        list.push({ congressId: c.congress_id, orgName: pathInside(c.org_path, actor.scopePath) ? c.org_name : '(ngoài phạm vi)', start: c.start });
        clashes.set(c.director_id, list);
      }
    }
    const ancestorIds = row.org_path
      .split('.')
      .slice(0, -1)
      .map(Number)
      .filter((_, i, arr) => pathInside(arr.slice(0, i + 1).join('.'), actor.scopePath));
    const names = await orgsRepo.namesByIds(db, ancestorIds);
    const ve = row.village_election;
    const writable = canWrite(actor) && row.status !== 'closed' && campaign.status === 'active';
    const measures = campaign.settings.epidemicPlan.measures;
    return {
      id: row.id,
      campaign: { id: campaign.id, name: campaign.name, epidemicPlanActive: campaign.settings.epidemicPlan.active },
      org: { id: row.org_id, code: row.org_code, name: row.org_name, typeCode: row.type_code, members: Number(row.members), ancestors: ancestorIds.map((i) => names.get(i)!).filter(Boolean) },
      level: row.level,
      levelName: await levelName(db, row.level),
      levelRule: ruleForType(campaign.levels.find((l) => l.level === row.level), row.type_code) ?? null,
      status: row.status,
      form: row.form,
      formByRule: ev.formByRule,
      contents: row.contents,
      contentItems: contentsOf(row.contents).map((no) => ({ no, label: contentItems.find((c) => c.no === no)!.label })),
      contentsBasis: row.contents_basis,
      cellTermMode: row.cell_term_mode,
      plannedStart: row.planned_start,
      plannedEnd: row.planned_end,
      durationDays: row.duration_days === null ? null : Number(row.duration_days),
      preparatoryDays: Number(row.preparatory_days),
      actualStart: row.actual_start,
      actualEnd: row.actual_end,
      noticeDate: row.notice_date,
      venue: row.venue,
      expectedAttendance: row.expected_attendance,
      isPilot: row.is_pilot,
      postponeCount: row.postpone_count,
      heldOverride: row.held_override,
      approvalRef: row.approval_ref,
      resultsRef: row.results_ref,
      warnings: ev.warnings,
      warningsAcceptedReason: row.warnings_accepted_reason,
      facts: {
        noticeLatest: ev.facts.noticeLatest,
        noticeWorkingDays: ev.facts.noticeWorkingDays,
        daysAfterDeadline: ev.facts.daysAfterDeadline,
        calendarDays: ev.facts.calendarDays,
        calendarGaps: ev.facts.calendarGaps.map((g) => ({ ...g, notes: [...g.notes] })),
      },
      history: hist.map((h) => ({ at: h.at.toISOString(), actor: h.actor_name, kind: h.kind, fromStatus: h.from_status, toStatus: h.to_status, details: h.details })),
      observers: observers.rows,
      lessons: lessons.rows.map((l) => ({ id: l.id, text: l.text, author: l.author_name, createdAt: l.created_at.toISOString(), files: lessonFiles.get(l.id) ?? [] })),
      // Pilot lessons are shared campaign-wide on purpose: the pilots were chosen so that every other congress of the level learns from them.
      pilotLessons: pilotLessons.rows.map((l) => ({
        lessonId: l.lesson_id,
        congressId: l.congress_id,
        org: { id: l.org_id, code: l.code, name: l.name },
        heldOn: l.held_on,
        text: l.text,
        createdAt: l.created_at.toISOString(),
        files: lessonFiles.get(l.lesson_id) ?? [],
      })),
      assignments: assignments.rows.map((a) => ({ directorId: a.director_id, fullName: a.full_name, position: a.position, duty: a.duty, clashes: clashes.get(a.director_id) ?? [] })),
      villageElection: ve
        ? { ...ve, pct: pct(ve.votesForHead, ve.voters), pctText: pctText(ve.votesForHead, ve.voters), sameDayAsCongress: ve.electionDate === (row.actual_start ?? row.planned_start) }
        : null,
      sessions: sessions.rows.map((s) => ({
        id: s.id,
        label: s.label,
        date: s.session_date,
        kind: s.kind,
        checks: s.checks,
        allChecked: measures.every((m) => s.checks[m.code] === true),
        note: s.note,
        checkedBy: s.checked_by,
        checkedAt: s.checked_at ? s.checked_at.toISOString() : null,
      })),
      safetyMeasures: campaign.settings.epidemicPlan.active ? measures : [],
      nextSteps: writable ? nextSteps(row.status) : [],
      version: row.version,
      can: {
        edit: writable && canEditPlan(row.status),
        postpone: writable && canPostpone(row.status),
        transition: writable,
        approve: writable && isUpperLevelOf(actor, row.org_path),
        assign: writable,
        tickSafety: writable && campaign.settings.epidemicPlan.active,
        recordLessons: writable && row.is_pilot,
        // The village head is elected around the cell's congress, often after it: held congresses still take it.
        recordVillage: writable && CELL_TYPE_CODES.includes(row.type_code),
      },
    };
  }

  /** What the upper level checks before approving (duyệt): every source's items, read now. */
  async function approvalChecklist(actor: Actor, id: number): Promise<ApprovalChecklist> {
    const row = await campaignsRepo.congress(db, id);
    if (!row) throw new DomainError('CONGRESS_NOT_FOUND');
    assertCanReadOrg(actor, row.org_path);
    const verdict = await runApprovalChecks(db, { id: row.id, orgId: row.org_id, campaignId: row.campaign_id }, approvalSources);
    return { congressId: row.id, items: verdict.items, open: verdict.open.length, ready: verdict.ready, canApprove: canWrite(actor) && isUpperLevelOf(actor, row.org_path) && row.status === 'personnelReady' };
  }

  return {
    getCongress: get,

    /** Plan: dates, notice, venue, attendance, form, contents. New rule breaches need `override.reason`. */
    async updateCongress(actor: Actor, id: number, input: UpdateCongressRequest): Promise<Congress> {
      const row = await db.transaction(async (tx) => {
        const { row, campaign } = await loadForWrite(tx, actor, id, input.version);
        if (!canEditPlan(row.status)) fail('CONGRESS_TRANSITION_INVALID', 'Đại hội đã tổ chức hoặc không tổ chức; không sửa kế hoạch được.');
        const next: CongressRow = { ...row };
        const datesGiven = input.plannedStart !== undefined || input.plannedEnd !== undefined || input.durationDays !== undefined;
        if (input.plannedStart !== undefined) {
          next.planned_start = input.plannedStart;
          if (input.plannedEnd === undefined)
            next.planned_end = input.plannedStart && row.planned_start ? addDays(input.plannedStart, span(row.planned_start, row.planned_end) - 1) : input.plannedStart;
        }
        if (input.plannedEnd !== undefined) next.planned_end = input.plannedEnd;
        if (next.planned_start === null) next.planned_end = null;
        if (input.durationDays !== undefined) next.duration_days = input.durationDays;
        if (input.preparatoryDays !== undefined) next.preparatory_days = input.preparatoryDays;
        if (input.noticeDate !== undefined) next.notice_date = input.noticeDate;
        if (input.venue !== undefined) next.venue = input.venue || null;
        if (input.expectedAttendance !== undefined) next.expected_attendance = input.expectedAttendance;
        if (input.form !== undefined) next.form = input.form;
        if (input.contents !== undefined) next.contents = input.contents;
        if (input.contentsBasis !== undefined) next.contents_basis = input.contentsBasis || null;
        if (input.cellTermMode !== undefined) next.cell_term_mode = input.cellTermMode;
        const moved = next.planned_start !== row.planned_start || next.planned_end !== row.planned_end;
        if (datesGiven && moved && row.planned_start && !canRescheduleFreely(row.status))
          fail('CONGRESS_TRANSITION_INVALID', 'Đại hội đã được cấp trên duyệt: muốn đổi ngày, hãy dùng "Lùi thời gian" và ghi rõ lý do.');
        const ev = evaluate(next, campaign, await grassrootsLevel(tx));
        failOnErrors(ev);
        const accepted = acceptWarnings(ev, row, input.override);
        next.warning_codes = accepted.codes;
        next.warnings_accepted_reason = accepted.acceptedReason;
        const changes: Record<string, { from: unknown; to: unknown }> = {};
        for (const k of ['planned_start', 'planned_end', 'duration_days', 'preparatory_days', 'notice_date', 'venue', 'expected_attendance', 'form', 'contents', 'contents_basis', 'cell_term_mode'] as const) {
          if (String(row[k]) !== String(next[k])) changes[k] = { from: row[k], to: next[k] };
        }
        if (Object.keys(changes).length === 0) return row;
        await save(tx, row, next);
        await history(tx, actor, row, moved ? 'scheduled' : 'updated', { changes, ...(accepted.fresh.length ? { acceptedWarnings: accepted.fresh, reason: accepted.acceptedReason } : {}) });
        const when = next.planned_start ? ` ngày ${formatDateVi(next.planned_start)}${next.planned_end && next.planned_end !== next.planned_start ? `–${formatDateVi(next.planned_end)}` : ''}` : '';
        await audit(tx, actor, row, moved ? 'congress.scheduled' : 'congress.updated', `${moved ? 'Lên lịch' : 'Cập nhật'} đại hội ${row.org_name}${moved ? when : ''}`, {
          changes,
          ...(accepted.fresh.length ? { acceptedWarnings: accepted.fresh, reason: accepted.acceptedReason } : {}),
        });
        return row;
      });
      emit(row, row.status);
      return get(actor, id);
    },

    approvalChecklist,

    /** The congress confirms it studied the pilots' lessons of its level (an approval checklist item). */
    async confirmLessonsRead(actor: Actor, id: number): Promise<ApprovalChecklist> {
      await db.transaction(async (tx) => {
        const { row } = await loadForWrite(tx, actor, id);
        if (row.is_pilot) fail('CONGRESS_TRANSITION_INVALID', 'Đại hội điểm không cần xác nhận đọc bài học của chính các đại hội điểm.');
        if (isHeld(row.status)) fail('CONGRESS_TRANSITION_INVALID', 'Đại hội đã tổ chức.');
        const state = await lessonsReadState(tx, row);
        if (state.lessons === 0) fail('NOT_FOUND', 'Chưa có bài học nào của đại hội điểm cùng cấp để xác nhận.');
        await tx.query(`INSERT INTO congress_lessons_read (congress_id, lessons_seen, read_by_user_id, read_by_name) VALUES ($1, $2, $3, $4)`, [row.id, state.lessons, actor.userId || null, actor.username]);
        await history(tx, actor, row, 'lessonsRead', { lessons: state.lessons });
        await audit(tx, actor, row, 'congress.lessonsRead', `Đại hội ${row.org_name} xác nhận đã nghiên cứu ${state.lessons} bài học của đại hội điểm cùng cấp`, { lessons: state.lessons });
      });
      return approvalChecklist(actor, id);
    },

    async transition(actor: Actor, id: number, input: TransitionRequest): Promise<Congress> {
      const out = await db.transaction(async (tx) => {
        const { row, campaign } = await loadForWrite(tx, actor, id, input.version);
        const check = checkTransition(row.status, input.to, { reason: input.reason ?? null, overrideReason: input.override?.reason ?? null });
        if (!check.ok) fail(check.code, check.message);
        if (!check.ok) throw new Error('unreachable');
        if (needsUpperLevel(input.to) || (row.status === 'approved' && check.kind === 'back')) assertUpperLevel(actor, row.org_path);
        const next: CongressRow = { ...row, status: input.to };
        if (input.to === 'held') {
          const start = input.actualStart ?? row.planned_start;
          const end = input.actualEnd ?? (input.actualStart ? (row.planned_start && row.planned_end ? addDays(input.actualStart, span(row.planned_start, row.planned_end) - 1) : input.actualStart) : (row.planned_end ?? start));
          if (!start) fail('CONGRESS_DATES_INVALID', 'Cần ghi ngày tổ chức đại hội.', [{ field: 'actualStart', code: 'REQUIRED', message: 'Cần ghi ngày tổ chức đại hội.' }]);
          if (end! < start!) fail('CONGRESS_DATES_INVALID', `Ngày kết thúc ${formatDateVi(end)} trước ngày khai mạc ${formatDateVi(start)}.`, [{ field: 'actualEnd', code: 'END_BEFORE_START', message: 'Ngày kết thúc trước ngày khai mạc.' }]);
          if (end! > today()) fail('CONGRESS_DATE_IN_FUTURE', `Ngày ${formatDateVi(end)} chưa đến; chưa thể ghi nhận đại hội đã tổ chức.`);
          next.actual_start = start;
          next.actual_end = end;
          if (next.duration_days !== null && Number(next.duration_days) > span(start, end)) next.duration_days = span(start, end);
          next.held_override = check.kind === 'heldWithoutApproval';
          // Charter Đ11 K6: where check-in shows the opening lacked the quorum, the congress was not validly held.
          const refusal = await runOpeningChecks(tx, { id: row.id, orgId: row.org_id, campaignId: row.campaign_id }, deps.openingChecks ?? []);
          if (refusal) fail('QUORUM_NOT_MET', refusal.message);
        }
        let checklistOverride: { reason: string; items: { source: string; key: string; label: string; detail: string | null }[] } | null = null;
        if (input.to === 'approved') {
          const verdict = await runApprovalChecks(tx, { id: row.id, orgId: row.org_id, campaignId: row.campaign_id }, approvalSources);
          const decision = approvalDecision(verdict, input.override?.reason);
          if (!decision.ok)
            fail(
              'CONGRESS_APPROVAL_CHECKLIST_OPEN',
              `Chưa đủ điều kiện duyệt: ${decision.open.map((i) => i.label).join('; ')}. Hoàn thành các mục này, hoặc ghi rõ lý do để duyệt như một ngoại lệ.`,
              decision.open.map((i) => ({ field: `checklist.${i.source}.${i.key}`, code: i.key, message: i.detail ? `${i.label}: ${i.detail}` : i.label })),
            );
          if (decision.ok && decision.overridden.length)
            checklistOverride = { reason: input.override!.reason.trim(), items: decision.overridden.map((i) => ({ source: i.source, key: i.key, label: i.label, detail: i.detail })) };
        }
        if (input.to === 'approved' && input.decisionRef) next.approval_ref = input.decisionRef;
        if (input.to === 'resultsApproved' && input.decisionRef) next.results_ref = input.decisionRef;
        if (check.kind === 'back' && row.status === 'approved') next.approval_ref = null;
        const ev = evaluate(next, campaign, await grassrootsLevel(tx));
        next.warning_codes = storedCodes(ev);
        if (next.warning_codes.length === 0) next.warnings_accepted_reason = null;
        await save(tx, row, next);
        const details = {
          ...(input.reason ? { reason: input.reason } : {}),
          ...(check.kind === 'heldWithoutApproval' ? { override: input.override!.reason } : {}),
          ...(input.decisionRef ? { decisionRef: input.decisionRef } : {}),
          ...(input.to === 'held' ? { actualStart: next.actual_start, actualEnd: next.actual_end, warnings: next.warning_codes } : {}),
          ...(checklistOverride ? { checklistOverride } : {}),
        };
        await history(tx, actor, row, check.kind === 'heldWithoutApproval' ? 'heldWithoutApproval' : 'status', details, row.status, input.to);
        await audit(
          tx,
          actor,
          row,
          check.kind === 'heldWithoutApproval' ? 'congress.heldWithoutApproval' : 'congress.status',
          `Đại hội ${row.org_name}: ${congressStatusLabel(row.status)} → ${congressStatusLabel(input.to)}${check.kind === 'heldWithoutApproval' ? ' (ngoại lệ: chưa được duyệt)' : ''}${checklistOverride ? ` (ngoại lệ: ${checklistOverride.items.length} mục điều kiện duyệt chưa đạt)` : ''}`,
          details,
        );
        return row;
      });
      emit(out, input.to);
      return get(actor, id);
    },

    async postpone(actor: Actor, id: number, input: PostponeRequest): Promise<Congress> {
      const out = await db.transaction(async (tx) => {
        const { row, campaign } = await loadForWrite(tx, actor, id, input.version);
        if (!canPostpone(row.status)) fail('CONGRESS_TRANSITION_INVALID', 'Chỉ lùi thời gian được đại hội chưa tổ chức.');
        if (!input.reason.trim()) fail('CONGRESS_REASON_REQUIRED', 'Lùi thời gian đại hội phải ghi rõ lý do.', [{ field: 'reason', code: 'REQUIRED', message: 'Phải ghi rõ lý do lùi thời gian.' }]);
        if (!row.planned_start) fail('CONGRESS_DATES_INVALID', 'Đại hội chưa có lịch; hãy lên lịch thay vì lùi thời gian.');
        if (input.newStart && input.newStart <= row.planned_start!)
          fail('CONGRESS_DATES_INVALID', `Ngày mới phải sau ngày đã định (${formatDateVi(row.planned_start)}).`, [{ field: 'newStart', code: 'NOT_LATER', message: 'Ngày mới phải sau ngày đã định.' }]);
        const next: CongressRow = { ...row };
        next.planned_start = input.newStart;
        next.planned_end = input.newStart ? (input.newEnd ?? addDays(input.newStart, span(row.planned_start, row.planned_end) - 1)) : null;
        if (input.durationDays !== undefined) next.duration_days = input.durationDays;
        // The notice went out for the old date: a new one is due for the new date.
        next.notice_date = null;
        next.postpone_count = row.postpone_count + 1;
        next.last_postpone_reason = input.reasonCategory;
        const ev = evaluate(next, campaign, await grassrootsLevel(tx));
        failOnErrors(ev);
        const accepted = acceptWarnings(ev, row, input.override);
        next.warning_codes = accepted.codes;
        next.warnings_accepted_reason = accepted.acceptedReason;
        await save(tx, row, next);
        const details = {
          from: { start: row.planned_start, end: row.planned_end },
          to: { start: next.planned_start, end: next.planned_end },
          reasonCategory: input.reasonCategory,
          reason: input.reason,
          decidedBy: input.decidedBy,
          ...(input.decisionRef ? { decisionRef: input.decisionRef } : {}),
          ...(accepted.fresh.length ? { acceptedWarnings: accepted.fresh, overrideReason: accepted.acceptedReason } : {}),
        };
        await history(tx, actor, row, 'postponed', details);
        await audit(
          tx,
          actor,
          row,
          'congress.postponed',
          `Lùi thời gian đại hội ${row.org_name} từ ${formatDateVi(row.planned_start)} ${next.planned_start ? `đến ${formatDateVi(next.planned_start)}` : '(chưa định ngày)'}: ${input.reason}`,
          details,
        );
        return row;
      });
      emit(out, out.status);
      return get(actor, id);
    },

    async setPilot(actor: Actor, id: number, input: { version: number; isPilot: boolean; observerOrgIds: number[] }): Promise<Congress> {
      const out = await db.transaction(async (tx) => {
        const { row, campaign } = await loadForWrite(tx, actor, id, input.version);
        const ids = [...new Set(input.observerOrgIds)].filter((x) => x !== row.org_id);
        if (ids.length) {
          const orgs = await tx.query<{ id: number; path: string; status: string }>(`SELECT id, path::text AS path, status FROM organizations WHERE id = ANY($1::int[])`, [ids]);
          if (orgs.rows.length !== ids.length) fail('ORG_NOT_FOUND');
          for (const o of orgs.rows) {
            if (!pathInside(o.path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
            if (!pathInside(o.path, campaign.root_path)) fail('ORG_OUT_OF_SCOPE');
          }
        }
        const next: CongressRow = { ...row, is_pilot: input.isPilot };
        const ev = evaluate(next, campaign, await grassrootsLevel(tx));
        next.warning_codes = storedCodes(ev);
        if (next.warning_codes.length === 0) next.warnings_accepted_reason = null;
        await save(tx, row, next);
        await tx.query(`DELETE FROM congress_observers WHERE congress_id = $1`, [row.id]);
        if (input.isPilot && ids.length) await tx.query(`INSERT INTO congress_observers (congress_id, org_id) SELECT $1, unnest($2::int[])`, [row.id, ids]);
        const details = { isPilot: input.isPilot, observerOrgIds: input.isPilot ? ids : [] };
        await history(tx, actor, row, 'pilot', details);
        await audit(tx, actor, row, 'congress.pilot', input.isPilot ? `Chọn đại hội ${row.org_name} làm đại hội điểm (${ids.length} tổ chức dự, rút kinh nghiệm)` : `Bỏ đại hội điểm: ${row.org_name}`, details);
        return row;
      });
      emit(out, out.status);
      return get(actor, id);
    },

    async addLesson(actor: Actor, id: number, input: { text: string }): Promise<Congress> {
      await db.transaction(async (tx) => {
        const { row } = await loadForWrite(tx, actor, id);
        if (!row.is_pilot) fail('CONGRESS_NOT_PILOT');
        await tx.query(`INSERT INTO congress_lessons (congress_id, text, author_user_id, author_name) VALUES ($1, $2, $3, $4)`, [row.id, input.text, actor.userId, actor.username]);
        await history(tx, actor, row, 'lesson', { length: input.text.length });
        await audit(tx, actor, row, 'congress.lesson', `Rút kinh nghiệm đại hội điểm ${row.org_name}`, { text: input.text });
      });
      return get(actor, id);
    },

    async attachLessonFile(actor: Actor, id: number, lessonId: number, file: { fileName: string; bytes: Buffer }): Promise<Congress> {
      await db.transaction(async (tx) => {
        const { row } = await loadForWrite(tx, actor, id);
        if (!row.is_pilot) fail('CONGRESS_NOT_PILOT');
        const l = await tx.query<{ n: number }>(`SELECT (SELECT count(*)::int FROM congress_lesson_files f WHERE f.lesson_id = l.id) AS n FROM congress_lessons l WHERE l.id = $1 AND l.congress_id = $2`, [lessonId, row.id]);
        if (!l.rows[0]) fail('NOT_FOUND', 'Không tìm thấy bài học này của đại hội.');
        if (l.rows[0]!.n >= 10) fail('VALIDATION_FAILED', 'Mỗi bài học đính kèm tối đa 10 tệp.', [{ field: 'file', code: 'TOO_MANY', message: 'Tối đa 10 tệp.' }]);
        const stored = await storeFile(tx, { fileName: file.fileName, bytes: file.bytes, uploadedBy: actor.userId || null, maxBytes: LESSON_FILE_MAX_BYTES });
        await tx.query(`INSERT INTO congress_lesson_files (lesson_id, file_id) VALUES ($1, $2)`, [lessonId, stored.id]);
        const details = { lessonId, fileId: stored.id, fileName: stored.fileName, size: stored.size, sha256: stored.sha256 };
        await history(tx, actor, row, 'lessonFile', details);
        await audit(tx, actor, row, 'congress.lessonFile', `Đính kèm tệp "${stored.fileName}" vào bài học đại hội điểm ${row.org_name}`, details);
      });
      return get(actor, id);
    },

    /** A lesson's file: pilot lessons are shared campaign-wide, so any reader of the campaign may open them. */
    async lessonFile(actor: Actor, id: number, lessonId: number, fileId: number) {
      const r = await db.query<{ root_path: string }>(
        `SELECT o.path::text AS root_path FROM congress_lesson_files f JOIN congress_lessons l ON l.id = f.lesson_id JOIN congresses c ON c.id = l.congress_id
           JOIN campaigns k ON k.id = c.campaign_id JOIN organizations o ON o.id = k.root_org_id
          WHERE f.file_id = $3 AND l.id = $2 AND c.id = $1`,
        [id, lessonId, fileId],
      );
      if (!r.rows[0]) fail('FILE_NOT_FOUND');
      if (!campaignVisible(actor, r.rows[0]!.root_path)) fail('ORG_OUT_OF_SCOPE');
      return loadFile(db, fileId);
    },

    async setAssignments(actor: Actor, id: number, input: { assignments: { directorId: number; duty: 'direct' | 'attend' }[] }): Promise<Congress> {
      await db.transaction(async (tx) => {
        const { row } = await loadForWrite(tx, actor, id);
        const ids = [...new Set(input.assignments.map((a) => a.directorId))];
        if (ids.length !== input.assignments.length) fail('VALIDATION_FAILED', 'Một người được phân công hai lần.');
        if (ids.length) {
          const r = await tx.query<{ id: number; campaign_id: number; path: string }>(
            `SELECT d.id, d.campaign_id, o.path::text AS path FROM campaign_directors d JOIN organizations o ON o.id = d.org_id WHERE d.id = ANY($1::int[])`,
            [ids],
          );
          if (r.rows.length !== ids.length || r.rows.some((d) => d.campaign_id !== row.campaign_id)) fail('NOT_FOUND', 'Không tìm thấy người được phân công trong đợt đại hội này.');
          for (const d of r.rows) {
            if (!pathInside(d.path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
            if (!(row.org_path !== d.path && pathInside(row.org_path, d.path))) fail('DIRECTOR_NOT_UPPER_LEVEL');
          }
        }
        await tx.query(`DELETE FROM congress_assignments WHERE congress_id = $1`, [row.id]);
        if (ids.length)
          await tx.query(`INSERT INTO congress_assignments (congress_id, director_id, duty) SELECT $1, d, u FROM unnest($2::int[], $3::text[]) AS t(d, u)`, [
            row.id,
            input.assignments.map((a) => a.directorId),
            input.assignments.map((a) => a.duty),
          ]);
        await history(tx, actor, row, 'assignments', { assignments: input.assignments });
        await audit(tx, actor, row, 'congress.assignments', `Phân công chỉ đạo đại hội ${row.org_name}: ${input.assignments.length} đồng chí`, { assignments: input.assignments });
      });
      return get(actor, id);
    },

    async setVillageElection(
      actor: Actor,
      id: number,
      input: { electionDate: string; villageName: string; voters: number; votesForHead: number; headName: string; headIsSecretary: boolean },
    ): Promise<Congress> {
      const out = await db.transaction(async (tx) => {
        const { row } = await loadForWrite(tx, actor, id);
        if (!CELL_TYPE_CODES.includes(row.type_code)) fail('CONGRESS_NOT_A_CELL');
        if (input.votesForHead > input.voters)
          fail('VALIDATION_FAILED', 'Số phiếu bầu trưởng thôn lớn hơn số cử tri.', [{ field: 'votesForHead', code: 'TOO_MANY', message: 'Số phiếu lớn hơn số cử tri.' }]);
        const ve: VillageElection = { ...input };
        const next: CongressRow = { ...row, village_election: ve, village_head_is_secretary: input.headIsSecretary };
        await save(tx, row, next);
        await history(tx, actor, row, 'villageElection', ve);
        await audit(tx, actor, row, 'congress.villageElection', `Bầu trưởng thôn ${input.villageName} ngày ${formatDateVi(input.electionDate)}: ${input.headName} (${pctText(input.votesForHead, input.voters)})`, ve);
        return row;
      });
      emit(out, out.status);
      return get(actor, id);
    },

    async addSession(actor: Actor, id: number, input: { label: string; date: string; kind: 'preparatory' | 'official' }): Promise<Congress> {
      await db.transaction(async (tx) => {
        const { row, campaign } = await loadForWrite(tx, actor, id);
        if (!campaign.settings.epidemicPlan.active) fail('EPIDEMIC_PLAN_INACTIVE');
        const start = row.actual_start ?? row.planned_start;
        const end = row.actual_end ?? row.planned_end ?? start;
        if (start && (input.date < start || input.date > end!))
          fail('CONGRESS_DATES_INVALID', `Phiên họp phải trong thời gian đại hội (${formatDateVi(start)}–${formatDateVi(end)}).`, [{ field: 'date', code: 'OUTSIDE', message: 'Ngoài thời gian đại hội.' }]);
        await tx.query(`INSERT INTO congress_sessions (congress_id, label, session_date, kind) VALUES ($1, $2, $3, $4)`, [row.id, input.label, input.date, input.kind]);
        await history(tx, actor, row, 'session', input);
        await audit(tx, actor, row, 'congress.session', `Thêm ${input.label} (${formatDateVi(input.date)}) của đại hội ${row.org_name}`, input);
      });
      return get(actor, id);
    },

    async tickSafety(actor: Actor, id: number, sessionId: number, input: { checks: Record<string, boolean>; note?: string | undefined }): Promise<Congress> {
      await db.transaction(async (tx) => {
        const { row, campaign } = await loadForWrite(tx, actor, id);
        if (!campaign.settings.epidemicPlan.active) fail('EPIDEMIC_PLAN_INACTIVE');
        const known = new Set(campaign.settings.epidemicPlan.measures.map((m) => m.code));
        const unknown = Object.keys(input.checks).filter((k) => !known.has(k));
        if (unknown.length) fail('VALIDATION_FAILED', `Biện pháp không có trong phương án: ${unknown.join(', ')}`, unknown.map((k) => ({ field: `checks.${k}`, code: 'UNKNOWN_MEASURE', message: 'Biện pháp không có trong phương án.' })));
        const s = await tx.query<{ checks: Record<string, boolean>; label: string }>(`SELECT checks, label FROM congress_sessions WHERE id = $1 AND congress_id = $2 FOR UPDATE`, [sessionId, row.id]);
        if (!s.rows[0]) fail('NOT_FOUND', 'Không tìm thấy phiên họp.');
        const checks = { ...s.rows[0]!.checks, ...input.checks };
        await tx.query(`UPDATE congress_sessions SET checks = $2::jsonb, note = coalesce($3, note), checked_by = $4, checked_at = now() WHERE id = $1`, [
          sessionId,
          JSON.stringify(checks),
          input.note ?? null,
          actor.username,
        ]);
        await history(tx, actor, row, 'safety', { sessionId, checks: input.checks });
        const done = campaign.settings.epidemicPlan.measures.filter((m) => checks[m.code]).length;
        await audit(tx, actor, row, 'congress.safety', `An toàn phòng dịch, ${s.rows[0]!.label} — đại hội ${row.org_name}: ${done}/${known.size} biện pháp`, { sessionId, checks: input.checks });
      });
      return get(actor, id);
    },
  };
}
export type CongressOps = ReturnType<typeof createCongressOps>;
