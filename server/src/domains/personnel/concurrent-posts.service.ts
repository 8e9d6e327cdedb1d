import type { Db } from '../../platform/db/db.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { fail } from '../../platform/http/errors.ts';
import type { ConcurrentFigure, ConcurrentReport, ConcurrentTargetRequest } from '../../../../shared/src/contracts/personnel.ts';
import { assertCanRead, assertCanWrite } from '../organizations/organizations.policy.ts';
import { CELL_TYPE_CODES } from '../campaigns/schedule-rules.ts';
import { concurrentModelLabels, concurrentModels, type ConcurrentModel, modelFigure, type PostRole, type UnitPosts } from './concurrent-post-rules.ts';

const levelUnitNames: Record<number, string> = { 2: 'đơn vị cấp huyện', 3: 'đơn vị cấp xã' };

/** Figures of the concurrent-post models over a subtree, computed from the people's current posts. */
export function createConcurrentPostsService(deps: { db: Db }) {
  const { db } = deps;
  async function org(id: number) {
    const r = await db.query<{ id: number; name: string; path: string }>(`SELECT id, name, path::text AS path FROM organizations WHERE id = $1`, [id]);
    if (!r.rows[0]) fail('ORG_NOT_FOUND');
    return r.rows[0]!;
  }
  return {
    async report(actor: Actor, orgId?: number): Promise<ConcurrentReport> {
      const root = await org(orgId ?? actor.scopeOrgId);
      assertCanRead(actor, root.path);
      const targets = await db.query<{ model: ConcurrentModel; level: number; target_kind: 'count' | 'share'; target_value: string; source: string | null }>(
        `SELECT model, level, target_kind, target_value::text, source FROM concurrent_post_targets WHERE root_org_id = $1`,
        [root.id],
      );
      const levels = [...new Set([2, 3, ...targets.rows.map((t) => t.level)])].sort();
      // Territorial committees (not cells) of each level: the units the models speak of.
      const units = await db.query<{ org_id: number; level: number; person_id: number | null; role: PostRole | null; non_local: boolean | null }>(
        `SELECT o.id AS org_id, t.level, pp.person_id, pp.role, pp.non_local
           FROM organizations o JOIN org_types t ON t.code = o.type_code
           LEFT JOIN person_posts pp ON pp.org_id = o.id AND pp.to_date IS NULL
          WHERE o.path <@ $1::ltree AND o.status = 'active' AND o.kind_code = 'territorial' AND t.level = ANY($2::int[]) AND NOT (o.type_code = ANY($3::text[]))`,
        [root.path, levels, CELL_TYPE_CODES],
      );
      const byLevel = new Map<number, Map<number, UnitPosts>>();
      for (const u of units.rows) {
        const m = byLevel.get(u.level) ?? new Map<number, UnitPosts>();
        byLevel.set(u.level, m);
        const unit = m.get(u.org_id) ?? { orgId: u.org_id, posts: [] };
        m.set(u.org_id, unit);
        if (u.person_id && u.role) unit.posts.push({ personId: u.person_id, role: u.role, nonLocal: u.non_local ?? false });
      }
      const figures: ConcurrentFigure[] = [];
      for (const level of levels) {
        const list = [...(byLevel.get(level)?.values() ?? [])];
        if (list.length === 0) continue;
        for (const model of concurrentModels) {
          const t = targets.rows.find((x) => x.level === level && x.model === model);
          const target = t ? { kind: t.target_kind, value: Number(t.target_value), source: t.source } : null;
          const levelName = levelUnitNames[level] ?? `đơn vị cấp ${level}`;
          const f = modelFigure(model, list, target, levelName);
          figures.push({ model, modelLabel: concurrentModelLabels[model], level, levelName, units: f.units, base: f.base, applying: f.applying, share: f.share, target, met: f.met, text: f.text });
        }
      }
      return { root: { id: root.id, name: root.name }, figures };
    },

    async setTarget(actor: Actor, input: Required<ConcurrentTargetRequest>): Promise<ConcurrentReport> {
      const root = await org(input.rootOrgId);
      assertCanWrite(actor, root.path);
      if (input.targetKind === 'share' && input.targetValue > 100) fail('PERSON_INVALID', 'Tỷ lệ mục tiêu không quá 100%.', [{ field: 'targetValue', code: 'TOO_LARGE', message: 'Không quá 100%.' }]);
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO concurrent_post_targets (root_org_id, model, level, target_kind, target_value, source, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (root_org_id, model, level) DO UPDATE SET target_kind = EXCLUDED.target_kind, target_value = EXCLUDED.target_value, source = EXCLUDED.source`,
          [root.id, input.model, input.level, input.targetKind, input.targetValue, input.source, actor.userId],
        );
        await recordAudit(tx, actor, {
          action: 'personnel.concurrentTargetSet',
          entityType: 'organization',
          entityId: root.id,
          orgId: root.id,
          summary: `Mục tiêu "${concurrentModelLabels[input.model]}" cấp ${input.level}: ${input.targetKind === 'share' ? `${input.targetValue}%` : `${input.targetValue} đơn vị`}`,
          details: input,
        });
      });
      return this.report(actor, root.id);
    },
  };
}
export type ConcurrentPostsService = ReturnType<typeof createConcurrentPostsService>;
