/**
 * Importing existing progress from Excel: a template of the user's congresses, a preview that
 * checks every row with the same lifecycle, schedule and approval-checklist rules as the pages and
 * stores the plan, and an apply that writes it in one transaction only when the preview was clean.
 */
import crypto from 'node:crypto';
import type { Db, Queryable } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, fail } from '../../platform/http/errors.ts';
import { formatDateVi } from '../../../../shared/src/format.ts';
import { pathInside } from '../organizations/organizations.policy.ts';
import { orgsRepo } from '../organizations/organizations.repository.ts';
import { readFirstSheet, WorkbookError } from '../organizations/tree-workbook.ts';
import { campaignsRepo, congressCols, type CongressRow } from './campaigns.repository.ts';
import type { CampaignEvents } from './campaigns.events.ts';
import { assertCampaignVisible, canWrite, isUpperLevelOf } from './campaigns.policy.ts';
import { evaluate, storedCodes, todayVn } from './congress-evaluation.ts';
import { saveCongressRow } from './congresses.service.ts';
import { type ApprovalCheckSource, type OpeningCheck, runApprovalChecks, runOpeningChecks } from './approval-checklist.ts';
import { approvalDecision } from './approval-rules.ts';
import { congressStatusLabel } from './lifecycle-rules.ts';
import { newWarnings } from './schedule-rules.ts';
import { planChangesNothing, planProgressRow, type ProgressCurrent, type ProgressIssue, type ProgressPlan, progressColumns, PROGRESS_IMPORT_MAX_ROWS, readProgressSheet } from './progress-import-rules.ts';
import { type SheetSpec, writeWorkbook } from './dashboard-workbook.ts';
import { claimImportBatch, markImportApplied } from '../../platform/imports/import-batches.ts';

export type ProgressImportDeps = { db: Db; clock: Clock; events: CampaignEvents; approvalSources: readonly ApprovalCheckSource[]; openingChecks?: readonly OpeningCheck[] };

/** Upload limit for the progress workbook: 5,000 rows of a few columns fit in well under 5 MB. */
export const PROGRESS_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export type ProgressPreview = {
  batchId: string | null;
  fileName: string;
  rows: number;
  changes: { row: number; code: string; name: string; from: string; to: string; dates: string; note: string | null }[];
  unchanged: number;
  issues: ProgressIssue[];
};

function nextRowOf(row: CongressRow, p: ProgressPlan): CongressRow {
  const next: CongressRow = { ...row, planned_start: p.plannedStart, planned_end: p.plannedEnd, notice_date: p.noticeDate };
  if (p.steps.length) next.status = p.steps.at(-1)!;
  if (p.actualStart) {
    next.actual_start = p.actualStart;
    next.actual_end = p.actualEnd;
    next.held_override = p.heldWithoutApproval;
  }
  if (p.steps.includes('approved') && p.decisionRef) next.approval_ref = p.decisionRef;
  if (p.steps.includes('resultsApproved') && p.decisionRef && !p.steps.includes('approved')) next.results_ref = p.decisionRef;
  return next;
}

export function createProgressImport(deps: ProgressImportDeps) {
  const { db, clock, events } = deps;

  async function loadCampaignFor(q: Queryable, actor: Actor, id: number) {
    const c = await campaignsRepo.byId(q, id);
    if (!c) throw new DomainError('CAMPAIGN_NOT_FOUND');
    assertCampaignVisible(actor, c.root_path);
    if (!canWrite(actor)) fail('FORBIDDEN_ROLE');
    if (c.status === 'closed') fail('CAMPAIGN_CLOSED');
    return c;
  }

  /** Rows of the file checked against the congresses they name (only those inside the actor's subtree exist for them). */
  async function check(q: Queryable, actor: Actor, campaignId: number, matrix: Awaited<ReturnType<typeof readFirstSheet>>) {
    const c = await loadCampaignFor(q, actor, campaignId);
    const sheet = readProgressSheet(matrix);
    const issues: ProgressIssue[] = [...sheet.issues];
    const codes = [...new Set(sheet.rows.map((r) => (r.cells.code?.kind === 'text' ? r.cells.code.value.trim() : r.cells.code?.kind === 'number' ? String(r.cells.code.value) : '')).filter(Boolean))];
    const found = codes.length
      ? (await q.query<CongressRow>(`SELECT ${congressCols} FROM congresses c JOIN organizations o ON o.id = c.org_id WHERE c.campaign_id = $1 AND o.code = ANY($2::text[])`, [c.id, codes])).rows
      : [];
    const byCode = new Map(found.filter((r) => pathInside(r.org_path, actor.scopePath)).map((r) => [r.org_code, r]));
    const gl = await campaignsRepo.grassrootsLevel(q);
    const today = todayVn(clock);
    const seen = new Map<string, number>();
    const plans: ProgressPlan[] = [];
    let unchanged = 0;
    for (const r of sheet.rows) {
      const code = r.cells.code?.kind === 'text' ? r.cells.code.value.trim() : r.cells.code?.kind === 'number' ? String(r.cells.code.value) : '';
      if (code && seen.has(code)) {
        issues.push({ row: r.row, column: progressColumns.code, code: 'DUPLICATE', message: `Dòng ${r.row}, cột "${progressColumns.code}": mã "${code}" đã có ở dòng ${seen.get(code)}.` });
        continue;
      }
      if (code) seen.set(code, r.row);
      const row = byCode.get(code);
      const current: ProgressCurrent | undefined = row && {
        congressId: row.id,
        version: row.version,
        status: row.status,
        plannedStart: row.planned_start,
        plannedEnd: row.planned_end,
        noticeDate: row.notice_date,
        upperLevel: isUpperLevelOf(actor, row.org_path),
      };
      const planned = planProgressRow(r, current, today);
      issues.push(...planned.issues);
      if (!planned.plan || !row || !current) continue;
      const p = planned.plan;
      if (planChangesNothing(p, current)) {
        unchanged++;
        continue;
      }
      // The same schedule rules as the page: errors refuse the row; a new breach needs the exception column.
      const next = nextRowOf(row, p);
      const ev = evaluate(next, c, gl);
      for (const e of ev.errors) issues.push({ row: r.row, column: progressColumns.start, code: e.code, message: `Dòng ${r.row}: ${e.message}` });
      const fresh = newWarnings(
        ev.warnings.filter((w) => w.code !== 'NOTICE_OVERDUE'),
        row.warning_codes,
      );
      if (fresh.length && !p.reason)
        issues.push({
          row: r.row,
          column: progressColumns.reason,
          code: 'CONGRESS_RULE_WARNINGS',
          message: `Dòng ${r.row}, cột "${progressColumns.reason}": ${ev.warnings.filter((w) => fresh.includes(w.code)).map((w) => w.message).join(' ')} Ghi lý do để lưu như một ngoại lệ.`,
        });
      if (p.steps.includes('approved')) {
        const verdict = await runApprovalChecks(q, { id: row.id, orgId: row.org_id, campaignId: row.campaign_id }, deps.approvalSources);
        const decision = approvalDecision(verdict, p.reason);
        if (!decision.ok)
          issues.push({
            row: r.row,
            column: progressColumns.reason,
            code: 'CONGRESS_APPROVAL_CHECKLIST_OPEN',
            message: `Dòng ${r.row}, cột "${progressColumns.reason}": chưa đủ điều kiện duyệt (${decision.open.map((i) => i.label).join('; ')}); ghi lý do để duyệt như một ngoại lệ.`,
          });
      }
      if (p.steps.includes('held')) {
        const refusal = await runOpeningChecks(q, { id: row.id, orgId: row.org_id, campaignId: row.campaign_id }, deps.openingChecks ?? []);
        if (refusal) issues.push({ row: r.row, column: progressColumns.status, code: refusal.code, message: `Dòng ${r.row}: ${refusal.message}` });
      }
      plans.push(p);
    }
    issues.sort((a, b) => a.row - b.row);
    return { c, plans, issues, unchanged, rows: sheet.rows.length, byId: new Map(found.map((r) => [r.id, r])) };
  }

  return {
    async progressTemplate(actor: Actor, campaignId: number, orgId: number | undefined) {
      const c = await loadCampaignFor(db, actor, campaignId);
      const root = orgId ? await orgsRepo.byId(db, orgId) : await orgsRepo.byId(db, pathInside(actor.scopePath, c.root_path) ? actor.scopeOrgId : c.root_org_id);
      if (!root) throw new DomainError('ORG_NOT_FOUND');
      if (!pathInside(root.path, actor.scopePath) || !pathInside(root.path, c.root_path)) fail('ORG_OUT_OF_SCOPE');
      const r = await db.query<CongressRow>(
        `SELECT ${congressCols} FROM congresses c JOIN organizations o ON o.id = c.org_id WHERE c.campaign_id = $1 AND c.org_path <@ $2::ltree ORDER BY c.org_path LIMIT $3`,
        [c.id, root.path, PROGRESS_IMPORT_MAX_ROWS + 1],
      );
      if (r.rows.length > PROGRESS_IMPORT_MAX_ROWS) fail('EXPORT_TOO_LARGE', `Phạm vi có hơn ${PROGRESS_IMPORT_MAX_ROWS.toLocaleString('vi-VN')} đại hội; hãy chọn đơn vị nhỏ hơn.`);
      const sheets: SheetSpec[] = [
        {
          name: 'Tiến độ',
          title: `Tiến độ đại hội — ${root.name}`,
          subtitle: `${c.name}. Sửa cột Trạng thái, ngày (dd/mm/yyyy), số quyết định; không sửa cột Mã tổ chức.`,
          columns: [
            { header: progressColumns.code, key: 'code', width: 18 },
            { header: progressColumns.name, key: 'name', width: 44 },
            { header: progressColumns.status, key: 'status', width: 28 },
            { header: progressColumns.start, key: 'start', type: 'date' },
            { header: progressColumns.end, key: 'end', type: 'date' },
            { header: progressColumns.notice, key: 'notice', type: 'date' },
            { header: progressColumns.decisionRef, key: 'decisionRef', width: 26 },
            { header: progressColumns.reason, key: 'reason', width: 40 },
          ],
          rows: r.rows.map((x) => ({
            code: x.org_code,
            name: x.org_name,
            status: congressStatusLabel(x.status),
            start: x.actual_start ?? x.planned_start,
            end: x.actual_end ?? x.planned_end,
            notice: x.notice_date,
            decisionRef: x.status === 'approved' ? x.approval_ref : x.results_ref,
          })),
        },
        {
          name: 'Hướng dẫn',
          title: 'Các trạng thái được dùng ở cột "Trạng thái"',
          subtitle: 'Đi theo thứ tự; đã tổ chức khi chưa được duyệt phải ghi "Lý do ngoại lệ". Trả lại bước trước, không tổ chức: làm trên trang đại hội.',
          columns: [{ header: 'Trạng thái', key: 'label', width: 40 }],
          rows: (['planned', 'documentsReady', 'personnelReady', 'approved', 'held', 'resultsApproved', 'closed'] as const).map((s) => ({ label: congressStatusLabel(s) })),
        },
      ];
      return { fileName: `tien-do-dai-hoi-${root.code}.xlsx`, body: await writeWorkbook(sheets) };
    },

    /** Checks the file; stores the plan for `applyProgress` only when every row is clean. Writes nothing else. */
    async previewProgress(actor: Actor, campaignId: number, file: { fileName: string; bytes: Buffer }): Promise<ProgressPreview> {
      if (!/\.xlsx$/i.test(file.fileName)) fail('IMPORT_FILE_INVALID', 'Chỉ nhận tệp Excel .xlsx (hãy dùng tệp mẫu).');
      let matrix;
      try {
        matrix = await readFirstSheet(file.bytes, 8);
      } catch (e) {
        if (e instanceof WorkbookError) fail('IMPORT_FILE_INVALID', e.message);
        throw e;
      }
      const r = await check(db, actor, campaignId, matrix);
      const changes = r.plans.map((p) => {
        const row = r.byId.get(p.congressId)!;
        const dates = p.actualStart ? `${formatDateVi(p.actualStart)}–${formatDateVi(p.actualEnd)}` : p.plannedStart ? `${formatDateVi(p.plannedStart)}–${formatDateVi(p.plannedEnd)}` : '';
        return {
          row: p.row,
          code: p.code,
          name: row.org_name,
          from: congressStatusLabel(p.from),
          to: congressStatusLabel(p.steps.at(-1) ?? p.from),
          dates,
          note: p.heldWithoutApproval ? 'Tổ chức trước khi được duyệt (ngoại lệ)' : p.reason,
        };
      });
      let batchId: string | null = null;
      if (r.issues.length === 0 && r.plans.length > 0) {
        batchId = crypto.randomUUID();
        await db.query(`INSERT INTO campaign_import_batches (id, campaign_id, user_id, file_name, plans, issues) VALUES ($1, $2, $3, $4, $5::jsonb, '[]'::jsonb)`, [
          batchId,
          r.c.id,
          actor.userId,
          file.fileName,
          JSON.stringify(r.plans),
        ]);
      }
      return { batchId, fileName: file.fileName, rows: r.rows, changes, unchanged: r.unchanged, issues: r.issues };
    },

    /** Writes a clean preview in one transaction: every congress still at the version the preview saw, or nothing. */
    async applyProgress(actor: Actor, campaignId: number, batchId: string) {
      const out = await db.transaction(async (tx) => {
        const c = await loadCampaignFor(tx, actor, campaignId);
        const batch = await claimImportBatch<{ plans: ProgressPlan[]; status: string; file_name: string }>(tx, 'campaign_import_batches', batchId, actor.userId, { campaign_id: c.id });
        const gl = await campaignsRepo.grassrootsLevel(tx);
        const touched: CongressRow[] = [];
        for (const p of batch.plans) {
          const row = await campaignsRepo.congress(tx, p.congressId, true);
          if (!row || !pathInside(row.org_path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
          if (row!.version !== p.version)
            fail('VERSION_CONFLICT', `Dòng ${p.row} (${p.code}): đại hội đã được người khác thay đổi sau khi kiểm tra tệp. Hãy kiểm tra lại tệp.`, [
              { field: `row.${p.row}`, code: 'VERSION_CONFLICT', message: `Dòng ${p.row}: dữ liệu đã thay đổi.` },
            ]);
          const next = nextRowOf(row!, p);
          const ev = evaluate(next, c, gl);
          if (ev.errors.length) fail('CONGRESS_DATES_INVALID', `Dòng ${p.row}: ${ev.errors[0]!.message}`);
          const fresh = newWarnings(
            ev.warnings.filter((w) => w.code !== 'NOTICE_OVERDUE'),
            row!.warning_codes,
          );
          next.warning_codes = storedCodes(ev);
          next.warnings_accepted_reason = next.warning_codes.length === 0 ? null : fresh.length ? p.reason : row!.warnings_accepted_reason;
          await saveCongressRow(tx, row!, next);
          const details = { import: batchId, fileName: batch.file_name, row: p.row, steps: p.steps, heldWithoutApproval: p.heldWithoutApproval, ...(p.reason ? { reason: p.reason } : {}), ...(p.decisionRef ? { decisionRef: p.decisionRef } : {}) };
          await campaignsRepo.addHistory(tx, { congressId: row!.id, actorId: actor.userId, actorName: actor.username, kind: 'imported', from: row!.status, to: next.status, details });
          await recordAudit(tx, actor, {
            action: 'congress.imported',
            entityType: 'congress',
            entityId: row!.id,
            orgId: row!.org_id,
            summary: `Nhập tiến độ từ Excel: đại hội ${row!.org_name} ${congressStatusLabel(row!.status)} → ${congressStatusLabel(next.status)}`,
            details,
          });
          touched.push(row!);
        }
        await markImportApplied(tx, 'campaign_import_batches', batchId);
        await recordAudit(tx, actor, {
          action: 'campaign.progressImported',
          entityType: 'campaign',
          entityId: c.id,
          orgId: actor.scopeOrgId,
          summary: `Nhập tiến độ từ tệp ${batch.file_name}: ${touched.length.toLocaleString('vi-VN')} đại hội`,
          details: { batchId, congresses: touched.length },
        });
        return touched;
      });
      for (const row of out) events.emit(row.campaign_id, { type: 'congress', congressId: row.id, orgPath: row.org_path, status: 'imported' });
      return { applied: out.length };
    },
  };
}
