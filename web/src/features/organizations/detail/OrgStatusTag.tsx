import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Org } from '../orgs.api.ts';

const color = { active: 'green', closed: 'default', merged: 'orange' } as const;

export function OrgStatusTag({ status }: { status: Org['status'] }) {
  const { t } = useTranslation();
  return <Tag color={color[status]}>{t(`orgs.status.${status}`)}</Tag>;
}
