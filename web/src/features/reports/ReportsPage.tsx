import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { type Campaign, campaignsQuery } from '../campaigns/campaigns.api.ts';

const registers = ['oversight', 'disciplines', 'study-sessions', 'resolutions'] as const;

/** Báo cáo: the registers, and a summary report per campaign the reader can see. */
export function ReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.title'));
  const campaigns = useQuery(campaignsQuery);
  return (
    <div className="page">
      <div className="page__head">
        <div>
          <Typography.Title level={2}>{t('reports.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('reports.intro')}</Typography.Text>
        </div>
      </div>
      <section aria-label={t('reports.summaries')}>
        <Card title={t('reports.summaries')}>
          <Table<Campaign>
            rowKey="id"
            size="small"
            loading={campaigns.isPending}
            dataSource={campaigns.data ?? []}
            pagination={false}
            columns={[
              { key: 'name', title: t('campaigns.list.name'), render: (_, c) => c.name },
              { key: 'term', title: t('campaigns.list.term'), width: 110, render: (_, c) => `${c.termFrom}–${c.termTo}` },
              { key: 'open', title: '', width: 200, render: (_, c) => <Link to={`/campaigns/${c.id}/summary-report`} aria-label={`${t('reports.openSummary')}: ${c.name}`}>{t('reports.openSummary')}</Link> },
            ]}
          />
        </Card>
      </section>
      <Row gutter={[16, 16]}>
        {registers.map((r) => (
          <Col key={r} xs={24} md={12}>
            <Card title={<Link to={`/reports/${r}`}>{t(`reports.registers.${r}`)}</Link>}>
              <Typography.Text type="secondary">{t(`reports.registerHint.${r}`)}</Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
