import crypto from 'node:crypto';
import type { Db, Queryable } from '../../platform/db/db.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, fail } from '../../platform/http/errors.ts';
import { foldVietnamese, viCollator } from '../../../../shared/src/text.ts';
import type {
  CreateOrgRequest,
  ImportPreview,
  Merge,
  MergeOrgsRequest,
  Org,
  OrgWithAncestors,
  ReferenceData,
  Rollup,
  UpdateOrgRequest,
} from '../../../../shared/src/contracts/organizations.ts';
import { type OrgRow, orgsRepo, referenceRepo } from './organizations.repository.ts';
import { assertCanRead, assertCanWrite, canWriteOrgs, pathInside } from './organizations.policy.ts';
import { checkImport, type ExistingOrg, foldKey, orderParentsFirst, type PlannedRow, type SheetRow } from './tree-import-rules.ts';
import { type ExportRow, readTreeCsv, readTreeWorkbook, WorkbookError, writeTreeCsv, writeTreeWorkbook } from './tree-workbook.ts';
import { claimImportBatch, markImportApplied } from '../../platform/imports/import-batches.ts';

export function presentOrg(o: OrgRow): Org {
  return {
    id: o.id,
    code: o.code,
    name: o.name,
    parentId: o.parent_id,
    depth: o.path.split('.').length,
    typeCode: o.type_code,
    kindCode: o.kind_code,
    fullMembers: o.full_members,
    probationaryMembers: o.probationary_members,
    activeFrom: o.active_from,
    activeTo: o.active_to,
    status: o.status,
    mergedIntoId: o.merged_into_id,
    childCount: o.child_count,
    version: o.version,
  };
}

const byName = (a: { name: string }, b: { name: string }) => viCollator.compare(a.name, b.name);
const IMPORT_MAX_ROWS = 20_000;

export function createOrganizationsService(deps: { db: Db }) {
  const { db } = deps;
  let referenceCache: ReferenceData | undefined;

  // Inside a transaction, queries must go through `tx`: PGlite has one connection and would wait on itself.
  async function reference(q: Queryable = db): Promise<ReferenceData> {
    referenceCache ??= await referenceRepo.load(q);
    return referenceCache;
  }

  async function typeLevel(tx: Queryable, code: string): Promise<number> {
    const t = (await reference(tx)).types.find((x) => x.code === code);
    if (!t) fail('UNKNOWN_ORG_TYPE', undefined, [{ field: 'typeCode', code: 'UNKNOWN_ORG_TYPE', message: `Loại tổ chức "${code}" không tồn tại.` }]);
    return t!.level;
  }
  async function assertKind(tx: Queryable, code: string) {
    if (!(await reference(tx)).kinds.some((k) => k.code === code))
      fail('UNKNOWN_ORG_KIND', undefined, [{ field: 'kindCode', code: 'UNKNOWN_ORG_KIND', message: `Khối, loại hình "${code}" không tồn tại.` }]);
  }

  async function load(tx: Queryable, id: number, forUpdate = false): Promise<OrgRow> {
    const o = await orgsRepo.byId(tx, id, { forUpdate });
    if (!o) throw new DomainError('ORG_NOT_FOUND');
    return o;
  }
  async function loadReadable(actor: Actor, id: number): Promise<OrgRow> {
    const o = await load(db, id);
    assertCanRead(actor, o.path);
    return o;
  }
  async function loadWritable(tx: Queryable, actor: Actor, id: number, expectedVersion?: number): Promise<OrgRow> {
    if (!canWriteOrgs(actor)) fail('FORBIDDEN_ROLE');
    const o = await load(tx, id, true);
    assertCanWrite(actor, o.path);
    if (expectedVersion !== undefined && o.version !== expectedVersion) fail('VERSION_CONFLICT');
    return o;
  }
  const audit = (tx: Queryable, actor: Actor, action: string, org: { id: number }, summary: string, details?: unknown) =>
    recordAudit(tx, actor, { action, entityType: 'organization', entityId: org.id, orgId: org.id, summary, details });

  async function withAncestors(actor: Actor, o: OrgRow): Promise<OrgWithAncestors> {
    // Only ancestors inside the actor's scope are named: a district user sees the path from their own unit.
    const ids = o.path
      .split('.')
      .slice(0, -1)
      .map(Number)
      .filter((_, i, arr) => pathInside(arr.slice(0, i + 1).join('.'), actor.scopePath));
    const names = await orgsRepo.namesByIds(db, ids);
    return {
      ...presentOrg(o),
      ancestors: ids.map((i) => names.get(i)).filter((x): x is NonNullable<typeof x> => !!x),
      canWrite: canWriteOrgs(actor) && o.status === 'active',
    };
  }

  async function mergeRecords(where: string, params: unknown[]): Promise<Merge[]> {
    const r = await db.query<{
      id: number;
      decision_no: string;
      decision_date: string;
      effective_date: string;
      target_id: number;
      units_reduced: number;
      note: string | null;
      created_at: Date;
      source_ids: number[];
    }>(
      `SELECT m.id, m.decision_no, m.decision_date, m.effective_date, m.target_id, m.units_reduced, m.note, m.created_at,
              array_agg(s.source_id ORDER BY s.source_id) AS source_ids
         FROM org_merges m JOIN org_merge_sources s ON s.merge_id = m.id
        WHERE ${where} GROUP BY m.id ORDER BY m.effective_date DESC, m.id DESC`,
      params,
    );
    const names = await orgsRepo.namesByIds(db, [...new Set(r.rows.flatMap((m) => [m.target_id, ...m.source_ids]))]);
    return r.rows.map((m) => ({
      id: m.id,
      decisionNo: m.decision_no,
      decisionDate: m.decision_date,
      effectiveDate: m.effective_date,
      target: names.get(m.target_id)!,
      sources: m.source_ids.map((s) => names.get(s)!),
      unitsReduced: m.units_reduced,
      note: m.note,
      createdAt: m.created_at.toISOString(),
    }));
  }

  async function createIn(tx: Queryable, actor: Actor, input: CreateOrgRequest): Promise<number> {
    const parent = await loadWritable(tx, actor, input.parentId);
    if (parent.status !== 'active') fail('ORG_NOT_ACTIVE', 'Tổ chức cấp trên đã giải thể hoặc hợp nhất.');
    const level = await typeLevel(tx, input.typeCode);
    await assertKind(tx, input.kindCode);
    if (level <= parent.level)
      fail('ORG_LEVEL_MISMATCH', `Loại tổ chức (cấp ${level}) phải ở cấp thấp hơn tổ chức cấp trên (cấp ${parent.level}).`, [
        { field: 'typeCode', code: 'ORG_LEVEL_MISMATCH', message: 'Loại tổ chức không phù hợp với cấp trên.' },
      ]);
    if (await orgsRepo.codeTaken(tx, input.code)) fail('ORG_CODE_TAKEN', undefined, [{ field: 'code', code: 'ORG_CODE_TAKEN', message: `Mã "${input.code}" đã được dùng.` }]);
    const id = await orgsRepo.insert(tx, {
      code: input.code,
      name: input.name,
      searchText: foldVietnamese(input.name),
      parentId: parent.id,
      parentPath: parent.path,
      typeCode: input.typeCode,
      kindCode: input.kindCode,
      fullMembers: input.fullMembers,
      probationaryMembers: input.probationaryMembers,
      activeFrom: input.activeFrom ?? null,
    });
    await audit(tx, actor, 'organization.created', { id }, `Thành lập ${input.name} (${input.code}) thuộc ${parent.name}`, input);
    return id;
  }

  async function applyUpdate(tx: Queryable, actor: Actor, o: OrgRow, input: Omit<UpdateOrgRequest, 'version'>) {
    if (o.status !== 'active') fail('ORG_NOT_ACTIVE');
    if (input.code && input.code !== o.code && (await orgsRepo.codeTaken(tx, input.code, o.id)))
      fail('ORG_CODE_TAKEN', undefined, [{ field: 'code', code: 'ORG_CODE_TAKEN', message: `Mã "${input.code}" đã được dùng.` }]);
    if (input.typeCode && input.typeCode !== o.type_code) {
      const level = await typeLevel(tx, input.typeCode);
      const parent = o.parent_id ? await load(tx, o.parent_id) : undefined;
      const deepestChild = await tx.query<{ level: number | null }>(
        `SELECT min(t.level) AS level FROM organizations c JOIN org_types t ON t.code = c.type_code WHERE c.parent_id = $1 AND c.status = 'active'`,
        [o.id],
      );
      const childLevel = deepestChild.rows[0]?.level;
      if ((parent && level <= parent.level) || (childLevel != null && level >= childLevel)) fail('ORG_LEVEL_MISMATCH');
    }
    if (input.kindCode) await assertKind(tx, input.kindCode);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const track = (k: string, from: unknown, to: unknown) => {
      if (to !== undefined && to !== from) changes[k] = { from, to };
    };
    track('name', o.name, input.name);
    track('code', o.code, input.code);
    track('typeCode', o.type_code, input.typeCode);
    track('kindCode', o.kind_code, input.kindCode);
    track('fullMembers', o.full_members, input.fullMembers);
    track('probationaryMembers', o.probationary_members, input.probationaryMembers);
    track('activeFrom', o.active_from, input.activeFrom);
    if (Object.keys(changes).length === 0) return;
    await tx.query(
      `UPDATE organizations SET name = coalesce($2, name), search_text = coalesce($3, search_text), code = coalesce($4, code),
         type_code = coalesce($5, type_code), kind_code = coalesce($6, kind_code), full_members = coalesce($7, full_members),
         probationary_members = coalesce($8, probationary_members),
         active_from = CASE WHEN $9::boolean THEN $10::date ELSE active_from END,
         version = version + 1, updated_at = now()
       WHERE id = $1`,
      [
        o.id,
        input.name ?? null,
        input.name ? foldVietnamese(input.name) : null,
        input.code ?? null,
        input.typeCode ?? null,
        input.kindCode ?? null,
        input.fullMembers ?? null,
        input.probationaryMembers ?? null,
        input.activeFrom !== undefined,
        input.activeFrom ?? null,
      ],
    );
    const summary = changes.name ? `Đổi tên ${o.name} thành ${input.name}` : `Cập nhật ${o.name}`;
    await audit(tx, actor, changes.name ? 'organization.renamed' : 'organization.updated', o, summary, changes);
  }

  async function applyMove(tx: Queryable, actor: Actor, o: OrgRow, newParentId: number) {
    if (!o.parent_id) fail('ORG_IS_ROOT');
    if (o.status !== 'active') fail('ORG_NOT_ACTIVE');
    if (o.id === newParentId) fail('ORG_MOVE_CYCLE');
    const parent = await loadWritable(tx, actor, newParentId);
    if (parent.status !== 'active') fail('ORG_NOT_ACTIVE', 'Tổ chức cấp trên mới đã giải thể hoặc hợp nhất.');
    if (pathInside(parent.path, o.path)) fail('ORG_MOVE_CYCLE');
    if (o.level <= parent.level) fail('ORG_LEVEL_MISMATCH');
    if (o.parent_id === parent.id) return;
    const oldParent = await load(tx, o.parent_id!);
    await orgsRepo.moveSubtree(tx, o.id, o.path, parent.id, parent.path);
    await audit(tx, actor, 'organization.moved', o, `Chuyển ${o.name} từ ${oldParent.name} sang ${parent.name}`, {
      fromParentId: oldParent.id,
      toParentId: parent.id,
    });
  }

  return {
    reference: () => reference(),

    async scopeRoot(actor: Actor): Promise<OrgWithAncestors> {
      return withAncestors(actor, await loadReadable(actor, actor.scopeOrgId));
    },

    async get(actor: Actor, id: number): Promise<OrgWithAncestors> {
      return withAncestors(actor, await loadReadable(actor, id));
    },

    async children(actor: Actor, id: number, includeInactive: boolean): Promise<Org[]> {
      await loadReadable(actor, id);
      return (await orgsRepo.children(db, id, includeInactive)).map(presentOrg).sort(byName);
    },

    async search(actor: Actor, q: string, limit: number, includeInactive: boolean) {
      const rows = await orgsRepo.search(db, actor.scopePath, foldVietnamese(q), limit, includeInactive);
      const ancestorIds = [...new Set(rows.flatMap((r) => r.path.split('.').slice(0, -1).map(Number)))];
      const names = await orgsRepo.namesByIds(db, ancestorIds);
      return rows.map((r) => ({
        ...presentOrg(r),
        // Ancestors from the actor's scope down, so the result shows where it sits.
        pathIds: r.path.split('.').map(Number),
        pathNames: r.path
          .split('.')
          .slice(0, -1)
          .filter((_, i, arr) => pathInside(arr.slice(0, i + 1).join('.'), actor.scopePath))
          .map((i) => names.get(Number(i))?.name ?? ''),
      }));
    },

    async create(actor: Actor, input: CreateOrgRequest): Promise<OrgWithAncestors> {
      const id = await db.transaction((tx) => createIn(tx, actor, input));
      return withAncestors(actor, await load(db, id));
    },

    async update(actor: Actor, id: number, input: UpdateOrgRequest): Promise<OrgWithAncestors> {
      await db.transaction(async (tx) => {
        const o = await loadWritable(tx, actor, id, input.version);
        const { version: _v, ...rest } = input;
        await applyUpdate(tx, actor, o, rest);
      });
      return withAncestors(actor, await load(db, id));
    },

    async move(actor: Actor, id: number, input: { version: number; newParentId: number }): Promise<OrgWithAncestors> {
      await db.transaction(async (tx) => {
        const o = await loadWritable(tx, actor, id, input.version);
        // The unit itself must stay inside the actor's scope after the move: its new parent is checked as writable.
        await applyMove(tx, actor, o, input.newParentId);
      });
      return withAncestors(actor, await load(db, id));
    },

    async close(actor: Actor, id: number, input: { version: number; date: string; reason: string }): Promise<OrgWithAncestors> {
      await db.transaction(async (tx) => {
        const o = await loadWritable(tx, actor, id, input.version);
        if (!o.parent_id) fail('ORG_IS_ROOT');
        if (o.status !== 'active') fail('ORG_NOT_ACTIVE');
        if (o.child_count > 0) fail('ORG_HAS_ACTIVE_CHILDREN');
        await tx.query(`UPDATE organizations SET status = 'closed', active_to = $2, version = version + 1, updated_at = now() WHERE id = $1`, [o.id, input.date]);
        await audit(tx, actor, 'organization.closed', o, `Giải thể ${o.name}`, { date: input.date, reason: input.reason });
      });
      return withAncestors(actor, await load(db, id));
    },

    /**
     * Merges units into one: the sources' active children move under the target, their members
     * are added to it, and the sources end as "merged" with the decision recorded. The reduction
     * counted is the number of units that stopped existing (sources, minus one if a new unit was formed).
     */
    async merge(actor: Actor, input: MergeOrgsRequest): Promise<Merge> {
      if (!canWriteOrgs(actor)) fail('FORBIDDEN_ROLE');
      if ((input.targetId === undefined) === (input.newTarget === undefined))
        fail('MERGE_INVALID', 'Chọn một tổ chức nhận hợp nhất hoặc khai báo tổ chức mới (chỉ một trong hai).');
      if (new Set(input.sourceIds).size !== input.sourceIds.length) fail('MERGE_INVALID', 'Danh sách tổ chức bị hợp nhất có mục trùng.');
      if (input.effectiveDate < input.decisionDate) fail('MERGE_INVALID', 'Ngày hiệu lực không được trước ngày quyết định.');
      const mergeId = await db.transaction(async (tx) => {
        const created = input.newTarget !== undefined;
        const targetId = input.newTarget ? await createIn(tx, actor, { ...input.newTarget, fullMembers: 0, probationaryMembers: 0, activeFrom: input.effectiveDate }) : input.targetId!;
        const target = await loadWritable(tx, actor, targetId);
        if (target.status !== 'active') fail('ORG_NOT_ACTIVE', 'Tổ chức nhận hợp nhất đã giải thể hoặc hợp nhất.');
        if (input.sourceIds.includes(target.id)) fail('MERGE_INVALID', 'Tổ chức nhận không được nằm trong danh sách bị hợp nhất.');
        const sources: OrgRow[] = [];
        for (const sid of input.sourceIds) {
          const s = await loadWritable(tx, actor, sid);
          if (s.status !== 'active') fail('MERGE_INVALID', `${s.name} đã giải thể hoặc hợp nhất.`);
          if (!s.parent_id) fail('ORG_IS_ROOT');
          if (pathInside(target.path, s.path)) fail('MERGE_INVALID', `Tổ chức nhận nằm trong ${s.name}.`);
          if (s.level !== target.level) fail('MERGE_INVALID', `${s.name} (cấp ${s.level}) không cùng cấp với tổ chức nhận (cấp ${target.level}).`);
          sources.push(s);
        }
        for (const s of sources) {
          const kids = await orgsRepo.children(tx, s.id, false);
          for (const k of kids) await orgsRepo.moveSubtree(tx, k.id, k.path, target.id, target.path);
          await tx.query(
            `UPDATE organizations SET status = 'merged', active_to = $2, merged_into_id = $3, full_members = 0, probationary_members = 0,
               version = version + 1, updated_at = now() WHERE id = $1`,
            [s.id, input.effectiveDate, target.id],
          );
          await tx.query(
            `UPDATE organizations SET full_members = full_members + $2, probationary_members = probationary_members + $3, version = version + 1, updated_at = now() WHERE id = $1`,
            [target.id, s.full_members, s.probationary_members],
          );
        }
        const unitsReduced = sources.length - (created ? 1 : 0);
        const m = await tx.query<{ id: number }>(
          `INSERT INTO org_merges (target_id, target_created, decision_no, decision_date, effective_date, units_reduced, note, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [target.id, created, input.decisionNo, input.decisionDate, input.effectiveDate, unitsReduced, input.note ?? null, actor.userId],
        );
        const id = m.rows[0]!.id;
        for (const s of sources) await tx.query(`INSERT INTO org_merge_sources (merge_id, source_id) VALUES ($1, $2)`, [id, s.id]);
        const summary = `Hợp nhất ${sources.map((s) => s.name).join(', ')} vào ${target.name} (QĐ ${input.decisionNo}); giảm ${unitsReduced} đầu mối`;
        await audit(tx, actor, 'organization.merged', target, summary, { ...input, mergeId: id, targetId: target.id });
        for (const s of sources) await audit(tx, actor, 'organization.merged_away', s, `${s.name} hợp nhất vào ${target.name} (QĐ ${input.decisionNo})`, { mergeId: id });
        return id;
      });
      return (await mergeRecords('m.id = $1', [mergeId]))[0]!;
    },

    async rollup(actor: Actor, id: number): Promise<Rollup> {
      const o = await loadReadable(actor, id);
      const { groups, unitsReduced } = await orgsRepo.rollup(db, o.id, o.path);
      const byType = new Map<string, { typeCode: string; level: number; count: number }>();
      const byKind = new Map<string, number>();
      const byLevel = new Map<number, number>();
      let total = 0;
      let full = 0;
      let prob = 0;
      for (const g of groups) {
        total += g.n;
        full += Number(g.full);
        prob += Number(g.prob);
        const t = byType.get(g.type_code) ?? { typeCode: g.type_code, level: g.level, count: 0 };
        t.count += g.n;
        byType.set(g.type_code, t);
        byKind.set(g.kind_code, (byKind.get(g.kind_code) ?? 0) + g.n);
        byLevel.set(g.level, (byLevel.get(g.level) ?? 0) + g.n);
      }
      return {
        orgId: o.id,
        totalOrgs: total,
        fullMembers: full,
        probationaryMembers: prob,
        byType: [...byType.values()].sort((a, b) => a.level - b.level || a.typeCode.localeCompare(b.typeCode)),
        byKind: [...byKind].map(([kindCode, count]) => ({ kindCode, count })).sort((a, b) => b.count - a.count),
        byLevel: [...byLevel].map(([level, count]) => ({ level, count })).sort((a, b) => a.level - b.level),
        unitsReducedByMerges: unitsReduced,
      };
    },

    async history(actor: Actor, id: number) {
      const o = await loadReadable(actor, id);
      const events = await db.query<{ id: number; at: Date; actor_username: string | null; action: string; summary: string; details: unknown }>(
        `SELECT id, at, actor_username, action, summary, details FROM audit_log
          WHERE entity_type = 'organization' AND entity_id = $1 ORDER BY id DESC LIMIT 200`,
        [String(o.id)],
      );
      const merges = await mergeRecords(`m.target_id = $1 OR m.id IN (SELECT merge_id FROM org_merge_sources WHERE source_id = $1)`, [o.id]);
      return {
        events: events.rows.map((e) => ({ id: Number(e.id), at: e.at.toISOString(), actorUsername: e.actor_username, action: e.action, summary: e.summary, details: e.details })),
        merges,
      };
    },

    async merges(actor: Actor, id: number) {
      const o = await loadReadable(actor, id);
      return mergeRecords(`m.target_id IN (SELECT id FROM organizations WHERE path <@ $1::ltree)`, [o.path]);
    },

    async exportSubtree(actor: Actor, id: number, format: 'xlsx' | 'csv', includeInactive: boolean) {
      const o = await loadReadable(actor, id);
      const ref = await reference();
      const rows: ExportRow[] = (await orgsRepo.subtreeForExport(db, o.path, includeInactive)).map((r) => ({
        code: r.code,
        name: r.name,
        // The subtree's root is exported without a parent outside the actor's scope.
        parentCode: pathInside(r.path, actor.scopePath) && r.id !== actor.scopeOrgId ? r.parent_code : null,
        typeCode: r.type_code,
        typeName: r.type_name,
        kindCode: r.kind_code,
        level: r.level,
        fullMembers: r.full_members,
        probationaryMembers: r.probationary_members,
        activeFrom: r.active_from,
        status: r.status,
      }));
      const fileBase = `to-chuc-${o.code}`;
      if (format === 'csv') return { fileName: `${fileBase}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(writeTreeCsv(rows), 'utf8') };
      return { fileName: `${fileBase}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await writeTreeWorkbook(rows, ref) };
    },

    async template() {
      return writeTreeWorkbook([], await reference());
    },

    /** Reads and checks a file; nothing changes until applyImport on a clean batch. */
    async previewImport(actor: Actor, file: { name: string; data: Buffer }): Promise<ImportPreview> {
      if (!canWriteOrgs(actor)) fail('FORBIDDEN_ROLE');
      let sheet: SheetRow[];
      try {
        sheet = /\.csv$/i.test(file.name) ? readTreeCsv(file.data.toString('utf8')) : await readTreeWorkbook(file.data);
      } catch (err) {
        if (err instanceof WorkbookError) fail('IMPORT_FILE_INVALID', err.message);
        throw err;
      }
      const ref = await reference();
      const codes = new Set<string>();
      for (const r of sheet) {
        for (const c of [r.cells.code, r.cells.parentCode]) if (c && c.kind === 'text') codes.add(c.value.trim().toLowerCase());
      }
      const scopeRoot = await load(db, actor.scopeOrgId);
      const existingRows = await orgsRepo.byCodes(db, [...codes]);
      // Walking up needs every ancestor's parent code: load the whole chain of each referenced org.
      const ancestorIds = [...new Set(existingRows.flatMap((r) => r.path.split('.').map(Number)))];
      const chain = await db.query<OrgRow & { parent_code: string | null }>(
        `SELECT o.id, o.code, o.path::text AS path, o.status, t.level, p.code AS parent_code
           FROM organizations o JOIN org_types t ON t.code = o.type_code LEFT JOIN organizations p ON p.id = o.parent_id WHERE o.id = ANY($1::int[])`,
        [ancestorIds],
      );
      const existing = new Map<string, ExistingOrg>();
      for (const r of [...chain.rows, ...existingRows]) {
        existing.set(r.code.toLowerCase(), {
          id: r.id,
          code: r.code,
          parentCode: r.parent_code,
          typeLevel: r.level,
          inScope: pathInside(r.path, actor.scopePath),
          active: r.status === 'active',
        });
      }
      const types = new Map<string, { code: string; level: number }>();
      for (const t of ref.types) {
        types.set(t.code.toLowerCase(), t);
        types.set(foldKey(t.nameVi), t);
      }
      const kinds = new Map<string, string>();
      for (const k of ref.kinds) {
        kinds.set(k.code.toLowerCase(), k.code);
        kinds.set(foldKey(k.nameVi), k.code);
      }
      const { issues, planned } = checkImport(sheet, { existing, types, kinds, scopeRootCode: scopeRoot.code, maxRows: IMPORT_MAX_ROWS });
      const batchId = crypto.randomUUID();
      await db.query(`INSERT INTO import_batches (id, user_id, scope_org_id, file_name, rows, errors) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`, [
        batchId,
        actor.userId,
        actor.scopeOrgId,
        file.name.slice(0, 200),
        JSON.stringify(planned),
        JSON.stringify(issues),
      ]);
      return {
        batchId,
        fileName: file.name,
        totalRows: sheet.length,
        toCreate: planned.filter((p) => p.action === 'create').length,
        toUpdate: planned.filter((p) => p.action === 'update').length,
        errors: issues,
        rows: planned.slice(0, 1000),
        canApply: issues.length === 0 && planned.length > 0,
      };
    },

    async applyImport(actor: Actor, batchId: string): Promise<{ created: number; updated: number }> {
      if (!canWriteOrgs(actor)) fail('FORBIDDEN_ROLE');
      return db.transaction(async (tx) => {
        const batch = await claimImportBatch<{ rows: PlannedRow[]; errors: unknown[]; status: string; file_name: string }>(tx, 'import_batches', batchId, actor.userId);
        if (batch.errors.length > 0) fail('IMPORT_HAS_ERRORS');
        let created = 0;
        let updated = 0;
        // Everything or nothing: any failure rolls the whole file back, so a re-run starts clean.
        for (const p of orderParentsFirst(batch.rows)) {
          const parentId = p.parentCode ? (await orgsRepo.byCodes(tx, [p.parentCode]))[0]?.id : undefined;
          if (p.action === 'create') {
            await createIn(tx, actor, {
              code: p.code,
              name: p.name,
              parentId: parentId!,
              typeCode: p.typeCode,
              kindCode: p.kindCode,
              fullMembers: p.fullMembers,
              probationaryMembers: p.probationaryMembers,
              activeFrom: p.activeFrom ?? undefined,
            });
            created++;
          } else {
            const existing = (await orgsRepo.byCodes(tx, [p.code]))[0]!;
            const o = await loadWritable(tx, actor, existing.id);
            await applyUpdate(tx, actor, o, {
              name: p.name,
              typeCode: p.typeCode,
              kindCode: p.kindCode,
              fullMembers: p.fullMembers,
              probationaryMembers: p.probationaryMembers,
              ...(p.activeFrom ? { activeFrom: p.activeFrom } : {}),
            });
            if (parentId !== undefined && parentId !== o.parent_id) await applyMove(tx, actor, await load(tx, o.id, true), parentId);
            updated++;
          }
        }
        await markImportApplied(tx, 'import_batches', batchId);
        await recordAudit(tx, actor, {
          action: 'organization.imported',
          entityType: 'import',
          entityId: batchId,
          orgId: actor.scopeOrgId,
          summary: `Nhập tệp ${batch.file_name}: thêm ${created}, cập nhật ${updated} tổ chức`,
          details: { created, updated },
        });
        return { created, updated };
      });
    },
  };
}

export type OrganizationsService = ReturnType<typeof createOrganizationsService>;
