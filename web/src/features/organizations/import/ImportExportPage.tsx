import { useState } from 'react';
import { Button, Card, Col, Form, Row, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { useMe } from '../../accounts/session.tsx';
import { OrgPicker, type PickedOrg } from '../OrgPicker.tsx';
import { exportUrl } from '../orgs.api.ts';
import { ImportSection } from './ImportSection.tsx';

/** Nhập/Xuất Excel: export any subtree in scope; import (with a checked preview) for those who may write. */
export function ImportExportPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.importExport'));
  const me = useMe();
  return (
    <div className="page">
      <Typography.Title level={2}>{t('nav.importExport')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {me.abilities.manageOrganizations && (
          <Col xs={24}>
            <ImportSection />
          </Col>
        )}
        <Col xs={24}>
          <ExportSection scope={{ value: me.scopeOrg.id, label: me.scopeOrg.name }} />
        </Col>
      </Row>
    </div>
  );
}

function ExportSection({ scope }: { scope: PickedOrg }) {
  const { t } = useTranslation();
  const [org, setOrg] = useState<PickedOrg | undefined>(scope);
  const chosen = org ?? scope;
  return (
    <Card title={t('importExport.exportTitle')} size="small">
      <Typography.Paragraph type="secondary">{t('importExport.exportHelp')}</Typography.Paragraph>
      <Form layout="vertical" style={{ maxWidth: 640 }}>
        <Form.Item label={t('importExport.exportOrg')} htmlFor="export-org">
          <OrgPicker id="export-org" value={org} onChange={(v) => setOrg(v)} />
        </Form.Item>
      </Form>
      <Space wrap>
        <Button type="primary" icon={<DownloadOutlined aria-hidden />} href={exportUrl(chosen.value, 'xlsx')}>
          {t('importExport.exportXlsx')}
        </Button>
        <Button icon={<DownloadOutlined aria-hidden />} href={exportUrl(chosen.value, 'csv')}>
          {t('importExport.exportCsv')}
        </Button>
      </Space>
    </Card>
  );
}
