import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { errorMessage } from '../../lib/api.ts';
import { requiredRule, showFieldErrors } from '../../lib/forms.ts';
import { changePassword, meQueryKey } from './accounts.api.ts';
import { useMe } from './session.tsx';
import { NewPasswordFields } from './UserFields.tsx';

type Values = { currentPassword: string; password: string; passwordConfirm: string };

/** Đổi mật khẩu; the server ends the user's other sessions. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.changePassword'));
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const currentLabel = t('password.current');

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword({ currentPassword: v.currentPassword, newPassword: v.password });
      form.resetFields();
      void message.success(t('password.changed'));
      if (me.mustChangePassword) {
        await qc.invalidateQueries({ queryKey: meQueryKey });
        navigate('/');
      }
    } catch (e) {
      if (!showFieldErrors(form, e)) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <Typography.Title level={2}>{t('nav.changePassword')}</Typography.Title>
      <Card style={{ maxWidth: 520 }}>
        {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} />}
        <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={busy}>
          <Form.Item name="currentPassword" label={currentLabel} rules={[requiredRule(currentLabel)]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <NewPasswordFields label={t('password.new')} />
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
