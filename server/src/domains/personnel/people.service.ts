import crypto from 'node:crypto';
import type { Db, Queryable } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { fail } from '../../platform/http/errors.ts';
import { describeFiles, loadFile, storeFile } from '../../platform/files/files.ts';
import { classifyUpload, cleanFileName } from '../../platform/files/file-types.ts';
import { foldVietnamese, viCollator } from '../../../../shared/src/text.ts';
import {
  type AdvanceComplaintRequest,
  type Complaint,
  type ComplaintFile,
  complaintKindLabels,
  type CreateComplaintRequest,
  type CreatePersonRequest,
  type PersonImportPreview,
  type PersonProfile,
  type PersonSummary,
  type Retirement,
  type UpdatePersonRequest,
  createPersonRequestSchema,
} from '../../../../shared/src/contracts/personnel.ts';
import { assertCanRead, assertCanWrite, canWriteOrgs, pathInside } from '../organizations/organizations.policy.ts';
import { formatAgeVi, RETIREMENT_SOURCE, retirementOf } from './retirement-rules.ts';
import { complaintOutcomeLabels, complaintStatusLabels, nextStatus, type ComplaintStatus } from './complaint-rules.ts';
import { postRoleLabels, type PostRole } from './concurrent-post-rules.ts';
import { checkPersonImport, type PlannedPerson } from './person-import-rules.ts';
import { peopleTemplate, PersonWorkbookError, readPeopleWorkbook } from './person-workbook.ts';
import { todayVn } from '../campaigns/congress-evaluation.ts';
import { claimImportBatch, markImportApplied } from '../../platform/imports/import-batches.ts';

const IMPORT_MAX_ROWS = 5000;
const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export type PersonRow = {
  id: number;
  org_id: number;
  org_name: string;
  org_path: string;
  code: string | null;
  full_name: string;
  birth_date: string;
  gender: 'male' | 'female';
  ethnicity: string;
  home_place: string | null;
  education: string | null;
  political_theory: PersonProfile['politicalTheory'];
  party_join_date: string | null;
  sci_tech: boolean;
  retirement_date_entered: string | null;
  note: string | null;
  version: number;
};

export const PERSON_SELECT = `SELECT p.id, p.org_id, o.name AS org_name, o.path::text AS org_path, p.code, p.full_name, p.birth_date, p.gender, p.ethnicity, p.home_place,
  p.education, p.political_theory, p.party_join_date, p.sci_tech, p.retirement_date_entered, p.note, p.version
  FROM persons p JOIN organizations o ON o.id = p.org_id`;

export function retirementView(p: Pick<PersonRow, 'birth_date' | 'gender' | 'retirement_date_entered'>): Retirement {
  const r = retirementOf({ birthDate: p.birth_date, gender: p.gender, retirementDateEntered: p.retirement_date_entered });
  return {
    month: r.month,
    date: r.date,
    ageText: formatAgeVi(r.ageMonths),
    source: r.source,
    sourceText: r.source === 'entered' ? 'Theo hồ sơ cán bộ (nhập tay)' : RETIREMENT_SOURCE,
  };
}

export type ComplaintRow = {
  id: number;
  person_id: number;
  person_name: string;
  congress_id: number | null;
  kind: 'complaint' | 'denunciation';
  received_on: string;
  sender: string | null;
  summary: string;
  status: ComplaintStatus;
  assignee: string | null;
  verification: string | null;
  conclusion: string | null;
  outcome: Complaint['outcome'];
  concluded_on: string | null;
  version: number;
};
export const COMPLAINT_SELECT = `SELECT c.id, c.person_id, p.full_name AS person_name, c.congress_id, c.kind, c.received_on, c.sender, c.summary, c.status, c.assignee,
  c.verification, c.conclusion, c.outcome, c.concluded_on, c.version FROM person_complaints c JOIN persons p ON p.id = c.person_id`;

export const presentComplaint = (c: ComplaintRow, files: ComplaintFile[] = []): Complaint => ({
  id: c.id,
  personId: c.person_id,
  personName: c.person_name,
  congressId: c.congress_id,
  kind: c.kind,
  kindLabel: complaintKindLabels[c.kind],
  receivedOn: c.received_on,
  sender: c.sender,
  summary: c.summary,
  status: c.status,
  statusLabel: complaintStatusLabels[c.status],
  assignee: c.assignee,
  verification: c.verification,
  conclusion: c.conclusion,
  outcome: c.outcome,
  outcomeLabel: c.outcome ? complaintOutcomeLabels[c.outcome] : null,
  concludedOn: c.concluded_on,
  nextStatus: nextStatus(c.status),
  files,
  version: c.version,
});

/** Complaints with their attached files (metadata only), in the rows' order; one query for all. */
export async function presentComplaints(q: Queryable, rows: readonly ComplaintRow[]): Promise<Complaint[]> {
  if (rows.length === 0) return [];
  const r = await q.query<{ complaint_id: number; id: number; file_name: string; content_type: string; size: number; added_at: Date }>(
    `SELECT cf.complaint_id, cf.id, f.file_name, f.content_type, f.size, cf.added_at FROM complaint_files cf JOIN files f ON f.id = cf.file_id
      WHERE cf.complaint_id = ANY($1::int[]) ORDER BY cf.id`,
    [rows.map((c) => c.id)],
  );
  const files = new Map<number, ComplaintFile[]>();
  for (const f of r.rows)
    files.set(f.complaint_id, [...(files.get(f.complaint_id) ?? []), { id: f.id, fileName: f.file_name, contentType: f.content_type, size: f.size, addedAt: f.added_at.toISOString() }]);
  return rows.map((c) => presentComplaint(c, files.get(c.id) ?? []));
}

/** A complaint carries the letter, minutes and conclusions: documents and scans, not spreadsheets or plain text. */
const COMPLAINT_FILE_TYPES: readonly string[] = ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/png', 'image/jpeg'];

/** Current posts per person, "Phó Bí thư Thành ủy (Đảng bộ thành phố Móng Cái)". */
export async function currentPostTitles(q: Queryable, personIds: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (personIds.length === 0) return out;
  const r = await q.query<{ person_id: number; title: string }>(`SELECT person_id, title FROM person_posts WHERE person_id = ANY($1::int[]) AND to_date IS NULL ORDER BY person_id, id`, [
    personIds,
  ]);
  for (const row of r.rows) out.set(row.person_id, [...(out.get(row.person_id) ?? []), row.title]);
  return out;
}

export function createPeopleService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function loadPerson(q: Queryable, id: number, forUpdate = false): Promise<PersonRow> {
    const r = await q.query<PersonRow>(`${PERSON_SELECT} WHERE p.id = $1${forUpdate ? ' FOR UPDATE OF p' : ''}`, [id]);
    const row = r.rows[0];
    if (!row) fail('PERSON_NOT_FOUND');
    return row!;
  }

  async function orgPath(q: Queryable, orgId: number): Promise<{ path: string; status: string }> {
    const r = await q.query<{ path: string; status: string }>(`SELECT path::text AS path, status FROM organizations WHERE id = $1`, [orgId]);
    if (!r.rows[0]) fail('ORG_NOT_FOUND');
    return r.rows[0]!;
  }

  function checkPersonFacts(input: { birthDate: string; partyJoinDate: string | null; retirementDateEntered: string | null }) {
    const today = todayVn(clock);
    if (input.birthDate > today || input.birthDate < '1900-01-01') fail('PERSON_INVALID', 'Ngày sinh không hợp lý.', [{ field: 'birthDate', code: 'BAD_DATE', message: 'Ngày sinh không hợp lý.' }]);
    if (input.partyJoinDate && input.partyJoinDate <= input.birthDate)
      fail('PERSON_INVALID', 'Ngày vào Đảng phải sau ngày sinh.', [{ field: 'partyJoinDate', code: 'BAD_DATE', message: 'Ngày vào Đảng phải sau ngày sinh.' }]);
    if (input.retirementDateEntered && input.retirementDateEntered <= input.birthDate)
      fail('PERSON_INVALID', 'Ngày nghỉ hưu phải sau ngày sinh.', [{ field: 'retirementDateEntered', code: 'BAD_DATE', message: 'Ngày nghỉ hưu phải sau ngày sinh.' }]);
  }

  async function writePosts(tx: Queryable, actor: Actor, personId: number, posts: ReturnType<typeof createPersonRequestSchema.parse>['posts']) {
    await tx.query(`DELETE FROM person_posts WHERE person_id = $1`, [personId]);
    for (const [i, p] of posts.entries()) {
      const o = await orgPath(tx, p.orgId);
      // A post is held in an organization the actor manages: no writing into another subtree.
      if (!pathInside(o.path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE', undefined, [{ field: `posts.${i}.orgId`, code: 'ORG_OUT_OF_SCOPE', message: 'Tổ chức ngoài phạm vi quản lý.' }]);
      await tx.query(`INSERT INTO person_posts (person_id, org_id, role, title, non_local, from_date, to_date) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        personId,
        p.orgId,
        p.role,
        p.title,
        p.nonLocal,
        p.fromDate,
        p.toDate,
      ]);
    }
  }

  async function insertPerson(tx: Queryable, actor: Actor, input: ReturnType<typeof createPersonRequestSchema.parse>): Promise<number> {
    try {
      const r = await tx.query<{ id: number }>(
        `INSERT INTO persons (org_id, code, full_name, search_text, birth_date, gender, ethnicity, home_place, education, political_theory, party_join_date, sci_tech,
           retirement_date_entered, note, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
        [
          input.orgId,
          input.code || null,
          input.fullName,
          foldVietnamese(input.fullName),
          input.birthDate,
          input.gender,
          input.ethnicity,
          input.homePlace,
          input.education,
          input.politicalTheory,
          input.partyJoinDate,
          input.sciTech,
          input.retirementDateEntered,
          input.note,
          actor.userId,
        ],
      );
      return r.rows[0]!.id;
    } catch (err) {
      if (/persons_code_key/.test(String(err))) fail('PERSON_CODE_TAKEN', `Mã cán bộ ${input.code} đã được dùng.`, [{ field: 'code', code: 'PERSON_CODE_TAKEN', message: 'Mã đã được dùng.' }]);
      throw err;
    }
  }

  /** The complaint's person: their organization decides who may read or change the complaint. */
  async function complaintScope(q: Queryable, id: number, forUpdate = false) {
    const r = await q.query<{ org_id: number; org_path: string; full_name: string }>(
      `SELECT p.org_id, o.path::text AS org_path, p.full_name FROM person_complaints c JOIN persons p ON p.id = c.person_id JOIN organizations o ON o.id = p.org_id WHERE c.id = $1${forUpdate ? ' FOR UPDATE OF c' : ''}`,
      [id],
    );
    if (!r.rows[0]) fail('COMPLAINT_NOT_FOUND');
    return r.rows[0]!;
  }

  async function summaries(q: Queryable, rows: PersonRow[]): Promise<PersonSummary[]> {
    const ids = rows.map((r) => r.id);
    const posts = await currentPostTitles(q, ids);
    const open = await q.query<{ person_id: number; n: number }>(
      `SELECT person_id, count(*)::int AS n FROM person_complaints WHERE person_id = ANY($1::int[]) AND status <> 'concluded' GROUP BY person_id`,
      [ids],
    );
    const openBy = new Map(open.rows.map((x) => [x.person_id, x.n]));
    return rows.map((p) => ({
      id: p.id,
      code: p.code,
      fullName: p.full_name,
      birthDate: p.birth_date,
      gender: p.gender,
      ethnicity: p.ethnicity,
      org: { id: p.org_id, name: p.org_name },
      posts: posts.get(p.id) ?? [],
      retirement: retirementView(p),
      openComplaints: openBy.get(p.id) ?? 0,
    }));
  }

  return {
    async list(actor: Actor, query: { orgId?: number; q?: string; limit: number }): Promise<PersonSummary[]> {
      let scope = actor.scopePath;
      if (query.orgId) {
        const o = await orgPath(db, query.orgId);
        assertCanRead(actor, o.path);
        scope = o.path;
      }
      const folded = query.q ? `%${foldVietnamese(query.q)}%` : null;
      const r = await db.query<PersonRow>(
        `${PERSON_SELECT} WHERE o.path <@ $1::ltree AND ($2::text IS NULL OR p.search_text LIKE $2 OR lower(p.code) = lower($3)) ORDER BY p.id LIMIT $4`,
        [scope, folded, query.q ?? '', query.limit],
      );
      const rows = r.rows.sort((a, b) => viCollator.compare(a.full_name, b.full_name));
      return summaries(db, rows);
    },

    async get(actor: Actor, id: number): Promise<PersonProfile> {
      const p = await loadPerson(db, id);
      assertCanRead(actor, p.org_path);
      const [summary] = await summaries(db, [p]);
      const posts = await db.query<{ id: number; org_id: number; org_name: string; role: PostRole; title: string; non_local: boolean; from_date: string | null; to_date: string | null }>(
        `SELECT pp.id, pp.org_id, o.name AS org_name, pp.role, pp.title, pp.non_local, pp.from_date, pp.to_date FROM person_posts pp JOIN organizations o ON o.id = pp.org_id
          WHERE pp.person_id = $1 ORDER BY pp.to_date NULLS FIRST, pp.id`,
        [id],
      );
      const docs = await db.query<{ id: number; label: string; file_id: number; created_at: Date }>(`SELECT id, label, file_id, created_at FROM person_documents WHERE person_id = $1 ORDER BY id`, [id]);
      const files = new Map((await describeFiles(db, docs.rows.map((d) => d.file_id))).map((f) => [f.id, f]));
      const complaints = await db.query<ComplaintRow>(`${COMPLAINT_SELECT} WHERE c.person_id = $1 ORDER BY c.received_on DESC, c.id DESC`, [id]);
      const cands = await db.query<{ congress_id: number; org_name: string; list_status: 'draft' | 'approved' }>(
        `SELECT cc.congress_id, o.name AS org_name, pl.list_status FROM congress_candidates cc JOIN personnel_plans pl ON pl.congress_id = cc.congress_id
           JOIN congresses c ON c.id = cc.congress_id JOIN organizations o ON o.id = c.org_id WHERE cc.person_id = $1 ORDER BY cc.congress_id`,
        [id],
      );
      const committees = await db.query<{ org_name: string; body: string; term_from: number; term_to: number }>(
        `SELECT o.name AS org_name, m.body, m.term_from, m.term_to FROM committee_members m JOIN organizations o ON o.id = m.org_id WHERE m.person_id = $1 ORDER BY m.id`,
        [id],
      );
      return {
        ...summary!,
        homePlace: p.home_place,
        education: p.education,
        politicalTheory: p.political_theory,
        partyJoinDate: p.party_join_date,
        sciTech: p.sci_tech,
        retirementDateEntered: p.retirement_date_entered,
        note: p.note,
        postsDetail: posts.rows.map((x) => ({
          id: x.id,
          orgId: x.org_id,
          orgName: x.org_name,
          role: x.role,
          roleLabel: postRoleLabels[x.role],
          title: x.title,
          nonLocal: x.non_local,
          fromDate: x.from_date,
          toDate: x.to_date,
        })),
        documents: docs.rows.map((d) => {
          const f = files.get(d.file_id);
          return { id: d.id, label: d.label, fileId: d.file_id, fileName: f?.fileName ?? '', size: f?.size ?? 0, contentType: f?.contentType ?? '', createdAt: d.created_at.toISOString() };
        }),
        complaints: await presentComplaints(db, complaints.rows),
        candidacies: cands.rows.map((c) => ({ congressId: c.congress_id, orgName: c.org_name, listStatus: c.list_status })),
        committees: committees.rows.map((c) => ({ orgName: c.org_name, body: c.body, termFrom: c.term_from, termTo: c.term_to })),
        version: p.version,
        can: { edit: canWriteOrgs(actor) },
      };
    },

    async create(actor: Actor, raw: CreatePersonRequest): Promise<PersonProfile> {
      const input = createPersonRequestSchema.parse(raw);
      checkPersonFacts(input);
      const id = await db.transaction(async (tx) => {
        const o = await orgPath(tx, input.orgId);
        assertCanWrite(actor, o.path);
        if (o.status !== 'active') fail('ORG_NOT_ACTIVE');
        const id = await insertPerson(tx, actor, input);
        await writePosts(tx, actor, id, input.posts);
        await recordAudit(tx, actor, { action: 'person.created', entityType: 'person', entityId: id, orgId: input.orgId, summary: `Thêm cán bộ ${input.fullName}`, details: { ...input } });
        return id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: number, input: UpdatePersonRequest & ReturnType<typeof createPersonRequestSchema.parse>): Promise<PersonProfile> {
      checkPersonFacts(input);
      await db.transaction(async (tx) => {
        const p = await loadPerson(tx, id, true);
        assertCanWrite(actor, p.org_path);
        if (p.version !== input.version) fail('VERSION_CONFLICT');
        const o = await orgPath(tx, input.orgId);
        assertCanWrite(actor, o.path);
        try {
          await tx.query(
            `UPDATE persons SET org_id = $2, code = $3, full_name = $4, search_text = $5, birth_date = $6, gender = $7, ethnicity = $8, home_place = $9, education = $10,
               political_theory = $11, party_join_date = $12, sci_tech = $13, retirement_date_entered = $14, note = $15, version = version + 1, updated_at = now() WHERE id = $1`,
            [
              id,
              input.orgId,
              input.code || null,
              input.fullName,
              foldVietnamese(input.fullName),
              input.birthDate,
              input.gender,
              input.ethnicity,
              input.homePlace,
              input.education,
              input.politicalTheory,
              input.partyJoinDate,
              input.sciTech,
              input.retirementDateEntered,
              input.note,
            ],
          );
        } catch (err) {
          if (/persons_code_key/.test(String(err))) fail('PERSON_CODE_TAKEN', `Mã cán bộ ${input.code} đã được dùng.`);
          throw err;
        }
        await writePosts(tx, actor, id, input.posts);
        await recordAudit(tx, actor, { action: 'person.updated', entityType: 'person', entityId: id, orgId: input.orgId, summary: `Sửa hồ sơ cán bộ ${input.fullName}`, details: { ...input } });
      });
      return this.get(actor, id);
    },

    async attachDocument(actor: Actor, id: number, upload: { fileName: string; bytes: Buffer; label: string | undefined }) {
      return db.transaction(async (tx) => {
        const p = await loadPerson(tx, id, true);
        assertCanWrite(actor, p.org_path);
        const f = await storeFile(tx, { fileName: upload.fileName, bytes: upload.bytes, uploadedBy: actor.userId, maxBytes: DOCUMENT_MAX_BYTES });
        const label = (upload.label ?? '').trim().slice(0, 200) || f.fileName;
        const r = await tx.query<{ id: number }>(`INSERT INTO person_documents (person_id, file_id, label) VALUES ($1, $2, $3) RETURNING id`, [id, f.id, label]);
        await recordAudit(tx, actor, {
          action: 'person.documentAttached',
          entityType: 'person',
          entityId: id,
          orgId: p.org_id,
          summary: `Đính kèm "${label}" vào hồ sơ ${p.full_name}`,
          details: { fileId: f.id, fileName: f.fileName, size: f.size, sha256: f.sha256 },
        });
        return { id: r.rows[0]!.id, label, fileId: f.id, fileName: f.fileName, size: f.size, contentType: f.contentType, createdAt: new Date().toISOString() };
      });
    },

    async document(actor: Actor, id: number, docId: number) {
      const p = await loadPerson(db, id);
      assertCanRead(actor, p.org_path);
      const d = await db.query<{ file_id: number }>(`SELECT file_id FROM person_documents WHERE id = $1 AND person_id = $2`, [docId, id]);
      if (!d.rows[0]) fail('FILE_NOT_FOUND');
      return loadFile(db, d.rows[0]!.file_id);
    },

    // ---- Complaints ----

    async addComplaint(actor: Actor, personId: number, input: Required<CreateComplaintRequest>): Promise<Complaint> {
      if (input.receivedOn > todayVn(clock)) fail('PERSON_INVALID', 'Ngày nhận đơn không thể ở tương lai.', [{ field: 'receivedOn', code: 'BAD_DATE', message: 'Ngày nhận đơn không thể ở tương lai.' }]);
      const id = await db.transaction(async (tx) => {
        const p = await loadPerson(tx, personId, true);
        assertCanWrite(actor, p.org_path);
        if (input.congressId) {
          const c = await tx.query<{ path: string }>(`SELECT org_path::text AS path FROM congresses WHERE id = $1`, [input.congressId]);
          if (!c.rows[0]) fail('CONGRESS_NOT_FOUND');
          assertCanRead(actor, c.rows[0]!.path);
        }
        const r = await tx.query<{ id: number }>(
          `INSERT INTO person_complaints (person_id, congress_id, kind, received_on, sender, summary, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [personId, input.congressId, input.kind, input.receivedOn, input.sender, input.summary, actor.userId],
        );
        await recordAudit(tx, actor, {
          action: 'complaint.received',
          entityType: 'complaint',
          entityId: r.rows[0]!.id,
          orgId: p.org_id,
          summary: `Tiếp nhận ${complaintKindLabels[input.kind].toLowerCase()} về ${p.full_name}`,
          details: { ...input, personId },
        });
        return r.rows[0]!.id;
      });
      return this.complaint(actor, id);
    },

    async complaint(actor: Actor, id: number): Promise<Complaint> {
      const r = await db.query<ComplaintRow & { org_path: string }>(
        `SELECT x.*, o.path::text AS org_path FROM (${COMPLAINT_SELECT} WHERE c.id = $1) x JOIN persons pp ON pp.id = x.person_id JOIN organizations o ON o.id = pp.org_id`,
        [id],
      );
      const c = r.rows[0];
      if (!c) fail('COMPLAINT_NOT_FOUND');
      assertCanRead(actor, c!.org_path);
      return (await presentComplaints(db, [c!]))[0]!;
    },

    /** The complaint's person decides the scope, as for every other step of the complaint. */
    async attachComplaintFile(actor: Actor, id: number, upload: { fileName: string; bytes: Buffer }): Promise<Complaint> {
      const name = cleanFileName(upload.fileName);
      const verdict = classifyUpload(name, upload.bytes);
      if (verdict.ok && !COMPLAINT_FILE_TYPES.includes(verdict.type.contentType)) {
        const message = `Đơn thư chỉ đính kèm tệp PDF, Word (.docx) hoặc ảnh (.png, .jpg); không nhận "${name}".`;
        fail('FILE_TYPE_REFUSED', message, [{ field: 'file', code: 'FILE_EXTENSION', message }]);
      }
      await db.transaction(async (tx) => {
        const c = await complaintScope(tx, id, true);
        assertCanWrite(actor, c.org_path);
        const f = await storeFile(tx, { fileName: name, bytes: upload.bytes, uploadedBy: actor.userId, maxBytes: DOCUMENT_MAX_BYTES });
        await tx.query(`INSERT INTO complaint_files (complaint_id, file_id, added_by) VALUES ($1, $2, $3)`, [id, f.id, actor.userId]);
        await recordAudit(tx, actor, {
          action: 'complaint.fileAttached',
          entityType: 'complaint',
          entityId: id,
          orgId: c.org_id,
          summary: `Đính kèm tệp "${f.fileName}" vào đơn thư về ${c.full_name}`,
          details: { fileId: f.id, fileName: f.fileName, size: f.size, sha256: f.sha256 },
        });
      });
      return this.complaint(actor, id);
    },

    /** A file of a complaint; reading a denunciation's papers is recorded too. */
    async complaintFile(actor: Actor, id: number, fileId: number) {
      const c = await complaintScope(db, id);
      assertCanRead(actor, c.org_path);
      const r = await db.query<{ file_id: number }>(`SELECT file_id FROM complaint_files WHERE id = $1 AND complaint_id = $2`, [fileId, id]);
      if (!r.rows[0]) fail('FILE_NOT_FOUND');
      const f = await loadFile(db, r.rows[0]!.file_id);
      await recordAudit(db, actor, { action: 'complaint.fileRead', entityType: 'complaint', entityId: id, orgId: c.org_id, summary: `Mở tệp "${f.fileName}" của đơn thư về ${c.full_name}`, details: { fileId: f.id } });
      return f;
    },

    async advanceComplaint(actor: Actor, id: number, input: AdvanceComplaintRequest): Promise<Complaint> {
      await db.transaction(async (tx) => {
        const r = await tx.query<{ status: ComplaintStatus; version: number; person_id: number; received_on: string; org_id: number; org_path: string; full_name: string }>(
          `SELECT c.status, c.version, c.person_id, c.received_on, p.org_id, o.path::text AS org_path, p.full_name
             FROM person_complaints c JOIN persons p ON p.id = c.person_id JOIN organizations o ON o.id = p.org_id WHERE c.id = $1 FOR UPDATE OF c`,
          [id],
        );
        const c = r.rows[0];
        if (!c) fail('COMPLAINT_NOT_FOUND');
        assertCanWrite(actor, c!.org_path);
        if (c!.version !== input.version) fail('VERSION_CONFLICT');
        if (nextStatus(c!.status) !== input.to) fail('COMPLAINT_STEP_INVALID', `Đơn thư đang ở bước "${complaintStatusLabels[c!.status]}", không chuyển thẳng sang "${complaintStatusLabels[input.to]}".`);
        const need = (v: string | undefined, field: string, label: string) => {
          if (!v) fail('PERSON_INVALID', `Cần ghi ${label}.`, [{ field, code: 'REQUIRED', message: `Cần ghi ${label}.` }]);
          return v!;
        };
        if (input.to === 'assigned') {
          await tx.query(`UPDATE person_complaints SET status = 'assigned', assignee = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, need(input.assignee, 'assignee', 'người/bộ phận được giao xác minh')]);
        } else if (input.to === 'verified') {
          await tx.query(`UPDATE person_complaints SET status = 'verified', verification = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, need(input.verification, 'verification', 'kết quả xác minh')]);
        } else {
          const on = need(input.concludedOn, 'concludedOn', 'ngày kết luận');
          if (!input.outcome) fail('PERSON_INVALID', 'Cần chọn kết luận.', [{ field: 'outcome', code: 'REQUIRED', message: 'Cần chọn kết luận.' }]);
          if (on < c!.received_on || on > todayVn(clock)) fail('PERSON_INVALID', 'Ngày kết luận phải từ ngày nhận đơn đến hôm nay.', [{ field: 'concludedOn', code: 'BAD_DATE', message: 'Ngày kết luận không hợp lệ.' }]);
          await tx.query(`UPDATE person_complaints SET status = 'concluded', conclusion = $2, outcome = $3, concluded_on = $4, version = version + 1, updated_at = now() WHERE id = $1`, [
            id,
            need(input.conclusion, 'conclusion', 'nội dung kết luận'),
            input.outcome,
            on,
          ]);
        }
        await recordAudit(tx, actor, {
          action: `complaint.${input.to}`,
          entityType: 'complaint',
          entityId: id,
          orgId: c!.org_id,
          summary: `Đơn thư về ${c!.full_name}: ${complaintStatusLabels[input.to].toLowerCase()}`,
          details: input,
        });
      });
      return this.complaint(actor, id);
    },

    // ---- Import ----

    template: () => peopleTemplate(),

    /** Reads and checks a file; nothing is written until applyImport on a clean batch. */
    async previewImport(actor: Actor, file: { name: string; data: Buffer }): Promise<PersonImportPreview> {
      if (!canWriteOrgs(actor)) fail('FORBIDDEN_ROLE');
      let sheet;
      try {
        sheet = await readPeopleWorkbook(file.data);
      } catch (err) {
        if (err instanceof PersonWorkbookError) fail('IMPORT_FILE_INVALID', err.message);
        throw err;
      }
      const orgCodes = new Set<string>();
      const personCodes = new Set<string>();
      for (const r of sheet) {
        const o = r.cells.orgCode;
        if (o && o.kind === 'text') orgCodes.add(o.value.trim().toLowerCase());
        const c = r.cells.code;
        if (c && (c.kind === 'text' || c.kind === 'number')) personCodes.add(String(c.value).trim().toLowerCase());
      }
      const orgs = await db.query<{ id: number; code: string; path: string; status: string }>(
        `SELECT id, code, path::text AS path, status FROM organizations WHERE lower(code) = ANY($1::text[])`,
        [[...orgCodes]],
      );
      const people = await db.query<{ id: number; code: string; path: string }>(
        `SELECT p.id, p.code, o.path::text AS path FROM persons p JOIN organizations o ON o.id = p.org_id WHERE lower(p.code) = ANY($1::text[])`,
        [[...personCodes]],
      );
      const { issues, planned } = checkPersonImport(sheet, {
        orgs: new Map(orgs.rows.map((o) => [o.code.toLowerCase(), { id: o.id, inScope: pathInside(o.path, actor.scopePath), active: o.status === 'active' }])),
        people: new Map(people.rows.map((p) => [p.code.toLowerCase(), { id: p.id, inScope: pathInside(p.path, actor.scopePath) }])),
        today: todayVn(clock),
        maxRows: IMPORT_MAX_ROWS,
      });
      const batchId = crypto.randomUUID();
      await db.query(`INSERT INTO person_import_batches (id, user_id, org_id, file_name, rows, errors) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`, [
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
        errors: issues.slice(0, 2000),
        rows: planned.slice(0, 1000).map((p) => ({ row: p.row, fullName: p.fullName, orgCode: p.orgCode, birthDate: p.birthDate, action: p.action })),
        canApply: issues.length === 0 && planned.length > 0,
      };
    },

    async applyImport(actor: Actor, batchId: string): Promise<{ created: number; updated: number }> {
      if (!canWriteOrgs(actor)) fail('FORBIDDEN_ROLE');
      return db.transaction(async (tx) => {
        const batch = await claimImportBatch<{ rows: PlannedPerson[]; errors: unknown[]; status: string; file_name: string }>(tx, 'person_import_batches', batchId, actor.userId);
        if (batch.errors.length > 0) fail('IMPORT_HAS_ERRORS');
        let created = 0;
        let updated = 0;
        // Everything or nothing: scope is checked again, since the tree may have moved since the preview.
        for (const p of batch.rows) {
          const o = await orgPath(tx, p.orgId);
          assertCanWrite(actor, o.path);
          const fields = {
            orgId: p.orgId,
            code: p.code,
            fullName: p.fullName,
            birthDate: p.birthDate,
            gender: p.gender,
            ethnicity: p.ethnicity,
            homePlace: p.homePlace,
            education: p.education,
            politicalTheory: p.politicalTheory,
            partyJoinDate: p.partyJoinDate,
            sciTech: p.sciTech,
            retirementDateEntered: p.retirementDate,
            note: null,
            posts: [],
          };
          let personId: number;
          if (p.action === 'update' && p.existingId) {
            const cur = await loadPerson(tx, p.existingId, true);
            assertCanWrite(actor, cur.org_path);
            await tx.query(
              `UPDATE persons SET org_id = $2, full_name = $3, search_text = $4, birth_date = $5, gender = $6, ethnicity = $7, home_place = $8, education = $9, political_theory = $10,
                 party_join_date = $11, sci_tech = $12, retirement_date_entered = $13, version = version + 1, updated_at = now() WHERE id = $1`,
              [cur.id, p.orgId, p.fullName, foldVietnamese(p.fullName), p.birthDate, p.gender, p.ethnicity, p.homePlace, p.education, p.politicalTheory, p.partyJoinDate, p.sciTech, p.retirementDate],
            );
            personId = cur.id;
            updated++;
          } else {
            personId = await insertPerson(tx, actor, fields);
            created++;
          }
          if (p.postTitle) {
            const same = await tx.query(`SELECT 1 FROM person_posts WHERE person_id = $1 AND to_date IS NULL AND title = $2`, [personId, p.postTitle]);
            if (same.rows.length === 0) await tx.query(`INSERT INTO person_posts (person_id, org_id, role, title) VALUES ($1, $2, 'other', $3)`, [personId, p.orgId, p.postTitle]);
          }
        }
        await markImportApplied(tx, 'person_import_batches', batchId);
        await recordAudit(tx, actor, {
          action: 'person.imported',
          entityType: 'import',
          entityId: batchId,
          orgId: actor.scopeOrgId,
          summary: `Nhập tệp ${batch.file_name}: thêm ${created}, cập nhật ${updated} cán bộ`,
          details: { created, updated },
        });
        return { created, updated };
      });
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
