import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { congressOptionsQuery, type RoundListItem, roundsQuery } from './documents.api.ts';
import { StateTag } from './labels.tsx';

/** Văn kiện và góp ý: the rounds that concern the user, and the way into a congress' documents. */
export function DocumentsHubPage() {
  const { t } = useTranslation();
  usePageTitle(t('documents.title'));
  const rounds = useQuery(roundsQuery);
  const [q, setQ] = useState('');
  const options = useQuery(congressOptionsQuery(q));
  const navigate = useNavigate();
  return (
    <div className="page">
      <div className="page__head">
        <Typography.Title level={2}>{t('documents.title')}</Typography.Title>
      </div>
      {rounds.error && <Alert type="error" showIcon message={errorMessage(rounds.error)} />}
      <Card title={t('documents.hub.rounds')}>
        <Table<RoundListItem>
          rowKey="id"
          loading={rounds.isPending}
          dataSource={rounds.data ?? []}
          pagination={false}
          locale={{ emptyText: t('documents.hub.roundsEmpty') }}
          scroll={{ x: 900 }}
          columns={[
            { title: t('documents.round.title'), render: (_, r) => r.title },
            { title: t('documents.hub.document'), render: (_, r) => `${r.documentTitle} — ${r.orgName}` },
            { title: t('documents.round.version'), render: (_, r) => r.versionNo, width: 90, align: 'right' },
            { title: '', render: (_, r) => <StateTag state={r.state} />, width: 150 },
            { title: t('documents.hub.closesAt'), render: (_, r) => formatDateTime(r.closesAt), width: 150 },
            { title: t('documents.hub.comments'), render: (_, r) => formatCount(r.commentCount), align: 'right', width: 100 },
            {
              title: t('common.actions'),
              width: 260,
              render: (_, r) => (
                <Space wrap>
                  {(r.can.commentAsMember || r.can.commentAsOrg) && <Link to={`/consultations/${r.id}/comment`}>{t('documents.hub.comment')}</Link>}
                  {r.can.synthesize && <Link to={`/consultations/${r.id}/synthesis`}>{t('documents.hub.synthesize')}</Link>}
                  {r.can.manage && <Link to={`/consultations/${r.id}`}>{t('documents.hub.manage')}</Link>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('documents.hub.congress')}>
        <Space wrap>
          <Select
            showSearch
            allowClear
            style={{ width: 520 }}
            aria-label={t('documents.hub.congressPick')}
            placeholder={t('documents.hub.congressPlaceholder')}
            filterOption={false}
            onSearch={setQ}
            loading={options.isFetching}
            options={(options.data ?? []).map((c) => ({ value: c.id, label: `${c.org.name} — ${c.campaignName}` }))}
            onChange={(v: number | undefined) => v && navigate(`/congresses/${v}/documents`)}
          />
          <Button onClick={() => options.data?.[0] && navigate(`/congresses/${options.data[0].id}/documents`)} disabled={!options.data?.length}>
            {t('documents.hub.open')}
          </Button>
        </Space>
      </Card>
    </div>
  );
}
