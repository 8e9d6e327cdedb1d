/**
 * Glue between stored congress rows and the pure rules: which dates count (actual once held),
 * which level rule applies, the campaign's working calendar, and every finding at once.
 */
import type { Clock } from '../../platform/clock.ts';
import { buildCalendar, type IsoDate, type WorkCalendar } from '../../../../shared/src/calendar/working-days.ts';
import { vietnamHolidays } from '../../../../shared/src/calendar/vietnam-holidays.ts';
import { isHeld } from './lifecycle-rules.ts';
import type { CampaignRow, CongressRow } from './campaigns.repository.ts';
import {
  CELL_TYPE_CODES,
  checkContents,
  checkForm,
  checkSchedule,
  expectedForm,
  type Finding,
  type LevelRule,
  orgPosition,
  type ScheduleErrorCode,
  type ScheduleFacts,
  type ScheduleWarningCode,
  ruleForType,
} from './schedule-rules.ts';

/** Today in Vietnam (UTC+7), as a calendar date. */
export const todayVn = (clock: Clock): IsoDate => new Date(clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

const calendarCache = new Map<string, WorkCalendar>();
export function calendarOf(campaign: Pick<CampaignRow, 'settings'>): WorkCalendar {
  const extra = campaign.settings.extraOffDays ?? [];
  const key = extra.join(',');
  let cal = calendarCache.get(key);
  if (!cal) {
    cal = buildCalendar(vietnamHolidays, extra);
    if (calendarCache.size > 50) calendarCache.clear();
    calendarCache.set(key, cal);
  }
  return cal;
}

export const ruleOf = (campaign: Pick<CampaignRow, 'levels'>, level: number): LevelRule | undefined => campaign.levels.find((l) => l.level === level);

export type CongressFacts = Pick<
  CongressRow,
  | 'level'
  | 'status'
  | 'form'
  | 'contents'
  | 'contents_basis'
  | 'planned_start'
  | 'planned_end'
  | 'duration_days'
  | 'preparatory_days'
  | 'actual_start'
  | 'actual_end'
  | 'notice_date'
  | 'is_pilot'
  | 'type_code'
  | 'members'
>;

export type Evaluation = {
  errors: Finding<ScheduleErrorCode>[];
  warnings: Finding<ScheduleWarningCode>[];
  facts: ScheduleFacts;
  formByRule: { form: 'members' | 'delegates'; basis: string };
};

export function evaluate(c: CongressFacts, campaign: Pick<CampaignRow, 'levels' | 'settings'>, grassrootsLevel: number, today?: IsoDate): Evaluation {
  const held = isHeld(c.status);
  const start = held ? (c.actual_start ?? c.planned_start) : c.planned_start;
  const end = held ? (c.actual_end ?? c.actual_start ?? c.planned_end) : c.planned_end;
  const schedule = checkSchedule(
    {
      isPilot: c.is_pilot,
      start,
      end,
      durationDays: c.duration_days === null ? null : Number(c.duration_days),
      preparatoryDays: Number(c.preparatory_days ?? 0),
      noticeDate: c.notice_date,
      held: held || c.status === 'cancelled',
      ...(today ? { today } : {}),
    },
    ruleForType(ruleOf(campaign, c.level), c.type_code),
    campaign.settings,
    calendarOf(campaign),
  );
  const formByRule = expectedForm(
    { position: orgPosition(c.level, grassrootsLevel), isCell: CELL_TYPE_CODES.includes(c.type_code), members: Number(c.members) },
    campaign.settings.delegatesCongressMinMembers,
  );
  const contents = checkContents({ contents: c.contents, basis: c.contents_basis }, campaign.settings.contentsAllowed);
  return {
    errors: [...schedule.errors, ...contents.errors],
    warnings: [...schedule.warnings, ...checkForm(c.form, formByRule), ...contents.warnings],
    facts: schedule.facts,
    formByRule,
  };
}

/** The codes stored on the row: rule breaches at save time (never the read-time NOTICE_OVERDUE). */
export const storedCodes = (e: Evaluation) => [...new Set(e.warnings.map((w) => w.code).filter((c) => c !== 'NOTICE_OVERDUE'))].sort();
