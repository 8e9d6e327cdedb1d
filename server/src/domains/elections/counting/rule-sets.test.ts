import { describe, expect, it } from 'vitest';
import { INVALID_REASON_INFO, INVALID_REASONS } from './invalid-reasons.ts';
import { resolveRuleSet, ruleSetFor, unconfirmedEntries, type RuleEntry, type RuleId } from './rule-sets.ts';
import { REGULATION_VERSIONS } from './types.ts';

// The [U] items of election-rules.md that concern counting, and the system display
// choices: these must be settings (configurable, shown "chưa xác nhận").
const SETTINGS_BOTH: readonly RuleId[] = [
  'conferenceDenominatorExclusions',
  'noSurplusBlankBallot',
  'singleCandidateBothOrNone',
  'combinedListBallotKeeps',
  'quorumRecheckEachRound',
  'surplusRounding',
  'delegateSurplusMaxPercent',
  'ballotOrder',
  'percentDecimals',
  'percentRounding',
];
// [C1] since §8/§9: must NOT be configurable.
const HARD_RULES: readonly RuleId[] = ['threshold', 'tieAtCutoff', 'quorum', 'shortfall', 'membersDenominatorExclusions', 'delegatesDenominatorExclusions', 'strikeOutBallot', 'noSurplusBothOrNone'];

describe.each(REGULATION_VERSIONS)('rule set %s', (version) => {
  const set = ruleSetFor(version);
  const entries = Object.values(set.rules) as RuleEntry<unknown>[];

  it('every entry cites a source and explains itself', () => {
    for (const e of entries) {
      expect(e.source.length, e.id).toBeGreaterThan(5);
      expect(e.summaryVi.length, e.id).toBeGreaterThan(5);
      expect(e.explanation.length, e.id).toBeGreaterThan(2);
    }
  });

  it('settings and only settings are unconfirmed; confidence U is always a setting', () => {
    for (const e of entries) {
      expect(e.unconfirmed, e.id).toBe(e.kind === 'setting');
      if (e.confidence === 'U') expect(e.kind, e.id).toBe('setting');
      if (e.options) expect(e.options, e.id).toContainEqual(e.defaultValue);
      expect(e.value).toEqual(e.defaultValue);
      expect(e.overridden).toBe(false);
    }
  });

  it('the [U] items are settings and the confirmed ones are rules', () => {
    for (const id of SETTINGS_BOTH) expect(set.rules[id].kind, id).toBe('setting');
    for (const id of HARD_RULES) expect(set.rules[id].kind, id).toBe('rule');
    expect(unconfirmedEntries(set).map((e) => e.id)).toEqual(expect.arrayContaining([...SETTINGS_BOTH]));
  });

  it('cites the Charter for ties and quorum', () => {
    expect(set.rules.tieAtCutoff.source).toContain('Đ12 K3');
    expect(set.rules.quorum.source).toContain('Đ11 K6');
  });

  it('a confirmed rule cannot be overridden', () => {
    const r = resolveRuleSet(version, { tieAtCutoff: 'tieBreakAmongTiedMostVotesWin' });
    expect(r.ok || r.error.code).toBe('RULE_NOT_CONFIGURABLE');
  });

  it('a setting can be overridden and is then marked', () => {
    const r = resolveRuleSet(version, { percentDecimals: 1, ballotOrder: 'asEntered' });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.rules.percentDecimals).toMatchObject({ value: 1, overridden: true, defaultValue: 2 });
    expect(r.value.rules.ballotOrder.value).toBe('asEntered');
    expect(ruleSetFor(version).rules.percentDecimals.value).toBe(2); // the base is untouched
  });

  it('refuses values outside a setting’s options', () => {
    for (const bad of [
      { percentDecimals: 7 },
      { ballotOrder: 'byAge' },
      { conferenceDenominatorExclusions: ['convenerMembersAbsentWhole'] },
      { conferenceDenominatorExclusions: ['suspended', 'suspended'] },
      { delegateSurplusMaxPercent: 101 },
    ]) {
      const r = resolveRuleSet(version, bad as never);
      expect(r.ok ? 'ok' : r.error.code, JSON.stringify(bad)).toBe('SETTING_VALUE_INVALID');
    }
  });

  it('refuses unknown rule ids', () => {
    const r = resolveRuleSet(version, { olderWins: true } as never);
    expect(r.ok ? 'ok' : r.error.code).toBe('UNKNOWN_RULE');
  });
});

describe('differences between the regulations', () => {
  const r14 = ruleSetFor('2014').rules;
  const r24 = ruleSetFor('2024').rules;

  it('records article numbers per version (244 Đ17/Đ32 ≙ 190 Đ15/Đ30)', () => {
    expect(r14.strikeOutBallot.source).toContain('244');
    expect(r14.strikeOutBallot.source).toContain('Đ17');
    expect(r24.strikeOutBallot.source).toContain('190');
    expect(r24.strikeOutBallot.source).toContain('Đ15');
    expect(r14.threshold.source).toContain('Đ32');
    expect(r24.threshold.source).toContain('Đ30');
  });

  it('the invalid case added by 190 exists only under 2024', () => {
    expect(r24.invalidReasons.value).toContain('CASE_ADDED_BY_QD190');
    expect(r14.invalidReasons.value).not.toContain('CASE_ADDED_BY_QD190');
  });

  it('alternates are a rule under 2024 (§9) and a setting under 2014', () => {
    expect(r24.alternateSelection.kind).toBe('rule');
    expect(r14.alternateSelection.kind).toBe('setting');
  });

  it('every invalid reason has a Vietnamese message and a source; [U] ones are flagged', () => {
    for (const reason of INVALID_REASONS) {
      const info = INVALID_REASON_INFO[reason];
      expect(info.messageVi.length).toBeGreaterThan(5);
      expect(info.source.length).toBeGreaterThan(5);
      expect(info.unconfirmed).toBe(info.confidence === 'U');
    }
  });
});
