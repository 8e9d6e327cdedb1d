import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Alert, Breadcrumb, Button, Card, DatePicker, Space, Table, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { reportCellText, type ReportSection, type ReportTable } from '../../../../shared/src/contracts/reports.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { PageSpinner } from '../../app/PageSpinner.tsx';
import { errorMessage } from '../../lib/api.ts';
import { DATE_FORMAT } from '../../lib/dates.ts';
import { campaignQuery } from '../campaigns/campaigns.api.ts';
import { summaryFileUrl, summaryQuery } from './reports.api.ts';
import { ReportChart } from './ReportChart.tsx';

const DEMO_AS_OF = '2020-06-15';
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

/** Báo cáo tổng kết: the campaign's summary report for the reader's scope (or an organization below), as of a date. */
export function SummaryReportPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const p = {
    orgId: params.get('orgId') ? Number(params.get('orgId')) : undefined,
    asOf: params.get('asOf') ?? undefined,
    from: params.get('from') ?? undefined,
  };
  const campaign = useQuery(campaignQuery(id));
  const report = useQuery(summaryQuery(id, p));
  usePageTitle(report.data ? `${t('reports.summary.title')} — ${report.data.org.name}` : t('reports.summary.title'));
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  if (report.error) return <Alert type="error" showIcon message={errorMessage(report.error)} />;
  const r = report.data;
  if (!r) return <PageSpinner />;
  return (
    <div className="page">
      <Breadcrumb
        items={[
          { title: <Link to="/reports">{t('reports.title')}</Link> },
          { title: <Link to={`/campaigns/${id}${p.orgId ? `?orgId=${p.orgId}` : ''}`}>{r.campaign.name}</Link> },
          { title: t('reports.summary.title') },
        ]}
      />
      <div className="page__head">
        <div>
          <Typography.Title level={2} className="page__title">
            {t('reports.summary.title')}
          </Typography.Title>
          <Typography.Text>
            {r.campaign.name} — {t('reports.summary.scope')}: <strong>{r.org.name}</strong>
          </Typography.Text>
        </div>
        <Space wrap>
          <a href={summaryFileUrl(id, 'docx', p)} download>
            <Button icon={<FileWordOutlined aria-hidden />} tabIndex={-1}>
              {t('reports.summary.docx')}
            </Button>
          </a>
          <a href={summaryFileUrl(id, 'xlsx', p)} download>
            <Button icon={<FileExcelOutlined aria-hidden />} tabIndex={-1}>
              {t('reports.summary.xlsx')}
            </Button>
          </a>
        </Space>
      </div>
      <Card size="small">
        <Space wrap align="center">
          <label htmlFor="report-as-of">{t('reports.summary.asOf')}</label>
          <DatePicker id="report-as-of" format={DATE_FORMAT} allowClear={false} value={dayjs(r.asOf)} onChange={(v) => setParam('asOf', v ? v.format('YYYY-MM-DD') : undefined)} />
          <label htmlFor="report-from">{t('reports.summary.from')}</label>
          <DatePicker id="report-from" format={DATE_FORMAT} allowClear={false} value={dayjs(r.from)} onChange={(v) => setParam('from', v ? v.format('YYYY-MM-DD') : undefined)} />
          {campaign.data?.termFrom === 2020 && <Button onClick={() => setParam('asOf', DEMO_AS_OF)}>{t('reports.summary.demo')}</Button>}
        </Space>
      </Card>
      {r.missing.length > 0 && <Alert type="info" showIcon message={t('reports.summary.missing', { list: r.missing.join('; ') })} />}
      <nav aria-label={t('reports.summary.contents')}>
        <Space wrap size={[12, 4]}>
          {r.sections.map((s, i) => (
            <a key={s.key} href={`#section-${s.key}`}>
              {ROMAN[i]}. {s.title}
            </a>
          ))}
        </Space>
      </nav>
      {r.sections.map((s, i) => (
        <Section key={s.key} s={s} n={ROMAN[i] ?? String(i + 1)} />
      ))}
    </div>
  );
}

function Section({ s, n }: { s: ReportSection; n: string }) {
  const { t } = useTranslation();
  return (
    <section id={`section-${s.key}`} aria-label={s.title}>
      <Card title={`${n}. ${s.title}`}>
        {s.paragraphs.map((p, i) => (
          <Typography.Paragraph key={i}>{p}</Typography.Paragraph>
        ))}
        {s.chart && <ReportChart chart={s.chart} />}
        {s.tables.map((tb) => (
          <div key={tb.title} className="report-table">
            <Typography.Title level={5}>{tb.title}</Typography.Title>
            <Table
              size="small"
              rowKey={(_, i) => String(i)}
              pagination={tb.rows.length > 25 ? { pageSize: 25, showSizeChanger: false } : false}
              dataSource={tb.rows}
              scroll={{ x: true }}
              aria-label={tb.title}
              columns={tb.columns.map((c) => ({
                key: c.key,
                title: c.header,
                align: c.type === 'text' ? ('left' as const) : ('right' as const),
                render: (_: unknown, row: ReportTable['rows'][number]) => reportCellText(row[c.key], c.type),
              }))}
            />
          </div>
        ))}
        {s.notes.length > 0 && (
          <details>
            <summary>{t('reports.summary.notes')}</summary>
            {s.notes.map((nt, i) => (
              <Typography.Paragraph key={i} type="secondary">
                {nt}
              </Typography.Paragraph>
            ))}
          </details>
        )}
      </Card>
    </section>
  );
}
