import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CongressStatus, LevelFigures } from '../../../../shared/src/contracts/campaigns.ts';

const statusColor: Record<CongressStatus, string> = {
  planned: 'default',
  documentsReady: 'cyan',
  personnelReady: 'blue',
  approved: 'geekblue',
  held: 'green',
  resultsApproved: 'green',
  closed: 'default',
  cancelled: 'red',
};

export function StatusTag({ status }: { status: CongressStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`campaigns.statuses.${status}`)}</Tag>;
}

/** Ahead of or behind the central deadline, in days, as the server computed it. */
export function DeadlineTag({ l }: { l: LevelFigures }) {
  const { t } = useTranslation();
  const n = (v: number | null) => Math.abs(v ?? 0);
  switch (l.deadlineStatus) {
    case 'done':
      return <Tag color="green">{t('campaigns.dash.daysAhead', { count: n(l.daysAheadOfDeadline) })}</Tag>;
    case 'doneLate':
      return <Tag color="red">{t('campaigns.dash.daysBehind', { count: n(l.daysAheadOfDeadline) })}</Tag>;
    case 'onTrack':
      return <Tag color="blue">{t('campaigns.dash.daysLeft', { count: n(l.daysLeft) })}</Tag>;
    case 'overdue':
      return <Tag color="red">{t('campaigns.dash.daysOverdue', { count: n(l.daysOverdue) })}</Tag>;
    default:
      return <Tag>{t('campaigns.dash.noDeadline')}</Tag>;
  }
}
