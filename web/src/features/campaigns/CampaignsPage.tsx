import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { directivePresetCodes } from '../../../../shared/src/contracts/campaigns.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useMe } from '../accounts/session.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatCount } from '../../lib/format.ts';
import { requiredRule } from '../../lib/forms.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import { OrgPicker, type PickedOrg } from '../organizations/OrgPicker.tsx';
import { type Campaign, campaignsQuery, presetsQuery, useCreateCampaign } from './campaigns.api.ts';

/** Đợt đại hội: the campaigns the user can see, and a way to start one for their subtree. */
export function CampaignsPage() {
  const { t } = useTranslation();
  usePageTitle(t('campaigns.title'));
  const me = useMe();
  const { data, error, isPending } = useQuery(campaignsQuery);
  const [creating, setCreating] = useState(false);
  // The server decides who may create (admin, organizer); the manage-organizations ability is its signal for writers.
  const mayCreate = me.abilities.manageOrganizations;

  return (
    <div className="page">
      <div className="page__head">
        <Typography.Title level={2}>{t('campaigns.title')}</Typography.Title>
        {mayCreate && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('campaigns.list.create')}
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon message={errorMessage(error)} />}
      <Card>
        <Table<Campaign>
          rowKey="id"
          loading={isPending}
          dataSource={data ?? []}
          pagination={false}
          locale={{ emptyText: t('campaigns.list.empty') }}
          columns={[
            { title: t('campaigns.list.name'), render: (_, c) => <Link to={`/campaigns/${c.id}`}>{c.name}</Link> },
            { title: t('campaigns.list.term'), render: (_, c) => `${c.termFrom}–${c.termTo}`, width: 110 },
            { title: t('campaigns.list.directive'), dataIndex: 'directive' },
            { title: t('campaigns.list.root'), render: (_, c) => c.rootOrg.name },
            { title: t('campaigns.list.congressCount'), align: 'right', render: (_, c) => formatCount(c.congressCount), width: 110 },
            {
              title: t('campaigns.list.status'),
              width: 140,
              render: (_, c) => <Tag color={c.status === 'active' ? 'green' : 'default'}>{t(c.status === 'active' ? 'campaigns.list.active' : 'campaigns.list.closed')}</Tag>,
            },
          ]}
        />
      </Card>
      {creating && <CreateCampaignDialog onClose={() => setCreating(false)} />}
    </div>
  );
}

type Values = { name: string; preset: (typeof directivePresetCodes)[number]; root?: PickedOrg };

function CreateCampaignDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const presets = useQuery(presetsQuery);
  const create = useCreateCampaign();
  const nameLabel = t('campaigns.create.name');
  const rootLabel = t('campaigns.create.root');
  return (
    <FormDialog<Values>
      title={t('campaigns.create.title')}
      okText={t('campaigns.create.ok')}
      onClose={onClose}
      width={620}
      initialValues={{ preset: 'CT45-2025', root: { value: me.scopeOrg.id, label: me.scopeOrg.name } }}
      onSubmit={async (v) => {
        const c = await create.mutateAsync({ name: v.name.trim(), preset: v.preset, rootOrgId: v.root!.value });
        navigate(`/campaigns/${c.id}`);
        return t('campaigns.create.done', { name: c.name, n: formatCount(c.congressCount) });
      }}
    >
      <Alert type="info" showIcon message={t('campaigns.create.note')} className="form-dialog__note" />
      <Form.Item name="name" label={nameLabel} rules={[requiredRule(nameLabel)]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="preset" label={t('campaigns.create.preset')} rules={[{ required: true }]}>
        <Select
          loading={presets.isPending}
          options={(presets.data ?? directivePresetCodes.map((code) => ({ code, label: code }))).map((p) => ({ value: p.code, label: p.label }))}
        />
      </Form.Item>
      <Form.Item name="root" label={rootLabel} rules={[{ required: true, message: t('validation.requiredField', { label: rootLabel }) }]}>
        <OrgPicker placeholder={t('campaigns.create.rootPlaceholder')} />
      </Form.Item>
    </FormDialog>
  );
}
