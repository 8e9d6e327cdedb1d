import { useState } from 'react';
import { Alert, App, Button, Card, Result, Space, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../lib/api.ts';
import { formatCount } from '../../../lib/format.ts';
import { type ImportPreview, templateUrl, useApplyImport, usePreviewImport } from '../orgs.api.ts';
import { ImportPreviewView } from './ImportPreviewView.tsx';

type Applied = { created: number; updated: number; fileName: string };

/**
 * Upload → preview (every bad row named) → confirm. Nothing is written until the user presses
 * "Nhập dữ liệu", and the server allows that only for a clean file.
 */
export function ImportSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const preview = usePreviewImport();
  const apply = useApplyImport();
  const [result, setResult] = useState<ImportPreview | null>(null);
  const [applied, setApplied] = useState<Applied | null>(null);

  const upload = (file: File) => {
    setApplied(null);
    setResult(null);
    apply.reset();
    preview.mutate(file, { onSuccess: setResult });
    return false; // we send the file ourselves, with the CSRF header
  };

  const confirm = async () => {
    if (!result) return;
    try {
      const r = await apply.mutateAsync(result.batchId);
      setApplied({ ...r, fileName: result.fileName });
      setResult(null);
      void message.success(t('importExport.appliedToast', { created: formatCount(r.created), updated: formatCount(r.updated) }));
    } catch {
      // shown below from apply.error
    }
  };

  const step = applied ? 2 : result ? 1 : 0;
  return (
    <Card title={t('importExport.importTitle')} size="small">
      <Steps
        size="small"
        current={step}
        className="import__steps"
        items={[{ title: t('importExport.stepUpload') }, { title: t('importExport.stepCheck') }, { title: t('importExport.stepApply') }]}
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap align="center">
          <Button icon={<DownloadOutlined aria-hidden />} href={templateUrl()}>
            {t('importExport.template')}
          </Button>
          <Typography.Text type="secondary">{t('importExport.templateHelp')}</Typography.Text>
        </Space>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          beforeUpload={upload}
          disabled={preview.isPending || apply.isPending}
          aria-label={t('importExport.chooseFile')}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">{t('importExport.dropHere')}</p>
          <p className="ant-upload-hint">{t('importExport.dropHint')}</p>
        </Upload.Dragger>
        {preview.isPending && <Alert type="info" showIcon message={t('importExport.checking')} />}
        {preview.error && <Alert type="error" showIcon role="alert" message={errorMessage(preview.error)} />}
        {result && (
          <ImportPreviewView preview={result} onApply={confirm} applying={apply.isPending} applyError={apply.error ? errorMessage(apply.error) : null} />
        )}
        {applied && (
          <Result
            status="success"
            title={t('importExport.appliedTitle', { file: applied.fileName })}
            subTitle={t('importExport.appliedSummary', { created: formatCount(applied.created), updated: formatCount(applied.updated) })}
            extra={
              <Button type="primary" onClick={() => navigate('/orgs')}>
                {t('importExport.openTree')}
              </Button>
            }
          />
        )}
      </Space>
    </Card>
  );
}
