import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConsultationState } from '../../../../shared/src/contracts/documents.ts';

export function StateTag({ state }: { state: ConsultationState }) {
  const { t } = useTranslation();
  return <Tag color={state === 'open' ? 'green' : state === 'closed' ? 'default' : 'blue'}>{t(`documents.state.${state}`)}</Tag>;
}
