import type { Queryable } from '../../platform/db/db.ts';
import type { Quorum } from '../../../../shared/src/contracts/delegates.ts';
import { formatDateVi } from '../../../../shared/src/format.ts';
import { type CongressHead, delegatesRepo } from './delegates.repository.ts';

export type OpeningRefusal = { code: 'QUORUM_NOT_MET'; message: string };

/**
 * Charter Đ11 K6, a hard rule: a congress whose official sessions were checked in here opens only
 * if one of them reached the quorum; otherwise it can only be postponed or summoned again, so
 * the campaign may not record it as held. A congress without recorded attendance is not judged
 * (the system cannot know who came). Wired into the campaigns domain in composition.ts.
 */
export function delegatesOpeningCheck(quorumFor: (q: Queryable, c: CongressHead, sessionId: number) => Promise<Quorum>) {
  return async (q: Queryable, congress: { id: number }): Promise<OpeningRefusal | null> => {
    const c = await delegatesRepo.congress(q, congress.id);
    if (!c) return null;
    const sessions = await q.query<{ id: number; label: string; date: string }>(
      `SELECT s.id, s.label, s.session_date::text AS date FROM congress_sessions s
        WHERE s.congress_id = $1 AND s.kind = 'official' AND EXISTS (SELECT 1 FROM delegate_attendance a WHERE a.session_id = s.id)
        ORDER BY s.session_date, s.id`,
      [c.id],
    );
    if (sessions.rows.length === 0) return null;
    let last: { label: string; date: string; quorum: Quorum } | null = null;
    for (const s of sessions.rows) {
      const quorum = await quorumFor(q, c, s.id);
      if (quorum.canOpen) return null;
      last = { label: s.label, date: s.date, quorum };
    }
    const { quorum } = last!;
    const shortfalls = [
      quorum.present < quorum.presentNeeded ? `có mặt ${quorum.present}/${quorum.summoned} đại biểu, cần ít nhất ${quorum.presentNeeded}` : null,
      quorum.subordinateOrgs && !quorum.subordinateOrgs.ok
        ? `tổ chức đảng trực thuộc có đại biểu tham dự ${quorum.subordinateOrgs.withDelegatesPresent}/${quorum.subordinateOrgs.total}, cần ít nhất ${quorum.subordinateOrgs.needed}`
        : null,
    ].filter(Boolean);
    return {
      code: 'QUORUM_NOT_MET',
      message: `Điểm danh ${last!.label} ngày ${formatDateVi(last!.date)}: ${shortfalls.join('; ') || quorum.failures.map((f) => f.message).join(' ')}. Đại hội không đủ điều kiện khai mạc (Điều lệ Đảng Đ11 K6): chỉ có thể lùi ngày hoặc triệu tập lại.`,
    };
  };
}
