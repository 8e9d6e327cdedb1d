import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkQuorum, ruleSetFor } from '../elections/counting/index.ts';
import {
  checkCredentialsDecision,
  checkDelegateEdit,
  checkDelegationSeats,
  clashGroups,
  clashWarning,
  editClashes,
  overSeats,
  personClashes,
  samePersonAll,
  type SeatedDelegate,
  checkDelegation,
  checkNotSummoned,
  checkSubstitution,
  compareAlternates,
  denominatorFigures,
  type EditableDelegate,
  editLocks,
  findSamePerson,
  isSummoned,
  quorumFigures,
  type RegisterDelegate,
  registerWarnings,
} from './register-rules.ts';

let seq = 0;
const d = (over: Partial<RegisterDelegate> = {}): RegisterDelegate => ({
  id: ++seq,
  kind: 'official',
  delegationOrgId: 10,
  notSummonedReason: null,
  replacedById: null,
  credentials: 'pending',
  alternateRank: null,
  votes: null,
  partyJoinDate: null,
  ...over,
});

describe('who is summoned (R1.33)', () => {
  it('officials, ex-officio and appointed delegates; not alternates, not the excluded, not the replaced', () => {
    expect(isSummoned(d())).toBe(true);
    expect(isSummoned(d({ kind: 'exOfficio' }))).toBe(true);
    expect(isSummoned(d({ kind: 'appointed' }))).toBe(true);
    expect(isSummoned(d({ kind: 'alternate' }))).toBe(false);
    expect(isSummoned(d({ notSummonedReason: 'prosecuted' }))).toBe(false);
    expect(isSummoned(d({ replacedById: 99 }))).toBe(false);
    expect(isSummoned(d({ credentials: 'rejected' }))).toBe(false);
  });
  it('retirement and transfer out are cases of convening-committee members only', () => {
    expect(checkNotSummoned('exOfficio', 'retired')).toEqual({ ok: true });
    expect(checkNotSummoned('official', 'retired')).toMatchObject({ ok: false, code: 'DELEGATE_REASON_NOT_APPLICABLE' });
    expect(checkNotSummoned('official', 'transferredOut')).toMatchObject({ ok: false });
    expect(checkNotSummoned('official', 'suspended')).toEqual({ ok: true });
    expect(checkNotSummoned('exOfficio', 'irregularElection')).toMatchObject({ ok: false });
  });
});

describe('substitution by alternates (QĐ 294 mục 11.4)', () => {
  const delegation = () => {
    const absent = d({ kind: 'official' });
    const a2 = d({ kind: 'alternate', votes: 150, partyJoinDate: '1990-01-01' });
    const a1 = d({ kind: 'alternate', votes: 180 });
    return { absent, a1, a2, all: [absent, a1, a2] };
  };
  it('the alternate with the most votes goes first', () => {
    const { absent, a1, all } = delegation();
    const r = checkSubstitution({ absent, delegation: all, allocatedSeats: 1, electedOfficials: 1 });
    expect(r).toMatchObject({ ok: true, alternate: { id: a1.id } });
  });
  it('a tie in votes goes to the longer party membership', () => {
    const x = d({ kind: 'alternate', votes: 150, partyJoinDate: '2001-05-01' });
    const y = d({ kind: 'alternate', votes: 150, partyJoinDate: '1995-05-01' });
    expect([x, y].sort(compareAlternates).map((a) => a.id)).toEqual([y.id, x.id]);
  });
  it('refuses an alternate out of order, ex-officio members, rejected credentials and short delegations', () => {
    const { absent, a2, all } = delegation();
    expect(checkSubstitution({ absent, delegation: all, alternateId: a2.id, allocatedSeats: null, electedOfficials: 1 })).toMatchObject({ code: 'ALTERNATE_OUT_OF_ORDER' });
    expect(checkSubstitution({ absent: d({ kind: 'exOfficio' }), delegation: all, allocatedSeats: null, electedOfficials: 1 })).toMatchObject({ code: 'SUBSTITUTION_NOT_ALLOWED' });
    expect(checkSubstitution({ absent: { ...absent, credentials: 'rejected' }, delegation: all, allocatedSeats: null, electedOfficials: 1 })).toMatchObject({ code: 'SUBSTITUTION_NOT_ALLOWED' });
    const short = checkSubstitution({ absent, delegation: all, allocatedSeats: 3, electedOfficials: 2 });
    expect(short).toMatchObject({ code: 'SUBSTITUTION_NOT_ALLOWED' });
    expect(!short.ok && short.message).toContain('11.4.4 a');
    expect(checkSubstitution({ absent, delegation: [absent], allocatedSeats: null, electedOfficials: 1 })).toMatchObject({ code: 'NO_ALTERNATE_LEFT' });
  });
  it('the order of alternates is a total order whatever the input order', () => {
    const alt = fc.record({
      alternateRank: fc.option(fc.integer({ min: 1, max: 5 })),
      votes: fc.option(fc.integer({ min: 0, max: 300 })),
      partyJoinDate: fc.option(fc.constantFrom('1980-01-01', '1990-06-01', '2005-03-02')),
    });
    fc.assert(
      fc.property(fc.array(alt, { minLength: 1, maxLength: 8 }), (xs) => {
        const list = xs.map((x) => d({ kind: 'alternate', ...x }));
        const a = [...list].sort(compareAlternates).map((x) => x.id);
        const b = [...list].reverse().sort(compareAlternates).map((x) => x.id);
        expect(a).toEqual(b);
      }),
    );
  });
});

describe('credentials', () => {
  it('accepting needs every check; not accepting needs no ticks', () => {
    expect(checkCredentialsDecision({ accept: true }, { electedProperly: true, notSuspended: true })).toMatchObject({ ok: false, code: 'CREDENTIALS_CHECKLIST_INCOMPLETE' });
    expect(checkCredentialsDecision({ accept: true }, { electedProperly: true, notSuspended: true, notProsecuted: true, recordsComplete: true })).toEqual({ ok: true });
    expect(checkCredentialsDecision({ accept: false, reason: 'prosecuted' }, {})).toEqual({ ok: true });
  });
});

describe('the same person twice', () => {
  const reg = [
    { id: 1, personId: 7, nameKey: 'nguyen van an', birthDate: '1970-01-02', delegationOrgId: 10 },
    { id: 2, personId: null, nameKey: 'tran thi binh', birthDate: null, delegationOrgId: 11 },
  ];
  it('by the personnel record or by name and birth date; a bare name is a warning', () => {
    expect(findSamePerson({ personId: 7, nameKey: 'x', birthDate: null, delegationOrgId: 12 }, reg).same?.id).toBe(1);
    expect(findSamePerson({ personId: null, nameKey: 'nguyen van an', birthDate: '1970-01-02', delegationOrgId: 12 }, reg).same?.id).toBe(1);
    const w = findSamePerson({ personId: null, nameKey: 'tran thi binh', birthDate: null, delegationOrgId: 12 }, reg);
    expect(w.same).toBeNull();
    expect(w.sameName.map((e) => e.id)).toEqual([2]);
    expect(findSamePerson({ id: 1, personId: 7, nameKey: 'nguyen van an', birthDate: '1970-01-02', delegationOrgId: 10 }, reg).same).toBeNull();
  });
});

describe('the delegation a delegate sits in', () => {
  const ctx = { congressOrgId: 1, subordinateOrgIds: new Set([10, 11]) };
  it('officials and alternates in a subordinate organization; ex-officio and appointed default to the congress’ own', () => {
    expect(checkDelegation('official', 10, ctx)).toEqual({ ok: true, delegationOrgId: 10 });
    expect(checkDelegation('exOfficio', undefined, ctx)).toEqual({ ok: true, delegationOrgId: 1 });
    expect(checkDelegation('appointed', 11, ctx)).toEqual({ ok: true, delegationOrgId: 11 });
    expect(checkDelegation('official', undefined, ctx)).toMatchObject({ ok: false, code: 'DELEGATE_INVALID', field: 'delegationOrgId', detailCode: 'REQUIRED' });
    expect(checkDelegation('alternate', 1, ctx)).toMatchObject({ ok: false, detailCode: 'NOT_SUBORDINATE' });
    expect(checkDelegation('exOfficio', 99, ctx)).toMatchObject({ ok: false, detailCode: 'NOT_SUBORDINATE' });
  });
});

describe('editing a delegate after registration', () => {
  const ctx = { congressOrgId: 1, subordinateOrgIds: new Set([10, 11]) };
  const e = (over: Partial<EditableDelegate> = {}): EditableDelegate => ({
    fullName: 'Nguyễn Văn An',
    kind: 'official',
    delegationOrgId: 10,
    replacedByName: null,
    replacesName: null,
    fromElection: false,
    attended: false,
    notSummonedReason: null,
    credentials: 'pending',
    ...over,
  });
  const same = { kind: 'official' as const, delegationOrgId: 10, alternateRank: null };

  it('a substituted delegate is a closed record: nothing is edited, and the reason names the alternate', () => {
    const r = checkDelegateEdit(e({ replacedByName: 'Lê Văn Dự' }), same, ctx);
    expect(r).toMatchObject({ ok: false, code: 'DELEGATE_SUBSTITUTED' });
    expect(!r.ok && r.message).toContain('Lê Văn Dự');
    expect(editLocks(e({ replacedByName: 'Lê Văn Dự' })).all).toContain('đã được thay');
  });

  it('kind and delegation follow a substitution, an election result, or a check-in already counted; other details stay editable', () => {
    for (const [over, word] of [
      [{ replacesName: 'Trần Văn Bình' }, 'Trần Văn Bình'],
      [{ fromElection: true }, 'kết quả bầu cử'],
      [{ attended: true }, 'đã điểm danh'],
    ] as const) {
      expect(checkDelegateEdit(e(over), same, ctx)).toEqual({ ok: true, resetCredentials: false });
      const kind = checkDelegateEdit(e(over), { ...same, kind: 'exOfficio' }, ctx);
      expect(kind).toMatchObject({ ok: false, code: 'DELEGATE_EDIT_NOT_ALLOWED', field: 'kind' });
      expect(!kind.ok && kind.message).toContain(word);
      expect(checkDelegateEdit(e(over), { ...same, delegationOrgId: 11 }, ctx)).toMatchObject({ ok: false, field: 'delegationOrgId' });
    }
  });

  it('a new kind or delegation is checked as at registration, and R1.33 cases must still apply', () => {
    expect(checkDelegateEdit(e(), { ...same, kind: 'alternate', alternateRank: 2 }, ctx)).toEqual({ ok: true, resetCredentials: false });
    expect(checkDelegateEdit(e(), { ...same, alternateRank: 2 }, ctx)).toMatchObject({ ok: false, field: 'alternateRank' });
    expect(checkDelegateEdit(e({ kind: 'exOfficio', delegationOrgId: 1 }), { kind: 'official', delegationOrgId: 1, alternateRank: null }, ctx)).toMatchObject({ ok: false, detailCode: 'NOT_SUBORDINATE' });
    expect(checkDelegateEdit(e(), { ...same, delegationOrgId: 99 }, ctx)).toMatchObject({ ok: false, code: 'DELEGATE_INVALID' });
    // Retirement is a case of committee members only: an ex-officio member marked retired cannot become an official.
    expect(checkDelegateEdit(e({ kind: 'exOfficio', delegationOrgId: 10, notSummonedReason: 'retired' }), same, ctx)).toMatchObject({ ok: false, code: 'DELEGATE_REASON_NOT_APPLICABLE', field: 'kind' });
  });

  it('credentials reviewed for one seat are reviewed again after a change of kind or delegation, not after a name fix', () => {
    expect(checkDelegateEdit(e({ credentials: 'accepted' }), { ...same, delegationOrgId: 11 }, ctx)).toEqual({ ok: true, resetCredentials: true });
    expect(checkDelegateEdit(e({ credentials: 'accepted' }), same, ctx)).toEqual({ ok: true, resetCredentials: false });
    expect(checkDelegateEdit(e({ credentials: 'pending' }), { ...same, kind: 'appointed' }, ctx)).toEqual({ ok: true, resetCredentials: false });
  });

  it('warns of a bare name match only where a birth date is missing, and of a personnel record that differs', () => {
    const c = { nameKey: 'nguyen van an', birthDate: '1970-01-02' };
    expect(registerWarnings(c, [{ delegationName: 'Chi bộ 1', birthDate: '1971-05-05' }], null)).toEqual([]);
    const w = registerWarnings(c, [{ delegationName: 'Chi bộ 1', birthDate: null }], null);
    expect(w).toEqual([{ code: 'SAME_NAME', field: 'fullName', message: expect.stringContaining('đoàn Chi bộ 1') }]);
    const p = registerWarnings(c, [], { fullName: 'Nguyễn Văn Ân', nameKey: 'nguyen van an2', birthDate: '1970-02-01' });
    expect(p.map((x) => x.code)).toEqual(['PERSON_NAME_DIFFERS', 'PERSON_BIRTH_DIFFERS']);
    expect(p[1]!.message).toContain('01/02/1970');
    expect(registerWarnings(c, [], { fullName: 'Nguyễn Văn An', nameKey: 'nguyen van an', birthDate: '1970-01-02' })).toEqual([]);
  });
});

describe('quorum and denominator figures', () => {
  it('Ex 15 from a register: 300 summoned, 199 present fails, 200 passes; 45 organizations need 30', () => {
    const orgs = Array.from({ length: 45 }, (_, i) => 100 + i);
    const register = Array.from({ length: 300 }, (_, i) => d({ delegationOrgId: orgs[i % 45]! }));
    const alternates = [d({ kind: 'alternate', delegationOrgId: 100 })];
    const all = [...register, ...alternates];
    const subordinateOrgIds = new Set(orgs);
    const rules = ruleSetFor('2024');
    const present = (n: number) => new Set([...register.slice(0, n).map((x) => x.id), alternates[0]!.id]);
    const low = checkQuorum(quorumFigures(all, { presentIds: present(199), subordinateOrgIds }), rules);
    const high = checkQuorum(quorumFigures(all, { presentIds: present(200), subordinateOrgIds }), rules);
    expect(low.ok && low.value).toMatchObject({ ok: false, present: 199, presentNeeded: 200 });
    expect(high.ok && high.value).toMatchObject({ ok: true, present: 200, subordinateOrgs: { total: 45, withDelegatesPresent: 45, needed: 30 } });
    // Delegates of only 29 organizations present: the second condition fails.
    const few = new Set(register.filter((x) => orgs.indexOf(x.delegationOrgId) < 29).map((x) => x.id));
    const byOrgs = checkQuorum(quorumFigures(all, { presentIds: few, subordinateOrgIds }), rules);
    expect(byOrgs.ok && byOrgs.value.failures).toEqual(['SUBORDINATE_ORGS_BELOW_TWO_THIRDS']);
  });

  it('the denominator drops absent ex-officio members and absent officials not replaced; a replaced one is not summoned', () => {
    const ex = [d({ kind: 'exOfficio' }), d({ kind: 'exOfficio' })];
    const off = [d(), d(), d()];
    const promoted = d({ kind: 'official' });
    const replaced = d({ replacedById: promoted.id });
    const f = denominatorFigures([...ex, ...off, promoted, replaced], new Set([ex[0]!.id, off[0]!.id, promoted.id]));
    expect(f).toEqual({ summoned: 6, present: 3, convenerMembersAbsentWhole: 1, delegatesAbsentWholeNotReplaced: 2, replaced: 1, notSummoned: 0 });
  });

  it('present never exceeds summoned, whatever checked in', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ kind: fc.constantFrom('official', 'alternate', 'exOfficio', 'appointed' as const), here: fc.boolean(), out: fc.boolean() }), { maxLength: 60 }), (xs) => {
        const reg = xs.map((x) => d({ kind: x.kind, notSummonedReason: x.out ? 'suspended' : null }));
        const here = new Set(reg.filter((_, i) => xs[i]!.here).map((r) => r.id));
        const q = quorumFigures(reg, { presentIds: here, subordinateOrgIds: new Set([10]) });
        expect(q.present).toBeLessThanOrEqual(q.summoned);
        const f = denominatorFigures(reg, here);
        expect(f.present + f.convenerMembersAbsentWhole + f.delegatesAbsentWholeNotReplaced).toBe(f.summoned);
      }),
    );
  });
});

describe('one person elected in two delegations (an arrival kept, flagged)', () => {
  let n = 100;
  const s = (over: Partial<SeatedDelegate> = {}): SeatedDelegate => ({
    id: ++n,
    fullName: 'Nguyễn Văn An',
    kind: 'official',
    personId: null,
    nameKey: 'nguyen van an',
    birthDate: null,
    delegationOrgId: 10,
    delegationName: 'Đảng bộ huyện Móng Cái',
    notSummonedReason: null,
    replacedById: null,
    credentials: 'pending',
    ...over,
  });

  it('the same personnel record, or name and birth date, in two places is a clash on both rows; a bare name is not', () => {
    const a = s({ personId: 7 });
    const b = s({ personId: 7, delegationOrgId: 11, delegationName: 'Đảng bộ huyện Đầm Hà' });
    const c = s({ birthDate: '1970-01-02', delegationOrgId: 12, delegationName: 'Đảng bộ huyện Bình Liêu' });
    const d2 = s({ birthDate: '1970-01-02', delegationOrgId: 11, delegationName: 'Đảng bộ huyện Đầm Hà' });
    const namesake = s({ delegationOrgId: 12 });
    const clashes = personClashes([a, b, c, d2, namesake]);
    expect(clashes.get(a.id)?.map((x) => x.id)).toEqual([b.id]);
    expect(clashes.get(b.id)?.map((x) => x.id)).toEqual([a.id]);
    expect(clashes.get(c.id)?.map((x) => x.id)).toEqual([d2.id]);
    expect(clashes.has(namesake.id)).toBe(false);
    expect(clashGroups([a, b, c, d2, namesake]).map((g) => g.map((x) => x.id))).toEqual([
      [a.id, b.id],
      [c.id, d2.id],
    ]);
  });

  it('is settled once all but one place are given up: not summoned, replaced, or credentials refused', () => {
    const a = s({ personId: 7 });
    for (const settled of [{ notSummonedReason: 'irregularElection' as const }, { replacedById: 999 }, { credentials: 'rejected' as const }]) {
      expect(personClashes([a, s({ personId: 7, delegationOrgId: 11, ...settled })]).size).toBe(0);
    }
    // An alternate place counts: a person is an official here and an alternate there.
    expect(personClashes([a, s({ personId: 7, kind: 'alternate', delegationOrgId: 11 })]).size).toBe(2);
  });

  it('finds exactly the pairs the definition does (one person: same record, or same name and birth date)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ personId: fc.option(fc.integer({ min: 1, max: 4 })), name: fc.constantFrom('a', 'b'), birth: fc.option(fc.constantFrom('1970-01-01', '1971-01-01')), out: fc.boolean() }), { maxLength: 25 }),
        (xs) => {
          const rows = xs.map((x) => s({ personId: x.personId, nameKey: x.name, birthDate: x.birth, notSummonedReason: x.out ? 'suspended' : null }));
          const clashes = personClashes(rows);
          for (const r of rows) {
            const expected = r.notSummonedReason ? [] : rows.filter((o) => o.id !== r.id && !o.notSummonedReason && samePersonAll(r, [o]).length > 0).map((o) => o.id);
            expect((clashes.get(r.id) ?? []).map((o) => o.id).sort()).toEqual(expected.sort());
          }
        },
      ),
    );
  });

  it('the row says who and where', () => {
    const other = s({ fullName: 'Nguyễn Văn An', birthDate: '1970-01-02', delegationOrgId: 11, delegationName: 'Đảng bộ huyện Đầm Hà' });
    const w = clashWarning({ delegationOrgId: 10 }, other);
    expect(w.code).toBe('DUPLICATE_PERSON');
    expect(w.message).toMatch(/^Trùng với đại biểu Nguyễn Văn An \(sinh ngày 02\/01\/1970\) trong đoàn Đảng bộ huyện Đầm Hà \(chính thức\)\. /);
    expect(clashWarning({ delegationOrgId: 11 }, other).message).toContain('trong cùng đoàn này');
  });

  it('an edit keeps the clash the register already shows, and may not bring a new one', () => {
    const a = s({ personId: 7 });
    const b = s({ personId: 7, delegationOrgId: 11 });
    const other = s({ personId: 8, nameKey: 'tran thi binh', birthDate: '1975-03-02' });
    const reg = [a, b, other];
    // b (the flagged arrival) gets a note: still the same person as a, known.
    expect(editClashes(b, b, reg)).toEqual({ known: [a], fresh: [] });
    // b made into Trần Thị Bình's record: a new clash.
    expect(editClashes(b, { ...b, personId: 8 }, reg).fresh).toEqual([other]);
    // b corrected to another person altogether: no clash left.
    expect(editClashes(b, { ...b, personId: 9, nameKey: 'le van cuong' }, reg)).toEqual({ known: [], fresh: [] });
  });
});

describe('a delegation’s allocated seats', () => {
  it('an official beyond the seats is refused with the numbers; other kinds and no allocation are not limited', () => {
    expect(checkDelegationSeats({ kind: 'official', seats: 2, officials: 1, delegationName: 'Đảng bộ huyện Móng Cái' })).toEqual({ ok: true });
    expect(checkDelegationSeats({ kind: 'official', seats: 2, officials: 2, delegationName: 'Đảng bộ huyện Móng Cái' })).toEqual({
      ok: false,
      code: 'DELEGATION_SEATS_FULL',
      field: 'delegationOrgId',
      detailCode: 'DELEGATION_SEATS_FULL',
      message: 'Đoàn Đảng bộ huyện Móng Cái được phân bổ 2 đại biểu chính thức, đã có 2.',
    });
    expect(checkDelegationSeats({ kind: 'official', seats: 0, officials: 0, delegationName: 'X' }).ok).toBe(false);
    for (const kind of ['alternate', 'exOfficio', 'appointed'] as const) expect(checkDelegationSeats({ kind, seats: 2, officials: 5, delegationName: 'X' })).toEqual({ ok: true });
    expect(checkDelegationSeats({ kind: 'official', seats: null, officials: 50, delegationName: 'X' })).toEqual({ ok: true });
  });

  it('flags the officials registered last beyond the seats; promoted alternates hold a replaced seat and do not count', () => {
    const row = (id: number, over: Partial<{ kind: 'official' | 'alternate'; replacesId: number | null; delegationOrgId: number }> = {}) => ({
      id,
      kind: 'official' as 'official' | 'alternate',
      replacesId: null,
      delegationOrgId: 10,
      delegationName: 'Đảng bộ huyện Móng Cái',
      ...over,
    });
    const rows = [row(3), row(1), row(2), row(4, { replacesId: 1 }), row(5, { kind: 'alternate' }), row(6, { delegationOrgId: 11 })];
    const over = overSeats(rows, new Map([[10, 2], [11, 1]]));
    expect([...over.keys()]).toEqual([3]);
    expect(over.get(3)).toEqual({ code: 'DELEGATION_OVER_SEATS', field: 'delegationOrgId', message: 'Vượt số được phân bổ: Đoàn Đảng bộ huyện Móng Cái được phân bổ 2 đại biểu chính thức, đã có 3.' });
    expect(overSeats(rows, new Map()).size).toBe(0);
  });
});
