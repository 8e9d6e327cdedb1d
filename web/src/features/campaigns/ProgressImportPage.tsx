import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Space, Steps, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatCount } from '../../lib/format.ts';
import { campaignQuery, type ProgressPreview, progressTemplateUrl, useApplyProgress, usePreviewProgress } from './campaigns.api.ts';

/** Existing progress from Excel: template, preview with every row's problems, nothing written until confirmed. */
export function ProgressImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const campaign = useQuery(campaignQuery(id));
  const preview = usePreviewProgress();
  const apply = useApplyProgress();
  const [result, setResult] = useState<ProgressPreview | null>(null);
  const [applied, setApplied] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePageTitle(t('campaigns.progressImport.title'));

  const upload = async (file: File) => {
    setError(null);
    setApplied(null);
    try {
      setResult(await preview.mutateAsync({ campaignId: id, file }));
    } catch (e) {
      setResult(null);
      setError(errorMessage(e));
    }
  };
  const confirm = async () => {
    if (!result?.batchId) return;
    try {
      const r = await apply.mutateAsync({ campaignId: id, batchId: result.batchId });
      setApplied(r.applied);
      setResult(null);
      void message.success(t('campaigns.progressImport.applied', { count: r.applied }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <div className="page">
      <Breadcrumb
        items={[
          { title: <Link to="/campaigns">{t('campaigns.title')}</Link> },
          { title: <Link to={`/campaigns/${id}`}>{campaign.data?.name ?? '…'}</Link> },
          { title: t('campaigns.progressImport.title') },
        ]}
      />
      <Typography.Title level={2} className="page__title">
        {t('campaigns.progressImport.title')}
      </Typography.Title>
      <Steps size="small" current={applied !== null ? 2 : result ? 1 : 0} items={[{ title: t('campaigns.progressImport.step1') }, { title: t('campaigns.progressImport.step2') }, { title: t('campaigns.progressImport.step3') }]} />
      <Card className="campaign-settings__card">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('campaigns.progressImport.intro')}</Typography.Paragraph>
          <a href={progressTemplateUrl(id)} download>
            <Button icon={<DownloadOutlined aria-hidden />} tabIndex={-1}>
              {t('campaigns.progressImport.template')}
            </Button>
          </a>
          <Upload.Dragger accept=".xlsx" multiple={false} showUploadList={false} beforeUpload={(f) => (void upload(f), Upload.LIST_IGNORE)} disabled={preview.isPending || apply.isPending}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p>{t('campaigns.progressImport.drop')}</p>
          </Upload.Dragger>
        </Space>
      </Card>
      {error && <Alert type="error" showIcon role="alert" message={error} className="campaign-settings__note" />}
      {applied !== null && <Alert type="success" showIcon message={t('campaigns.progressImport.applied', { count: applied })} className="campaign-settings__note" />}
      {result && (
        <section aria-label={t('campaigns.progressImport.step2')}>
          <Card title={t('campaigns.progressImport.summary', { file: result.fileName, rows: formatCount(result.rows), changes: formatCount(result.changes.length), unchanged: formatCount(result.unchanged) })} className="campaign-settings__card">
            {result.issues.length > 0 ? (
              <>
                <Alert type="error" showIcon message={t('campaigns.progressImport.hasIssues', { count: result.issues.length })} />
                <Table rowKey={(i, k) => `${i.row}-${k}`} size="small" pagination={{ pageSize: 50 }} dataSource={result.issues} columns={[
                  { title: t('campaigns.progressImport.row'), dataIndex: 'row', width: 80 },
                  { title: t('campaigns.progressImport.column'), dataIndex: 'column', width: 160 },
                  { title: t('campaigns.progressImport.problem'), dataIndex: 'message' },
                ]} />
              </>
            ) : (
              <>
                <Table rowKey="row" size="small" pagination={{ pageSize: 50 }} dataSource={result.changes} columns={[
                  { title: t('campaigns.progressImport.row'), dataIndex: 'row', width: 80 },
                  { title: t('campaigns.congress.org'), render: (_, c) => `${c.name} (${c.code})` },
                  { title: t('campaigns.progressImport.change'), render: (_, c) => `${c.from} → ${c.to}` },
                  { title: t('campaigns.congress.dates'), dataIndex: 'dates' },
                  { title: t('campaigns.congress.reason'), dataIndex: 'note' },
                ]} />
                <Button type="primary" disabled={!result.batchId} loading={apply.isPending} onClick={confirm}>
                  {t('campaigns.progressImport.confirm', { count: result.changes.length })}
                </Button>
              </>
            )}
          </Card>
        </section>
      )}
    </div>
  );
}
