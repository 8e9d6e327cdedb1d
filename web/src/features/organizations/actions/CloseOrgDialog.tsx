import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { today, toIsoDate } from '../../../lib/dates.ts';
import { requiredRule } from '../../../lib/forms.ts';
import { FormDialog } from '../../../lib/ui/FormDialog.tsx';
import { type OrgWithAncestors, useCloseOrg } from '../orgs.api.ts';
import { DateField } from './OrgFields.tsx';

type Values = { date: Dayjs; reason: string };

/** Giải thể: the unit stays in history with its end date and reason. */
export function CloseOrgDialog({ org: current, onClose }: { org: OrgWithAncestors; onClose: () => void }) {
  // The unit as it was when the form opened: a save after someone else's change must conflict, not overwrite.
  const [org] = useState(current);
  const { t } = useTranslation();
  const closeOrg = useCloseOrg();
  const reasonLabel = t('orgs.dialogs.closeReason');
  return (
    <FormDialog<Values>
      title={t('orgs.dialogs.closeTitle', { name: org.name })}
      okText={t('orgs.dialogs.closeOk')}
      danger
      onClose={onClose}
      initialValues={{ date: today() }}
      onSubmit={async (v) => {
        await closeOrg.mutateAsync({ id: org.id, version: org.version, date: toIsoDate(v.date)!, reason: v.reason.trim() });
        return t('orgs.dialogs.closed', { name: org.name });
      }}
    >
      <Alert type="warning" showIcon message={t('orgs.dialogs.closeWarning')} className="form-dialog__note" />
      <DateField name="date" label={t('orgs.dialogs.closeDate')} required />
      <Form.Item name="reason" label={reasonLabel} rules={[requiredRule(reasonLabel)]}>
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
    </FormDialog>
  );
}
