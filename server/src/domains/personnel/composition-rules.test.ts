import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkComposition, compositionPresets, type CompositionPerson, isProvinceOrCommune, targetProblems, termEnd } from './composition-rules.ts';

const p = (o: Partial<CompositionPerson>): CompositionPerson => ({ gender: 'male', birthDate: '1970-01-01', ethnicity: 'Kinh', sciTech: false, incumbent: true, standing: false, ...o });
const preset2020 = compositionPresets['2020-2025'];
const preset2025 = compositionPresets['2025-2030'];
const ctx2020 = { onDate: '2020-06-01', bands: preset2020.bands, mergedUnit: false };
const ctx2025 = { onDate: '2025-09-01', bands: preset2025.bands, mergedUnit: false };
const byKey = (r: ReturnType<typeof checkComposition>, k: string) => r.find((x) => x.key === k)!;

describe('2020–2025 targets (CT 35/2019)', () => {
  it('women ≥ 15 %: 3 of 20 is met exactly, 2 of 20 is missed, with the numbers', () => {
    const list = (women: number) => Array.from({ length: 20 }, (_, i) => p({ gender: i < women ? 'female' : 'male' }));
    expect(byKey(checkComposition(list(3), preset2020.targets, ctx2020), 'women')).toMatchObject({ status: 'met', count: 3, total: 20 });
    const missed = byKey(checkComposition(list(2), preset2020.targets, ctx2020), 'women');
    expect(missed).toMatchObject({ status: 'missed', count: 2 });
    expect(missed.text).toBe('Cấp ủy viên nữ: 2/20 = 10% (mục tiêu từ 15% trở lên) — chưa đạt');
  });
  it('age mix on the reference date: under 40 ≥ 10 %, 40–50 about 40–50 %', () => {
    // 1 under 40 (born 1981-06-02 is 38 on 1/6/2020), 4 aged 40–50, 5 over 50.
    const list = [p({ birthDate: '1981-06-02' }), ...Array.from({ length: 4 }, () => p({ birthDate: '1975-01-01' })), ...Array.from({ length: 5 }, () => p({ birthDate: '1960-01-01' }))];
    const r = checkComposition(list, preset2020.targets, ctx2020);
    expect(byKey(r, 'young')).toMatchObject({ status: 'met', count: 1, total: 10 });
    expect(byKey(r, 'middleAge')).toMatchObject({ status: 'met', count: 4 });
    const older = checkComposition([...list.slice(0, 1), ...list.slice(5), p({ birthDate: '1960-01-01' })], preset2020.targets, ctx2020);
    expect(byKey(older, 'middleAge').status).toBe('missed');
  });
  it('a woman in the standing committee: not applicable until someone is proposed for it', () => {
    expect(byKey(checkComposition([p({})], preset2020.targets, ctx2020), 'womenInStanding').status).toBe('notApplicable');
    expect(byKey(checkComposition([p({ standing: true }), p({ gender: 'female' })], preset2020.targets, ctx2020), 'womenInStanding').status).toBe('missed');
    expect(byKey(checkComposition([p({ standing: true, gender: 'female' })], preset2020.targets, ctx2020), 'womenInStanding').status).toBe('met');
  });
});

describe('2025–2030 targets (CT 45)', () => {
  it('renewal ≥ 1/3, skipped for a merged unit', () => {
    const list = [p({ incumbent: false }), p({}), p({})];
    expect(byKey(checkComposition(list, preset2025.targets, ctx2025), 'renewal')).toMatchObject({ status: 'met', count: 1, total: 3 });
    expect(byKey(checkComposition(list.slice(1), preset2025.targets, ctx2025), 'renewal').status).toBe('missed');
    expect(byKey(checkComposition(list, preset2025.targets, { ...ctx2025, mergedUnit: true }), 'renewal').status).toBe('notApplicable');
  });
  it('young means under 42 in 2025; three age bands need all three', () => {
    const list = [p({ birthDate: '1984-01-01' }), p({ birthDate: '1978-01-01' }), p({ birthDate: '1965-01-01' })];
    const r = checkComposition(list, preset2025.targets, ctx2025);
    expect(byKey(r, 'young')).toMatchObject({ count: 1 });
    expect(byKey(r, 'threeAgeBands').status).toBe('met');
    expect(byKey(checkComposition(list.slice(1), preset2025.targets, ctx2025), 'threeAgeBands').text).toContain('dưới 42 tuổi 0');
  });
  it('science and technology about 5 % (±2 points, unconfirmed)', () => {
    const list = (n: number) => Array.from({ length: 40 }, (_, i) => p({ sciTech: i < n }));
    expect(byKey(checkComposition(list(2), preset2025.targets, ctx2025), 'sciTech')).toMatchObject({ status: 'met', confirmed: false });
    expect(byKey(checkComposition(list(0), preset2025.targets, ctx2025), 'sciTech').status).toBe('missed');
    expect(byKey(checkComposition(list(4), preset2025.targets, ctx2025), 'sciTech').status).toBe('missed');
  });
});

describe('"trẻ dưới 42" counted over the term (CT 45; election-rules.md §8 item 8)', () => {
  // Reference 1/9/2025, a 60-month term ending 31/8/2030. Born 1988-10-01: 36 at the start, 41 at the end;
  // born 1985-10-01: 39 at the start, 44 at the end (ages out); the other 8 are over 42 throughout.
  const list = [p({ birthDate: '1988-10-01' }), p({ birthDate: '1985-10-01' }), ...Array.from({ length: 8 }, () => p({ birthDate: '1970-01-01' }))];
  const overTerm = { ...ctx2025, termMonths: 60 };

  it('shows the start of the term and what is left at its end if nobody is added', () => {
    expect(termEnd('2025-09-01', 60)).toBe('2030-08-31');
    const young = byKey(checkComposition(list, preset2025.targets, overTerm), 'young');
    expect(young).toMatchObject({ status: 'met', count: 2, total: 10, projection: { onDate: '2030-08-31', count: 1, share: 0.1 } });
    expect(young.text).toBe('Cán bộ trẻ dưới 42 tuổi (tính cho cả nhiệm kỳ): đầu nhiệm kỳ 2/10 = 20%; cuối nhiệm kỳ (31/08/2030) còn 1/10 = 10% nếu không bổ sung (mục tiêu từ 10% trở lên) — đạt');
  });

  it('applies to the province and the communes only', () => {
    const district = byKey(checkComposition(list, preset2025.targets, { ...overTerm, provinceOrCommune: false }), 'young');
    expect(district.status).toBe('notApplicable');
    expect(district.text).toContain('cấp tỉnh và cấp xã');
    expect(isProvinceOrCommune({ level: 1, kindCode: 'territorial', name: 'Đảng bộ tỉnh Quảng Ninh' })).toBe(true);
    expect(isProvinceOrCommune({ level: 2, kindCode: 'territorial', name: 'Đảng bộ phường Hải Hòa' })).toBe(true);
    expect(isProvinceOrCommune({ level: 3, kindCode: 'territorial', name: 'Đảng bộ xã Quảng Nghĩa' })).toBe(true);
    expect(isProvinceOrCommune({ level: 2, kindCode: 'territorial', name: 'Đảng bộ thành phố Móng Cái' })).toBe(false);
    expect(isProvinceOrCommune({ level: 2, kindCode: 'nonTerritorial', name: 'Đảng bộ Công ty Than' })).toBe(false);
  });

  it('a share that holds at the end always held at the start (nobody gets younger)', () => {
    fc.assert(
      fc.property(fc.array(fc.date({ min: new Date('1955-01-01'), max: new Date('2000-12-31'), noInvalidDate: true }), { minLength: 1, maxLength: 40 }), (births) => {
        const people = births.map((b) => p({ birthDate: b.toISOString().slice(0, 10) }));
        const r = byKey(checkComposition(people, preset2025.targets, overTerm), 'young');
        expect(r.projection!.count).toBeLessThanOrEqual(r.count);
      }),
    );
  });
});

describe('properties', () => {
  const person = fc.record({
    gender: fc.constantFrom('male' as const, 'female' as const),
    birthDate: fc.date({ min: new Date('1955-01-01'), max: new Date('1995-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    ethnicity: fc.constantFrom('Kinh', 'Tày', 'Dao', 'Sán Dìu'),
    sciTech: fc.boolean(),
    incumbent: fc.boolean(),
    standing: fc.boolean(),
  });
  it('counts never exceed the group, and "women ≥ 15 %" is met exactly when 100·women ≥ 15·total', () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 80 }), (list) => {
        const r = checkComposition(list, preset2025.targets, ctx2025);
        for (const t of r) expect(t.count).toBeLessThanOrEqual(t.total);
        const women = list.filter((x) => x.gender === 'female').length;
        expect(byKey(r, 'women').status).toBe(100 * women >= 15 * list.length ? 'met' : 'missed');
      }),
    );
  });
  it('the order of the list does not change any result', () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 40 }), (list) => {
        expect(checkComposition([...list].reverse(), preset2020.targets, ctx2020)).toEqual(checkComposition(list, preset2020.targets, ctx2020));
      }),
    );
  });
});

describe('a unit\'s own target values', () => {
  it('the ethnic minority share set per unit changes the verdict on the same list', () => {
    // 2 of 20 from minorities: met against the preset's placeholder 0 %, missed against the unit's 15 %.
    const list = Array.from({ length: 20 }, (_, i) => p({ ethnicity: i < 2 ? 'Tày' : 'Kinh' }));
    expect(byKey(checkComposition(list, preset2025.targets, ctx2025), 'ethnicMinority').status).toBe('met');
    const unit = preset2025.targets.map((t) => (t.key === 'ethnicMinority' ? { ...t, rule: { kind: 'minShare' as const, value: 0.15 } } : t));
    const r = byKey(checkComposition(list, unit, ctx2025), 'ethnicMinority');
    expect(r).toMatchObject({ status: 'missed', count: 2, total: 20 });
    expect(r.text).toBe('Cấp ủy viên người dân tộc thiểu số: 2/20 = 10% (mục tiêu từ 15% trở lên) — chưa đạt');
  });
  it('a share the unit typed in percent reads as typed (55 %, not 55,00 %)', () => {
    const unit = preset2020.targets.map((t) => (t.key === 'middleAge' ? { ...t, rule: { kind: 'shareRange' as const, min: 0.4, max: 0.55 } } : t));
    expect(byKey(checkComposition([p({ birthDate: '1975-01-01' })], unit, ctx2020), 'middleAge').text).toBe('Cấp ủy viên từ 40 đến 50 tuổi: 1/1 = 100% (mục tiêu khoảng 40%–55%) — chưa đạt');
  });
  it('refuses a range upside down, a target twice, a rule that does not fit its measure, bands out of order', () => {
    const t = preset2020.targets;
    expect(targetProblems(t, preset2020.bands)).toEqual([]);
    const upside = t.map((x) => (x.key === 'middleAge' ? { ...x, rule: { kind: 'shareRange' as const, min: 0.5, max: 0.4 } } : x));
    expect(targetProblems(upside, preset2020.bands)).toEqual([{ field: 'targets.3.rule.min', code: 'RANGE_ORDER', message: 'Cấp ủy viên từ 40 đến 50 tuổi: cận dưới (50%) lớn hơn cận trên (40%).' }]);
    expect(targetProblems([...t, t[0]!], preset2020.bands).map((x) => x.code)).toEqual(['DUPLICATE_TARGET']);
    expect(targetProblems([{ ...t[0]!, rule: { kind: 'allBands' } }], preset2020.bands).map((x) => x.code)).toEqual(['RULE_MEASURE']);
    expect(targetProblems(t, { youngBelow: 45, middleFrom: 40, middleTo: 50 }).map((x) => x.field)).toEqual(['ageBands']);
  });
});
