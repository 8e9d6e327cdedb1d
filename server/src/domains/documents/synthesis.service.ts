import type { Db, Queryable } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, fail } from '../../platform/http/errors.ts';
import { orgsRepo } from '../organizations/organizations.repository.ts';
import { pathInside } from '../organizations/organizations.policy.ts';
import type { CommentChannel, CommentList, OrgRef, SectionSynthesis, SynthesisOverview, Theme, UpdateThemeRequest } from '../../../../shared/src/contracts/documents.ts';
import { commentChannels, responseKindLabels } from '../../../../shared/src/contracts/documents.ts';
import { type CommentRow, commentCols, commentFrom, type ConsultationRow, documentsRepo, type ThemeRow } from './documents.repository.ts';
import { assertSynthesisOrg, canWrite } from './documents.policy.ts';
import { type AssignRefusal, checkAssign, checkRollUp, rolledUpCount, type RollUpRefusal } from './consultation-rules.ts';
import { type ConsultationsService, presentComment } from './consultations.service.ts';
import { renderSynthesisDocx, type SynthesisDocModel } from './synthesis-docx.ts';

export type SynthesisDeps = { db: Db; clock: Clock; consultations: ConsultationsService };

const assignMessages: Record<AssignRefusal, string> = {
  WRONG_SECTION: 'Ý kiến và nhóm không cùng một đoạn văn.',
  OUTSIDE_THEME_ORG: 'Ý kiến không thuộc phạm vi của tổ chức tổng hợp.',
  THEMED_BELOW: 'Ý kiến đã được cấp dưới xếp nhóm; hãy tổng hợp nhóm của cấp dưới lên.',
  THEMED_ABOVE: 'Ý kiến đã được cấp trên xếp nhóm.',
  NOT_VISIBLE: 'Ý kiến đã bị ẩn hoặc đã gộp.',
};
const rollUpMessages: Record<RollUpRefusal, string> = {
  NOT_BELOW: 'Chỉ tổng hợp nhóm của tổ chức cấp dưới lên nhóm của tổ chức cấp trên.',
  WRONG_SECTION: 'Hai nhóm không cùng một đoạn văn.',
  CYCLE: 'Không thể tổng hợp một nhóm vào chính nó.',
};

type OrgInfo = { id: number; code: string; name: string; path: string };
const ref = (o: OrgInfo): OrgRef => ({ id: o.id, code: o.code, name: o.name });
const zeroChannels = () => Object.fromEntries(commentChannels.map((c) => [c, 0])) as Record<CommentChannel, number>;

export function createSynthesisService(deps: SynthesisDeps) {
  const { db, clock, consultations } = deps;

  /** The organization the synthesis is for: the one asked for, else the audience root when in scope, else the actor's own unit. */
  async function resolveOrg(q: Queryable, actor: Actor, c: ConsultationRow, orgId: number | undefined): Promise<OrgInfo> {
    const id = orgId ?? (pathInside(c.audience_path, actor.scopePath) ? c.audience_org_id : actor.scopeOrgId);
    const o = await orgsRepo.byId(q, id);
    if (!o) throw new DomainError('ORG_NOT_FOUND');
    assertSynthesisOrg(actor, o.path, c.audience_path);
    return { id: o.id, code: o.code, name: o.name, path: o.path };
  }
  const assertEdit = (actor: Actor) => {
    if (!canWrite(actor)) fail('FORBIDDEN_ROLE');
  };

  /** Themes of a section in the org's subtree, with rolled-up counts, quotes and children. */
  async function themesOf(q: Queryable, c: ConsultationRow, org: OrgInfo, sectionKey: string | null) {
    const rows = await documentsRepo.themesInSubtree(q, c.id, sectionKey, org.path);
    const ids = rows.map((t) => t.id);
    const [direct, quotes] = await Promise.all([documentsRepo.directCounts(q, ids), documentsRepo.quotes(q, ids)]);
    const children = new Map<number, number[]>();
    for (const t of rows) if (t.parent_id !== null) children.set(t.parent_id, [...(children.get(t.parent_id) ?? []), t.id]);
    const byId = new Map(rows.map((t) => [t.id, t]));
    const present = (t: ThemeRow): Theme => ({
      id: t.id,
      org: { id: t.org_id, code: t.org_code, name: t.org_name },
      sectionKey: t.section_key,
      title: t.title,
      response: t.response,
      responseText: t.response_text,
      parentId: t.parent_id,
      count: rolledUpCount(t.id, direct, children),
      directCount: direct.get(t.id) ?? 0,
      quotes: quotes.filter((x) => x.quote_theme_id === t.id).map(presentComment),
      children: (children.get(t.id) ?? []).map((cid) => {
        const ch = byId.get(cid)!;
        return { id: ch.id, org: { id: ch.org_id, code: ch.org_code, name: ch.org_name }, title: ch.title, count: rolledUpCount(ch.id, direct, children) };
      }),
      version: t.version,
    });
    const own = rows.filter((t) => t.org_id === org.id).map(present);
    // Lower themes that no theme of this subtree has taken in yet.
    const lower = rows.filter((t) => t.org_id !== org.id && (t.parent_id === null || !byId.has(t.parent_id))).map(present);
    return { own, lower, all: rows };
  }

  async function sectionCounts(q: Queryable, c: ConsultationRow, org: OrgInfo, sectionKey: string) {
    const byChannel = zeroChannels();
    let total = 0;
    let visible = 0;
    let themed = 0;
    let hidden = 0;
    let merged = 0;
    if (org.path === c.audience_path) {
      // The whole audience: the maintained counters, no scan of the comments.
      const r = await q.query<{ channel: CommentChannel; total: number; visible: number; themed: number }>(
        `SELECT channel, total, visible, themed FROM consultation_section_counts WHERE consultation_id = $1 AND section_key = $2`,
        [c.id, sectionKey],
      );
      for (const x of r.rows) {
        byChannel[x.channel] = x.total;
        total += x.total;
        visible += x.visible;
        themed += x.themed;
      }
      const m = await q.query<{ hidden: number; merged: number }>(
        `SELECT count(*) FILTER (WHERE status = 'hidden')::int AS hidden, count(*) FILTER (WHERE status = 'merged')::int AS merged
           FROM consultation_comments WHERE consultation_id = $1 AND section_key = $2 AND status <> 'visible'`,
        [c.id, sectionKey],
      );
      hidden = m.rows[0]!.hidden;
      merged = m.rows[0]!.merged;
    } else {
      const r = await q.query<{ channel: CommentChannel; total: number; visible: number; themed: number; hidden: number; merged: number }>(
        `SELECT channel, count(*)::int AS total, count(*) FILTER (WHERE status = 'visible')::int AS visible, count(*) FILTER (WHERE theme_id IS NOT NULL)::int AS themed,
                count(*) FILTER (WHERE status = 'hidden')::int AS hidden, count(*) FILTER (WHERE status = 'merged')::int AS merged
           FROM consultation_comments WHERE consultation_id = $1 AND section_key = $2 AND author_org_path <@ $3::ltree GROUP BY channel`,
        [c.id, sectionKey, org.path],
      );
      for (const x of r.rows) {
        byChannel[x.channel] = x.total;
        total += x.total;
        visible += x.visible;
        themed += x.themed;
        hidden += x.hidden;
        merged += x.merged;
      }
    }
    return { total, visible, hidden, merged, themed, byChannel };
  }

  // Visibility of a round for synthesis is decided by the organization (resolveOrg), not the round.
  const loadVisible = (_actor: Actor, id: number) => consultations.load(db, id);

  async function overview(actor: Actor, id: number, orgId: number | undefined): Promise<SynthesisOverview> {
    const c = await loadVisible(actor, id);
    const org = await resolveOrg(db, actor, c, orgId);
    const sections = await documentsRepo.sections(db, c.version_id);
    const counts =
      org.path === c.audience_path
        ? await db.query<{ section_key: string; total: number; visible: number; themed: number }>(
            `SELECT section_key, sum(total)::int AS total, sum(visible)::int AS visible, sum(themed)::int AS themed FROM consultation_section_counts WHERE consultation_id = $1 GROUP BY section_key`,
            [c.id],
          )
        : await db.query<{ section_key: string; total: number; visible: number; themed: number }>(
            `SELECT section_key, count(*)::int AS total, count(*) FILTER (WHERE status = 'visible')::int AS visible, count(*) FILTER (WHERE theme_id IS NOT NULL)::int AS themed
               FROM consultation_comments WHERE consultation_id = $1 AND author_org_path <@ $2::ltree GROUP BY section_key`,
            [c.id, org.path],
          );
    const themeCounts = await db.query<{ section_key: string; n: number }>(
      `SELECT section_key, count(*)::int AS n FROM synthesis_themes WHERE consultation_id = $1 AND org_path <@ $2::ltree GROUP BY section_key`,
      [c.id, org.path],
    );
    const cm = new Map(counts.rows.map((x) => [x.section_key, x]));
    const tm = new Map(themeCounts.rows.map((x) => [x.section_key, x.n]));
    const top = pathInside(c.audience_path, actor.scopePath) ? c.audience_org_id : actor.scopeOrgId;
    const topOrg = (await orgsRepo.byId(db, top))!;
    const kids = await orgsRepo.children(db, top, false);
    const choices = [topOrg, ...kids].filter((o) => pathInside(o.path, c.audience_path) && pathInside(o.path, actor.scopePath));
    if (!choices.some((o) => o.id === org.id)) choices.push({ ...topOrg, id: org.id, code: org.code, name: org.name, path: org.path });
    return {
      consultation: await consultations.get(actor, id),
      org: ref(org),
      sections: sections.map((s) => {
        const x = cm.get(s.key);
        return { key: s.key, kind: s.kind, level: s.level, text: s.text, total: x?.total ?? 0, visible: x?.visible ?? 0, themed: x?.themed ?? 0, themes: tm.get(s.key) ?? 0 };
      }),
      totals: { total: counts.rows.reduce((s, x) => s + x.total, 0), visible: counts.rows.reduce((s, x) => s + x.visible, 0), themed: counts.rows.reduce((s, x) => s + x.themed, 0) },
      orgChoices: choices.map((o) => ({ id: o.id, code: o.code, name: o.name })),
    };
  }

  async function section(actor: Actor, id: number, query: { orgId?: number | undefined; sectionKey: string; offset: number; limit: number }): Promise<SectionSynthesis> {
    const c = await loadVisible(actor, id);
    const org = await resolveOrg(db, actor, c, query.orgId);
    const sec = (await documentsRepo.sections(db, c.version_id)).find((s) => s.key === query.sectionKey);
    if (!sec) throw new DomainError('COMMENT_SECTION_UNKNOWN');
    const whole = org.path === c.audience_path;
    const [counts, themes, unthemed] = await Promise.all([
      sectionCounts(db, c, org, query.sectionKey),
      themesOf(db, c, org, query.sectionKey),
      db.query<CommentRow>(
        `SELECT ${commentCols} FROM ${commentFrom}
          WHERE m.consultation_id = $1 AND m.section_key = $2 AND m.status = 'visible' AND m.theme_id IS NULL ${whole ? '' : 'AND m.author_org_path <@ $3::ltree'}
          ORDER BY m.id LIMIT ${query.limit} OFFSET ${query.offset}`,
        whole ? [c.id, query.sectionKey] : [c.id, query.sectionKey, org.path],
      ),
    ]);
    return {
      section: { key: sec.key, kind: sec.kind, level: sec.level, text: sec.text },
      org: ref(org),
      counts,
      themes: themes.own,
      lowerThemes: themes.lower,
      unthemed: { total: counts.visible - counts.themed, items: unthemed.rows.map(presentComment) },
      can: { edit: canWrite(actor) },
    };
  }

  const audit = (tx: Queryable, actor: Actor, c: ConsultationRow, orgId: number, action: string, summary: string, details?: unknown) =>
    recordAudit(tx, actor, { action, entityType: 'consultation', entityId: c.id, orgId, summary, details });

  async function createTheme(actor: Actor, id: number, input: { orgId: number; sectionKey: string; title: string }): Promise<Theme> {
    assertEdit(actor);
    const themeId = await db.transaction(async (tx) => {
      const c = await consultations.load(tx, id);
      const org = await resolveOrg(tx, actor, c, input.orgId);
      const sec = (await documentsRepo.sections(tx, c.version_id)).find((s) => s.key === input.sectionKey);
      if (!sec) throw new DomainError('COMMENT_SECTION_UNKNOWN');
      const r = await tx.query<{ id: number }>(
        `INSERT INTO synthesis_themes (consultation_id, org_id, org_path, section_key, title, created_by) VALUES ($1, $2, $3::ltree, $4, $5, $6) RETURNING id`,
        [c.id, org.id, org.path, input.sectionKey, input.title, actor.username],
      );
      await audit(tx, actor, c, org.id, 'synthesis.themeCreated', `Tạo nhóm ý kiến “${input.title}” (đoạn ${input.sectionKey}) của ${org.name}`, input);
      return r.rows[0]!.id;
    });
    return themeView(actor, themeId);
  }

  async function loadTheme(q: Queryable, actor: Actor, themeId: number, forUpdate = false) {
    const t = await documentsRepo.theme(q, themeId, forUpdate);
    if (!t) throw new DomainError('THEME_NOT_FOUND');
    const c = await consultations.load(q, t.consultation_id);
    assertSynthesisOrg(actor, t.org_path, c.audience_path);
    return { t, c };
  }

  async function themeView(actor: Actor, themeId: number): Promise<Theme> {
    const { t, c } = await loadTheme(db, actor, themeId);
    const themes = await themesOf(db, c, { id: t.org_id, code: t.org_code, name: t.org_name, path: t.org_path }, t.section_key);
    return themes.own.find((x) => x.id === themeId)!;
  }

  async function updateTheme(actor: Actor, themeId: number, input: UpdateThemeRequest): Promise<Theme> {
    assertEdit(actor);
    await db.transaction(async (tx) => {
      const t0 = await documentsRepo.theme(tx, themeId, true);
      if (!t0) throw new DomainError('THEME_NOT_FOUND');
      const c = await consultations.load(tx, t0.consultation_id);
      if (t0.version !== input.version) fail('VERSION_CONFLICT');
      const editsOwn = input.title !== undefined || input.response !== undefined || input.responseText !== undefined;
      // Title and response belong to the theme's organization; rolling up belongs to the upper one.
      if (editsOwn) assertSynthesisOrg(actor, t0.org_path, c.audience_path);
      let parentId = t0.parent_id;
      if (input.parentId !== undefined) {
        if (t0.parent_id !== null) {
          const current = (await documentsRepo.theme(tx, t0.parent_id))!;
          assertSynthesisOrg(actor, current.org_path, c.audience_path);
        }
        if (input.parentId !== null) {
          const parent = await documentsRepo.theme(tx, input.parentId);
          if (!parent) throw new DomainError('THEME_NOT_FOUND');
          assertSynthesisOrg(actor, parent.org_path, c.audience_path);
          const ancestors = await tx.query<{ id: number }>(
            `WITH RECURSIVE up AS (SELECT id, parent_id FROM synthesis_themes WHERE id = $1 UNION SELECT t.id, t.parent_id FROM synthesis_themes t JOIN up ON t.id = up.parent_id) SELECT id FROM up`,
            [parent.id],
          );
          const refusal = checkRollUp(
            { id: t0.id, orgPath: t0.org_path, sectionKey: t0.section_key, consultationId: t0.consultation_id, parentId: t0.parent_id },
            { id: parent.id, orgPath: parent.org_path, sectionKey: parent.section_key, consultationId: parent.consultation_id },
            ancestors.rows.map((x) => x.id),
          );
          if (refusal) fail('THEME_ROLLUP_REFUSED', rollUpMessages[refusal], [{ field: 'parentId', code: refusal, message: rollUpMessages[refusal] }]);
        } else if (t0.parent_id === null) assertSynthesisOrg(actor, t0.org_path, c.audience_path);
        parentId = input.parentId;
      }
      await tx.query(`UPDATE synthesis_themes SET title = $2, response = $3, response_text = $4, parent_id = $5, version = version + 1 WHERE id = $1`, [
        themeId,
        input.title ?? t0.title,
        input.response === undefined ? t0.response : input.response,
        input.responseText === undefined ? t0.response_text : input.responseText,
        parentId,
      ]);
      const what = [
        input.title !== undefined ? `đổi tên thành “${input.title}”` : null,
        input.response !== undefined ? `trả lời: ${input.response ? responseKindLabels[input.response] : 'chưa trả lời'}` : null,
        input.parentId !== undefined ? (input.parentId === null ? 'bỏ tổng hợp lên cấp trên' : `tổng hợp lên nhóm #${input.parentId}`) : null,
      ].filter(Boolean);
      await audit(tx, actor, c, t0.org_id, 'synthesis.themeUpdated', `Nhóm ý kiến “${t0.title}”: ${what.join('; ') || 'cập nhật'}`, input);
    });
    return themeView(actor, themeId);
  }

  async function assign(actor: Actor, id: number, input: { orgId: number; commentIds: number[]; themeId: number | null }): Promise<{ assigned: number }> {
    assertEdit(actor);
    return db.transaction(async (tx) => {
      const c = await consultations.load(tx, id);
      const org = await resolveOrg(tx, actor, c, input.orgId);
      let target: ThemeRow | null = null;
      if (input.themeId !== null) {
        target = (await documentsRepo.theme(tx, input.themeId)) ?? null;
        if (!target || target.consultation_id !== c.id) throw new DomainError('THEME_NOT_FOUND');
        if (target.org_id !== org.id) fail('THEME_ASSIGN_REFUSED', 'Chỉ xếp ý kiến vào nhóm của chính tổ chức đang tổng hợp.');
      }
      const comments = await documentsRepo.commentsByIds(tx, input.commentIds, true);
      if (comments.length !== new Set(input.commentIds).size || comments.some((m) => m.consultation_id !== c.id)) throw new DomainError('COMMENT_NOT_FOUND');
      // Comments written outside the synthesizer's subtree are not theirs to see.
      if (comments.some((m) => !pathInside(m.author_org_path, org.path))) fail('ORG_OUT_OF_SCOPE');
      const themes = new Map((await documentsRepo.themesByIds(tx, [...new Set(comments.map((m) => m.theme_id).filter((x): x is number => x !== null))])).map((t) => [t.id, t]));
      const toRef = (t: ThemeRow) => ({ id: t.id, orgPath: t.org_path, sectionKey: t.section_key, consultationId: t.consultation_id });
      const problems = comments
        .map((m, i) => {
          const cur = m.theme_id === null ? null : themes.get(m.theme_id)!;
          const r = checkAssign({ consultationId: m.consultation_id, sectionKey: m.section_key, authorOrgPath: m.author_org_path, status: m.status, theme: cur ? toRef(cur) : null }, target ? toRef(target) : null, org.path);
          return r ? { row: i + 1, field: 'commentIds', code: r, message: `Ý kiến #${m.id}: ${assignMessages[r]}` } : null;
        })
        .filter((x): x is NonNullable<typeof x> => x !== null);
      if (problems.length > 0) fail('THEME_ASSIGN_REFUSED', problems[0]!.message, problems.slice(0, 20));
      await tx.query(`UPDATE consultation_comments SET theme_id = $2 WHERE id = ANY($1::bigint[]) AND theme_id IS DISTINCT FROM $2`, [input.commentIds, input.themeId]);
      if (input.themeId === null) await tx.query(`DELETE FROM theme_quotes WHERE comment_id = ANY($1::bigint[])`, [input.commentIds]);
      else await tx.query(`DELETE FROM theme_quotes WHERE comment_id = ANY($1::bigint[]) AND theme_id <> $2`, [input.commentIds, input.themeId]);
      await audit(
        tx,
        actor,
        c,
        org.id,
        'synthesis.commentsAssigned',
        target ? `Xếp ${comments.length} ý kiến vào nhóm “${target.title}”` : `Bỏ xếp nhóm ${comments.length} ý kiến`,
        { commentIds: input.commentIds, themeId: input.themeId },
      );
      return { assigned: comments.length };
    });
  }

  async function setQuotes(actor: Actor, themeId: number, commentIds: number[]): Promise<Theme> {
    assertEdit(actor);
    await db.transaction(async (tx) => {
      const { t, c } = await loadTheme(tx, actor, themeId, true);
      const subtree = await documentsRepo.themesInSubtree(tx, c.id, t.section_key, t.org_path);
      // A quote may come from the theme or from any lower theme rolled into it.
      const below = new Set<number>([t.id]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const x of subtree) {
          if (x.parent_id === null || !below.has(x.parent_id) || below.has(x.id)) continue;
          below.add(x.id);
          grew = true;
        }
      }
      const comments = await documentsRepo.commentsByIds(tx, commentIds);
      const bad = comments.filter((m) => m.theme_id === null || !below.has(m.theme_id) || m.status !== 'visible');
      if (comments.length !== new Set(commentIds).size || bad.length > 0) fail('THEME_ASSIGN_REFUSED', 'Trích dẫn phải là ý kiến đã xếp vào nhóm này (hoặc nhóm cấp dưới đã tổng hợp lên).');
      await tx.query(`DELETE FROM theme_quotes WHERE theme_id = $1`, [themeId]);
      if (commentIds.length > 0) await tx.query(`INSERT INTO theme_quotes (theme_id, comment_id) SELECT $1, unnest($2::bigint[])`, [themeId, commentIds]);
      await audit(tx, actor, c, t.org_id, 'synthesis.quotesSet', `Chọn ${commentIds.length} trích dẫn cho nhóm “${t.title}”`, { commentIds });
    });
    return themeView(actor, themeId);
  }

  /** Traceability: the original comments behind a theme, its own and those of the lower themes rolled into it. */
  async function themeComments(actor: Actor, themeId: number, offset: number, limit: number): Promise<CommentList> {
    const { t, c } = await loadTheme(db, actor, themeId);
    const r = await db.query<CommentRow & { n: number }>(
      `WITH RECURSIVE down AS (SELECT id FROM synthesis_themes WHERE id = $1 UNION SELECT s.id FROM synthesis_themes s JOIN down d ON s.parent_id = d.id)
       SELECT ${commentCols}, count(*) OVER ()::int AS n FROM ${commentFrom} WHERE m.consultation_id = $2 AND m.theme_id IN (SELECT id FROM down) AND m.status = 'visible'
        ORDER BY m.id LIMIT ${limit} OFFSET ${offset}`,
      [t.id, c.id],
    );
    return { total: r.rows[0]?.n ?? 0, items: r.rows.map(presentComment) };
  }

  async function exportDocx(actor: Actor, id: number, orgId: number | undefined): Promise<{ fileName: string; body: Buffer }> {
    const c = await consultations.load(db, id);
    const org = await resolveOrg(db, actor, c, orgId);
    const ov = await overview(actor, id, org.id);
    const themes = await themesOf(db, c, org, null);
    const sections: SynthesisDocModel['sections'] = [];
    for (const s of ov.sections) {
      const own = themes.own.filter((t) => t.sectionKey === s.key);
      const lower = themes.lower.filter((t) => t.sectionKey === s.key);
      if (s.total === 0 && own.length === 0 && lower.length === 0) continue;
      sections.push({ key: s.key, kind: s.kind, text: s.text, total: s.total, visible: s.visible, unthemed: s.visible - s.themed, themes: [...own, ...lower] });
    }
    const body = await renderSynthesisDocx({
      orgName: org.name,
      congressOrgName: c.org_name,
      title: c.title,
      documentTitle: c.doc_title,
      versionNo: c.version_no,
      opensAt: c.opens_at,
      closesAt: c.closes_at,
      generatedAt: clock.now(),
      totals: ov.totals,
      byChannel: ov.consultation.counts.byChannel,
      wholeAudience: org.path === c.audience_path,
      sections,
    });
    return { fileName: `Tong hop y kien - ${org.name}.docx`, body };
  }

  return { overview, section, createTheme, updateTheme, assign, setQuotes, themeComments, themeView, exportDocx };
}

export type SynthesisService = ReturnType<typeof createSynthesisService>;
