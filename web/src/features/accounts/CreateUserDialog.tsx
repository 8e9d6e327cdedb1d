import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { usernameSchema } from '../../../../shared/src/contracts/accounts.ts';
import { requiredRule, zodRule } from '../../lib/forms.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import type { PickedOrg } from '../organizations/OrgPicker.tsx';
import { useCreateUser } from './accounts.api.ts';
import type { Role } from './roles.ts';
import { useMe } from './session.tsx';
import { NewPasswordFields, RoleField, ScopeField } from './UserFields.tsx';

type Values = { username: string; fullName: string; role: Role; scopeOrg: PickedOrg; password: string; passwordConfirm: string };

export function CreateUserDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const create = useCreateUser();
  const usernameLabel = t('users.username');
  const fullNameLabel = t('users.fullName');
  return (
    <FormDialog<Values>
      title={t('users.create')}
      okText={t('users.createOk')}
      onClose={onClose}
      initialValues={{ role: 'organizer', scopeOrg: { value: me.scopeOrg.id, label: me.scopeOrg.name } }}
      onSubmit={async (v) => {
        const u = await create.mutateAsync({
          username: v.username.trim(),
          fullName: v.fullName.trim(),
          role: v.role,
          scopeOrgId: v.scopeOrg.value,
          password: v.password,
        });
        return t('users.created', { username: u.username });
      }}
    >
      <Form.Item name="username" label={usernameLabel} rules={[requiredRule(usernameLabel), zodRule(usernameSchema)]}>
        <Input autoComplete="off" maxLength={64} />
      </Form.Item>
      <Form.Item name="fullName" label={fullNameLabel} rules={[requiredRule(fullNameLabel)]}>
        <Input autoComplete="off" maxLength={200} />
      </Form.Item>
      <RoleField />
      <ScopeField />
      <NewPasswordFields label={t('users.initialPassword')} />
    </FormDialog>
  );
}
