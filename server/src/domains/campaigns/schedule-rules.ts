/**
 * Congress scheduling rules (election-rules.md §2.2, §1.11, §8 item 8), pure: deadline and
 * provincial target per level, the window start, the maximum duration with the preparatory
 * session counted inside, the 30-working-day opening notice, the form (members' or
 * delegates' congress) and the contents (4, 3 or 2). Errors are impossible input and
 * change nothing; warnings are rule breaches the user may keep only with a recorded reason.
 */
import { formatDateVi, formatNumberVi } from '../../../../shared/src/format.ts';
import { calendarGaps, daysBetween, type IsoDate, isIsoDate, subtractWorkingDays, type WorkCalendar, workingDaysFrom } from '../../../../shared/src/calendar/working-days.ts';

export type CongressForm = 'members' | 'delegates';
export type CongressContents = 4 | 3 | 2;
export type CellTermMode = 'twicePer5y' | 'oncePer5y';

export type LevelRule = {
  level: number;
  /** Central deadline: the congress ends on this day at the latest. */
  centralDeadline: IsoDate | null;
  /** The provincial plan's earlier target, if any. */
  provincialTarget: IsoDate | null;
  /** Congresses of the level start from this day (pilots may go first). */
  windowStart: IsoDate | null;
  /** Maximum length in days, the preparatory session counted inside. */
  maxDays: number | null;
  maxPreparatoryDays: number | null;
  /** Organization types of the level with their own maximum (e.g. đảng bộ bộ phận 1 day, chi bộ trực thuộc ½ day). */
  maxDaysByType?: { typeCode: string; maxDays: number }[] | undefined;
  source: string;
  confirmed: boolean;
};

export type CampaignSettings = {
  delegatesCongressMinMembers: number;
  noticeWorkingDays: number;
  contentsAllowed: CongressContents[];
  cellTermModeDefault: CellTermMode;
  epidemicPlan: { active: boolean; measures: { code: string; label: string }[] };
  /** Local days off added to the national holiday data (e.g. a provincial holiday). */
  extraOffDays: IsoDate[];
};

export type RuleInfo = { key: string; label: string; source: string; confirmed: boolean };

export const scheduleErrorCodes = [
  'DATE_INVALID',
  'END_WITHOUT_START',
  'END_BEFORE_START',
  'DURATION_EXCEEDS_DATES',
  'PREPARATORY_EXCEEDS_DURATION',
  'NOTICE_AFTER_START',
  'CONTENTS_BASIS_REQUIRED',
] as const;
export type ScheduleErrorCode = (typeof scheduleErrorCodes)[number];

export const scheduleWarningCodes = [
  'DEADLINE_MISSED',
  'TARGET_MISSED',
  'BEFORE_WINDOW',
  'DURATION_OVER_LIMIT',
  'PREPARATORY_OVER_LIMIT',
  'NOTICE_TOO_SHORT',
  'NOTICE_OVERDUE',
  'FORM_DIFFERS_FROM_RULE',
  'CONTENTS_NOT_IN_DIRECTIVE',
] as const;
export type ScheduleWarningCode = (typeof scheduleWarningCodes)[number];

export type Finding<C extends string> = { code: C; message: string; days?: number };

const d = formatDateVi;
const n1 = (x: number) => formatNumberVi(x, Number.isInteger(x) ? 0 : 1);

export type ScheduleInput = {
  isPilot: boolean;
  start: IsoDate | null;
  end: IsoDate | null;
  /** Sum of the sessions in days (0.5 steps), the preparatory session included; defaults to the calendar span. */
  durationDays: number | null;
  preparatoryDays: number;
  noticeDate: IsoDate | null;
  /** Already held: the notice can no longer be overdue. */
  held: boolean;
  /** Only for read-time findings (NOTICE_OVERDUE); saves never depend on today. */
  today?: IsoDate;
};

export type ScheduleFacts = {
  calendarDays: number | null;
  durationDays: number | null;
  /** Latest day the opening notice may go out. */
  noticeLatest: IsoDate | null;
  /** Working days from the recorded notice (counted) to the opening (not counted). */
  noticeWorkingDays: number | null;
  /** Days between the end and the central deadline (negative: ahead). */
  daysAfterDeadline: number | null;
  calendarGaps: { year: number; missing: boolean; notes: readonly string[] }[];
};

export function checkSchedule(
  input: ScheduleInput,
  rule: LevelRule | undefined,
  settings: Pick<CampaignSettings, 'noticeWorkingDays'>,
  cal: WorkCalendar,
): { errors: Finding<ScheduleErrorCode>[]; warnings: Finding<ScheduleWarningCode>[]; facts: ScheduleFacts } {
  const errors: Finding<ScheduleErrorCode>[] = [];
  const warnings: Finding<ScheduleWarningCode>[] = [];
  const facts: ScheduleFacts = { calendarDays: null, durationDays: null, noticeLatest: null, noticeWorkingDays: null, daysAfterDeadline: null, calendarGaps: [] };
  for (const [field, v] of [['start', input.start], ['end', input.end], ['noticeDate', input.noticeDate]] as const) {
    if (v !== null && !isIsoDate(v)) errors.push({ code: 'DATE_INVALID', message: `Ngày không hợp lệ (${field}).` });
  }
  if (errors.length) return { errors, warnings, facts };
  const start = input.start;
  const end = input.end ?? input.start;
  if (!start) {
    if (input.end) errors.push({ code: 'END_WITHOUT_START', message: 'Có ngày kết thúc nhưng chưa có ngày khai mạc.' });
    return { errors, warnings, facts };
  }
  if (end! < start) {
    errors.push({ code: 'END_BEFORE_START', message: `Ngày kết thúc ${d(end)} trước ngày khai mạc ${d(start)}.` });
    return { errors, warnings, facts };
  }
  const span = daysBetween(start, end!) + 1;
  const duration = input.durationDays ?? span;
  facts.calendarDays = span;
  facts.durationDays = duration;
  if (duration > span) errors.push({ code: 'DURATION_EXCEEDS_DATES', message: `Thời gian ${n1(duration)} ngày dài hơn số ngày từ ${d(start)} đến ${d(end)} (${span} ngày).` });
  if (input.preparatoryDays > duration)
    errors.push({ code: 'PREPARATORY_EXCEEDS_DURATION', message: `Phiên trù bị (${n1(input.preparatoryDays)} ngày) dài hơn cả đại hội (${n1(duration)} ngày).` });
  if (input.noticeDate && input.noticeDate > start)
    errors.push({ code: 'NOTICE_AFTER_START', message: `Ngày thông báo ${d(input.noticeDate)} sau ngày khai mạc ${d(start)}.` });
  if (errors.length) return { errors, warnings, facts };

  if (rule?.centralDeadline) {
    const late = daysBetween(rule.centralDeadline, end!);
    facts.daysAfterDeadline = late;
    if (late > 0)
      warnings.push({ code: 'DEADLINE_MISSED', days: late, message: `Kết thúc ngày ${d(end)}, chậm ${late} ngày so với thời hạn của Trung ương (${d(rule.centralDeadline)}).` });
  }
  if (rule?.provincialTarget) {
    const late = daysBetween(rule.provincialTarget, end!);
    if (late > 0 && !(rule.centralDeadline && end! > rule.centralDeadline))
      warnings.push({ code: 'TARGET_MISSED', days: late, message: `Kết thúc ngày ${d(end)}, chậm ${late} ngày so với mốc phấn đấu của kế hoạch (${d(rule.provincialTarget)}).` });
  }
  if (rule?.windowStart && !input.isPilot && start < rule.windowStart) {
    const early = daysBetween(start, rule.windowStart);
    warnings.push({ code: 'BEFORE_WINDOW', days: early, message: `Khai mạc ${d(start)}, sớm ${early} ngày so với thời điểm bắt đầu đại hội cấp này (${d(rule.windowStart)}); chỉ đại hội điểm được tổ chức trước.` });
  }
  if (rule?.maxDays != null && duration > rule.maxDays)
    warnings.push({ code: 'DURATION_OVER_LIMIT', message: `Thời gian đại hội ${n1(duration)} ngày, vượt mức tối đa ${n1(rule.maxDays)} ngày (tính cả phiên trù bị).` });
  if (rule?.maxPreparatoryDays != null && input.preparatoryDays > rule.maxPreparatoryDays)
    warnings.push({ code: 'PREPARATORY_OVER_LIMIT', message: `Phiên trù bị ${n1(input.preparatoryDays)} ngày, vượt mức tối đa ${n1(rule.maxPreparatoryDays)} ngày.` });

  const need = settings.noticeWorkingDays;
  if (need > 0) {
    facts.noticeLatest = subtractWorkingDays(cal, start, need);
    facts.calendarGaps = calendarGaps(cal, facts.noticeLatest, start);
    if (input.noticeDate) {
      const counted = workingDaysFrom(cal, input.noticeDate, start);
      facts.noticeWorkingDays = counted;
      if (counted < need)
        warnings.push({
          code: 'NOTICE_TOO_SHORT',
          days: need - counted,
          message: `Thông báo ngày ${d(input.noticeDate)} chỉ trước khai mạc ${counted} ngày làm việc, cần ít nhất ${need} ngày (chậm nhất ngày ${d(facts.noticeLatest)}).`,
        });
    } else if (!input.held && input.today && input.today > facts.noticeLatest) {
      warnings.push({
        code: 'NOTICE_OVERDUE',
        days: daysBetween(facts.noticeLatest, input.today),
        message: `Chưa ghi nhận thông báo ngày khai mạc; hạn gửi thông báo là ${d(facts.noticeLatest)} (${need} ngày làm việc trước khai mạc).`,
      });
    }
  }
  return { errors, warnings, facts };
}

/** The end date the schedule implies (a one-day congress may omit it). */
export const effectiveEnd = (start: IsoDate | null, end: IsoDate | null): IsoDate | null => end ?? start;

// ---- Form: members' or delegates' congress (election-rules.md §1.11) ----

export type FormPosition = 'above' | 'grassroots' | 'below';
export const CELL_TYPE_CODES: readonly string[] = ['grassrootsCell', 'subordinateCell', 'subordinateCellL5'];

export function orgPosition(level: number, grassrootsLevel: number): FormPosition {
  return level < grassrootsLevel ? 'above' : level === grassrootsLevel ? 'grassroots' : 'below';
}

/**
 * Above the grassroots: delegates' congress. A grassroots committee with at least the
 * threshold (200) of members: delegates'; below it: members' (a delegates' congress needs the
 * upper committee's consent). Cells and units below the grassroots: members' congress.
 */
export function expectedForm(o: { position: FormPosition; isCell: boolean; members: number }, threshold: number): { form: CongressForm; basis: string } {
  if (o.position === 'above') return { form: 'delegates', basis: 'Đảng bộ cấp trên cơ sở trở lên tiến hành đại hội đại biểu.' };
  if (o.isCell) return { form: 'members', basis: 'Chi bộ tiến hành đại hội đảng viên.' };
  if (o.position === 'below') return { form: 'members', basis: 'Đảng bộ bộ phận tiến hành đại hội đảng viên.' };
  return o.members >= threshold
    ? { form: 'delegates', basis: `Đảng bộ cơ sở có ${formatNumberVi(o.members)} đảng viên (từ ${threshold} trở lên): đại hội đại biểu.` }
    : { form: 'members', basis: `Đảng bộ cơ sở có ${formatNumberVi(o.members)} đảng viên (dưới ${threshold}): đại hội đảng viên; đại hội đại biểu cần cấp ủy cấp trên đồng ý.` };
}

export function checkForm(chosen: CongressForm, expected: { form: CongressForm; basis: string }): Finding<ScheduleWarningCode>[] {
  if (chosen === expected.form) return [];
  const label = chosen === 'delegates' ? 'đại hội đại biểu' : 'đại hội đảng viên';
  return [{ code: 'FORM_DIFFERS_FROM_RULE', message: `Chọn ${label}, khác quy định: ${expected.basis}` }];
}

// ---- Contents (§2.1, §8 item 8) ----

export const contentItems = [
  { no: 1, label: 'Tổng kết nhiệm kỳ, xác định phương hướng nhiệm kỳ mới' },
  { no: 2, label: 'Thảo luận, đóng góp ý kiến vào dự thảo văn kiện của cấp trên' },
  { no: 3, label: 'Bầu ban chấp hành (cấp ủy) khóa mới' },
  { no: 4, label: 'Bầu đoàn đại biểu dự đại hội cấp trên' },
] as const;

/** 4: all; 3: no committee election (upper consent); 2: merged or new units, committee and delegates appointed. */
export function contentsOf(contents: CongressContents): number[] {
  return contents === 4 ? [1, 2, 3, 4] : contents === 3 ? [1, 2, 4] : [1, 2];
}

export function checkContents(
  c: { contents: CongressContents; basis: string | null },
  allowed: readonly CongressContents[],
): { errors: Finding<ScheduleErrorCode>[]; warnings: Finding<ScheduleWarningCode>[] } {
  const errors: Finding<ScheduleErrorCode>[] = [];
  const warnings: Finding<ScheduleWarningCode>[] = [];
  const basis = c.basis?.trim() ?? '';
  if (c.contents === 3 && !basis)
    errors.push({ code: 'CONTENTS_BASIS_REQUIRED', message: 'Đại hội 3 nội dung (chưa bầu cấp ủy khóa mới) phải ghi văn bản đồng ý của cấp ủy có thẩm quyền.' });
  if (c.contents === 2 && !basis)
    errors.push({ code: 'CONTENTS_BASIS_REQUIRED', message: 'Đại hội 2 nội dung phải ghi quyết định hợp nhất, sáp nhập hoặc thành lập đảng bộ (cấp trên chỉ định cấp ủy).' });
  if (!allowed.includes(c.contents))
    warnings.push({ code: 'CONTENTS_NOT_IN_DIRECTIVE', message: `Chỉ thị của đợt đại hội này không quy định đại hội ${c.contents} nội dung.` });
  return { errors, warnings };
}

/** Codes newly broken compared with the ones already accepted with a recorded reason. */
export function newWarnings(now: readonly { code: string }[], accepted: readonly string[]): string[] {
  const acc = new Set(accepted);
  return [...new Set(now.map((w) => w.code))].filter((c) => !acc.has(c));
}

/** The level's rule as it applies to one organization type: a type-specific maximum replaces the level's. */
export function ruleForType(rule: LevelRule | undefined, typeCode: string): LevelRule | undefined {
  const own = rule?.maxDaysByType?.find((t) => t.typeCode === typeCode);
  return own ? { ...rule!, maxDays: own.maxDays } : rule;
}

/** Checks the levels of a campaign: dates in order. */
export function checkLevelRules(levels: readonly LevelRule[]): (Finding<'LEVEL_DATES_OUT_OF_ORDER' | 'LEVEL_DUPLICATE'> & { level: number })[] {
  const out: (Finding<'LEVEL_DATES_OUT_OF_ORDER' | 'LEVEL_DUPLICATE'> & { level: number })[] = [];
  const seen = new Set<number>();
  for (const l of levels) {
    if (seen.has(l.level)) out.push({ level: l.level, code: 'LEVEL_DUPLICATE', message: `Cấp ${l.level} được khai báo hai lần.` });
    seen.add(l.level);
    if (l.provincialTarget && l.centralDeadline && l.provincialTarget > l.centralDeadline)
      out.push({ level: l.level, code: 'LEVEL_DATES_OUT_OF_ORDER', message: `Cấp ${l.level}: mốc phấn đấu ${d(l.provincialTarget)} sau thời hạn của Trung ương ${d(l.centralDeadline)}.` });
    const last = l.provincialTarget ?? l.centralDeadline;
    if (l.windowStart && last && l.windowStart > last)
      out.push({ level: l.level, code: 'LEVEL_DATES_OUT_OF_ORDER', message: `Cấp ${l.level}: thời điểm bắt đầu ${d(l.windowStart)} sau thời hạn ${d(last)}.` });
    if (l.maxPreparatoryDays != null && l.maxDays != null && l.maxPreparatoryDays > l.maxDays)
      out.push({ level: l.level, code: 'LEVEL_DATES_OUT_OF_ORDER', message: `Cấp ${l.level}: phiên trù bị dài hơn thời gian tối đa của đại hội.` });
    const types = new Set<string>();
    for (const t of l.maxDaysByType ?? []) {
      if (types.has(t.typeCode)) out.push({ level: l.level, code: 'LEVEL_DUPLICATE', message: `Cấp ${l.level}: loại tổ chức "${t.typeCode}" có hai mức thời gian tối đa.` });
      types.add(t.typeCode);
      if (l.maxPreparatoryDays != null && l.maxPreparatoryDays > t.maxDays)
        out.push({ level: l.level, code: 'LEVEL_DATES_OUT_OF_ORDER', message: `Cấp ${l.level}: phiên trù bị dài hơn thời gian tối đa của loại "${t.typeCode}".` });
    }
  }
  return out;
}

/** Days a held congress ended before (+) or after (−) a date; for a single date compare. */
export const daysAhead = (end: IsoDate, deadline: IsoDate): number => daysBetween(end, deadline);
