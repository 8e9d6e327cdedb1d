import type { Db, Queryable } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, fail } from '../../platform/http/errors.ts';
import { assertCanRead, assertCanWrite } from './delegates.policy.ts';
import { type CongressHead, delegatesRepo } from './delegates.repository.ts';

export type DelegatesDeps = { db: Db; clock: Clock };

export async function readCongress(q: Queryable, actor: Actor, id: number): Promise<CongressHead> {
  const c = await delegatesRepo.congress(q, id);
  if (!c) throw new DomainError('CONGRESS_NOT_FOUND');
  assertCanRead(actor, c.org_path);
  return c;
}

/** A congress whose register may change: in scope, writer role, not closed or cancelled. */
export async function writeCongress(q: Queryable, actor: Actor, id: number): Promise<CongressHead> {
  const c = await delegatesRepo.congress(q, id);
  if (!c) throw new DomainError('CONGRESS_NOT_FOUND');
  assertCanWrite(actor, c.org_path);
  if (c.campaign_status === 'closed') fail('CAMPAIGN_CLOSED');
  if (c.status === 'closed' || c.status === 'cancelled') fail('CONGRESS_CLOSED');
  return c;
}

export const auditDelegates = (tx: Queryable, actor: Actor | null, c: Pick<CongressHead, 'id' | 'org_id'>, action: string, summary: string, details?: unknown, entity?: { type: string; id: number }) =>
  recordAudit(tx, actor, { action, entityType: entity?.type ?? 'congress', entityId: entity?.id ?? c.id, orgId: c.org_id, summary, details });

export { todayVn } from '../campaigns/congress-evaluation.ts';
