import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { disciplineForms, disciplineFormsFor, subjectTypes } from '../../../../shared/src/contracts/reports.ts';
import { disciplineIssues, oversightIssues, studySessionIssues } from './register-rules.ts';

describe('register entries', () => {
  it('a member may be reprimanded, warned, dismissed or expelled; an organization reprimanded, warned or dissolved (Điều lệ Đảng)', () => {
    for (const subjectType of subjectTypes)
      for (const form of disciplineForms) {
        const issues = disciplineIssues({ subjectType, form, committeeMember: false });
        expect(issues.length === 0).toBe(disciplineFormsFor[subjectType].includes(form));
        if (issues.length) expect(issues[0]!.field).toBe('form');
      }
  });
  it('"committee member" is said of members only; a member names no organization', () => {
    expect(disciplineIssues({ subjectType: 'organization', form: 'warning', committeeMember: true }).map((i) => i.field)).toEqual(['committeeMember']);
    expect(oversightIssues({ kind: 'inspection', mode: 'regular', subjectType: 'member', subjectOrgId: 5, committeeMember: false }).map((i) => i.field)).toEqual(['subjectOrgId']);
  });
  it('"on signs of violation" is an inspection, never a supervision', () => {
    expect(oversightIssues({ kind: 'supervision', mode: 'violationSigns', subjectType: 'member', committeeMember: false }).map((i) => i.code)).toEqual(['MODE_NOT_FOR_SUPERVISION']);
    expect(oversightIssues({ kind: 'inspection', mode: 'violationSigns', subjectType: 'member', committeeMember: true })).toEqual([]);
  });
  it('study sessions: attended never above expected, dates in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 200_000 }), (expected, attended) => {
        const issues = studySessionIssues({ heldFrom: '2020-02-01', heldTo: '2020-02-03', expected, attended });
        expect(issues.some((i) => i.field === 'attended')).toBe(attended > expected);
      }),
    );
    expect(studySessionIssues({ heldFrom: '2020-02-03', heldTo: '2020-02-01', expected: 1, attended: 1 }).map((i) => i.field)).toEqual(['heldTo']);
  });
});
