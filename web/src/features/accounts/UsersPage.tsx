import { useState } from 'react';
import { Alert, App, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { errorMessage } from '../../lib/api.ts';
import { foldVietnamese, formatDateVi, viCollator } from '../../lib/format.ts';
import { type User, useUpdateUser, useUsers } from './accounts.api.ts';
import { roleColor, roleLabelKey } from './roles.ts';
import { useMe } from './session.tsx';
import { CreateUserDialog } from './CreateUserDialog.tsx';
import { EditUserDialog } from './EditUserDialog.tsx';
import { ResetPasswordDialog } from './ResetPasswordDialog.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User } | null;

/** Người dùng: accounts inside the administrator's scope. */
export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.users'));
  const me = useMe();
  const { message } = App.useApp();
  const { data, error, isPending } = useUsers();
  const update = useUpdateUser();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [filter, setFilter] = useState('');

  const folded = foldVietnamese(filter);
  const users = (data ?? []).filter(
    (u) => !folded || foldVietnamese(`${u.username} ${u.fullName} ${u.scopeOrg.name}`).includes(folded),
  );

  const setActive = async (user: User, active: boolean) => {
    try {
      await update.mutateAsync({ id: user.id, active });
      void message.success(t(active ? 'users.activated' : 'users.deactivated', { username: user.username }));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <div className="page">
      <div className="page__head">
        <Typography.Title level={2}>{t('nav.users')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
          {t('users.create')}
        </Button>
      </div>
      <Card size="small">
        <Input.Search
          aria-label={t('users.filter')}
          placeholder={t('users.filterPlaceholder')}
          allowClear
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          style={{ maxWidth: 360, marginBottom: 12 }}
        />
        {error && <Alert type="error" showIcon message={errorMessage(error)} />}
        <Table<User>
          rowKey="id"
          size="middle"
          loading={isPending}
          dataSource={users}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1180 }}
          columns={[
            { title: t('users.username'), dataIndex: 'username', sorter: (a, b) => viCollator.compare(a.username, b.username) },
            {
              title: t('users.fullName'),
              dataIndex: 'fullName',
              sorter: (a, b) => viCollator.compare(a.fullName, b.fullName),
              defaultSortOrder: 'ascend',
            },
            { title: t('users.role'), dataIndex: 'role', render: (r: User['role']) => <Tag color={roleColor[r]}>{t(roleLabelKey[r])}</Tag> },
            {
              title: t('users.scope'),
              key: 'scope',
              render: (_, u) => u.scopeOrg.name,
              sorter: (a, b) => viCollator.compare(a.scopeOrg.name, b.scopeOrg.name),
            },
            {
              title: t('users.status'),
              dataIndex: 'active',
              render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{t(a ? 'users.active' : 'users.inactive')}</Tag>,
            },
            { title: t('users.createdAt'), dataIndex: 'createdAt', render: (d: string) => formatDateVi(new Date(d)) },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 300,
              render: (_, u) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user: u })} aria-label={t('users.editOf', { username: u.username })}>
                    {t('common.edit')}
                  </Button>
                  <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', user: u })} aria-label={t('users.resetOf', { username: u.username })}>
                    {t('users.resetPassword')}
                  </Button>
                  {u.id !== me.id &&
                    (u.active ? (
                      <Popconfirm
                        title={t('users.deactivateConfirm', { username: u.username })}
                        okText={t('users.deactivate')}
                        cancelText={t('common.cancel')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => setActive(u, false)}
                      >
                        <Button type="link" size="small" danger aria-label={t('users.deactivateOf', { username: u.username })}>
                          {t('users.deactivate')}
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button type="link" size="small" onClick={() => void setActive(u, true)} aria-label={t('users.activateOf', { username: u.username })}>
                        {t('users.activate')}
                      </Button>
                    ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {dialog?.kind === 'create' && <CreateUserDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <EditUserDialog user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordDialog user={dialog.user} onClose={() => setDialog(null)} />}
    </div>
  );
}
