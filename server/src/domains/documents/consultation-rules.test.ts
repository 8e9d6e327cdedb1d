import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkAssign, checkPublicSubmission, checkRollUp, consultationState, defaultPublicFormSettings, duplicateKey, mayCommentAsMember, mayCommentAsOrg, rolledUpCount } from './consultation-rules.ts';

const opensAt = new Date('2020-05-01T01:00:00Z');
const closesAt = new Date('2020-05-31T10:00:00Z');

describe('the window of a consultation', () => {
  it('is not open before, open during, closed from the closing instant', () => {
    expect(consultationState({ opensAt, closesAt }, new Date('2020-04-30T00:00:00Z'))).toBe('notOpen');
    expect(consultationState({ opensAt, closesAt }, opensAt)).toBe('open');
    expect(consultationState({ opensAt, closesAt }, new Date(closesAt.getTime() - 1))).toBe('open');
    expect(consultationState({ opensAt, closesAt }, closesAt)).toBe('closed');
  });
});

describe('who may comment', () => {
  it('members of the audience subtree; organizers for units in both audience and scope', () => {
    expect(mayCommentAsMember({ path: '1.2', members: true }, '1.2.7')).toBe(true);
    expect(mayCommentAsMember({ path: '1.2', members: true }, '1.3')).toBe(false);
    expect(mayCommentAsMember({ path: '1.2', members: false }, '1.2.7')).toBe(false);
    expect(mayCommentAsMember({ path: '1.2', members: true }, '1.22')).toBe(false);
    expect(mayCommentAsOrg({ path: '1.2', orgs: true }, { role: 'organizer', scopePath: '1.2.7' }, '1.2.7.9')).toBe(true);
    expect(mayCommentAsOrg({ path: '1.2', orgs: true }, { role: 'viewer', scopePath: '1.2.7' }, '1.2.7')).toBe(false);
    expect(mayCommentAsOrg({ path: '1.2', orgs: true }, { role: 'organizer', scopePath: '1.2.7' }, '1.2.8')).toBe(false);
  });
});

describe('the public form', () => {
  const s = defaultPublicFormSettings;
  const now = new Date('2020-05-10T03:00:00Z');
  const ok = { body: 'Đề nghị bổ sung nội dung về chuyển đổi số.', honeypot: '', formIssuedAt: new Date(now.getTime() - 60_000), now, recentInWindow: 0, recentInDay: 0, duplicate: false };

  it('accepts a person’s comment', () => expect(checkPublicSubmission(s, ok)).toBeNull());
  it('refuses a filled honeypot, a form sent too fast or too old', () => {
    expect(checkPublicSubmission(s, { ...ok, honeypot: 'http://spam' })?.reason).toBe('honeypot');
    expect(checkPublicSubmission(s, { ...ok, formIssuedAt: new Date(now.getTime() - 4_999) })?.reason).toBe('tooFast');
    expect(checkPublicSubmission(s, { ...ok, formIssuedAt: new Date(now.getTime() - 5_000) })).toBeNull();
    expect(checkPublicSubmission(s, { ...ok, formIssuedAt: new Date(now.getTime() - 25 * 3_600_000) })?.reason).toBe('formExpired');
  });
  it('refuses too short, too long, the same text again', () => {
    expect(checkPublicSubmission(s, { ...ok, body: '  ngắn  ' })?.reason).toBe('tooShort');
    expect(checkPublicSubmission(s, { ...ok, body: 'ý'.repeat(5001) })?.reason).toBe('tooLong');
    expect(checkPublicSubmission(s, { ...ok, body: 'ý'.repeat(5000) })).toBeNull();
    expect(checkPublicSubmission(s, { ...ok, duplicate: true })?.code).toBe('COMMENT_DUPLICATE');
  });
  it('limits one address per window and per day', () => {
    expect(checkPublicSubmission(s, { ...ok, recentInWindow: 4 })).toBeNull();
    expect(checkPublicSubmission(s, { ...ok, recentInWindow: 5 })).toMatchObject({ code: 'PUBLIC_COMMENT_RATE_LIMITED', reason: 'window' });
    expect(checkPublicSubmission(s, { ...ok, recentInDay: 30 })).toMatchObject({ code: 'PUBLIC_COMMENT_RATE_LIMITED', reason: 'day' });
  });
  it('treats case, diacritics, punctuation and spacing as the same text', () => {
    expect(duplicateKey('Đề nghị  BỔ SUNG chuyển đổi số!!')).toBe(duplicateKey('đề nghị bổ sung, chuyển đổi số'));
    expect(duplicateKey('=SUM(A1:A9)')).toBe('sum a1 a9');
  });
});

describe('grouping into themes', () => {
  const theme = (id: number, orgPath: string, sectionKey = 's1') => ({ id, orgPath, sectionKey, consultationId: 1 });
  const comment = (authorOrgPath: string, t: ReturnType<typeof theme> | null = null) => ({ consultationId: 1, sectionKey: 's1', authorOrgPath, status: 'visible' as const, theme: t });

  it('puts a comment of the subtree into a theme of the synthesizing organization', () => {
    expect(checkAssign(comment('1.2.5'), theme(9, '1.2'), '1.2')).toBeNull();
    expect(checkAssign(comment('1.3.5'), theme(9, '1.2'), '1.2')).toBe('OUTSIDE_THEME_ORG');
    expect(checkAssign(comment('1.2.5'), theme(9, '1.2', 's2'), '1.2')).toBe('WRONG_SECTION');
    expect(checkAssign({ ...comment('1.2.5'), status: 'hidden' }, theme(9, '1.2'), '1.2')).toBe('NOT_VISIBLE');
  });
  it('leaves a comment grouped below or above where it is', () => {
    expect(checkAssign(comment('1.2.5', theme(3, '1.2.5')), theme(9, '1.2'), '1.2')).toBe('THEMED_BELOW');
    expect(checkAssign(comment('1.2.5', theme(3, '1')), theme(9, '1.2'), '1.2')).toBe('THEMED_ABOVE');
    expect(checkAssign(comment('1.2.5', theme(3, '1.2')), theme(9, '1.2'), '1.2')).toBeNull();
  });
  it('rolls a lower theme up into an upper organization’s theme only', () => {
    expect(checkRollUp({ ...theme(3, '1.2'), parentId: null }, theme(9, '1'), [9])).toBeNull();
    expect(checkRollUp({ ...theme(3, '1.2'), parentId: null }, theme(9, '1.2'), [9])).toBe('NOT_BELOW');
    expect(checkRollUp({ ...theme(3, '1.2'), parentId: null }, theme(9, '1.3'), [9])).toBe('NOT_BELOW');
    expect(checkRollUp({ ...theme(3, '1.2'), parentId: null }, theme(9, '1', 's2'), [9])).toBe('WRONG_SECTION');
  });
  it('counts each comment once up the roll-up tree', () => {
    const direct = new Map([
      [1, 4],
      [2, 3],
      [3, 5],
    ]);
    const children = new Map([
      [1, [2]],
      [2, [3]],
    ]);
    expect(rolledUpCount(1, direct, children)).toBe(12);
    expect(rolledUpCount(2, direct, children)).toBe(8);
    fc.assert(
      fc.property(fc.array(fc.nat(100), { minLength: 1, maxLength: 12 }), (counts) => {
        // A chain 0 → 1 → … : the top counts everything, each level counts its suffix.
        const d = new Map(counts.map((n, i) => [i, n]));
        const ch = new Map(counts.slice(1).map((_, i) => [i, [i + 1]]));
        expect(rolledUpCount(0, d, ch)).toBe(counts.reduce((s, n) => s + n, 0));
      }),
    );
  });
});
