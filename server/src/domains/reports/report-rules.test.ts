import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  attendance,
  closedDuringCongress,
  electedVotes,
  isDirectSecretaryElection,
  pct,
  shareBand,
  shareBands,
  shareDistribution,
  type StoredHistoryItem,
  targetProgress,
} from './report-rules.ts';

describe('study sessions', () => {
  it('Bến Tre: 49,356 of 50,502 members attended = 97,73 %', () => {
    expect(attendance([{ expected: 50_502, attended: 49_356 }])).toEqual({ sessions: 1, expected: 50_502, attended: 49_356, pct: 97.73 });
  });
  it('sums the sessions before taking the share (a small session does not weigh like a large one)', () => {
    // Mean of shares would be (100 + 50) / 2 = 75; the real share is 910 / 1010.
    expect(attendance([{ expected: 1000, attended: 900 }, { expected: 10, attended: 10 }]).pct).toBe(pct(910, 1010));
    expect(attendance([]).pct).toBe(0);
  });
  it('the share never leaves 0–100 % and the totals are the sums', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }).chain((e) => fc.record({ expected: fc.constant(e), attended: fc.integer({ min: 0, max: e }) }))), (xs) => {
        const a = attendance(xs);
        expect(a.expected).toBe(xs.reduce((s, x) => s + x.expected, 0));
        expect(a.attended).toBe(xs.reduce((s, x) => s + x.attended, 0));
        expect(a.pct).toBeGreaterThanOrEqual(0);
        expect(a.pct).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('secretaries’ vote shares (against D)', () => {
  it('puts every vote of D at 100 %, and 99,99 % below it', () => {
    expect(shareBand({ votes: 250, denominator: 250 })).toBe('full');
    // 9999 of 10000 rounds to 99,99 % and must not be shown as unanimous.
    expect(shareBand({ votes: 9999, denominator: 10_000 })).toBe('from95');
    expect(shareBand({ votes: 19, denominator: 20 })).toBe('from95');
    expect(shareBand({ votes: 18, denominator: 20 })).toBe('from90');
    expect(shareBand({ votes: 16, denominator: 20 })).toBe('from80');
    expect(shareBand({ votes: 13, denominator: 20 })).toBe('from65');
    expect(shareBand({ votes: 11, denominator: 20 })).toBe('below65');
  });
  it('a worked distribution: four congresses, two unanimous', () => {
    const d = shareDistribution([
      { votes: 250, denominator: 250 },
      { votes: 9, denominator: 9 },
      { votes: 240, denominator: 250 },
      { votes: 7, denominator: 9 },
    ]);
    expect(d.count).toBe(4);
    expect(d.atFull).toBe(2);
    expect(Object.fromEntries(d.bands.map((b) => [b.key, b.count]))).toEqual({ full: 2, from95: 1, from90: 0, from80: 0, from65: 1, below65: 0 });
    expect(d.bands[0]!.pct).toBe(50);
    expect(d.min).toBe(77.78);
    expect(d.max).toBe(100);
    // (1 + 1 + 0.96 + 0.7778) / 4
    expect(d.mean).toBe(93.44);
  });
  it('empty: no shares, no division by zero', () => {
    const d = shareDistribution([]);
    expect([d.count, d.atFull, d.min, d.max, d.mean]).toEqual([0, 0, null, null, null]);
    expect(d.bands.every((b) => b.count === 0 && b.pct === 0)).toBe(true);
  });
  it('refuses a D of zero or fractional votes', () => {
    expect(() => shareBand({ votes: 1, denominator: 0 })).toThrow(RangeError);
    expect(() => shareBand({ votes: 1.5, denominator: 3 })).toThrow(RangeError);
  });

  const vote = fc.integer({ min: 1, max: 2000 }).chain((d) => fc.record({ denominator: fc.constant(d), votes: fc.integer({ min: 0, max: d }) }));
  it('bands partition the secretaries; 100 % is exactly votes = D; bands follow the share', () => {
    fc.assert(
      fc.property(fc.array(vote, { maxLength: 60 }), (votes) => {
        const d = shareDistribution(votes);
        expect(d.bands.reduce((s, b) => s + b.count, 0)).toBe(votes.length);
        expect(d.atFull).toBe(votes.filter((v) => v.votes === v.denominator).length);
        for (const v of votes) {
          const i = shareBands.findIndex((b) => b.key === shareBand(v));
          const band = shareBands[i]!;
          expect(v.votes / v.denominator).toBeGreaterThanOrEqual(band.minPct / 100 - 1e-12);
          if (i > 0) expect(v.votes / v.denominator).toBeLessThan(shareBands[i - 1]!.minPct / 100);
        }
        if (votes.length) {
          expect(d.min!).toBeLessThanOrEqual(d.mean! + 0.01);
          expect(d.mean!).toBeLessThanOrEqual(d.max! + 0.01);
        }
      }),
    );
  });
  it('more votes never move a secretary to a lower band', () => {
    fc.assert(
      fc.property(vote, (v) => {
        fc.pre(v.votes < v.denominator);
        const rank = (x: typeof v) => shareBands.findIndex((b) => b.key === shareBand(x));
        expect(rank({ ...v, votes: v.votes + 1 })).toBeLessThanOrEqual(rank(v));
      }),
    );
  });
});

describe('which elections count, and with which votes', () => {
  it('direct election: a secretary voted by the congress (members or delegates), not by the committee’s conference', () => {
    expect(isDirectSecretaryElection({ kind: 'secretary', congressKind: 'delegates' })).toBe(true);
    expect(isDirectSecretaryElection({ kind: 'cellSecretary', congressKind: 'members' })).toBe(true);
    expect(isDirectSecretaryElection({ kind: 'secretary', congressKind: 'conference' })).toBe(false);
    expect(isDirectSecretaryElection({ kind: 'executiveCommittee', congressKind: 'delegates' })).toBe(false);
  });
  it('an election belongs to the congress it closed during', () => {
    expect(closedDuringCongress('2020-05-15', '2020-05-14', '2020-05-15')).toBe(true);
    expect(closedDuringCongress('2020-05-16', '2020-05-14', '2020-05-15')).toBe(false);
    expect(closedDuringCongress('2020-05-14', '2020-05-14', null)).toBe(true);
    expect(closedDuringCongress(null, '2020-05-14', '2020-05-15')).toBe(false);
    expect(closedDuringCongress('2020-05-14', null, null)).toBe(false);
  });
  it('takes each elected person’s votes from the round that elected them', () => {
    const history: StoredHistoryItem[] = [
      { type: 'round', result: { denominator: 12, elected: [], candidates: [{ ballotNo: 1, votes: 6 }, { ballotNo: 2, votes: 6 }] } },
      { type: 'decision' },
      { type: 'round', result: { denominator: 12, elected: [2], candidates: [{ ballotNo: 1, votes: 5 }, { ballotNo: 2, votes: 7 }] } },
    ];
    expect(electedVotes(history)).toEqual([{ ballotNo: 2, votes: 7, denominator: 12 }]);
  });
});

describe('a resolution’s targets', () => {
  const values = [
    { asOf: '2020-03-31', value: 4.1 },
    { asOf: '2020-06-30', value: 7.2 },
    { asOf: '2020-12-31', value: 8.5 },
  ];
  it('reads the latest value up to the date', () => {
    expect(targetProgress({ targetValue: 8, direction: 'atLeast' }, values, '2020-06-30')).toEqual({ value: 7.2, valueAsOf: '2020-06-30', status: 'notYet', progressPct: 90 });
    expect(targetProgress({ targetValue: 8, direction: 'atLeast' }, values, '2021-01-01').status).toBe('achieved');
    expect(targetProgress({ targetValue: 8, direction: 'atLeast' }, values, '2020-01-01')).toEqual({ value: null, valueAsOf: null, status: 'noData', progressPct: null });
  });
  it('"at most" targets (a poverty rate under 1 %) are met by staying under', () => {
    const poor = [{ asOf: '2020-06-30', value: 0.8 }];
    expect(targetProgress({ targetValue: 1, direction: 'atMost' }, poor, '2020-06-30')).toEqual({ value: 0.8, valueAsOf: '2020-06-30', status: 'achieved', progressPct: 125 });
    expect(targetProgress({ targetValue: 1, direction: 'atMost' }, [{ asOf: '2020-06-30', value: 2 }], '2020-06-30').status).toBe('notYet');
  });
  it('achieved ⇔ progress ≥ 100 % for positive values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), fc.constantFrom('atLeast' as const, 'atMost' as const), (target, value, direction) => {
        const p = targetProgress({ targetValue: target, direction }, [{ asOf: '2020-01-01', value }], '2020-12-31');
        // Two-decimal rounding may show 100,00 % just under the line; compare exactly instead.
        const exact = direction === 'atLeast' ? value / target : target / value;
        expect(p.status === 'achieved').toBe(exact >= 1);
        expect(p.progressPct).toBe(Math.min(999.99, Math.round(exact * 10_000) / 100));
      }),
    );
  });
});
