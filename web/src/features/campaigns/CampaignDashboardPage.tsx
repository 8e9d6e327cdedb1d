import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Alert, Breadcrumb, Button, Card, Col, DatePicker, Dropdown, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, SettingOutlined, SyncOutlined, TeamOutlined, UnorderedListOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { postponeReasons, type LevelFigures } from '../../../../shared/src/contracts/campaigns.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { PageSpinner } from '../../app/PageSpinner.tsx';
import { errorMessage } from '../../lib/api.ts';
import { DATE_FORMAT } from '../../lib/dates.ts';
import { formatCount, formatDateVi } from '../../lib/format.ts';
import { campaignKeys, campaignQuery, dashboardQuery, type Dashboard, eventsUrl, type ExportView, exportUrl, seriesQuery } from './campaigns.api.ts';
import { CongressCalendar } from './CongressCalendar.tsx';
import { ProgressChart } from './ProgressChart.tsx';
import { DeadlineTag, StatusTag } from './labels.tsx';
import './campaigns.css';

const DEMO_AS_OF = '2020-06-15';
const exportViews: ExportView[] = ['dashboard', 'children', 'congresses', 'calendar', 'series'];

/** Tiến độ đại hội: the figures of a campaign for the user's scope or any organization below it, live. */
export function CampaignDashboardPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ? Number(params.get('orgId')) : undefined;
  const asOf = params.get('asOf') ?? undefined;
  const campaign = useQuery(campaignQuery(id));
  const dash = useQuery(dashboardQuery(id, orgId, asOf));
  const series = useQuery(seriesQuery(id, orgId, asOf));
  const live = useLiveRefresh(id, orgId);
  usePageTitle(dash.data?.org.name ?? campaign.data?.name);

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const orgLink = (oid: number) => {
    const next = new URLSearchParams(params);
    next.set('orgId', String(oid));
    return `?${next.toString()}`;
  };

  if (dash.error) return <Alert type="error" showIcon message={errorMessage(dash.error)} />;
  const d = dash.data;
  if (!d) return <PageSpinner />;
  const isDemoTerm = campaign.data?.termFrom === 2020;

  return (
    <div className="page campaign-dashboard">
      <Breadcrumb
        items={[
          { title: <Link to="/campaigns">{t('campaigns.title')}</Link> },
          ...d.org.ancestors.map((a) => ({ title: <Link to={orgLink(a.id)}>{a.name}</Link> })),
          { title: d.org.name },
        ]}
      />
      <div className="page__head">
        <div>
          <Typography.Title level={2} className="page__title">
            {d.campaign.name}
          </Typography.Title>
          <Typography.Title level={3} className="campaign-dashboard__org">
            {d.org.name}
          </Typography.Title>
        </div>
        <Space wrap>
          <Link to={`/campaigns/${id}/congresses${orgId ? `?orgId=${orgId}` : ''}`}>
            <Button icon={<UnorderedListOutlined aria-hidden />} tabIndex={-1}>
              {t('campaigns.dash.congresses')}
            </Button>
          </Link>
          <Link to={`/campaigns/${id}/progress-import`}>
            <Button icon={<UploadOutlined aria-hidden />} tabIndex={-1}>
              {t('campaigns.progressImport.open')}
            </Button>
          </Link>
          <Link to={`/campaigns/${id}/settings`}>
            <Button icon={<SettingOutlined aria-hidden />} tabIndex={-1}>
              {t('campaigns.settings.open')}
            </Button>
          </Link>
          <Link to={`/campaigns/${id}/directors`}>
            <Button icon={<TeamOutlined aria-hidden />} tabIndex={-1}>
              {t('campaigns.directors.title')}
            </Button>
          </Link>
          <Dropdown
            menu={{
              items: exportViews.map((v) => ({
                key: v,
                label: (
                  <a href={exportUrl(id, v, orgId, asOf)} download>
                    {t(`campaigns.dash.exportViews.${v}`)}
                  </a>
                ),
              })),
            }}
          >
            <Button icon={<DownloadOutlined aria-hidden />}>{t('campaigns.dash.export')}</Button>
          </Dropdown>
        </Space>
      </div>

      <Card size="small" className="campaign-dashboard__toolbar">
        <Space wrap align="center">
          <label htmlFor="campaign-as-of">{t('campaigns.dash.asOf')}</label>
          <DatePicker
            id="campaign-as-of"
            format={DATE_FORMAT}
            allowClear={false}
            value={dayjs(d.asOf)}
            onChange={(v) => setParam('asOf', v ? v.format('YYYY-MM-DD') : undefined)}
          />
          <Button onClick={() => setParam('asOf', undefined)}>{t('campaigns.dash.asOfToday')}</Button>
          {isDemoTerm && <Button onClick={() => setParam('asOf', DEMO_AS_OF)}>{t('campaigns.dash.asOfDemo')}</Button>}
          <Tooltip title={t('campaigns.dash.live')}>
            <Tag icon={<SyncOutlined aria-hidden spin={dash.isFetching} />} color={live ? 'green' : 'default'}>
              {t('campaigns.dash.live')}
            </Tag>
          </Tooltip>
        </Space>
      </Card>

      <Totals d={d} />
      <Levels d={d} />

      <section aria-label={t('campaigns.dash.chart')}>
        <Card title={t('campaigns.dash.chart')}>{series.data ? <ProgressChart series={series.data} asOf={d.asOf} /> : <PageSpinner />}</Card>
      </section>

      {d.children.length > 0 && <Children d={d} orgLink={orgLink} />}

      <section aria-label={t('campaigns.dash.calendar')}>
        <Card title={t('campaigns.dash.calendar')}>
          <CongressCalendar key={`${orgId ?? ''}-${d.asOf}`} campaignId={id} orgId={orgId} initial={d.asOf} />
        </Card>
      </section>
    </div>
  );
}

/** Live refresh: the server says "changed" for congresses in view; the figures are fetched again. */
function useLiveRefresh(id: number, orgId: number | undefined) {
  const qc = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const es = new EventSource(eventsUrl(id, orgId));
    const refresh = () => void qc.invalidateQueries({ queryKey: campaignKeys.campaign(id) });
    es.onopen = () => setConnected(true);
    es.onerror = () => setConnected(false);
    es.addEventListener('changed', refresh);
    es.addEventListener('campaign', refresh);
    return () => {
      es.close();
      setConnected(false);
    };
  }, [id, orgId, qc]);
  return connected;
}

function Totals({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const x = d.totals;
  const trusted = d.campaignTrustedByPeople ?? x.trustedByPeople;
  const reasons = postponeReasons.filter((r) => x.postponed.byReason[r] > 0);
  return (
    <section aria-label={t('campaigns.dash.figures')}>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t('campaigns.dash.held')} value={`${formatCount(x.held)}/${formatCount(x.total)}`} />
            <Typography.Text strong>{x.heldPctText}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t('campaigns.dash.onTime')} value={formatCount(x.onTime)} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t('campaigns.dash.approvalsPending')} value={formatCount(x.approvalsPending)} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t('campaigns.dash.pilots')} value={`${formatCount(x.pilots.held)}/${formatCount(x.pilots.total)}`} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t('campaigns.dash.postponed')} value={formatCount(x.postponed.total)} />
            <Typography.Text type="secondary">
              {reasons.length ? reasons.map((r) => `${t(`campaigns.reasons.${r}`)}: ${formatCount(x.postponed.byReason[r])}`).join('; ') : t('campaigns.dash.none')}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t('campaigns.dash.trusted')} value={x.trustedByPeople.cells ? x.trustedByPeople.pctText : '—'} />
            <Typography.Text type="secondary">
              {t('campaigns.dash.trustedHint', { heads: formatCount(x.trustedByPeople.secretaryIsHead), cells: formatCount(x.trustedByPeople.cells) })}
              {d.campaignTrustedByPeople && d.org.level !== 1 && trusted.cells > 0 ? ` · ${t('campaigns.dash.trustedCampaign', { pct: trusted.pctText })}` : ''}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Space className="campaign-dashboard__minor" wrap>
        <Tag color={x.warned ? 'orange' : 'default'}>
          {t('campaigns.dash.warned')}: {formatCount(x.warned)}
        </Tag>
        <Tag>
          {t('campaigns.dash.unscheduled')}: {formatCount(x.unscheduled)}
        </Tag>
      </Space>
    </section>
  );
}

function Levels({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('campaigns.dash.byLevel')}>
      <Card title={t('campaigns.dash.byLevel')}>
        <Table<LevelFigures>
          rowKey="level"
          size="small"
          pagination={false}
          dataSource={d.levels}
          scroll={{ x: 1100 }}
          columns={[
            { title: t('campaigns.dash.level'), dataIndex: 'levelName' },
            { title: t('campaigns.dash.heldCount'), align: 'right', render: (_, l) => `${formatCount(l.held)}/${formatCount(l.total)}` },
            { title: t('campaigns.dash.pct'), align: 'right', render: (_, l) => <strong>{l.heldPctText}</strong> },
            { title: t('campaigns.dash.onTime'), align: 'right', render: (_, l) => formatCount(l.onTime) },
            { title: t('campaigns.dash.deadline'), render: (_, l) => formatDateVi(l.centralDeadline) },
            { title: t('campaigns.dash.target'), render: (_, l) => formatDateVi(l.provincialTarget) },
            { title: t('campaigns.dash.completedOn'), render: (_, l) => formatDateVi(l.completedOn) },
            { title: t('campaigns.dash.vsDeadline'), render: (_, l) => <DeadlineTag l={l} /> },
            { title: t('campaigns.dash.approvalsPending'), align: 'right', render: (_, l) => formatCount(l.approvalsPending) },
            { title: t('campaigns.dash.postponed'), align: 'right', render: (_, l) => formatCount(l.postponed.total) },
            { title: t('campaigns.dash.pilots'), align: 'right', render: (_, l) => `${formatCount(l.pilots.held)}/${formatCount(l.pilots.total)}` },
            { title: t('campaigns.dash.trusted'), align: 'right', render: (_, l) => (l.trustedByPeople.cells ? l.trustedByPeople.pctText : '') },
          ]}
        />
      </Card>
    </section>
  );
}

type Child = Dashboard['children'][number];

function Children({ d, orgLink }: { d: Dashboard; orgLink: (id: number) => string }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('campaigns.dash.children')}>
      <Card title={t('campaigns.dash.children')}>
        <Table<Child>
          rowKey={(c) => c.org.id}
          size="small"
          dataSource={d.children}
          pagination={d.children.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 1000 }}
          columns={[
            {
              title: t('campaigns.dash.org'),
              render: (_, c) => (c.org.hasChildren ? <Link to={orgLink(c.org.id)}>{c.org.name}</Link> : c.org.name),
            },
            {
              title: t('campaigns.dash.ownCongress'),
              render: (_, c) =>
                c.congress ? (
                  <Link to={`/congresses/${c.congress.id}`} aria-label={`${t('campaigns.congress.open')}: ${c.org.name}`}>
                    <StatusTag status={c.congress.status} /> {c.congress.start ? formatDateVi(c.congress.start) : ''}
                  </Link>
                ) : null,
            },
            { title: t('campaigns.dash.heldCount'), align: 'right', render: (_, c) => `${formatCount(c.held)}/${formatCount(c.total)}` },
            { title: t('campaigns.dash.pct'), align: 'right', render: (_, c) => <strong>{c.heldPctText}</strong> },
            { title: t('campaigns.dash.onTime'), align: 'right', render: (_, c) => formatCount(c.onTime) },
            { title: t('campaigns.dash.approvalsPending'), align: 'right', render: (_, c) => formatCount(c.approvalsPending) },
            { title: t('campaigns.dash.postponed'), align: 'right', render: (_, c) => formatCount(c.postponed) },
            { title: t('campaigns.dash.pilots'), align: 'right', render: (_, c) => `${formatCount(c.pilots.held)}/${formatCount(c.pilots.total)}` },
            { title: t('campaigns.dash.warned'), align: 'right', render: (_, c) => formatCount(c.warned) },
          ]}
        />
      </Card>
    </section>
  );
}
