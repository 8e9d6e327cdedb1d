import type { Db, Queryable } from '../../platform/db/db.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { DomainError, fail } from '../../platform/http/errors.ts';
import { orgsRepo } from '../organizations/organizations.repository.ts';
import { pathInside } from '../organizations/organizations.policy.ts';
import { formatDateVi } from '../../../../shared/src/format.ts';
import {
  type CreateDiscipline,
  type CreateOversight,
  type CreateStudySession,
  type Discipline,
  disciplineFormLabels,
  type Oversight,
  oversightKindLabels,
  type RegisterList,
  type RegisterQuery,
  type StudySession,
  type UpdateDiscipline,
  type UpdateOversight,
  type UpdateStudySession,
} from '../../../../shared/src/contracts/reports.ts';
import { canWriteRegister } from './reports.policy.ts';
import { disciplineIssues, type Issue, oversightIssues, studySessionIssues } from './register-rules.ts';
import { pct } from './report-rules.ts';

/**
 * The three flat registers (inspections and supervisions, disciplinary measures, study
 * sessions) share one shape: a row kept by an organization, dated, listed by subtree and
 * period, created and edited by organizers in scope with an audit entry in the same
 * transaction. Each register is a spec; the CRUD below is written once.
 */
type Spec<Row, Out, Create, Update> = {
  name: 'oversight' | 'discipline' | 'studySession';
  table: string;
  /** The date the period filter applies to. */
  dateCol: string;
  searchCols: string[];
  /** camelCase input field → column. */
  cols: Record<string, string>;
  select: string;
  present: (r: Row, canEdit: boolean) => Out;
  /** Merged entry (stored values overlaid with the update) → problems. */
  check: (e: Create) => Issue[];
  merge: (r: Row, u: Update) => Create;
  describe: (e: Create) => string;
  /** Organizations named by the entry (the subject), which must lie in the actor's scope. */
  orgRefs: (e: Create) => (number | null | undefined)[];
};

type Common = { id: number; org_id: number; org_code: string; org_name: string; org_path: string; version: number };
type OversightRow = Common & {
  kind: Oversight['kind'];
  mode: Oversight['mode'];
  subject_type: Oversight['subjectType'];
  subject_org_id: number | null;
  subject_org_code: string | null;
  subject_org_name: string | null;
  subject_name: string;
  committee_member: boolean;
  started_on: string;
  decision_ref: string | null;
  conclusion: string | null;
  violation_found: boolean | null;
};
type DisciplineRow = Common & {
  subject_type: Discipline['subjectType'];
  subject_org_id: number | null;
  subject_org_code: string | null;
  subject_org_name: string | null;
  subject_name: string;
  committee_member: boolean;
  form: Discipline['form'];
  decided_on: string;
  decision_ref: string | null;
  reason: string | null;
};
type StudyRow = Common & { title: string; subject: string | null; held_from: string; held_to: string; expected: number; attended: number; note: string | null };

const orgCols = `r.id, r.org_id, o.code AS org_code, o.name AS org_name, o.path::text AS org_path, r.version`;
const subjectCols = `r.subject_type, r.subject_org_id, so.code AS subject_org_code, so.name AS subject_org_name, r.subject_name, r.committee_member`;
const orgOf = (r: Common) => ({ id: r.org_id, code: r.org_code, name: r.org_name });
const subjectOrgOf = (r: { subject_org_id: number | null; subject_org_code: string | null; subject_org_name: string | null }) =>
  r.subject_org_id ? { id: r.subject_org_id, code: r.subject_org_code ?? '', name: r.subject_org_name ?? '' } : null;
const pick = <T>(u: T | undefined, stored: T) => (u === undefined ? stored : u);

const oversightSpec: Spec<OversightRow, Oversight, Omit<CreateOversight, 'orgId'>, UpdateOversight> = {
  name: 'oversight',
  table: 'report_oversight',
  dateCol: 'started_on',
  searchCols: ['subject_name', 'decision_ref'],
  cols: {
    kind: 'kind',
    mode: 'mode',
    subjectType: 'subject_type',
    subjectOrgId: 'subject_org_id',
    subjectName: 'subject_name',
    committeeMember: 'committee_member',
    startedOn: 'started_on',
    decisionRef: 'decision_ref',
    conclusion: 'conclusion',
    violationFound: 'violation_found',
  },
  select: `${orgCols}, r.kind, r.mode, ${subjectCols}, r.started_on::text, r.decision_ref, r.conclusion, r.violation_found`,
  present: (r, canEdit) => ({
    id: r.id,
    org: orgOf(r),
    version: r.version,
    can: { edit: canEdit },
    kind: r.kind,
    mode: r.mode,
    subjectType: r.subject_type,
    subjectOrg: subjectOrgOf(r),
    subjectName: r.subject_name,
    committeeMember: r.committee_member,
    startedOn: r.started_on,
    decisionRef: r.decision_ref,
    conclusion: r.conclusion,
    violationFound: r.violation_found,
  }),
  check: oversightIssues,
  merge: (r, u) => ({
    kind: pick(u.kind, r.kind),
    mode: pick(u.mode, r.mode),
    subjectType: pick(u.subjectType, r.subject_type),
    subjectOrgId: pick(u.subjectOrgId, r.subject_org_id),
    subjectName: pick(u.subjectName, r.subject_name),
    committeeMember: pick(u.committeeMember, r.committee_member),
    startedOn: pick(u.startedOn, r.started_on),
    decisionRef: pick(u.decisionRef, r.decision_ref),
    conclusion: pick(u.conclusion, r.conclusion),
    violationFound: pick(u.violationFound, r.violation_found),
  }),
  describe: (e) => `${oversightKindLabels[e.kind]} ${e.subjectType === 'member' ? 'đảng viên' : 'tổ chức đảng'} ${e.subjectName} (${formatDateVi(e.startedOn)})`,
  orgRefs: (e) => [e.subjectOrgId],
};

const disciplineSpec: Spec<DisciplineRow, Discipline, Omit<CreateDiscipline, 'orgId'>, UpdateDiscipline> = {
  name: 'discipline',
  table: 'report_disciplines',
  dateCol: 'decided_on',
  searchCols: ['subject_name', 'decision_ref'],
  cols: {
    subjectType: 'subject_type',
    subjectOrgId: 'subject_org_id',
    subjectName: 'subject_name',
    committeeMember: 'committee_member',
    form: 'form',
    decidedOn: 'decided_on',
    decisionRef: 'decision_ref',
    reason: 'reason',
  },
  select: `${orgCols}, ${subjectCols}, r.form, r.decided_on::text, r.decision_ref, r.reason`,
  present: (r, canEdit) => ({
    id: r.id,
    org: orgOf(r),
    version: r.version,
    can: { edit: canEdit },
    subjectType: r.subject_type,
    subjectOrg: subjectOrgOf(r),
    subjectName: r.subject_name,
    committeeMember: r.committee_member,
    form: r.form,
    decidedOn: r.decided_on,
    decisionRef: r.decision_ref,
    reason: r.reason,
  }),
  check: disciplineIssues,
  merge: (r, u) => ({
    subjectType: pick(u.subjectType, r.subject_type),
    subjectOrgId: pick(u.subjectOrgId, r.subject_org_id),
    subjectName: pick(u.subjectName, r.subject_name),
    committeeMember: pick(u.committeeMember, r.committee_member),
    form: pick(u.form, r.form),
    decidedOn: pick(u.decidedOn, r.decided_on),
    decisionRef: pick(u.decisionRef, r.decision_ref),
    reason: pick(u.reason, r.reason),
  }),
  describe: (e) => `Kỷ luật ${disciplineFormLabels[e.form].toLowerCase()} ${e.subjectType === 'member' ? 'đảng viên' : 'tổ chức đảng'} ${e.subjectName} (${formatDateVi(e.decidedOn)})`,
  orgRefs: (e) => [e.subjectOrgId],
};

const studySpec: Spec<StudyRow, StudySession, Omit<CreateStudySession, 'orgId'>, UpdateStudySession> = {
  name: 'studySession',
  table: 'report_study_sessions',
  dateCol: 'held_from',
  searchCols: ['title', 'subject'],
  cols: { title: 'title', subject: 'subject', heldFrom: 'held_from', heldTo: 'held_to', expected: 'expected', attended: 'attended', note: 'note' },
  select: `${orgCols}, r.title, r.subject, r.held_from::text, r.held_to::text, r.expected, r.attended, r.note`,
  present: (r, canEdit) => ({
    id: r.id,
    org: orgOf(r),
    version: r.version,
    can: { edit: canEdit },
    title: r.title,
    subject: r.subject,
    heldFrom: r.held_from,
    heldTo: r.held_to,
    expected: r.expected,
    attended: r.attended,
    pct: pct(r.attended, r.expected),
    note: r.note,
  }),
  check: studySessionIssues,
  merge: (r, u) => ({
    title: pick(u.title, r.title),
    subject: pick(u.subject, r.subject),
    heldFrom: pick(u.heldFrom, r.held_from),
    heldTo: pick(u.heldTo, r.held_to),
    expected: pick(u.expected, r.expected),
    attended: pick(u.attended, r.attended),
    note: pick(u.note, r.note),
  }),
  describe: (e) => `Học tập, quán triệt “${e.title}”: ${e.attended}/${e.expected} đảng viên (${formatDateVi(e.heldFrom)})`,
  orgRefs: () => [],
};

export const registerSpecs = { oversight: oversightSpec, discipline: disciplineSpec, studySession: studySpec } as const;
export type RegisterName = keyof typeof registerSpecs;

/** The organization whose subtree a list covers: the one asked for (in scope) or the actor's own. */
export async function subtreeOf(q: Queryable, actor: Actor, orgId: number | undefined) {
  const o = await orgsRepo.byId(q, orgId ?? actor.scopeOrgId);
  if (!o) throw new DomainError('ORG_NOT_FOUND');
  if (!pathInside(o.path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
  return o;
}

/** Filters shared by lists, exports and the summary report: subtree and period (inclusive). */
export function registerWhere(spec: { dateCol: string; searchCols: string[] }, path: string, f: Pick<RegisterQuery, 'from' | 'to' | 'kind' | 'q'>, hasKind: boolean) {
  const params: unknown[] = [path];
  const where = ['o.path <@ $1::ltree'];
  if (f.from) where.push(`r.${spec.dateCol} >= $${params.push(f.from)}::date`);
  if (f.to) where.push(`r.${spec.dateCol} <= $${params.push(f.to)}::date`);
  if (hasKind && f.kind) where.push(`r.kind = $${params.push(f.kind)}`);
  if (f.q) {
    const n = params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(${spec.searchCols.map((c) => `r.${c} ILIKE $${n}`).join(' OR ')})`);
  }
  return { where: where.join(' AND '), params };
}

export function createRegistersService(deps: { db: Db }) {
  const { db } = deps;

  async function list<N extends RegisterName>(actor: Actor, name: N, f: RegisterQuery): Promise<RegisterList<ReturnType<(typeof registerSpecs)[N]['present']>>> {
    const spec = registerSpecs[name] as unknown as Spec<Common, unknown, unknown, unknown>;
    const org = await subtreeOf(db, actor, f.orgId);
    const { where, params } = registerWhere(spec, org.path, f, name === 'oversight');
    const from = `${spec.table} r JOIN organizations o ON o.id = r.org_id ${name === 'studySession' ? '' : 'LEFT JOIN organizations so ON so.id = r.subject_org_id'}`;
    const [total, rows] = await Promise.all([
      db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`, params),
      db.query<Common>(`SELECT ${spec.select} FROM ${from} WHERE ${where} ORDER BY r.${spec.dateCol} DESC, r.id DESC LIMIT ${f.limit} OFFSET ${f.offset}`, params),
    ]);
    const write = canWriteRegister(actor);
    return {
      total: total.rows[0]!.n,
      items: rows.rows.map((r) => spec.present(r, write && pathInside(r.org_path, actor.scopePath))) as never,
      can: { create: write },
    };
  }

  async function load(q: Queryable, name: RegisterName, id: number, forUpdate = false): Promise<Common> {
    const spec = registerSpecs[name] as unknown as Spec<Common, unknown, unknown, unknown>;
    const join = name === 'studySession' ? '' : 'LEFT JOIN organizations so ON so.id = r.subject_org_id';
    const r = await q.query<Common>(`SELECT ${spec.select} FROM ${spec.table} r JOIN organizations o ON o.id = r.org_id ${join} WHERE r.id = $1 ${forUpdate ? 'FOR UPDATE OF r' : ''}`, [id]);
    if (!r.rows[0]) throw new DomainError('REGISTER_ENTRY_NOT_FOUND');
    return r.rows[0];
  }

  async function checkEntry(q: Queryable, actor: Actor, spec: Spec<Common, unknown, Record<string, unknown>, never>, e: Record<string, unknown>) {
    const issues = spec.check(e);
    if (issues.length) fail('REGISTER_ENTRY_INVALID', issues[0]!.message, issues);
    for (const ref of spec.orgRefs(e)) {
      if (ref == null) continue;
      const o = await orgsRepo.byId(q, ref);
      if (!o) return fail('REGISTER_ENTRY_INVALID', 'Tổ chức đảng được chọn không tồn tại.', [{ field: 'subjectOrgId', code: 'NOT_FOUND', message: 'Không tìm thấy tổ chức.' }]);
      if (!pathInside(o.path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
    }
  }

  async function create(actor: Actor, name: RegisterName, input: { orgId: number } & Record<string, unknown>) {
    const spec = registerSpecs[name] as unknown as Spec<Common, unknown, Record<string, unknown>, unknown>;
    if (!canWriteRegister(actor)) fail('FORBIDDEN_ROLE');
    const id = await db.transaction(async (tx) => {
      const org = await orgsRepo.byId(tx, input.orgId);
      if (!org) throw new DomainError('ORG_NOT_FOUND');
      if (!pathInside(org.path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
      const { orgId: _org, ...entry } = input;
      await checkEntry(tx, actor, spec, entry);
      const keys = Object.keys(spec.cols).filter((k) => entry[k] !== undefined);
      const r = await tx.query<{ id: number }>(
        `INSERT INTO ${spec.table} (org_id, created_by, ${keys.map((k) => spec.cols[k]).join(', ')}) VALUES ($1, $2, ${keys.map((_, i) => `$${i + 3}`).join(', ')}) RETURNING id`,
        [org.id, actor.userId || null, ...keys.map((k) => entry[k])],
      );
      const newId = r.rows[0]!.id;
      await recordAudit(tx, actor, { action: `report.${spec.name}.created`, entityType: `report.${spec.name}`, entityId: newId, orgId: org.id, summary: `Ghi sổ: ${spec.describe(entry)}`, details: input });
      return newId;
    });
    return get(actor, name, id);
  }

  async function update(actor: Actor, name: RegisterName, id: number, input: { version: number } & Record<string, unknown>) {
    const spec = registerSpecs[name] as unknown as Spec<Common, unknown, Record<string, unknown>, Record<string, unknown>>;
    if (!canWriteRegister(actor)) fail('FORBIDDEN_ROLE');
    await db.transaction(async (tx) => {
      const row = await load(tx, name, id, true);
      if (!pathInside(row.org_path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
      if (row.version !== input.version) fail('VERSION_CONFLICT');
      const { version: _v, ...changes } = input;
      const merged = spec.merge(row, changes);
      await checkEntry(tx, actor, spec, merged);
      const keys = Object.keys(spec.cols).filter((k) => changes[k] !== undefined);
      if (keys.length === 0) return;
      await tx.query(
        `UPDATE ${spec.table} SET ${keys.map((k, i) => `${spec.cols[k]} = $${i + 2}`).join(', ')}, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, ...keys.map((k) => changes[k])],
      );
      await recordAudit(tx, actor, { action: `report.${spec.name}.updated`, entityType: `report.${spec.name}`, entityId: id, orgId: row.org_id, summary: `Sửa sổ: ${spec.describe(merged)}`, details: changes });
    });
    return get(actor, name, id);
  }

  async function get(actor: Actor, name: RegisterName, id: number) {
    const spec = registerSpecs[name] as unknown as Spec<Common, unknown, unknown, unknown>;
    const row = await load(db, name, id);
    if (!pathInside(row.org_path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
    return spec.present(row, canWriteRegister(actor));
  }

  return {
    list,
    get,
    createOversight: (actor: Actor, input: CreateOversight) => create(actor, 'oversight', input) as Promise<Oversight>,
    updateOversight: (actor: Actor, id: number, input: UpdateOversight) => update(actor, 'oversight', id, input) as Promise<Oversight>,
    createDiscipline: (actor: Actor, input: CreateDiscipline) => create(actor, 'discipline', input) as Promise<Discipline>,
    updateDiscipline: (actor: Actor, id: number, input: UpdateDiscipline) => update(actor, 'discipline', id, input) as Promise<Discipline>,
    createStudySession: (actor: Actor, input: CreateStudySession) => create(actor, 'studySession', input) as Promise<StudySession>,
    updateStudySession: (actor: Actor, id: number, input: UpdateStudySession) => update(actor, 'studySession', id, input) as Promise<StudySession>,
  };
}
export type RegistersService = ReturnType<typeof createRegistersService>;
