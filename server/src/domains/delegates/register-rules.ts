// The register of a delegates' congress: who is summoned, substitutions by alternates,
// credentials, and the figures the quorum and the elections' denominators are made of.
// Sources: Charter Đ11 K3–K6, HD 04-HD/TW 2024 (R1.33), QĐ 294-QĐ/TW mục 11.4 (§9 of
// election-rules.md, which overrides the earlier [U] defaults).

import {
  type CredentialCheck,
  credentialCheckLabels,
  credentialChecks,
  type DelegateKind,
  type DelegateWarning,
  type NotSummonedReason,
  delegateKindLabels,
  type RejectionReason,
} from '../../../../shared/src/contracts/delegates.ts';
import { formatDateVi } from '../../../../shared/src/format.ts';

export type { CredentialCheck, DelegateKind, NotSummonedReason, RejectionReason };

export type RegisterDelegate = {
  id: number;
  kind: DelegateKind;
  delegationOrgId: number;
  notSummonedReason: NotSummonedReason | null;
  replacedById: number | null;
  credentials: 'pending' | 'accepted' | 'rejected';
  alternateRank: number | null;
  votes: number | null;
  partyJoinDate: string | null;
};

export type RuleFailure = { ok: false; code: string; message: string };
export type RuleOk = { ok: true };

/**
 * Summoned (được triệu tập): holds a voting seat, was not excluded by R1.33, was not replaced,
 * and the congress did not refuse the credentials (Charter Đ11 K5). Alternates only once promoted.
 */
export function isSummoned(d: Pick<RegisterDelegate, 'kind' | 'notSummonedReason' | 'replacedById' | 'credentials'>): boolean {
  return d.kind !== 'alternate' && d.notSummonedReason === null && d.replacedById === null && d.credentials !== 'rejected';
}

export function checkNotSummoned(kind: DelegateKind, reason: NotSummonedReason): RuleOk | RuleFailure {
  if ((reason === 'retired' || reason === 'transferredOut') && kind !== 'exOfficio') {
    return {
      ok: false,
      code: 'DELEGATE_REASON_NOT_APPLICABLE',
      message: 'Nghỉ hưu hoặc chuyển công tác ra ngoài đảng bộ chỉ là trường hợp không triệu tập đối với cấp ủy viên cấp triệu tập đại hội; đại biểu do đại hội cấp dưới bầu chuyển đi thì thay bằng đại biểu dự khuyết.',
    };
  }
  if (reason === 'irregularElection' && kind !== 'official' && kind !== 'alternate') {
    return { ok: false, code: 'DELEGATE_REASON_NOT_APPLICABLE', message: 'Chỉ đại biểu do đại hội cấp dưới bầu mới có thể "được bầu không đúng nguyên tắc, thủ tục".' };
  }
  return { ok: true };
}

/** The order in which a delegation's alternates are promoted (QĐ 294 mục 11.4.2): votes, then the longer party age. */
export function compareAlternates(a: RegisterDelegate, b: RegisterDelegate): number {
  // Key by key, an unknown value after every known one: a total order whatever is filled in.
  const byKey = <T>(x: T | null, y: T | null, cmp: (x: T, y: T) => number) => (x === null ? (y === null ? 0 : 1) : y === null ? -1 : cmp(x, y));
  return (
    byKey(a.alternateRank, b.alternateRank, (x, y) => x - y) ||
    byKey(a.votes, b.votes, (x, y) => y - x) ||
    byKey(a.partyJoinDate, b.partyJoinDate, (x, y) => (x < y ? -1 : x > y ? 1 : 0)) ||
    a.id - b.id
  );
}

export type SubstitutionInput = {
  absent: RegisterDelegate;
  /** Every delegate of the absent one's delegation in this congress. */
  delegation: readonly RegisterDelegate[];
  /** The alternate chosen; the next in order when omitted. */
  alternateId?: number;
  /** The delegation's allocated seats, when an allocation exists. */
  allocatedSeats: number | null;
  /** Officials the lower congress elected (promotions excluded). */
  electedOfficials: number;
};

/** QĐ 294 mục 11.4.2–11.4.4: whether, and by whom, the absent official may be replaced. */
export function checkSubstitution(input: SubstitutionInput): { ok: true; alternate: RegisterDelegate } | RuleFailure {
  const { absent } = input;
  const no = (code: string, message: string): RuleFailure => ({ ok: false, code, message });
  if (absent.kind === 'exOfficio') return no('SUBSTITUTION_NOT_ALLOWED', 'Không cử đại biểu dự khuyết thay thế cấp ủy viên cấp triệu tập đại hội (QĐ 294 mục 11.4.4 b).');
  if (absent.kind === 'appointed') return no('SUBSTITUTION_NOT_ALLOWED', 'Đại biểu được chỉ định không có đại biểu dự khuyết thay thế.');
  if (absent.kind !== 'official') return no('SUBSTITUTION_NOT_ALLOWED', 'Chỉ thay thế đại biểu chính thức.');
  if (absent.replacedById !== null) return no('SUBSTITUTION_NOT_ALLOWED', 'Đại biểu này đã được thay thế.');
  if (absent.credentials === 'rejected') return no('SUBSTITUTION_NOT_ALLOWED', 'Không cử đại biểu dự khuyết thay thế đại biểu bị bác tư cách (QĐ 294 mục 11.4.4 c).');
  if (input.allocatedSeats !== null && input.electedOfficials < input.allocatedSeats) {
    return no(
      'SUBSTITUTION_NOT_ALLOWED',
      `Đại hội cấp dưới bầu ${input.electedOfficials} đại biểu chính thức, chưa đủ ${input.allocatedSeats} được phân bổ: không cử đại biểu dự khuyết thay thế (QĐ 294 mục 11.4.4 a).`,
    );
  }
  const waiting = input.delegation.filter((d) => d.kind === 'alternate' && d.notSummonedReason === null && d.credentials !== 'rejected').sort(compareAlternates);
  const next = waiting[0];
  if (!next) return no('NO_ALTERNATE_LEFT', 'Đoàn đại biểu không còn đại biểu dự khuyết để thay thế.');
  if (input.alternateId !== undefined && input.alternateId !== next.id) {
    return no('ALTERNATE_OUT_OF_ORDER', 'Đại biểu dự khuyết được chuyển thành chính thức theo thứ tự số phiếu bầu từ cao xuống thấp (QĐ 294 mục 11.4.2): phải chọn người đứng đầu danh sách dự khuyết.');
  }
  return { ok: true, alternate: next };
}

export type CredentialsDecision = { accept: true } | { accept: false; reason: RejectionReason };

export function checkCredentialsDecision(d: CredentialsDecision, checks: Partial<Record<CredentialCheck, boolean>>): RuleOk | RuleFailure {
  if (d.accept) {
    const missing = credentialChecks.filter((c) => checks[c] !== true);
    if (missing.length > 0) {
      return { ok: false, code: 'CREDENTIALS_CHECKLIST_INCOMPLETE', message: `Chưa thẩm tra xong: ${missing.map((c) => credentialCheckLabels[c]).join('; ')}.` };
    }
  }
  return { ok: true };
}

export type PersonKey = { id?: number; personId: number | null; nameKey: string; birthDate: string | null; delegationOrgId: number };

/** One person: the same personnel record, or the same folded name and date of birth. */
export function isSamePerson(a: Omit<PersonKey, 'delegationOrgId'>, b: Omit<PersonKey, 'delegationOrgId'>): boolean {
  return (a.personId !== null && a.personId === b.personId) || (a.birthDate !== null && a.birthDate === b.birthDate && a.nameKey === b.nameKey);
}

/** Every other entry of the register that is the candidate's person, those matched by the personnel record first. */
export function samePersonAll<T extends PersonKey>(candidate: PersonKey, existing: readonly T[]): T[] {
  const others = existing.filter((e) => e.id === undefined || e.id !== candidate.id);
  const byRecord = others.filter((e) => candidate.personId !== null && e.personId === candidate.personId);
  return [...byRecord, ...others.filter((e) => !byRecord.includes(e) && isSamePerson(candidate, e))];
}

/**
 * The same person already in the register: by the personnel record, or by folded name and
 * date of birth. A bare name match is only a warning — two comrades may share a name.
 */
export function findSamePerson<T extends PersonKey>(candidate: PersonKey, existing: readonly T[]): { same: T | null; sameName: T[] } {
  const same = samePersonAll(candidate, existing)[0] ?? null;
  const others = existing.filter((e) => e.id === undefined || e.id !== candidate.id);
  const sameName = same ? [] : others.filter((e) => e.nameKey === candidate.nameKey);
  return { same, sameName };
}

/**
 * What an edit may keep and what it may not bring: a clash the register already shows (an
 * elected arrival kept beside the person's other seat) stays, flagged; a new one is refused.
 */
export function editClashes<T extends PersonKey & { id: number }>(before: PersonKey, after: PersonKey, existing: readonly T[]): { known: T[]; fresh: T[] } {
  const was = new Set(samePersonAll(before, existing).map((e) => e.id));
  const now = samePersonAll(after, existing);
  return { known: now.filter((e) => was.has(e.id)), fresh: now.filter((e) => !was.has(e.id)) };
}

export type SeatedDelegate = PersonKey & {
  id: number;
  fullName: string;
  kind: DelegateKind;
  delegationName: string;
  notSummonedReason: NotSummonedReason | null;
  replacedById: number | null;
  credentials: 'pending' | 'accepted' | 'rejected';
};

/** Still holds a place in a delegation: not excluded (R1.33), not replaced, credentials not refused. Alternates too. */
export const holdsPlace = (d: Pick<SeatedDelegate, 'notSummonedReason' | 'replacedById' | 'credentials'>) => d.notSummonedReason === null && d.replacedById === null && d.credentials !== 'rejected';

/**
 * One person holding places in the register twice (an elected arrival kept beside the person's
 * other seat): for each such delegate, the others. Settled once all but one are not summoned,
 * replaced, or refused by the credentials review.
 */
export function personClashes<T extends SeatedDelegate>(rows: readonly T[]): Map<number, T[]> {
  // Grouped by record and by name and birth date: a register of thousands is read on every page load.
  const byRecord = new Map<number, T[]>();
  const byNameBirth = new Map<string, T[]>();
  const add = <K>(m: Map<K, T[]>, k: K, r: T) => m.set(k, [...(m.get(k) ?? []), r]);
  const holding = rows.filter(holdsPlace);
  for (const r of holding) {
    if (r.personId !== null) add(byRecord, r.personId, r);
    if (r.birthDate !== null) add(byNameBirth, `${r.nameKey}|${r.birthDate}`, r);
  }
  const out = new Map<number, T[]>();
  for (const r of holding) {
    const a = r.personId !== null ? (byRecord.get(r.personId) ?? []) : [];
    const b = r.birthDate !== null ? (byNameBirth.get(`${r.nameKey}|${r.birthDate}`) ?? []) : [];
    const others = [...new Set([...a, ...b])].filter((o) => o.id !== r.id);
    if (others.length) out.set(r.id, others);
  }
  return out;
}

/** The clashes as groups of one person's entries (each group at least two), in the register's order of ids. */
export function clashGroups<T extends SeatedDelegate>(rows: readonly T[]): T[][] {
  const clashes = personClashes(rows);
  const seen = new Set<number>();
  const groups: T[][] = [];
  for (const r of [...rows].sort((a, b) => a.id - b.id)) {
    if (seen.has(r.id) || !clashes.has(r.id)) continue;
    const group = [r, ...clashes.get(r.id)!].sort((a, b) => a.id - b.id);
    for (const g of group) seen.add(g.id);
    groups.push(group);
  }
  return groups;
}

/** The warning on a delegate's row: who else in the register is the same person, and where. */
export function clashWarning(self: Pick<SeatedDelegate, 'delegationOrgId'>, other: Pick<SeatedDelegate, 'fullName' | 'kind' | 'delegationOrgId' | 'delegationName' | 'birthDate'>): DelegateWarning {
  const where = other.delegationOrgId === self.delegationOrgId ? 'trong cùng đoàn này' : `trong đoàn ${other.delegationName}`;
  return {
    code: 'DUPLICATE_PERSON',
    field: 'fullName',
    message: `Trùng với đại biểu ${other.fullName}${other.birthDate ? ` (sinh ngày ${formatDateVi(other.birthDate)})` : ''} ${where} (${delegateKindLabels[other.kind].replace(/ \(.*\)$/, '').toLowerCase()}). Một người chỉ thuộc một đoàn đại biểu: xác định đoàn đúng, không triệu tập hoặc không công nhận tư cách ở đoàn kia.`,
  };
}

// ---- Seats of a delegation ----

/** Officials the lower congress sent for their delegation's seats (a promoted alternate holds a replaced official's seat). */
export const countsForSeats = (d: { kind: DelegateKind; replacesId: number | null }) => d.kind === 'official' && d.replacesId === null;

export const seatsMessage = (delegationName: string, seats: number, officials: number) => `Đoàn ${delegationName} được phân bổ ${seats} đại biểu chính thức, đã có ${officials}.`;

/**
 * An official registered by hand, or moved into a delegation, beyond the seats its allocation
 * gives. Only officials are counted: ex-officio, appointed and alternates hold no allocated seat.
 * `seats` null: no allocation saved (or none for this organization), nothing to check against.
 */
export function checkDelegationSeats(x: { kind: DelegateKind; seats: number | null; officials: number; delegationName: string }): RuleOk | FieldFailure {
  if (x.kind !== 'official' || x.seats === null || x.officials < x.seats) return { ok: true };
  return { ok: false, code: 'DELEGATION_SEATS_FULL', field: 'delegationOrgId', detailCode: 'DELEGATION_SEATS_FULL', message: seatsMessage(x.delegationName, x.seats, x.officials) };
}

/**
 * Officials beyond their delegation's allocated seats (elected arrivals are kept, not refused, and
 * a saved allocation may later give fewer seats): the ones registered last, each with the warning.
 */
export function overSeats<T extends { id: number; kind: DelegateKind; replacesId: number | null; delegationOrgId: number; delegationName: string }>(
  rows: readonly T[],
  seatsOf: ReadonlyMap<number, number>,
): Map<number, DelegateWarning> {
  const out = new Map<number, DelegateWarning>();
  const byDelegation = new Map<number, T[]>();
  for (const r of rows) if (countsForSeats(r)) byDelegation.set(r.delegationOrgId, [...(byDelegation.get(r.delegationOrgId) ?? []), r]);
  for (const [orgId, officials] of byDelegation) {
    const seats = seatsOf.get(orgId);
    if (seats === undefined || officials.length <= seats) continue;
    const sorted = [...officials].sort((a, b) => a.id - b.id);
    for (const r of sorted.slice(seats)) {
      out.set(r.id, { code: 'DELEGATION_OVER_SEATS', field: 'delegationOrgId', message: `Vượt số được phân bổ: ${seatsMessage(r.delegationName, seats, officials.length)}` });
    }
  }
  return out;
}

export type Attendance = {
  /** Delegates checked in at the session being checked. */
  presentIds: ReadonlySet<number>;
  /** Subordinate organizations that send delegations (the allocation's, or the direct children). */
  subordinateOrgIds: ReadonlySet<number>;
};

/** The figures of Charter Đ11 K6 for one session: summoned, present, organizations with a delegate present. */
export function quorumFigures(register: readonly RegisterDelegate[], a: Attendance) {
  const summoned = register.filter(isSummoned);
  const present = summoned.filter((d) => a.presentIds.has(d.id));
  const orgsPresent = new Set(present.map((d) => d.delegationOrgId).filter((o) => a.subordinateOrgIds.has(o)));
  return {
    summoned: summoned.length,
    present: present.length,
    subordinateOrgs: { total: a.subordinateOrgIds.size, withDelegatesPresent: orgsPresent.size },
  };
}

/**
 * What an election of this congress takes for its denominator (R1.18, QĐ 294 mục 11.4.4):
 * those summoned; ex-officio members absent for the whole congress; officials absent for
 * the whole congress and not replaced (a replaced one is not summoned: the alternate holds the seat).
 */
export function denominatorFigures(register: readonly RegisterDelegate[], attendedAnySession: ReadonlySet<number>) {
  const summoned = register.filter(isSummoned);
  const absent = summoned.filter((d) => !attendedAnySession.has(d.id));
  return {
    summoned: summoned.length,
    present: summoned.length - absent.length,
    convenerMembersAbsentWhole: absent.filter((d) => d.kind === 'exOfficio').length,
    delegatesAbsentWholeNotReplaced: absent.filter((d) => d.kind !== 'exOfficio').length,
    replaced: register.filter((d) => d.replacedById !== null).length,
    notSummoned: register.filter((d) => d.notSummonedReason !== null && d.kind !== 'alternate').length,
  };
}

// ---- The delegation a delegate sits in, and edits after registration ----

/** A refusal that names the field it is about, so the form can show it there. */
export type FieldFailure = RuleFailure & { field: string; detailCode: string };

export type DelegationContext = { congressOrgId: number; subordinateOrgIds: ReadonlySet<number> };

const sitsInOwnDelegation = (kind: DelegateKind) => kind === 'exOfficio' || kind === 'appointed';

/**
 * Officials and alternates are elected by a lower congress: their delegation is a directly
 * subordinate organization. Ex-officio and appointed delegates may sit in the congress' own
 * delegation (the default) or in a subordinate one.
 */
export function checkDelegation(kind: DelegateKind, delegationOrgId: number | undefined, ctx: DelegationContext): { ok: true; delegationOrgId: number } | FieldFailure {
  const orgId = delegationOrgId ?? (sitsInOwnDelegation(kind) ? ctx.congressOrgId : undefined);
  if (orgId === undefined) {
    return { ok: false, code: 'DELEGATE_INVALID', field: 'delegationOrgId', detailCode: 'REQUIRED', message: 'Đại biểu do đại hội cấp dưới bầu phải thuộc đoàn đại biểu của một tổ chức đảng trực thuộc.' };
  }
  if (!ctx.subordinateOrgIds.has(orgId) && !(orgId === ctx.congressOrgId && sitsInOwnDelegation(kind))) {
    return { ok: false, code: 'DELEGATE_INVALID', field: 'delegationOrgId', detailCode: 'NOT_SUBORDINATE', message: 'Đoàn đại biểu phải là một tổ chức đảng trực thuộc của đảng bộ triệu tập đại hội.' };
  }
  return { ok: true, delegationOrgId: orgId };
}

export type EditableDelegate = {
  fullName: string;
  kind: DelegateKind;
  delegationOrgId: number;
  /** The alternate who took this delegate's place, when substituted. */
  replacedByName: string | null;
  /** A promoted alternate: holds the seat of the official it replaced. */
  replacesName: string | null;
  /** Arrived from a lower congress' election results. */
  fromElection: boolean;
  /** Checked in at one session at least. */
  attended: boolean;
  notSummonedReason: NotSummonedReason | null;
  credentials: 'pending' | 'accepted' | 'rejected';
};

/**
 * What an edit may not touch, with the reason shown to the clerk. A substituted delegate is a
 * closed record (the substitution is what the congress acts on). Kind and delegation follow a
 * substitution, an election's result, or the check-in already counted for the quorum.
 */
export function editLocks(d: Pick<EditableDelegate, 'fullName' | 'replacedByName' | 'replacesName' | 'fromElection' | 'attended'>): { all: string | null; kindAndDelegation: string | null } {
  if (d.replacedByName !== null) {
    return { all: `Đồng chí ${d.fullName} đã được thay bằng đại biểu dự khuyết ${d.replacedByName}: không sửa thông tin của đại biểu đã được thay thế.`, kindAndDelegation: null };
  }
  const kindAndDelegation =
    d.replacesName !== null
      ? `Đồng chí ${d.fullName} là đại biểu dự khuyết đã thay thế đồng chí ${d.replacesName}: loại đại biểu và đoàn đại biểu giữ theo lần thay thế.`
      : d.fromElection
        ? `Đồng chí ${d.fullName} do đại hội cấp dưới bầu: loại đại biểu và đoàn đại biểu theo kết quả bầu cử.`
        : d.attended
          ? `Đồng chí ${d.fullName} đã điểm danh: không đổi loại đại biểu, đoàn đại biểu (số có mặt và số tổ chức có đại biểu dự đã được tính).`
          : null;
  return { all: null, kindAndDelegation };
}

export type EditTarget = { kind: DelegateKind; delegationOrgId: number; alternateRank: number | null };

/**
 * Whether an edit of kind and delegation is allowed (R1.33 and QĐ 294 as at registration), and
 * whether the credentials review starts again: it was about another seat.
 */
export function checkDelegateEdit(before: EditableDelegate, after: EditTarget, ctx: DelegationContext): { ok: true; resetCredentials: boolean } | FieldFailure {
  const locks = editLocks(before);
  if (locks.all) return { ok: false, code: 'DELEGATE_SUBSTITUTED', field: 'fullName', detailCode: 'DELEGATE_SUBSTITUTED', message: locks.all };
  const kindChanged = after.kind !== before.kind;
  const delegationChanged = after.delegationOrgId !== before.delegationOrgId;
  if ((kindChanged || delegationChanged) && locks.kindAndDelegation) {
    const field = kindChanged ? 'kind' : 'delegationOrgId';
    return { ok: false, code: 'DELEGATE_EDIT_NOT_ALLOWED', field, detailCode: 'LOCKED', message: locks.kindAndDelegation };
  }
  if (after.kind !== 'alternate' && after.alternateRank !== null) {
    return { ok: false, code: 'DELEGATE_INVALID', field: 'alternateRank', detailCode: 'NOT_ALTERNATE', message: 'Chỉ đại biểu dự khuyết có thứ tự dự khuyết.' };
  }
  if (kindChanged || delegationChanged) {
    const d = checkDelegation(after.kind, after.delegationOrgId, ctx);
    if (!d.ok) return d;
  }
  if (kindChanged && before.notSummonedReason) {
    const r = checkNotSummoned(after.kind, before.notSummonedReason);
    if (!r.ok) return { ...r, field: 'kind', detailCode: r.code };
  }
  return { ok: true, resetCredentials: (kindChanged || delegationChanged) && before.credentials !== 'pending' };
}

/**
 * Warnings, never refusals: another delegate of the same name where a birth date is missing on
 * one side (two comrades may share a name), and a personnel record whose name or birth date differs.
 */
export function registerWarnings(
  candidate: { nameKey: string; birthDate: string | null },
  sameName: readonly { delegationName: string; birthDate: string | null }[],
  person: { fullName: string; nameKey: string; birthDate: string | null } | null,
): DelegateWarning[] {
  const out: DelegateWarning[] = [];
  for (const s of sameName) {
    if (candidate.birthDate !== null && s.birthDate !== null) continue; // both dated and different: two people
    out.push({ code: 'SAME_NAME', field: 'fullName', message: `Trùng họ tên với một đại biểu đoàn ${s.delegationName} (không đủ ngày sinh để phân biệt): kiểm tra lại.` });
  }
  if (person) {
    if (person.nameKey !== candidate.nameKey) out.push({ code: 'PERSON_NAME_DIFFERS', field: 'fullName', message: `Họ tên khác hồ sơ cán bộ được liên kết (${person.fullName}).` });
    if (person.birthDate !== null && candidate.birthDate !== null && person.birthDate !== candidate.birthDate) {
      out.push({ code: 'PERSON_BIRTH_DIFFERS', field: 'birthDate', message: `Ngày sinh khác hồ sơ cán bộ được liên kết (${formatDateVi(person.birthDate)}).` });
    }
  }
  return out;
}
