import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { PageSpinner } from '../../app/PageSpinner.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatCount, formatDateVi } from '../../lib/format.ts';
import { figuresQuery, registerQuery } from './delegates.api.ts';
import { CheckInPanel } from './CheckInPanel.tsx';
import { CredentialsTab } from './CredentialsTab.tsx';
import { HealthTab } from './HealthTab.tsx';
import { RegisterTab } from './RegisterTab.tsx';
import './delegates.css';

function FiguresTab({ congressId }: { congressId: number }) {
  const { t } = useTranslation();
  const { data: f } = useQuery(figuresQuery(congressId));
  if (!f) return null;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('delegates.figures.intro')}</Typography.Paragraph>
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('delegates.figures.summoned')}>{formatCount(f.summoned)}</Descriptions.Item>
        <Descriptions.Item label={t('delegates.figures.present')}>{formatCount(f.present)}</Descriptions.Item>
        <Descriptions.Item label={t('delegates.figures.convenerAbsent')}>{formatCount(f.exclusions.convenerMembersAbsentWhole)}</Descriptions.Item>
        <Descriptions.Item label={t('delegates.figures.absentNotReplaced')}>{formatCount(f.exclusions.delegatesAbsentWholeNotReplaced)}</Descriptions.Item>
        <Descriptions.Item label={t('delegates.figures.replaced')}>{formatCount(f.replaced)}</Descriptions.Item>
        <Descriptions.Item label={t('delegates.figures.notSummoned')}>{formatCount(f.notSummoned)}</Descriptions.Item>
      </Descriptions>
      <Alert className="delegates-card" type="info" showIcon message={f.note} />
    </>
  );
}

/** A congress' delegates: register, credentials, check-in with the quorum, health watch, and the figures elections take. */
export function CongressDelegatesPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'list';
  const { data: reg, error } = useQuery(registerQuery(id));
  usePageTitle(reg ? `${t('delegates.register.title')} — ${reg.congress.org.name}` : t('delegates.register.title'));
  if (error) return <Alert type="error" showIcon message={errorMessage(error)} />;
  if (!reg) return <PageSpinner />;
  return (
    <div className="page delegates-page">
      <Typography.Title level={2} className="page__title">
        {t('delegates.register.title')} — {reg.congress.org.name}
      </Typography.Title>
      <Space wrap className="delegates-links">
        <Link to={`/congresses/${id}`}>{t('delegates.nav.congress')}</Link>
        {reg.congress.form === 'delegates' && <Link to={`/congresses/${id}/allocation`}>{t('delegates.nav.allocation')}</Link>}
        {reg.congress.plannedStart && <Typography.Text type="secondary">{`${formatDateVi(reg.congress.plannedStart)}${reg.congress.plannedEnd && reg.congress.plannedEnd !== reg.congress.plannedStart ? ` – ${formatDateVi(reg.congress.plannedEnd)}` : ''}`}</Typography.Text>}
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'list', label: t('delegates.register.tabs.list'), children: <RegisterTab reg={reg} /> },
          { key: 'credentials', label: t('delegates.register.tabs.credentials'), children: <CredentialsTab reg={reg} /> },
          { key: 'checkIn', label: t('delegates.register.tabs.checkIn'), children: <CheckInPanel reg={reg} /> },
          { key: 'health', label: t('delegates.register.tabs.health'), children: <HealthTab reg={reg} /> },
          { key: 'figures', label: t('delegates.register.tabs.figures'), children: <FiguresTab congressId={id} /> },
        ]}
      />
    </div>
  );
}
