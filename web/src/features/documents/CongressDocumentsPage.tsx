import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { type DocumentType, documentTypes } from '../../../../shared/src/contracts/documents.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { errorMessage } from '../../lib/api.ts';
import { requiredRule } from '../../lib/forms.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import { congressDocumentsQuery, useCreateDocument } from './documents.api.ts';

/** The documents of one congress, with the types the approval checklist requires. */
export function CongressDocumentsPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { data, error, isPending } = useQuery(congressDocumentsQuery(id));
  usePageTitle(data ? t('documents.congress.title', { org: data.congress.org.name }) : t('documents.title'));
  const [creating, setCreating] = useState(false);
  type Row = NonNullable<typeof data>['documents'][number];
  return (
    <div className="page">
      <Breadcrumb items={[{ title: <Link to="/documents">{t('documents.title')}</Link> }, { title: data?.congress.org.name ?? '…' }]} />
      <div className="page__head">
        <Typography.Title level={2}>{data ? t('documents.congress.title', { org: data.congress.org.name }) : t('documents.title')}</Typography.Title>
        {data?.can.write && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('documents.congress.create')}
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon message={errorMessage(error)} />}
      {data && (
        <Alert
          type="info"
          showIcon
          message={
            <>
              {t('documents.congress.required', { types: data.required.types.map((x) => t(`documents.type.${x}`)).join(', ') })}{' '}
              {!data.required.confirmed && <Tag color="orange">{t('documents.congress.unconfirmed')}</Tag>}
            </>
          }
        />
      )}
      <Card>
        <Table<Row>
          rowKey="id"
          loading={isPending}
          dataSource={data?.documents ?? []}
          pagination={false}
          locale={{ emptyText: t('documents.congress.empty') }}
          columns={[
            { title: t('documents.congress.docTitle'), render: (_, d) => <Link to={`/documents/${d.id}`}>{d.title}</Link> },
            { title: t('documents.congress.docType'), render: (_, d) => t(`documents.type.${d.docType}`) },
            { title: t('documents.congress.latest'), align: 'right', render: (_, d) => d.latestVersionNo ?? t('documents.congress.none') },
            {
              title: t('documents.congress.approved'),
              render: (_, d) => (d.approvedVersionNo ? <Tag color="green">{t('documents.doc.approvedTag')}: {d.approvedVersionNo}</Tag> : <Tag>{t('documents.congress.none')}</Tag>),
            },
          ]}
        />
      </Card>
      {creating && <CreateDocumentDialog congressId={id} onClose={() => setCreating(false)} />}
    </div>
  );
}

function CreateDocumentDialog({ congressId, onClose }: { congressId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateDocument(congressId);
  const titleLabel = t('documents.congress.docTitle');
  return (
    <FormDialog<{ docType: DocumentType; title: string }>
      title={t('documents.congress.create')}
      okText={t('documents.congress.create')}
      onClose={onClose}
      initialValues={{ docType: 'politicalReport' }}
      onSubmit={async (v) => {
        const d = await create.mutateAsync({ docType: v.docType, title: v.title.trim() });
        navigate(`/documents/${d.id}`);
        return t('documents.congress.created');
      }}
    >
      <Form.Item name="docType" label={t('documents.congress.docType')} rules={[{ required: true }]}>
        <Select options={documentTypes.map((x) => ({ value: x, label: t(`documents.type.${x}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={titleLabel} rules={[requiredRule(titleLabel)]}>
        <Input maxLength={300} />
      </Form.Item>
    </FormDialog>
  );
}
