import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Empty, List, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../lib/api.ts';
import { formatCount, formatDateTime, formatDateVi } from '../../../lib/format.ts';
import { AuditActionLabel } from '../../audit/AuditActionLabel.tsx';
import { historyQuery, type Merge } from '../orgs.api.ts';

/** Which units became which, when and by which decision — and every recorded change of this unit. */
export function OrgHistory({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const { data, error, isPending } = useQuery(historyQuery(orgId));
  if (isPending) return <Skeleton active />;
  if (error) return <Alert type="error" showIcon message={errorMessage(error)} />;

  return (
    <div className="org-history">
      <section aria-label={t('history.merges')}>
        <Typography.Title level={5}>{t('history.merges')}</Typography.Title>
        {data.merges.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.noMerges')} />
        ) : (
          <List dataSource={data.merges} renderItem={(m) => <MergeItem merge={m} />} />
        )}
      </section>
      <section aria-label={t('history.events')}>
        <Typography.Title level={5}>{t('history.events')}</Typography.Title>
        {data.events.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.noEvents')} />
        ) : (
          <Timeline
            items={data.events.map((e) => ({
              key: e.id,
              children: (
                <div className="org-history__event">
                  <Typography.Text type="secondary">
                    {formatDateTime(e.at)} · {e.actorUsername ?? t('audit.system')}
                  </Typography.Text>
                  <div>
                    <AuditActionLabel action={e.action} /> {e.summary}
                  </div>
                </div>
              ),
            }))}
          />
        )}
      </section>
    </div>
  );
}

function MergeItem({ merge }: { merge: Merge }) {
  const { t } = useTranslation();
  return (
    <List.Item>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        title={
          <span>
            {t('history.decision', { no: merge.decisionNo })}{' '}
            <Tag color="orange">{t('rollup.unitsReduced', { n: formatCount(merge.unitsReduced) })}</Tag>
          </span>
        }
        items={[
          { key: 'decisionDate', label: t('merge.decisionDate'), children: formatDateVi(merge.decisionDate) },
          { key: 'effectiveDate', label: t('merge.effectiveDate'), children: formatDateVi(merge.effectiveDate) },
          {
            key: 'sources',
            label: t('history.sources'),
            children: merge.sources.map((s, i) => (
              <span key={s.id}>
                {i > 0 && ', '}
                <Link to={`/orgs/${s.id}`}>{s.name}</Link>
              </span>
            )),
          },
          { key: 'target', label: t('history.target'), children: <Link to={`/orgs/${merge.target.id}`}>{merge.target.name}</Link> },
          ...(merge.note ? [{ key: 'note', label: t('merge.note'), children: merge.note, span: 2 }] : []),
        ]}
      />
    </List.Item>
  );
}
