import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../lib/api.ts';
import { formatDateVi } from '../../lib/format.ts';
import { CreateElectionDialog } from './CreateElectionDialog.tsx';
import { type ElectionSummary, orgElectionsQuery } from './elections.api.ts';
import { statusColor } from './labels.ts';

/** The "Bầu cử" tab of an organization: its elections, and "Tạo cuộc bầu cử" for those who may write here. */
export function OrgElections({ org }: { org: { id: number; name: string; canWrite: boolean } }) {
  const { t } = useTranslation();
  const { data, error, isPending } = useQuery(orgElectionsQuery(org.id));
  const [creating, setCreating] = useState(false);

  if (error) return <Alert type="error" showIcon message={errorMessage(error)} />;
  return (
    <div className="org-elections">
      {org.canWrite && (
        <div className="org-elections__toolbar">
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('elections.create.button')}
          </Button>
        </div>
      )}
      <Table<ElectionSummary>
        rowKey="id"
        size="middle"
        loading={isPending}
        dataSource={data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('elections.list.none')} /> }}
        columns={[
          { key: 'title', title: t('elections.fields.title'), render: (_, e) => <Link to={`/elections/${e.id}`}>{e.title}</Link> },
          { key: 'kind', title: t('elections.fields.kind'), dataIndex: 'kindLabel', width: 220 },
          { key: 'seats', title: t('elections.fields.seatsShort'), dataIndex: 'seats', width: 90, align: 'right' },
          { key: 'status', title: t('elections.fields.status'), width: 170, render: (_, e) => <Tag color={statusColor[e.status]}>{t(`elections.status.${e.status}`)}</Tag> },
          { key: 'createdAt', title: t('elections.fields.createdAt'), width: 120, render: (_, e) => formatDateVi(new Date(e.createdAt)) },
        ]}
      />
      {creating && <CreateElectionDialog org={org} onClose={() => setCreating(false)} />}
    </div>
  );
}
