import type { Queryable } from '../../platform/db/db.ts';
import type { CongressDenominatorFigures } from '../../../../shared/src/contracts/elections.ts';
import type { ElectionFigures } from '../../../../shared/src/contracts/delegates.ts';
import { type CongressHead, delegatesRepo } from './delegates.repository.ts';

/**
 * What the delegates domain tells an election held at a congress (the elections service's
 * `congressFigures` port, wired in composition.ts): those summoned and those absent for the
 * whole congress come from the register and the check-in, so nobody types them twice.
 */
export function delegatesElectionFigures(figuresFor: (q: Queryable, c: CongressHead) => Promise<ElectionFigures>) {
  return async (q: Queryable, congressId: number): Promise<CongressDenominatorFigures | null> => {
    const c = await delegatesRepo.congress(q, congressId);
    if (!c) return null;
    const f = await figuresFor(q, c);
    const latest = await q.query<{ label: string; present: number }>(
      `SELECT s.label, (SELECT count(*)::int FROM delegate_attendance a WHERE a.session_id = s.id) AS present
         FROM congress_sessions s
        WHERE s.congress_id = $1 AND EXISTS (SELECT 1 FROM delegate_attendance a WHERE a.session_id = s.id)
        ORDER BY s.session_date DESC, s.id DESC LIMIT 1`,
      [congressId],
    );
    return {
      congressId,
      registered: f.summoned > 0,
      summoned: f.summoned,
      exclusions: f.exclusions,
      sessionsHeld: f.sessionsHeld,
      latestSession: latest.rows[0] ?? null,
    };
  };
}
