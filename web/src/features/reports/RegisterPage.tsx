import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router-dom';
import { disciplineForms, disciplineFormsFor, oversightKinds, oversightModes, subjectTypes } from '../../../../shared/src/contracts/reports.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useMe } from '../accounts/session.tsx';
import { errorMessage } from '../../lib/api.ts';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates.ts';
import { formatCount, formatDateVi, formatNumberVi } from '../../lib/format.ts';
import { requiredRule } from '../../lib/forms.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import type { reportsVi } from './reports.i18n.ts';

type FieldKey = keyof typeof reportsVi.field;
import { OrgPicker, type PickedOrg } from '../organizations/OrgPicker.tsx';
import { type Discipline, exportRegisterUrl, type Oversight, type RegisterFilters, type RegisterPath, registerPaths, registerQuery, type RegisterRow, type StudySession, useSaveRegister } from './reports.api.ts';

const PAGE = 50;

/** One register (kiểm tra, giám sát / kỷ luật / học tập): list by subtree and period, add, edit, Excel. */
export function RegisterPage() {
  const { t } = useTranslation();
  const path = useParams().register as RegisterPath;
  const me = useMe();
  const [org, setOrg] = useState<PickedOrg | undefined>();
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [kind, setKind] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<RegisterRow | 'new' | null>(null);
  usePageTitle(registerPaths.includes(path) ? t(`reports.registers.${path}`) : t('reports.title'));
  const filters: RegisterFilters = { orgId: org?.value, from: toIsoDate(period?.[0]), to: toIsoDate(period?.[1]), kind: path === 'oversight' ? kind : undefined, q: q.trim() || undefined, limit: PAGE, offset };
  const list = useQuery({ ...registerQuery(path, filters), enabled: registerPaths.includes(path) });
  const columns = useColumns(path);
  if (!registerPaths.includes(path)) return <Navigate to="/reports" replace />;
  const data = list.data;

  return (
    <div className="page">
      <div className="page__head">
        <div>
          <Typography.Title level={2}>{t(`reports.registers.${path}`)}</Typography.Title>
          <Typography.Text type="secondary">{t(`reports.registerHint.${path}`)}</Typography.Text>
        </div>
        <Space wrap>
          <Link to="/reports">{t('reports.title')}</Link>
          <a href={exportRegisterUrl(path, filters)} download>
            <Button icon={<DownloadOutlined aria-hidden />} tabIndex={-1}>
              {t('reports.exportExcel')}
            </Button>
          </a>
          {data?.can.create && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              {t('reports.add')}
            </Button>
          )}
        </Space>
      </div>
      <Card size="small">
        <Space wrap align="center">
          <span>{t('reports.filter.org')}</span>
          <div style={{ minWidth: 280 }}>
            <OrgPicker aria-label={t('reports.filter.org')} placeholder={me.scopeOrg.name} value={org} onChange={(v) => (setOrg(v), setOffset(0))} />
          </div>
          <span>{t('reports.filter.period')}</span>
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            value={period}
            onChange={(v) => (setPeriod(v), setOffset(0))}
            placeholder={[t('reports.filter.from'), t('reports.filter.to')]}
            aria-label={t('reports.filter.period')}
          />
          {path === 'oversight' && (
            <Select
              aria-label={t('reports.filter.kind')}
              style={{ width: 160 }}
              value={kind ?? ''}
              onChange={(v) => (setKind(v || undefined), setOffset(0))}
              options={[{ value: '', label: t('reports.filter.all') }, ...oversightKinds.map((k) => ({ value: k, label: t(`reports.oversightKind.${k}`) }))]}
            />
          )}
          <Input.Search aria-label={t('reports.filter.search')} placeholder={t('reports.filter.search')} allowClear onSearch={(v) => (setQ(v), setOffset(0))} style={{ width: 260 }} />
        </Space>
      </Card>
      {list.error && <Alert type="error" showIcon message={errorMessage(list.error)} />}
      <Card>
        <Table<RegisterRow>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={data?.items ?? []}
          columns={[...columns, { key: 'actions', title: t('common.actions'), width: 90, render: (_, r) => (r.can.edit ? <Button size="small" onClick={() => setEditing(r)}>{t('reports.edit')}</Button> : null) }]}
          locale={{ emptyText: t('reports.empty') }}
          scroll={{ x: true }}
          pagination={{ current: offset / PAGE + 1, pageSize: PAGE, total: data?.total ?? 0, showSizeChanger: false, showTotal: (n) => t('reports.total', { n: formatCount(n) }), onChange: (pg) => setOffset((pg - 1) * PAGE) }}
        />
      </Card>
      {editing && <EntryDialog path={path} entry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function useColumns(path: RegisterPath): TableColumnsType<RegisterRow> {
  const { t } = useTranslation();
  const yesNo = (b: boolean | null) => (b === null ? '' : b ? t('reports.yes') : t('reports.no'));
  const org = { key: 'org', title: t('reports.field.org'), render: (_: unknown, r: RegisterRow) => r.org.name };
  if (path === 'oversight') {
    const c = (f: (r: Oversight) => React.ReactNode) => (_: unknown, r: RegisterRow) => f(r as Oversight);
    return [
      { key: 'date', title: t('reports.field.startedOn'), width: 110, render: c((r) => formatDateVi(r.startedOn)) },
      { key: 'kind', title: t('reports.field.kind'), render: c((r) => t(`reports.oversightKind.${r.kind}`)) },
      { key: 'mode', title: t('reports.field.mode'), render: c((r) => t(`reports.oversightMode.${r.mode}`)) },
      { key: 'subject', title: t('reports.field.subjectName'), render: c((r) => `${r.subjectName} (${t(`reports.subjectType.${r.subjectType}`)}${r.committeeMember ? `, ${t('reports.field.committeeMember').toLowerCase()}` : ''})`) },
      org,
      { key: 'ref', title: t('reports.field.decisionRef'), render: c((r) => r.decisionRef) },
      { key: 'violation', title: t('reports.field.violationFound'), render: c((r) => yesNo(r.violationFound)) },
    ];
  }
  if (path === 'disciplines') {
    const c = (f: (r: Discipline) => React.ReactNode) => (_: unknown, r: RegisterRow) => f(r as Discipline);
    return [
      { key: 'date', title: t('reports.field.decidedOn'), width: 110, render: c((r) => formatDateVi(r.decidedOn)) },
      { key: 'subject', title: t('reports.field.subjectName'), render: c((r) => `${r.subjectName} (${t(`reports.subjectType.${r.subjectType}`)}${r.committeeMember ? `, ${t('reports.field.committeeMember').toLowerCase()}` : ''})`) },
      { key: 'form', title: t('reports.field.form'), render: c((r) => t(`reports.disciplineForm.${r.form}`)) },
      org,
      { key: 'ref', title: t('reports.field.decisionRef'), render: c((r) => r.decisionRef) },
    ];
  }
  const c = (f: (r: StudySession) => React.ReactNode) => (_: unknown, r: RegisterRow) => f(r as StudySession);
  return [
    { key: 'date', title: t('reports.field.heldFrom'), width: 110, render: c((r) => `${formatDateVi(r.heldFrom)}${r.heldTo !== r.heldFrom ? ` – ${formatDateVi(r.heldTo)}` : ''}`) },
    { key: 'title', title: t('reports.field.title'), render: c((r) => r.title) },
    org,
    { key: 'expected', title: t('reports.field.expected'), align: 'right', render: c((r) => formatCount(r.expected)) },
    { key: 'attended', title: t('reports.field.attended'), align: 'right', render: c((r) => formatCount(r.attended)) },
    { key: 'pct', title: t('reports.field.pct'), align: 'right', render: c((r) => `${formatNumberVi(r.pct, 2)}%`) },
  ];
}

type Values = Record<string, unknown> & { org?: PickedOrg };
const dateFields = ['startedOn', 'decidedOn', 'heldFrom', 'heldTo'];

function EntryDialog({ path, entry, onClose }: { path: RegisterPath; entry: RegisterRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const save = useSaveRegister(path);
  const [form] = Form.useForm<Values>();
  const subjectType = Form.useWatch('subjectType', form) as string | undefined;
  const kind = Form.useWatch('kind', form) as string | undefined;
  const initial: Values = entry
    ? Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, dateFields.includes(k) ? fromIsoDate(v as string) : v]))
    : { org: { value: me.scopeOrg.id, label: me.scopeOrg.name }, kind: 'inspection', mode: 'regular', subjectType: 'member', committeeMember: false, form: 'reprimand' };
  const label = (k: FieldKey) => t(`reports.field.${k}`);
  const req = (k: FieldKey) => [requiredRule(label(k))];
  const date = (k: FieldKey) => (
    <Form.Item name={k} label={label(k)} rules={[{ required: true, message: t('validation.requiredField', { label: label(k) }) }]}>
      <DatePicker format={DATE_FORMAT} />
    </Form.Item>
  );
  const subject = (
    <>
      <Form.Item name="subjectType" label={label('subjectType')} rules={[{ required: true }]}>
        <Radio.Group options={subjectTypes.map((s) => ({ value: s, label: t(`reports.subjectType.${s}`) }))} />
      </Form.Item>
      <Form.Item name="subjectName" label={label('subjectName')} rules={req('subjectName')}>
        <Input maxLength={300} />
      </Form.Item>
      {subjectType === 'member' && (
        <Form.Item name="committeeMember" valuePropName="checked">
          <Checkbox>{label('committeeMember')}</Checkbox>
        </Form.Item>
      )}
    </>
  );
  return (
    <FormDialog<Values>
      form={form}
      title={entry ? t('reports.edit') : `${t('reports.add')}: ${t(`reports.registers.${path}`)}`}
      okText={t('common.save')}
      onClose={onClose}
      width={640}
      initialValues={initial}
      onSubmit={async (v) => {
        const body: Record<string, unknown> = {};
        for (const [k, val] of Object.entries(v)) {
          if (k === 'org' || val === undefined) continue;
          body[k] = dateFields.includes(k) ? toIsoDate(val as Dayjs) : typeof val === 'string' ? val.trim() || null : val;
        }
        if (body.subjectType === 'organization') body.committeeMember = false;
        if (entry) await save.mutateAsync({ id: entry.id, body: { ...body, version: entry.version } });
        else await save.mutateAsync({ body: { ...body, orgId: v.org!.value } });
        return t('reports.saved');
      }}
    >
      {!entry && (
        <Form.Item name="org" label={label('org')} rules={[{ required: true, message: t('validation.requiredField', { label: label('org') }) }]}>
          <OrgPicker />
        </Form.Item>
      )}
      {path === 'oversight' && (
        <>
          <Form.Item name="kind" label={label('kind')} rules={[{ required: true }]}>
            <Radio.Group options={oversightKinds.map((k) => ({ value: k, label: t(`reports.oversightKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="mode" label={label('mode')} rules={[{ required: true }]}>
            <Select options={oversightModes.filter((m) => kind !== 'supervision' || m !== 'violationSigns').map((m) => ({ value: m, label: t(`reports.oversightMode.${m}`) }))} />
          </Form.Item>
          {subject}
          {date('startedOn')}
          <Form.Item name="decisionRef" label={label('decisionRef')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="violationFound" label={label('violationFound')}>
            <Select allowClear options={[{ value: true, label: t('reports.yes') }, { value: false, label: t('reports.no') }]} />
          </Form.Item>
          <Form.Item name="conclusion" label={label('conclusion')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </>
      )}
      {path === 'disciplines' && (
        <>
          {subject}
          <Form.Item name="form" label={label('form')} rules={[{ required: true }]}>
            <Select options={(subjectType ? disciplineFormsFor[subjectType as 'member' | 'organization'] : disciplineForms).map((f) => ({ value: f, label: t(`reports.disciplineForm.${f}`) }))} />
          </Form.Item>
          {date('decidedOn')}
          <Form.Item name="decisionRef" label={label('decisionRef')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="reason" label={label('reason')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </>
      )}
      {path === 'study-sessions' && (
        <>
          <Form.Item name="title" label={label('title')} rules={req('title')}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="subject" label={label('subject')}>
            <Input maxLength={500} />
          </Form.Item>
          <Space>
            {date('heldFrom')}
            {date('heldTo')}
          </Space>
          <Space>
            <Form.Item name="expected" label={label('expected')} rules={[{ required: true, message: t('validation.requiredField', { label: label('expected') }) }]}>
              <InputNumber min={1} max={10_000_000} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="attended" label={label('attended')} rules={[{ required: true, message: t('validation.requiredField', { label: label('attended') }) }]}>
              <InputNumber min={0} max={10_000_000} style={{ width: 180 }} />
            </Form.Item>
          </Space>
          <Form.Item name="note" label={label('note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
