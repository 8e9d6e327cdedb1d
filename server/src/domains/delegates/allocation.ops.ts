import type { Queryable } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/audit/audit.ts';
import { DomainError, fail } from '../../platform/http/errors.ts';
import type { ApiErrorDetail } from '../../../../shared/src/contracts/errors.ts';
import type { Allocation, SaveAllocationRequest } from '../../../../shared/src/contracts/delegates.ts';
import { type allocationPreviewRequestSchema, saveAllocationRequestSchema } from '../../../../shared/src/contracts/delegates.ts';
import type { z } from 'zod';
import {
  type AllocationSettings,
  allocationTotals,
  applyEdits,
  checkSettings,
  computeAllocation,
  totalsMismatch,
  XIII_NATIONAL_SETTINGS,
} from './allocation-rules.ts';
import { type CongressHead, delegatesRepo } from './delegates.repository.ts';
import { auditDelegates, type DelegatesDeps, readCongress, writeCongress } from './delegates.context.ts';
import { canWriteDelegates } from './delegates.policy.ts';

type PreviewInput = z.output<typeof allocationPreviewRequestSchema>;

/** Defaults before anything is saved: the XIII formula scaled to a province is for the user to set; base 0 keeps it neutral. [U] */
const DEFAULT_SETTINGS: AllocationSettings = XIII_NATIONAL_SETTINGS;

export function createAllocationOps({ db }: DelegatesDeps) {
  async function build(q: Queryable, actor: Actor, c: CongressHead, input: PreviewInput | null): Promise<Allocation> {
    const saved = await delegatesRepo.allocation(q, c.id);
    const orgs = await delegatesRepo.subordinateOrgs(q, c.org_id);
    const registered = await q.query<{ org: number; n: number }>(
      `SELECT delegation_org_id AS org, count(*)::int AS n FROM delegates WHERE congress_id = $1 AND kind = 'official' AND replaces_id IS NULL GROUP BY 1`,
      [c.id],
    );
    const regBy = new Map(registered.rows.map((r) => [r.org, r.n]));
    const settings = input?.settings ?? saved?.head.settings ?? DEFAULT_SETTINGS;
    const savedLines = new Map((saved?.lines ?? []).map((l) => [l.org_id, l]));
    const inputLines = new Map((input?.lines ?? []).map((l) => [l.orgId, l]));
    const extraOf = (orgId: number) => inputLines.get(orgId)?.extraSeats ?? (input ? 0 : (savedLines.get(orgId)?.extra_seats ?? 0));
    const computed = computeAllocation(
      orgs.map((o) => ({ orgId: o.id, fullMembers: o.fullMembers, probationaryMembers: o.probationaryMembers, extraSeats: extraOf(o.id) })),
      settings,
    );
    // Hand edits: from the request, or (reading) those recorded with the saved allocation.
    const edits = input
      ? (input.lines.filter((l) => l.seats !== undefined).map((l) => ({ orgId: l.orgId, seats: l.seats!, reason: l.reason ?? null })))
      : (saved?.lines ?? []).filter((l) => l.adjust_reason).map((l) => ({ orgId: l.org_id, seats: l.seats, reason: l.adjust_reason }));
    const applied = applyEdits(computed, edits);
    const issues = [...checkSettings(settings).map((i) => ({ code: i.code, message: i.message })), ...applied.issues];
    const totals = allocationTotals(applied.lines, {
      electedTotal: input ? input.electedTotal : (saved?.head.elected_total ?? null),
      exOfficio: input ? input.exOfficio : (saved?.head.ex_officio ?? 0),
      appointed: input ? input.appointed : (saved?.head.appointed ?? 0),
    });
    const nameOf = new Map(orgs.map((o) => [o.id, o.name]));
    const byOrg = new Map(computed.map((l) => [l.orgId, l]));
    return {
      congress: { id: c.id, org: { id: c.org_id, name: c.org_name }, campaignId: c.campaign_id, form: c.form },
      saved: !!saved,
      version: saved?.head.version ?? 0,
      settings,
      decisionRef: saved?.head.decision_ref ?? null,
      lines: applied.lines.map((l) => {
        const f = byOrg.get(l.orgId)!;
        const s = savedLines.get(l.orgId);
        const same = s && s.seats === l.seats && s.adjust_reason === l.adjustReason;
        return {
          org: { id: l.orgId, name: nameOf.get(l.orgId) ?? String(l.orgId) },
          members: f.members,
          formula: { base: f.formula.base, perQuota: f.formula.perQuota, remainder: f.formula.remainder, remainderSeat: f.formula.remainderSeat },
          formulaSeats: l.formulaSeats,
          extraSeats: l.extraSeats,
          seats: l.seats,
          adjustReason: l.adjustReason,
          adjustedBy: same ? s.adjusted_by : null,
          adjustedAt: same ? s.adjusted_at : null,
          registered: regBy.get(l.orgId) ?? 0,
        };
      }),
      totals,
      mismatch: totalsMismatch(totals),
      issues,
      updatedBy: saved?.head.updated_by_name ?? null,
      updatedAt: saved?.head.updated_at ?? null,
      canEdit: canWriteDelegates(actor, c.org_path),
    };
  }

  return {
    async allocation(actor: Actor, congressId: number): Promise<Allocation> {
      const c = await readCongress(db, actor, congressId);
      return build(db, actor, c, null);
    },

    async previewAllocation(actor: Actor, congressId: number, input: PreviewInput): Promise<Allocation> {
      const c = await readCongress(db, actor, congressId);
      return build(db, actor, c, input);
    },

    /** Records the allocation; refused when a line lacks its reason or the totals do not add up. */
    async saveAllocation(actor: Actor, congressId: number, req: SaveAllocationRequest): Promise<Allocation> {
      const input = saveAllocationRequestSchema.parse(req);
      await db.transaction(async (tx) => {
        const c = await writeCongress(tx, actor, congressId);
        if (c.form !== 'delegates') fail('CONGRESS_NOT_DELEGATES');
        await tx.query('SELECT id FROM congresses WHERE id = $1 FOR UPDATE', [c.id]);
        const result = await build(tx, actor, c, input);
        if (result.saved && req.version !== undefined && req.version !== result.version) fail('VERSION_CONFLICT');
        if (result.issues.length > 0) {
          const nameOf = new Map(result.lines.map((l) => [l.org.id, l.org.name]));
          const details: ApiErrorDetail[] = result.issues.map((i) => ({
            field: 'orgId' in i && i.orgId !== undefined ? `lines.${i.orgId}` : 'settings',
            code: i.code,
            message: 'orgId' in i && i.orgId !== undefined ? `${nameOf.get(i.orgId) ?? i.orgId}: ${i.message}` : i.message,
          }));
          throw new DomainError('ALLOCATION_INVALID', details[0]!.message, details);
        }
        if (result.mismatch) throw new DomainError('ALLOCATION_TOTALS_MISMATCH', result.mismatch, [{ field: 'electedTotal', code: 'ALLOCATION_TOTALS_MISMATCH', message: result.mismatch }]);
        const before = await delegatesRepo.allocation(tx, c.id);
        const head = await tx.query<{ id: number }>(
          `INSERT INTO delegate_allocations (congress_id, settings, elected_total, ex_officio, appointed, decision_ref, updated_by)
           VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7)
           ON CONFLICT (congress_id) DO UPDATE SET settings = EXCLUDED.settings, elected_total = EXCLUDED.elected_total, ex_officio = EXCLUDED.ex_officio,
             appointed = EXCLUDED.appointed, decision_ref = EXCLUDED.decision_ref, updated_by = EXCLUDED.updated_by, updated_at = now(), version = delegate_allocations.version + 1
           RETURNING id`,
          [c.id, JSON.stringify(result.settings), input.electedTotal, input.exOfficio, input.appointed, req.decisionRef?.trim() || null, actor.userId],
        );
        const allocationId = head.rows[0]!.id;
        const prev = new Map((before?.lines ?? []).map((l) => [l.org_id, l]));
        await tx.query('DELETE FROM delegate_allocation_rows WHERE allocation_id = $1', [allocationId]);
        const changes: { org: string; from: number | null; to: number; reason: string | null }[] = [];
        for (const l of result.lines) {
          const p = prev.get(l.org.id);
          const keepStamp = p && p.seats === l.seats && p.adjust_reason === l.adjustReason;
          if (!p || p.seats !== l.seats) changes.push({ org: l.org.name, from: p?.seats ?? null, to: l.seats, reason: l.adjustReason });
          await tx.query(
            `INSERT INTO delegate_allocation_rows (allocation_id, org_id, members, formula_seats, extra_seats, seats, adjust_reason, adjusted_by, adjusted_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7::text, $8, CASE WHEN $7::text IS NULL THEN NULL ELSE coalesce($9::timestamptz, now()) END)`,
            [
              allocationId,
              l.org.id,
              l.members,
              l.formulaSeats,
              l.extraSeats,
              l.seats,
              l.adjustReason,
              l.adjustReason ? (keepStamp ? p.adjusted_by : actor.username) : null,
              keepStamp ? p.adjusted_at : null,
            ],
          );
        }
        await auditDelegates(
          tx,
          actor,
          c,
          'delegates.allocation.saved',
          `Phân bổ đại biểu dự đại hội ${c.org_name}: ${result.totals.allocated} đại biểu bầu cho ${result.lines.length} tổ chức, tổng ${result.totals.congressTotal} đại biểu`,
          { settings: result.settings, totals: result.totals, changes: changes.slice(0, 200) },
        );
      });
      return this.allocation(actor, congressId);
    },
  };
}
