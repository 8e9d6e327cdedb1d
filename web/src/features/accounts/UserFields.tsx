import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { passwordSchema } from '../../../../shared/src/contracts/accounts.ts';
import { requiredRule, zodRule } from '../../lib/forms.ts';
import { OrgPicker } from '../organizations/OrgPicker.tsx';
import { roleLabelKey, roles } from './roles.ts';

export function RoleField() {
  const { t } = useTranslation();
  const label = t('users.role');
  return (
    <Form.Item name="role" label={label} rules={[{ required: true, message: t('validation.requiredField', { label }) }]}>
      <Select options={roles.map((r) => ({ value: r, label: t(roleLabelKey[r]) }))} virtual={false} />
    </Form.Item>
  );
}

export function ScopeField() {
  const { t } = useTranslation();
  const label = t('users.scope');
  return (
    <Form.Item name="scopeOrg" label={label} extra={t('users.scopeHint')} rules={[{ required: true, message: t('validation.requiredField', { label }) }]}>
      <OrgPicker />
    </Form.Item>
  );
}

export function NewPasswordFields({ label }: { label?: string }) {
  const { t } = useTranslation();
  const l = label ?? t('users.password');
  const confirmLabel = t('password.confirm');
  return (
    <>
      <Form.Item name="password" label={l} rules={[requiredRule(l), zodRule(passwordSchema)]} extra={t('password.rules')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="passwordConfirm"
        label={confirmLabel}
        dependencies={['password']}
        rules={[
          requiredRule(confirmLabel),
          ({ getFieldValue }) => ({
            validator: async (_r, v: string) => {
              if (v && v !== getFieldValue('password')) throw new Error(t('password.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
