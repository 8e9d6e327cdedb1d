import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Alert, Badge, Calendar, Popover, Segmented, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { calendarQuery } from './campaigns.api.ts';
import { StatusTag } from './labels.tsx';
import { mondayOf, WeekCalendar } from './WeekCalendar.tsx';

/** The congresses of a month or of a week; the month counts per day, the week names every congress. */
export function CongressCalendar({ campaignId, orgId, initial }: { campaignId: number; orgId?: number; initial: string }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'month' | 'week'>('month');
  return (
    <>
      <Segmented
        className="campaign-calendar__mode"
        aria-label={t('campaigns.week.mode')}
        value={mode}
        onChange={(v) => setMode(v as 'month' | 'week')}
        options={[
          { value: 'month', label: t('campaigns.week.month') },
          { value: 'week', label: t('campaigns.week.week') },
        ]}
      />
      {mode === 'month' ? <MonthView campaignId={campaignId} orgId={orgId} initial={initial} /> : <WeekView campaignId={campaignId} orgId={orgId} initial={initial} />}
    </>
  );
}

function WeekView({ campaignId, orgId, initial }: { campaignId: number; orgId?: number; initial: string }) {
  const { t } = useTranslation();
  const [monday, setMonday] = useState<Dayjs>(() => mondayOf(dayjs(initial)));
  const from = monday.format('YYYY-MM-DD');
  const to = monday.add(6, 'day').format('YYYY-MM-DD');
  const { data } = useQuery(calendarQuery(campaignId, orgId, from, to));
  const days = new Map(
    (data?.days ?? []).map((d) => [
      d.date,
      {
        holiday: d.holiday,
        workingDay: d.workingDay,
        summary: (
          <>
            {d.held > 0 && <Badge color="green" text={`${d.held} ${t('campaigns.statuses.held').toLowerCase()}`} />}
            {d.planned > 0 && <Badge color="blue" text={`${d.planned} ${t('campaigns.statuses.planned').toLowerCase()}`} />}
          </>
        ),
      },
    ]),
  );
  return (
    <>
      {data?.truncated && <Alert type="info" showIcon message={t('campaigns.dash.calendarTruncated')} />}
      <WeekCalendar
        monday={monday}
        onChange={setMonday}
        days={days}
        label={t('campaigns.week.label')}
        entries={(data?.congresses ?? [])
          .filter((c) => c.start)
          .map((c) => ({
            key: c.id,
            start: c.start!,
            end: c.end,
            node: (
              <>
                <Link to={`/congresses/${c.id}`}>{c.org.name}</Link> <StatusTag status={c.status} />
              </>
            ),
          }))}
      />
    </>
  );
}

/** A month of congresses: how many are held or planned each day, holidays marked; a day opens its list. */
function MonthView({ campaignId, orgId, initial }: { campaignId: number; orgId?: number; initial: string }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState<Dayjs>(() => dayjs(initial).startOf('month'));
  const from = month.startOf('month').format('YYYY-MM-DD');
  const to = month.endOf('month').format('YYYY-MM-DD');
  const { data } = useQuery(calendarQuery(campaignId, orgId, from, to));
  const days = new Map((data?.days ?? []).map((d) => [d.date, d]));

  const cell = (d: Dayjs) => {
    if (!d.isSame(month, 'month')) return null;
    const iso = d.format('YYYY-MM-DD');
    const day = days.get(iso);
    if (!day) return null;
    const list = (data?.congresses ?? []).filter((c) => c.start && c.start <= iso && (c.end ?? c.start) >= iso);
    const count = day.held + day.planned;
    return (
      <div className="campaign-calendar__cell">
        {day.holiday && (
          <Tooltip title={day.holiday}>
            <span className="campaign-calendar__holiday">{day.holiday}</span>
          </Tooltip>
        )}
        {day.held > 0 && <Badge color="green" text={`${day.held} ${t('campaigns.statuses.held').toLowerCase()}`} />}
        {day.planned > 0 && <Badge color="blue" text={`${day.planned} ${t('campaigns.statuses.planned').toLowerCase()}`} />}
        {count > 0 && list.length > 0 && (
          <Popover
            title={t('campaigns.dash.calendarCount', { count })}
            content={
              <ul className="campaign-calendar__list">
                {list.slice(0, 30).map((c) => (
                  <li key={c.id}>
                    <Link to={`/congresses/${c.id}`}>{c.org.name}</Link> — {t(`campaigns.statuses.${c.status}`)}
                  </li>
                ))}
              </ul>
            }
          >
            <span className="campaign-calendar__more">…</span>
          </Popover>
        )}
      </div>
    );
  };

  return (
    <>
      {data?.truncated && <Alert type="info" showIcon message={t('campaigns.dash.calendarTruncated')} />}
      <Calendar
        className="campaign-calendar"
        mode="month"
        value={month}
        onPanelChange={(d) => setMonth(d.startOf('month'))}
        onSelect={(d, info) => info.source !== 'date' && setMonth(d.startOf('month'))}
        cellRender={(d, info) => (info.type === 'date' ? cell(d) : info.originNode)}
      />
    </>
  );
}
