import type { ApprovalCheckSource } from '../campaigns/index.ts';
import { delegatesApprovalItems } from './delegates-approval-rules.ts';
import { delegatesRepo, toSeated } from './delegates.repository.ts';
import { clashGroups } from './register-rules.ts';

/**
 * The delegates domain's items of the congress approval checklist, read in the approving
 * transaction: the allocation decided, each delegation against its seats, one person in one
 * delegation (elected arrivals kept beside another seat), credentials reviewed.
 */
export const delegatesApprovalSource: ApprovalCheckSource = async (q, ref) => {
  const c = await delegatesRepo.congress(q, ref.id);
  if (!c || c.form !== 'delegates') return [];
  const subordinates = await delegatesRepo.subordinateOrgs(q, c.org_id);
  const allocation = await delegatesRepo.allocation(q, c.id);
  const rows = await delegatesRepo.delegates(q, c.id);
  // Names of allocated organizations that are no longer directly subordinate (closed, merged, moved).
  const names = new Map(subordinates.map((s) => [s.id, s.name]));
  const unknown = (allocation?.lines ?? []).map((l) => l.org_id).filter((id) => !names.has(id));
  if (unknown.length) {
    for (const o of (await q.query<{ id: number; name: string }>(`SELECT id, name FROM organizations WHERE id = ANY($1::int[])`, [unknown])).rows) names.set(o.id, o.name);
  }
  const officials = new Map<number, { orgId: number; name: string; count: number }>();
  for (const r of rows) {
    if (r.kind !== 'official' || r.replaces_id !== null) continue;
    const o = officials.get(r.delegation_org_id) ?? { orgId: r.delegation_org_id, name: r.delegation_name, count: 0 };
    o.count++;
    officials.set(o.orgId, o);
  }
  // The seats the credentials committee reviews: as the register counts them (not alternates, not replaced, summoned by R1.33).
  const reviewed = rows.filter((r) => r.kind !== 'alternate' && r.replaced_by_id === null && r.not_summoned_reason === null);
  const samePerson = clashGroups(rows.map(toSeated)).map((g) => ({
    fullName: g[0]!.fullName,
    delegations: g.map((x) => (x.delegationOrgId === c.org_id ? 'cấp ủy viên đương nhiên, chỉ định' : x.delegationName)),
  }));
  return delegatesApprovalItems({
    samePerson,
    form: c.form,
    subordinates: subordinates.map((s) => ({ id: s.id, name: s.name })),
    allocation: allocation ? { decisionRef: allocation.head.decision_ref, lines: allocation.lines.map((l) => ({ orgId: l.org_id, name: names.get(l.org_id) ?? String(l.org_id), seats: l.seats })) } : null,
    officials: [...officials.values()],
    credentials: {
      toReview: reviewed.length,
      pending: reviewed.filter((r) => r.credentials === 'pending').length,
      rejected: reviewed.filter((r) => r.credentials === 'rejected').length,
    },
  });
};
