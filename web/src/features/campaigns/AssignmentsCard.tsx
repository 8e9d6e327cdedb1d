import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { assignmentDuties, assignmentDutyLabels } from '../../../../shared/src/contracts/campaigns.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatDateVi } from '../../lib/format.ts';
import { requiredRule } from '../../lib/forms.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import { type Congress, directorsQuery, useCreateDirector, useSetAssignments } from './campaigns.api.ts';

type Duty = (typeof assignmentDuties)[number];
type Row = { key: number; directorId?: number; duty: Duty };

/** Standing-committee members of the upper levels who direct or attend this congress; each opens their calendar. */
export function AssignmentsCard({ c }: { c: Congress }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section aria-label={t('campaigns.congress.assignments')}>
      <Card title={t('campaigns.congress.assignments')} extra={c.can.assign && <Button onClick={() => setOpen(true)}>{t('campaigns.assign.open')}</Button>}>
        <Table
          rowKey={(a) => `${a.directorId}-${a.duty}`}
          size="small"
          pagination={false}
          dataSource={c.assignments}
          locale={{ emptyText: t('campaigns.congress.noAssignments') }}
          columns={[
            {
              title: t('campaigns.congress.director'),
              render: (_, a) => (
                <>
                  <Link to={`/campaigns/${c.campaign.id}/directors/${a.directorId}`}>{a.fullName}</Link> — {a.position}
                </>
              ),
            },
            { title: t('campaigns.congress.duty'), render: (_, a) => assignmentDutyLabels[a.duty] },
            {
              title: t('campaigns.congress.warnings'),
              render: (_, a) =>
                a.clashes.length ? (
                  <Tag color="orange">{t('campaigns.congress.clash', { list: a.clashes.map((x) => `${x.orgName} ${formatDateVi(x.start)}`).join('; ') })}</Tag>
                ) : null,
            },
          ]}
        />
      </Card>
      {open && <AssignDialog c={c} onClose={() => setOpen(false)} />}
    </section>
  );
}

let nextKey = 1;

function AssignDialog({ c, onClose }: { c: Congress; onClose: () => void }) {
  const { t } = useTranslation();
  const eligible = useQuery(directorsQuery(c.campaign.id, c.id));
  const save = useSetAssignments();
  const [rows, setRows] = useState<Row[]>(() => c.assignments.map((a) => ({ key: nextKey++, directorId: a.directorId, duty: a.duty })));
  const [err, setErr] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const chosen = new Set(rows.map((r) => r.directorId));
  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const submit = async () => {
    setErr(null);
    if (rows.some((r) => r.directorId === undefined)) return setErr(t('campaigns.assign.pickEveryRow'));
    try {
      await save.mutateAsync({ id: c.id, assignments: rows.map((r) => ({ directorId: r.directorId!, duty: r.duty })) });
      onClose();
    } catch (e) {
      setErr(errorMessage(e));
    }
  };
  return (
    <Modal open title={t('campaigns.assign.title', { name: c.org.name })} onCancel={onClose} onOk={submit} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={save.isPending} width={720} maskClosable={false} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('campaigns.assign.intro')}</Typography.Paragraph>
      {err && <Alert type="error" showIcon role="alert" message={err} className="form-dialog__error" />}
      {eligible.error && <Alert type="error" showIcon message={errorMessage(eligible.error)} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {rows.map((r, i) => (
          <Space key={r.key} wrap className="assign-row">
            <Select
              aria-label={t('campaigns.assign.person', { n: i + 1 })}
              style={{ width: 420 }}
              showSearch
              optionFilterProp="label"
              placeholder={t('campaigns.assign.pick')}
              value={r.directorId}
              loading={eligible.isLoading}
              onChange={(v: number) => update(r.key, { directorId: v })}
              options={(eligible.data ?? []).map((d) => ({ value: d.id, label: `${d.fullName} — ${d.position} (${d.org.name})`, disabled: chosen.has(d.id) && d.id !== r.directorId }))}
            />
            <Select aria-label={t('campaigns.assign.duty', { n: i + 1 })} style={{ width: 120 }} value={r.duty} onChange={(v: Duty) => update(r.key, { duty: v })} options={assignmentDuties.map((d) => ({ value: d, label: assignmentDutyLabels[d] }))} />
            <Button aria-label={t('campaigns.assign.remove', { n: i + 1 })} icon={<DeleteOutlined aria-hidden />} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))} />
          </Space>
        ))}
        <Space wrap>
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setRows((rs) => [...rs, { key: nextKey++, duty: rs.length === 0 ? 'direct' : 'attend' }])}>
            {t('campaigns.assign.addRow')}
          </Button>
          <Button type="link" onClick={() => setAdding(true)}>
            {t('campaigns.assign.newPerson')}
          </Button>
        </Space>
      </Space>
      {adding && (
        <NewDirectorDialog
          c={c}
          onClose={() => setAdding(false)}
          onCreated={(id) => setRows((rs) => [...rs.filter((x) => x.directorId !== undefined), { key: nextKey++, directorId: id, duty: rs.length === 0 ? 'direct' : 'attend' }])}
        />
      )}
    </Modal>
  );
}

type NewDirector = { orgId: number; fullName: string; position: string };

/** A standing-committee member of one of the committees above the congress. */
function NewDirectorDialog({ c, onClose, onCreated }: { c: Congress; onClose: () => void; onCreated: (id: number) => void }) {
  const { t } = useTranslation();
  const create = useCreateDirector();
  const nameLabel = t('campaigns.assign.fullName');
  const positionLabel = t('campaigns.assign.position');
  const orgLabel = t('campaigns.assign.committee');
  return (
    <FormDialog<NewDirector>
      title={t('campaigns.assign.newPerson')}
      okText={t('common.save')}
      onClose={onClose}
      initialValues={{ orgId: c.org.ancestors.at(-1)?.id }}
      onSubmit={async (v) => {
        const d = await create.mutateAsync({ campaignId: c.campaign.id, orgId: v.orgId, fullName: v.fullName.trim(), position: v.position.trim() });
        onCreated(d.id);
        return t('campaigns.assign.personAdded', { name: d.fullName });
      }}
    >
      <Form.Item name="orgId" label={orgLabel} rules={[{ required: true, message: t('validation.requiredField', { label: orgLabel }) }]}>
        <Select options={c.org.ancestors.map((a) => ({ value: a.id, label: a.name }))} />
      </Form.Item>
      <Form.Item name="fullName" label={nameLabel} rules={[requiredRule(nameLabel)]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="position" label={positionLabel} rules={[requiredRule(positionLabel)]}>
        <Input maxLength={300} placeholder={t('campaigns.assign.positionHint')} />
      </Form.Item>
    </FormDialog>
  );
}
