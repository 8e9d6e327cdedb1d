import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../lib/api.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { signIn } from './accounts.api.ts';
import { type SignInLocationState, useSession } from './session.tsx';

type Credentials = { username: string; password: string };

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const { me, signedIn, lostReason } = useSession();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as SignInLocationState;
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (me && !submitting) return <Navigate to={state.from ?? '/'} replace />;

  const submit = async (values: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      const user = await signIn(values);
      signedIn(user);
      navigate(user.mustChangePassword ? '/password' : (state.from ?? '/'), { replace: true });
    } catch (e) {
      // Wrong password and too many attempts both come with the server's Vietnamese sentence.
      setError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <main className="sign-in">
      <div className="sign-in__lang">
        <LanguageSwitch />
      </div>
      <Card className="sign-in__card">
        <div className="sign-in__brand">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <div>
            <Typography.Title level={2} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
        </div>
        <Typography.Title level={4}>{t('signIn.title')}</Typography.Title>
        {lostReason === 'SESSION_EXPIRED' && !error && <Alert type="warning" showIcon message={t('signIn.expired')} style={{ marginBottom: 16 }} />}
        {(state.signedOut || lostReason === 'SIGNED_OUT') && !error && <Alert type="info" showIcon message={t('signIn.signedOut')} style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} />}
        <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false} disabled={submitting}>
          <Form.Item label={t('signIn.username')} name="username" rules={[{ required: true, whitespace: true, message: t('signIn.usernameRequired') }]}>
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label={t('signIn.password')} name="password" rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            {t('signIn.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
