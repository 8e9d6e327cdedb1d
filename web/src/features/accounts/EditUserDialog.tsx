import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UpdateUserRequest } from '../../../../shared/src/contracts/accounts.ts';
import { requiredRule } from '../../lib/forms.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import type { PickedOrg } from '../organizations/OrgPicker.tsx';
import { type User, useUpdateUser } from './accounts.api.ts';
import type { Role } from './roles.ts';
import { RoleField, ScopeField } from './UserFields.tsx';

type Values = { fullName: string; role: Role; scopeOrg: PickedOrg };

/** Full name, role and scope; changing role or scope ends the user's open sessions (server side). */
export function EditUserDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const fullNameLabel = t('users.fullName');
  return (
    <FormDialog<Values>
      title={t('users.editTitle', { username: user.username })}
      okText={t('common.save')}
      onClose={onClose}
      initialValues={{ fullName: user.fullName, role: user.role, scopeOrg: { value: user.scopeOrg.id, label: user.scopeOrg.name } }}
      onSubmit={async (v) => {
        const changes: UpdateUserRequest = {};
        if (v.fullName.trim() !== user.fullName) changes.fullName = v.fullName.trim();
        if (v.role !== user.role) changes.role = v.role;
        if (v.scopeOrg.value !== user.scopeOrg.id) changes.scopeOrgId = v.scopeOrg.value;
        if (Object.keys(changes).length === 0) return t('orgs.dialogs.noChanges');
        await update.mutateAsync({ id: user.id, ...changes });
        return t('users.saved', { username: user.username });
      }}
    >
      <Form.Item name="fullName" label={fullNameLabel} rules={[requiredRule(fullNameLabel)]}>
        <Input maxLength={200} />
      </Form.Item>
      <RoleField />
      <ScopeField />
    </FormDialog>
  );
}
