import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Alert, App, Breadcrumb, Button, Card, Col, DatePicker, Descriptions, Form, Input, List, Row, Select, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { complaintKinds, complaintOutcomes } from '../../../../shared/src/contracts/personnel.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { PageSpinner } from '../../app/PageSpinner.tsx';
import { errorMessage } from '../../lib/api.ts';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates.ts';
import { formatDateVi, formatNumberVi } from '../../lib/format.ts';
import { requiredRule } from '../../lib/forms.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import { type Complaint, complaintFileUrl, documentUrl, personQuery, useAddComplaint, useAdvanceComplaint, useAttachComplaintFile, useAttachDocument } from './personnel.api.ts';
import { PersonFormDialog } from './PersonFormDialog.tsx';
import './personnel.css';

const monthVi = (ym: string) => `${ym.slice(5, 7)}/${ym.slice(0, 4)}`;

/** One person's profile: facts, posts, retirement, documents, complaints, lists and committees. */
export function PersonPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { data: p, error } = useQuery(personQuery(id));
  usePageTitle(p?.fullName);
  const [open, setOpen] = useState<null | 'edit' | 'complaint' | { advance: Complaint }>(null);
  const [label, setLabel] = useState('');
  const attach = useAttachDocument(id);
  const addComplaint = useAddComplaint(id);
  if (error) return <Alert type="error" showIcon message={errorMessage(error)} />;
  if (!p) return <PageSpinner />;
  const close = () => setOpen(null);
  const L = (k: string): string => t(`personnel.people.${k}` as never);
  return (
    <div className="page person-page">
      <Breadcrumb items={[{ title: <Link to="/personnel">{t('personnel.profile.back')}</Link> }, { title: p.fullName }]} />
      <Space align="baseline" wrap>
        <Typography.Title level={2}>{p.fullName}</Typography.Title>
        {p.can.edit && <Button onClick={() => setOpen('edit')}>{t('personnel.profile.edit')}</Button>}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('personnel.profile.facts')}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={L('birthDate')}>{formatDateVi(p.birthDate)}</Descriptions.Item>
              <Descriptions.Item label={L('gender')}>{t(`personnel.genders.${p.gender}`)}</Descriptions.Item>
              <Descriptions.Item label={L('ethnicity')}>{p.ethnicity}</Descriptions.Item>
              <Descriptions.Item label={L('code')}>{p.code ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={L('homePlace')}>{p.homePlace ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={L('education')}>{p.education ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={L('politicalTheory')}>{p.politicalTheory ? t(`personnel.theory.${p.politicalTheory}`) : '—'}</Descriptions.Item>
              <Descriptions.Item label={L('partyJoinDate')}>{formatDateVi(p.partyJoinDate) || '—'}</Descriptions.Item>
              <Descriptions.Item label={L('org')}>{p.org.name}</Descriptions.Item>
              <Descriptions.Item label={L('sciTech')}>{p.sciTech ? '✓' : '—'}</Descriptions.Item>
              <Descriptions.Item label={L('retirement')} span={2}>
                <div>
                  <span data-testid="retirement">
                    {monthVi(p.retirement.month)} ({p.retirement.ageText}) — {p.retirement.source === 'computed' ? L('retirementComputed') : L('retirementFromRecord')}
                  </span>
                  <Typography.Text type="secondary" className="personnel-source">
                    {p.retirement.sourceText}
                  </Typography.Text>
                </div>
              </Descriptions.Item>
              {p.note && (
                <Descriptions.Item label={L('note')} span={2}>
                  {p.note}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card size="small" title={t('personnel.profile.postsTitle')} style={{ marginTop: 16 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.postsDetail}
              columns={[
                { title: t('personnel.profile.postTitle'), dataIndex: 'title', render: (v: string, x) => (x.toDate ? <Typography.Text delete>{v}</Typography.Text> : v) },
                { title: t('personnel.profile.postRole'), dataIndex: 'roleLabel' },
                { title: t('personnel.profile.postOrg'), dataIndex: 'orgName' },
                { title: t('personnel.profile.nonLocal'), dataIndex: 'nonLocal', width: 120, render: (v: boolean) => (v ? '✓' : '') },
              ]}
            />
          </Card>
          <Card size="small" title={t('personnel.profile.complaints')} style={{ marginTop: 16 }} extra={p.can.edit && <Button onClick={() => setOpen('complaint')}>{t('personnel.profile.addComplaint')}</Button>}>
            <ComplaintsTable complaints={p.complaints} canEdit={p.can.edit} onAdvance={(c) => setOpen({ advance: c })} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('personnel.profile.documents')}>
            <List
              size="small"
              dataSource={p.documents}
              locale={{ emptyText: t('personnel.profile.noDocuments') }}
              renderItem={(d) => (
                <List.Item>
                  <a href={documentUrl(p.id, d.id)}>
                    <PaperClipOutlined aria-hidden /> {d.label}
                  </a>
                  <Typography.Text type="secondary">
                    {d.fileName} · {formatNumberVi(Math.ceil(d.size / 1024))} KB
                  </Typography.Text>
                </List.Item>
              )}
            />
            {p.can.edit && (
              <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
                <Input placeholder={t('personnel.profile.docLabel')} aria-label={t('personnel.profile.docLabel')} value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} />
                <Upload
                  showUploadList={false}
                  beforeUpload={(file) => {
                    attach.mutate({ file, label }, { onSuccess: () => setLabel('') });
                    return false;
                  }}
                >
                  <Button icon={<PaperClipOutlined aria-hidden />} loading={attach.isPending}>
                    {t('personnel.profile.attach')}
                  </Button>
                </Upload>
                {attach.error && <Alert type="error" showIcon role="alert" message={errorMessage(attach.error)} />}
              </Space>
            )}
          </Card>
          <Card size="small" title={t('personnel.profile.candidacies')} style={{ marginTop: 16 }}>
            <List
              size="small"
              dataSource={p.candidacies}
              locale={{ emptyText: '—' }}
              renderItem={(c) => (
                <List.Item>
                  <Link to={`/congresses/${c.congressId}/personnel`}>{c.orgName}</Link>
                  <Tag color={c.listStatus === 'approved' ? 'green' : 'gold'}>{t(`personnel.congress.listStatus.${c.listStatus}`)}</Tag>
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t('personnel.profile.committees')} style={{ marginTop: 16 }}>
            <List
              size="small"
              dataSource={p.committees}
              locale={{ emptyText: '—' }}
              renderItem={(c) => (
                <List.Item>
                  {c.orgName} — {c.body === 'executiveCommittee' ? t('personnel.congress.committee') : t(`personnel.congress.kinds.${c.body}`, { defaultValue: c.body })} ({c.termFrom}–{c.termTo})
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      {open === 'edit' && <PersonFormDialog person={p} onClose={close} />}
      {open === 'complaint' && (
        <FormDialog<{ kind: 'complaint' | 'denunciation'; receivedOn?: Dayjs; sender?: string; summary: string }>
          title={t('personnel.profile.addComplaint')}
          okText={t('personnel.profile.addComplaint')}
          onClose={close}
          initialValues={{ kind: 'complaint' }}
          onSubmit={async (v) => {
            await addComplaint.mutateAsync({ kind: v.kind, receivedOn: toIsoDate(v.receivedOn) ?? '', sender: v.sender?.trim() || null, summary: v.summary });
            return t('personnel.complaint.received');
          }}
        >
          <Form.Item name="kind" label={t('personnel.complaint.kind')}>
            <Select options={complaintKinds.map((k) => ({ value: k, label: t(`personnel.complaint.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="receivedOn" label={t('personnel.complaint.receivedOn')} rules={[{ required: true, message: t('validation.requiredField', { label: t('personnel.complaint.receivedOn') }) }]}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name="sender" label={t('personnel.complaint.sender')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="summary" label={t('personnel.complaint.summary')} rules={[requiredRule(t('personnel.complaint.summary'))]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </FormDialog>
      )}
      {open && typeof open === 'object' && <AdvanceComplaintDialog complaint={open.advance} onClose={close} />}
    </div>
  );
}

/** The files of one complaint: download links, and an upload button for those who may edit. */
function ComplaintFiles({ complaint, canEdit, onUpload }: { complaint: Complaint; canEdit: boolean; onUpload: (c: Complaint, file: File) => void }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={0}>
      {complaint.files.map((f) => (
        <a key={f.id} href={complaintFileUrl(complaint.id, f.id)} className="personnel-complaint-file">
          <PaperClipOutlined aria-hidden /> {f.fileName}
          <Typography.Text type="secondary"> · {formatNumberVi(Math.ceil(f.size / 1024))} KB</Typography.Text>
        </a>
      ))}
      {canEdit && (
        <Tooltip title={t('personnel.complaint.fileTypes')}>
          <Upload
            showUploadList={false}
            accept=".pdf,.docx,.png,.jpg,.jpeg"
            beforeUpload={(file) => {
              onUpload(complaint, file);
              return false;
            }}
          >
            <Button size="small" type="link" className="personnel-complaint-attach" icon={<PaperClipOutlined aria-hidden />} aria-label={t('personnel.complaint.attachFileTo', { name: complaint.personName })}>
              {t('personnel.complaint.attachFile')}
            </Button>
          </Upload>
        </Tooltip>
      )}
    </Space>
  );
}

export function ComplaintsTable({ complaints, canEdit, onAdvance, showPerson }: { complaints: Complaint[]; canEdit: boolean; onAdvance: (c: Complaint) => void; showPerson?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const attach = useAttachComplaintFile();
  const upload = (c: Complaint, file: File) =>
    attach.mutate({ id: c.id, file }, { onSuccess: () => void message.success(t('personnel.complaint.fileAttached', { name: file.name })) });
  return (
    <>
      {attach.error && <Alert type="error" showIcon role="alert" message={errorMessage(attach.error)} style={{ marginBottom: 8 }} closable onClose={() => attach.reset()} />}
      <Table<Complaint>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={complaints}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('personnel.profile.noComplaints') }}
        columns={[
          ...(showPerson ? [{ title: t('personnel.complaint.person'), dataIndex: 'personName', width: 150 }] : []),
          { title: t('personnel.complaint.receivedOn'), dataIndex: 'receivedOn', width: 100, render: (d: string) => formatDateVi(d) },
          { title: t('personnel.complaint.kind'), dataIndex: 'kindLabel', width: 90 },
          {
            title: t('personnel.complaint.summary'),
            render: (_: unknown, c) => (
              <Space direction="vertical" size={2}>
                <span>{c.summary}</span>
                <ComplaintFiles complaint={c} canEdit={canEdit} onUpload={upload} />
              </Space>
            ),
          },
          {
            title: t('personnel.complaint.status'),
            width: 160,
            render: (_: unknown, c) => (
              <Space direction="vertical" size={0}>
                <Tag color={c.status === 'concluded' ? (c.outcome === 'founded' ? 'red' : 'green') : 'orange'}>{c.statusLabel}</Tag>
                {c.outcomeLabel && <Typography.Text type="secondary">{c.outcomeLabel}</Typography.Text>}
              </Space>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  width: 140,
                  render: (_: unknown, c: Complaint) =>
                    c.nextStatus && (
                      <Button size="small" onClick={() => onAdvance(c)}>
                        {t(`personnel.complaint.advance.${c.nextStatus as 'assigned' | 'verified' | 'concluded'}`)}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

export function AdvanceComplaintDialog({ complaint, onClose }: { complaint: Complaint; onClose: () => void }) {
  const { t } = useTranslation();
  const advance = useAdvanceComplaint();
  const to = complaint.nextStatus as 'assigned' | 'verified' | 'concluded';
  return (
    <FormDialog<{ assignee?: string; verification?: string; conclusion?: string; outcome?: (typeof complaintOutcomes)[number]; concludedOn?: Dayjs }>
      title={`${t(`personnel.complaint.advance.${to}`)} — ${complaint.personName}`}
      okText={t(`personnel.complaint.advance.${to}`)}
      onClose={onClose}
      onSubmit={async (v) => {
        await advance.mutateAsync({ id: complaint.id, version: complaint.version, to, assignee: v.assignee, verification: v.verification, conclusion: v.conclusion, outcome: v.outcome, concludedOn: toIsoDate(v.concludedOn) });
        return t('personnel.complaint.advanced');
      }}
    >
      <Typography.Paragraph>{complaint.summary}</Typography.Paragraph>
      {to === 'assigned' && (
        <Form.Item name="assignee" label={t('personnel.complaint.assignee')} rules={[requiredRule(t('personnel.complaint.assignee'))]}>
          <Input maxLength={200} />
        </Form.Item>
      )}
      {to === 'verified' && (
        <Form.Item name="verification" label={t('personnel.complaint.verification')} rules={[requiredRule(t('personnel.complaint.verification'))]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      )}
      {to === 'concluded' && (
        <>
          <Form.Item name="conclusion" label={t('personnel.complaint.conclusion')} rules={[requiredRule(t('personnel.complaint.conclusion'))]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item name="outcome" label={t('personnel.complaint.outcome')} rules={[{ required: true, message: t('validation.requiredField', { label: t('personnel.complaint.outcome') }) }]}>
            <Select options={complaintOutcomes.map((o) => ({ value: o, label: t(`personnel.complaint.outcomes.${o}`) }))} />
          </Form.Item>
          <Form.Item name="concludedOn" label={t('personnel.complaint.concludedOn')} rules={[{ required: true, message: t('validation.requiredField', { label: t('personnel.complaint.concludedOn') }) }]}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
