import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import { type User, useUpdateUser } from './accounts.api.ts';
import { NewPasswordFields } from './UserFields.tsx';

type Values = { password: string; passwordConfirm: string };

/** The user must change this password at next sign-in (the server marks it). */
export function ResetPasswordDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  return (
    <FormDialog<Values>
      title={t('users.resetTitle', { username: user.username })}
      okText={t('users.resetOk')}
      onClose={onClose}
      onSubmit={async (v) => {
        await update.mutateAsync({ id: user.id, password: v.password });
        return t('users.resetDone', { username: user.username });
      }}
    >
      <Typography.Paragraph type="secondary">{t('users.resetHelp')}</Typography.Paragraph>
      <NewPasswordFields label={t('password.new')} />
    </FormDialog>
  );
}
