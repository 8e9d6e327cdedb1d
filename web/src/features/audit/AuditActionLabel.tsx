import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { actionColor, isKnownAction } from './audit-actions.ts';

export function AuditActionLabel({ action }: { action: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={actionColor(action)} title={action}>
      {isKnownAction(action) ? t(`audit.actions.${action}`) : action}
    </Tag>
  );
}
