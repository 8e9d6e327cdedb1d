import type { Queryable } from '../../platform/db/db.ts';
import type { CongressDenominatorFigures } from '../../../../shared/src/contracts/elections.ts';
import type { ElectionFigures } from '../../../../shared/src/contracts/delegates.ts';
import type { Quorum } from '../../../../shared/src/contracts/delegates.ts';
import { type CongressHead, delegatesRepo } from './delegates.repository.ts';

/**
 * What the delegates domain tells an election held at a congress (the elections service's
 * `congressFigures` port, wired in composition.ts): those summoned and those absent for the
 * whole congress come from the register and the check-in, so nobody types them twice.
 */
export function delegatesElectionFigures(
  figuresFor: (q: Queryable, c: CongressHead) => Promise<ElectionFigures>,
  quorumFor: (q: Queryable, c: CongressHead, sessionId: number) => Promise<Quorum>,
) {
  return async (q: Queryable, congressId: number): Promise<CongressDenominatorFigures | null> => {
    const c = await delegatesRepo.congress(q, congressId);
    if (!c) return null;
    const f = await figuresFor(q, c);
    const latest = await q.query<{ id: number; label: string; present: number }>(
      `SELECT s.id, s.label, (SELECT count(*)::int FROM delegate_attendance a WHERE a.session_id = s.id) AS present
         FROM congress_sessions s
        WHERE s.congress_id = $1 AND EXISTS (SELECT 1 FROM delegate_attendance a WHERE a.session_id = s.id)
        ORDER BY s.session_date DESC, s.id DESC LIMIT 1`,
      [congressId],
    );
    const session = latest.rows[0];
    // Charter Đ11 K6 (b): which subordinate organisations have delegates present, from the same check-in.
    const quorum = session ? await quorumFor(q, c, session.id) : null;
    return {
      congressId,
      registered: f.summoned > 0,
      summoned: f.summoned,
      exclusions: f.exclusions,
      sessionsHeld: f.sessionsHeld,
      latestSession: session ? { label: session.label, present: session.present, subordinateOrgs: quorum?.subordinateOrgs ? { total: quorum.subordinateOrgs.total, withDelegatesPresent: quorum.subordinateOrgs.withDelegatesPresent } : null } : null,
    };
  };
}
