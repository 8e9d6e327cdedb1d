import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { errorMessage } from '../../lib/api.ts';
import { type MyElection, myElectionsQuery } from './elections.api.ts';
import { statusColor } from './labels.ts';

/** Bầu cử của tôi: the elections where the user sits on the counting committee, with the work waiting there. */
export function MyElectionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('nav.myElections'));
  const { data, error, isPending } = useQuery(myElectionsQuery);

  return (
    <Card title={<Typography.Title level={3} className="page__title">{t('nav.myElections')}</Typography.Title>}>
      {error ? (
        <Alert type="error" showIcon message={errorMessage(error)} />
      ) : (
        <Table<MyElection>
          rowKey="id"
          loading={isPending}
          dataSource={data ?? []}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('elections.mine.none')} /> }}
          columns={[
            {
              key: 'title',
              title: t('elections.fields.title'),
              render: (_, e) => (
                <>
                  <Link to={`/elections/${e.id}`}>{e.title}</Link>
                  <div className="muted">{e.orgName}</div>
                </>
              ),
            },
            {
              key: 'role',
              title: t('elections.mine.role'),
              width: 200,
              render: (_, e) => <Tag color={e.isChief ? 'red' : 'blue'}>{e.isChief ? t('elections.counters.chief') : e.team ? t('elections.counters.teamOf', { team: e.team }) : t('elections.counters.member')}</Tag>,
            },
            { key: 'status', title: t('elections.fields.status'), width: 170, render: (_, e) => <Tag color={statusColor[e.status]}>{t(`elections.status.${e.status}`)}</Tag> },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 260,
              render: (_, e) => (
                <Space wrap>
                  {e.team && e.status === 'entry' && (
                    <Button type="primary" onClick={() => navigate(`/elections/${e.id}/entry`)}>
                      {t('elections.actions.enter')}
                    </Button>
                  )}
                  {e.isChief && e.status === 'entry' && (
                    <Button type="primary" onClick={() => navigate(`/elections/${e.id}/reconcile`)}>
                      {t('elections.actions.reconcile')}
                    </Button>
                  )}
                  {(e.status === 'counted' || e.status === 'published') && (
                    <Button onClick={() => navigate(`/elections/${e.id}/results`)}>{t('elections.actions.results')}</Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
