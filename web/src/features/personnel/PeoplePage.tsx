import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Result, Row, Select, Space, Statistic, Steps, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { concurrentModels, type ConcurrentModel } from '../../../../shared/src/contracts/personnel.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatCount, formatDateVi } from '../../lib/format.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import { useMe } from '../accounts/session.tsx';
import { OrgPicker, type PickedOrg } from '../organizations/OrgPicker.tsx';
import {
  concurrentQuery,
  peopleQuery,
  type PersonImportPreview,
  personnelCongressesQuery,
  type PersonSummary,
  templateUrl,
  useApplyImport,
  usePreviewImport,
  useSetConcurrentTarget,
} from './personnel.api.ts';
import { PersonFormDialog } from './PersonFormDialog.tsx';
import './personnel.css';

const monthVi = (ym: string) => `${ym.slice(5, 7)}/${ym.slice(0, 4)}`;

/** Nhân sự: people in scope, their import, the congresses' personnel, and the concurrent-post models. */
export function PeoplePage() {
  const { t } = useTranslation();
  usePageTitle(t('personnel.title'));
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'people';
  const canWrite = me.abilities.manageOrganizations;
  return (
    <div className="page personnel-page">
      <Typography.Title level={2}>{t('personnel.title')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          { key: 'people', label: t('personnel.tabs.people'), children: <PeopleList canWrite={canWrite} /> },
          ...(canWrite ? [{ key: 'import', label: t('personnel.tabs.import'), children: <PeopleImport /> }] : []),
          { key: 'congresses', label: t('personnel.tabs.congresses'), children: <CongressList /> },
          { key: 'concurrent', label: t('personnel.tabs.concurrent'), children: <ConcurrentPosts canWrite={canWrite} /> },
        ]}
      />
    </div>
  );
}

function PeopleList({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [org, setOrg] = useState<PickedOrg | undefined>();
  const [adding, setAdding] = useState(false);
  const { data, error, isFetching } = useQuery(peopleQuery(org?.value, q));
  return (
    <Card size="small">
      <Space wrap className="personnel-toolbar">
        <Input.Search allowClear placeholder={t('personnel.people.search')} aria-label={t('personnel.people.search')} onSearch={setQ} style={{ width: 300 }} />
        <div style={{ width: 320 }}>
          <OrgPicker aria-label={t('personnel.people.org')} placeholder={t('personnel.people.org')} value={org} onChange={setOrg} />
        </div>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            {t('personnel.people.add')}
          </Button>
        )}
      </Space>
      {error && <Alert type="error" showIcon message={errorMessage(error)} />}
      <Table<PersonSummary>
        size="small"
        rowKey="id"
        loading={isFetching && !data}
        dataSource={data ?? []}
        locale={{ emptyText: t('personnel.people.empty') }}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('personnel.people.fullName'), dataIndex: 'fullName', render: (n: string, p) => <Link to={`/personnel/people/${p.id}`}>{n}</Link> },
          { title: t('personnel.people.birthDate'), dataIndex: 'birthDate', width: 110, render: (d: string) => formatDateVi(d) },
          { title: t('personnel.people.gender'), dataIndex: 'gender', width: 80, render: (g: 'male' | 'female') => t(`personnel.genders.${g}`) },
          { title: t('personnel.people.ethnicity'), dataIndex: 'ethnicity', width: 90 },
          { title: t('personnel.people.posts'), dataIndex: 'posts', render: (p: string[]) => p.join('; ') },
          { title: t('personnel.people.org'), render: (_: unknown, p) => p.org.name },
          { title: t('personnel.people.retirement'), width: 100, render: (_: unknown, p) => monthVi(p.retirement.month) },
          {
            title: t('personnel.people.openComplaints'),
            dataIndex: 'openComplaints',
            width: 120,
            render: (n: number) => (n > 0 ? <Tag color="red">{formatCount(n)}</Tag> : null),
          },
        ]}
      />
      {adding && <PersonFormDialog defaultOrg={org} onClose={() => setAdding(false)} onSaved={(id) => navigate(`/personnel/people/${id}`)} />}
    </Card>
  );
}

function PeopleImport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const preview = usePreviewImport();
  const apply = useApplyImport();
  const [result, setResult] = useState<PersonImportPreview | null>(null);
  const [applied, setApplied] = useState<{ created: number; updated: number } | null>(null);
  const upload = (file: File) => {
    setApplied(null);
    setResult(null);
    apply.reset();
    preview.mutate(file, { onSuccess: setResult });
    return false;
  };
  const confirm = async () => {
    if (!result) return;
    try {
      const r = await apply.mutateAsync(result.batchId);
      setApplied(r);
      setResult(null);
      void message.success(t('personnel.import.applied', { created: formatCount(r.created), updated: formatCount(r.updated) }));
    } catch {
      // shown below
    }
  };
  return (
    <Card size="small" title={t('personnel.import.title')}>
      <Steps size="small" current={applied ? 2 : result ? 1 : 0} items={[{ title: t('personnel.import.stepUpload') }, { title: t('personnel.import.stepCheck') }, { title: t('personnel.import.stepApply') }]} />
      <Space direction="vertical" size="middle" style={{ width: '100%', marginTop: 16 }}>
        <Space wrap>
          <Button icon={<DownloadOutlined aria-hidden />} href={templateUrl()}>
            {t('personnel.import.template')}
          </Button>
          <Typography.Text type="secondary">{t('personnel.import.templateHelp')}</Typography.Text>
        </Space>
        <Upload.Dragger accept=".xlsx" multiple={false} showUploadList={false} beforeUpload={upload} disabled={preview.isPending || apply.isPending} aria-label={t('personnel.import.drop')}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">{t('personnel.import.drop')}</p>
        </Upload.Dragger>
        {preview.isPending && <Alert type="info" showIcon message={t('personnel.import.checking')} />}
        {preview.error && <Alert type="error" showIcon role="alert" message={errorMessage(preview.error)} />}
        {result && (
          <section aria-label={t('personnel.import.stepCheck')}>
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Statistic title={t('personnel.import.totalRows')} value={formatCount(result.totalRows)} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('personnel.import.toCreate')} value={formatCount(result.toCreate)} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('personnel.import.toUpdate')} value={formatCount(result.toUpdate)} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('personnel.import.errors')} value={formatCount(result.errors.length)} valueStyle={result.errors.length ? { color: '#cf1322' } : undefined} />
              </Col>
            </Row>
            {result.errors.length > 0 ? (
              <>
                <Alert type="error" showIcon message={t('personnel.import.hasErrors', { n: formatCount(result.errors.length) })} />
                <Table
                  size="small"
                  rowKey={(e, i) => `${e.row}-${e.column ?? ''}-${e.code}-${i ?? 0}`}
                  dataSource={result.errors}
                  pagination={result.errors.length > 20 ? { pageSize: 20 } : false}
                  columns={[
                    { title: t('personnel.import.row'), dataIndex: 'row', width: 80 },
                    { title: t('personnel.import.column'), dataIndex: 'column', width: 220, render: (c?: string) => c ?? '—' },
                    { title: t('personnel.import.reason'), dataIndex: 'message' },
                  ]}
                />
              </>
            ) : (
              <>
                <Alert type="success" showIcon message={t('personnel.import.clean', { created: formatCount(result.toCreate), updated: formatCount(result.toUpdate) })} />
                <Table
                  size="small"
                  rowKey="row"
                  dataSource={result.rows}
                  pagination={result.rows.length > 20 ? { pageSize: 20 } : false}
                  columns={[
                    { title: t('personnel.import.row'), dataIndex: 'row', width: 70 },
                    { title: '', dataIndex: 'action', width: 110, render: (a: 'create' | 'update') => <Tag color={a === 'create' ? 'green' : 'blue'}>{t(`personnel.import.action.${a}`)}</Tag> },
                    { title: t('personnel.people.fullName'), dataIndex: 'fullName' },
                    { title: t('personnel.people.birthDate'), dataIndex: 'birthDate', render: (d: string) => formatDateVi(d) },
                    { title: t('personnel.people.org'), dataIndex: 'orgCode' },
                  ]}
                />
              </>
            )}
            {apply.error && <Alert type="error" showIcon role="alert" message={errorMessage(apply.error)} />}
            <Button type="primary" size="large" disabled={!result.canApply} loading={apply.isPending} onClick={confirm} style={{ marginTop: 12 }}>
              {t('personnel.import.apply')}
            </Button>
          </section>
        )}
        {applied && <Result status="success" title={t('personnel.import.applied', { created: formatCount(applied.created), updated: formatCount(applied.updated) })} />}
      </Space>
    </Card>
  );
}

function CongressList() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const { data, error } = useQuery(personnelCongressesQuery(q));
  return (
    <Card size="small">
      <Typography.Paragraph type="secondary">{t('personnel.congresses.help')}</Typography.Paragraph>
      <Input.Search allowClear placeholder={t('personnel.congresses.search')} aria-label={t('personnel.congresses.search')} onSearch={setQ} style={{ width: 360, marginBottom: 12 }} />
      {error && <Alert type="error" showIcon message={errorMessage(error)} />}
      <Table
        size="small"
        rowKey="congressId"
        dataSource={data ?? []}
        pagination={false}
        locale={{ emptyText: t('personnel.congresses.empty') }}
        columns={[
          { title: t('personnel.people.org'), dataIndex: 'orgName', render: (n: string, c) => <Link to={`/congresses/${c.congressId}/personnel`}>{n}</Link> },
          { title: t('campaigns.list.name'), dataIndex: 'campaignName' },
          { title: t('campaigns.list.term'), dataIndex: 'term', width: 110 },
          {
            title: t('personnel.congress.candidates'),
            render: (_: unknown, c) =>
              c.listStatus ? (
                <Space>
                  <Tag color={c.listStatus === 'approved' ? 'green' : 'gold'}>{t(`personnel.congress.listStatus.${c.listStatus}`)}</Tag>
                  {t('personnel.congresses.candidates', { n: formatCount(c.candidates) })}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('personnel.congresses.noPlan')}</Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}

type TargetValues = { model: ConcurrentModel; level: number; targetKind: 'count' | 'share'; targetValue: number; source?: string };

function ConcurrentPosts({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const [org, setOrg] = useState<PickedOrg | undefined>();
  const [setting, setSetting] = useState(false);
  const { data, error } = useQuery(concurrentQuery(org?.value));
  const save = useSetConcurrentTarget();
  return (
    <Card size="small" title={t('personnel.concurrent.title')}>
      <Typography.Paragraph type="secondary">{t('personnel.concurrent.help')}</Typography.Paragraph>
      <Space wrap className="personnel-toolbar">
        <div style={{ width: 320 }}>
          <OrgPicker aria-label={t('personnel.people.org')} placeholder={data?.root.name ?? me.scopeOrg.name} value={org} onChange={setOrg} />
        </div>
        {canWrite && <Button onClick={() => setSetting(true)}>{t('personnel.concurrent.setTarget')}</Button>}
      </Space>
      {error && <Alert type="error" showIcon message={errorMessage(error)} />}
      <Table
        size="small"
        rowKey={(f) => `${f.model}-${f.level}`}
        dataSource={data?.figures ?? []}
        pagination={false}
        columns={[
          { title: t('personnel.concurrent.model'), dataIndex: 'modelLabel' },
          { title: t('personnel.concurrent.level'), dataIndex: 'levelName', width: 150 },
          { title: t('personnel.concurrent.figure'), dataIndex: 'text' },
          {
            title: t('personnel.concurrent.target'),
            width: 130,
            render: (_: unknown, f) =>
              f.met === null ? (
                <Typography.Text type="secondary">{f.target ? '—' : t('personnel.concurrent.none')}</Typography.Text>
              ) : (
                <Tag color={f.met ? 'green' : 'red'}>{t(`personnel.congress.status.${f.met ? 'met' : 'missed'}`)}</Tag>
              ),
          },
        ]}
      />
      {setting && data && (
        <FormDialog<TargetValues>
          title={t('personnel.concurrent.setTarget')}
          okText={t('personnel.people.save')}
          onClose={() => setSetting(false)}
          initialValues={{ model: 'secretaryChairsPeoplesCommittee', level: 3, targetKind: 'share', targetValue: 75 }}
          onSubmit={async (v) => {
            await save.mutateAsync({ rootOrgId: data.root.id, model: v.model, level: v.level, targetKind: v.targetKind, targetValue: v.targetValue, source: v.source?.trim() || null });
            return t('personnel.concurrent.saved');
          }}
        >
          <Form.Item name="model" label={t('personnel.concurrent.model')}>
            <Select options={concurrentModels.map((m) => ({ value: m, label: data.figures.find((f) => f.model === m)?.modelLabel ?? m }))} />
          </Form.Item>
          <Form.Item name="level" label={t('personnel.concurrent.level')}>
            <Select options={[...new Map(data.figures.map((f) => [f.level, f.levelName])).entries()].map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="targetKind" label={t('personnel.concurrent.kind')}>
            <Select options={[{ value: 'share', label: t('personnel.concurrent.share') }, { value: 'count', label: t('personnel.concurrent.count') }]} />
          </Form.Item>
          <Form.Item name="targetValue" label={t('personnel.concurrent.value')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100000} decimalSeparator="," />
          </Form.Item>
          <Form.Item name="source" label={t('personnel.concurrent.source')}>
            <Input maxLength={500} />
          </Form.Item>
        </FormDialog>
      )}
    </Card>
  );
}
