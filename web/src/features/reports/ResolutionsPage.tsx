import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { targetDirections } from '../../../../shared/src/contracts/reports.ts';
import type { Target } from '../../../../shared/src/contracts/reports.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useMe } from '../accounts/session.tsx';
import { errorMessage } from '../../lib/api.ts';
import { DATE_FORMAT, toIsoDate, today } from '../../lib/dates.ts';
import { formatDateVi, formatNumberVi } from '../../lib/format.ts';
import { requiredRule } from '../../lib/forms.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import type { reportsVi } from './reports.i18n.ts';

type FieldKey = keyof typeof reportsVi.field;
import { OrgPicker, type PickedOrg } from '../organizations/OrgPicker.tsx';
import { exportRegisterUrl, type Resolution, registerQuery, useSaveRegister, useTargetWrites } from './reports.api.ts';

const num = (v: number | null) => (v === null ? '' : formatNumberVi(v, Number.isInteger(v) ? 0 : 2));
const statusColor = { achieved: 'green', notYet: 'orange', noData: 'default' } as const;

/** Chỉ tiêu nghị quyết: resolutions in the subtree, their targets and the values reached by date. */
export function ResolutionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.registers.resolutions'));
  const [org, setOrg] = useState<PickedOrg | undefined>();
  const [adding, setAdding] = useState(false);
  const [targetFor, setTargetFor] = useState<Resolution | null>(null);
  const [recording, setRecording] = useState<Target | null>(null);
  const me = useMe();
  const filters = { orgId: org?.value, limit: 100 };
  const list = useQuery(registerQuery('resolutions', filters));
  const items = (list.data?.items ?? []) as unknown as Resolution[];
  return (
    <div className="page">
      <div className="page__head">
        <div>
          <Typography.Title level={2}>{t('reports.registers.resolutions')}</Typography.Title>
          <Typography.Text type="secondary">{t('reports.registerHint.resolutions')}</Typography.Text>
        </div>
        <Space wrap>
          <Link to="/reports">{t('reports.title')}</Link>
          <a href={exportRegisterUrl('resolutions', filters)} download>
            <Button icon={<DownloadOutlined aria-hidden />} tabIndex={-1}>
              {t('reports.exportExcel')}
            </Button>
          </a>
          {list.data?.can.create && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
              {t('reports.resolutions.add')}
            </Button>
          )}
        </Space>
      </div>
      <Card size="small">
        <Space align="center">
          <span>{t('reports.filter.org')}</span>
          <div style={{ minWidth: 280 }}>
            <OrgPicker aria-label={t('reports.filter.org')} placeholder={me.scopeOrg.name} value={org} onChange={setOrg} />
          </div>
        </Space>
      </Card>
      {list.error && <Alert type="error" showIcon message={errorMessage(list.error)} />}
      {items.length === 0 && !list.isPending && <Alert type="info" message={t('reports.empty')} />}
      {items.map((r) => (
        <section key={r.id} aria-label={r.title}>
          <Card
            title={`${r.title}${r.ref ? ` (${r.ref})` : ''}`}
            extra={
              <Space>
                <Tag color="blue">{t('reports.resolutions.achieved', { ok: r.achieved, n: r.targets.length })}</Tag>
                {r.can.edit && (
                  <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setTargetFor(r)}>
                    {t('reports.resolutions.addTarget')}
                  </Button>
                )}
              </Space>
            }
          >
            <Typography.Paragraph type="secondary">
              {r.org.name} — {formatDateVi(r.adoptedOn)} — {t('reports.resolutions.summary', { n: r.targets.length, groups: r.taskGroups })}
            </Typography.Paragraph>
            <Table<Target>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={r.targets}
              scroll={{ x: true }}
              columns={[
                { key: 'position', title: t('reports.field.position'), width: 60, render: (_, x) => x.position },
                { key: 'name', title: t('reports.field.targetName'), render: (_, x) => x.name },
                { key: 'target', title: t('reports.field.targetValue'), align: 'right', render: (_, x) => `${x.direction === 'atMost' ? '≤ ' : ''}${num(x.targetValue)} ${x.unit}` },
                { key: 'latest', title: t('reports.field.latest'), align: 'right', render: (_, x) => (x.latest.value === null ? '' : `${num(x.latest.value)} ${x.unit}`) },
                { key: 'asOf', title: t('reports.field.asOf'), render: (_, x) => formatDateVi(x.latest.valueAsOf) },
                { key: 'progress', title: t('reports.field.progress'), align: 'right', render: (_, x) => (x.latest.progressPct === null ? '' : `${formatNumberVi(x.latest.progressPct, 2)}%`) },
                { key: 'status', title: t('reports.field.status'), render: (_, x) => <Tag color={statusColor[x.latest.status]}>{t(`reports.targetStatus.${x.latest.status}`)}</Tag> },
                { key: 'actions', title: t('common.actions'), render: (_, x) => (r.can.edit ? <Button size="small" onClick={() => setRecording(x)}>{t('reports.resolutions.record')}</Button> : null) },
              ]}
            />
          </Card>
        </section>
      ))}
      {adding && <ResolutionDialog onClose={() => setAdding(false)} />}
      {targetFor && <TargetDialog resolution={targetFor} onClose={() => setTargetFor(null)} />}
      {recording && <ProgressDialog target={recording} onClose={() => setRecording(null)} />}
    </div>
  );
}

function ResolutionDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const save = useSaveRegister('resolutions');
  const l = (k: FieldKey) => t(`reports.field.${k}`);
  return (
    <FormDialog<{ org: PickedOrg; title: string; ref?: string; adoptedOn: Dayjs; taskGroups?: number }>
      title={t('reports.resolutions.add')}
      okText={t('common.save')}
      onClose={onClose}
      initialValues={{ org: { value: me.scopeOrg.id, label: me.scopeOrg.name }, taskGroups: 0 }}
      onSubmit={async (v) => {
        await save.mutateAsync({ body: { orgId: v.org.value, title: v.title.trim(), ref: v.ref?.trim() || null, adoptedOn: toIsoDate(v.adoptedOn), taskGroups: v.taskGroups ?? 0 } });
        return t('reports.saved');
      }}
    >
      <Form.Item name="org" label={l('org')} rules={[{ required: true }]}>
        <OrgPicker />
      </Form.Item>
      <Form.Item name="title" label={l('resolutionTitle')} rules={[requiredRule(l('resolutionTitle'))]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="ref" label={l('ref')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="adoptedOn" label={l('adoptedOn')} rules={[{ required: true, message: t('validation.requiredField', { label: l('adoptedOn') }) }]}>
        <DatePicker format={DATE_FORMAT} />
      </Form.Item>
      <Form.Item name="taskGroups" label={l('taskGroups')}>
        <InputNumber min={0} max={1000} />
      </Form.Item>
    </FormDialog>
  );
}

function TargetDialog({ resolution, onClose }: { resolution: Resolution; onClose: () => void }) {
  const { t } = useTranslation();
  const { addTarget } = useTargetWrites();
  const l = (k: FieldKey) => t(`reports.field.${k}`);
  const next = Math.max(0, ...resolution.targets.map((x) => x.position)) + 1;
  return (
    <FormDialog<{ position: number; name: string; unit: string; targetValue: number; direction: 'atLeast' | 'atMost' }>
      title={`${t('reports.resolutions.addTarget')} — ${resolution.title}`}
      okText={t('common.save')}
      onClose={onClose}
      initialValues={{ position: next, direction: 'atLeast' }}
      onSubmit={async (v) => {
        await addTarget.mutateAsync({ resolutionId: resolution.id, body: { ...v, name: v.name.trim(), unit: v.unit.trim() } });
        return t('reports.saved');
      }}
    >
      <Form.Item name="position" label={l('position')} rules={[{ required: true }]}>
        <InputNumber min={1} max={1000} />
      </Form.Item>
      <Form.Item name="name" label={l('targetName')} rules={[requiredRule(l('targetName'))]}>
        <Input maxLength={500} />
      </Form.Item>
      <Space>
        <Form.Item name="targetValue" label={l('targetValue')} rules={[{ required: true, message: t('validation.requiredField', { label: l('targetValue') }) }]}>
          <InputNumber decimalSeparator="," style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="unit" label={l('unit')} rules={[requiredRule(l('unit'))]}>
          <Input maxLength={50} style={{ width: 140 }} />
        </Form.Item>
      </Space>
      <Form.Item name="direction" label={l('direction')}>
        <Select options={targetDirections.map((d) => ({ value: d, label: t(`reports.direction.${d}`) }))} />
      </Form.Item>
    </FormDialog>
  );
}

function ProgressDialog({ target, onClose }: { target: Target; onClose: () => void }) {
  const { t } = useTranslation();
  const { record } = useTargetWrites();
  const l = (k: FieldKey) => t(`reports.field.${k}`);
  return (
    <FormDialog<{ asOf: Dayjs; value: number; note?: string }>
      title={`${t('reports.resolutions.record')} — ${target.position}. ${target.name}`}
      okText={t('common.save')}
      onClose={onClose}
      initialValues={{ asOf: today() }}
      onSubmit={async (v) => {
        await record.mutateAsync({ targetId: target.id, body: { asOf: toIsoDate(v.asOf), value: v.value, note: v.note?.trim() || null } });
        return t('reports.saved');
      }}
    >
      <Form.Item name="asOf" label={l('asOf')} rules={[{ required: true }]}>
        <DatePicker format={DATE_FORMAT} />
      </Form.Item>
      <Form.Item name="value" label={`${l('value')} (${target.unit})`} rules={[{ required: true, message: t('validation.requiredField', { label: l('value') }) }]}>
        <InputNumber decimalSeparator="," style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="note" label={l('note')}>
        <Input maxLength={1000} />
      </Form.Item>
    </FormDialog>
  );
}
