import crypto from 'node:crypto';
import type { Db, Queryable } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, fail } from '../../platform/http/errors.ts';
import { orgsRepo } from '../organizations/organizations.repository.ts';
import { pathInside } from '../organizations/organizations.policy.ts';
import { formatNumberVi } from '../../../../shared/src/format.ts';
import { timeVi } from './vn-time.ts';
import type {
  BatchCommentsRequest,
  Comment,
  CommentChannel,
  CommentList,
  CommentListQuery,
  CommentRequest,
  Consultation,
  ConsultationForComment,
  ConsultationSummary,
  CreateConsultationRequest,
  PublicCommentRequest,
  PublicConsultation,
  PublicFormSettings,
  UpdateConsultationRequest,
} from '../../../../shared/src/contracts/documents.ts';
import { commentChannelLabels, commentChannels, commentStatusLabels } from '../../../../shared/src/contracts/documents.ts';
import { type CommentRow, commentCols, commentFrom, type ConsultationRow, documentsRepo, iso, type NewComment } from './documents.repository.ts';
import { assertRead, assertWrite, canManageRound, canWrite } from './documents.policy.ts';
import { checkPublicSubmission, consultationState, defaultPublicFormSettings, duplicateKey, mayCommentAsMember, mayCommentAsOrg } from './consultation-rules.ts';
import { consultationSummary } from './documents.service.ts';
import { writeWorkbook } from '../campaigns/dashboard-workbook.ts';

export type ConsultationsDeps = { db: Db; clock: Clock };

export const hashBody = (body: string) => crypto.createHash('sha256').update(duplicateKey(body)).digest('hex').slice(0, 32);
const hmac = (secret: string, s: string) => crypto.createHmac('sha256', secret).update(s).digest('base64url').slice(0, 32);

export function presentComment(m: CommentRow): Comment {
  return {
    id: Number(m.id),
    sectionKey: m.section_key,
    channel: m.channel,
    authorOrg: m.author_org_id ? { id: m.author_org_id, code: m.author_org_code ?? '', name: m.author_org_name ?? '' } : null,
    authorName: m.author_name,
    authorPlace: m.author_place,
    body: m.body,
    status: m.status,
    hiddenReason: m.hidden_reason,
    mergedIntoId: m.merged_into_id === null ? null : Number(m.merged_into_id),
    themeId: m.theme_id,
    createdAt: iso(m.created_at),
  };
}

export const settingsOf = (c: Pick<ConsultationRow, 'settings'>): PublicFormSettings => ({ ...defaultPublicFormSettings, ...c.settings });

export function createConsultationsService(deps: ConsultationsDeps) {
  const { db, clock } = deps;

  async function load(q: Queryable, id: number, forUpdate = false): Promise<ConsultationRow> {
    const c = await documentsRepo.consultation(q, id, forUpdate);
    if (!c) throw new DomainError('CONSULTATION_NOT_FOUND');
    return c;
  }
  /** Managers of the round (the congress' organization), or members of its audience. */
  function assertVisible(actor: Actor, c: ConsultationRow) {
    if (pathInside(c.org_path, actor.scopePath) || pathInside(actor.scopePath, c.audience_path) || pathInside(c.audience_path, actor.scopePath)) return;
    fail('ORG_OUT_OF_SCOPE');
  }
  const audit = (tx: Queryable, actor: Actor | null, c: Pick<ConsultationRow, 'id' | 'org_id'>, action: string, summary: string, details?: unknown, orgId?: number) =>
    recordAudit(tx, actor, { action, entityType: 'consultation', entityId: c.id, orgId: orgId ?? c.org_id, summary, details });

  async function present(q: Queryable, actor: Actor, c: ConsultationRow): Promise<Consultation> {
    const counts = await documentsRepo.countsByChannel(q, [c.id]);
    const byChannel = Object.fromEntries(commentChannels.map((ch) => [ch, counts.find((x) => x.channel === ch)?.total ?? 0])) as Record<CommentChannel, number>;
    const state = consultationState({ opensAt: c.opens_at, closesAt: c.closes_at }, clock.now());
    const manage = canManageRound(actor, c.org_path);
    return {
      id: c.id,
      title: c.title,
      document: { id: c.document_id, title: c.doc_title, docType: c.doc_type, congressId: c.congress_id, org: { id: c.org_id, code: c.org_code, name: c.org_name } },
      versionId: c.version_id,
      versionNo: c.version_no,
      audienceOrg: { id: c.audience_org_id, code: c.audience_code, name: c.audience_name },
      members: c.audience_members,
      orgs: c.audience_orgs,
      public: c.audience_public,
      opensAt: iso(c.opens_at),
      closesAt: iso(c.closes_at),
      state,
      publicPath: manage && c.audience_public && c.public_token ? `/gop-y/${c.public_token}` : null,
      settings: settingsOf(c),
      settingsUnconfirmed: true,
      counts: { total: counts.reduce((s, x) => s + x.total, 0), visible: counts.reduce((s, x) => s + x.visible, 0), byChannel },
      version: c.version,
      can: {
        manage,
        commentAsMember: state === 'open' && mayCommentAsMember({ path: c.audience_path, members: c.audience_members }, actor.scopePath),
        commentAsOrg: state === 'open' && c.audience_orgs && canWrite(actor) && (pathInside(actor.scopePath, c.audience_path) || pathInside(c.audience_path, actor.scopePath)),
        synthesize: pathInside(actor.scopePath, c.audience_path) || pathInside(c.audience_path, actor.scopePath),
      },
    };
  }

  function checkWindow(opensAt: Date, closesAt: Date) {
    if (!(closesAt.getTime() > opensAt.getTime()))
      fail('CONSULTATION_INVALID', 'Ngày kết thúc phải sau ngày bắt đầu.', [{ field: 'closesAt', code: 'CLOSES_BEFORE_OPENS', message: 'Ngày kết thúc phải sau ngày bắt đầu.' }]);
  }

  async function create(actor: Actor, documentId: number, input: CreateConsultationRequest): Promise<Consultation> {
    const id = await db.transaction(async (tx) => {
      const d = await documentsRepo.document(tx, documentId, true);
      if (!d) throw new DomainError('DOCUMENT_NOT_FOUND');
      assertWrite(actor, d.org_path);
      const v = (await documentsRepo.versions(tx, documentId)).find((x) => x.id === input.versionId);
      if (!v) throw new DomainError('DOCUMENT_VERSION_NOT_FOUND');
      const audience = await orgsRepo.byId(tx, input.audienceOrgId);
      if (!audience) throw new DomainError('ORG_NOT_FOUND');
      // A congress consults its own subtree; the public comes in through the link.
      if (!pathInside(audience.path, d.org_path))
        fail('CONSULTATION_INVALID', 'Đối tượng lấy ý kiến phải thuộc phạm vi của tổ chức đảng có văn kiện.', [{ field: 'audienceOrgId', code: 'AUDIENCE_OUTSIDE', message: 'Chọn tổ chức trong phạm vi.' }]);
      if (!input.members && !input.orgs && !input.public)
        fail('CONSULTATION_INVALID', 'Chọn ít nhất một đối tượng lấy ý kiến.', [{ field: 'members', code: 'AUDIENCE_EMPTY', message: 'Chọn ít nhất một đối tượng.' }]);
      const opensAt = new Date(input.opensAt);
      const closesAt = new Date(input.closesAt);
      checkWindow(opensAt, closesAt);
      const r = await tx.query<{ id: number }>(
        `INSERT INTO consultations (document_id, version_id, title, audience_org_id, audience_path, audience_members, audience_orgs, audience_public, opens_at, closes_at, public_token, secret, settings, created_by)
         VALUES ($1, $2, $3, $4, $5::ltree, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14) RETURNING id`,
        [
          documentId,
          v.id,
          input.title,
          audience.id,
          audience.path,
          input.members,
          input.orgs,
          input.public,
          opensAt,
          closesAt,
          crypto.randomBytes(18).toString('base64url'),
          crypto.randomBytes(32).toString('base64url'),
          JSON.stringify(input.settings ?? {}),
          actor.username,
        ],
      );
      const cid = r.rows[0]!.id;
      await audit(tx, actor, { id: cid, org_id: d.org_id }, 'consultation.created', `Mở đợt lấy ý kiến “${input.title}” về bản số ${v.no} của “${d.title}”, từ ${timeVi(opensAt)} đến ${timeVi(closesAt)}`, input);
      return cid;
    });
    return get(actor, id);
  }

  async function get(actor: Actor, id: number): Promise<Consultation> {
    const c = await load(db, id);
    assertVisible(actor, c);
    return present(db, actor, c);
  }

  async function update(actor: Actor, id: number, input: UpdateConsultationRequest): Promise<Consultation> {
    await db.transaction(async (tx) => {
      const c = await load(tx, id, true);
      assertWrite(actor, c.org_path);
      if (c.version !== input.version) fail('VERSION_CONFLICT');
      const now = clock.now();
      const opensAt = input.opensAt ? new Date(input.opensAt) : c.opens_at;
      let closesAt = input.closesAt ? new Date(input.closesAt) : c.closes_at;
      if (input.closeNow) closesAt = now.getTime() > opensAt.getTime() ? now : new Date(opensAt.getTime() + 1000);
      checkWindow(opensAt, closesAt);
      const settings = { ...c.settings, ...(input.settings ?? {}) };
      await tx.query(
        `UPDATE consultations SET title = $2, audience_members = $3, audience_orgs = $4, audience_public = $5, opens_at = $6, closes_at = $7, settings = $8::jsonb, version = version + 1 WHERE id = $1`,
        [id, input.title ?? c.title, input.members ?? c.audience_members, input.orgs ?? c.audience_orgs, input.public ?? c.audience_public, opensAt, closesAt, JSON.stringify(settings)],
      );
      const summary = input.closeNow ? `Kết thúc đợt lấy ý kiến “${c.title}” lúc ${timeVi(closesAt)}` : `Sửa đợt lấy ý kiến “${c.title}”`;
      await audit(tx, actor, c, input.closeNow ? 'consultation.closed' : 'consultation.updated', summary, input);
    });
    return get(actor, id);
  }

  /** Rounds the actor may comment on or manage. */
  async function mine(actor: Actor): Promise<(ConsultationSummary & { documentTitle: string; orgName: string; can: Consultation['can'] })[]> {
    const rows = await documentsRepo.consultationsFor(db, actor.scopePath);
    const counts = await documentsRepo.countsByChannel(db, rows.map((r) => r.id));
    const out = [];
    for (const c of rows) {
      const p = await present(db, actor, c);
      out.push({
        ...consultationSummary(c, clock.now(), counts.filter((x) => x.consultation_id === c.id).reduce((s, x) => s + x.total, 0)),
        documentTitle: c.doc_title,
        orgName: c.org_name,
        can: p.can,
      });
    }
    return out;
  }

  async function sectionsOf(q: Queryable, c: ConsultationRow) {
    return (await documentsRepo.sections(q, c.version_id)).map((s) => ({ key: s.key, kind: s.kind, level: s.level, text: s.text }));
  }

  async function forComment(actor: Actor, id: number): Promise<ConsultationForComment> {
    const c = await load(db, id);
    assertVisible(actor, c);
    const [p, sections, mineRows] = await Promise.all([
      present(db, actor, c),
      sectionsOf(db, c),
      db.query<CommentRow>(`SELECT ${commentCols} FROM ${commentFrom} WHERE m.consultation_id = $1 AND m.author_user_id = $2 ORDER BY m.id DESC LIMIT 200`, [id, actor.userId]),
    ]);
    return { ...p, sections, myComments: mineRows.rows.map(presentComment) };
  }

  function assertOpen(c: ConsultationRow) {
    const state = consultationState({ opensAt: c.opens_at, closesAt: c.closes_at }, clock.now());
    if (state === 'notOpen') fail('CONSULTATION_NOT_OPEN', `Đợt lấy ý kiến bắt đầu từ ${timeVi(c.opens_at)}.`);
    if (state === 'closed') fail('CONSULTATION_CLOSED', `Đợt lấy ý kiến đã kết thúc lúc ${timeVi(c.closes_at)}, không nhận thêm ý kiến.`);
  }

  async function assertSection(q: Queryable, c: ConsultationRow, keys: readonly string[]) {
    const known = new Set((await documentsRepo.sections(q, c.version_id)).map((s) => s.key));
    const bad = keys.map((k, i) => ({ k, i })).filter((x) => !known.has(x.k));
    if (bad.length > 0)
      fail(
        'COMMENT_SECTION_UNKNOWN',
        undefined,
        bad.slice(0, 20).map((b) => ({ row: b.i + 1, field: 'sectionKey', code: 'COMMENT_SECTION_UNKNOWN', message: `Không có đoạn “${b.k}” trong bản dự thảo.` })),
      );
  }

  async function comment(actor: Actor, id: number, input: CommentRequest): Promise<Comment> {
    const commentId = await db.transaction(async (tx) => {
      const c = await load(tx, id);
      assertVisible(actor, c);
      assertOpen(c);
      let channel: CommentChannel = 'member';
      let org = { id: actor.scopeOrgId, path: actor.scopePath };
      if (input.asOrgId !== undefined) {
        const o = await orgsRepo.byId(tx, input.asOrgId);
        if (!o) throw new DomainError('ORG_NOT_FOUND');
        if (!pathInside(o.path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
        if (!mayCommentAsOrg({ path: c.audience_path, orgs: c.audience_orgs }, actor, o.path)) fail('CONSULTATION_NOT_IN_AUDIENCE');
        channel = 'org';
        org = { id: o.id, path: o.path };
      } else if (!mayCommentAsMember({ path: c.audience_path, members: c.audience_members }, actor.scopePath)) fail('CONSULTATION_NOT_IN_AUDIENCE');
      await assertSection(tx, c, [input.sectionKey]);
      const [cid] = await documentsRepo.insertComments(tx, c.id, [
        {
          sectionKey: input.sectionKey,
          channel,
          authorOrgId: org.id,
          authorOrgPath: org.path,
          authorUserId: actor.userId,
          authorName: null,
          authorPlace: null,
          body: input.body,
          bodyHash: hashBody(input.body),
          ipHash: null,
        },
      ]);
      await audit(tx, actor, c, 'consultation.commented', `Góp ý (${commentChannelLabels[channel]}) vào đoạn ${input.sectionKey} của “${c.doc_title}”`, { commentId: cid, sectionKey: input.sectionKey }, org.id);
      return cid!;
    });
    return presentComment((await documentsRepo.comment(db, commentId))!);
  }

  /**
   * Comments collected on paper or in another system, entered by an organizer for units of
   * their scope: one multi-row INSERT per batch and one audit entry for it.
   */
  async function ingest(actor: Actor, id: number, input: BatchCommentsRequest): Promise<{ inserted: number; firstId: number; lastId: number }> {
    return db.transaction(async (tx) => {
      const c = await load(tx, id);
      if (!canWrite(actor)) fail('FORBIDDEN_ROLE');
      assertVisible(actor, c);
      assertOpen(c);
      const orgIds = [...new Set(input.rows.map((r) => r.authorOrgId))];
      const orgs = await tx.query<{ id: number; path: string }>(`SELECT id, path::text AS path FROM organizations WHERE id = ANY($1::int[])`, [orgIds]);
      const pathOf = new Map(orgs.rows.map((o) => [o.id, o.path]));
      const bad = input.rows
        .map((r, i) => ({ r, i, path: pathOf.get(r.authorOrgId) }))
        .filter((x) => !x.path || !pathInside(x.path, actor.scopePath) || !pathInside(x.path, c.audience_path));
      if (bad.some((b) => b.path && !pathInside(b.path, actor.scopePath))) fail('ORG_OUT_OF_SCOPE');
      if (bad.length > 0)
        fail(
          'CONSULTATION_NOT_IN_AUDIENCE',
          `${bad.length} dòng có tổ chức không thuộc đối tượng lấy ý kiến.`,
          bad.slice(0, 20).map((b) => ({ row: b.i + 1, field: 'authorOrgId', code: 'CONSULTATION_NOT_IN_AUDIENCE', message: `Tổ chức ${b.r.authorOrgId} không thuộc đối tượng lấy ý kiến.` })),
        );
      await assertSection(tx, c, input.rows.map((r) => r.sectionKey));
      const rows: NewComment[] = input.rows.map((r) => ({
        sectionKey: r.sectionKey,
        channel: 'import',
        authorOrgId: r.authorOrgId,
        authorOrgPath: pathOf.get(r.authorOrgId)!,
        authorUserId: actor.userId,
        authorName: r.authorName ?? null,
        authorPlace: null,
        body: r.body,
        bodyHash: hashBody(r.body),
        ipHash: null,
      }));
      const ids = await documentsRepo.insertComments(tx, c.id, rows);
      await audit(tx, actor, c, 'consultation.commentsImported', `Nhập ${formatNumberVi(ids.length)} ý kiến vào đợt “${c.title}”`, { count: ids.length, firstId: ids[0], lastId: ids[ids.length - 1] });
      return { inserted: ids.length, firstId: ids[0]!, lastId: ids[ids.length - 1]! };
    });
  }

  // ---- the public form ----

  async function loadPublic(q: Queryable, token: string): Promise<ConsultationRow> {
    const c = await documentsRepo.consultationByToken(q, token);
    // A withdrawn link and a wrong one look the same from outside.
    if (!c || !c.audience_public) throw new DomainError('CONSULTATION_NOT_FOUND');
    return c;
  }

  async function publicView(token: string): Promise<PublicConsultation> {
    const c = await loadPublic(db, token);
    const s = settingsOf(c);
    const issued = String(clock.now().getTime());
    return {
      title: c.title,
      documentTitle: c.doc_title,
      orgName: c.org_name,
      state: consultationState({ opensAt: c.opens_at, closesAt: c.closes_at }, clock.now()),
      opensAt: iso(c.opens_at),
      closesAt: iso(c.closes_at),
      sections: await sectionsOf(db, c),
      formToken: `${issued}.${hmac(c.secret, `${c.id}.${issued}`)}`,
      minChars: s.minChars,
      maxChars: s.maxChars,
    };
  }

  async function publicComment(token: string, ip: string, input: PublicCommentRequest): Promise<{ id: number; receivedAt: string }> {
    return db.transaction(async (tx) => {
      const c = await loadPublic(tx, token);
      assertOpen(c);
      const [issued, sig] = input.formToken.split('.');
      if (!issued || !sig || !/^\d{10,16}$/u.test(issued) || sig !== hmac(c.secret, `${c.id}.${issued}`))
        fail('PUBLIC_COMMENT_REFUSED', 'Biểu mẫu không hợp lệ. Vui lòng tải lại trang và gửi lại.', [{ field: 'formToken', code: 'FORM_TOKEN_INVALID', message: 'Tải lại trang.' }]);
      await assertSection(tx, c, [input.sectionKey]);
      const s = settingsOf(c);
      const ipHash = crypto.createHash('sha256').update(`${c.secret}|${ip}`).digest('hex').slice(0, 32);
      // One address at a time: two requests racing cannot both pass the limit.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [ipHash]);
      const now = clock.now();
      const recent = await tx.query<{ w: number; d: number }>(
        `SELECT count(*) FILTER (WHERE created_at > $3)::int AS w, count(*)::int AS d FROM consultation_comments
          WHERE consultation_id = $1 AND ip_hash = $2 AND created_at > $4`,
        [c.id, ipHash, new Date(now.getTime() - s.windowMinutes * 60_000), new Date(now.getTime() - 86_400_000)],
      );
      const bodyHash = hashBody(input.body);
      const dup = await tx.query(`SELECT 1 FROM consultation_comments WHERE consultation_id = $1 AND body_hash = $2 LIMIT 1`, [c.id, bodyHash]);
      const refusal = checkPublicSubmission(s, {
        body: input.body,
        honeypot: input.website,
        formIssuedAt: new Date(Number(issued)),
        now,
        recentInWindow: recent.rows[0]!.w,
        recentInDay: recent.rows[0]!.d,
        duplicate: dup.rows.length > 0,
      });
      if (refusal) fail(refusal.code, refusal.message, [{ field: refusal.reason === 'tooShort' || refusal.reason === 'tooLong' || refusal.reason === 'duplicate' ? 'body' : 'form', code: refusal.reason, message: refusal.message }]);
      const [cid] = await documentsRepo.insertComments(tx, c.id, [
        {
          sectionKey: input.sectionKey,
          channel: 'public',
          authorOrgId: null,
          authorOrgPath: c.audience_path,
          authorUserId: null,
          authorName: input.name?.trim() || null,
          authorPlace: input.place?.trim() || null,
          body: input.body.trim(),
          bodyHash,
          ipHash,
        },
      ], now);
      await audit(tx, null, c, 'consultation.publicComment', `Nhân dân góp ý qua đường dẫn công khai vào đoạn ${input.sectionKey} của “${c.doc_title}”`, { commentId: cid }, c.audience_org_id);
      return { id: cid!, receivedAt: iso(now) };
    });
  }

  // ---- moderation ----

  async function listComments(actor: Actor, id: number, query: CommentListQuery): Promise<CommentList> {
    const c = await load(db, id);
    assertRead(actor, c.org_path);
    const where = [`m.consultation_id = $1`];
    const params: unknown[] = [id];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.sectionKey) add('m.section_key = ?', query.sectionKey);
    if (query.status) add('m.status = ?', query.status);
    if (query.channel) add('m.channel = ?', query.channel);
    if (query.q) add(`m.body ILIKE ?`, `%${query.q.replace(/[%_\\]/g, '\\$&')}%`);
    const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM consultation_comments m WHERE ${where.join(' AND ')}`, params);
    const rows = await db.query<CommentRow>(
      `SELECT ${commentCols} FROM ${commentFrom} WHERE ${where.join(' AND ')} ORDER BY m.id DESC LIMIT ${query.limit} OFFSET ${query.offset}`,
      params,
    );
    return { total: total.rows[0]!.n, items: rows.rows.map(presentComment) };
  }

  async function moderate(actor: Actor, id: number, commentId: number, fn: (tx: Queryable, c: ConsultationRow, m: CommentRow) => Promise<void>): Promise<Comment> {
    await db.transaction(async (tx) => {
      const c = await load(tx, id);
      assertWrite(actor, c.org_path);
      const m = await documentsRepo.comment(tx, commentId, true);
      if (!m || m.consultation_id !== c.id) throw new DomainError('COMMENT_NOT_FOUND');
      await fn(tx, c, m);
    });
    return presentComment((await documentsRepo.comment(db, commentId))!);
  }

  const hide = (actor: Actor, id: number, commentId: number, reason: string) =>
    moderate(actor, id, commentId, async (tx, c, m) => {
      await tx.query(`UPDATE consultation_comments SET status = 'hidden', hidden_reason = $2, theme_id = NULL WHERE id = $1`, [m.id, reason]);
      await tx.query(`DELETE FROM theme_quotes WHERE comment_id = $1`, [m.id]);
      await audit(tx, actor, c, 'consultation.commentHidden', `Ẩn ý kiến #${m.id} (đoạn ${m.section_key}): ${reason}`, { commentId: m.id, reason, was: m.status });
    });

  const unhide = (actor: Actor, id: number, commentId: number) =>
    moderate(actor, id, commentId, async (tx, c, m) => {
      await tx.query(`UPDATE consultation_comments SET status = 'visible', hidden_reason = NULL, merged_into_id = NULL WHERE id = $1`, [m.id]);
      await audit(tx, actor, c, 'consultation.commentRestored', `Hiện lại ý kiến #${m.id} (đoạn ${m.section_key})`, { commentId: m.id, was: m.status });
    });

  const merge = (actor: Actor, id: number, commentId: number, intoId: number) =>
    moderate(actor, id, commentId, async (tx, c, m) => {
      const into = await documentsRepo.comment(tx, intoId, true);
      if (!into || into.consultation_id !== c.id || into.id === m.id) throw new DomainError('COMMENT_NOT_FOUND');
      if (into.section_key !== m.section_key || into.status !== 'visible')
        fail('COMMENT_MERGE_REFUSED', 'Chỉ gộp vào một ý kiến đang hiển thị của cùng đoạn văn.', [{ field: 'intoId', code: 'MERGE_TARGET_INVALID', message: 'Chọn ý kiến cùng đoạn, đang hiển thị.' }]);
      await tx.query(`UPDATE consultation_comments SET status = 'merged', merged_into_id = $2, theme_id = NULL WHERE id = $1`, [m.id, into.id]);
      await tx.query(`DELETE FROM theme_quotes WHERE comment_id = $1`, [m.id]);
      await audit(tx, actor, c, 'consultation.commentMerged', `Gộp ý kiến #${m.id} vào ý kiến #${into.id} (trùng nội dung)`, { commentId: m.id, intoId: into.id });
    });

  /** Every exact duplicate (same folded text, same section) merged into the earliest one, set-wise. */
  async function mergeDuplicates(actor: Actor, id: number): Promise<{ merged: number }> {
    return db.transaction(async (tx) => {
      const c = await load(tx, id);
      assertWrite(actor, c.org_path);
      const r = await tx.query<{ id: number }>(
        `WITH firsts AS (
           SELECT section_key, body_hash, min(id) AS keep FROM consultation_comments
            WHERE consultation_id = $1 AND status = 'visible' GROUP BY section_key, body_hash HAVING count(*) > 1)
         UPDATE consultation_comments m SET status = 'merged', merged_into_id = f.keep, theme_id = NULL
           FROM firsts f
          WHERE m.consultation_id = $1 AND m.status = 'visible' AND m.section_key = f.section_key AND m.body_hash = f.body_hash AND m.id <> f.keep
         RETURNING m.id`,
        [id],
      );
      if (r.rows.length > 0) await tx.query(`DELETE FROM theme_quotes WHERE comment_id = ANY($1::bigint[])`, [r.rows.map((x) => x.id)]);
      await audit(tx, actor, c, 'consultation.duplicatesMerged', `Gộp ${formatNumberVi(r.rows.length)} ý kiến trùng nội dung trong đợt “${c.title}”`, { merged: r.rows.length });
      return { merged: r.rows.length };
    });
  }

  /** Comments as a workbook for the moderators. Every comment is a text cell: "=…" stays text. */
  async function exportComments(actor: Actor, id: number): Promise<{ fileName: string; body: Buffer }> {
    const c = await load(db, id);
    assertRead(actor, c.org_path);
    const rows = await db.query<CommentRow>(`SELECT ${commentCols} FROM ${commentFrom} WHERE m.consultation_id = $1 ORDER BY m.section_key, m.id LIMIT 100001`, [id]);
    if (rows.rows.length > 100_000) fail('EXPORT_TOO_LARGE');
    const body = await writeWorkbook([
      {
        name: 'Y kien',
        title: `Ý kiến góp ý: ${c.title}`,
        subtitle: `${c.doc_title} — ${c.org_name}; xuất lúc ${timeVi(clock.now())}`,
        columns: [
          { header: 'Số', key: 'id', type: 'int', width: 9 },
          { header: 'Đoạn', key: 'section', width: 8 },
          { header: 'Kênh', key: 'channel', width: 16 },
          { header: 'Tổ chức', key: 'org', width: 30 },
          { header: 'Người góp ý', key: 'name', width: 20 },
          { header: 'Nội dung', key: 'body', width: 80 },
          { header: 'Trạng thái', key: 'status', width: 14 },
          { header: 'Lý do ẩn', key: 'reason', width: 24 },
          { header: 'Thời gian', key: 'at', width: 18 },
        ],
        rows: rows.rows.map((m) => ({
          id: Number(m.id),
          section: m.section_key,
          channel: commentChannelLabels[m.channel],
          org: m.author_org_name ?? '',
          name: m.author_name ?? '',
          body: m.body,
          status: commentStatusLabels[m.status],
          reason: m.hidden_reason ?? '',
          at: timeVi(m.created_at),
        })),
      },
    ]);
    return { fileName: `Y kien gop y - ${c.title}.xlsx`, body };
  }

  return { create, get, update, mine, forComment, comment, ingest, publicView, publicComment, listComments, hide, unhide, merge, mergeDuplicates, exportComments, load };
}

export type ConsultationsService = ReturnType<typeof createConsultationsService>;
