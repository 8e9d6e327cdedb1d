import type { Actor } from '../../platform/audit/audit.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { fail } from '../../platform/http/errors.ts';
import type { FinishedElection } from '../elections/elections.service.ts';
import { createAllocationOps } from './allocation.ops.ts';
import { delegatesApprovalSource } from './approval-source.ts';
import { type Badge, type BadgeLayout, badgesPdf } from './badges-pdf.ts';
import { createCheckInOps } from './checkin.ops.ts';
import { credentialsReportDocx } from './credentials-docx.ts';
import { auditDelegates, type DelegatesDeps, todayVn } from './delegates.context.ts';
import { delegatesRepo } from './delegates.repository.ts';
import { createHealthOps } from './health.ops.ts';
import { createRegisterOps, insertDelegate } from './register.ops.ts';

/**
 * Who the elected candidates are: the personnel record each ballot line was linked to, and the
 * record's birth date, gender and party join date. Read by SQL as reports read other domains'
 * tables (the elections' finished event carries names only).
 */
async function electedIdentities(tx: Queryable, electionId: number) {
  const r = await tx.query<{ ballot_no: number; person_id: number; birth_date: string | null; gender: 'male' | 'female' | null; party_join_date: string | null }>(
    `SELECT c.ballot_no, c.person_id, p.birth_date::text AS birth_date, p.gender, p.party_join_date::text AS party_join_date
       FROM election_candidates c JOIN persons p ON p.id = c.person_id
      WHERE c.election_id = $1 AND c.person_id IS NOT NULL`,
    [electionId],
  );
  return new Map(r.rows.map((x) => [x.ballot_no, { personId: x.person_id, birthDate: x.birth_date, gender: x.gender, partyJoinDate: x.party_join_date }]));
}

export function createDelegatesService(deps: DelegatesDeps) {
  const register = createRegisterOps(deps);
  const checkIn = createCheckInOps(deps);
  return {
    ...createAllocationOps(deps),
    ...register,
    ...checkIn,
    ...createHealthOps(deps),

    /** Items of the congress approval checklist (wired in composition.ts). */
    approvalSource: delegatesApprovalSource,

    async badges(actor: Actor, congressId: number, layout: BadgeLayout, delegateIds?: number[]): Promise<{ fileName: string; body: Buffer }> {
      const reg = await register.register(actor, congressId);
      // Codes are the keys of the door: only those who run the register print them.
      if (!reg.canEdit) fail('FORBIDDEN_ROLE');
      const chosen = reg.delegates.filter((d) => (delegateIds ? delegateIds.includes(d.id) : d.summoned || (d.kind === 'alternate' && !d.notSummonedReason)));
      const badges: Badge[] = chosen.map((d) => ({ fullName: d.fullName, delegation: d.delegation.name, kind: d.kind, position: d.position, code: d.badgeCode! }));
      const title = `Đại hội ${reg.congress.org.name}`;
      return { fileName: `The dai bieu - ${reg.congress.org.name}.pdf`, body: await badgesPdf(title, badges, layout) };
    },

    async credentialsReport(actor: Actor, congressId: number): Promise<{ fileName: string; body: Buffer }> {
      const reg = await register.register(actor, congressId);
      return { fileName: `Báo cáo thẩm tra tư cách đại biểu - ${reg.congress.org.name}.docx`, body: await credentialsReportDocx(reg, todayVn(deps.clock)) };
    },

    /**
     * The elections' onFinished listener: delegates elected to the upper congress arrive in its
     * register (officials, then alternates in their order). The upper congress is the congress of
     * the parent organization in the campaign of the electing organization's own congress. Runs in
     * the closing transaction.
     *
     * Each arrival carries the person's identity: the personnel record the candidate was linked to
     * (`election_candidates.person_id`, read here as other domains' tables are read) and, from it,
     * the birth date, gender and party join date. The same person already in the register (another
     * delegation, or entered by hand) is kept, flagged on both rows and on the approval checklist,
     * not dropped: the congress voted, the upper organizers settle it. So are officials beyond the
     * delegation's allocated seats. Only what cannot be registered at all is skipped (audited).
     */
    async onElectionFinished(tx: Queryable, e: FinishedElection): Promise<void> {
      if (e.kind !== 'upperCongressDelegates') return;
      const upper = await tx.query<{ id: number; lower_id: number }>(
        `SELECT up.id, low.id AS lower_id
           FROM congresses low JOIN organizations o ON o.id = low.org_id JOIN campaigns k ON k.id = low.campaign_id
           JOIN congresses up ON up.campaign_id = low.campaign_id AND up.org_id = o.parent_id
          WHERE low.org_id = $1 AND k.status = 'active'
          ORDER BY k.term_from DESC, k.id DESC LIMIT 1`,
        [e.orgId],
      );
      const u = upper.rows[0];
      if (!u) return;
      const c = (await delegatesRepo.congress(tx, u.id))!;
      const already = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM delegates WHERE source_election_id = $1`, [e.electionId]);
      if (already.rows[0]!.n > 0) return;
      const identities = await electedIdentities(tx, e.electionId);
      const added: string[] = [];
      const flagged: { fullName: string; warnings: string[] }[] = [];
      const skipped: string[] = [];
      const people = [...e.elected.map((p) => ({ ...p, kind: 'official' as const, rank: null })), ...e.alternates.map((p, i) => ({ ...p, kind: 'alternate' as const, rank: i + 1 }))];
      for (const p of people) {
        const who = identities.get(p.ballotNo);
        try {
          await tx.query('SAVEPOINT delegate_arrival');
          const { warnings } = await insertDelegate(
            tx,
            c,
            {
              fullName: p.fullName,
              kind: p.kind,
              delegationOrgId: e.orgId,
              alternateRank: p.rank,
              sourceElectionId: e.electionId,
              personId: who?.personId ?? null,
              birthDate: who?.birthDate ?? null,
              gender: who?.gender ?? null,
              partyJoinDate: who?.partyJoinDate ?? null,
            },
            null,
            { arrival: true },
          );
          await tx.query('RELEASE SAVEPOINT delegate_arrival');
          added.push(p.fullName);
          const attention = warnings.filter((w) => w.code === 'DUPLICATE_PERSON' || w.code === 'DELEGATION_OVER_SEATS');
          if (attention.length) flagged.push({ fullName: p.fullName, warnings: attention.map((w) => w.message) });
        } catch (err) {
          // The election is closed by the congress' vote; what cannot be registered is for the upper organizers to settle.
          await tx.query('ROLLBACK TO SAVEPOINT delegate_arrival');
          skipped.push(`${p.fullName}: ${(err as Error).message}`);
        }
      }
      const notes = [flagged.length ? `${flagged.length} trường hợp trùng người hoặc vượt số được phân bổ, đã đánh dấu để kiểm tra` : '', skipped.length ? `${skipped.length} trường hợp cần kiểm tra` : ''].filter(Boolean);
      await auditDelegates(
        tx,
        null,
        c,
        'delegates.arrived',
        `${added.length} đại biểu do đại hội cấp dưới bầu được đưa vào danh sách đại hội ${c.org_name}${notes.length ? `; ${notes.join('; ')}` : ''}`,
        { electionId: e.electionId, lowerCongressId: u.lower_id, added, flagged, skipped },
      );
    },
  };
}

export type DelegatesService = ReturnType<typeof createDelegatesService>;
