import type { ReactNode } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { Button, Space, Tooltip, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateVi } from '../../lib/format.ts';

const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Weeks start on Monday, as Vietnamese calendars do. */
export const mondayOf = (d: Dayjs) => d.startOf('day').subtract((d.day() + 6) % 7, 'day');

export type WeekEntry = { key: string | number; start: string; end: string | null; node: ReactNode };
export type WeekDayInfo = { holiday: string | null; workingDay: boolean; summary?: ReactNode };

/** Seven columns, Monday to Sunday; each day lists the entries that run over it (a two-day congress shows on both days). */
export function WeekCalendar({
  monday,
  onChange,
  entries,
  days,
  label,
}: {
  monday: Dayjs;
  onChange: (monday: Dayjs) => void;
  entries: WeekEntry[];
  days?: Map<string, WeekDayInfo>;
  label: string;
}) {
  const { t } = useTranslation();
  const dates = Array.from({ length: 7 }, (_, i) => monday.add(i, 'day'));
  const iso = (d: Dayjs) => d.format('YYYY-MM-DD');
  const sunday = dates[6]!;
  return (
    <div className="week-calendar">
      <Space className="week-calendar__nav" wrap>
        <Button icon={<LeftOutlined aria-hidden />} onClick={() => onChange(monday.subtract(7, 'day'))}>
          {t('campaigns.week.previous')}
        </Button>
        <Typography.Text strong aria-live="polite">
          {t('campaigns.week.range', { from: formatDateVi(iso(monday)), to: formatDateVi(iso(sunday)) })}
        </Typography.Text>
        <Button onClick={() => onChange(mondayOf(dayjs()))}>{t('campaigns.week.thisWeek')}</Button>
        <Button icon={<RightOutlined aria-hidden />} iconPosition="end" onClick={() => onChange(monday.add(7, 'day'))}>
          {t('campaigns.week.next')}
        </Button>
      </Space>
      <table className="week-calendar__grid" aria-label={label}>
        <thead>
          <tr>
            {dates.map((d) => {
              const info = days?.get(iso(d));
              return (
                <th key={iso(d)} scope="col" className={info && !info.workingDay ? 'week-calendar__off' : undefined}>
                  <div>{t(`campaigns.week.days.${weekdayKeys[(d.day() + 6) % 7]!}`)}</div>
                  <div>{d.format('DD/MM')}</div>
                  {info?.holiday && (
                    <Tooltip title={info.holiday}>
                      <div className="campaign-calendar__holiday">{info.holiday}</div>
                    </Tooltip>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          <tr>
            {dates.map((d) => {
              const day = iso(d);
              const list = entries.filter((e) => e.start <= day && (e.end ?? e.start) >= day);
              const info = days?.get(day);
              return (
                <td key={day} className={info && !info.workingDay ? 'week-calendar__off' : undefined}>
                  {info?.summary}
                  <ul className="week-calendar__list">
                    {list.map((e) => (
                      <li key={e.key}>{e.node}</li>
                    ))}
                  </ul>
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
