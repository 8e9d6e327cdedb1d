import type { Queryable } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/audit/audit.ts';
import { DomainError, fail } from '../../platform/http/errors.ts';
import { foldVietnamese, viCollator } from '../../../../shared/src/text.ts';
import { formatDateVi } from '../../../../shared/src/format.ts';
import {
  type CreateDelegateRequest,
  createDelegateRequestSchema,
  type credentialsRequestSchema,
  type Delegate,
  delegateKindLabels,
  notSummonedLabels,
  type notSummonedRequestSchema,
  type Register,
  rejectionLabels,
  substitutionLabels,
  type substituteRequestSchema,
} from '../../../../shared/src/contracts/delegates.ts';
import type { z } from 'zod';
import { badgeCode, newSecret } from './badge-code.ts';
import { type CongressHead, type DelegateRow, delegatesRepo, toRegister } from './delegates.repository.ts';
import { auditDelegates, type DelegatesDeps, readCongress, writeCongress } from './delegates.context.ts';
import { canWriteDelegates } from './delegates.policy.ts';
import { checkCredentialsDecision, checkNotSummoned, checkSubstitution, compareAlternates, findSamePerson, isSummoned } from './register-rules.ts';

const kindOrder = { exOfficio: 0, appointed: 1, official: 2, alternate: 3 } as const;

export type NewDelegate = z.output<typeof createDelegateRequestSchema> & { sourceElectionId?: number | null };

/** Adds one delegate inside the caller's transaction: checks the delegation and that the person is not registered twice. */
export async function insertDelegate(tx: Queryable, c: CongressHead, input: NewDelegate): Promise<number> {
  const fullName = input.fullName.replace(/\s+/g, ' ').trim();
  const subs = await delegatesRepo.subordinateOrgs(tx, c.org_id);
  const delegationOrgId = input.delegationOrgId ?? (input.kind === 'exOfficio' || input.kind === 'appointed' ? c.org_id : undefined);
  if (delegationOrgId === undefined) {
    fail('DELEGATE_INVALID', 'Đại biểu do đại hội cấp dưới bầu phải thuộc đoàn đại biểu của một tổ chức đảng trực thuộc.', [{ field: 'delegationOrgId', code: 'REQUIRED', message: 'Chọn đoàn đại biểu.' }]);
  }
  const isSub = subs.some((s) => s.id === delegationOrgId);
  if (!isSub && !(delegationOrgId === c.org_id && (input.kind === 'exOfficio' || input.kind === 'appointed'))) {
    fail('DELEGATE_INVALID', 'Đoàn đại biểu phải là một tổ chức đảng trực thuộc của đảng bộ triệu tập đại hội.', [{ field: 'delegationOrgId', code: 'NOT_SUBORDINATE', message: 'Tổ chức không trực thuộc.' }]);
  }
  if (input.kind !== 'alternate' && input.alternateRank != null) fail('DELEGATE_INVALID', 'Chỉ đại biểu dự khuyết có thứ tự dự khuyết.', [{ field: 'alternateRank', code: 'NOT_ALTERNATE', message: 'Chỉ dành cho đại biểu dự khuyết.' }]);
  const nameKey = foldVietnamese(fullName);
  const existing = await delegatesRepo.delegates(tx, c.id);
  const { same } = findSamePerson(
    { personId: input.personId ?? null, nameKey, birthDate: input.birthDate ?? null, delegationOrgId: delegationOrgId! },
    existing.map((e) => ({ ...e, personId: e.person_id, nameKey: e.name_key, birthDate: e.birth_date, delegationOrgId: e.delegation_org_id })),
  );
  if (same) {
    const where = same.delegation_org_id === delegationOrgId ? 'trong đoàn này' : `trong đoàn ${same.delegation_name}`;
    throw new DomainError('DELEGATE_DUPLICATE', `Đồng chí ${same.full_name}${same.birth_date ? ` (sinh ngày ${formatDateVi(same.birth_date)})` : ''} đã có ${where} (${delegateKindLabels[same.kind].toLowerCase()}). Một người chỉ thuộc một đoàn đại biểu.`, [
      { field: 'fullName', code: 'DELEGATE_DUPLICATE', message: `Đã có ${where}.` },
    ]);
  }
  // No rank given: the order comes from the votes, then party age, then the order of entry (compareAlternates).
  const rank = input.alternateRank ?? null;
  const r = await tx.query<{ id: number }>(
    `INSERT INTO delegates (congress_id, person_id, full_name, name_key, birth_date, gender, party_join_date, position, delegation_org_id, kind, alternate_rank, votes, source_election_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [c.id, input.personId ?? null, fullName, nameKey, input.birthDate ?? null, input.gender ?? null, input.partyJoinDate ?? null, input.position?.trim() || null, delegationOrgId, input.kind, rank, input.votes ?? null, input.sourceElectionId ?? null],
  );
  return r.rows[0]!.id;
}

export function createRegisterOps({ db }: DelegatesDeps) {
  async function loadDelegateForWrite(tx: Queryable, actor: Actor, delegateId: number) {
    const d = await delegatesRepo.delegate(tx, delegateId, true);
    if (!d) throw new DomainError('DELEGATE_NOT_FOUND');
    const c = await writeCongress(tx, actor, d.congress_id);
    return { d, c };
  }

  return {
    async register(actor: Actor, congressId: number): Promise<Register> {
      const c = await readCongress(db, actor, congressId);
      const canEdit = canWriteDelegates(actor, c.org_path);
      const rows = await delegatesRepo.delegates(db, c.id);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const attendance = await delegatesRepo.attendance(db, c.id);
      const sessionsOf = new Map<number, number[]>();
      for (const a of attendance) sessionsOf.set(a.delegate_id, [...(sessionsOf.get(a.delegate_id) ?? []), a.session_id]);
      const secret = canEdit ? (await delegatesRepo.settings(db, c.id, newSecret)).badge_secret : null;
      const allocation = await delegatesRepo.allocation(db, c.id);
      const allocated = new Map((allocation?.lines ?? []).map((l) => [l.org_id, l.seats]));
      const subs = await delegatesRepo.subordinateOrgs(db, c.org_id);
      const keys = rows.map((e) => ({ ...e, personId: e.person_id, nameKey: e.name_key, birthDate: e.birth_date, delegationOrgId: e.delegation_org_id }));
      const delegates: Delegate[] = rows
        .map((r): Delegate => {
          const sameName = r.birth_date ? [] : findSamePerson({ id: r.id, personId: r.person_id, nameKey: r.name_key, birthDate: null, delegationOrgId: r.delegation_org_id }, keys).sameName;
          const rb = r.replaced_by_id ? byId.get(r.replaced_by_id) : undefined;
          const rp = r.replaces_id ? byId.get(r.replaces_id) : undefined;
          return {
            id: r.id,
            fullName: r.full_name,
            kind: r.kind,
            delegation: { id: r.delegation_org_id, name: r.delegation_name },
            personId: r.person_id,
            birthDate: r.birth_date,
            gender: r.gender,
            partyJoinDate: r.party_join_date,
            position: r.position,
            alternateRank: r.alternate_rank,
            votes: r.votes,
            fromElection: r.source_election_id !== null,
            summoned: isSummoned(toRegister(r)),
            notSummonedReason: r.not_summoned_reason,
            notSummonedNote: r.not_summoned_note,
            replacedBy: rb ? { id: rb.id, fullName: rb.full_name } : null,
            replaces: rp ? { id: rp.id, fullName: rp.full_name } : null,
            substitutionReason: (r.substitution_reason as Delegate['substitutionReason']) ?? null,
            substitutionNote: r.substitution_note,
            credentials: r.credentials,
            credentialsReason: r.credentials_reason,
            credentialsNote: r.credentials_note,
            credentialsChecks: r.credentials_checks,
            sameNameAs: sameName.map((s) => ({ id: s.id, delegation: s.delegation_name })),
            badgeCode: secret ? badgeCode(secret, c.id, r.id) : null,
            sessionsAttended: sessionsOf.get(r.id) ?? [],
            version: r.version,
          };
        })
        .sort(
          (a, b) =>
            viCollator.compare(a.delegation.id === c.org_id ? '' : a.delegation.name, b.delegation.id === c.org_id ? '' : b.delegation.name) ||
            kindOrder[a.kind] - kindOrder[b.kind] ||
            (a.kind === 'alternate' ? compareAlternates(toRegister(byId.get(a.id)!), toRegister(byId.get(b.id)!)) : 0) ||
            viCollator.compare(a.fullName, b.fullName),
        );
      const delegationIds = new Set<number>([...subs.map((s) => s.id), ...rows.map((r) => r.delegation_org_id)]);
      const orgName = new Map<number, string>([[c.org_id, c.org_name], ...subs.map((s) => [s.id, s.name] as [number, string]), ...rows.map((r) => [r.delegation_org_id, r.delegation_name] as [number, string])]);
      const delegations = [...delegationIds]
        .map((id) => {
          const mine = rows.filter((r) => r.delegation_org_id === id);
          return {
            org: { id, name: orgName.get(id) ?? String(id) },
            allocated: id === c.org_id ? null : (allocated.get(id) ?? null),
            officials: mine.filter((r) => r.kind === 'official' && r.replaces_id === null).length,
            alternates: mine.filter((r) => r.kind === 'alternate').length,
            summoned: mine.filter((r) => isSummoned(toRegister(r))).length,
          };
        })
        .sort((a, b) => viCollator.compare(a.org.id === c.org_id ? '' : a.org.name, b.org.id === c.org_id ? '' : b.org.name));
      const byKind: Record<string, number> = {};
      const creds: Record<string, number> = { pending: 0, accepted: 0, rejected: 0 };
      for (const d of delegates) {
        if (d.summoned) byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
        if (d.kind !== 'alternate' && !d.replacedBy && !d.notSummonedReason) creds[d.credentials] = (creds[d.credentials] ?? 0) + 1;
      }
      return {
        congress: { id: c.id, org: { id: c.org_id, name: c.org_name }, campaignId: c.campaign_id, form: c.form, status: c.status, plannedStart: c.planned_start, plannedEnd: c.planned_end },
        delegates,
        delegations,
        summary: {
          summoned: delegates.filter((d) => d.summoned).length,
          byKind,
          notSummoned: delegates.filter((d) => d.notSummonedReason !== null && d.kind !== 'alternate').length,
          replaced: delegates.filter((d) => d.replacedBy !== null).length,
          credentials: creds,
        },
        sessions: await delegatesRepo.sessions(db, c.id),
        canEdit,
      };
    },

    async addDelegate(actor: Actor, congressId: number, req: CreateDelegateRequest): Promise<{ id: number }> {
      const input = createDelegateRequestSchema.parse(req);
      const id = await db.transaction(async (tx) => {
        const c = await writeCongress(tx, actor, congressId);
        // One writer at a time per congress, so two clerks cannot register the same person at once.
        await tx.query('SELECT id FROM congresses WHERE id = $1 FOR UPDATE', [c.id]);
        const id = await insertDelegate(tx, c, input);
        await auditDelegates(tx, actor, c, 'delegates.added', `Thêm đại biểu ${input.fullName} (${delegateKindLabels[input.kind]}) vào danh sách đại hội ${c.org_name}`, input, { type: 'delegate', id });
        return id;
      });
      return { id };
    },

    async setNotSummoned(actor: Actor, delegateId: number, input: z.output<typeof notSummonedRequestSchema>): Promise<void> {
      await db.transaction(async (tx) => {
        const { d, c } = await loadDelegateForWrite(tx, actor, delegateId);
        if (input.reason) {
          const r = checkNotSummoned(d.kind, input.reason);
          if (!r.ok) throw new DomainError(r.code as 'DELEGATE_REASON_NOT_APPLICABLE', r.message, [{ field: 'reason', code: r.code, message: r.message }]);
          if (d.replaced_by_id) fail('DELEGATE_INVALID', 'Đại biểu đã được thay thế.');
        }
        await tx.query(`UPDATE delegates SET not_summoned_reason = $2, not_summoned_note = $3, version = version + 1, updated_at = now() WHERE id = $1`, [d.id, input.reason, input.reason ? input.note?.trim() || null : null]);
        await auditDelegates(
          tx,
          actor,
          c,
          input.reason ? 'delegates.notSummoned' : 'delegates.summoned',
          input.reason ? `Không triệu tập ${d.full_name}: ${notSummonedLabels[input.reason]}` : `Triệu tập lại ${d.full_name}`,
          input,
          { type: 'delegate', id: d.id },
        );
      });
    },

    /** An alternate takes an absent official's place (QĐ 294 mục 11.4): the next in vote order of the same delegation. */
    async substitute(actor: Actor, delegateId: number, input: z.output<typeof substituteRequestSchema>): Promise<{ alternateId: number }> {
      return db.transaction(async (tx) => {
        const { d, c } = await loadDelegateForWrite(tx, actor, delegateId);
        await tx.query('SELECT id FROM congresses WHERE id = $1 FOR UPDATE', [c.id]);
        const delegation = (await delegatesRepo.delegates(tx, c.id)).filter((x) => x.delegation_org_id === d.delegation_org_id);
        const allocation = await delegatesRepo.allocation(tx, c.id);
        const allocatedSeats = allocation?.lines.find((l) => l.org_id === d.delegation_org_id)?.seats ?? null;
        const r = checkSubstitution({
          absent: toRegister(d),
          delegation: delegation.map(toRegister),
          alternateId: input.alternateId,
          allocatedSeats,
          electedOfficials: delegation.filter((x) => x.kind === 'official' && x.replaces_id === null).length,
        });
        if (!r.ok) throw new DomainError(r.code as 'SUBSTITUTION_NOT_ALLOWED', r.message);
        const alt = delegation.find((x) => x.id === r.alternate.id)!;
        await tx.query(`UPDATE delegates SET replaced_by_id = $2, substitution_reason = $3, substitution_note = $4, version = version + 1, updated_at = now() WHERE id = $1`, [d.id, alt.id, input.reason, input.note]);
        await tx.query(`UPDATE delegates SET kind = 'official', replaces_id = $2, substitution_reason = $3, substitution_note = $4, version = version + 1, updated_at = now() WHERE id = $1`, [alt.id, d.id, input.reason, input.note]);
        await auditDelegates(tx, actor, c, 'delegates.substituted', `Đại biểu dự khuyết ${alt.full_name} thay thế đại biểu chính thức ${d.full_name} (đoàn ${d.delegation_name}): ${substitutionLabels[input.reason]}`, { ...input, absentId: d.id, alternateId: alt.id }, { type: 'delegate', id: d.id });
        return { alternateId: alt.id };
      });
    },

    async decideCredentials(actor: Actor, delegateId: number, input: z.output<typeof credentialsRequestSchema>): Promise<void> {
      await db.transaction(async (tx) => {
        const { d, c } = await loadDelegateForWrite(tx, actor, delegateId);
        if (input.decision === 'rejected' && !input.reason) fail('CREDENTIALS_REASON_REQUIRED');
        if (input.decision === 'accepted') {
          const r = checkCredentialsDecision({ accept: true }, input.checks);
          if (!r.ok) throw new DomainError('CREDENTIALS_CHECKLIST_INCOMPLETE', r.message);
        }
        if (input.decision === 'rejected' && d.replaced_by_id) fail('DELEGATE_INVALID', 'Đại biểu đã được thay thế.');
        await tx.query(
          `UPDATE delegates SET credentials = $2, credentials_reason = $3, credentials_note = $4, credentials_checks = $5::jsonb, version = version + 1, updated_at = now() WHERE id = $1`,
          [d.id, input.decision, input.decision === 'rejected' ? input.reason : null, input.note?.trim() || null, JSON.stringify(input.checks)],
        );
        const what =
          input.decision === 'accepted' ? 'Công nhận tư cách đại biểu' : input.decision === 'rejected' ? `Không công nhận tư cách đại biểu (${rejectionLabels[input.reason!]})` : 'Thẩm tra tư cách đại biểu';
        await auditDelegates(tx, actor, c, `delegates.credentials.${input.decision}`, `${what}: ${d.full_name}`, input, { type: 'delegate', id: d.id });
      });
    },
  };
}

export type { DelegateRow };
