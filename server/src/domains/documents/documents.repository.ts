import type { Queryable } from '../../platform/db/db.ts';
import type { CommentChannel, CommentStatus, DocumentType, PublicFormSettings, ResponseKind } from '../../../../shared/src/contracts/documents.ts';
import type { KeyedBlock } from './section-rules.ts';

export const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

export type DocumentRow = {
  id: number;
  congress_id: number;
  doc_type: DocumentType;
  title: string;
  next_section_no: number;
  approved_version_id: number | null;
  approved_at: Date | null;
  approved_by: string | null;
  version: number;
  org_id: number;
  org_code: string;
  org_name: string;
  org_path: string;
  campaign_id: number;
  campaign_name: string;
  congress_status: string;
};

const documentCols = `d.id, d.congress_id, d.doc_type, d.title, d.next_section_no, d.approved_version_id, d.approved_at, d.approved_by, d.version,
  c.org_id, o.code AS org_code, o.name AS org_name, c.org_path::text AS org_path, c.campaign_id, k.name AS campaign_name, c.status AS congress_status`;
const documentFrom = `congress_documents d JOIN congresses c ON c.id = d.congress_id JOIN organizations o ON o.id = c.org_id JOIN campaigns k ON k.id = c.campaign_id`;

export type VersionRow = { id: number; document_id: number; no: number; note: string | null; source: 'text' | 'docx'; file_id: number | null; file_name: string | null; created_by: string | null; created_at: Date; section_count: number };

export type ConsultationRow = {
  id: number;
  document_id: number;
  version_id: number;
  version_no: number;
  title: string;
  audience_org_id: number;
  audience_path: string;
  audience_code: string;
  audience_name: string;
  audience_members: boolean;
  audience_orgs: boolean;
  audience_public: boolean;
  opens_at: Date;
  closes_at: Date;
  public_token: string | null;
  secret: string;
  settings: Partial<PublicFormSettings>;
  version: number;
  // the document's congress
  congress_id: number;
  doc_title: string;
  doc_type: DocumentType;
  org_id: number;
  org_code: string;
  org_name: string;
  org_path: string;
};

const consultationCols = `k.id, k.document_id, k.version_id, v.no AS version_no, k.title, k.audience_org_id, k.audience_path::text AS audience_path, a.code AS audience_code,
  a.name AS audience_name, k.audience_members, k.audience_orgs, k.audience_public, k.opens_at, k.closes_at, k.public_token, k.secret, k.settings, k.version,
  d.congress_id, d.title AS doc_title, d.doc_type, c.org_id, o.code AS org_code, o.name AS org_name, c.org_path::text AS org_path`;
const consultationFrom = `consultations k JOIN document_versions v ON v.id = k.version_id JOIN organizations a ON a.id = k.audience_org_id
  JOIN congress_documents d ON d.id = k.document_id JOIN congresses c ON c.id = d.congress_id JOIN organizations o ON o.id = c.org_id`;

export type CommentRow = {
  id: number;
  consultation_id: number;
  section_key: string;
  channel: CommentChannel;
  author_org_id: number | null;
  author_org_code: string | null;
  author_org_name: string | null;
  author_org_path: string;
  author_name: string | null;
  author_place: string | null;
  body: string;
  body_hash: string;
  status: CommentStatus;
  hidden_reason: string | null;
  merged_into_id: number | null;
  theme_id: number | null;
  created_at: Date;
};
export const commentCols = `m.id, m.consultation_id, m.section_key, m.channel, m.author_org_id, ao.code AS author_org_code, ao.name AS author_org_name, m.author_org_path::text AS author_org_path,
  m.author_name, m.author_place, m.body, m.body_hash, m.status, m.hidden_reason, m.merged_into_id, m.theme_id, m.created_at`;
export const commentFrom = `consultation_comments m LEFT JOIN organizations ao ON ao.id = m.author_org_id`;

export type ThemeRow = {
  id: number;
  consultation_id: number;
  org_id: number;
  org_code: string;
  org_name: string;
  org_path: string;
  section_key: string;
  title: string;
  response: ResponseKind | null;
  response_text: string | null;
  parent_id: number | null;
  version: number;
};
const themeCols = `t.id, t.consultation_id, t.org_id, o.code AS org_code, o.name AS org_name, t.org_path::text AS org_path, t.section_key, t.title, t.response, t.response_text, t.parent_id, t.version`;

export type NewComment = {
  sectionKey: string;
  channel: CommentChannel;
  authorOrgId: number | null;
  authorOrgPath: string;
  authorUserId: number | null;
  authorName: string | null;
  authorPlace: string | null;
  body: string;
  bodyHash: string;
  ipHash: string | null;
};

export const documentsRepo = {
  async document(q: Queryable, id: number, forUpdate = false): Promise<DocumentRow | undefined> {
    const r = await q.query<DocumentRow>(`SELECT ${documentCols} FROM ${documentFrom} WHERE d.id = $1${forUpdate ? ' FOR UPDATE OF d' : ''}`, [id]);
    return r.rows[0];
  },
  async documentsOfCongress(q: Queryable, congressId: number): Promise<(DocumentRow & { latest_no: number | null; approved_no: number | null })[]> {
    const r = await q.query<DocumentRow & { latest_no: number | null; approved_no: number | null }>(
      `SELECT ${documentCols}, (SELECT max(no) FROM document_versions x WHERE x.document_id = d.id) AS latest_no,
              (SELECT no FROM document_versions x WHERE x.id = d.approved_version_id) AS approved_no
         FROM ${documentFrom} WHERE d.congress_id = $1 ORDER BY d.id`,
      [congressId],
    );
    return r.rows;
  },
  async congress(q: Queryable, id: number) {
    const r = await q.query<{ id: number; org_id: number; org_code: string; org_name: string; org_path: string; campaign_id: number; campaign_name: string; status: string }>(
      `SELECT c.id, c.org_id, o.code AS org_code, o.name AS org_name, c.org_path::text AS org_path, c.campaign_id, k.name AS campaign_name, c.status
         FROM congresses c JOIN organizations o ON o.id = c.org_id JOIN campaigns k ON k.id = c.campaign_id WHERE c.id = $1`,
      [id],
    );
    return r.rows[0];
  },
  async versions(q: Queryable, documentId: number): Promise<VersionRow[]> {
    const r = await q.query<VersionRow>(
      `SELECT v.id, v.document_id, v.no, v.note, v.source, v.file_id, f.file_name, v.created_by, v.created_at,
              (SELECT count(*)::int FROM document_sections s WHERE s.version_id = v.id) AS section_count
         FROM document_versions v LEFT JOIN files f ON f.id = v.file_id WHERE v.document_id = $1 ORDER BY v.no`,
      [documentId],
    );
    return r.rows;
  },
  async sections(q: Queryable, versionId: number): Promise<KeyedBlock[]> {
    const r = await q.query<{ section_key: string; kind: 'heading' | 'paragraph'; level: number; body: string }>(
      `SELECT section_key, kind, level, body FROM document_sections WHERE version_id = $1 ORDER BY ord`,
      [versionId],
    );
    return r.rows.map((s) => ({ key: s.section_key, kind: s.kind, level: s.level, text: s.body }));
  },
  async insertSections(tx: Queryable, versionId: number, blocks: KeyedBlock[]) {
    for (let s = 0; s < blocks.length; s += 2000) {
      const chunk = blocks.slice(s, s + 2000);
      await tx.query(
        `INSERT INTO document_sections (version_id, ord, section_key, kind, level, body)
         SELECT $1, t.ord, t.k, t.kind, t.level, t.body FROM unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::text[]) AS t(ord, k, kind, level, body)`,
        [versionId, chunk.map((_, i) => s + i + 1), chunk.map((b) => b.key), chunk.map((b) => b.kind), chunk.map((b) => b.level), chunk.map((b) => b.text)],
      );
    }
  },
  async consultation(q: Queryable, id: number, forUpdate = false): Promise<ConsultationRow | undefined> {
    const r = await q.query<ConsultationRow>(`SELECT ${consultationCols} FROM ${consultationFrom} WHERE k.id = $1${forUpdate ? ' FOR UPDATE OF k' : ''}`, [id]);
    return r.rows[0];
  },
  async consultationByToken(q: Queryable, token: string): Promise<ConsultationRow | undefined> {
    const r = await q.query<ConsultationRow>(`SELECT ${consultationCols} FROM ${consultationFrom} WHERE k.public_token = $1`, [token]);
    return r.rows[0];
  },
  async consultationsOfDocument(q: Queryable, documentId: number): Promise<ConsultationRow[]> {
    const r = await q.query<ConsultationRow>(`SELECT ${consultationCols} FROM ${consultationFrom} WHERE k.document_id = $1 ORDER BY k.id`, [documentId]);
    return r.rows;
  },
  /** Rounds whose audience contains the actor's unit, or that lie in the actor's scope. */
  async consultationsFor(q: Queryable, scopePath: string): Promise<ConsultationRow[]> {
    const r = await q.query<ConsultationRow>(
      `SELECT ${consultationCols} FROM ${consultationFrom} WHERE k.audience_path @> $1::ltree OR c.org_path <@ $1::ltree ORDER BY k.closes_at DESC, k.id DESC LIMIT 200`,
      [scopePath],
    );
    return r.rows;
  },
  async countsByChannel(q: Queryable, consultationIds: number[]) {
    if (consultationIds.length === 0) return [];
    const r = await q.query<{ consultation_id: number; channel: CommentChannel; total: number; visible: number }>(
      `SELECT consultation_id, channel, sum(total)::int AS total, sum(visible)::int AS visible FROM consultation_section_counts
        WHERE consultation_id = ANY($1::int[]) GROUP BY consultation_id, channel`,
      [consultationIds],
    );
    return r.rows;
  },
  /** One multi-row INSERT for the whole batch; the statement trigger updates the counters once. */
  async insertComments(tx: Queryable, consultationId: number, rows: NewComment[], at?: Date): Promise<number[]> {
    const r = await tx.query<{ id: number }>(
      `INSERT INTO consultation_comments (consultation_id, section_key, channel, author_org_id, author_org_path, author_user_id, author_name, author_place, body, body_hash, ip_hash, created_at)
       SELECT $1, t.k, t.ch, t.org, t.path::ltree, t.uid, t.name, t.place, t.body, t.hash, t.ip, coalesce($12::timestamptz, now())
         FROM unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
           AS t(k, ch, org, path, uid, name, place, body, hash, ip)
       RETURNING id`,
      [
        consultationId,
        rows.map((x) => x.sectionKey),
        rows.map((x) => x.channel),
        rows.map((x) => x.authorOrgId),
        rows.map((x) => x.authorOrgPath),
        rows.map((x) => x.authorUserId),
        rows.map((x) => x.authorName),
        rows.map((x) => x.authorPlace),
        rows.map((x) => x.body),
        rows.map((x) => x.bodyHash),
        rows.map((x) => x.ipHash),
        at ?? null,
      ],
    );
    return r.rows.map((x) => Number(x.id));
  },
  async comment(q: Queryable, id: number, forUpdate = false): Promise<CommentRow | undefined> {
    const r = await q.query<CommentRow>(`SELECT ${commentCols} FROM ${commentFrom} WHERE m.id = $1${forUpdate ? ' FOR UPDATE OF m' : ''}`, [id]);
    return r.rows[0];
  },
  async commentsByIds(q: Queryable, ids: number[], forUpdate = false): Promise<CommentRow[]> {
    if (ids.length === 0) return [];
    const r = await q.query<CommentRow>(`SELECT ${commentCols} FROM ${commentFrom} WHERE m.id = ANY($1::bigint[]) ORDER BY m.id${forUpdate ? ' FOR UPDATE OF m' : ''}`, [ids]);
    return r.rows;
  },
  async theme(q: Queryable, id: number, forUpdate = false): Promise<ThemeRow | undefined> {
    const r = await q.query<ThemeRow>(`SELECT ${themeCols} FROM synthesis_themes t JOIN organizations o ON o.id = t.org_id WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]);
    return r.rows[0];
  },
  async themesByIds(q: Queryable, ids: number[]): Promise<ThemeRow[]> {
    if (ids.length === 0) return [];
    const r = await q.query<ThemeRow>(`SELECT ${themeCols} FROM synthesis_themes t JOIN organizations o ON o.id = t.org_id WHERE t.id = ANY($1::int[])`, [ids]);
    return r.rows;
  },
  /** Every theme of a section in a subtree (the org's own and all lower ones). */
  async themesInSubtree(q: Queryable, consultationId: number, sectionKey: string | null, path: string): Promise<ThemeRow[]> {
    const r = await q.query<ThemeRow>(
      `SELECT ${themeCols} FROM synthesis_themes t JOIN organizations o ON o.id = t.org_id
        WHERE t.consultation_id = $1 AND ($2::text IS NULL OR t.section_key = $2) AND t.org_path <@ $3::ltree ORDER BY t.id`,
      [consultationId, sectionKey, path],
    );
    return r.rows;
  },
  /** Visible comments grouped directly into each theme. */
  async directCounts(q: Queryable, themeIds: number[]): Promise<Map<number, number>> {
    if (themeIds.length === 0) return new Map();
    const r = await q.query<{ theme_id: number; n: number }>(
      `SELECT theme_id, count(*)::int AS n FROM consultation_comments WHERE theme_id = ANY($1::int[]) AND status = 'visible' GROUP BY theme_id`,
      [themeIds],
    );
    return new Map(r.rows.map((x) => [x.theme_id, x.n]));
  },
  async quotes(q: Queryable, themeIds: number[]): Promise<(CommentRow & { quote_theme_id: number })[]> {
    if (themeIds.length === 0) return [];
    const r = await q.query<CommentRow & { quote_theme_id: number }>(
      `SELECT ${commentCols}, tq.theme_id AS quote_theme_id FROM theme_quotes tq JOIN ${commentFrom} ON m.id = tq.comment_id WHERE tq.theme_id = ANY($1::int[]) ORDER BY m.id`,
      [themeIds],
    );
    return r.rows;
  },
};
