import type { Db, Queryable } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, fail } from '../../platform/http/errors.ts';
import { storeFile } from '../../platform/files/files.ts';
import { foldVietnamese } from '../../../../shared/src/text.ts';
import type {
  AddVersionRequest,
  CongressDocument,
  CongressDocuments,
  CongressOption,
  ConsultationSummary,
  CreateDocumentRequest,
  DocumentDiff,
  VersionSummary,
  VersionView,
} from '../../../../shared/src/contracts/documents.ts';
import { documentTypeLabels } from '../../../../shared/src/contracts/documents.ts';
import { pathInside } from '../organizations/organizations.policy.ts';
import { type ConsultationRow, type DocumentRow, documentsRepo, iso, type VersionRow } from './documents.repository.ts';
import { assertRead, assertWrite, canWrite } from './documents.policy.ts';
import { assignSectionKeys, type Block, parseStructuredText } from './section-rules.ts';
import { diffSections } from './diff-rules.ts';
import { consultationState } from './consultation-rules.ts';
import { documentApprovalItems, requiredDocumentTypes } from './document-approval-rules.ts';
import { readDocxBlocks } from './docx-text.ts';

export type DocumentsDeps = { db: Db; clock: Clock };

/** A congress document stays readable on one page: past this many sections, split it. */
const MAX_SECTIONS = 5000;
export const MAX_DOCX_BYTES = 5 * 1024 * 1024;

export function presentVersion(v: VersionRow): VersionSummary {
  return { id: v.id, no: v.no, note: v.note, source: v.source, fileName: v.file_name, createdAt: iso(v.created_at), createdBy: v.created_by, sectionCount: v.section_count };
}

export function consultationSummary(c: ConsultationRow, now: Date, commentCount: number): ConsultationSummary {
  return {
    id: c.id,
    title: c.title,
    versionNo: c.version_no,
    state: consultationState({ opensAt: c.opens_at, closesAt: c.closes_at }, now),
    opensAt: iso(c.opens_at),
    closesAt: iso(c.closes_at),
    audienceOrg: { id: c.audience_org_id, code: c.audience_code, name: c.audience_name },
    commentCount,
  };
}

export function createDocumentsService(deps: DocumentsDeps) {
  const { db, clock } = deps;

  async function load(q: Queryable, actor: Actor, id: number, write: boolean, forUpdate = false): Promise<DocumentRow> {
    const d = await documentsRepo.document(q, id, forUpdate);
    if (!d) throw new DomainError('DOCUMENT_NOT_FOUND');
    if (write) assertWrite(actor, d.org_path);
    else assertRead(actor, d.org_path);
    return d;
  }

  const audit = (tx: Queryable, actor: Actor, d: Pick<DocumentRow, 'id' | 'org_id'>, action: string, summary: string, details?: unknown) =>
    recordAudit(tx, actor, { action, entityType: 'congressDocument', entityId: d.id, orgId: d.org_id, summary, details });

  async function present(q: Queryable, actor: Actor, d: DocumentRow): Promise<CongressDocument> {
    const [versions, rounds] = await Promise.all([documentsRepo.versions(q, d.id), documentsRepo.consultationsOfDocument(q, d.id)]);
    const counts = await documentsRepo.countsByChannel(q, rounds.map((r) => r.id));
    const now = clock.now();
    return {
      id: d.id,
      congressId: d.congress_id,
      org: { id: d.org_id, code: d.org_code, name: d.org_name },
      campaignName: d.campaign_name,
      docType: d.doc_type,
      title: d.title,
      versions: versions.map(presentVersion),
      approvedVersionId: d.approved_version_id,
      approvedAt: d.approved_at ? iso(d.approved_at) : null,
      approvedBy: d.approved_by,
      consultations: rounds.map((r) => consultationSummary(r, now, counts.filter((x) => x.consultation_id === r.id).reduce((s, x) => s + x.total, 0))),
      version: d.version,
      can: { write: canWrite(actor) && pathInside(d.org_path, actor.scopePath) },
    };
  }

  /** Congresses in the actor's subtree, by organization name (the picker of the documents page). */
  async function congressOptions(actor: Actor, q: string | undefined): Promise<CongressOption[]> {
    const folded = q ? `%${foldVietnamese(q).replace(/[%_\\]/g, '\\$&')}%` : null;
    const r = await db.query<{ id: number; org_id: number; org_code: string; org_name: string; campaign_name: string; status: string }>(
      `SELECT c.id, c.org_id, o.code AS org_code, o.name AS org_name, k.name AS campaign_name, c.status
         FROM congresses c JOIN organizations o ON o.id = c.org_id JOIN campaigns k ON k.id = c.campaign_id
        WHERE c.org_path <@ $1::ltree AND ($2::text IS NULL OR o.search_text LIKE $2 OR lower(o.code) = lower($3))
        ORDER BY nlevel(c.org_path), o.name, c.id DESC LIMIT 30`,
      [actor.scopePath, folded, q ?? ''],
    );
    return r.rows.map((c) => ({ id: c.id, org: { id: c.org_id, code: c.org_code, name: c.org_name }, campaignName: c.campaign_name, status: c.status }));
  }

  async function congressDocuments(actor: Actor, congressId: number): Promise<CongressDocuments> {
    const c = await documentsRepo.congress(db, congressId);
    if (!c) throw new DomainError('CONGRESS_NOT_FOUND');
    assertRead(actor, c.org_path);
    const docs = await documentsRepo.documentsOfCongress(db, congressId);
    const write = canWrite(actor) && pathInside(c.org_path, actor.scopePath);
    return {
      congress: { id: c.id, org: { id: c.org_id, code: c.org_code, name: c.org_name }, campaignName: c.campaign_name, status: c.status },
      documents: docs.map((d) => ({
        id: d.id,
        congressId: d.congress_id,
        org: { id: d.org_id, code: d.org_code, name: d.org_name },
        campaignName: d.campaign_name,
        docType: d.doc_type,
        title: d.title,
        approvedVersionId: d.approved_version_id,
        approvedAt: d.approved_at ? iso(d.approved_at) : null,
        approvedBy: d.approved_by,
        version: d.version,
        can: { write },
        latestVersionNo: d.latest_no,
        approvedVersionNo: d.approved_no,
      })),
      required: requiredDocumentTypes,
      can: { write },
    };
  }

  async function createDocument(actor: Actor, congressId: number, input: CreateDocumentRequest): Promise<CongressDocument> {
    const id = await db.transaction(async (tx) => {
      const c = await documentsRepo.congress(tx, congressId);
      if (!c) throw new DomainError('CONGRESS_NOT_FOUND');
      assertWrite(actor, c.org_path);
      if (c.status === 'closed' || c.status === 'cancelled') fail('CONGRESS_CLOSED');
      const r = await tx.query<{ id: number }>(`INSERT INTO congress_documents (congress_id, doc_type, title, created_by) VALUES ($1, $2, $3, $4) RETURNING id`, [
        congressId,
        input.docType,
        input.title,
        actor.username,
      ]);
      const docId = r.rows[0]!.id;
      await audit(tx, actor, { id: docId, org_id: c.org_id }, 'document.created', `Tạo văn kiện “${input.title}” (${documentTypeLabels[input.docType]}) của ${c.org_name}`, input);
      return docId;
    });
    return getDocument(actor, id);
  }

  async function getDocument(actor: Actor, id: number): Promise<CongressDocument> {
    return present(db, actor, await load(db, actor, id, false));
  }

  async function saveVersion(actor: Actor, id: number, blocks: Block[], note: string | undefined, source: 'text' | 'docx', file?: { fileName: string; bytes: Buffer }): Promise<VersionSummary> {
    if (blocks.length === 0) throw new DomainError('DOCUMENT_EMPTY', undefined, [{ field: source === 'docx' ? 'file' : 'text', code: 'DOCUMENT_EMPTY', message: 'Không tìm thấy tiêu đề hay đoạn văn nào.' }]);
    if (blocks.length > MAX_SECTIONS) fail('DOCUMENT_EMPTY', `Văn kiện có ${blocks.length} đoạn, quá ${MAX_SECTIONS} đoạn cho một văn bản.`, [{ field: 'text', code: 'DOCUMENT_TOO_MANY_SECTIONS', message: `Tối đa ${MAX_SECTIONS} đoạn.` }]);
    const versionId = await db.transaction(async (tx) => {
      const d = await load(tx, actor, id, true, true);
      const prev = await tx.query<{ id: number; no: number }>(`SELECT id, no FROM document_versions WHERE document_id = $1 ORDER BY no DESC LIMIT 1`, [id]);
      const last = prev.rows[0];
      const prevBlocks = last ? await documentsRepo.sections(tx, last.id) : [];
      const keyed = assignSectionKeys(prevBlocks, blocks, d.next_section_no);
      const stored = file ? await storeFile(tx, { fileName: file.fileName, bytes: file.bytes, uploadedBy: actor.userId, maxBytes: MAX_DOCX_BYTES }) : null;
      const no = (last?.no ?? 0) + 1;
      const v = await tx.query<{ id: number }>(
        `INSERT INTO document_versions (document_id, no, note, source, file_id, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [id, no, note ?? null, source, stored?.id ?? null, actor.username],
      );
      const vid = v.rows[0]!.id;
      await documentsRepo.insertSections(tx, vid, keyed.blocks);
      await tx.query(`UPDATE congress_documents SET next_section_no = $2, version = version + 1 WHERE id = $1`, [id, keyed.nextNo]);
      const kept = keyed.blocks.filter((b) => prevBlocks.some((p) => p.key === b.key)).length;
      await audit(tx, actor, d, 'document.versionAdded', `Thêm bản số ${no} của “${d.title}” (${keyed.blocks.length} đoạn, ${kept} đoạn giữ nguyên mã)`, {
        no,
        source,
        sections: keyed.blocks.length,
        fileId: stored?.id ?? null,
      });
      return vid;
    });
    const versions = await documentsRepo.versions(db, id);
    return presentVersion(versions.find((v) => v.id === versionId)!);
  }

  const addVersion = (actor: Actor, id: number, input: AddVersionRequest) => saveVersion(actor, id, parseStructuredText(input.text), input.note, 'text');

  async function addDocxVersion(actor: Actor, id: number, file: { fileName: string; bytes: Buffer; note?: string | undefined }) {
    // Scope first: an outsider learns nothing from how we read their file.
    await load(db, actor, id, true);
    if (file.bytes.length > MAX_DOCX_BYTES) fail('FILE_TOO_LARGE', `Tệp lớn hơn ${MAX_DOCX_BYTES / 1024 / 1024} MB.`, [{ field: 'file', code: 'FILE_TOO_LARGE', message: 'Tối đa 5 MB.' }]);
    if (!/\.docx$/iu.test(file.fileName)) fail('FILE_TYPE_REFUSED', 'Chỉ nhận tệp Word (.docx).', [{ field: 'file', code: 'FILE_EXTENSION', message: 'Chỉ nhận tệp .docx.' }]);
    const blocks = await readDocxBlocks(file.bytes);
    return saveVersion(actor, id, blocks, file.note, 'docx', file);
  }

  async function versionView(actor: Actor, id: number, no: number): Promise<VersionView> {
    const d = await load(db, actor, id, false);
    const v = (await documentsRepo.versions(db, id)).find((x) => x.no === no);
    if (!v) throw new DomainError('DOCUMENT_VERSION_NOT_FOUND');
    const sections = await documentsRepo.sections(db, v.id);
    return { document: { id: d.id, title: d.title, docType: d.doc_type }, version: presentVersion(v), sections: sections.map((s) => ({ key: s.key, kind: s.kind, level: s.level, text: s.text })) };
  }

  async function diff(actor: Actor, id: number, from: number, to: number): Promise<DocumentDiff> {
    await load(db, actor, id, false);
    const versions = await documentsRepo.versions(db, id);
    const a = versions.find((x) => x.no === from);
    const b = versions.find((x) => x.no === to);
    if (!a || !b) throw new DomainError('DOCUMENT_VERSION_NOT_FOUND');
    const sections = diffSections(await documentsRepo.sections(db, a.id), await documentsRepo.sections(db, b.id));
    const count = (c: string) => sections.filter((s) => s.change === c).length;
    return { from, to, sections, counts: { changed: count('changed'), added: count('added'), removed: count('removed'), same: count('same') } };
  }

  async function approve(actor: Actor, id: number, input: { versionId: number; version: number }): Promise<CongressDocument> {
    await db.transaction(async (tx) => {
      const d = await load(tx, actor, id, true, true);
      if (d.version !== input.version) fail('VERSION_CONFLICT');
      if (d.congress_status === 'closed' || d.congress_status === 'cancelled') fail('CONGRESS_CLOSED');
      const v = (await documentsRepo.versions(tx, id)).find((x) => x.id === input.versionId);
      if (!v) throw new DomainError('DOCUMENT_VERSION_NOT_FOUND');
      await tx.query(`UPDATE congress_documents SET approved_version_id = $2, approved_at = $3, approved_by = $4, version = version + 1 WHERE id = $1`, [
        id,
        v.id,
        clock.now(),
        actor.username,
      ]);
      await audit(tx, actor, d, 'document.approved', `Thông qua bản số ${v.no} của “${d.title}” cho đại hội của ${d.org_name}`, { versionId: v.id, no: v.no });
    });
    return getDocument(actor, id);
  }

  return { congressOptions, congressDocuments, createDocument, getDocument, addVersion, addDocxVersion, versionView, diff, approve };
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;

/** The documents domain's items of the congress approval checklist (required types approved or missing). */
export async function documentsApprovalSource(q: Queryable, congress: { id: number; orgId: number; campaignId: number }) {
  const docs = await documentsRepo.documentsOfCongress(q, congress.id);
  return documentApprovalItems(
    docs.map((d) => ({ docType: d.doc_type, title: d.title, approvedVersionNo: d.approved_no, latestVersionNo: d.latest_no })),
    requiredDocumentTypes.types,
  );
}
