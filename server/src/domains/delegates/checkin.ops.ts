import type { Queryable } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/audit/audit.ts';
import { DomainError, fail } from '../../platform/http/errors.ts';
import { formatDateVi, formatDateTimeVi } from '../../../../shared/src/format.ts';
import type { CheckInResult, ElectionFigures, Quorum } from '../../../../shared/src/contracts/delegates.ts';
import { checkQuorum, QUORUM_FAILURE_MESSAGES, quorumVerdict, ruleSetFor } from '../elections/counting/index.ts';
import { newSecret, parseBadgeCode, signatureValid } from './badge-code.ts';
import { type CongressHead, delegatesRepo, toRegister } from './delegates.repository.ts';
import { auditDelegates, type DelegatesDeps, readCongress, writeCongress } from './delegates.context.ts';
import { denominatorFigures, isSummoned, quorumFigures } from './register-rules.ts';

// The quorum rule is the Charter's (Đ11 K6), the same in both regulations; its source text comes from the rule set.
const quorumRules = ruleSetFor('2024');

/** Organizations whose delegates count for the second quorum condition: the allocation's, else every direct subordinate. */
async function subordinateOrgIds(q: Queryable, c: CongressHead): Promise<Set<number>> {
  const allocation = await delegatesRepo.allocation(q, c.id);
  if (allocation) return new Set(allocation.lines.filter((l) => l.seats > 0).map((l) => l.org_id));
  return new Set((await delegatesRepo.subordinateOrgs(q, c.org_id)).map((o) => o.id));
}

export function createCheckInOps({ db }: DelegatesDeps) {
  // Secrets never change once made; a check-in at the door should not read them every time.
  const secrets = new Map<number, Buffer>();
  const secretOf = async (q: Queryable, congressId: number) => {
    let s = secrets.get(congressId);
    if (!s) {
      s = (await delegatesRepo.settings(q, congressId, newSecret)).badge_secret;
      secrets.set(congressId, s);
    }
    return s;
  };

  async function session(q: Queryable, congressId: number, sessionId: number) {
    const r = await q.query<{ id: number; label: string; date: string; kind: string }>(
      `SELECT id, label, session_date::text AS date, kind FROM congress_sessions WHERE id = $1 AND congress_id = $2`,
      [sessionId, congressId],
    );
    const s = r.rows[0];
    if (!s) throw new DomainError('SESSION_NOT_FOUND');
    return s;
  }

  async function quorumOf(q: Queryable, c: CongressHead, sessionId: number | undefined): Promise<Quorum> {
    const sessions = await delegatesRepo.sessions(q, c.id);
    const s = sessionId !== undefined ? await session(q, c.id, sessionId) : (sessions[0] ?? null);
    const register = (await delegatesRepo.delegates(q, c.id)).map(toRegister);
    const present = s
      ? new Set((await q.query<{ delegate_id: number }>(`SELECT delegate_id FROM delegate_attendance WHERE session_id = $1`, [s.id])).rows.map((r) => r.delegate_id))
      : new Set<number>();
    const figures = quorumFigures(register, { presentIds: present, subordinateOrgIds: await subordinateOrgIds(q, c) });
    const empty = { session: s, summoned: figures.summoned, present: figures.present, presentNeeded: 0, subordinateOrgs: null, source: quorumRules.rules.quorum.source };
    if (figures.summoned === 0) return { ...empty, ok: false, canOpen: false, failures: [{ code: 'NO_ONE_SUMMONED', message: 'Chưa có đại biểu nào trong danh sách triệu tập.' }] };
    const r = checkQuorum(figures, quorumRules);
    if (!r.ok) return { ...empty, ok: false, canOpen: false, failures: [{ code: r.error.code, message: 'Số liệu điểm danh không hợp lệ.' }] };
    const v = r.value;
    return {
      session: s,
      summoned: v.summoned,
      present: v.present,
      presentNeeded: v.presentNeeded,
      subordinateOrgs: v.subordinateOrgs,
      ok: v.ok,
      failures: v.failures.map((f) => ({ code: f, message: QUORUM_FAILURE_MESSAGES[f] })),
      canOpen: quorumVerdict(v, 'congressOpening', quorumRules).allowed,
      source: v.source,
    };
  }

  return {
    /** A session of the congress for attendance (the same sessions the safety checklist uses). */
    async addSession(actor: Actor, congressId: number, input: { label: string; date: string; kind: 'preparatory' | 'official' }): Promise<{ id: number }> {
      return db.transaction(async (tx) => {
        const c = await writeCongress(tx, actor, congressId);
        const start = c.actual_start ?? c.planned_start;
        const end = c.planned_end ?? start;
        if (start && (input.date < start || input.date > end!)) {
          fail('CONGRESS_DATES_INVALID', `Phiên họp phải trong thời gian đại hội (${formatDateVi(start)}–${formatDateVi(end)}).`, [{ field: 'date', code: 'OUTSIDE', message: 'Ngoài thời gian đại hội.' }]);
        }
        const r = await tx.query<{ id: number }>(`INSERT INTO congress_sessions (congress_id, label, session_date, kind) VALUES ($1, $2, $3, $4) RETURNING id`, [c.id, input.label, input.date, input.kind]);
        await auditDelegates(tx, actor, c, 'congress.session', `Thêm ${input.label} (${formatDateVi(input.date)}) của đại hội ${c.org_name}`, input);
        return { id: r.rows[0]!.id };
      });
    },

    /** Check-in by the badge's code (scanned or typed). A second check-in is reported, not counted. */
    async checkIn(actor: Actor, congressId: number, input: { sessionId: number; code: string; method: 'scan' | 'typed' }): Promise<CheckInResult> {
      const parsed = parseBadgeCode(input.code);
      if (!parsed) fail('BADGE_CODE_INVALID', undefined, [{ field: 'code', code: 'BADGE_CODE_INVALID', message: 'Mã có dạng DB<số>-<số>-<8 ký tự>.' }]);
      return db.transaction(async (tx) => {
        const c = await writeCongress(tx, actor, congressId);
        if (parsed!.congressId !== c.id) {
          const other = await delegatesRepo.congress(tx, parsed!.congressId);
          // The other congress is named only when the actor may see it.
          fail('BADGE_OTHER_CONGRESS', other && (other.org_path === actor.scopePath || other.org_path.startsWith(actor.scopePath + '.')) ? `Thẻ này là thẻ của đại hội ${other.org_name}, không dùng được ở đại hội ${c.org_name}.` : undefined);
        }
        if (!signatureValid(await secretOf(tx, c.id), parsed!)) fail('BADGE_CODE_INVALID');
        const s = await session(tx, c.id, input.sessionId);
        return record(tx, actor, c, s, parsed!.delegateId, input.method);
      });
    },

    /** Check-in by name from the list, when a badge is forgotten. */
    async manualCheckIn(actor: Actor, congressId: number, input: { sessionId: number; delegateId: number }): Promise<CheckInResult> {
      return db.transaction(async (tx) => {
        const c = await writeCongress(tx, actor, congressId);
        const s = await session(tx, c.id, input.sessionId);
        return record(tx, actor, c, s, input.delegateId, 'manual');
      });
    },

    async quorum(actor: Actor, congressId: number, sessionId?: number): Promise<Quorum> {
      const c = await readCongress(db, actor, congressId);
      return quorumOf(db, c, sessionId);
    },

    /** The figures an election of this congress takes for its denominator; final once the last session is over. */
    async electionFigures(actor: Actor, congressId: number): Promise<ElectionFigures> {
      const c = await readCongress(db, actor, congressId);
      return figuresFor(db, c);
    },

    figuresFor,
    /** The quorum of one attendance session, for the elections' port (inside the caller's transaction). */
    quorumFor: quorumOf,
  };

  async function figuresFor(q: Queryable, c: CongressHead): Promise<ElectionFigures> {
    const register = (await delegatesRepo.delegates(q, c.id)).map(toRegister);
    const attendance = await delegatesRepo.attendance(q, c.id);
    const f = denominatorFigures(register, new Set(attendance.map((a) => a.delegate_id)));
    const sessionsHeld = new Set(attendance.map((a) => a.session_id)).size;
    return {
      congressId: c.id,
      summoned: f.summoned,
      present: f.present,
      exclusions: { convenerMembersAbsentWhole: f.convenerMembersAbsentWhole, delegatesAbsentWholeNotReplaced: f.delegatesAbsentWholeNotReplaced },
      replaced: f.replaced,
      notSummoned: f.notSummoned,
      sessionsHeld,
      note:
        sessionsHeld === 0
          ? 'Chưa điểm danh phiên nào: mọi đại biểu đang được tính là vắng mặt.'
          : '"Vắng mặt suốt thời gian đại hội" tính theo điểm danh các phiên đến thời điểm này; đại biểu đã được thay bằng dự khuyết không tính vào số triệu tập.',
    };
  }

  async function record(tx: Queryable, actor: Actor, c: CongressHead, s: { id: number; label: string }, delegateId: number, method: 'scan' | 'typed' | 'manual'): Promise<CheckInResult> {
    const d = await delegatesRepo.delegate(tx, delegateId);
    if (!d || d.congress_id !== c.id) fail('BADGE_CODE_INVALID');
    const dr = toRegister(d!);
    if (!isSummoned(dr)) {
      const why = d!.replaced_by_id
        ? 'đã được thay bằng đại biểu dự khuyết'
        : d!.kind === 'alternate'
          ? 'là đại biểu dự khuyết, chưa được chuyển thành chính thức'
          : d!.credentials === 'rejected'
            ? 'không được công nhận tư cách đại biểu'
            : 'thuộc trường hợp không triệu tập';
      fail('DELEGATE_NOT_SUMMONED', `Đồng chí ${d!.full_name} ${why}.`);
    }
    const ins = await tx.query<{ checked_in_at: string }>(
      `INSERT INTO delegate_attendance (session_id, delegate_id, congress_id, method, checked_in_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (session_id, delegate_id) DO NOTHING RETURNING checked_in_at::text AS checked_in_at`,
      [s.id, d!.id, c.id, method, actor.userId],
    );
    const fresh = ins.rows[0];
    let at: string;
    if (fresh) {
      at = fresh.checked_in_at;
      await auditDelegates(tx, actor, c, 'delegates.checkedIn', `Điểm danh ${d!.full_name} — ${s.label}`, { sessionId: s.id, method }, { type: 'delegate', id: d!.id });
    } else {
      at = (await tx.query<{ at: string }>(`SELECT checked_in_at::text AS at FROM delegate_attendance WHERE session_id = $1 AND delegate_id = $2`, [s.id, d!.id])).rows[0]!.at;
    }
    // Both figures in one round trip: the door waits for this answer.
    const counts = await tx.query<{ present: number; summoned: number }>(
      `SELECT (SELECT count(*)::int FROM delegate_attendance WHERE session_id = $1) AS present,
              (SELECT count(*)::int FROM delegates WHERE congress_id = $2 AND kind <> 'alternate' AND not_summoned_reason IS NULL AND replaced_by_id IS NULL AND credentials <> 'rejected') AS summoned`,
      [s.id, c.id],
    );
    return {
      status: fresh ? 'checkedIn' : 'already',
      message: fresh
        ? `Đã điểm danh: ${d!.full_name} (đoàn ${d!.delegation_name}).`
        : `Đồng chí ${d!.full_name} đã điểm danh phiên này lúc ${formatDateTimeVi(new Date(at))}; không tính thêm.`,
      delegate: { id: d!.id, fullName: d!.full_name, delegation: d!.delegation_name, kind: d!.kind },
      checkedInAt: new Date(at).toISOString(),
      present: counts.rows[0]!.present,
      summoned: counts.rows[0]!.summoned,
    };
  }
}
