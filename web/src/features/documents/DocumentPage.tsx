import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Checkbox, DatePicker, Form, Input, Popconfirm, Select, Space, Switch, Table, Tag, Typography, Upload } from 'antd';
import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { SectionDiff, VersionSummary } from '../../../../shared/src/contracts/documents.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { errorMessage } from '../../lib/api.ts';
import { DATE_FORMAT } from '../../lib/dates.ts';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { requiredRule } from '../../lib/forms.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import { OrgPicker, type PickedOrg } from '../organizations/OrgPicker.tsx';
import { type CongressDocument, diffQuery, documentQuery, useAddVersion, useApprove, useCreateRound, useUploadDocx, versionQuery } from './documents.api.ts';
import { StateTag } from './labels.tsx';
import './documents.css';

/** One congress document: its versions, the text of a version, the difference between two, approval, and consultation rounds. */
export function DocumentPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const { data: doc, error } = useQuery(documentQuery(id));
  usePageTitle(doc?.title ?? t('documents.title'));
  const [adding, setAdding] = useState(false);
  const [opening, setOpening] = useState(false);
  const [viewNo, setViewNo] = useState<number | null>(null);
  const approve = useApprove(id);
  const upload = useUploadDocx(id);
  const latest = doc?.versions[doc.versions.length - 1]?.no ?? null;
  const shown = viewNo ?? latest;

  return (
    <div className="page">
      <Breadcrumb
        items={[
          { title: <Link to="/documents">{t('documents.title')}</Link> },
          { title: doc ? <Link to={`/congresses/${doc.congressId}/documents`}>{doc.org.name}</Link> : '…' },
          { title: doc?.title ?? '…' },
        ]}
      />
      <div className="page__head">
        <Typography.Title level={2}>{doc?.title ?? '…'}</Typography.Title>
        {doc && <Tag>{t(`documents.type.${doc.docType}`)}</Tag>}
      </div>
      {error && <Alert type="error" showIcon message={errorMessage(error)} />}
      {doc && (
        <>
          <Card
            title={t('documents.doc.versions')}
            extra={
              doc.can.write && (
                <Space>
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
                    {t('documents.doc.addVersion')}
                  </Button>
                  <Upload
                    accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    showUploadList={false}
                    beforeUpload={(file) => {
                      upload.mutate(file, {
                        onSuccess: (v) => void message.success(t('documents.doc.versionAdded', { no: v.no, n: v.sectionCount })),
                        onError: (e) => void message.error(errorMessage(e)),
                      });
                      return false;
                    }}
                  >
                    <Button icon={<FileWordOutlined aria-hidden />} loading={upload.isPending}>
                      {t('documents.doc.uploadDocx')}
                    </Button>
                  </Upload>
                </Space>
              )
            }
          >
            <Table<VersionSummary>
              rowKey="id"
              dataSource={doc.versions}
              pagination={false}
              size="small"
              columns={[
                { title: t('documents.doc.no'), dataIndex: 'no', width: 80 },
                { title: t('documents.doc.note'), render: (_, v) => v.note ?? '' },
                { title: t('documents.doc.source'), render: (_, v) => (v.source === 'docx' ? `${t('documents.doc.sourceDocx')}: ${v.fileName ?? ''}` : t('documents.doc.sourceText')) },
                { title: t('documents.doc.createdAt'), render: (_, v) => `${formatDateTime(v.createdAt)} · ${v.createdBy ?? ''}` },
                { title: t('documents.doc.sections'), align: 'right', render: (_, v) => formatCount(v.sectionCount) },
                {
                  title: t('common.actions'),
                  render: (_, v) => (
                    <Space>
                      {doc.approvedVersionId === v.id && <Tag color="green">{t('documents.doc.approvedTag')}</Tag>}
                      <Button size="small" onClick={() => setViewNo(v.no)} aria-label={`${t('documents.doc.view')} ${v.no}`}>
                        {t('documents.doc.view')}
                      </Button>
                      {doc.can.write && doc.approvedVersionId !== v.id && (
                        <Popconfirm
                          title={t('documents.doc.approveConfirm', { no: v.no })}
                          okText={t('documents.doc.approve')}
                          cancelText={t('common.cancel')}
                          onConfirm={() =>
                            approve.mutateAsync({ versionId: v.id, version: doc.version }).then(
                              () => void message.success(t('documents.doc.approvedDone', { no: v.no })),
                              (e) => void message.error(errorMessage(e)),
                            )
                          }
                        >
                          <Button size="small" type="primary" ghost>
                            {t('documents.doc.approve')}
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
          {doc.versions.length >= 2 && <DiffCard doc={doc} />}
          {shown !== null && <VersionCard id={id} no={shown} />}
          <Card
            title={t('documents.doc.rounds')}
            extra={
              doc.can.write && (
                <Button type="primary" onClick={() => setOpening(true)} disabled={doc.versions.length === 0}>
                  {t('documents.doc.openRound')}
                </Button>
              )
            }
          >
            {doc.versions.length === 0 && <Alert type="info" message={t('documents.doc.needVersion')} />}
            <Table
              rowKey="id"
              dataSource={doc.consultations}
              pagination={false}
              size="small"
              columns={[
                { title: t('documents.round.title'), render: (_, r) => <Link to={`/consultations/${r.id}`}>{r.title}</Link> },
                { title: t('documents.round.version'), render: (_, r) => r.versionNo, width: 90 },
                { title: t('documents.round.audience'), render: (_, r) => r.audienceOrg.name },
                { title: '', render: (_, r) => <StateTag state={r.state} /> },
                { title: t('documents.hub.closesAt'), render: (_, r) => formatDateTime(r.closesAt) },
                { title: t('documents.hub.comments'), align: 'right', render: (_, r) => formatCount(r.commentCount) },
              ]}
            />
          </Card>
          {adding && <AddVersionDialog id={id} onClose={() => setAdding(false)} />}
          {opening && <OpenRoundDialog doc={doc} onClose={() => setOpening(false)} />}
        </>
      )}
    </div>
  );
}

function VersionCard({ id, no }: { id: number; no: number }) {
  const { t } = useTranslation();
  const { data } = useQuery(versionQuery(id, no));
  return (
    <Card title={t('documents.doc.viewing', { no })}>
      <div className="doc-text" role="document" aria-label={t('documents.doc.viewing', { no })}>
        {data?.sections.map((s) =>
          s.kind === 'heading' ? (
            <p key={s.key} className={`doc-text__h doc-text__h${s.level}`}>
              <span className="doc-text__key">{s.key}</span> {s.text}
            </p>
          ) : (
            <p key={s.key}>
              <span className="doc-text__key">{s.key}</span> {s.text}
            </p>
          ),
        )}
      </div>
    </Card>
  );
}

function DiffCard({ doc }: { doc: CongressDocument }) {
  const { t } = useTranslation();
  const nos = doc.versions.map((v) => v.no);
  const [from, setFrom] = useState(nos[nos.length - 2]!);
  const [to, setTo] = useState(nos[nos.length - 1]!);
  const [onlyChanges, setOnlyChanges] = useState(true);
  const { data } = useQuery(diffQuery(doc.id, from, to));
  const rows = (data?.sections ?? []).filter((s) => !onlyChanges || s.change !== 'same');
  return (
    <Card
      title={t('documents.doc.diff')}
      extra={
        <Space wrap>
          <span>{t('documents.doc.diffFrom')}</span>
          <Select aria-label={t('documents.doc.diffFrom')} value={from} onChange={setFrom} options={nos.map((n) => ({ value: n, label: n }))} style={{ width: 80 }} />
          <span>{t('documents.doc.diffTo')}</span>
          <Select aria-label={t('documents.doc.diffTo')} value={to} onChange={setTo} options={nos.map((n) => ({ value: n, label: n }))} style={{ width: 80 }} />
          <Switch checked={onlyChanges} onChange={setOnlyChanges} aria-label={t('documents.doc.onlyChanges')} /> {t('documents.doc.onlyChanges')}
        </Space>
      }
    >
      {data && <Typography.Paragraph>{t('documents.doc.diffCounts', data.counts)}</Typography.Paragraph>}
      <div className="doc-diff" role="region" aria-label={t('documents.doc.diff')}>
        {rows.map((s: SectionDiff) => (
          <div key={`${s.key}-${s.change}`} className={`doc-diff__row doc-diff__row--${s.change}`}>
            <Tag>{s.key}</Tag>
            <Tag color={s.change === 'added' ? 'green' : s.change === 'removed' ? 'red' : s.change === 'changed' ? 'orange' : 'default'}>{t(`documents.doc.change.${s.change}`)}</Tag>
            <span className={s.kind === 'heading' ? 'doc-diff__heading' : undefined}>
              {s.ops.map((o, i) => (o.op === 'add' ? <ins key={i}>{o.text}</ins> : o.op === 'del' ? <del key={i}>{o.text}</del> : <span key={i}>{o.text}</span>))}
            </span>
          </div>
        ))}
      </div>
    </Card>
  );
}

function AddVersionDialog({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddVersion(id);
  const textLabel = t('documents.doc.text');
  return (
    <FormDialog<{ text: string; note?: string }>
      title={t('documents.doc.addText')}
      okText={t('documents.doc.addVersion')}
      onClose={onClose}
      width={820}
      onSubmit={async (v) => {
        const r = await add.mutateAsync({ text: v.text, note: v.note?.trim() || undefined });
        return t('documents.doc.versionAdded', { no: r.no, n: r.sectionCount });
      }}
    >
      <Alert type="info" showIcon message={t('documents.doc.textHelp')} className="form-dialog__note" />
      <Form.Item name="note" label={t('documents.doc.note')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="text" label={textLabel} rules={[requiredRule(textLabel)]}>
        <Input.TextArea rows={16} />
      </Form.Item>
    </FormDialog>
  );
}

type RoundValues = { title: string; versionId: number; audience?: PickedOrg; members: boolean; orgs: boolean; public: boolean; opensAt: Dayjs; closesAt: Dayjs };

function OpenRoundDialog({ doc, onClose }: { doc: CongressDocument; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateRound(doc.id);
  const titleLabel = t('documents.round.title');
  const last = doc.versions[doc.versions.length - 1]!;
  return (
    <FormDialog<RoundValues>
      title={t('documents.doc.openRound')}
      okText={t('documents.doc.openRound')}
      onClose={onClose}
      width={640}
      initialValues={{
        title: `Lấy ý kiến dự thảo ${doc.title}`,
        versionId: last.id,
        audience: { value: doc.org.id, label: doc.org.name },
        members: true,
        orgs: true,
        public: true,
        opensAt: dayjs().startOf('day'),
        closesAt: dayjs().add(30, 'day').endOf('day'),
      }}
      onSubmit={async (v) => {
        await create.mutateAsync({
          title: v.title.trim(),
          versionId: v.versionId,
          audienceOrgId: v.audience!.value,
          members: v.members,
          orgs: v.orgs,
          public: v.public,
          opensAt: v.opensAt.startOf('day').toISOString(),
          closesAt: v.closesAt.endOf('day').toISOString(),
        });
        return t('documents.round.created');
      }}
    >
      <Form.Item name="title" label={titleLabel} rules={[requiredRule(titleLabel)]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="versionId" label={t('documents.round.version')} rules={[{ required: true }]}>
        <Select options={doc.versions.map((v) => ({ value: v.id, label: `${t('documents.doc.no')} ${v.no}${v.note ? ` — ${v.note}` : ''}` }))} />
      </Form.Item>
      <Form.Item name="audience" label={t('documents.round.audience')} rules={[{ required: true }]}>
        <OrgPicker />
      </Form.Item>
      <Form.Item name="members" valuePropName="checked" noStyle>
        <Checkbox>{t('documents.round.members')}</Checkbox>
      </Form.Item>
      <Form.Item name="orgs" valuePropName="checked" noStyle>
        <Checkbox>{t('documents.round.orgs')}</Checkbox>
      </Form.Item>
      <Form.Item name="public" valuePropName="checked">
        <Checkbox>{t('documents.round.public')}</Checkbox>
      </Form.Item>
      <Space>
        <Form.Item name="opensAt" label={t('documents.round.opensAt')} rules={[{ required: true }]}>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item name="closesAt" label={t('documents.round.closesAt')} rules={[{ required: true }]}>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
      </Space>
    </FormDialog>
  );
}
