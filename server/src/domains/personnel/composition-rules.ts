/**
 * Composition targets of a committee (election-rules.md §2.4, §8 item 8) checked over a list of
 * people: the candidate list, the ballot, or the elected. Every target is "phấn đấu" (strive
 * for), so a missed target is a warning with its numbers, never a block. Pure: no I/O.
 */
import { formatNumberVi } from '../../../../shared/src/format.ts';
import type { TargetResult } from '../../../../shared/src/contracts/personnel.ts';
import { ageOn } from './retirement-rules.ts';
import { foldVietnamese } from '../../../../shared/src/text.ts';

export type Measure = 'female' | 'young' | 'middleAge' | 'senior' | 'sciTech' | 'ethnicMinority' | 'newMember' | 'ageBands';

export type TargetRule =
  | { kind: 'minShare'; value: number }
  | { kind: 'shareRange'; min: number; max: number }
  | { kind: 'aboutShare'; value: number; tolerance: number }
  | { kind: 'minCount'; value: number }
  | { kind: 'allBands' };

export type CompositionTarget = {
  key: string;
  label: string;
  measure: Measure;
  /** Over the whole list, or over those proposed for the standing committee. */
  over: 'all' | 'standing';
  rule: TargetRule;
  source: string;
  confirmed: boolean;
  /** A renewal target does not apply to merged units (CT 45). */
  skipForMergedUnit?: boolean;
  /** CT 45 sets "trẻ dưới 42" for the province and the commune only. */
  onlyProvinceOrCommune?: boolean;
  /** "Tính cho cả nhiệm kỳ": the share at the start and, projected, at the end of the term (§8 item 8). */
  overTerm?: boolean;
};

/** Age bands: young below `youngBelow`, middle from `middleFrom` to `middleTo` inclusive, senior above. */
export type AgeBands = { youngBelow: number; middleFrom: number; middleTo: number };

export type CompositionPerson = {
  gender: 'male' | 'female';
  birthDate: string;
  ethnicity: string;
  sciTech: boolean;
  /** Member of the outgoing committee: not counted as renewal. */
  incumbent: boolean;
  standing: boolean;
};

// What a target check returns is the API's own shape: one definition, in the shared contracts.
export type { TargetResult } from '../../../../shared/src/contracts/personnel.ts';
export type TargetStatus = TargetResult['status'];

export const MAJORITY_ETHNICITY = 'Kinh';

// Rounded to hundredths first: 0.55 · 100 is 55.00000000000001 in floating point, and should read "55%".
const pctText = (x: number) => {
  const p = Math.round(x * 10_000) / 100;
  return `${formatNumberVi(p, Number.isInteger(p) ? 0 : 2)}%`;
};

function ruleText(rule: TargetRule): string {
  switch (rule.kind) {
    case 'minShare':
      return `từ ${pctText(rule.value)} trở lên`;
    case 'shareRange':
      return `khoảng ${pctText(rule.min)}–${pctText(rule.max)}`;
    case 'aboutShare':
      return `khoảng ${pctText(rule.value)}`;
    case 'minCount':
      return `ít nhất ${rule.value} người`;
    case 'allBands':
      return 'có đủ ba độ tuổi';
  }
}

function bandOf(age: number, bands: AgeBands): 'young' | 'middleAge' | 'senior' | 'between' {
  if (age < bands.youngBelow) return 'young';
  if (age >= bands.middleFrom && age <= bands.middleTo) return 'middleAge';
  if (age > bands.middleTo) return 'senior';
  return 'between';
}

export type CompositionContext = {
  onDate: string;
  bands: AgeBands;
  mergedUnit: boolean;
  /** False for a unit that is neither the province nor a commune; unknown (older plans) counts as true. */
  provinceOrCommune?: boolean;
  /** The term's length, for targets counted over the term. */
  termMonths?: number;
};

/**
 * CT 45's "cấp tỉnh, cấp xã": the province, or a territorial đảng bộ of a xã, phường or đặc khu
 * (told by its name: the tree keeps no separate type).
 */
export function isProvinceOrCommune(org: { level: number; kindCode: string; name: string }): boolean {
  return org.level === 1 || (org.kindCode === 'territorial' && /^(dang bo |dang uy )?(xa|phuong|dac khu) /.test(foldVietnamese(org.name)));
}

/** The last day of a term starting on `onDate` (yyyy-mm-dd) and lasting `months`. */
export function termEnd(onDate: string, months: number): string {
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + months, d) - 86_400_000);
  return end.toISOString().slice(0, 10);
}

/** Precomputed facts per person, so a 1,000-name list is walked once per check. */
function facts(people: readonly CompositionPerson[], ctx: CompositionContext) {
  const end = ctx.termMonths ? termEnd(ctx.onDate, ctx.termMonths) : null;
  return people.map((p) => {
    const band = bandOf(ageOn(p.birthDate, ctx.onDate), ctx.bands);
    return {
      youngAtEnd: end !== null && ageOn(p.birthDate, end) < ctx.bands.youngBelow,
      standing: p.standing,
      female: p.gender === 'female',
      young: band === 'young',
      middleAge: band === 'middleAge',
      senior: band === 'senior',
      sciTech: p.sciTech,
      ethnicMinority: p.ethnicity.trim() !== '' && p.ethnicity.trim().toLowerCase() !== MAJORITY_ETHNICITY.toLowerCase(),
      newMember: !p.incumbent,
    };
  });
}

export function checkComposition(people: readonly CompositionPerson[], targets: readonly CompositionTarget[], ctx: CompositionContext): TargetResult[] {
  const all = facts(people, ctx);
  const standing = all.filter((f) => f.standing);
  return targets.map((t): TargetResult => {
    const base = { key: t.key, label: t.label, confirmed: t.confirmed, source: t.source };
    const group = t.over === 'standing' ? standing : all;
    const goal = ruleText(t.rule);
    if (t.skipForMergedUnit && ctx.mergedUnit) return { ...base, status: 'notApplicable', count: 0, total: group.length, share: null, text: `${t.label}: không áp dụng với đảng bộ hợp nhất, sáp nhập.` };
    if (t.onlyProvinceOrCommune && ctx.provinceOrCommune === false)
      return { ...base, status: 'notApplicable', count: 0, total: group.length, share: null, text: `${t.label}: Chỉ thị 45 đặt mục tiêu này cho cấp tỉnh và cấp xã.` };
    if (group.length === 0) {
      const none = t.over === 'standing' ? 'chưa có người được đề xuất vào Ban Thường vụ' : 'danh sách trống';
      return { ...base, status: 'notApplicable', count: 0, total: 0, share: null, text: `${t.label}: ${none}.` };
    }
    if (t.measure === 'ageBands') {
      const y = group.filter((f) => f.young).length;
      const m = group.filter((f) => f.middleAge).length;
      const s = group.filter((f) => f.senior).length;
      const ok = y > 0 && m > 0 && s > 0;
      const bandsPresent = [y > 0, m > 0, s > 0].filter(Boolean).length;
      return {
        ...base,
        status: ok ? 'met' : 'missed',
        count: bandsPresent,
        total: 3,
        share: null,
        text: `${t.label}: dưới ${ctx.bands.youngBelow} tuổi ${y}, từ ${ctx.bands.middleFrom} đến ${ctx.bands.middleTo} tuổi ${m}, trên ${ctx.bands.middleTo} tuổi ${s} (mục tiêu ${goal}) — ${ok ? 'đạt' : 'chưa đạt'}`,
      };
    }
    const measure = t.measure;
    const count = group.filter((f) => f[measure]).length;
    const total = group.length;
    const share = count / total;
    let ok: boolean;
    switch (t.rule.kind) {
      case 'minShare':
        // Compare in whole numbers (count·100 ≥ value·100·total) so 15 % of 20 is exactly 3.
        ok = count * 10_000 >= Math.round(t.rule.value * 10_000) * total;
        break;
      case 'shareRange':
        ok = count * 10_000 >= Math.round(t.rule.min * 10_000) * total && count * 10_000 <= Math.round(t.rule.max * 10_000) * total;
        break;
      case 'aboutShare':
        ok = Math.abs(share - t.rule.value) <= t.rule.tolerance + 1e-12;
        break;
      case 'minCount':
        ok = count >= t.rule.value;
        break;
      case 'allBands':
        ok = true;
        break;
    }
    const figure = t.rule.kind === 'minCount' ? `${count}` : `${count}/${total} = ${pctText(share)}`;
    const verdict = ok ? 'đạt' : 'chưa đạt';
    if (t.overTerm && measure === 'young' && ctx.termMonths) {
      // Met at the start counts (the target is for the term); the end shows who will have aged out, so the unit can plan additions.
      const endDate = termEnd(ctx.onDate, ctx.termMonths);
      const atEnd = group.filter((f) => f.youngAtEnd).length;
      const [y, m, d] = endDate.split('-');
      return {
        ...base,
        status: ok ? 'met' : 'missed',
        count,
        total,
        share,
        projection: { onDate: endDate, count: atEnd, share: atEnd / total },
        text: `${t.label}: đầu nhiệm kỳ ${figure}; cuối nhiệm kỳ (${d}/${m}/${y}) còn ${atEnd}/${total} = ${pctText(atEnd / total)} nếu không bổ sung (mục tiêu ${goal}) — ${verdict}`,
      };
    }
    return { ...base, status: ok ? 'met' : 'missed', count, total, share, text: `${t.label}: ${figure} (mục tiêu ${goal}) — ${verdict}` };
  });
}

const PLO_2019 = 'CT 35-CT/TW 2019 (plo.vn …-866310) [C2]';
const TCNN_2019 = 'CT 35-CT/TW 2019 (tcnn.vn …48577) [C2]';
const CT45 = 'CT 45-CT/TW ngày 14/4/2025 (TTXVN, xaydungchinhsach.chinhphu.vn …-119250414230317432.htm) [C2]';

export const compositionPresetCodes = ['2020-2025', '2025-2030'] as const;
export type CompositionPresetCode = (typeof compositionPresetCodes)[number];

export type CompositionPreset = { code: CompositionPresetCode; label: string; bands: AgeBands; bandsSource: string; bandsConfirmed: boolean; targets: CompositionTarget[] };

/** Ethnic minority share is set per unit ("phù hợp với cơ cấu dân tộc"): the preset holds a placeholder of 0 %. */
export const compositionPresets: Record<CompositionPresetCode, CompositionPreset> = {
  '2020-2025': {
    code: '2020-2025',
    label: 'Nhiệm kỳ 2020–2025 (Chỉ thị 35-CT/TW 2019)',
    bands: { youngBelow: 40, middleFrom: 40, middleTo: 50 },
    bandsSource: PLO_2019,
    bandsConfirmed: true,
    targets: [
      { key: 'women', label: 'Cấp ủy viên nữ', measure: 'female', over: 'all', rule: { kind: 'minShare', value: 0.15 }, source: TCNN_2019, confirmed: true },
      { key: 'womenInStanding', label: 'Có cán bộ nữ trong Ban Thường vụ', measure: 'female', over: 'standing', rule: { kind: 'minCount', value: 1 }, source: TCNN_2019, confirmed: true },
      { key: 'young', label: 'Cấp ủy viên dưới 40 tuổi', measure: 'young', over: 'all', rule: { kind: 'minShare', value: 0.1 }, source: PLO_2019, confirmed: true },
      { key: 'middleAge', label: 'Cấp ủy viên từ 40 đến 50 tuổi', measure: 'middleAge', over: 'all', rule: { kind: 'shareRange', min: 0.4, max: 0.5 }, source: PLO_2019, confirmed: true },
      { key: 'ethnicMinority', label: 'Cấp ủy viên người dân tộc thiểu số', measure: 'ethnicMinority', over: 'all', rule: { kind: 'minShare', value: 0 }, source: 'Phù hợp với cơ cấu dân tộc của địa phương — tỷ lệ do đơn vị đặt [U]', confirmed: false },
    ],
  },
  '2025-2030': {
    code: '2025-2030',
    label: 'Nhiệm kỳ 2025–2030 (Chỉ thị 45-CT/TW)',
    bands: { youngBelow: 42, middleFrom: 42, middleTo: 50 },
    bandsSource: 'CT 45 không nêu ba độ tuổi; dùng mốc "trẻ dưới 42" và mốc 50 của năm 2019 [U]',
    bandsConfirmed: false,
    targets: [
      { key: 'women', label: 'Cấp ủy viên nữ', measure: 'female', over: 'all', rule: { kind: 'minShare', value: 0.15 }, source: CT45, confirmed: true },
      { key: 'womenInStanding', label: 'Có cán bộ nữ trong Ban Thường vụ', measure: 'female', over: 'standing', rule: { kind: 'minCount', value: 1 }, source: CT45, confirmed: true },
      {
        key: 'young',
        label: 'Cán bộ trẻ dưới 42 tuổi (tính cho cả nhiệm kỳ)',
        measure: 'young',
        over: 'all',
        rule: { kind: 'minShare', value: 0.1 },
        source: CT45,
        confirmed: true,
        onlyProvinceOrCommune: true,
        overTerm: true,
      },
      { key: 'sciTech', label: 'Cán bộ có trình độ khoa học, công nghệ', measure: 'sciTech', over: 'all', rule: { kind: 'aboutShare', value: 0.05, tolerance: 0.02 }, source: `${CT45}; biên độ "khoảng" ±2 điểm phần trăm [U]`, confirmed: false },
      { key: 'ethnicMinority', label: 'Cấp ủy viên người dân tộc thiểu số', measure: 'ethnicMinority', over: 'all', rule: { kind: 'minShare', value: 0 }, source: `${CT45}: phù hợp với cơ cấu dân tộc — tỷ lệ do đơn vị đặt`, confirmed: true },
      { key: 'renewal', label: 'Đổi mới cấp ủy viên', measure: 'newMember', over: 'all', rule: { kind: 'minShare', value: 1 / 3 }, source: CT45, confirmed: true, skipForMergedUnit: true },
      { key: 'threeAgeBands', label: 'Cơ cấu ba độ tuổi', measure: 'ageBands', over: 'all', rule: { kind: 'allBands' }, source: CT45, confirmed: true },
    ],
  },
};

/** What is wrong with a unit's targets (the values it sets per unit), field by field. */
export function targetProblems(targets: readonly CompositionTarget[], bands: AgeBands): { field: string; code: string; message: string }[] {
  const out: { field: string; code: string; message: string }[] = [];
  const keys = new Set<string>();
  targets.forEach((t, i) => {
    if (keys.has(t.key)) out.push({ field: `targets.${i}.key`, code: 'DUPLICATE_TARGET', message: `Mục tiêu "${t.label}" có hai lần.` });
    keys.add(t.key);
    if (t.rule.kind === 'shareRange' && t.rule.min > t.rule.max)
      out.push({ field: `targets.${i}.rule.min`, code: 'RANGE_ORDER', message: `${t.label}: cận dưới (${pctText(t.rule.min)}) lớn hơn cận trên (${pctText(t.rule.max)}).` });
    if (t.measure === 'ageBands' && t.rule.kind !== 'allBands') out.push({ field: `targets.${i}.rule`, code: 'RULE_MEASURE', message: `${t.label}: mục tiêu ba độ tuổi chỉ xét có đủ ba độ tuổi.` });
    if (t.measure !== 'ageBands' && t.rule.kind === 'allBands') out.push({ field: `targets.${i}.rule`, code: 'RULE_MEASURE', message: `${t.label}: cần một tỷ lệ hoặc số người.` });
  });
  if (!(bands.youngBelow <= bands.middleFrom && bands.middleFrom <= bands.middleTo)) out.push({ field: 'ageBands', code: 'BANDS_ORDER', message: 'Các mốc độ tuổi phải tăng dần.' });
  return out;
}
