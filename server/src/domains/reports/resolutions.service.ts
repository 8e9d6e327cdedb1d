import type { Db, Queryable } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, fail } from '../../platform/http/errors.ts';
import { orgsRepo } from '../organizations/organizations.repository.ts';
import { pathInside } from '../organizations/organizations.policy.ts';
import { todayVn } from '../campaigns/congress-evaluation.ts';
import { formatDateVi, formatNumberVi } from '../../../../shared/src/format.ts';
import type {
  CreateResolution,
  CreateTarget,
  RecordProgress,
  RegisterList,
  RegisterQuery,
  Resolution,
  Target,
  UpdateResolution,
  UpdateTarget,
} from '../../../../shared/src/contracts/reports.ts';
import { canWriteRegister } from './reports.policy.ts';
import { registerWhere, subtreeOf } from './registers.service.ts';
import { targetProgress } from './report-rules.ts';

type ResolutionRow = { id: number; org_id: number; org_code: string; org_name: string; org_path: string; version: number; title: string; ref: string | null; adopted_on: string; task_groups: number };
type TargetRow = { id: number; resolution_id: number; position: number; name: string; unit: string; target_value: number; direction: 'atLeast' | 'atMost'; version: number };
type ProgressRow = { target_id: number; as_of: string; value: number; note: string | null };

const resolutionCols = `r.id, r.org_id, o.code AS org_code, o.name AS org_name, o.path::text AS org_path, r.version, r.title, r.ref, r.adopted_on::text, r.task_groups`;

/** Targets with their progress, read for a set of resolutions in two queries. */
export async function targetsOf(q: Queryable, resolutionIds: number[], asOf: string): Promise<Map<number, Target[]>> {
  const out = new Map<number, Target[]>(resolutionIds.map((id) => [id, []]));
  if (resolutionIds.length === 0) return out;
  const targets = await q.query<TargetRow>(
    `SELECT id, resolution_id, position, name, unit, target_value::float8 AS target_value, direction, version FROM report_targets WHERE resolution_id = ANY($1::int[]) ORDER BY resolution_id, position`,
    [resolutionIds],
  );
  const progress = await q.query<ProgressRow>(
    `SELECT p.target_id, p.as_of::text, p.value::float8 AS value, p.note FROM report_target_progress p JOIN report_targets t ON t.id = p.target_id WHERE t.resolution_id = ANY($1::int[]) ORDER BY p.target_id, p.as_of`,
    [resolutionIds],
  );
  const byTarget = new Map<number, ProgressRow[]>();
  for (const p of progress.rows) byTarget.set(p.target_id, [...(byTarget.get(p.target_id) ?? []), p]);
  for (const t of targets.rows) {
    const values = (byTarget.get(t.id) ?? []).map((p) => ({ asOf: p.as_of, value: p.value, note: p.note }));
    out.get(t.resolution_id)!.push({
      id: t.id,
      position: t.position,
      name: t.name,
      unit: t.unit,
      targetValue: t.target_value,
      direction: t.direction,
      version: t.version,
      progress: values,
      latest: targetProgress({ targetValue: t.target_value, direction: t.direction }, values, asOf),
    });
  }
  return out;
}

export function createResolutionsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  function present(r: ResolutionRow, targets: Target[], canEdit: boolean): Resolution {
    return {
      id: r.id,
      org: { id: r.org_id, code: r.org_code, name: r.org_name },
      version: r.version,
      can: { edit: canEdit },
      title: r.title,
      ref: r.ref,
      adoptedOn: r.adopted_on,
      taskGroups: r.task_groups,
      targets,
      achieved: targets.filter((t) => t.latest.status === 'achieved').length,
    };
  }

  async function load(q: Queryable, id: number, forUpdate = false): Promise<ResolutionRow> {
    const r = await q.query<ResolutionRow>(`SELECT ${resolutionCols} FROM report_resolutions r JOIN organizations o ON o.id = r.org_id WHERE r.id = $1 ${forUpdate ? 'FOR UPDATE OF r' : ''}`, [id]);
    if (!r.rows[0]) throw new DomainError('REGISTER_ENTRY_NOT_FOUND');
    return r.rows[0];
  }

  async function loadForWrite(tx: Queryable, actor: Actor, resolutionId: number) {
    if (!canWriteRegister(actor)) fail('FORBIDDEN_ROLE');
    const r = await load(tx, resolutionId, true);
    if (!pathInside(r.org_path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
    return r;
  }

  async function targetOf(tx: Queryable, targetId: number) {
    const t = await tx.query<TargetRow>(`SELECT id, resolution_id, position, name, unit, target_value::float8 AS target_value, direction, version FROM report_targets WHERE id = $1 FOR UPDATE`, [targetId]);
    if (!t.rows[0]) throw new DomainError('REGISTER_ENTRY_NOT_FOUND');
    return t.rows[0];
  }

  async function get(actor: Actor, id: number, asOf?: string): Promise<Resolution> {
    const r = await load(db, id);
    if (!pathInside(r.org_path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
    const t = await targetsOf(db, [r.id], asOf ?? todayVn(clock));
    return present(r, t.get(r.id)!, canWriteRegister(actor));
  }

  async function positionFree(tx: Queryable, resolutionId: number, position: number, exceptId: number | null) {
    const taken = await tx.query(`SELECT 1 FROM report_targets WHERE resolution_id = $1 AND position = $2 AND id <> coalesce($3, 0)`, [resolutionId, position, exceptId]);
    if (taken.rows.length) fail('REGISTER_ENTRY_INVALID', `Đã có chỉ tiêu số ${position}.`, [{ field: 'position', code: 'POSITION_TAKEN', message: `Đã có chỉ tiêu số ${position}.` }]);
  }

  return {
    get,

    async list(actor: Actor, f: RegisterQuery): Promise<RegisterList<Resolution>> {
      const org = await subtreeOf(db, actor, f.orgId);
      const { where, params } = registerWhere({ dateCol: 'adopted_on', searchCols: ['title', 'ref'] }, org.path, f, false);
      const base = `report_resolutions r JOIN organizations o ON o.id = r.org_id WHERE ${where}`;
      const [total, rows] = await Promise.all([
        db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${base}`, params),
        db.query<ResolutionRow>(`SELECT ${resolutionCols} FROM ${base} ORDER BY r.adopted_on DESC, r.id DESC LIMIT ${f.limit} OFFSET ${f.offset}`, params),
      ]);
      // Progress as of the end of the period when one is given, else today.
      const targets = await targetsOf(db, rows.rows.map((r) => r.id), f.to ?? todayVn(clock));
      const write = canWriteRegister(actor);
      return { total: total.rows[0]!.n, items: rows.rows.map((r) => present(r, targets.get(r.id)!, write && pathInside(r.org_path, actor.scopePath))), can: { create: write } };
    },

    async create(actor: Actor, input: CreateResolution): Promise<Resolution> {
      if (!canWriteRegister(actor)) fail('FORBIDDEN_ROLE');
      const id = await db.transaction(async (tx) => {
        const org = await orgsRepo.byId(tx, input.orgId);
        if (!org) throw new DomainError('ORG_NOT_FOUND');
        if (!pathInside(org.path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
        const r = await tx.query<{ id: number }>(`INSERT INTO report_resolutions (org_id, title, ref, adopted_on, task_groups, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, [
          org.id,
          input.title,
          input.ref ?? null,
          input.adoptedOn,
          input.taskGroups,
          actor.userId || null,
        ]);
        const newId = r.rows[0]!.id;
        await recordAudit(tx, actor, { action: 'report.resolution.created', entityType: 'report.resolution', entityId: newId, orgId: org.id, summary: `Ghi sổ nghị quyết “${input.title}”`, details: input });
        return newId;
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: number, input: UpdateResolution): Promise<Resolution> {
      await db.transaction(async (tx) => {
        const r = await loadForWrite(tx, actor, id);
        if (r.version !== input.version) fail('VERSION_CONFLICT');
        await tx.query(
          `UPDATE report_resolutions SET title = coalesce($2, title), ref = CASE WHEN $3::boolean THEN $4 ELSE ref END, adopted_on = coalesce($5::date, adopted_on),
             task_groups = coalesce($6, task_groups), version = version + 1, updated_at = now() WHERE id = $1`,
          [id, input.title ?? null, input.ref !== undefined, input.ref ?? null, input.adoptedOn ?? null, input.taskGroups ?? null],
        );
        await recordAudit(tx, actor, { action: 'report.resolution.updated', entityType: 'report.resolution', entityId: id, orgId: r.org_id, summary: `Sửa nghị quyết “${input.title ?? r.title}”`, details: input });
      });
      return get(actor, id);
    },

    async createTarget(actor: Actor, resolutionId: number, input: CreateTarget): Promise<Resolution> {
      await db.transaction(async (tx) => {
        const r = await loadForWrite(tx, actor, resolutionId);
        await positionFree(tx, r.id, input.position, null);
        const t = await tx.query<{ id: number }>(`INSERT INTO report_targets (resolution_id, position, name, unit, target_value, direction) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, [
          r.id,
          input.position,
          input.name,
          input.unit,
          input.targetValue,
          input.direction,
        ]);
        await recordAudit(tx, actor, {
          action: 'report.target.created',
          entityType: 'report.target',
          entityId: t.rows[0]!.id,
          orgId: r.org_id,
          summary: `Chỉ tiêu ${input.position} của “${r.title}”: ${input.name} — ${formatNumberVi(input.targetValue, 2)} ${input.unit}`,
          details: input,
        });
      });
      return get(actor, resolutionId);
    },

    async updateTarget(actor: Actor, targetId: number, input: UpdateTarget): Promise<Resolution> {
      const resolutionId = await db.transaction(async (tx) => {
        const t = await targetOf(tx, targetId);
        const r = await loadForWrite(tx, actor, t.resolution_id);
        if (t.version !== input.version) fail('VERSION_CONFLICT');
        if (input.position !== undefined) await positionFree(tx, r.id, input.position, t.id);
        await tx.query(
          `UPDATE report_targets SET position = coalesce($2, position), name = coalesce($3, name), unit = coalesce($4, unit), target_value = coalesce($5, target_value),
             direction = coalesce($6, direction), version = version + 1, updated_at = now() WHERE id = $1`,
          [t.id, input.position ?? null, input.name ?? null, input.unit ?? null, input.targetValue ?? null, input.direction ?? null],
        );
        await recordAudit(tx, actor, { action: 'report.target.updated', entityType: 'report.target', entityId: t.id, orgId: r.org_id, summary: `Sửa chỉ tiêu ${t.position} của “${r.title}”`, details: input });
        return r.id;
      });
      return get(actor, resolutionId);
    },

    async recordProgress(actor: Actor, targetId: number, input: RecordProgress): Promise<Resolution> {
      const resolutionId = await db.transaction(async (tx) => {
        const t = await targetOf(tx, targetId);
        const r = await loadForWrite(tx, actor, t.resolution_id);
        const before = await tx.query<{ value: number }>(`SELECT value::float8 AS value FROM report_target_progress WHERE target_id = $1 AND as_of = $2`, [t.id, input.asOf]);
        await tx.query(
          `INSERT INTO report_target_progress (target_id, as_of, value, note, recorded_by) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (target_id, as_of) DO UPDATE SET value = EXCLUDED.value, note = EXCLUDED.note, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
          [t.id, input.asOf, input.value, input.note ?? null, actor.userId || null],
        );
        await recordAudit(tx, actor, {
          action: 'report.target.progress',
          entityType: 'report.target',
          entityId: t.id,
          orgId: r.org_id,
          summary: `Chỉ tiêu ${t.position} “${t.name}” đến ${formatDateVi(input.asOf)}: ${formatNumberVi(input.value, 2)} ${t.unit}${before.rows[0] ? ` (trước đó ${formatNumberVi(before.rows[0].value, 2)})` : ''}`,
          details: { ...input, previous: before.rows[0]?.value ?? null },
        });
        return r.id;
      });
      return get(actor, resolutionId);
    },
  };
}
export type ResolutionsService = ReturnType<typeof createResolutionsService>;
