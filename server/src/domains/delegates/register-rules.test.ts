import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkQuorum, ruleSetFor } from '../elections/counting/index.ts';
import {
  checkCredentialsDecision,
  checkNotSummoned,
  checkSubstitution,
  compareAlternates,
  denominatorFigures,
  findSamePerson,
  isSummoned,
  quorumFigures,
  type RegisterDelegate,
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
