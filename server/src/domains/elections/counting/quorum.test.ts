import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atLeastTwoThirds, checkQuorum, quorumVerdict } from './quorum.ts';
import { resolveRuleSet, ruleSetFor } from './rule-sets.ts';

const rules = ruleSetFor('2024');

function check(input: Parameters<typeof checkQuorum>[0]) {
  const r = checkQuorum(input, rules);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('quorum (Điều lệ Đ11 K6)', () => {
  it('property: exact integer comparison, equal to a BigInt rational oracle', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }).chain((s) => fc.tuple(fc.constant(s), fc.integer({ min: 0, max: s }))),
        ([summoned, present]) => {
          const q = check({ summoned, present });
          // present / summoned ≥ 2/3  ⇔  3·present ≥ 2·summoned, in BigInt
          expect(q.ok).toBe(3n * BigInt(present) >= 2n * BigInt(summoned));
          // presentNeeded is the least attendance that passes
          expect(3n * BigInt(q.presentNeeded) >= 2n * BigInt(summoned)).toBe(true);
          expect(3n * BigInt(q.presentNeeded - 1) >= 2n * BigInt(summoned)).toBe(false);
        },
      ),
    );
  });

  it('boundaries where a floating 2/3 would be tempting', () => {
    expect(check({ summoned: 299, present: 199 }).ok).toBe(false); // 2/3 × 299 = 199.33
    expect(check({ summoned: 299, present: 200 }).ok).toBe(true);
    expect(check({ summoned: 3, present: 2 }).ok).toBe(true);
    expect(check({ summoned: 1, present: 0 }).ok).toBe(false);
    expect(atLeastTwoThirds(2, 3)).toBe(true);
  });

  it('both conditions must hold; organisations only where there are some', () => {
    expect(check({ summoned: 300, present: 199, subordinateOrgs: { total: 45, withDelegatesPresent: 29 } }).failures).toEqual([
      'PRESENT_BELOW_TWO_THIRDS',
      'SUBORDINATE_ORGS_BELOW_TWO_THIRDS',
    ]);
    expect(check({ summoned: 9, present: 6, subordinateOrgs: { total: 0, withDelegatesPresent: 0 } })).toMatchObject({ ok: true, subordinateOrgs: null });
  });

  it('refuses impossible attendance', () => {
    const codes = [
      checkQuorum({ summoned: 0, present: 0 }, rules),
      checkQuorum({ summoned: 10, present: 11 }, rules),
      checkQuorum({ summoned: 10, present: 7, subordinateOrgs: { total: 3, withDelegatesPresent: 4 } }, rules),
      checkQuorum({ summoned: 10, present: 6.5 }, rules),
    ].map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes).toEqual(['NO_ONE_SUMMONED', 'PRESENT_EXCEEDS_SUMMONED', 'ORGS_PRESENT_EXCEED_TOTAL', 'NOT_A_COUNT']);
  });

  it('blocks the opening; before a round it warns by default and blocks with the setting', () => {
    const low = check({ summoned: 30, present: 19 });
    expect(quorumVerdict(low, 'congressOpening', rules)).toEqual({ allowed: false, warning: null });
    expect(quorumVerdict(low, 'beforeRound', rules)).toEqual({ allowed: true, warning: 'PRESENT_BELOW_TWO_THIRDS' });
    const strict = resolveRuleSet('2024', { quorumRecheckEachRound: 'block' });
    if (!strict.ok) throw new Error(strict.error.code);
    expect(quorumVerdict(low, 'beforeRound', strict.value).allowed).toBe(false);
    expect(quorumVerdict(check({ summoned: 30, present: 20 }), 'congressOpening', rules)).toEqual({ allowed: true, warning: null });
  });
});
