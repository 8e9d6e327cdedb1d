import type { Queryable } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/audit/audit.ts';
import { DomainError, fail } from '../../platform/http/errors.ts';
import { foldVietnamese, viCollator } from '../../../../shared/src/text.ts';
import { formatDateVi } from '../../../../shared/src/format.ts';
import {
  type CreateDelegateRequest,
  createDelegateRequestSchema,
  type credentialsRequestSchema,
  type Delegate,
  type DelegateKind,
  delegateKindLabels,
  type DelegateSaved,
  type DelegateWarning,
  notSummonedLabels,
  type notSummonedRequestSchema,
  type Register,
  rejectionLabels,
  substitutionLabels,
  type substituteRequestSchema,
  type UpdateDelegateRequest,
  updateDelegateRequestSchema,
} from '../../../../shared/src/contracts/delegates.ts';
import type { z } from 'zod';
import { badgeCode, newSecret } from './badge-code.ts';
import { type CongressHead, type DelegateRow, delegatesRepo, toRegister, toSeated } from './delegates.repository.ts';
import { auditDelegates, type DelegatesDeps, readCongress, writeCongress } from './delegates.context.ts';
import { assertCanRead, canWriteDelegates } from './delegates.policy.ts';
import {
  checkCredentialsDecision,
  checkDelegateEdit,
  checkDelegation,
  checkNotSummoned,
  checkSubstitution,
  compareAlternates,
  clashWarning,
  countsForSeats,
  checkDelegationSeats,
  type DelegationContext,
  editClashes,
  editLocks,
  type FieldFailure,
  findSamePerson,
  holdsPlace,
  isSummoned,
  overSeats,
  personClashes,
  registerWarnings,
  samePersonAll,
  seatsMessage,
} from './register-rules.ts';

const kindOrder = { exOfficio: 0, appointed: 1, official: 2, alternate: 3 } as const;

export type NewDelegate = z.output<typeof createDelegateRequestSchema> & { sourceElectionId?: number | null };

type PersonCandidate = { id?: number; personId: number | null; nameKey: string; birthDate: string | null; delegationOrgId: number };

const personKeys = (rows: readonly DelegateRow[]) => rows.map((e) => ({ ...e, personId: e.person_id, nameKey: e.name_key, birthDate: e.birth_date, delegationOrgId: e.delegation_org_id }));

const duplicateError = (same: DelegateRow, candidate: PersonCandidate): never => {
  const where = same.delegation_org_id === candidate.delegationOrgId ? 'trong đoàn này' : `trong đoàn ${same.delegation_name}`;
  const field = candidate.personId !== null && same.person_id === candidate.personId ? 'personId' : 'fullName';
  throw new DomainError('DELEGATE_DUPLICATE', `Đồng chí ${same.full_name}${same.birth_date ? ` (sinh ngày ${formatDateVi(same.birth_date)})` : ''} đã có ${where} (${delegateKindLabels[same.kind].toLowerCase()}). Một người chỉ thuộc một đoàn đại biểu.`, [
    { field, code: 'DELEGATE_DUPLICATE', message: `Đã có ${where}.` },
  ]);
};

/**
 * One person once per congress: the same personnel record, or the same folded name and birth
 * date, in any delegation is refused, naming the delegation that already has them. A bare name
 * match comes back as a warning. The caller holds the congress row lock (one writer at a time).
 *
 * Two exceptions, both flagged rather than refused: an elected arrival (`arrival`: the lower
 * congress has voted; the upper register keeps it beside the other seat and shows the clash),
 * and an edit of a delegate already in such a clash (`before`: the clash it had may stay, a new
 * one may not). `duplicateOf` is the delegate the candidate doubles, if any.
 */
async function checkRegisteredOnce(
  tx: Queryable,
  c: CongressHead,
  candidate: PersonCandidate,
  person: LinkedPerson | null,
  opts: { arrival?: boolean; before?: PersonCandidate; selfHolds?: boolean } = {},
): Promise<{ warnings: DelegateWarning[]; duplicateOf: DelegateRow | null; rows: DelegateRow[] }> {
  const rows = await delegatesRepo.delegates(tx, c.id);
  const keys = personKeys(rows);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const { known, fresh } = opts.before ? editClashes(opts.before, candidate, keys) : { known: [], fresh: samePersonAll(candidate, keys) };
  if (fresh.length > 0 && !opts.arrival) duplicateError(byId.get(fresh[0]!.id)!, candidate);
  const doubles = [...fresh, ...known].map((k) => byId.get(k.id)!);
  const self = { delegationOrgId: candidate.delegationOrgId };
  // Shown while both hold a place; one given up (not summoned, replaced, refused) settles it.
  const warnings = opts.selfHolds === false ? [] : doubles.filter((o) => holdsPlace(toSeated(o))).map((o) => clashWarning(self, toSeated(o)));
  const sameName = doubles.length ? [] : findSamePerson(candidate, keys).sameName;
  warnings.push(
    ...registerWarnings(
      candidate,
      sameName.map((s) => ({ delegationName: s.delegation_name, birthDate: s.birth_date })),
      person ? { fullName: person.full_name, nameKey: foldVietnamese(person.full_name), birthDate: person.birth_date } : null,
    ),
  );
  return { warnings, duplicateOf: doubles[0] ?? null, rows };
}

/**
 * The delegation's allocated seats against its officials (without `self`): refused by hand with
 * DELEGATION_SEATS_FULL; for an elected arrival, a warning (the lower congress has voted).
 */
async function checkSeats(tx: Queryable, c: CongressHead, rows: readonly DelegateRow[], x: { kind: DelegateKind; delegationOrgId: number; selfId?: number }, arrival: boolean): Promise<DelegateWarning[]> {
  if (x.kind !== 'official') return [];
  const allocation = await delegatesRepo.allocation(tx, c.id);
  if (!allocation) return [];
  const seats = allocation.lines.find((l) => l.org_id === x.delegationOrgId)?.seats ?? null;
  const officials = rows.filter((r) => r.id !== x.selfId && r.delegation_org_id === x.delegationOrgId && countsForSeats({ kind: r.kind, replacesId: r.replaces_id })).length;
  const name = (await tx.query<{ name: string }>('SELECT name FROM organizations WHERE id = $1', [x.delegationOrgId])).rows[0]?.name ?? String(x.delegationOrgId);
  const verdict = checkDelegationSeats({ kind: x.kind, seats, officials, delegationName: name });
  if (verdict.ok) return [];
  if (!arrival) return fieldFailure(verdict);
  return [{ code: 'DELEGATION_OVER_SEATS', field: 'delegationOrgId', message: `Vượt số được phân bổ: ${seatsMessage(name, seats!, officials + 1)}` }];
}

type LinkedPerson = NonNullable<Awaited<ReturnType<typeof delegatesRepo.person>>>;

/** The personnel record a delegate is linked to: it must exist and lie in the actor's scope (null actor: the system). */
async function linkedPerson(tx: Queryable, actor: Actor | null, personId: number | null | undefined): Promise<LinkedPerson | null> {
  if (personId == null) return null;
  const p = await delegatesRepo.person(tx, personId);
  if (!p) throw new DomainError('PERSON_NOT_FOUND', undefined, [{ field: 'personId', code: 'PERSON_NOT_FOUND', message: 'Không tìm thấy hồ sơ cán bộ.' }]);
  if (actor) assertCanRead(actor, p.org_path);
  return p;
}

const delegationContext = async (tx: Queryable, c: CongressHead): Promise<DelegationContext> => ({
  congressOrgId: c.org_id,
  subordinateOrgIds: new Set((await delegatesRepo.subordinateOrgs(tx, c.org_id)).map((s) => s.id)),
});

const fieldFailure = (f: FieldFailure): never => {
  throw new DomainError(f.code as 'DELEGATE_INVALID', f.message, [{ field: f.field, code: f.detailCode, message: f.message }]);
};

/**
 * Adds one delegate inside the caller's transaction: checks the delegation, that the person is not
 * registered twice and, for an official, the delegation's allocated seats. `arrival`: a delegate an
 * election brought; a clash or seats exceeded is kept and flagged, not refused.
 */
export async function insertDelegate(
  tx: Queryable,
  c: CongressHead,
  input: NewDelegate,
  actor: Actor | null = null,
  opts: { arrival?: boolean } = {},
): Promise<{ id: number; warnings: DelegateWarning[]; duplicateOfId: number | null }> {
  const fullName = input.fullName.replace(/\s+/g, ' ').trim();
  const delegation = checkDelegation(input.kind, input.delegationOrgId, await delegationContext(tx, c));
  if (!delegation.ok) return fieldFailure(delegation);
  const delegationOrgId = delegation.delegationOrgId;
  if (input.kind !== 'alternate' && input.alternateRank != null) fail('DELEGATE_INVALID', 'Chỉ đại biểu dự khuyết có thứ tự dự khuyết.', [{ field: 'alternateRank', code: 'NOT_ALTERNATE', message: 'Chỉ dành cho đại biểu dự khuyết.' }]);
  const nameKey = foldVietnamese(fullName);
  const person = await linkedPerson(tx, actor, input.personId);
  const arrival = opts.arrival === true;
  const { warnings, duplicateOf, rows } = await checkRegisteredOnce(tx, c, { personId: input.personId ?? null, nameKey, birthDate: input.birthDate ?? null, delegationOrgId }, person, { arrival });
  warnings.push(...(await checkSeats(tx, c, rows, { kind: input.kind, delegationOrgId }, arrival)));
  // No rank given: the order comes from the votes, then party age, then the order of entry (compareAlternates).
  const rank = input.alternateRank ?? null;
  const r = await tx.query<{ id: number }>(
    `INSERT INTO delegates (congress_id, person_id, full_name, name_key, birth_date, gender, party_join_date, position, delegation_org_id, kind, alternate_rank, votes, source_election_id, note, duplicate_of_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
    [
      c.id,
      input.personId ?? null,
      fullName,
      nameKey,
      input.birthDate ?? null,
      input.gender ?? null,
      input.partyJoinDate ?? null,
      input.position?.trim() || null,
      delegationOrgId,
      input.kind,
      rank,
      input.votes ?? null,
      input.sourceElectionId ?? null,
      input.note?.trim() || null,
      duplicateOf?.id ?? null,
    ],
  );
  return { id: r.rows[0]!.id, warnings, duplicateOfId: duplicateOf?.id ?? null };
}

/** The fields an edit compares, for the audit entry: [field, label, value before, value after]. */
function changedFields(d: DelegateRow, next: Record<string, unknown>, orgName: (id: number) => string) {
  const shown = (field: string, v: unknown) =>
    v === null || v === undefined || v === ''
      ? '—'
      : field === 'kind'
        ? delegateKindLabels[v as Delegate['kind']]
        : field === 'delegationOrgId'
          ? orgName(v as number)
          : field === 'birthDate' || field === 'partyJoinDate'
            ? formatDateVi(v as string)
            : field === 'gender'
              ? (v === 'female' ? 'Nữ' : 'Nam')
              : String(v);
  const before: Record<string, unknown> = {
    fullName: d.full_name,
    kind: d.kind,
    delegationOrgId: d.delegation_org_id,
    personId: d.person_id,
    birthDate: d.birth_date,
    gender: d.gender,
    partyJoinDate: d.party_join_date,
    position: d.position,
    alternateRank: d.alternate_rank,
    votes: d.votes,
    note: d.note,
  };
  return Object.keys(before)
    .filter((k) => (before[k] ?? null) !== (next[k] ?? null))
    .map((k) => ({ field: k, label: editFieldLabels[k] ?? k, from: shown(k, before[k]), to: shown(k, next[k]) }));
}

const editFieldLabels: Record<string, string> = {
  fullName: 'họ và tên',
  kind: 'loại đại biểu',
  delegationOrgId: 'đoàn đại biểu',
  personId: 'hồ sơ cán bộ',
  birthDate: 'ngày sinh',
  gender: 'giới tính',
  partyJoinDate: 'ngày vào Đảng',
  position: 'chức vụ',
  alternateRank: 'thứ tự dự khuyết',
  votes: 'số phiếu',
  note: 'ghi chú',
};

export function createRegisterOps({ db }: DelegatesDeps) {
  async function loadDelegateForWrite(tx: Queryable, actor: Actor, delegateId: number) {
    const d = await delegatesRepo.delegate(tx, delegateId, true);
    if (!d) throw new DomainError('DELEGATE_NOT_FOUND');
    const c = await writeCongress(tx, actor, d.congress_id);
    return { d, c };
  }

  return {
    async register(actor: Actor, congressId: number): Promise<Register> {
      const c = await readCongress(db, actor, congressId);
      const canEdit = canWriteDelegates(actor, c.org_path);
      const rows = await delegatesRepo.delegates(db, c.id);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const attendance = await delegatesRepo.attendance(db, c.id);
      const sessionsOf = new Map<number, number[]>();
      for (const a of attendance) sessionsOf.set(a.delegate_id, [...(sessionsOf.get(a.delegate_id) ?? []), a.session_id]);
      const secret = canEdit ? (await delegatesRepo.settings(db, c.id, newSecret)).badge_secret : null;
      const allocation = await delegatesRepo.allocation(db, c.id);
      const allocated = new Map((allocation?.lines ?? []).map((l) => [l.org_id, l.seats]));
      const subs = await delegatesRepo.subordinateOrgs(db, c.org_id);
      const keys = personKeys(rows);
      // What the organizers must settle, on the row: one person holding two places, officials beyond the delegation's seats.
      const seatedRows = rows.map(toSeated);
      const clashes = personClashes(seatedRows);
      const over = allocation ? overSeats(seatedRows, allocated) : new Map<number, DelegateWarning>();
      const rowWarnings = (r: DelegateRow): DelegateWarning[] => [
        ...(clashes.get(r.id) ?? []).map((o) => clashWarning({ delegationOrgId: r.delegation_org_id }, o)),
        ...(over.has(r.id) ? [over.get(r.id)!] : []),
      ];
      const delegates: Delegate[] = rows
        .map((r): Delegate => {
          const sameName = r.birth_date ? [] : findSamePerson({ id: r.id, personId: r.person_id, nameKey: r.name_key, birthDate: null, delegationOrgId: r.delegation_org_id }, keys).sameName;
          const rb = r.replaced_by_id ? byId.get(r.replaced_by_id) : undefined;
          const rp = r.replaces_id ? byId.get(r.replaces_id) : undefined;
          return {
            id: r.id,
            fullName: r.full_name,
            kind: r.kind,
            delegation: { id: r.delegation_org_id, name: r.delegation_name },
            personId: r.person_id,
            birthDate: r.birth_date,
            gender: r.gender,
            partyJoinDate: r.party_join_date,
            position: r.position,
            alternateRank: r.alternate_rank,
            votes: r.votes,
            fromElection: r.source_election_id !== null,
            summoned: isSummoned(toRegister(r)),
            notSummonedReason: r.not_summoned_reason,
            notSummonedNote: r.not_summoned_note,
            replacedBy: rb ? { id: rb.id, fullName: rb.full_name } : null,
            replaces: rp ? { id: rp.id, fullName: rp.full_name } : null,
            substitutionReason: (r.substitution_reason as Delegate['substitutionReason']) ?? null,
            substitutionNote: r.substitution_note,
            credentials: r.credentials,
            credentialsReason: r.credentials_reason,
            credentialsNote: r.credentials_note,
            credentialsChecks: r.credentials_checks,
            sameNameAs: sameName.map((s) => ({ id: s.id, delegation: s.delegation_name })),
            warnings: rowWarnings(r),
            badgeCode: secret ? badgeCode(secret, c.id, r.id) : null,
            sessionsAttended: sessionsOf.get(r.id) ?? [],
            note: r.note,
            editLock: editLocks({ fullName: r.full_name, replacedByName: rb?.full_name ?? null, replacesName: rp?.full_name ?? null, fromElection: r.source_election_id !== null, attended: sessionsOf.has(r.id) }),
            version: r.version,
          };
        })
        .sort(
          (a, b) =>
            viCollator.compare(a.delegation.id === c.org_id ? '' : a.delegation.name, b.delegation.id === c.org_id ? '' : b.delegation.name) ||
            kindOrder[a.kind] - kindOrder[b.kind] ||
            (a.kind === 'alternate' ? compareAlternates(toRegister(byId.get(a.id)!), toRegister(byId.get(b.id)!)) : 0) ||
            viCollator.compare(a.fullName, b.fullName),
        );
      const delegationIds = new Set<number>([...subs.map((s) => s.id), ...rows.map((r) => r.delegation_org_id)]);
      const orgName = new Map<number, string>([[c.org_id, c.org_name], ...subs.map((s) => [s.id, s.name] as [number, string]), ...rows.map((r) => [r.delegation_org_id, r.delegation_name] as [number, string])]);
      const delegations = [...delegationIds]
        .map((id) => {
          const mine = rows.filter((r) => r.delegation_org_id === id);
          return {
            org: { id, name: orgName.get(id) ?? String(id) },
            allocated: id === c.org_id ? null : (allocated.get(id) ?? null),
            officials: mine.filter((r) => r.kind === 'official' && r.replaces_id === null).length,
            alternates: mine.filter((r) => r.kind === 'alternate').length,
            summoned: mine.filter((r) => isSummoned(toRegister(r))).length,
          };
        })
        .sort((a, b) => viCollator.compare(a.org.id === c.org_id ? '' : a.org.name, b.org.id === c.org_id ? '' : b.org.name));
      const byKind: Record<string, number> = {};
      const creds: Record<string, number> = { pending: 0, accepted: 0, rejected: 0 };
      for (const d of delegates) {
        if (d.summoned) byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
        if (d.kind !== 'alternate' && !d.replacedBy && !d.notSummonedReason) creds[d.credentials] = (creds[d.credentials] ?? 0) + 1;
      }
      return {
        congress: { id: c.id, org: { id: c.org_id, name: c.org_name }, campaignId: c.campaign_id, form: c.form, status: c.status, plannedStart: c.planned_start, plannedEnd: c.planned_end },
        delegates,
        delegations,
        summary: {
          summoned: delegates.filter((d) => d.summoned).length,
          byKind,
          notSummoned: delegates.filter((d) => d.notSummonedReason !== null && d.kind !== 'alternate').length,
          replaced: delegates.filter((d) => d.replacedBy !== null).length,
          credentials: creds,
        },
        sessions: await delegatesRepo.sessions(db, c.id),
        canEdit,
      };
    },

    async addDelegate(actor: Actor, congressId: number, req: CreateDelegateRequest): Promise<DelegateSaved> {
      const input = createDelegateRequestSchema.parse(req);
      return db.transaction(async (tx) => {
        const c = await writeCongress(tx, actor, congressId);
        // One writer at a time per congress, so two clerks cannot register the same person at once.
        await tx.query('SELECT id FROM congresses WHERE id = $1 FOR UPDATE', [c.id]);
        const { id, warnings } = await insertDelegate(tx, c, input, actor);
        await auditDelegates(tx, actor, c, 'delegates.added', `Thêm đại biểu ${input.fullName} (${delegateKindLabels[input.kind]}) vào danh sách đại hội ${c.org_name}`, { ...input, warnings }, { type: 'delegate', id });
        return { id, version: 1, warnings };
      });
    },

    /**
     * Corrects a delegate's details after registration, with the checks of registration: one
     * person once per congress (refused, naming the other delegation), the delegation and kind
     * the rules allow, the version read. A substituted delegate is not edited; a change of kind
     * or delegation sends the credentials back to review.
     */
    async updateDelegate(actor: Actor, delegateId: number, req: UpdateDelegateRequest): Promise<DelegateSaved> {
      const input = updateDelegateRequestSchema.parse(req);
      return db.transaction(async (tx) => {
        const { d, c } = await loadDelegateForWrite(tx, actor, delegateId);
        await tx.query('SELECT id FROM congresses WHERE id = $1 FOR UPDATE', [c.id]);
        if (d.version !== input.version) fail('VERSION_CONFLICT');
        const replacedBy = d.replaced_by_id ? await delegatesRepo.delegate(tx, d.replaced_by_id) : undefined;
        const replaces = d.replaces_id ? await delegatesRepo.delegate(tx, d.replaces_id) : undefined;
        const attended = (await tx.query('SELECT 1 FROM delegate_attendance WHERE delegate_id = $1 LIMIT 1', [d.id])).rows.length > 0;
        const keep = <T>(given: T | undefined, current: T): T => (given === undefined ? current : given);
        const kind = input.kind ?? d.kind;
        const next = {
          fullName: input.fullName !== undefined ? input.fullName.replace(/\s+/g, ' ').trim() : d.full_name,
          kind,
          delegationOrgId: input.delegationOrgId ?? d.delegation_org_id,
          personId: keep(input.personId, d.person_id),
          birthDate: keep(input.birthDate, d.birth_date),
          gender: keep(input.gender, d.gender),
          partyJoinDate: keep(input.partyJoinDate, d.party_join_date),
          position: keep(input.position, d.position)?.trim() || null,
          // Leaving the alternates drops the rank, unless the request still sends one (refused by the rules).
          alternateRank: keep(input.alternateRank, kind === 'alternate' ? d.alternate_rank : null),
          votes: keep(input.votes, d.votes),
          note: keep(input.note, d.note)?.trim() || null,
        };
        const ctx = await delegationContext(tx, c);
        const verdict = checkDelegateEdit(
          {
            fullName: d.full_name,
            kind: d.kind,
            delegationOrgId: d.delegation_org_id,
            replacedByName: replacedBy?.full_name ?? (d.replaced_by_id ? '' : null),
            replacesName: replaces?.full_name ?? (d.replaces_id ? '' : null),
            fromElection: d.source_election_id !== null,
            attended,
            notSummonedReason: d.not_summoned_reason,
            credentials: d.credentials,
          },
          next,
          ctx,
        );
        if (!verdict.ok) return fieldFailure(verdict);
        const person = next.personId !== null ? await linkedPerson(tx, actor, next.personId) : null;
        const nameKey = foldVietnamese(next.fullName);
        const before = { id: d.id, personId: d.person_id, nameKey: d.name_key, birthDate: d.birth_date, delegationOrgId: d.delegation_org_id };
        const { warnings, duplicateOf, rows } = await checkRegisteredOnce(tx, c, { id: d.id, personId: next.personId, nameKey, birthDate: next.birthDate, delegationOrgId: next.delegationOrgId }, person, {
          before,
          selfHolds: holdsPlace(toSeated(d)),
        });
        // Into an official seat of a delegation (by kind or by delegation): within its allocated seats.
        if (d.replaces_id === null && (next.kind !== d.kind || next.delegationOrgId !== d.delegation_org_id)) {
          await checkSeats(tx, c, rows, { kind: next.kind, delegationOrgId: next.delegationOrgId, selfId: d.id }, false);
        }
        // A clash settled by the edit (another person now) lifts the arrival's exemption from the once-per-congress indexes.
        const duplicateOfId = d.duplicate_of_id !== null && duplicateOf === null ? null : d.duplicate_of_id;
        const orgNames = new Map<number, string>([[c.org_id, c.org_name], [d.delegation_org_id, d.delegation_name], ...(await delegatesRepo.subordinateOrgs(tx, c.org_id)).map((o) => [o.id, o.name] as [number, string])]);
        const changes = changedFields(d, next, (id) => orgNames.get(id) ?? String(id));
        if (changes.length === 0 && duplicateOfId === d.duplicate_of_id) return { id: d.id, version: d.version, warnings };
        const r = await tx.query<{ version: number }>(
          `UPDATE delegates SET full_name = $2, name_key = $3, kind = $4, delegation_org_id = $5, person_id = $6, birth_date = $7, gender = $8, party_join_date = $9,
                  position = $10, alternate_rank = $11, votes = $12, note = $13, duplicate_of_id = $15,
                  credentials = CASE WHEN $14 THEN 'pending' ELSE credentials END,
                  credentials_reason = CASE WHEN $14 THEN NULL ELSE credentials_reason END,
                  credentials_checks = CASE WHEN $14 THEN '{}'::jsonb ELSE credentials_checks END,
                  version = version + 1, updated_at = now()
            WHERE id = $1 RETURNING version`,
          [d.id, next.fullName, nameKey, next.kind, next.delegationOrgId, next.personId, next.birthDate, next.gender, next.partyJoinDate, next.position, next.alternateRank, next.votes, next.note, verdict.resetCredentials, duplicateOfId],
        );
        if (verdict.resetCredentials) warnings.push({ code: 'CREDENTIALS_RESET', field: 'kind', message: 'Đã đổi loại đại biểu hoặc đoàn đại biểu: tư cách đại biểu cần được thẩm tra lại.' });
        await auditDelegates(
          tx,
          actor,
          c,
          'delegates.edited',
          `Sửa thông tin đại biểu ${d.full_name}: ${changes.map((x) => `${x.label} ${x.from} → ${x.to}`).join('; ')}`.slice(0, 1000),
          { changes, credentialsReset: verdict.resetCredentials, warnings },
          { type: 'delegate', id: d.id },
        );
        return { id: d.id, version: r.rows[0]!.version, warnings };
      });
    },

    async setNotSummoned(actor: Actor, delegateId: number, input: z.output<typeof notSummonedRequestSchema>): Promise<void> {
      await db.transaction(async (tx) => {
        const { d, c } = await loadDelegateForWrite(tx, actor, delegateId);
        if (input.reason) {
          const r = checkNotSummoned(d.kind, input.reason);
          if (!r.ok) throw new DomainError(r.code as 'DELEGATE_REASON_NOT_APPLICABLE', r.message, [{ field: 'reason', code: r.code, message: r.message }]);
          if (d.replaced_by_id) fail('DELEGATE_INVALID', 'Đại biểu đã được thay thế.');
        }
        await tx.query(`UPDATE delegates SET not_summoned_reason = $2, not_summoned_note = $3, version = version + 1, updated_at = now() WHERE id = $1`, [d.id, input.reason, input.reason ? input.note?.trim() || null : null]);
        await auditDelegates(
          tx,
          actor,
          c,
          input.reason ? 'delegates.notSummoned' : 'delegates.summoned',
          input.reason ? `Không triệu tập ${d.full_name}: ${notSummonedLabels[input.reason]}` : `Triệu tập lại ${d.full_name}`,
          input,
          { type: 'delegate', id: d.id },
        );
      });
    },

    /** An alternate takes an absent official's place (QĐ 294 mục 11.4): the next in vote order of the same delegation. */
    async substitute(actor: Actor, delegateId: number, input: z.output<typeof substituteRequestSchema>): Promise<{ alternateId: number }> {
      return db.transaction(async (tx) => {
        const { d, c } = await loadDelegateForWrite(tx, actor, delegateId);
        await tx.query('SELECT id FROM congresses WHERE id = $1 FOR UPDATE', [c.id]);
        const delegation = (await delegatesRepo.delegates(tx, c.id)).filter((x) => x.delegation_org_id === d.delegation_org_id);
        const allocation = await delegatesRepo.allocation(tx, c.id);
        const allocatedSeats = allocation?.lines.find((l) => l.org_id === d.delegation_org_id)?.seats ?? null;
        const r = checkSubstitution({
          absent: toRegister(d),
          delegation: delegation.map(toRegister),
          alternateId: input.alternateId,
          allocatedSeats,
          electedOfficials: delegation.filter((x) => x.kind === 'official' && x.replaces_id === null).length,
        });
        if (!r.ok) throw new DomainError(r.code as 'SUBSTITUTION_NOT_ALLOWED', r.message);
        const alt = delegation.find((x) => x.id === r.alternate.id)!;
        await tx.query(`UPDATE delegates SET replaced_by_id = $2, substitution_reason = $3, substitution_note = $4, version = version + 1, updated_at = now() WHERE id = $1`, [d.id, alt.id, input.reason, input.note]);
        await tx.query(`UPDATE delegates SET kind = 'official', replaces_id = $2, substitution_reason = $3, substitution_note = $4, version = version + 1, updated_at = now() WHERE id = $1`, [alt.id, d.id, input.reason, input.note]);
        await auditDelegates(tx, actor, c, 'delegates.substituted', `Đại biểu dự khuyết ${alt.full_name} thay thế đại biểu chính thức ${d.full_name} (đoàn ${d.delegation_name}): ${substitutionLabels[input.reason]}`, { ...input, absentId: d.id, alternateId: alt.id }, { type: 'delegate', id: d.id });
        return { alternateId: alt.id };
      });
    },

    async decideCredentials(actor: Actor, delegateId: number, input: z.output<typeof credentialsRequestSchema>): Promise<void> {
      await db.transaction(async (tx) => {
        const { d, c } = await loadDelegateForWrite(tx, actor, delegateId);
        if (input.decision === 'rejected' && !input.reason) fail('CREDENTIALS_REASON_REQUIRED');
        if (input.decision === 'accepted') {
          const r = checkCredentialsDecision({ accept: true }, input.checks);
          if (!r.ok) throw new DomainError('CREDENTIALS_CHECKLIST_INCOMPLETE', r.message);
        }
        if (input.decision === 'rejected' && d.replaced_by_id) fail('DELEGATE_INVALID', 'Đại biểu đã được thay thế.');
        await tx.query(
          `UPDATE delegates SET credentials = $2, credentials_reason = $3, credentials_note = $4, credentials_checks = $5::jsonb, version = version + 1, updated_at = now() WHERE id = $1`,
          [d.id, input.decision, input.decision === 'rejected' ? input.reason : null, input.note?.trim() || null, JSON.stringify(input.checks)],
        );
        const what =
          input.decision === 'accepted' ? 'Công nhận tư cách đại biểu' : input.decision === 'rejected' ? `Không công nhận tư cách đại biểu (${rejectionLabels[input.reason!]})` : 'Thẩm tra tư cách đại biểu';
        await auditDelegates(tx, actor, c, `delegates.credentials.${input.decision}`, `${what}: ${d.full_name}`, input, { type: 'delegate', id: d.id });
      });
    },
  };
}

export type { DelegateRow };
