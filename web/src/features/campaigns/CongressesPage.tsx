import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { congressStatuses } from '../../../../shared/src/contracts/campaigns.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatCount, formatDateVi } from '../../lib/format.ts';
import { campaignQuery, type CongressFilters, congressesQuery, type CongressSummary } from './campaigns.api.ts';
import { StatusTag } from './labels.tsx';

const PAGE = 50;

/** Danh sách đại hội of a campaign, filtered by level, status, pilot, postponed, warned and name. */
export function CongressesPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const orgId = params.get('orgId') ? Number(params.get('orgId')) : undefined;
  const campaign = useQuery(campaignQuery(id));
  const [filters, setFilters] = useState<CongressFilters>({});
  const [page, setPage] = useState(1);
  const query: CongressFilters = { ...filters, orgId, limit: PAGE, offset: (page - 1) * PAGE };
  const { data, error, isFetching } = useQuery(congressesQuery(id, query));
  usePageTitle(t('campaigns.dash.congresses'));
  const set = (patch: CongressFilters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const yesNo = [
    { value: 'true', label: t('campaigns.filters.yes') },
    { value: 'false', label: t('campaigns.filters.no') },
  ];

  return (
    <div className="page">
      <Breadcrumb
        items={[
          { title: <Link to="/campaigns">{t('campaigns.title')}</Link> },
          { title: <Link to={`/campaigns/${id}${orgId ? `?orgId=${orgId}` : ''}`}>{campaign.data?.name ?? '…'}</Link> },
          { title: t('campaigns.dash.congresses') },
        ]}
      />
      <Typography.Title level={2}>{t('campaigns.dash.congresses')}</Typography.Title>
      <Card size="small">
        <Form layout="vertical" className="campaign-filters">
          <Space wrap align="end">
            <Form.Item label={t('campaigns.filters.search')} htmlFor="congress-q">
              <Input.Search id="congress-q" allowClear onSearch={(q) => set({ q: q.trim() || undefined })} style={{ width: 280 }} />
            </Form.Item>
            <Form.Item label={t('campaigns.filters.level')} htmlFor="congress-level">
              <Select
                id="congress-level"
                allowClear
                placeholder={t('campaigns.filters.all')}
                style={{ width: 260 }}
                options={(campaign.data?.levels ?? []).filter((l) => l.level > 0).map((l) => ({ value: l.level, label: l.name }))}
                onChange={(level?: number) => set({ level })}
              />
            </Form.Item>
            <Form.Item label={t('campaigns.filters.status')} htmlFor="congress-status">
              <Select
                id="congress-status"
                allowClear
                placeholder={t('campaigns.filters.all')}
                style={{ width: 220 }}
                options={congressStatuses.map((s) => ({ value: s, label: t(`campaigns.statuses.${s}`) }))}
                onChange={(status?: CongressFilters['status']) => set({ status })}
              />
            </Form.Item>
            {(['pilot', 'postponed', 'warned'] as const).map((k) => (
              <Form.Item key={k} label={t(`campaigns.filters.${k}`)} htmlFor={`congress-${k}`}>
                <Select id={`congress-${k}`} allowClear placeholder={t('campaigns.filters.all')} style={{ width: 120 }} options={yesNo} onChange={(v?: 'true' | 'false') => set({ [k]: v })} />
              </Form.Item>
            ))}
          </Space>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon message={errorMessage(error)} />}
      <Card>
        <Table<CongressSummary>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => t('campaigns.filters.count', { count: n }) }}
          columns={[
            { title: t('campaigns.congress.org'), render: (_, c) => <Link to={`/congresses/${c.id}`}>{c.org.name}</Link> },
            { title: t('campaigns.congress.level'), width: 90, render: (_, c) => campaign.data?.levels.find((l) => l.level === c.level)?.name ?? c.level },
            { title: t('campaigns.congress.status'), render: (_, c) => <StatusTag status={c.status} /> },
            {
              title: t('campaigns.congress.dates'),
              render: (_, c) => (c.start ? `${formatDateVi(c.start)}${c.end && c.end !== c.start ? ` – ${formatDateVi(c.end)}` : ''}` : t('campaigns.congress.notScheduled')),
            },
            { title: t('campaigns.congress.pilot'), render: (_, c) => (c.isPilot ? <Tag color="purple">{t('campaigns.congress.pilot')}</Tag> : null) },
            { title: t('campaigns.congress.postponeCount'), align: 'right', render: (_, c) => (c.postponeCount ? formatCount(c.postponeCount) : '') },
            { title: t('campaigns.congress.warnings'), align: 'right', render: (_, c) => (c.warningCodes.length ? <Tag color="orange">{c.warningCodes.length}</Tag> : '') },
          ]}
        />
      </Card>
    </div>
  );
}
