import { Alert, Button, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount, formatDateVi } from '../../../lib/format.ts';
import type { ImportPreview } from '../orgs.api.ts';
import { useReferenceNames } from '../useReferenceNames.ts';

type Props = { preview: ImportPreview; onApply: () => void; applying: boolean; applyError: string | null };

export function ImportPreviewView({ preview, onApply, applying, applyError }: Props) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const hasErrors = preview.errors.length > 0;

  return (
    <section className="import-preview" aria-label={t('importExport.previewTitle')}>
      <Typography.Title level={4}>{t('importExport.previewOf', { file: preview.fileName })}</Typography.Title>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Statistic title={t('importExport.totalRows')} value={formatCount(preview.totalRows)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('importExport.toCreate')} value={formatCount(preview.toCreate)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('importExport.toUpdate')} value={formatCount(preview.toUpdate)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('importExport.errorCount')} value={formatCount(preview.errors.length)} valueStyle={hasErrors ? { color: '#cf1322' } : undefined} />
        </Col>
      </Row>
      {hasErrors ? (
        <Alert type="error" showIcon message={t('importExport.hasErrors', { count: preview.errors.length, n: formatCount(preview.errors.length) })} description={t('importExport.hasErrorsHelp')} />
      ) : preview.canApply ? (
        <Alert type="success" showIcon message={t('importExport.clean', { created: formatCount(preview.toCreate), updated: formatCount(preview.toUpdate) })} />
      ) : (
        <Alert type="warning" showIcon message={t('importExport.nothingToImport')} />
      )}
      {hasErrors && (
        <section aria-label={t('importExport.errorsTitle')}>
          <Typography.Title level={5}>{t('importExport.errorsTitle')}</Typography.Title>
          <Table
            size="small"
            rowKey={(e, i) => `${e.row}-${e.column ?? ''}-${e.code}-${i ?? 0}`}
            dataSource={preview.errors}
            pagination={preview.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            columns={[
              { title: t('importExport.row'), dataIndex: 'row', width: 80 },
              { title: t('importExport.column'), dataIndex: 'column', width: 200, render: (c?: string) => c ?? '—' },
              { title: t('importExport.reason'), dataIndex: 'message' },
            ]}
          />
        </section>
      )}
      {preview.rows.length > 0 && (
        <section aria-label={t('importExport.rowsTitle')}>
          <Typography.Title level={5}>{t('importExport.rowsTitle')}</Typography.Title>
          <Table
            size="small"
            rowKey="row"
            dataSource={preview.rows}
            scroll={{ x: 900 }}
            pagination={preview.rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            columns={[
              { title: t('importExport.row'), dataIndex: 'row', width: 70 },
              {
                title: t('importExport.action'),
                dataIndex: 'action',
                width: 110,
                render: (a: 'create' | 'update') => <Tag color={a === 'create' ? 'green' : 'blue'}>{t(`importExport.actions.${a}`)}</Tag>,
              },
              { title: t('orgs.fields.code'), dataIndex: 'code', width: 120 },
              { title: t('orgs.fields.name'), dataIndex: 'name' },
              { title: t('importExport.parentCode'), dataIndex: 'parentCode', width: 120 },
              { title: t('orgs.fields.type'), dataIndex: 'typeCode', render: (c: string) => names.typeName(c) },
              { title: t('orgs.fields.kind'), dataIndex: 'kindCode', render: (c: string) => names.kindName(c) },
              { title: t('importExport.fullShort'), dataIndex: 'fullMembers', align: 'right', render: (n: number) => formatCount(n) },
              { title: t('importExport.probShort'), dataIndex: 'probationaryMembers', align: 'right', render: (n: number) => formatCount(n) },
              { title: t('orgs.fields.activeFrom'), dataIndex: 'activeFrom', render: (d: string | null) => formatDateVi(d) },
            ]}
          />
        </section>
      )}
      {applyError && <Alert type="error" showIcon role="alert" message={applyError} />}
      <div className="import-preview__actions">
        <Button type="primary" size="large" disabled={!preview.canApply} loading={applying} onClick={onApply}>
          {t('importExport.apply')}
        </Button>
        {!preview.canApply && <Typography.Text type="secondary">{t('importExport.applyDisabled')}</Typography.Text>}
      </div>
    </section>
  );
}
